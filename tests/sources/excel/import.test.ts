import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { formatReport } from '../../../src/sources/excel/report.js';
import { bundledKommuner, copyDataset, type DatasetCopy } from '../../fixtures/dataset-copy.js';
import {
	MAPPED_LAYOUT_MAPPING,
	NAMES_ROWS,
	kommunerIn,
	mappedLayout,
	namesLayout,
	simpleAnswers,
	simpleLayout,
	stadsdelColumnLayout,
	twoRowLayout,
} from '../../fixtures/oj-workbooks.js';
import { importSheets, pointOf } from './helpers.js';

let copy: DatasetCopy;

beforeEach(async () => {
	copy = await copyDataset();
});

afterEach(async () => {
	await copy.cleanup();
});

describe('layout 1: one header row with Kommunkod and Kommun', () => {
	it('GIVEN a full workbook and no --apply THEN the dry run reports the changes and writes nothing', async () => {
		const outcome = await importSheets(simpleLayout(), 'oj-eb-2023-enkat.xlsx', copy.dataPath, false);

		expect(outcome.applied).toBe(false);
		expect(await copy.bytes()).toEqualBytes(copy.original);
		expect(outcome.report.years).toEqual([2023]);
		expect(outcome.summary.added).toBe(290 * 4);
		const resultat = outcome.report.sections.find((s) => s.name === 'Resultat kommuner');
		expect(resultat?.rows.kommun).toBe(290);
		expect(outcome.report.sections.find((s) => s.name === 'Om filen')?.imported).toBe(false);
		const ids = outcome.report.columns.map((c) => [c.column, c.indicator, c.how]);
		expect(ids).toEqual([
			['C', 'U31509', 'exact'],
			['D', 'U31484', 'exact'],
			['E', 'U31512', 'exact'],
			['F', 'OJEB-INDMOTEN', 'exact'],
		]);
		const text = formatReport(outcome);
		expect(text).toContain('torrkörning');
		expect(text).toContain('”Uppgift saknas” 1');
		expect(text).toContain('Kör igen med --apply');
	});

	it('GIVEN --apply THEN kommun answers are stored as scale codes with cell refs, and a second import changes nothing', async () => {
		await importSheets(simpleLayout(), 'oj-eb-2023-enkat.xlsx', copy.dataPath, true);
		const data = await copy.json();
		const kommuner = bundledKommuner();
		for (const i of [0, 1, 4, 7, 8, 100, 289]) {
			const id = kommuner[i]?.id ?? '';
			const a = simpleAnswers(i);
			const row = i + 2;
			expect(pointOf(data, 'U31509', id, 'answer', 2023)?.[1]).toBe(a.freda === 'Ja' ? 1 : 0);
			expect(pointOf(data, 'U31484', id, 'answer', 2023)?.[1]).toBe(a.radgivning.trim().toLowerCase() === 'ja' ? 1 : 0);
			const plan = pointOf(data, 'U31512', id, 'answer', 2023);
			expect(plan?.[1]).toBe(
				{ 'ja, för alla': 2, 'ja, men inte för alla': 1, nej: 0 }[a.plan.replace(/\s+/g, ' ').toLowerCase()],
			);
			expect(plan?.[4]).toBe(`E${row}`);
		}
		// Missing tokens are kept as null with the raw token as status.
		expect(pointOf(data, 'U31509', kommuner[5]?.id ?? '', 'answer', 2023)).toEqual([
			2023,
			null,
			expect.any(Number),
			'Uppgift saknas',
			'C7',
		]);
		expect(pointOf(data, 'U31509', kommuner[6]?.id ?? '', 'answer', 2023)?.[3]).toBe('-');
		expect(pointOf(data, 'OJEB-INDMOTEN', kommuner[9]?.id ?? '', 'answer', 2023)?.[1]).toBeNull();
		const prov = data.provenance.find((p) => p.id === pointOf(data, 'U31509', '0180', 'answer', 2023)?.[2]);
		expect(prov).toMatchObject({
			kind: 'socialstyrelsen',
			file: 'oj-eb-2023-enkat.xlsx',
			sheet: 'Resultat kommuner',
			attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2023',
		});
		expect(data.imports.at(-1)).toMatchObject({ kind: 'excel', file: 'oj-eb-2023-enkat.xlsx' });
		// A clean file has nothing in quarantine, and the summary does not mention it.
		expect(data.imports.at(-1)?.summary).not.toHaveProperty('karantän');

		const again = await importSheets(simpleLayout(), 'oj-eb-2023-enkat.xlsx', copy.dataPath, false);
		expect(again.summary).toMatchObject({ added: 0, replaced: 0, unchanged: 290 * 4, indicatorsAdded: 0 });
	});
});

