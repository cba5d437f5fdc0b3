/**
 * Reads an .xlsx file with exceljs into the library-independent {@link SheetGrid} model: values
 * (formula results, rich text joined), number formats, used ranges and merged ranges.
 */
import ExcelJS from 'exceljs';
import { inflateZip, isZip } from '../statistikdatabas/csv.js';
import { ImportError } from './errors.js';
import { cellAddress, parseRange, type CellScalar, type GridCell, type MergeRange, type SheetGrid } from './grid.js';

interface RichTextValue {
	readonly richText: readonly { readonly text: string }[];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** Reduces an exceljs cell value to a scalar, or to an Excel error code. */
export function reduceCellValue(value: unknown): { value: CellScalar; error?: string } {
	if (value === null || value === undefined) return { value: null };
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
		return { value };
	}
	if (isObject(value)) {
		if ('error' in value && typeof value.error === 'string') return { value: null, error: value.error };
		if ('richText' in value && Array.isArray(value.richText)) {
			return { value: (value as unknown as RichTextValue).richText.map((part) => part.text).join('') };
		}
		if ('formula' in value || 'sharedFormula' in value) return reduceCellValue(value.result);
		if ('text' in value && (typeof value.text === 'string' || isObject(value.text))) return reduceCellValue(value.text);
	}
	return { value: null };
}

function sheetToGrid(sheet: ExcelJS.Worksheet): SheetGrid {
	const rows: (GridCell | undefined)[][] = [];
	let rowCount = 0;
	let colCount = 0;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: (GridCell | undefined)[] = [];
		row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
			if (cell.isMerged && cell.master.address !== cell.address) return;
			const reduced = reduceCellValue(cell.value);
			if ((reduced.value === null || reduced.value === '') && reduced.error === undefined) return;
			const numFmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : undefined;
			cells[colNumber - 1] = {
				row: rowNumber,
				col: colNumber,
				address: cellAddress(rowNumber, colNumber),
				value: reduced.value,
				...(numFmt === undefined ? {} : { numFmt }),
				...(reduced.error === undefined ? {} : { error: reduced.error }),
			};
			rowCount = Math.max(rowCount, rowNumber);
			colCount = Math.max(colCount, colNumber);
		});
		rows[rowNumber - 1] = cells;
	});
	const merges: MergeRange[] = [];
	for (const text of sheet.model.merges) {
		const range = parseRange(text);
		if (range) {
			merges.push(range);
			rowCount = Math.max(rowCount, range.bottom);
			colCount = Math.max(colCount, range.right);
		}
	}
	return { name: sheet.name, state: sheet.state, rowCount, colCount, rows, merges };
}

/**
 * Reads a workbook from bytes. Throws {@link ImportError} (naming `fileName`) when the bytes are
 * not a readable .xlsx workbook.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<SheetGrid[]> {
	// A workbook is a ZIP: its entries and inflated size are checked before exceljs unpacks it at once.
	if (isZip(bytes)) inflateZip(fileName, bytes, () => false);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
		);
	} catch (error) {
		const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
		const hint = head.startsWith('d0cf11e0')
			? 'filen är i det gamla .xls-formatet; öppna den i Excel och spara som .xlsx'
			: 'filen är inte en läsbar Excel-arbetsbok (.xlsx)';
		throw new ImportError(
			[{ file: fileName, message: `${hint} (${error instanceof Error ? error.message : String(error)})` }],
			{
				cause: error,
			},
		);
	}
	const sheets = workbook.worksheets.map(sheetToGrid);
	if (sheets.length === 0) throw new ImportError([{ file: fileName, message: 'arbetsboken har inga blad' }]);
	return sheets;
}
