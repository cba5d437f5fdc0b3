import { describe, expect, it } from 'vitest';
import { editDistance, WordIndex, wordQuality, words } from '../../src/search/words.js';

describe('words', () => {
	it('GIVEN a title THEN its words are folded and function words dropped', () => {
		expect(words('Unga vuxna (18–24) med ekonomiskt bistånd')).toEqual([
			'unga',
			'vuxna',
			'18',
			'24',
			'med',
			'ekonomiskt',
			'bistand',
		]);
		expect(words('Kostnad per invånare, kr/inv')).toEqual(['kostnad', 'invanare', 'kr', 'inv']);
	});
});

describe('editDistance', () => {
	it.each([
		['vantetid', 'vantetid', 0],
		['vantetdi', 'vantetid', 1],
		['upsala', 'uppsala', 1],
		['goterborg', 'goteborg', 1],
		['kostnad', 'nettokostnad', 3],
	])('GIVEN %s and %s THEN the distance is %i (capped at max + 1)', (a, b, d) => {
		expect(editDistance(a, b, 2)).toBe(Math.min(d, 3));
	});
});

describe('wordQuality', () => {
	it.each([
		['bistand', 'bistand', 1],
		['familjer', 'familj', 0.85],
		['langvariga', 'langvarigt', 0.8],
		['vuxn', 'vuxna', 0.9],
		['familjer', 'barnfamiljer', 0.7],
		['barnfamiljer', 'familjer', 0.7],
		['socionommer', 'socionomer', 0.8],
		['18', '24', 0],
		['kostnad', 'vald', 0],
	])('GIVEN query word %s and name word %s THEN the match quality is %d', (q, w, quality) => {
		expect(wordQuality(q, w)).toBe(quality);
	});
});

describe('WordIndex', () => {
	const index = new WordIndex([
		['Långvarigt bistånd, andel av vuxna mottagare'],
		['Långvarigt bistånd, andel av befolkningen'],
		['Barn i familjer med långvarigt bistånd'],
		['Kostnad ekonomiskt bistånd per invånare'],
	]);

	it('GIVEN a query every word of which one name has THEN that name ranks first and alone covers it', () => {
		const { ranked } = index.rank('långvarigt ekonomiskt bistånd andel av befolkningen', 4);
		expect(ranked[0]).toMatchObject({ index: 1 });
		expect(ranked.filter((r) => r.covered)).toHaveLength(0);
		const exact = index.rank('långvarigt bistånd befolkningen', 4).ranked;
		expect(exact[0]).toMatchObject({ index: 1, covered: true });
		expect(exact[1]?.covered).toBe(false);
	});

	it('GIVEN "barnfamiljer långvarigt" (a compound the name splits) THEN the child name ranks first', () => {
		expect(index.rank('barnfamiljer långvarigt', 4).ranked[0]).toMatchObject({ index: 2, covered: true });
	});

	it('GIVEN a word shared by all names and one only a few have THEN the rarer word decides', () => {
		const { ranked } = index.rank('bistånd kostnad', 4);
		expect(ranked[0]).toMatchObject({ index: 3, covered: true });
	});

	it('GIVEN words no name has THEN they are counted as unknown, not matched', () => {
		expect(index.rank('xyzzy qwerty', 4)).toMatchObject({ ranked: [], known: 0, unknown: 2 });
	});
});
