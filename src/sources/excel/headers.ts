/**
 * Header detection in a results sheet: finds the row that labels the area columns (kommun, kod,
 * län, stadsdel), extends it to a two- or three-row header block when an indicator name sits on
 * one row and "Ja/Nej" or "%" below it (merged cells are spread over the columns they cover), and
 * describes every other column by its joined header text, its role hint and its year, if any.
 */
import { foldDiacritics } from '../../search/normalize.js';
import { cellText, cleanText, tokenKey } from './cells.js';
import { cellAt, columnLetter, visibleCellAt, type SheetGrid } from './grid.js';

/** What an area column holds. */
export type AreaColumnKind = 'code' | 'name' | 'lan' | 'lanCode' | 'stadsdel';

/** How a column's values are to be read; see `import.ts` for what each means per row type. */
export type ColumnRole = 'answer' | 'share' | 'shareAny' | 'value';

/** One non-area column with its header. */
export interface ColumnHeader {
	readonly col: number;
	readonly letter: string;
	/** Distinct header texts from top to bottom ("FREDA-kortfrågor", "Ja/Nej"). */
	readonly parts: readonly string[];
	/** The parts that name the indicator (role and year sub-headers removed). */
	readonly titleParts: readonly string[];
	/** The indicator title as written: title parts joined with " – ". */
	readonly title: string;
	/** Role suggested by a sub-header such as "Ja/Nej" or "%". */
	readonly roleHint?: ColumnRole;
	/** Year from a sub-header such as "2022" (trend layouts). */
	readonly year?: number;
}

/** The header layout of a sheet. */
export interface HeaderLayout {
	/** Header rows, 1-based, top to bottom. */
	readonly headerRows: readonly number[];
	/** First row after the header block. */
	readonly dataStartRow: number;
	readonly areaColumns: Readonly<Partial<Record<AreaColumnKind, number>>>;
	/** Non-area columns that have a header text. */
	readonly columns: readonly ColumnHeader[];
	/** Non-area columns with data but without any header text. */
	readonly unlabeled: readonly number[];
}

/** A row that looks like a header row, for the profile. */
export interface HeaderCandidate {
	readonly row: number;
	readonly labels: readonly { readonly col: number; readonly kind: AreaColumnKind; readonly text: string }[];
	readonly textCells: number;
}

