import { describe, expect, it } from 'vitest';
import {
	MINUS,
	MISSING,
	NBSP,
	decimalsForStep,
	formatCount,
	formatDecimal,
	formatDiffPercent,
	formatWithUnit,
	formatNumber,
	formatPercent,
	formatTick,
} from '../../src/charts/format.js';

describe('format constants', () => {
	it('GIVEN the exported separators THEN they are the real no-break space, minus sign and em dash', () => {
		expect(NBSP).toBe('\u00A0');
		expect(MINUS).toBe('\u2212');
		expect(MISSING).toBe('\u2014');
	});
});

describe('formatDecimal', () => {
	it('GIVEN a negative number with decimals THEN it uses U+2212, U+00A0 thousands and a decimal comma', () => {
		expect(formatDecimal(-1234.5, 1)).toBe('\u22121\u00A0234,5');
	});

	it('GIVEN millions THEN every group of three is separated by a no-break space', () => {
		expect(formatDecimal(1234567, 0)).toBe('1\u00A0234\u00A0567');
	});

	it('GIVEN a four-digit number THEN it is grouped too (1 234, not 1234)', () => {
		expect(formatDecimal(1234)).toBe('1\u00A0234');
	});

	it('GIVEN a value that rounds to zero from below THEN it is "0", never "−0"', () => {
		expect(formatDecimal(-0.04, 1)).toBe('0,0');
		expect(formatDecimal(-0.4, 0)).toBe('0');
	});

	it('GIVEN null, undefined, NaN or infinity THEN it is the em dash', () => {
		for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
			expect(formatDecimal(value, 1)).toBe('—');
	});

	it('GIVEN signed THEN positives get "+" and zero stays unsigned', () => {
		expect(formatDecimal(12, 0, { signed: true })).toBe('+12');
		expect(formatDecimal(-8, 0, { signed: true })).toBe('\u22128');
		expect(formatDecimal(0, 0, { signed: true })).toBe('0');
	});

	it('GIVEN nonsense decimals THEN they are clamped instead of throwing', () => {
		expect(formatDecimal(1.25, -3)).toBe('1');
		expect(formatDecimal(1.25, Number.NaN)).toBe('1');
	});
});

describe('formatPercent / formatWithUnit / formatCount', () => {
	it('GIVEN 62 THEN "62 %" with a no-break space before the percent sign', () => {
		expect(formatPercent(62)).toBe('62\u00A0%');
	});

	it('GIVEN a percent as a 0–100 number with one decimal THEN a decimal comma', () => {
		expect(formatPercent(4.25, 1)).toBe('4,3\u00A0%');
	});

	it('GIVEN a negative percent THEN the minus sign is U+2212', () => {
		expect(formatPercent(-3.5, 1)).toBe('\u22123,5\u00A0%');
	});

	it('GIVEN 1234 kr THEN "1 234 kr" with no-break spaces', () => {
		expect(formatWithUnit(1234, 'kr')).toBe('1\u00A0234\u00A0kr');
	});

	it('GIVEN thousands of kronor THEN the unit stays tkr', () => {
		expect(formatWithUnit(80101, 'tkr')).toBe('80\u00A0101\u00A0tkr');
	});

	it('GIVEN the unit % THEN it is written as a percent', () => {
		expect(formatWithUnit(4.25, '%', 1)).toBe('4,3\u00A0%');
	});

	it('GIVEN a count THEN grouped digits without unit', () => {
		expect(formatCount(15320)).toBe('15\u00A0320');
	});

	it('GIVEN a missing value THEN no unit is added to the dash', () => {
		expect(formatPercent(null)).toBe('—');
		expect(formatWithUnit(null, 'tkr')).toBe('—');
	});

	it('GIVEN a relative difference THEN it is signed: "+12 %", "−8 %"', () => {
		expect(formatDiffPercent(12)).toBe('+12\u00A0%');
		expect(formatDiffPercent(-8.4)).toBe('\u22128\u00A0%');
	});
});

describe('formatNumber', () => {
	it('GIVEN each style THEN the matching unit is used', () => {
		expect(formatNumber(62.5, { style: 'percent', decimals: 1 })).toBe('62,5\u00A0%');
		expect(formatNumber(1234, { style: 'unit', decimals: 0, unit: 'kr/inv' })).toBe('1\u00A0234\u00A0kr/inv');
		expect(formatNumber(1234, { style: 'count', decimals: 0 })).toBe('1\u00A0234');
		expect(formatNumber(104.25, { style: 'index', decimals: 1 })).toBe('104,3');
		expect(formatNumber(-0.5, { style: 'number', decimals: 2 })).toBe('\u22120,50');
	});

	it('GIVEN null THEN the em dash whatever the style', () => {
		expect(formatNumber(null, { style: 'unit', decimals: 0, unit: 'tkr' })).toBe('—');
	});
});

describe('formatTick', () => {
	it('GIVEN a step of 0.5 THEN ticks get one decimal even when values are whole', () => {
		expect(formatTick(2, { style: 'percent', decimals: 0 }, 0.5)).toBe('2,0\u00A0%');
	});

	it('GIVEN a step of 1000 tkr THEN whole numbers with grouping, still in tkr', () => {
		expect(formatTick(3000, { style: 'unit', decimals: 2, unit: 'tkr' }, 1000)).toBe('3\u00A0000\u00A0tkr');
	});

	it('GIVEN no step THEN the format decimals are used', () => {
		expect(formatTick(1.5, { style: 'number', decimals: 1 })).toBe('1,5');
	});

	it('GIVEN steps THEN decimalsForStep counts the decimals they need', () => {
		expect(decimalsForStep(5)).toBe(0);
		expect(decimalsForStep(0.5)).toBe(1);
		expect(decimalsForStep(0.25)).toBe(2);
		expect(decimalsForStep(0.1 + 0.2)).toBe(1);
		expect(decimalsForStep(0)).toBe(0);
	});
});
