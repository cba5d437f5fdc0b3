import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeValue, type ValueInput } from '../../src/answers/varde.js';
import type { Gender } from '../../src/dataset/schema.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function input(areaId: string, indicatorId: string, year?: number, gender: Gender = 'T'): ValueInput {
	const area = ctx.dataset.area(areaId);
	const indicator = ctx.dataset.indicator(indicatorId);
	if (!area || !indicator) throw new Error(`${areaId} or ${indicatorId} missing`);
	return { area, indicator, gender, year };
}

function computed(areaId: string, indicatorId: string, year?: number) {
	const result = computeValue(ctx.dataset, input(areaId, indicatorId, year));
	if (result.kind !== 'value') throw new Error(`expected a value, got a gap: ${JSON.stringify(result)}`);
	return result;
}

describe('computeValue', () => {
	// data/db.json, N31910 (biståndshushåll, antal): Nyköping 2017 1258, 2019 1182, 2020 1343.
	it('GIVEN Nyköping and biståndshushåll without a year THEN the latest year 2020 with 1343, and 161 more than 2019', () => {
		const r = computed('0480', 'N31910');
		expect(r.year).toBe(2020);
		expect(r.latest).toBe(true);
		expect(r.value).toBe(1343);
		expect(r.previous).toMatchObject({ year: 2019, value: 1182 });
		expect(r.change).toBe(161);
	});

	// 35 kommuner have N31910 for 2020; only Eskilstuna (4090) and Örebro (3622) have more than 1343.
	it('GIVEN Nyköping 2020 THEN rank 3 of 35 kommuner with data, highest first, and no band (no desired direction)', () => {
		const r = computed('0480', 'N31910', 2020);
		expect(r.latest).toBe(false);
		expect(r.rank).toEqual({ place: 3, of: 35, tiedWith: 0, among: 'kommun' });
		expect(r.band).toBeUndefined();
		expect(r.tooFewToRank).toBeUndefined();
		expect(r.coverage).toEqual({ year: 2020, n: 35, of: 290 });
	});

	// Södermanlands län 2020: 8629 (published); Riket 2020: 198514 (published).
	it('GIVEN Nyköping 2020 THEN Södermanlands län and Riket are compared by their published totals', () => {
		const r = computed('0480', 'N31910', 2020);
		expect(r.refs.find((ref) => ref.key === 'lan')).toMatchObject({
			label: 'Södermanlands län',
			method: 'published',
			value: 8629,
		});
		expect(r.refs.find((ref) => ref.key === 'riket')).toMatchObject({ method: 'published', value: 198514 });
	});

	// Södermanlands län: 2017 8889, 2019 8447; no other län has N31910 for 2019; Riket 2019: 202199.
	it('GIVEN Södermanlands län 2019 THEN 8447, 442 fewer than 2017, no rank among too few län, and Riket beside it', () => {
		const r = computed('0004', 'N31910', 2019);
		expect(r.value).toBe(8447);
		expect(r.previous).toMatchObject({ year: 2017, value: 8889 });
		expect(r.change).toBe(-442);
		expect(r.rank).toBeUndefined();
		expect(r.refs.map((ref) => [ref.key, ref.value])).toEqual([['riket', 202199]]);
	});

	// OJEB-INDMOTEN, Riket's share answering "Helt": 2020 11 %, 2022 17 %, 2023 21 %.
	it('GIVEN Riket and a survey indicator THEN the share of kommuner, its change, and no rank, band or comparison', () => {
		const r = computed('0000', 'OJEB-INDMOTEN');
		expect(r.year).toBe(2023);
		expect(r.value).toBe(21);
		expect(r.previous).toMatchObject({ year: 2022, value: 17 });
		expect(r.change).toBe(4);
		expect(r.rank).toBeUndefined();
		expect(r.band).toBeUndefined();
		expect(r.refs).toEqual([]);
		expect(r.peers).toEqual([]);
	});

	it('GIVEN Nyköping in 2018, a year it has no figure for THEN a gap with the years it has', () => {
		expect(computeValue(ctx.dataset, input('0480', 'N31910', 2018))).toEqual({
			kind: 'gap',
			years: [2017, 2019, 2020],
			wanted: 2018,
		});
	});

	it('GIVEN Nyköping and an indicator it has no values for THEN a gap with no years', () => {
		expect(computeValue(ctx.dataset, input('0480', 'OJEB-INDMOTEN'))).toEqual({
			kind: 'gap',
			years: [],
			wanted: undefined,
		});
	});
});
