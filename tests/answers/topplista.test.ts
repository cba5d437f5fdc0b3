import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeTopList, type TopListInput } from '../../src/answers/topplista.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

// Biståndshushåll, antal (N31910) has no desired direction, so the list is highest first. Values
// from data/db.json for 2016: Hallands län — Halmstad 1 626, Falkenberg 872, Varberg 746,
// Kungsbacka 716, Laholm 512, Hylte 384; Jämtlands län — Strömsund 409, Bräcke 189, Ragunda 189,
// Berg 174, Härjedalen 156, Krokom 79 (Åre and Östersund have none).
function input(over: Partial<TopListInput>): TopListInput {
	const indicator = ctx.dataset.indicator('N31910');
	if (!indicator) throw new Error('N31910 missing from the bundle');
	return { indicator, gender: 'T', year: 2016, lan: undefined, order: 'högst', count: 10, start: 1, ...over };
}

describe('computeTopList', () => {
	it('GIVEN the top three of Hallands län 2016 THEN Halmstad, Falkenberg and Varberg, and place 4 comes next', () => {
		const list = computeTopList(ctx.dataset, input({ lan: ctx.dataset.area('0013'), count: 3 }));
		if (!list.ok) throw new Error('expected a list');
		expect(list.rows.map((r) => [r.place, r.id, r.value])).toEqual([
			[1, '1380', 1626],
			[2, '1382', 872],
			[3, '1383', 746],
		]);
		expect(list.nextPlace).toBe(4);
		expect(list.withData).toBe(6);
		expect(list.coverage).toEqual({ year: 2016, n: 6, of: 6 });
		expect(list.riket).toBeUndefined();
	});

	it('GIVEN lowest first from place 5 THEN the last two places are Falkenberg and Halmstad, with nothing after', () => {
		const list = computeTopList(ctx.dataset, input({ lan: ctx.dataset.area('0013'), order: 'lägst', start: 5 }));
		if (!list.ok) throw new Error('expected a list');
		expect(list.rows.map((r) => [r.place, r.id])).toEqual([
			[5, '1382'],
			[6, '1380'],
		]);
		expect(list.nextPlace).toBeUndefined();
	});

	it('GIVEN two places in Jämtlands län 2016 THEN the tie at place 2 keeps both Bräcke and Ragunda', () => {
		const list = computeTopList(ctx.dataset, input({ lan: ctx.dataset.area('0023'), count: 2 }));
		if (!list.ok) throw new Error('expected a list');
		expect(list.rows.map((r) => [r.place, r.id, r.tied])).toEqual([
			[1, '2313', false],
			[2, '2305', true],
			[2, '2303', true],
		]);
		expect(list.nextPlace).toBe(4);
		expect(list.coverage).toEqual({ year: 2016, n: 6, of: 8 });
	});

	it('GIVEN the whole country THEN Riket is the published 220 112 households of 2016', () => {
		const list = computeTopList(ctx.dataset, input({ count: 1 }));
		if (!list.ok) throw new Error('expected a list');
		expect(list.riket).toMatchObject({ method: 'published', value: 220112 });
		expect(list.withData).toBe(48);
	});

	it('GIVEN a first place past the six kommuner of Hallands län THEN the list is past its end', () => {
		const list = computeTopList(ctx.dataset, input({ lan: ctx.dataset.area('0013'), start: 7 }));
		expect(list).toEqual({ ok: false, reason: 'past_end', year: 2016, withData: 6 });
	});

	it('GIVEN 2021 in Hallands län (values 2007–2017) THEN 2017 is nearest and Gotlands län is offered', () => {
		const list = computeTopList(ctx.dataset, input({ lan: ctx.dataset.area('0013'), year: 2021 }));
		if (list.ok || list.reason !== 'no_year') throw new Error('expected no year');
		expect(list.nearest).toBe(2017);
		expect(list.years.map((c) => c.year)).toEqual([2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017]);
		expect(list.yearPicks).toEqual([
			{ year: 2017, n: 6, of: 6 },
			{ year: 2016, n: 6, of: 6 },
			{ year: 2015, n: 6, of: 6 },
		]);
		expect(list.otherLan.map((l) => l.id)).toEqual(['0009']);
	});
});
