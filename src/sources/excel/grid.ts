/**
 * A plain, library-independent model of a worksheet: cell values with their number format, the
 * used range and the merged ranges. Everything after reading the file works on this model, so the
 * detection and parsing steps are pure and testable without a workbook library.
 */

/** A cell's value after formulas, rich text and hyperlinks have been reduced to their result. */
export type CellScalar = string | number | boolean | Date | null;

/** One non-empty cell. Rows and columns are 1-based, as in Excel. */
export interface GridCell {
	readonly row: number;
	readonly col: number;
	/** A1-style address ("C12"). */
	readonly address: string;
	readonly value: CellScalar;
	/** Excel number format ("0%", "0.0"), when the cell has one. */
	readonly numFmt?: string;
	/** Excel error value ("#N/A", "#DIV/0!"), when the cell holds one; `value` is then null. */
	readonly error?: string;
}

/** A merged range: the master cell is the top-left one. */
export interface MergeRange {
	readonly top: number;
	readonly left: number;
	readonly bottom: number;
	readonly right: number;
}

/** One worksheet. */
export interface SheetGrid {
	readonly name: string;
	/** `hidden`/`veryHidden` sheets are still read, but the profile says so. */
	readonly state: 'visible' | 'hidden' | 'veryHidden';
	/** Last used row and column (0 when the sheet is empty). */
	readonly rowCount: number;
	readonly colCount: number;
	/** Non-empty cells by row: `rows[r - 1][c - 1]`. Merge slaves are absent (only masters hold values). */
	readonly rows: readonly (readonly (GridCell | undefined)[] | undefined)[];
	readonly merges: readonly MergeRange[];
}

/** Column number (1-based) to letters: 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
	let n = col;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

/** Column letters to number: "A" → 1, "AA" → 27. Returns undefined for anything else. */
export function columnIndex(letters: string): number | undefined {
	if (!/^[A-Z]{1,3}$/i.test(letters)) return undefined;
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n;
}

/** A1-style address of a cell. */
export function cellAddress(row: number, col: number): string {
	return `${columnLetter(col)}${row}`;
}

/** Parses "B3:D4" (or a single "B3") into a range. */
export function parseRange(text: string): MergeRange | undefined {
	const match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(text.trim());
	if (!match) return undefined;
	const left = columnIndex(match[1] ?? '');
	const top = Number(match[2]);
	const right = match[3] === undefined ? left : columnIndex(match[3]);
	const bottom = match[4] === undefined ? top : Number(match[4]);
	if (left === undefined || right === undefined) return undefined;
	return {
		top: Math.min(top, bottom),
		left: Math.min(left, right),
		bottom: Math.max(top, bottom),
		right: Math.max(left, right),
	};
}

/** "B3:D4" for a range. */
export function formatRange(range: MergeRange): string {
	const start = cellAddress(range.top, range.left);
	return range.top === range.bottom && range.left === range.right
		? start
		: `${start}:${cellAddress(range.bottom, range.right)}`;
}

/** The cell at a position, if it holds anything. */
export function cellAt(grid: SheetGrid, row: number, col: number): GridCell | undefined {
	return grid.rows[row - 1]?.[col - 1];
}

/** The merged range a position lies in, if any. */
export function mergeAt(grid: SheetGrid, row: number, col: number): MergeRange | undefined {
	return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * The cell that gives a position its visible value: the position itself, or the master of the
 * merged range it lies in (a header merged over two columns shows in both).
 */
export function visibleCellAt(grid: SheetGrid, row: number, col: number): GridCell | undefined {
	const own = cellAt(grid, row, col);
	if (own) return own;
	const merge = mergeAt(grid, row, col);
	return merge ? cellAt(grid, merge.top, merge.left) : undefined;
}

/** Builds a grid from plain values (rows of cells), for tests and for formats without styles. */
export function gridFromValues(
	name: string,
	values: readonly (readonly CellScalar[])[],
	options: { merges?: readonly string[]; numFmt?: Readonly<Record<string, string>> } = {},
): SheetGrid {
	const rows: (GridCell | undefined)[][] = [];
	let colCount = 0;
	values.forEach((rowValues, r) => {
		const row: (GridCell | undefined)[] = [];
		rowValues.forEach((value, c) => {
			if (value === null || value === '') return;
			const address = cellAddress(r + 1, c + 1);
			const numFmt = options.numFmt?.[address];
			row[c] = { row: r + 1, col: c + 1, address, value, ...(numFmt === undefined ? {} : { numFmt }) };
			colCount = Math.max(colCount, c + 1);
		});
		rows[r] = row;
	});
	const merges = (options.merges ?? []).map((m) => parseRange(m)).filter((m): m is MergeRange => m !== undefined);
	return { name, state: 'visible', rowCount: values.length, colCount, rows, merges };
}
