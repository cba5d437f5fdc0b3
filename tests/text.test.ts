import { describe, expect, it } from 'vitest';
import { clip } from '../src/text.js';

describe('clip', () => {
	it('GIVEN text that fits THEN it is unchanged', () => {
		expect(clip('Håbo', 4)).toBe('Håbo');
	});
	it('GIVEN emoji at the cut THEN no half emoji, and the result fits with an ellipsis', () => {
		const out = clip('🙂'.repeat(50), 21);
		expect(out).toBe(`${'🙂'.repeat(10)}…`);
		expect(out.length).toBeLessThanOrEqual(21);
		expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
	});
	it('GIVEN a family emoji (a ZWJ sequence) THEN it is kept whole or left out whole', () => {
		const family = '👩‍👩‍👧‍👦';
		expect(clip(`ab${family}cd`, 6)).toBe('ab…');
	});
	it('GIVEN NFD letters THEN the combining ring stays with its letter', () => {
		expect(clip('Ha\u030abo Ha\u030abo', 4)).toBe('Ha\u030a…');
	});
	it('GIVEN a budget of one or less THEN only an ellipsis or nothing', () => {
		expect(clip('abc', 1)).toBe('…');
		expect(clip('abc', 0)).toBe('');
	});
});

describe('clip at a limit', () => {
	it('GIVEN text within the limit THEN returns it as is', () => {
		expect(clip('Malmö', 5)).toBe('Malmö');
	});

	it('GIVEN text over the limit THEN cuts and ends with an ellipsis at exactly the limit', () => {
		const out = clip('Upplands Väsby kommun', 10);
		expect(out).toBe('Upplands…');
		expect(out.length).toBeLessThanOrEqual(10);
	});

	it('GIVEN a cut inside a surrogate pair THEN never leaves half of it', () => {
		const out = clip('ab😀cd', 4);
		expect(out).toBe('ab…');
		expect(() => encodeURIComponent(out)).not.toThrow();
	});

	it('GIVEN tiny limits THEN returns an ellipsis or nothing', () => {
		expect(clip('abc', 1)).toBe('…');
		expect(clip('abc', 0)).toBe('');
	});
});
