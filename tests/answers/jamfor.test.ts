import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { compareAnswer, computeCompare, type CompareInput } from '../../src/answers/jamfor.js';
import { context } from '../helpers/bundled.js';
import { surveyFixture } from '../helpers/survey-fixture.js';

let ctx: AnswerContext;
let fixture: AnswerContext;
beforeAll(async () => {
	ctx = await context();
	fixture = await surveyFixture();
});

function input(on: AnswerContext, indicatorId: string, areaIds: readonly string[], year?: number): CompareInput {
	const indicator = on.dataset.indicator(indicatorId);
	if (!indicator) throw new Error(`${indicatorId} missing`);
	const areas = areaIds.map((id) => {
		const area = on.dataset.area(id);
		if (!area) throw new Error(`${id} missing`);
		return area;
	});
	return { indicator, areas, expanded: [], year, csv: false };
}

describe('computeCompare', () => {
	// data/db.json, N31910 (biståndshushåll, antal) 2020: Nyköping 1343, Katrineholm 968, Flen 622; of the
	// 35 kommuner with data, 2 have more than 1343, 5 more than 968 and 10 more than 622.
	it('GIVEN three kommuner and a count THEN they are sorted highest first with their ranks among 35 kommuner', () => {
		const r = computeCompare(ctx.dataset, input(ctx, 'N31910', ['0482', '0480', '0483'], 2020));
		if (r.kind !== 'numbers') throw new Error(`expected numbers, got ${r.kind}`);
		expect(r.rows.map((row) => [row.area.name, row.value])).toEqual([
			['Flen', 622],
			['Nyköping', 1343],
			['Katrineholm', 968],
		]);
		expect(r.sorted.map((row) => [row.area.name, row.rank?.place, row.rank?.of])).toEqual([
			['Nyköping', 3, 35],
			['Katrineholm', 6, 35],
			['Flen', 11, 35],
		]);
		expect(r.ranked).toBe(true);
		expect(r.extremes?.highest.area.name).toBe('Nyköping');
		expect(r.extremes?.lowest.area.name).toBe('Flen');
	});

	it('GIVEN a count THEN Riket’s total is no reference for single kommuner', () => {
		const r = computeCompare(ctx.dataset, input(ctx, 'N31910', ['0480', '0483'], 2020));
		expect(r.kind !== 'gap' && r.riket).toBeUndefined();
	});

	// Nyköping has N31910 for 2017, 2019 and 2020; Gotland up to 2024 (880).
	it('GIVEN no year and one of two areas with a newer figure THEN that newer year, the other area missing', () => {
		const r = computeCompare(ctx.dataset, input(ctx, 'N31910', ['0480', '0980']));
		if (r.kind !== 'numbers') throw new Error(`expected numbers, got ${r.kind}`);
		expect(r.year).toBe(2024);
		expect(r.sorted.map((row) => [row.area.name, row.value])).toEqual([
			['Gotland', 880],
			['Nyköping', null],
		]);
		expect(r.extremes).toBeUndefined();
	});

	// Nyköping and Vingåker have N31910 for 2017, 2019 and 2020, not 2018.
	it('GIVEN a year none of the areas has THEN a gap with the years they do have', () => {
		expect(computeCompare(ctx.dataset, input(ctx, 'N31910', ['0480', '0428'], 2018))).toEqual({
			kind: 'gap',
			year: 2018,
			years: [2017, 2019, 2020],
		});
	});

	it('GIVEN a year none of the areas has THEN the answer names the nearest year and offers the nearest years as choices', () => {
		const answer = compareAnswer(ctx, { indicator: 'N31910', areas: 'Nyköping, Vingåker', year: 2018 });
		expect(answer.ok).toBe(false);
		if (answer.ok) return;
		expect(answer.error.message).toBe(
			'Ingen av kommunerna har värden för ”Biståndshushåll, antal” 2018. Närmaste år med data: 2019.',
		);
		expect(answer.error.nearestYear).toBe(2019);
		expect(answer.error.candidates).toEqual([
			{ id: '2019', label: '2019', option: 'år' },
			{ id: '2017', label: '2017', option: 'år' },
			{ id: '2020', label: '2020', option: 'år' },
		]);
	});

	it('GIVEN an indicator none of the areas has in any year THEN a gap without a year', () => {
		expect(computeCompare(ctx.dataset, input(ctx, 'OJEB-INDMOTEN', ['0480', '0428']))).toEqual({
			kind: 'gap',
			year: undefined,
		});
	});

	// The survey fixture's FREDA (U31509) answers 2021: Malmö Ja, Göteborg Nej, Lund Ja; Riket has none for 2021.
	it('GIVEN survey answers of three kommuner and Riket THEN 2 of 3 answered Ja, Riket holding no answer', () => {
		const r = computeCompare(fixture.dataset, input(fixture, 'U31509', ['1280', '1480', '1281', '0000'], 2021));
		if (r.kind !== 'survey') throw new Error(`expected survey, got ${r.kind}`);
		expect(r.answered.map((row) => [row.area.name, row.value])).toEqual([
			['Malmö', 1],
			['Göteborg', 0],
			['Lund', 1],
		]);
		expect(r.shares.counts).toEqual([2, 1]);
		expect(r.shares.n).toBe(3);
		expect(r.rows.at(-1)?.value).toBeNull();
		expect(r.riket).toBeUndefined();
	});
});
