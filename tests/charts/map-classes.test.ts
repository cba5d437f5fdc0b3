import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_FILL, classOf, mapColors, quantileClasses, quantileLimits } from '../../src/charts/map-classes.js';

describe('quantileLimits', () => {
	it('GIVEN the values 1–10 THEN the limits are the 20th–80th percentiles, rounded to the decimals shown', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		expect(quantileLimits(values, 5, 1)).toEqual([2.8, 4.6, 6.4, 8.2]);
		expect(quantileLimits(values, 5, 0)).toEqual([3, 5, 6, 8]);
	});

	it('GIVEN no values THEN there are no limits', () => {
		expect(quantileLimits([], 5, 0)).toEqual([]);
		expect(quantileClasses([], 5, 0)).toEqual({ limits: [], ranges: [] });
	});

	it('GIVEN many equal values THEN equal limits merge instead of leaving empty classes', () => {
		const { limits, ranges } = quantileClasses([5, 5, 5, 5, 5, 5, 5, 5, 9, 10], 5, 0);
		expect(limits).toEqual([6]);
		expect(ranges).toEqual([
			{ from: 5, to: 5, count: 8 },
			{ from: 9, to: 10, count: 2 },
		]);
	});

	it('GIVEN one value THEN one class holds it', () => {
		expect(quantileClasses([1234], 5, 0)).toEqual({ limits: [], ranges: [{ from: 1234, to: 1234, count: 1 }] });
	});
});

describe('classOf', () => {
	it('GIVEN a value equal to a limit THEN it belongs to the class below the limit', () => {
		expect(classOf(3, [3, 5])).toBe(0);
		expect(classOf(3.01, [3, 5])).toBe(1);
		expect(classOf(99, [3, 5])).toBe(2);
	});
});

describe('quantileClasses (properties)', () => {
	it('GIVEN any values THEN every class is non-empty, ranges ascend without overlap and hold every value once', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -5000, max: 20000 }), { minLength: 1, maxLength: 300 }),
				fc.integer({ min: 0, max: 2 }),
				(ints, decimals) => {
					const values = ints.map((v) => v / 10);
					const { limits, ranges } = quantileClasses(values, 5, decimals);
					expect(ranges.length).toBe(limits.length + 1);
					expect(ranges.length).toBeLessThanOrEqual(5);
					expect(ranges.reduce((n, r) => n + r.count, 0)).toBe(values.length);
					for (const r of ranges) expect(r.count).toBeGreaterThan(0);
					for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from ?? 0).toBeGreaterThan(ranges[i - 1]?.to ?? 0);
					for (const v of values) {
						const r = ranges[classOf(v, limits)];
						expect(r && v >= r.from && v <= r.to).toBe(true);
					}
				},
			),
		);
	});
});

describe('mapColors', () => {
	it('GIVEN a desired direction THEN the palette turns so the better end is blue', () => {
		const higher = mapColors('higher-better', 5);
		const lower = mapColors('lower-better', 5);
		expect(higher).toEqual(['#D7191C', '#FDAE61', '#FFFFBF', '#ABD9E9', '#2C7BB6']);
		expect(lower).toEqual([...higher].reverse());
	});

	it('GIVEN no direction THEN a sequential palette runs from light to dark', () => {
		expect(mapColors('neutral', 5)).toEqual(['#C7E9B4', '#7FCDBB', '#41B6C4', '#2C7FB8', '#253494']);
	});

	it('GIVEN fewer classes THEN the colours keep both ends of the ramp', () => {
		expect(mapColors('higher-better', 2)).toEqual(['#D7191C', '#2C7BB6']);
		expect(mapColors('higher-better', 3)).toEqual(['#D7191C', '#FFFFBF', '#2C7BB6']);
		expect(mapColors('neutral', 1)).toHaveLength(1);
	});

	it('GIVEN survey answers THEN the best answer is green and the worst vermillion, as on the other survey charts', () => {
		expect(mapColors('answers', 2)).toEqual(['#009E73', '#D55E00']);
		expect(mapColors('answers', 3)).toEqual(['#009E73', '#E69F00', '#D55E00']);
		expect(new Set(mapColors('answers-neutral', 3)).size).toBe(3);
	});

	it('GIVEN any scheme THEN its colours are distinct and never the grey of missing values', () => {
		for (const scheme of ['higher-better', 'lower-better', 'neutral', 'answers', 'answers-neutral'] as const) {
			for (let n = 1; n <= 5; n++) {
				const colors = mapColors(scheme, n);
				expect(colors).toHaveLength(n);
				expect(new Set(colors).size).toBe(n);
				expect(colors).not.toContain(MISSING_FILL);
			}
		}
	});
});
