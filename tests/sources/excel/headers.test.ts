import { describe, expect, it } from 'vitest';

import { gridFromValues } from '../../../src/sources/excel/grid.js';
import { classifyAreaLabel, detectHeader, roleOfSubheader } from '../../../src/sources/excel/headers.js';

describe('area column labels', () => {
	it('GIVEN the usual labels THEN they are classified; indicator names are not', () => {
		expect(classifyAreaLabel('Kommunkod')).toBe('code');
		expect(classifyAreaLabel('K-kod')).toBe('code');
		expect(classifyAreaLabel('Kod')).toBe('code');
		expect(classifyAreaLabel('Länskod')).toBe('lanCode');
		expect(classifyAreaLabel('Kommun')).toBe('name');
		expect(classifyAreaLabel('Kommun/län')).toBe('name');
		expect(classifyAreaLabel('Kommun, stadsdel')).toBe('name');
		expect(classifyAreaLabel('Län')).toBe('lan');
		expect(classifyAreaLabel('Stadsdelsområde')).toBe('stadsdel');
		expect(classifyAreaLabel('Socialförvaltning')).toBe('stadsdel');
		expect(classifyAreaLabel('Kommunens arbete med våld')).toBeUndefined();
		expect(classifyAreaLabel('FREDA-kortfrågor')).toBeUndefined();
	});

	it('GIVEN sub-headers THEN they suggest a role', () => {
		expect(roleOfSubheader('Ja/Nej')).toBe('answer');
		expect(roleOfSubheader('%')).toBe('share');
		expect(roleOfSubheader('Andel (%)')).toBe('share');
		expect(roleOfSubheader('Helt eller delvis (%)')).toBe('shareAny');
		expect(roleOfSubheader('Andel vuxna med bistånd')).toBeUndefined();
	});
});

describe('header detection', () => {
	it('GIVEN one header row at the top THEN area columns and indicator columns are found', () => {
		const grid = gridFromValues('S', [
			['Kommunkod', 'Kommun', 'FREDA-kortfrågor', 'Antal årsarbetare'],
			[114, 'Upplands Väsby', 'Ja', 12],
		]);
		const layout = detectHeader(grid);
		expect(layout).toMatchObject({ headerRows: [1], dataStartRow: 2, areaColumns: { code: 1, name: 2 } });
		expect(layout?.columns.map((c) => [c.letter, c.title])).toEqual([
			['C', 'FREDA-kortfrågor'],
			['D', 'Antal årsarbetare'],
		]);
	});

	it('GIVEN a title block and a merged indicator name over "Ja/Nej" and "%" THEN both rows make the header', () => {
		const grid = gridFromValues(
			'S',
			[
				['Öppna jämförelser 2023', null, null, null],
				[],
				['Kod', 'Kommun', 'FREDA-kortfrågor', null],
				[null, null, 'Ja/Nej', '%'],
				[null, 'Riket', null, 0.62],
			],
			{ merges: ['A1:D1', 'A3:A4', 'B3:B4', 'C3:D3'] },
		);
		const layout = detectHeader(grid);
		expect(layout?.headerRows).toEqual([3, 4]);
		expect(layout?.dataStartRow).toBe(5);
		expect(layout?.columns.map((c) => [c.letter, c.title, c.roleHint])).toEqual([
			['C', 'FREDA-kortfrågor', 'answer'],
			['D', 'FREDA-kortfrågor', 'share'],
		]);
	});

	it('GIVEN the area labels below a merged row of indicator names THEN the row above joins the header', () => {
		const grid = gridFromValues(
			'S',
			[
				[null, null, 'Överenskommelse med Arbetsförmedlingen', null],
				['Kod', 'Kommun', 'Ja/Nej', 'Andel'],
				[180, 'Stockholm', 'Ja', null],
			],
			{ merges: ['C1:D1'] },
		);
		const layout = detectHeader(grid);
		expect(layout?.headerRows).toEqual([1, 2]);
		expect(layout?.columns.map((c) => [c.title, c.roleHint])).toEqual([
			['Överenskommelse med Arbetsförmedlingen', 'answer'],
			['Överenskommelse med Arbetsförmedlingen', 'share'],
		]);
	});

	it('GIVEN years as sub-headers (a trend layout) THEN each column carries its year', () => {
		const grid = gridFromValues(
			'S',
			[
				['Kommun', 'FREDA-kortfrågor', null],
				[null, 2022, 2023],
				['Malmö', 'Ja', 'Nej'],
			],
			{ merges: ['B1:C1'] },
		);
		expect(detectHeader(grid)?.columns.map((c) => [c.title, c.year])).toEqual([
			['FREDA-kortfrågor', 2022],
			['FREDA-kortfrågor', 2023],
		]);
	});

	it('GIVEN a sheet without kommun/kod labels THEN nothing is detected unless the header rows are given', () => {
		const grid = gridFromValues('S', [
			['Löpnr', 'Svarande enhet', 'Fråga 12a'],
			['0180', 'Stockholm', 1],
		]);
		expect(detectHeader(grid)).toBeUndefined();
		expect(
			detectHeader(grid, { headerRows: [1], areaColumns: { code: 1, name: 2 } })?.columns.map((c) => c.letter),
		).toEqual(['C']);
	});
});
