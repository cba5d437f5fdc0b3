import { beforeAll, describe, expect, it } from 'vitest';
import { groupFigure, type FewValues, type GroupFigure, type Method } from '../../src/answers/stats.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { readDataset } from '../../src/dataset/store.js';
import { mergeIntoDataset, type IncomingPoint } from '../../src/sources/merge.js';

/**
 * The aggregation rule, row by row: a kind of figure, a published figure for the group's area or
 * none, and the values its kommuner have; THEN what is shown for the group. The group is
 * Södermanlands län (9 kommuner); each row gets a year of its own in one dataset.
 */
interface Row {
	readonly what: string;
	readonly indicator: string;
	readonly published?: number;
	/** Values of the first kommuner of the län, in order. */
	readonly values: readonly number[];
	readonly method: Method | 'few' | 'none';
	readonly value?: number;
}

const SORMLAND = '0004';
const ROWS: readonly Row[] = [
	{
		what: 'count, published län total',
		indicator: 'N31910',
		published: 8629,
		values: [1, 2, 3],
		method: 'published',
		value: 8629,
	},
	{
		what: 'count, every kommun has a value',
		indicator: 'N31910',
		values: [1, 2, 3, 4, 5, 6, 7, 8, 9],
		method: 'sum',
		value: 45,
	},
	{ what: 'count, 5 of 9', indicator: 'N31910', values: [10, 20, 30, 40, 50], method: 'meanPerKommun', value: 30 },
	{ what: 'count, 2 of 9', indicator: 'N31910', values: [10, 20], method: 'few' },
	{
		what: 'total tkr, 8 of 9',
		indicator: 'N31857',
		values: [8, 8, 8, 8, 8, 8, 8, 8],
		method: 'meanPerKommun',
		value: 8,
	},
	{
		what: 'total tkr, published',
		indicator: 'N31857',
		published: 512690,
		values: [1],
		method: 'published',
		value: 512690,
	},
	{
		what: 'rate, published',
		indicator: 'U31001',
		published: 1718,
		values: [1000, 2000],
		method: 'published',
		value: 1718,
	},
	{ what: 'rate, 5 of 9', indicator: 'U31001', values: [1000, 1100, 1200, 1300, 1400], method: 'mean', value: 1200 },
	{ what: 'rate, 4 of 9 (under half)', indicator: 'U31001', values: [1000, 1100, 1200, 1300], method: 'few' },
	{ what: 'rate, none', indicator: 'U31001', values: [], method: 'none' },
	{ what: 'survey, 5 of 9 answered', indicator: 'U31509', values: [1, 1, 1, 0, 0], method: 'share', value: 60 },
	{ what: 'survey, 2 of 9 answered', indicator: 'U31509', values: [1, 0], method: 'few' },
];

let ds: Dataset;
let members: readonly string[];
beforeAll(async () => {
	const base = await readDataset('data/db.json');
	const lanGroup = base.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === SORMLAND);
	members = lanGroup?.members ?? [];
	const points: IncomingPoint[] = [];
	ROWS.forEach((row, i) => {
		const year = 2040 + i;
		const survey = row.indicator === 'U31509';
		if (row.published !== undefined)
			points.push({
				indicator: row.indicator,
				area: SORMLAND,
				gender: 'T',
				measure: 'value',
				year,
				value: row.published,
				prov: 0,
			});
		row.values.forEach((value, k) => {
			const area = members[k] ?? '';
			points.push({
				indicator: row.indicator,
				area,
				gender: 'T',
				measure: survey ? 'answer' : 'value',
				year,
				value,
				prov: 0,
			});
		});
	});
	const { dataset } = mergeIntoDataset(base, {
		provenance: [{ kind: 'other', title: 'Testdata', attribution: 'Källa: testdata' }],
		points,
		record: { kind: 'csv', at: '2026-11-26' },
	});
	ds = new Dataset(dataset);
});

describe('the aggregation rule', () => {
	it('GIVEN Södermanlands län THEN it has 9 kommuner', () => {
		expect(members).toHaveLength(9);
	});

	it.each(ROWS.map((row, i) => [row.what, row, 2040 + i] as const))(
		'GIVEN %s THEN the rule’s figure',
		(_what, row, year) => {
			const indicator = ds.indicator(row.indicator);
			if (!indicator) throw new Error(`no indicator ${row.indicator}`);
			const figure: GroupFigure | FewValues | undefined = groupFigure(
				ds,
				indicator,
				{ area: ds.area(SORMLAND), members },
				year,
				'T',
			);
			if (row.method === 'none') {
				expect(figure).toBeUndefined();
				return;
			}
			expect(figure?.method).toBe(row.method);
			if (figure?.method === 'few') {
				expect(figure.values).toHaveLength(row.values.length);
				expect(figure.of).toBe(9);
				return;
			}
			expect(figure?.value).toBeCloseTo(row.value ?? Number.NaN, 6);
			if (row.method !== 'published') expect(figure).toMatchObject({ n: row.values.length, of: 9 });
		},
	);
});
