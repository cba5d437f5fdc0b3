import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkMapping, parseMapping } from '../../../src/sources/excel/mapping.js';
import { parseCsvMapping } from '../../../src/sources/statistikdatabas/mapping.js';
import { bundledDataset } from '../../fixtures/dataset-copy.js';

const dir = path.resolve(import.meta.dirname, '../../../data/mappings');

function json(name: string): unknown {
	return JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
}

describe('mapping files', () => {
	it('GIVEN the documented workbook example THEN it validates and its references exist in the bundle', () => {
		const mapping = parseMapping(json('oj-eb-example.mapping.json'), 'oj-eb-example.mapping.json');
		expect(mapping.sheets?.map((s) => s.role)).toEqual([
			'readme',
			'indicator_descriptions',
			'results_kommun',
			'results_stadsdel',
		]);
		const problems = checkMapping(
			mapping,
			bundledDataset(),
			['Läs mig', 'Indikatorbeskrivningar', 'Kommuner', 'Göteborg'],
			'x',
		);
		expect(problems).toEqual([]);
	});

	it('GIVEN the documented statistikdatabas example THEN it validates', () => {
		const mapping = parseCsvMapping(
			json('statistikdatabas-example.mapping.json'),
			'statistikdatabas-example.mapping.json',
		);
		expect(mapping.measures.length).toBeGreaterThan(0);
	});

	it('GIVEN a role that does not fit the indicator kind THEN it is reported', () => {
		const mapping = parseMapping(
			{
				sheets: [
					{
						name: 'K',
						columns: { C: { indicator: 'U31509', role: 'value' }, D: { indicator: 'N31807', role: 'share' } },
					},
				],
			},
			'm.json',
		);
		const problems = checkMapping(mapping, bundledDataset(), ['K'], 'm.json').map((p) => p.message);
		expect(problems).toEqual([
			expect.stringContaining('rollen "value" passar inte en Ja/Nej- eller ordinalindikator'),
			expect.stringContaining('rollen "share" passar bara Ja/Nej- eller ordinalindikatorer'),
		]);
	});

	it('GIVEN a new indicator id longer than the dataset accepts THEN the mapping is refused up front', () => {
		const column = (id: string) => ({
			sheets: [{ name: 'K', columns: { C: { new: { id, title: 'Ny fråga', kind: 'yesno' } } } }],
		});
		expect(() => parseMapping(column(`OJEB-${'X'.repeat(59)}`), 'm.json')).not.toThrow();
		expect(() => parseMapping(column(`OJEB-${'X'.repeat(60)}`), 'm.json')).toThrow(/högst 64 versaler/);
	});

	it('GIVEN unknown fields THEN the strict schema names them', () => {
		expect(() => parseMapping({ sheet: [] }, 'm.json')).toThrow(/mappningsfilen: \(rot\): Unrecognized key/);
	});
});
