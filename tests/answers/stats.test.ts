import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/dataset/schema.js';
import { answerShares, bandOf, mean, median, rankOf, sizeIndependent } from '../../src/answers/stats.js';
import { pickRows, rankAll } from '../../src/answers/topplista.js';
import { assessAnswer, assessDiff } from '../../src/answers/profil.js';

function indicator(over: Partial<Indicator>): Indicator {
	return {
		id: 'X1',
		title: 'Test',
		shortTitle: 'Test',
		description: '',
		kind: 'percent',
		unit: '%',
		direction: 'higher',
		source: 'register',
		genderSplit: false,
		keywords: [],
		...over,
	};
}

const yesno = indicator({
	kind: 'yesno',
	unit: 'Ja/Nej',
	scale: [
		{ code: 1, label: 'Ja' },
		{ code: 0, label: 'Nej' },
	],
	source: 'survey',
});

describe('rankOf', () => {
	const values = new Map([
		['a', 10],
		['b', 20],
		['c', 20],
		['d', 5],
	]);
	it('GIVEN a tie THEN both share the place and the next place is skipped', () => {
		expect(rankOf(values, 'b', 'desc')).toEqual({ place: 1, of: 4, tiedWith: 1 });
		expect(rankOf(values, 'c', 'desc')).toEqual({ place: 1, of: 4, tiedWith: 1 });
		expect(rankOf(values, 'a', 'desc')).toEqual({ place: 3, of: 4, tiedWith: 0 });
	});
	it('GIVEN lower is better THEN the lowest value is first', () => {
		expect(rankOf(values, 'd', 'asc')?.place).toBe(1);
	});
	it('GIVEN an area without a value THEN there is no rank', () => {
		expect(rankOf(values, 'z', 'desc')).toBeUndefined();
	});
});

describe('bandOf', () => {
	it('GIVEN thirds of the ranking THEN green, yellow and red', () => {
		const ind = indicator({});
		expect(bandOf(ind, { place: 1, of: 9, tiedWith: 0 })).toBe('green');
		expect(bandOf(ind, { place: 4, of: 9, tiedWith: 0 })).toBe('yellow');
		expect(bandOf(ind, { place: 9, of: 9, tiedWith: 0 })).toBe('red');
	});
	it('GIVEN no desired direction THEN no colour at all', () => {
		expect(bandOf(indicator({ direction: null }), { place: 1, of: 9, tiedWith: 0 })).toBeUndefined();
	});
});

describe('mean and median', () => {
	it('GIVEN values THEN the unweighted mean and the middle value', () => {
		expect(mean([1, 2, 6])).toBe(3);
		expect(median([1, 2, 6])).toBe(2);
		expect(median([1, 2, 3, 10])).toBe(2.5);
		expect(mean([])).toBeNull();
	});
});

describe('answerShares', () => {
	it('GIVEN yes/no answers THEN counts and the share answering Ja, never an average of codes', () => {
		const s = answerShares(yesno, [1, 1, 0, 1]);
		expect(s).toEqual({ counts: [3, 1], n: 4, share: 75, shareAny: 75 });
	});
	it('GIVEN a coding with Nej=2 THEN codes are counted by scale position, not by value', () => {
		const ja1nej2 = indicator({
			kind: 'yesno',
			scale: [
				{ code: 1, label: 'Ja' },
				{ code: 2, label: 'Nej' },
			],
		});
		expect(answerShares(ja1nej2, [1, 2, 2, 2]).share).toBe(25);
	});
});

describe('rankAll and pickRows', () => {
	const values = new Map([
		['a', 9],
		['b', 8],
		['c', 7],
		['d', 7],
		['e', 7],
		['f', 1],
	]);
	const ranked = rankAll(values, true, (id) => id);
	it('GIVEN a tie at the cut THEN everyone sharing the last place is included and marked', () => {
		expect(pickRows(ranked, 3).map((r) => [r.id, r.place, r.tied])).toEqual([
			['a', 1, false],
			['b', 2, false],
			['c', 3, true],
			['d', 3, true],
			['e', 3, true],
		]);
	});
	it('GIVEN ascending order THEN the lowest comes first', () => {
		expect(
			pickRows(
				rankAll(values, false, (id) => id),
				1,
			).map((r) => r.id),
		).toEqual(['f']);
	});
	it('GIVEN a start at a shared place THEN the whole tie is shown from there', () => {
		expect(pickRows(ranked, 1, 3).map((r) => [r.id, r.place])).toEqual([
			['c', 3],
			['d', 3],
			['e', 3],
		]);
	});
	it('GIVEN a start inside a tie (place 4 of 3, 3, 3) THEN the tie is not split: the list goes on at the next place', () => {
		expect(pickRows(ranked, 2, 4).map((r) => [r.id, r.place])).toEqual([['f', 6]]);
	});
});

describe('profile judgements', () => {
	it('GIVEN higher is better THEN above Riket is good and small differences are neutral', () => {
		const ind = indicator({});
		expect(assessDiff(ind, 10)).toBe('good');
		expect(assessDiff(ind, -10)).toBe('bad');
		expect(assessDiff(ind, 1)).toBe('neutral');
		expect(assessDiff(indicator({ direction: null }), 50)).toBe('neutral');
	});
	it('GIVEN survey answers THEN the desired answer is good and the last is bad', () => {
		expect(assessAnswer(yesno, 1)).toBe('good');
		expect(assessAnswer(yesno, 0)).toBe('bad');
	});
	it('GIVEN counts and totals THEN they are not compared with Riket', () => {
		expect(sizeIndependent(indicator({ kind: 'count', unit: 'antal' }))).toBe(false);
		expect(sizeIndependent(indicator({ kind: 'kronor', unit: 'tkr' }))).toBe(false);
		expect(sizeIndependent(indicator({ kind: 'kronor', unit: 'kr/inv' }))).toBe(true);
	});
});