describe('layout 2: title block, two-row merged headers, län and Riket rows, percent-formatted shares', () => {
	it('GIVEN the workbook THEN kommun answers, län/Riket shares and a new ordinal indicator are imported', async () => {
		const outcome = await importSheets(twoRowLayout(), 'resultat.xlsx', copy.dataPath, true, { minKommuner: 30 });
		const data = await copy.json();
		const section = outcome.report.sections[0];
		expect(section?.headerRows).toEqual([4, 5]);
		expect(section?.rows).toMatchObject({ kommun: 34, lan: 2, riket: 1 });
		expect(outcome.report.years).toEqual([2023]);

		expect(pointOf(data, 'U31509', '0000', 'share', 2023)).toEqual([2023, 62, expect.any(Number), '', 'D6']);
		expect(pointOf(data, 'U31484', '0000', 'share', 2023)?.[1]).toBe(74);
		expect(pointOf(data, 'U31509', '0001', 'share', 2023)?.[1]).toBe(50);
		expect(pointOf(data, 'U31509', '0003', 'share', 2023)?.[1]).toBe(62.5);
		expect(pointOf(data, 'U31484', '0003', 'share', 2023)?.[1]).toBe(100);
		const first = kommunerIn('0001')[0]?.id ?? '';
		expect(pointOf(data, 'U31509', first, 'answer', 2023)?.[1]).toBe(1);
		expect(pointOf(data, 'U31509', first, 'share', 2023)).toBeUndefined();

		const created = outcome.report.indicators.filter((n) => n.how === 'created');
		expect(created).toHaveLength(1);
		const id = created[0]?.indicator ?? '';
		expect(id).toMatch(/^OJEB-RUTIN-FOR-UPPFOLJNING/);
		const indicator = data.indicators.find((i) => i.id === id);
		expect(indicator).toMatchObject({
			kind: 'ordinal',
			scale: [
				{ code: 2, label: 'Helt' },
				{ code: 1, label: 'Delvis' },
				{ code: 0, label: 'Inte alls' },
			],
			source: 'survey',
			direction: null,
		});
		expect(pointOf(data, id, '0000', 'share', 2023)?.[1]).toBe(40);
		expect(pointOf(data, id, first, 'answer', 2023)?.[1]).toBe(2);
		expect(outcome.report.warnings.join('\n')).toContain('Medelvärde');
		expect(formatReport(outcome)).toContain('Nya indikatorer');
	});

	it('GIVEN a share that the bundle already holds THEN an identical one is unchanged and a different one is replaced', async () => {
		const sheets = twoRowLayout();
		const first = await importSheets(sheets, 'oj-2020.xlsx', copy.dataPath, true, { minKommuner: 30, year: 2020 });
		// The bundle has U31484 Riket 2020 = 74 (fact sheet) and U31509 Riket 2020 = 75.
		expect(first.summary.replaced).toBe(1);
		const data = await copy.json();
		expect(pointOf(data, 'U31509', '0000', 'share', 2020)?.[1]).toBe(62);
		expect(pointOf(data, 'U31484', '0000', 'share', 2020)?.[1]).toBe(74);
	});
});

