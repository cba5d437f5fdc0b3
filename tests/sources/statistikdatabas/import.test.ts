import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runImport } from '../../../src/sources/excel/apply.js';
import { ImportError } from '../../../src/sources/excel/errors.js';
import { formatReport, type ImportOutcome } from '../../../src/sources/excel/report.js';
import { decodeText, parseCsv, unzipCsv, type CsvSource } from '../../../src/sources/statistikdatabas/csv.js';
import { importStatistikdatabas, type CsvImportOptions } from '../../../src/sources/statistikdatabas/import.js';
import { parseCsvMapping } from '../../../src/sources/statistikdatabas/mapping.js';
import { bundledKommuner, copyDataset, type DatasetCopy } from '../../fixtures/dataset-copy.js';
import { statistikdatabasCsv, statistikdatabasZip } from '../../fixtures/oj-workbooks.js';
import { pointOf } from '../excel/helpers.js';

let copy: DatasetCopy;

beforeEach(async () => {
	copy = await copyDataset();
});

afterEach(async () => {
	await copy.cleanup();
});

type Options = Omit<CsvImportOptions, 'fileName' | 'base' | 'mapping'> & { readonly mapping?: unknown };

async function importFiles(
	files: readonly CsvSource[],
	fileName: string,
	apply: boolean,
	options: Options = {},
): Promise<ImportOutcome> {
	const tables = files.map((f) => parseCsv(f.name, decodeText(f.bytes)));
	const { mapping, ...rest } = options;
	const parsed = mapping === undefined ? undefined : parseCsvMapping(mapping, 'sdb.mapping.json');
	return runImport({
		dataPath: copy.dataPath,
		apply,
		prepare: (base) =>
			importStatistikdatabas(tables, { fileName, base, ...(parsed ? { mapping: parsed } : {}), ...rest }),
	});
}

function csvFile(text: string, name = 'ekonomiskt-bistand.csv'): CsvSource {
	return { name, bytes: new TextEncoder().encode(text) };
}

