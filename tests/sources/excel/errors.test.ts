import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ImportError } from '../../../src/sources/excel/errors.js';
import { readWorkbook } from '../../../src/sources/excel/workbook.js';
import { copyDataset, type DatasetCopy } from '../../fixtures/dataset-copy.js';
import {
	MAPPED_LAYOUT_MAPPING,
	mappedLayout,
	namesLayout,
	pct,
	twoRowLayout,
	type FixtureSheet,
} from '../../fixtures/oj-workbooks.js';
import { importSheets, type TestImportOptions } from './helpers.js';

let copy: DatasetCopy;

beforeEach(async () => {
	copy = await copyDataset();
});

afterEach(async () => {
	await copy.cleanup();
});

/** Runs an import with --apply that must fail; returns the error after checking nothing was written. */
async function refused(
	sheets: FixtureSheet[],
	options: TestImportOptions,
	fileName = 'namn.xlsx',
): Promise<ImportError> {
	let caught: unknown;
	try {
		await importSheets(sheets, fileName, copy.dataPath, true, options);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(ImportError);
	expect(await copy.bytes()).toEqualBytes(copy.original);
	return caught as ImportError;
}

const SMALL: TestImportOptions = { minKommuner: 5, year: 2023 };

describe('broken workbooks are refused with a clear message and nothing is written', () => {
	it('GIVEN an unknown kommun name THEN the error names file, sheet and cell and suggests names', async () => {
		const error = await refused(namesLayout([['Stokholm', 'Ja', 'Nej']]), SMALL);
		expect(error.problems).toHaveLength(1);
		expect(error.message).toContain('namn.xlsx, blad ”Kommuner”, cell A12: okänd kommun eller område ”Stokholm”.');
		expect(error.message).toMatch(/Menade du .*”Stockholm”/);
		expect(error.message).toMatch(/^Importen avbröts, inget har skrivits/);
	});

	it('GIVEN the same kommun twice THEN both rows are named', async () => {
		const error = await refused(namesLayout([['Habo', 'Nej', 'Nej']]), SMALL);
		expect(error.message).toContain('cell A12: dubbla rader för Habo (0643): rad 5 och rad 12');
	});

	it('GIVEN a text in a number column THEN the cell is named', async () => {
		const sheets: FixtureSheet[] = [
			{
				name: 'Personal',
				rows: [
					['Kommun', 'Handläggare med socionomexamen, andel'],
					['Malmö', 81.5],
					['Göteborg', '77,2'],
					['Habo', 'många'],
				],
			},
		];
		const error = await refused(sheets, { minKommuner: 1, year: 2023 }, 'personal.xlsx');
		expect(error.message).toContain(
			'personal.xlsx, blad ”Personal”, cell B4: texten ”många” i en sifferkolumn (U31404',
		);
	});

	it('GIVEN a text where a share of kommuner is expected THEN the cell is named', async () => {
		const sheets = twoRowLayout();
		const rows = sheets[0]?.rows.map((r) => [...r]) ?? [];
		(rows[5] as unknown[])[3] = 'hög';
		const error = await refused([{ ...sheets[0]!, rows }], { minKommuner: 30 }, 'resultat.xlsx');
		expect(error.message).toContain('cell D6: texten ”hög” i en sifferkolumn (U31509');
	});

	it('GIVEN a share above 100 % THEN it is refused', async () => {
		const error = await refused(
			namesLayout([['Riket', pct(1.2), null]]).map((s) => ({ ...s, rows: s.rows.filter((_row, i) => i !== 1) })),
			SMALL,
		);
		expect(error.message).toMatch(/andelen 1\.2 blir 120 %, utanför 0–100/);
	});

	it('GIVEN a code and a name that disagree THEN the row is refused', async () => {
		const sheets: FixtureSheet[] = [
			{
				name: 'K',
				rows: [
					['Kommunkod', 'Kommun', 'FREDA-kortfrågor'],
					[1280, 'Malmö', 'Ja'],
					[114, 'Göteborg', 'Ja'],
					[9999, 'Okänd', 'Nej'],
				],
			},
		];
		const error = await refused(sheets, { minKommuner: 1, year: 2023 });
		expect(error.message).toContain(
			'cell B3: koden ”114” (Upplands Väsby) och namnet ”Göteborg” (Göteborg) pekar på olika områden',
		);
		expect(error.message).toContain('cell A4: okänd kod ”9999”');
	});

	it('GIVEN too few kommun rows for a full workbook THEN the gate stops the import', async () => {
		const error = await refused(namesLayout(), { year: 2023 });
		expect(error.message).toContain('för få kommunrader: 5 (minst 250 krävs)');
	});

	it('GIVEN a column where fewer than 90 % of the cells can be read THEN the gate names the unknown tokens', async () => {
		const rows = namesLayout()[0]!.rows.map((r, i) =>
			i >= 2 && i <= 4 ? [r[0] ?? null, 'Kanske', r[2] ?? null] : [...r],
		);
		const error = await refused([{ name: 'Kommuner', rows }], SMALL);
		expect(error.message).toContain(
			'blad ”Kommuner”, kolumn B: bara 70 % av 10 celler kunde tolkas (krav 90 %); okända värden: ”Kanske” (3)',
		);
	});

	it('GIVEN a few unreadable answers under the gate THEN they are skipped with a warning', async () => {
		const rows = namesLayout()[0]!.rows.map((r, i) => (i === 2 ? [r[0] ?? null, 'Kanske', r[2] ?? null] : [...r]));
		const extra = Array.from({ length: 8 }, (_, i) => [
			['Lund', 'Kiruna', 'Umeå', 'Luleå', 'Gävle', 'Borås', 'Växjö', 'Eda'][i] ?? '',
			'Ja',
			'Nej',
		]);
		const outcome = await importSheets(
			[{ name: 'Kommuner', rows: [...rows, ...extra] }],
			'namn.xlsx',
			copy.dataPath,
			false,
			SMALL,
		);
		expect(outcome.report.warnings.join('\n')).toContain('1 celler kunde inte tolkas och hoppades över: B3 ”Kanske”');
	});

	it('GIVEN no year anywhere THEN the import asks for --year', async () => {
		const error = await refused(namesLayout(), { minKommuner: 5 });
		expect(error.message).toContain('ange --year');
	});

	it('GIVEN a mapping with an unknown indicator, sheet and answer code THEN every problem is listed', async () => {
		const mapping = {
			...MAPPED_LAYOUT_MAPPING,
			sheets: [
				{ name: 'Saknas', role: 'results' },
				{
					name: 'Blad1',
					headerRows: [3],
					areaColumns: { code: 'A', name: 'B' },
					columns: { C: { indicator: 'U99999' }, D: { indicator: 'U31509', answers: { Alltid: 7 } } },
				},
			],
		};
		const error = await refused(mappedLayout(), { mapping }, 'blad.xlsx');
		expect(error.message).toContain(
			'test.mapping.json: mappningsfilen: sheets[0] (”Saknas”): bladet finns inte i arbetsboken',
		);
		expect(error.message).toContain('columns."C": okänd indikator U99999');
		expect(error.message).toContain('svaret ”Alltid” pekar på 7 som inte finns i skalan');
	});

	it('GIVEN a mapping of the wrong shape THEN zod problems are reported with their path', async () => {
		const error = await refused(
			mappedLayout(),
			{ mapping: { year: 'i år', sheets: [{ name: 'Blad1', columns: { C: {} } }] } },
			'blad.xlsx',
		);
		expect(error.message).toContain('mappningsfilen: year:');
		expect(error.message).toContain('ange antingen "indicator" (befintligt id) eller "new" (ny indikator)');
	});

	it('GIVEN bytes that are not a workbook THEN reading fails with a Swedish message', async () => {
		await expect(readWorkbook(new TextEncoder().encode('inte en arbetsbok'), 'trasig.xlsx')).rejects.toThrow(
			/trasig\.xlsx: filen är inte en läsbar Excel-arbetsbok/,
		);
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		await expect(readWorkbook(xls, 'gammal.xlsx')).rejects.toThrow(/gamla \.xls-formatet/);
	});
});