describe('layout 3: names only, with stadsdelar and socialförvaltningar', () => {
	it('GIVEN names without å/ä/ö and city-prefixed stadsdelar THEN each maps to the right area and 0180 keeps its own row', async () => {
		const outcome = await importSheets(namesLayout(), 'namn.xlsx', copy.dataPath, true, { minKommuner: 5, year: 2023 });
		const data = await copy.json();
		const answer = (area: string, indicator = 'U31509'): number | null | undefined =>
			pointOf(data, indicator, area, 'answer', 2023)?.[1];
		expect(answer('1280')).toBe(1);
		expect(answer('1480')).toBe(0);
		expect(answer('0643')).toBe(1);
		expect(answer('0305')).toBe(0);
		expect(answer('0180')).toBe(1);
		expect(answer('0180-rinkeby-kista')).toBe(0);
		expect(answer('0180-rinkeby-kista', 'U31484')).toBe(1);
		expect(answer('0180-spanga-tensta')).toBe(1);
		expect(pointOf(data, 'U31509', '0000', 'share', 2023)?.[1]).toBe(62);
		expect(pointOf(data, 'U31484', '0000', 'share', 2023)?.[1]).toBe(74.5);

		const centrum = data.areas.find((a) => a.id === '1480-centrum');
		expect(centrum).toMatchObject({ type: 'stadsdel', name: 'Centrum', parentId: '1480', lanId: '0014' });
		expect(answer('1480-centrum')).toBe(1);
		expect(answer('1480-nordost')).toBe(0);
		// Centrum and Nordost are known areas of the bundle, now with answers of their own.
		expect(outcome.report.areasCreated.map((a) => a.id).sort()).toEqual([]);
		// The existing Rinkeby-Kista is reused, not recreated, and Stockholm's own register series is untouched.
		expect(data.areas.filter((a) => a.id.startsWith('0180-rinkeby'))).toHaveLength(1);
		const before = copy.original.toString('utf8');
		const stockholmShare = data.series.find((s) => s.indicator === 'STHLM-EB-TAGARE-ANDEL' && s.area === '0180');
		expect(before).toContain(JSON.stringify(stockholmShare));
		const prov = data.provenance.find(
			(p) => p.id === pointOf(data, 'U31509', '0180-rinkeby-kista', 'answer', 2023)?.[2],
		);
		expect(prov).toMatchObject({ sheet: 'Kommuner', file: 'namn.xlsx' });
		expect(pointOf(data, 'U31509', '0180-rinkeby-kista', 'answer', 2023)?.[4]).toBe('B8');
	});

	it('GIVEN a stadsdel column and a section headed "Socialförvaltningar i Göteborg" THEN rows become stadsdelar of their kommun', async () => {
		const outcome = await importSheets(stadsdelColumnLayout(), 'sdf.xlsx', copy.dataPath, true, {
			minKommuner: 3,
			year: 2022,
		});
		const data = await copy.json();
		expect(pointOf(data, 'U31509', '0180', 'answer', 2022)?.[1]).toBe(1);
		expect(pointOf(data, 'U31509', '0180-rinkeby-kista', 'answer', 2022)?.[1]).toBe(0);
		expect(pointOf(data, 'U31509', '0180-skarholmen', 'answer', 2022)?.[1]).toBe(1);
		expect(pointOf(data, 'U31509', '1480-centrum', 'answer', 2022)?.[1]).toBe(1);
		expect(pointOf(data, 'U31509', '1480-hisingen', 'answer', 2022)?.[1]).toBe(0);
		expect(pointOf(data, 'U31509', '1480', 'answer', 2022)?.[1]).toBe(1);
		expect(data.areas.find((a) => a.id === '1480-sydvast')).toMatchObject({ name: 'Sydväst', parentId: '1480' });
		expect(outcome.report.sections.map((s) => s.rows.stadsdel)).toEqual([2, 3]);
	});
});

