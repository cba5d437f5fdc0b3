import { Zip, ZipDeflate, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/sources/excel/errors.js';
import { readWorkbook } from '../../../src/sources/excel/workbook.js';
import { IMPORT_LIMITS, inflateZip, unzipCsv } from '../../../src/sources/statistikdatabas/csv.js';

/**
 * A ZIP whose entries inflate to `megabytes` of the same byte each, built by streaming so the test
 * never holds the inflated data: a few hundred kilobytes on disk, far more once unpacked.
 */
function bomb(entries: readonly { readonly name: string; readonly megabytes: number }[]): Uint8Array {
	const parts: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		parts.push(data);
	});
	const block = new Uint8Array(1024 * 1024).fill(0x3b);
	for (const { name, megabytes } of entries) {
		const file = new ZipDeflate(name, { level: 1 });
		zip.add(file);
		if (megabytes === 0) file.push(new Uint8Array(0), true);
		for (let i = 0; i < megabytes; i++) file.push(block, i === megabytes - 1);
	}
	zip.end();
	return Buffer.concat(parts);
}

function importError(run: () => unknown): ImportError {
	try {
		run();
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error('expected an ImportError');
}

describe('ZIP files are untrusted', () => {
	// One bomb for both tests: a workbook's parts plus a CSV that inflates 10 MB past the cap.
	let bytes: Uint8Array;
	beforeAll(() => {
		bytes = bomb([
			{ name: '[Content_Types].xml', megabytes: 0 },
			{ name: 'xl/workbook.xml', megabytes: 0 },
			{ name: 'tabell.csv', megabytes: IMPORT_LIMITS.inflatedBytes / 1024 / 1024 + 10 },
		]);
	});

	it('GIVEN a CSV export that inflates past the cap THEN it is refused with a clear message, not unpacked', () => {
		expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
		const error = importError(() => unzipCsv('bomb.zip', bytes));
		expect(error.message).toMatch(/bomb\.zip: ZIP-filen packas upp till mer än 200 MB/);
	});

	it('GIVEN more entries than the cap THEN the ZIP is refused', () => {
		const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`del${i}.csv`, new Uint8Array([0x41])]));
		const error = importError(() =>
			inflateZip('många.zip', zipSync(files), () => true, { entries: 20, inflatedBytes: 1024 }),
		);
		expect(error.message).toMatch(/fler än 20 delar/);
	});

	it('GIVEN an ordinary export within the caps THEN every CSV comes out whole', () => {
		const csv = new TextEncoder().encode('År;Kommun;Värde\n2023;0180;4,2\n');
		const { files } = unzipCsv('ok.zip', zipSync({ 'a.csv': csv, 'b.txt': csv, 'bild.png': new Uint8Array(4) }));
		expect(files.map((f) => [f.name, f.bytes.byteLength])).toEqual([
			['ok.zip/a.csv', csv.byteLength],
			['ok.zip/b.txt', csv.byteLength],
		]);
	});

	it('GIVEN a workbook that inflates past the cap THEN it is refused before the workbook reader sees it', async () => {
		await expect(readWorkbook(bytes, 'bomb.xlsx')).rejects.toThrow(
			/bomb\.xlsx: ZIP-filen packas upp till mer än 200 MB/,
		);
	});
});
