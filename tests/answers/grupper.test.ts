import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeGroups, groupsAnswer, type GroupsInput } from '../../src/answers/grupper.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

// Biståndshushåll, antal (N31910) is a count, so a group's figure is the published one, else the
// sum when every kommun has a value, else the mean per kommun. Values from data/db.json, 2016.
function byLan(year: number | undefined): GroupsInput {
	const indicator = ctx.dataset.indicator('N31910');
	const grouping = ctx.dataset.grouping('lan');
	if (!indicator || !grouping) throw new Error('N31910 or the län grouping missing from the bundle');
	return { indicator, year, family: 'lan', grouping };
}

describe('computeGroups', () => {
	it('GIVEN biståndshushåll 2016 by län THEN each län gets the published figure, the sum, the mean per kommun or too few', () => {
		const groups = computeGroups(ctx.dataset, byLan(2016));
		if (!groups.ok) throw new Error('expected group figures');
		const row = (id: string) => groups.own.find((r) => r.id === id);
		// Hallands län: all six kommuner, 384 + 1 626 + 512 + 872 + 746 + 716; median (716 + 746) / 2.
		expect(row('LAN-0013')).toMatchObject({ n: 6, members: 6, value: 4856, median: 731 });
		expect(row('LAN-0013')?.figure?.method).toBe('sum');
		// Västerbottens län: Socialstyrelsen publishes 5 297 for the län itself.
		expect(row('LAN-0024')?.figure).toMatchObject({ method: 'published', value: 5297 });
		// Jämtlands län: 6 of 8 kommuner, (409 + 189 + 189 + 174 + 156 + 79) / 6.
		expect(row('LAN-0023')?.figure?.method).toBe('meanPerKommun');
		expect(row('LAN-0023')?.value).toBeCloseTo(1196 / 6, 6);
		// Örebro län: 3 of 12 kommuner is too few for a figure.
		expect(row('LAN-0018')).toMatchObject({ n: 3, members: 12, value: null });
		expect(row('LAN-0018')?.figure?.method).toBe('few');
		expect(groups.published).toEqual([]);
		expect(groups.riket).toMatchObject({ method: 'published', value: 220112 });
		expect(groups.coverage).toEqual({ year: 2016, n: 48, of: 290 });
	});

	it('GIVEN 2023, with neither group figures nor Riket THEN a shortfall with the years that have figures, 2022 and 2024 among them', () => {
		const groups = computeGroups(ctx.dataset, byLan(2023));
		if (groups.ok) throw new Error('expected a shortfall');
		expect(groups.year).toBe(2023);
		expect(groups.years).toContain(2022);
		expect(groups.years).toContain(2024);
		expect(groups.years).not.toContain(2023);
	});

	it('GIVEN 2023 THEN the answer names 2024 as the nearest year (the later of a tie)', () => {
		const answer = groupsAnswer(ctx, { indicator: 'N31910', year: 2023, division: 'län' });
		if (answer.ok) throw new Error('expected no figures for 2023');
		expect(answer.error.nearestYear).toBe(2024);
		expect(answer.error.candidates?.[0]).toEqual({ id: '2024', label: '2024', option: 'år' });
	});
});

describe('groupsAnswer without figures', () => {
	// N31910 has län figures from 2007 on in the bundle, none for 2005.
	it('GIVEN a year before any figures THEN the nearest year is named and the nearest years are offered as choices', () => {
		const answer = groupsAnswer(ctx, { indicator: 'N31910', year: 2005 });
		if (answer.ok) throw new Error('expected no figures for 2005');
		expect(answer.error.message).toBe('Inga värden för ”Biståndshushåll, antal” 2005. Närmaste år med data: 2007.');
		expect(answer.error.candidates?.map((c) => [c.id, c.option])).toEqual([
			['2007', 'år'],
			['2008', 'år'],
			['2009', 'år'],
		]);
	});
});