describe('detection details', () => {
	it('GIVEN a hidden lookup sheet and a header with a Kolada coding THEN the sheet is skipped and the header still matches', async () => {
		const sheets = [
			{
				name: 'Kommuner',
				rows: [
					['Kommun', 'FREDA-kortfrågor inom ekonomiskt bistånd (Ja=1, Nej=0)'],
					...NAMES_ROWS.slice(2).map((r) => [r[0] ?? null, r[1] ?? null]),
				],
			},
			{
				name: 'Listor',
				state: 'hidden' as const,
				rows: [
					['Kommun', 'Invånare'],
					['Malmö', 347900],
				],
			},
		];
		const outcome = await importSheets(sheets, 'dolt.xlsx', copy.dataPath, false, { minKommuner: 5, year: 2023 });
		expect(outcome.report.columns.map((c) => [c.indicator, c.how])).toEqual([['U31509', 'exact']]);
		expect(outcome.report.sections.find((s) => s.name === 'Listor')).toMatchObject({ imported: false });
		expect(outcome.report.indicators.filter((n) => n.how === 'created')).toEqual([]);
	});
});

describe('layout 4: only a mapping file explains the sheet', () => {
	it('GIVEN no mapping THEN nothing is recognised and the import stops', async () => {
		await expect(importSheets(mappedLayout(), 'blad.xlsx', copy.dataPath, true, { year: 2024 })).rejects.toThrow(
			/inget blad med resultat per kommun/,
		);
		expect(await copy.bytes()).toEqualBytes(copy.original);
	});

	it('GIVEN the mapping THEN columns, answers, a new indicator and the source come from it', async () => {
		const outcome = await importSheets(mappedLayout(), 'blad.xlsx', copy.dataPath, true, {
			mapping: MAPPED_LAYOUT_MAPPING,
		});
		const data = await copy.json();
		expect(outcome.report.sections.map((s) => [s.name, s.imported])).toEqual([
			['Information', false],
			['Blad1', true],
		]);
		expect(pointOf(data, 'U31509', '0180', 'answer', 2024)?.[1]).toBe(1);
		expect(pointOf(data, 'U31509', '1480', 'answer', 2024)?.[1]).toBe(0);
		expect(pointOf(data, 'U31509', '0000', 'share', 2024)?.[1]).toBe(66.7);
		expect(data.indicators.find((i) => i.id === 'OJEB-TESTFRAGA13')).toMatchObject({
			kind: 'ordinal',
			unit: 'Alltid/Ibland/Aldrig',
		});
		expect(pointOf(data, 'OJEB-TESTFRAGA13', '1280', 'answer', 2024)?.[1]).toBe(0);
		expect(outcome.report.columns.map((c) => c.column)).toEqual(['C', 'D']);
		const prov = data.provenance.find((p) => p.id === pointOf(data, 'U31509', '0180', 'answer', 2024)?.[2]);
		expect(prov).toMatchObject({
			title: 'Öppna jämförelser 2024 – Ekonomiskt bistånd (test), blad ”Blad1”',
			date: '2024-06-18',
			note: 'Artikelnummer 2024-6-9159',
			attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2024',
		});
	});
});

