import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeProfile, type ProfileInput } from '../../src/answers/profil.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

// Gotland (0980) in data/db.json: Biståndshushåll, antal (N31910) 1 284 in 2016 and 880 in 2024;
// Utbetalt bistånd per invånare (U31001) 850 kr/inv in 2016 and 912 in 2024, Riket 1 060 and 1 033;
// per hushåll (N31849) and totalt in tkr (N31857) only for 2022 and 2024; nothing before 2012.
function gotland(year: number | undefined): ProfileInput {
	const area = ctx.dataset.area('0980');
	if (!area) throw new Error('Gotland missing from the bundle');
	return { area, year };
}

describe('computeProfile', () => {
	it('GIVEN Gotland 2016 THEN the count stands alone and kronor per invånare is 19.8 % under Riket', () => {
		const profile = computeProfile(ctx.dataset, gotland(2016));
		expect(profile.entries.map((e) => [e.indicator.id, e.year, e.value, e.riket])).toEqual([
			['N31910', 2016, 1284, null],
			['U31001', 2016, 850, 1060],
		]);
		expect(profile.entries[0]?.diff).toBeNull();
		expect(profile.entries[1]?.diff).toBeCloseTo(((850 - 1060) / 1060) * 100, 6);
		// Neither indicator has a desired direction, so nothing is judged better or worse.
		expect(profile.entries.map((e) => e.assessment)).toEqual(['neutral', 'neutral']);
		expect(profile.years).toEqual([2016]);
		expect(profile.tally).toEqual({
			answers: 0,
			desired: 0,
			numbers: 2,
			compared: 1,
			better: 0,
			worse: 0,
			even: 1,
		});
		expect(profile.own).toBe(true);
	});

	it('GIVEN Gotland without a year THEN every indicator shows its latest year, 2024', () => {
		const profile = computeProfile(ctx.dataset, gotland(undefined));
		expect(profile.entries.map((e) => [e.indicator.id, e.value])).toEqual([
			['N31849', 63234],
			['N31857', 55646],
			['N31910', 880],
			['U31001', 912],
		]);
		expect(profile.years).toEqual([2024]);
		const u31001 = profile.entries.find((e) => e.indicator.id === 'U31001');
		expect(u31001?.diff).toBeCloseTo(((912 - 1033) / 1033) * 100, 6);
	});

	it('GIVEN a year without values for Gotland THEN the profile is empty', () => {
		expect(computeProfile(ctx.dataset, gotland(2011)).entries).toEqual([]);
	});
});
