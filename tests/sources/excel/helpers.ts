/**
 * Shared steps of the workbook import tests: build a workbook, read it back through exceljs and run
 * the import against a temp copy of the bundled dataset.
 */
import { runImport } from '../../../src/sources/excel/apply.js';
import { importWorkbook, type WorkbookImportOptions } from '../../../src/sources/excel/import.js';
import { parseMapping } from '../../../src/sources/excel/mapping.js';
import type { ImportOutcome } from '../../../src/sources/excel/report.js';
import { readWorkbook } from '../../../src/sources/excel/workbook.js';
import type { DatasetFile, Point } from '../../../src/dataset/schema.js';
import { workbookBuffer, type FixtureSheet } from '../../fixtures/oj-workbooks.js';

/** Options passed through to {@link importWorkbook}, plus a raw mapping object. */
export type TestImportOptions = Omit<WorkbookImportOptions, 'fileName' | 'base' | 'mapping'> & {
	readonly mapping?: unknown;
};

/** Builds the sheets into an .xlsx, reads it back and imports it into `dataPath`. */
export async function importSheets(
	sheets: readonly FixtureSheet[],
	fileName: string,
	dataPath: string,
	apply: boolean,
	options: TestImportOptions = {},
): Promise<ImportOutcome> {
	const grids = await readWorkbook(await workbookBuffer(sheets), fileName);
	const { mapping, ...rest } = options;
	const parsedMapping = mapping === undefined ? undefined : parseMapping(mapping, 'test.mapping.json');
	return runImport({
		dataPath,
		apply,
		prepare: (base) =>
			importWorkbook(grids, {
				fileName,
				base,
				now: () => new Date('2026-01-01T00:00:00Z'),
				...(parsedMapping ? { mapping: parsedMapping, mappingFile: 'test.mapping.json' } : {}),
				...rest,
			}),
	});
}

/** The point of a series for one year, if any. */
export function pointOf(
	data: DatasetFile,
	indicator: string,
	area: string,
	measure: string,
	year: number,
): Point | undefined {
	return data.series
		.find((s) => s.indicator === indicator && s.area === area && s.gender === 'T' && s.measure === measure)
		?.points.find((p) => p[0] === year);
}