describe('records from the workbook are untrusted', () => {
	/** Each quarantine line is one short Swedish line: no line break, no stack trace, no huge value. */
	function expectOneLine(lines: readonly string[]): void {
		for (const line of lines) {
			expect(line).not.toContain('\n');
			expect(line).not.toMatch(/\bat .*:\d+:\d+|Error:/);
			expect(line.length).toBeLessThan(300);
		}
	}

	it('GIVEN a 50 000-character header THEN that column is quarantined and counted, and the rest imported', async () => {
		const [kommuner] = namesLayout();
		const rows = (kommuner?.rows ?? []).map((r, i) => [...r, i === 0 ? 'R'.repeat(50_000) : 'Ja']);
		const outcome = await importSheets([{ name: 'Kommuner', rows }], 'lang.xlsx', copy.dataPath, true, {
			minKommuner: 5,
			year: 2023,
		});
		expect(outcome.applied).toBe(true);
		expect(outcome.report.quarantine.count).toBe(1);
		const line = outcome.report.quarantine.examples[0];
		expect(line).toMatch(/^blad ”Kommuner”, kolumn D: rubriken har 50000 tecken \(högst 200\)/);
		expect(line!.length).toBeLessThan(200);
		expect(outcome.report.columns.map((c) => c.column)).toEqual(['B', 'C']);
		expect((await copy.json()).imports.at(-1)?.summary).toMatchObject({ karantän: 1 });
	});

	it('GIVEN a 50 000-character stadsdel name THEN that row is quarantined and counted in the summary, and the other rows imported', async () => {
		const sheet = stadsdelColumnLayout()[0]!;
		const rows = [...sheet.rows, ['Stockholm', 'S'.repeat(50_000), 'Ja']];
		const outcome = await importSheets([{ ...sheet, rows }], 'sdf.xlsx', copy.dataPath, true, {
			minKommuner: 2,
			year: 2023,
		});
		expect(outcome.applied).toBe(true);
		expect(outcome.report.quarantine).toEqual({
			count: 1,
			examples: ['blad ”Kommuner och stadsdelar”, cell B7: stadsdelsnamnet har 50000 tecken (högst 200)'],
		});
		const data = await copy.json();
		expect(data.imports.at(-1)?.summary).toMatchObject({ karantän: 1, kommuner: 3 });
		expect(pointOf(data, 'U31509', '0180-rinkeby-kista', 'answer', 2023)?.[1]).toBe(0);
		expect(pointOf(data, 'U31509', '1280', 'answer', 2023)?.[1]).toBe(0);
		expect(Math.max(...data.areas.map((a) => a.name.length))).toBeLessThanOrEqual(200);
		const text = formatReport(outcome);
		expect(text).toContain(
			'Karantän (1 post i fel form, importeras inte – resten importeras):\n  - blad ”Kommuner och stadsdelar”, cell B7: stadsdelsnamnet har 50000 tecken (högst 200)',
		);
		expect(text).toMatch(/områden: \d+ nya; 1 post i karantän$/m);
		expectOneLine(outcome.report.quarantine.examples);
	});

	it('GIVEN a long kommun name, a code of no code shape, a number too large and a stadsdel whose id would be too long THEN each row is quarantined and the rest kept', async () => {
		const longDistrict = `Stadsdel ${'med ett mycket långt namn '.repeat(5)}`;
		const sheet = stadsdelColumnLayout()[0]!;
		const rows = [
			['Kod', ...(sheet.rows[0] ?? [])],
			...sheet.rows.slice(1).map((r) => [null, ...r]),
			[null, 'K'.repeat(300), null, 'Ja'],
			['x'.repeat(50_000), null, null, 'Ja'],
			[null, 'Stockholm', longDistrict, 'Nej'],
			[null, 'Riket', null, '1'.repeat(400)],
		];
		const outcome = await importSheets([{ name: 'Blad', rows }], 'fientlig.xlsx', copy.dataPath, true, {
			minKommuner: 2,
			year: 2023,
		});
		expect(outcome.report.quarantine.count).toBe(4);
		const lines = outcome.report.quarantine.examples;
		expect(lines[0]).toBe('blad ”Blad”, cell B7: namnet har 300 tecken (högst 200)');
		expect(lines[1]).toMatch(
			/^blad ”Blad”, cell A8: koden ”x{39}…” har inte formen av en kommun-, läns- eller rikskod$/,
		);
		expect(lines[2]).toMatch(
			/^blad ”Blad”, cell C9: stadsdelen ”med ett mycket .*”: id "0180-med-ett-mycket-.*" \(134 tecken\) ska vara .*, högst 64 tecken$/,
		);
		expect(lines[3]).toBe('blad ”Blad”, cell D10: värdet Infinity är inget ändligt tal');
		expectOneLine(lines);
		const data = await copy.json();
		expect(pointOf(data, 'U31509', '0180-rinkeby-kista', 'answer', 2023)?.[1]).toBe(0);
		expect(data.areas.every((a) => a.id.length <= 64)).toBe(true);
		expect(data.imports.at(-1)?.summary).toMatchObject({ karantän: 4 });
	});
});
