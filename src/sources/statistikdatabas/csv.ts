/**
 * Reading Socialstyrelsen's statistikdatabas export: the ZIP (`statistikdatabasen-ekonomiskt
 * bistand.zip`) is unpacked with fflate (streaming, with caps on the number of entries and on the
 * inflated size, so a zip bomb is refused long before it fills memory), each CSV is decoded (UTF-8, falling back to Windows-1252,
 * which older Swedish exports use), its delimiter detected (";", "," or tab) and parsed with
 * csv-parse. Errors name the file.
 */
import { parse } from 'csv-parse/sync';
import { Unzip, UnzipInflate } from 'fflate';
import { ImportError } from '../excel/errors.js';

/** Limits on a file to import; far above the real exports, far below what would exhaust memory. */
export const IMPORT_LIMITS = {
	/** Bytes of one file as given (CSV, ZIP or workbook). */
	fileBytes: 100 * 1024 * 1024,
	/** Entries in one ZIP (a workbook is a ZIP too). */
	zipEntries: 2000,
	/** Bytes of all entries of one ZIP once inflated. */
	inflatedBytes: 200 * 1024 * 1024,
} as const;

/** Whether the bytes start like a ZIP file: a local file header or, for an empty ZIP, the end record. */
export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** How much compressed data is inflated per step: bounds a single inflated chunk to about 16 MB. */
const STEP = 16 * 1024;

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Inflates a ZIP entry by entry and step by step, refusing it with {@link ImportError} once it has
 * more than {@link IMPORT_LIMITS.zipEntries} entries or inflates to more than
 * {@link IMPORT_LIMITS.inflatedBytes} in all, whatever sizes its headers claim. Entries `keep`
 * accepts are returned; the others are only counted.
 */
export function inflateZip(
	zipName: string,
	bytes: Uint8Array,
	keep: (name: string) => boolean,
	limits: { readonly entries: number; readonly inflatedBytes: number } = {
		entries: IMPORT_LIMITS.zipEntries,
		inflatedBytes: IMPORT_LIMITS.inflatedBytes,
	},
): { names: string[]; files: Map<string, Uint8Array> } {
	const refuse = (message: string): ImportError => new ImportError([{ file: zipName, message }]);
	if (!isZip(bytes)) throw refuse('filen är ingen läsbar ZIP-fil (den börjar inte som en ZIP-fil)');
	const names: string[] = [];
	const chunks = new Map<string, Uint8Array[]>();
	let total = 0;
	let failure: ImportError | undefined;
	const unzip = new Unzip();
	unzip.register(UnzipInflate);
	unzip.onfile = (entry) => {
		if (failure) return;
		names.push(entry.name);
		if (names.length > limits.entries) {
			failure = refuse(`ZIP-filen har fler än ${limits.entries} delar; det ser inte ut som en export att importera`);
			return;
		}
		const kept: Uint8Array[] | undefined = keep(entry.name) ? [] : undefined;
		if (kept) chunks.set(entry.name, kept);
		entry.ondata = (error, data) => {
			if (failure) return;
			if (error) {
				failure = refuse(`filen är ingen läsbar ZIP-fil (${error.message})`);
				return;
			}
			total += data.byteLength;
			if (total > limits.inflatedBytes) {
				failure = refuse(
					`ZIP-filen packas upp till mer än ${mb(limits.inflatedBytes)}; en sådan fil importeras inte (packa upp den och kontrollera innehållet)`,
				);
				entry.terminate();
				return;
			}
			kept?.push(data);
		};
		entry.start();
	};
	try {
		for (let at = 0; at < bytes.byteLength && !failure; at += STEP) {
			unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.byteLength);
		}
	} catch (error) {
		failure ??= refuse(`filen är ingen läsbar ZIP-fil (${error instanceof Error ? error.message : String(error)})`);
	}
	if (failure) throw failure;
	const files = new Map<string, Uint8Array>();
	for (const [name, parts] of chunks) files.set(name, Buffer.concat(parts));
	return { names, files };
}

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
	const isCsv = (n: string): boolean => /\.(csv|txt)$/i.test(n) && !n.startsWith('__MACOSX/');
	const { names, files: entries } = inflateZip(zipName, bytes, isCsv);
	if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) {
		return { isWorkbook: true, files: [] };
	}
	const files = names
		.filter(isCsv)
		.sort()
		.map((n) => ({ name: `${zipName}/${n}`, bytes: entries.get(n) ?? new Uint8Array() }));
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
