import { beforeAll, describe, expect, it } from 'vitest';
import type { Resolution } from '../../src/search/tiered.js';
import type { Search } from '../../src/search/search.js';
import { bundled } from '../helpers/bundled.js';

let search: Search;
beforeAll(async () => {
	({ search } = await bundled());
});

function idOf<T extends { id: string }>(r: Resolution<T> | { status: 'wrong_scope' }): string | undefined {
	return r.status === 'found' ? r.item.id : undefined;
}

describe('area resolution', () => {
	it.each([
		['malmo', '1280'],
		['goteborg', '1480'],
		['Håbo', '0305'],
		['Habo', '0643'],
		['Ha\u030Abo', '0305'],
		['  HÅBO  ', '0305'],
		['Upplands Väsby', '0114'],
		['Upplands-Bro', '0139'],
		['upplands bro', '0139'],
		['Ånge', '2260'],
		['Ängelholm', '1292'],
		['Aneby', '0604'],
		['1480', '1480'],
		['Stockholms län', '0001'],
		['Stockholm', '0180'],
		['Stockholms stad', '0180'],
		['Region Stockholm', '0001'],
		['Riket', '0000'],
		['Götebrog', '1480'],
	])('GIVEN %j THEN it resolves to %s', (query, id) => {
		expect(idOf(search.resolveArea(query, 'all'))).toBe(id);
	});

	it('GIVEN "Upplands" THEN both Upplands kommuner come back as candidates, not a guess', () => {
		const r = search.resolveArea('Upplands');
		expect(r.status).toBe('ambiguous');
		if (r.status === 'ambiguous') expect(r.candidates.map((c) => c.id).sort()).toEqual(['0114', '0139']);
	});

	it('GIVEN "Hàbo" (a diacritic that folds to both Habo and Håbo) THEN it is ambiguous', () => {
		const r = search.resolveArea('Hàbo');
		expect(r.status).toBe('ambiguous');
		if (r.status === 'ambiguous') expect(r.candidates.map((c) => c.id).sort()).toEqual(['0305', '0643']);
	});

	it.each(['', '   ', '\u200b'])('GIVEN the empty query %j THEN the result is empty', (q) => {
		expect(search.resolveArea(q).status).toBe('empty');
	});

	it.each(['!!!', 'xyzzy qwerty', 'ö'.repeat(500), '🙂🙂🙂', "'; DROP TABLE kommuner;--"])(
		'GIVEN the absurd query %j THEN nothing is found and no candidate is invented',
		(q) => {
			const r = search.resolveArea(q);
			expect(r.status).toBe('not_found');
		},
	);

	it.each([
		['Sthlm', '0180'],
		['gbg', '1480'],
		['upsala', '0380'],
		['orebro', '1880'],
		['Uppsala', '0380'],
		['Uppsala län', '0003'],
		['Region Uppsala', '0003'],
		['Göteborgs stad', '1480'],
		['Gotlands kommun', '0980'],
		['Region Skåne', '0012'],
		['Malmö stad', '1280'],
		['Stockholms kommun', '0180'],
	])(
		'GIVEN %j in a kommun option THEN it is %s (a kommun wins a near-tie with its län unless län or region is said)',
		(query, id) => {
			expect(idOf(search.resolveArea(query, 'place'))).toBe(id);
		},
	);

	it('GIVEN scope kommun THEN "Stockholm" is the kommun and "Stockholms län" is reported as outside the scope', () => {
		expect(search.resolveArea('Stockholm', 'kommun')).toMatchObject({ status: 'found', item: { id: '0180' } });
		expect(search.resolveArea('Stockholms län', 'kommun')).toMatchObject({
			status: 'wrong_scope',
			item: { id: '0001' },
		});
	});
});

