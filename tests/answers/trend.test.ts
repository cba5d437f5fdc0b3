import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeTrend, type TrendInput } from '../../src/answers/trend.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function input(areaId: string, indicatorId: string, range: { from?: number; to?: number } = {}): TrendInput {
	const area = ctx.dataset.area(areaId);
	const indicator = ctx.dataset.indicator(indicatorId);
	if (!area || !indicator) throw new Error(`${areaId} or ${indicatorId} missing`);
	return { area, indicator, gender: 'T', from: range.from, to: range.to, others: [] };
}

function computed(areaId: string, indicatorId: string, range: { from?: number; to?: number } = {}) {
	const result = computeTrend(ctx.dataset, input(areaId, indicatorId, range));
	if (result.kind !== 'trend') throw new Error(`expected a trend, got a gap: ${JSON.stringify(result)}`);
	return result;
}

describe('computeTrend', () => {
	// data/db.json, N31910 (biståndshushåll, antal): Nyköping 2017 1258, 2019 1182, 2020 1343.
	it('GIVEN Nyköping and a count THEN one line 2017–2020 with 2018 as a gap, and Riket left out', () => {
		const r = computed('0480', 'N31910');
		expect(r.years).toEqual([2017, 2018, 2019, 2020]);
		expect(r.known).toEqual([2017, 2019, 2020]);
		expect(r.lines.map((l) => [l.area.name, l.values])).toEqual([['Nyköping', [1258, null, 1182, 1343]]]);
		expect(r.gaps).toEqual([2018]);
		expect(r.riketLeftOut).toBe(true);
		expect(r.first).toEqual({ year: 2017, value: 1258 });
		expect(r.last).toEqual({ year: 2020, value: 1343 });
		expect(r.change).toBe(85);
		expect(r.coverage).toEqual({ year: 2020, n: 35, of: 290 });
	});

	// U31001 (utbetalt bistånd per invånare): Nyköping 2017 1215, 2019 1239, 2020 1409; Riket 2016 1060,
	// 2017 1067, 2018 1093, 2019 1129, 2020 1155, 2022 1027, 2024 1033 — all from Socialstyrelsen via Regionfakta.
	it('GIVEN Nyköping and an amount per inhabitant THEN Riket’s line beside it over every year either has', () => {
		const r = computed('0480', 'U31001');
		expect(r.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
		expect(r.lines.map((l) => [l.area.name, l.values])).toEqual([
			['Nyköping', [null, 1215, null, 1239, 1409, null, null, null, null]],
			['Riket', [1060, 1067, 1093, 1129, 1155, null, 1027, null, 1033]],
		]);
		expect(r.riketLeftOut).toBe(false);
		expect(r.change).toBe(194);
		expect(r.gaps).toEqual([2016, 2018, 2021, 2022, 2023, 2024]);
		expect(r.attributions).toEqual(['Källa: Socialstyrelsen via Regionfakta']);
	});

	it('GIVEN a range THEN only the years inside it', () => {
		const r = computed('0480', 'U31001', { from: 2018, to: 2020 });
		expect(r.years).toEqual([2018, 2019, 2020]);
		expect(r.lines[0]?.values).toEqual([null, 1239, 1409]);
		expect(r.first).toEqual({ year: 2019, value: 1239 });
	});

	it('GIVEN a range after the area’s last figure THEN a gap with the years it has', () => {
		expect(computeTrend(ctx.dataset, input('0480', 'N31910', { from: 2021 }))).toEqual({
			kind: 'gap',
			years: [2017, 2019, 2020],
		});
	});

	it('GIVEN an indicator the area has no values for THEN a gap with no years', () => {
		expect(computeTrend(ctx.dataset, input('0480', 'OJEB-INDMOTEN'))).toEqual({ kind: 'gap', years: [] });
	});
});
