import { beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/dataset/store.js';
import type { DatasetFile, Provenance } from '../../src/dataset/schema.js';
import { mergeIntoDataset, type MergeInput } from '../../src/sources/merge.js';

let base: DatasetFile;
beforeAll(async () => {
	base = await readDataset('data/db.json');
});

const kolada: Omit<Provenance, 'id'> = {
	kind: 'kolada',
	title: 'Kolada API v3, data',
	attribution: 'Källa: Kolada',
	date: '2026-11-26',
};

function input(points: MergeInput['points'], provenance: MergeInput['provenance'] = [kolada]): MergeInput {
	return { provenance, points, record: { kind: 'kolada-sync', at: '2026-11-26T00:00:00Z' } };
}

describe('mergeIntoDataset', () => {
	it('GIVEN a value for an existing key THEN the incoming value wins and the replacement is counted', () => {
		const { dataset, summary } = mergeIntoDataset(
			base,
			input([{ indicator: 'N31910', area: '0000', gender: 'T', measure: 'value', year: 2016, value: 220000, prov: 0 }]),
		);
		expect(summary).toMatchObject({ replaced: 1, added: 0 });
		const series = dataset.series.find((s) => s.indicator === 'N31910' && s.area === '0000');
		expect(series?.points.find((p) => p[0] === 2016)?.[1]).toBe(220000);
	});

	it('GIVEN an identical value THEN it is counted as unchanged and nothing moves', () => {
		const existing = base.series
			.find((s) => s.indicator === 'N31910' && s.area === '0000')!
			.points.find((p) => p[0] === 2016)!;
		const { summary } = mergeIntoDataset(
			base,
			input([
				{ indicator: 'N31910', area: '0000', gender: 'T', measure: 'value', year: 2016, value: existing[1], prov: 0 },
			]),
		);
		expect(summary).toMatchObject({ unchanged: 1, replaced: 0 });
	});

	it('GIVEN a deletion THEN the value is removed and counted', () => {
		const { dataset, summary } = mergeIntoDataset(
			base,
			input([
				{
					indicator: 'N31910',
					area: '0000',
					gender: 'T',
					measure: 'value',
					year: 2016,
					value: null,
					prov: 0,
					deleted: true,
				},
			]),
		);
		expect(summary.deleted).toBe(1);
		const series = dataset.series.find((s) => s.indicator === 'N31910' && s.area === '0000');
		expect(series?.points.some((p) => p[0] === 2016)).toBe(false);
	});

	it('GIVEN a provenance record equal to a stored one (fields in another order) THEN it is reused, not duplicated', () => {
		const stored = base.provenance[0]!;
		const reordered = Object.fromEntries(
			Object.entries(stored)
				.filter(([key]) => key !== 'id')
				.reverse(),
		) as Omit<Provenance, 'id'>;
		const { dataset } = mergeIntoDataset(
			base,
			input(
				[{ indicator: 'N31910', area: '0000', gender: 'T', measure: 'value', year: 2030, value: 1, prov: 0 }],
				[reordered],
			),
		);
		expect(dataset.provenance.length).toBe(base.provenance.length);
		const added = dataset.series
			.find((s) => s.indicator === 'N31910' && s.area === '0000')!
			.points.find((p) => p[0] === 2030);
		expect(added?.[2]).toBe(stored.id);
	});

	it('GIVEN an import THEN the record with its counts is appended', () => {
		const { dataset } = mergeIntoDataset(base, input([]));
		expect(dataset.imports.at(-1)).toMatchObject({ kind: 'kolada-sync', summary: { tillagda: 0, ersatta: 0 } });
	});
});