describe('indicator resolution', () => {
	it.each([
		['långvarigt bistånd', 'N31814'],
		['FREDA', 'U31509'],
		['freda', 'U31509'],
		['hushållsekonomisk rådgivning', 'U31484'],
		['hushallsekonomisk radgivning', 'U31484'],
		['avhysning barnfamiljer', 'U31491'],
		['n31814', 'N31814'],
		['DUDIT', 'U31511'],
	])('GIVEN %j THEN it finds %s', (query, id) => {
		expect(idOf(search.resolveIndicator(query))).toBe(id);
	});

	it('GIVEN "barn i familjer" THEN the two child indicators are offered, not guessed', () => {
		const r = search.resolveIndicator('barn i familjer');
		expect(r.status).toBe('ambiguous');
		if (r.status === 'ambiguous')
			expect(r.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['U31803', 'U31809']));
	});

	it.each([
		['unga vuxna med bistånd', 'U31804'],
		['långvarigt ekonomiskt bistånd andel av befolkningen', 'N31816'],
		['väntetid nybesök', 'U31467'],
		['försörjningsstöd', 'N31807'],
		['utbetalt totalt tkr', 'N31857'],
		['rutin våld vuxen', 'U37535'],
	])('GIVEN the everyday wording %j THEN it finds %s without asking back', (query, id) => {
		expect(idOf(search.resolveIndicator(query))).toBe(id);
	});

	it('GIVEN "kostnad" (a keyword of an indicator without values and one with) THEN the one with kommun values', () => {
		expect(search.hasValues('N31001')).toBe(false);
		expect(search.hasValues('U31001')).toBe(true);
		expect(idOf(search.resolveIndicator('kostnad'))).toBe('U31001');
	});

	it('GIVEN an asked area THEN among equally close indicators only one with values there may win', () => {
		const r = search.resolveIndicator('barn i familjer', { areaId: '1280' });
		expect(r.status).toBe('ambiguous');
		if (r.status === 'ambiguous')
			expect(
				r.candidates
					.map((c) => c.id)
					.slice(0, 2)
					.sort(),
			).toEqual(['U31803', 'U31809']);
	});

	it('GIVEN an empty or absurd query THEN the result says so', () => {
		expect(search.resolveIndicator('').status).toBe('empty');
		expect(search.resolveIndicator('qqqqzzzz').status).toBe('not_found');
	});
});

describe('autocomplete', () => {
	it('GIVEN "upp" THEN prefix matches come first with names that say what they are and ids as values', () => {
		const choices = search.suggestAreas('upp');
		expect(
			choices
				.slice(0, 5)
				.map((c) => c.value)
				.sort(),
		).toEqual(['0003', '0114', '0139', '0380', '0760']);
		expect(choices).toContainEqual({ name: 'Upplands Väsby (Stockholms län)', value: '0114' });
	});

	it('GIVEN "håbo" THEN Håbo comes before Habo and both say their län', () => {
		const choices = search.suggestAreas('håbo');
		expect(choices[0]).toEqual({ name: 'Håbo (Uppsala län)', value: '0305' });
		expect(choices[1]).toEqual({ name: 'Habo (Jönköpings län)', value: '0643' });
	});

	it('GIVEN any query THEN at most 25 choices with names of at most 100 characters', () => {
		for (const q of ['a', 'e', 'bistånd', 'andel', '', 'x'.repeat(300)]) {
			for (const choices of [search.suggestAreas(q, 'all'), search.suggestIndicators(q)]) {
				expect(choices.length).toBeLessThanOrEqual(25);
				for (const c of choices) {
					expect(c.name.length).toBeLessThanOrEqual(100);
					expect(c.value.length).toBeLessThanOrEqual(100);
				}
			}
		}
	});

	it('GIVEN an empty field THEN Riket and the largest kommuner are offered, and popular indicators', () => {
		const areas = search.suggestAreas('');
		expect(areas[0]?.value).toBe('0000');
		expect(areas.map((c) => c.value)).toEqual(expect.arrayContaining(['0180', '1480', '1280']));
		expect(search.suggestIndicators('').map((c) => c.value)).toContain('N31814');
	});

	it('GIVEN a long indicator title THEN its label is clamped to 100 characters with the id and the coverage kept', () => {
		const long = search.suggestIndicators('försörjningshinder');
		expect(long.length).toBeGreaterThan(0);
		for (const c of long) {
			expect(c.name.length).toBeLessThanOrEqual(100);
			expect(c.name).toMatch(/, [\w-]+\) · (inga värden|\d{4}(–\d{4})?, .+)$/);
		}
	});
});

describe('Swedish order', () => {
	it('GIVEN equally good prefix hits THEN they come in Swedish alphabetical order (Å Ä Ö last)', () => {
		const names = search.suggestAreas('ö').map((c) => c.name);
		const exact = names.filter((n) => n.startsWith('Ö'));
		// Names that start with Ö itself rank above folded matches (O…), and among themselves follow Swedish order.
		expect(names.slice(0, exact.length)).toEqual([...exact].sort(new Intl.Collator('sv').compare));
		expect(exact.length).toBeGreaterThan(3);
		const upp = search.suggestAreas('upp', 'kommun').map((c) => c.name);
		expect(upp).toEqual([...upp].sort(new Intl.Collator('sv').compare));
		expect(upp).toHaveLength(4);
	});
});