async function refused(files: readonly CsvSource[], options: Options = {}): Promise<ImportError> {
	let caught: unknown;
	try {
		await importFiles(files, files[0]?.name ?? 'x.csv', true, options);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(ImportError);
	expect(await copy.bytes()).toEqualBytes(copy.original);
	return caught as ImportError;
}

describe('statistikdatabas CSV', () => {
	it('GIVEN a generated export THEN the dry run reports matched and unknown measures and writes nothing', async () => {
		const outcome = await importFiles([csvFile(statistikdatabasCsv())], 'ekonomiskt-bistand.csv', false);
		expect(await copy.bytes()).toEqualBytes(copy.original);
		expect(outcome.report.columns.map((c) => [c.header, c.indicator, c.how])).toEqual([
			['Biståndshushåll, antal', 'N31910', 'exact'],
			['Invånare med ekonomiskt bistånd, andel', 'N31807', 'exact'],
		]);
		expect(outcome.report.unknownMeasures).toEqual([{ token: 'Mått som ingen känner', count: 290 }]);
		expect(outcome.report.sections[0]?.rows).toMatchObject({ kommun: 580, lan: 1, riket: 1 });
		// The bundle already holds some Riket/län figures for 2022, so not every value is new.
		expect(outcome.report.points).toBe(582);
		expect(outcome.summary.added + outcome.summary.replaced + outcome.summary.unchanged).toBe(582);
		const text = formatReport(outcome);
		expect(text).toContain('Mått utan indikator');
		expect(text).toContain('”Mått som ingen känner” (290 rader)');
	});

	it('GIVEN --apply THEN register values with Swedish decimals, missing markers and row provenance are stored', async () => {
		await importFiles([csvFile(statistikdatabasCsv())], 'ekonomiskt-bistand.csv', true);
		const data = await copy.json();
		const kommuner = bundledKommuner();
		expect(pointOf(data, 'N31910', '0000', 'value', 2022)?.[1]).toBe(220112);
		expect(pointOf(data, 'N31910', '0001', 'value', 2022)?.[1]).toBe(38001);
		expect(pointOf(data, 'N31910', kommuner[3]?.id ?? '', 'value', 2022)).toEqual([
			2022,
			103,
			expect.any(Number),
			'',
			'rad 19',
		]);
		expect(pointOf(data, 'N31807', kommuner[3]?.id ?? '', 'value', 2022)?.[1]).toBe(3.3);
		expect(pointOf(data, 'N31807', kommuner[2]?.id ?? '', 'value', 2022)).toEqual([
			2022,
			null,
			expect.any(Number),
			'..',
			'rad 17',
		]);
		// Only the total over ålder and kön is imported (N31910 is not split by kön).
		expect(data.series.some((s) => s.indicator === 'N31910' && s.gender === 'K')).toBe(false);
		const prov = data.provenance.find((p) => p.id === pointOf(data, 'N31910', '0180', 'value', 2022)?.[2]);
		expect(prov).toMatchObject({
			kind: 'socialstyrelsen',
			file: 'ekonomiskt-bistand.csv',
			attribution: 'Källa: Socialstyrelsen (statistikdatabasen)',
		});
		expect(data.imports.at(-1)).toMatchObject({ kind: 'csv', file: 'ekonomiskt-bistand.csv' });
	});

	it('GIVEN the export as a ZIP THEN the CSV inside is imported with the ZIP in its provenance', async () => {
		const zip = statistikdatabasZip(statistikdatabasCsv());
		const { files } = unzipCsv('statistikdatabasen-ekonomiskt bistand.zip', zip);
		expect(files.map((f) => f.name)).toEqual([
			'statistikdatabasen-ekonomiskt bistand.zip/statistikdatabasen-ekonomiskt bistand.csv',
		]);
		await importFiles(files, 'statistikdatabasen-ekonomiskt bistand.zip', true);
		const data = await copy.json();
		const prov = data.provenance.find((p) => p.id === pointOf(data, 'N31910', '0180', 'value', 2022)?.[2]);
		expect(prov?.file).toBe('statistikdatabasen-ekonomiskt bistand.zip/statistikdatabasen-ekonomiskt bistand.csv');
	});

	it('GIVEN a mapping THEN a named measure and a non-total dimension value are imported', async () => {
		const outcome = await importFiles([csvFile(statistikdatabasCsv())], 'x.csv', true, {
			mapping: {
				measures: [
					{ matt: 'Mått som ingen känner', indicator: 'N31848' },
					{ matt: 'Biståndshushåll, antal', indicator: 'N31824', where: { Ålder: '18-24 år' } },
				],
			},
		});
		expect(outcome.report.unknownMeasures).toEqual([]);
		const data = await copy.json();
		const third = bundledKommuner()[3]?.id ?? '';
		expect(pointOf(data, 'N31848', third, 'value', 2022)?.[1]).toBe(1);
		expect(pointOf(data, 'N31824', third, 'value', 2022)?.[1]).toBe(3);
	});

	it('GIVEN a Windows-1252 file with commas THEN it is decoded and parsed', () => {
		const latin1 = Buffer.from('År,Region,Mått,Värde\n2022,Göteborg,X,"1,5"\n', 'latin1');
		const table = parseCsv('gammal.csv', decodeText(latin1));
		expect(table.headers).toEqual(['År', 'Region', 'Mått', 'Värde']);
		expect(table.rows[0]?.cells).toEqual(['2022', 'Göteborg', 'X', '1,5']);
	});

	it('GIVEN a text in the value column THEN the row is named and nothing is written', async () => {
		const csv = statistikdatabasCsv({
			extraLines: ['2021;Malmö;1280;Biståndshushåll, antal;Båda könen;Totalt;många'],
		});
		const error = await refused([csvFile(csv)], { minKommuner: 1 });
		expect(error.message).toMatch(/ekonomiskt-bistand\.csv, rad 1454: texten ”många” i sifferkolumnen Värde/);
	});

	it('GIVEN a duplicate row, an unknown region and missing columns THEN each is refused', async () => {
		const dup = statistikdatabasCsv({ extraLines: ['2022;Malmö;1280;Biståndshushåll, antal;Båda könen;Totalt;5'] });
		expect((await refused([csvFile(dup)])).message).toMatch(
			/dubbel rad: N31910 för Malmö 2022 \(T\) finns redan på rad \d+/,
		);
		const unknown = 'År;Region;Mått;Värde\n2022;Stokholm;Biståndshushåll, antal;5\n';
		expect((await refused([csvFile(unknown)], { minKommuner: 0 })).message).toMatch(
			/okänd kommun eller region ”Stokholm”\. Menade du .*”Stockholm”/,
		);
		const columns = 'Tidpunkt;Plats;Tal\n2022;Malmö;5\n';
		expect((await refused([csvFile(columns)])).message).toContain(
			'hittar inga kolumner för År, Region/Kommun, Mått, Värde',
		);
	});

	it('GIVEN a malformed CSV or a broken ZIP THEN reading fails with the file named', () => {
		expect(() => parseCsv('trasig.csv', 'År;Mått;Värde\n2022;"ej stängd;5\n')).toThrow(
			/trasig\.csv: CSV-filen går inte att läsa/,
		);
		expect(() => unzipCsv('tom.zip', new Uint8Array([1, 2, 3]))).toThrow(/tom\.zip: filen är ingen läsbar ZIP-fil/);
	});

	it('GIVEN too few kommuner THEN the gate stops the import', async () => {
		const csv = statistikdatabasCsv({ kommuner: bundledKommuner().slice(0, 10) });
		expect((await refused([csvFile(csv)])).message).toContain('för få kommuner med värden: 10 (minst 250 krävs)');
	});
});

describe('records from the CSV are untrusted', () => {
	it('GIVEN a 50 000-character header, region name and measure, a region code of no code shape and a value too large THEN each is quarantined and counted, and the rest imported', async () => {
		const csv = statistikdatabasCsv({
			extraLines: [
				`2022;${'R'.repeat(50_000)};;Biståndshushåll, antal;Båda könen;Totalt;5`,
				'2022;;12ab;Biståndshushåll, antal;Båda könen;Totalt;5',
				`2022;Malmö;1280;${'M'.repeat(50_000)};Båda könen;Totalt;5`,
				`2021;Malmö;1280;Biståndshushåll, antal;Båda könen;Totalt;${'9'.repeat(400)}`,
			],
		}).replace('Ålder', 'Å'.repeat(50_000));
		const outcome = await importFiles([csvFile(csv)], 'ekonomiskt-bistand.csv', true);

		expect(outcome.applied).toBe(true);
		expect(outcome.report.quarantine).toEqual({
			count: 5,
			examples: [
				'ekonomiskt-bistand.csv, kolumn 6: rubriken har 50000 tecken (högst 200)',
				'ekonomiskt-bistand.csv, rad 1454: regionnamnet har 50000 tecken (högst 200)',
				'ekonomiskt-bistand.csv, rad 1455: regionkoden ”12ab” har inte formen av en regionkod',
				'ekonomiskt-bistand.csv, rad 1456: måttet har 50000 tecken (högst 200)',
				'ekonomiskt-bistand.csv, rad 1457: värdet Infinity är inget ändligt tal',
			],
		});
		const data = await copy.json();
		expect(data.imports.at(-1)?.summary).toMatchObject({ karantän: 5, kommuner: 290 });
		expect(pointOf(data, 'N31910', '1280', 'value', 2022)?.[1]).toBeTypeOf('number');
		expect(pointOf(data, 'N31910', '1280', 'value', 2021)?.[4]).not.toBe('rad 1457');
		expect(outcome.report.unknownMeasures.every((m) => m.token.length <= 200)).toBe(true);
		const text = formatReport(outcome);
		expect(text).toContain('Karantän (5 poster i fel form, importeras inte – resten importeras):');
		expect(text).toMatch(/; 5 poster i karantän$/m);
		expect(text.length).toBeLessThan(20_000);
	});
});
