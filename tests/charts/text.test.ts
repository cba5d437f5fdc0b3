import { describe, expect, it } from 'vitest';
import { estimateTextWidth, wrapText } from '../../src/charts/text.js';

describe('wrapText', () => {
	it('GIVEN a short name THEN one line', () => {
		expect(wrapText('Håbo', 200, 15)).toEqual(['Håbo']);
	});

	it('GIVEN a hyphenated name in a narrow slot THEN it breaks after the hyphen', () => {
		expect(wrapText('Malung-Sälen', 70, 15)).toEqual(['Malung-', 'Sälen']);
	});

	it('GIVEN a title that breaks at " · " THEN no line ends with the dot', () => {
		const title = 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2009–2023';
		const lines = wrapText(
			title,
			estimateTextWidth('Vuxna med långvarigt ekonomiskt bistånd, andel (%) ·', 26, true),
			26,
			2,
			true,
		);
		expect(lines).toEqual(['Vuxna med långvarigt ekonomiskt bistånd, andel (%)', '2009–2023']);
	});

	it('GIVEN Swedish text THEN the width estimate is close to, and not below, DejaVu Sans advance widths', () => {
		// Measured with canvas at 20 px: regular 310 px, bold 353 px.
		const regular = estimateTextWidth('Återaktualiseringar inom ett år', 20);
		const bold = estimateTextWidth('Återaktualiseringar inom ett år', 20, true);
		expect(regular).toBeGreaterThanOrEqual(310);
		expect(regular).toBeLessThan(310 * 1.08);
		expect(bold).toBeGreaterThanOrEqual(353);
		expect(bold).toBeLessThan(353 * 1.08);
	});

	it('GIVEN too many words THEN the last line ends with an ellipsis', () => {
		const lines = wrapText('Landsbygdskommuner med besöksnäring i norra Sverige', 150, 15, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]?.endsWith('…')).toBe(true);
	});

	it('GIVEN one very long word THEN it is truncated with an ellipsis', () => {
		const [line] = wrapText('Återaktualiseringsfrekvensindikatorn', 100, 15, 1);
		expect(line?.endsWith('…')).toBe(true);
		expect(line!.length).toBeLessThan(20);
	});

	it('GIVEN a long word of letters with combining marks THEN a cut at any width keeps each letter whole', () => {
		for (let width = 40; width <= 200; width++) {
			const [line] = wrapText('A\u030A'.repeat(40), width, 15, 1);
			expect(line?.replaceAll('A\u030A', ''), `width ${String(width)}`).toBe('…');
		}
	});

	it.each([
		['one 1 MB word', 'Å'.repeat(1_000_000)],
		['200 000 short words', 'Nyköping '.repeat(200_000)],
	])('GIVEN a label from data of %s THEN two lines within the width, ending in an ellipsis', (_, text) => {
		const lines = wrapText(text, 300, 15, 2);
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(lines.at(-1)?.endsWith('…')).toBe(true);
		for (const line of lines) expect(estimateTextWidth(line, 15)).toBeLessThanOrEqual(300);
	});
});