function folded(text: string): string {
	return foldDiacritics(tokenKey(text))
		.replace(/[*¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

const NAME_HEADS = new Set([
	'kommun',
	'kommuner',
	'kommunnamn',
	'namn',
	'omrade',
	'omradesnamn',
	'region',
	'enhet',
	'organisation',
	'svarande',
	'geografi',
	'kommun lan',
]);
const NAME_TAILS = new Set([
	'och',
	'eller',
	'namn',
	'lan',
	'riket',
	'stadsdel',
	'stadsdelar',
	'stadsdelsomrade',
	'stadsdelsomraden',
	'forvaltning',
	'socialforvaltning',
	'kommun',
	'kommuner',
	'stad',
]);
const CODE =
	/^(k ?kod|kod|kommun ?(kod|nr|nummer|id)|region ?(kod|id|nr)|omrades ?(kod|id)|enhets ?(kod|id)|kommun ?lan ?kod|nr|id)$/;
const LAN_CODE = /^lans? ?(kod|nr|nummer)$/;
const LAN = /^(lan|lansnamn|lan namn|lanets namn)$/;
const STADSDEL =
	/^(stadsdel|stadsdelar|stadsdelsomrade|stadsdelsomraden|stadsdelsnamnd|stadsdelsforvaltning|socialforvaltning|forvaltning|sdn|sdo|stadsdel ?(forvaltning|socialforvaltning|omrade))( namn)?$/;

/** Classifies a header text as an area column label, if it is one. */
export function classifyAreaLabel(text: string): AreaColumnKind | undefined {
	const f = folded(text);
	if (f.length === 0 || f.length > 40) return undefined;
	if (LAN_CODE.test(f)) return 'lanCode';
	if (CODE.test(f)) return 'code';
	if (LAN.test(f)) return 'lan';
	if (STADSDEL.test(f)) return 'stadsdel';
	const words = f.split(' ');
	const head = words[0] ?? '';
	if (NAME_HEADS.has(head) && words.slice(1).every((w) => NAME_TAILS.has(w))) return 'name';
	return undefined;
}

const ANSWER_SUBHEADERS = new Set(['ja nej', 'ja eller nej', 'svar', 'svarsalternativ', 'kommunens svar', 'uppfyllt']);
const SHARE_SUBHEADERS = new Set([
	'%',
	'andel',
	'andel %',
	'andel i %',
	'andel i procent',
	'procent',
	'andel kommuner',
	'andel kommuner %',
	'andel ja',
	'andel ja %',
	'andel % ja',
]);
const SHARE_ANY_SUBHEADERS = /^(andel )?(ja )?(helt eller delvis|minst delvis)( %)?$/;

/** The role a sub-header such as "Ja/Nej", "%" or "Helt eller delvis" suggests. */
export function roleOfSubheader(text: string): ColumnRole | undefined {
	const f = folded(text)
		.replace(/\s*%\s*/g, ' % ')
		.replace(/\s+/g, ' ')
		.trim();
	if (ANSWER_SUBHEADERS.has(f)) return 'answer';
	if (SHARE_SUBHEADERS.has(f)) return 'share';
	if (SHARE_ANY_SUBHEADERS.test(f)) return 'shareAny';
	return undefined;
}

/** A year written as a sub-header ("2022"), for trend layouts. */
export function yearOfSubheader(text: string): number | undefined {
	const match = /^(19[5-9]\d|20\d\d)$/.exec(cleanText(text));
	return match ? Number(match[1]) : undefined;
}

function rowLabels(grid: SheetGrid, row: number): HeaderCandidate['labels'] {
	const labels: { col: number; kind: AreaColumnKind; text: string }[] = [];
	for (let col = 1; col <= grid.colCount; col++) {
		const text = cellText(cellAt(grid, row, col)?.value);
		if (text === undefined) continue;
		const kind = classifyAreaLabel(text);
		if (kind) labels.push({ col, kind, text });
	}
	return labels;
}

function textCellCount(grid: SheetGrid, row: number): number {
	let n = 0;
	for (let col = 1; col <= grid.colCount; col++) {
		if (typeof cellAt(grid, row, col)?.value === 'string') n += 1;
	}
	return n;
}

/** Rows in the first `maxScan` rows that label area columns, best first is the caller's choice. */
export function headerCandidates(grid: SheetGrid, maxScan = 30): HeaderCandidate[] {
	const out: HeaderCandidate[] = [];
	for (let row = 1; row <= Math.min(grid.rowCount, maxScan); row++) {
		const labels = rowLabels(grid, row);
		if (labels.some((l) => l.kind === 'name' || l.kind === 'code' || l.kind === 'stadsdel')) {
			out.push({ row, labels, textCells: textCellCount(grid, row) });
		}
	}
	return out;
}

const ANSWER_WORDS = new Set(['ja', 'nej', 'delvis', 'helt', 'inte alls']);

/** A row below the area labels that holds sub-headers: area cells empty, only texts elsewhere. */
function isSubheaderRow(grid: SheetGrid, row: number, areaCols: ReadonlySet<number>): boolean {
	let texts = 0;
	for (let col = 1; col <= grid.colCount; col++) {
		const cell = cellAt(grid, row, col);
		if (!cell) continue;
		if (areaCols.has(col)) return false;
		if (typeof cell.value === 'number') {
			if (yearOfSubheader(String(cell.value)) === undefined) return false;
			texts += 1;
			continue;
		}
		const text = cellText(cell.value);
		if (text === undefined) continue;
		if (ANSWER_WORDS.has(tokenKey(text))) return false;
		texts += 1;
	}
	return texts > 0;
}

/** A row above the area labels that names indicators over sub-headers (merged or not). */
function isSuperheaderRow(grid: SheetGrid, row: number, labelRow: number, areaCols: ReadonlySet<number>): boolean {
	const firstArea = Math.min(...areaCols);
	let hasIndicatorText = false;
	for (let col = 1; col <= grid.colCount; col++) {
		const cell = cellAt(grid, row, col);
		if (!cell || cellText(cell.value) === undefined) continue;
		if (col <= firstArea || areaCols.has(col)) continue;
		hasIndicatorText = true;
	}
	if (!hasIndicatorText) return false;
	const mergedAcross = grid.merges.some((m) => m.top === row && m.right > m.left && !areaCols.has(m.left));
	let roleBelow = false;
	for (let col = 1; col <= grid.colCount; col++) {
		if (areaCols.has(col)) continue;
		const text = cellText(cellAt(grid, labelRow, col)?.value);
		if (text !== undefined && (roleOfSubheader(text) !== undefined || yearOfSubheader(text) !== undefined))
			roleBelow = true;
	}
	return mergedAcross || roleBelow;
}

function columnHeader(grid: SheetGrid, col: number, headerRows: readonly number[]): ColumnHeader | undefined {
	const parts: string[] = [];
	for (const row of headerRows) {
		const text = cellText(visibleCellAt(grid, row, col)?.value);
		if (text !== undefined && parts[parts.length - 1] !== text) parts.push(text);
	}
	if (parts.length === 0) return undefined;
	let roleHint: ColumnRole | undefined;
	let year: number | undefined;
	const titleParts = parts.filter((part, i) => {
		if (i === 0 && parts.length === 1) return true;
		const role = roleOfSubheader(part);
		if (role) {
			roleHint = role;
			return false;
		}
		const y = i > 0 ? yearOfSubheader(part) : undefined;
		if (y !== undefined) {
			year = y;
			return false;
		}
		return true;
	});
	const titles = titleParts.length > 0 ? titleParts : parts;
	return {
		col,
		letter: columnLetter(col),
		parts,
		titleParts: titles,
		title: titles.join(' – '),
		...(roleHint === undefined ? {} : { roleHint }),
		...(year === undefined ? {} : { year }),
	};
}

/** Options that override detection (from a mapping file). */
export interface HeaderOverrides {
	readonly headerRows?: readonly number[];
	readonly dataStartRow?: number;
	readonly areaColumns?: Readonly<Partial<Record<AreaColumnKind, number>>>;
	readonly maxScan?: number;
}

/**
 * Detects the header layout of a sheet, or returns undefined when no row labels a kommun/kod
 * column (and the overrides do not say where the header is).
 */
export function detectHeader(grid: SheetGrid, overrides: HeaderOverrides = {}): HeaderLayout | undefined {
	let headerRows: number[];
	let areaColumns: Partial<Record<AreaColumnKind, number>> = {};
	if (overrides.headerRows && overrides.headerRows.length > 0) {
		headerRows = [...overrides.headerRows].sort((a, b) => a - b);
		for (const row of headerRows) {
			for (const label of rowLabels(grid, row)) areaColumns[label.kind] ??= label.col;
		}
	} else {
		const candidates = headerCandidates(grid, overrides.maxScan ?? 30);
		const best = candidates[0];
		if (!best) return undefined;
		for (const label of best.labels) areaColumns[label.kind] ??= label.col;
		const areaCols = new Set(best.labels.map((l) => l.col));
		headerRows = [best.row];
		for (let row = best.row - 1; row >= Math.max(1, best.row - 2); row--) {
			if (!isSuperheaderRow(grid, row, headerRows[0] ?? best.row, areaCols)) break;
			headerRows.unshift(row);
		}
		for (let row = best.row + 1; row <= Math.min(grid.rowCount, best.row + 2); row++) {
			if (!isSubheaderRow(grid, row, areaCols)) break;
			headerRows.push(row);
		}
	}
	if (overrides.areaColumns) areaColumns = { ...areaColumns, ...overrides.areaColumns };
	const areaCols = new Set(Object.values(areaColumns));
	const lastHeader = headerRows[headerRows.length - 1] ?? 0;
	const dataStartRow = overrides.dataStartRow ?? lastHeader + 1;
	const columns: ColumnHeader[] = [];
	const unlabeled: number[] = [];
	for (let col = 1; col <= grid.colCount; col++) {
		if (areaCols.has(col)) continue;
		const header = columnHeader(grid, col, headerRows);
		if (header) {
			columns.push(header);
			continue;
		}
		for (let row = dataStartRow; row <= grid.rowCount; row++) {
			if (cellAt(grid, row, col)) {
				unlabeled.push(col);
				break;
			}
		}
	}
	return { headerRows, dataStartRow, areaColumns, columns, unlabeled };
}
