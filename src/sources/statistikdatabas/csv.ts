/**
 * Reading Socialstyrelsen's statistikdatabas export: the ZIP (`statistikdatabasen-ekonomiskt
 * bistand.zip`) is unpacked with fflate, each CSV is decoded (UTF-8, falling back to Windows-1252,
 * which older Swedish exports use), its delimiter detected (";", "," or tab) and parsed with
 * csv-parse. Errors name the file.
 */
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { ImportError } from '../excel/errors.js';

/** A CSV file's bytes with its name (inside a ZIP: "export.zip/tabell.csv"). */
export interface CsvSource {
	readonly name: string;
	readonly bytes: Uint8Array;
}

/** A parsed CSV: header cells and records with their line numbers in the file. */
export interface CsvTable {
	readonly name: string;
	readonly headers: readonly string[];
	readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** Decodes bytes as UTF-8 (BOM removed), or as Windows-1252 when they are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The delimiter of a header line: the most frequent of ";", tab and ",". */
export function detectDelimiter(headerLine: string): string {
	const counts = [';', '\t', ','].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
	counts.sort((a, b) => b.n - a.n);
	const best = counts[0];
	return best && best.n > 0 ? best.d : ';';
}

/** Parses one CSV text. Throws {@link ImportError} naming the file on malformed input. */
export function parseCsv(name: string, text: string): CsvTable {
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = detectDelimiter(firstLine);
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter,
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new ImportError([{ file: name, message: `CSV-filen går inte att läsa: ${message}` }], { cause: error });
	}
	const [head, ...body] = records;
	if (!head || head.record.every((c) => c.trim() === '')) {
		throw new ImportError([{ file: name, message: 'CSV-filen är tom (ingen rubrikrad)' }]);
	}
	return {
		name,
		headers: head.record,
		rows: body.map((r) => ({ line: r.info.lines, cells: r.record })),
	};
}

/**
 * The CSV files inside a ZIP. Throws {@link ImportError} when the bytes are not a ZIP or hold no
 * CSV. An .xlsx is a ZIP too: `isWorkbook` tells the caller to read it as a workbook instead.
 */
export function unzipCsv(zipName: string, bytes: Uint8Array): { isWorkbook: boolean; files: CsvSource[] } {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes);
	} catch (error) {
		throw new ImportError(
			[
				{
					file: zipName,
					message: `filen är ingen läsbar ZIP-fil (${error instanceof Error ? error.message : String(error)})`,
				},
			],
			{ cause: error },
		);
	}
	const names = Object.keys(entries);
	if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) {
		return { isWorkbook: true, files: [] };
	}
	const files = names
		.filter((n) => /\.(csv|txt)$/i.test(n) && !n.startsWith('__MACOSX/'))
		.sort()
		.map((n) => ({ name: `${zipName}/${n}`, bytes: entries[n] ?? new Uint8Array() }));
	if (files.length === 0) {
		throw new ImportError([
			{
				file: zipName,
				message: `ZIP-filen innehåller ingen CSV-fil (innehåll: ${names.slice(0, 10).join(', ') || 'inget'})`,
			},
		]);
	}
	return { isWorkbook: false, files };
}
