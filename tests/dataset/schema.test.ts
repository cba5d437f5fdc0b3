/** The years a dataset may hold. */
import { describe, expect, it } from 'vitest';
import { checkPoint, MAX_YEAR, MIN_YEAR } from '../../src/dataset/schema.js';

describe('checkPoint years', () => {
	it('GIVEN a point a year before the earliest or after the latest THEN it is refused, and both ends are taken', () => {
		expect(checkPoint([MIN_YEAR - 1, 1, 0])).toBe(`år ${MIN_YEAR - 1} är ogiltigt`);
		expect(checkPoint([MAX_YEAR + 1, 1, 0])).toBe(`år ${MAX_YEAR + 1} är ogiltigt`);
		expect(checkPoint([MIN_YEAR, 1, 0])).toBeUndefined();
		expect(checkPoint([MAX_YEAR, 1, 0])).toBeUndefined();
	});
});
