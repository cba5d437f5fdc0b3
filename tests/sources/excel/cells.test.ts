import { describe, expect, it } from 'vitest';

import {
	AnswerDecoder,
	familyFor,
	isPercentFormat,
	missingTokenSet,
	numericValue,
	parseSwedishNumber,
	readCell,
	tokenKey,
} from '../../../src/sources/excel/cells.js';
import type { GridCell } from '../../../src/sources/excel/grid.js';

function cell(value: GridCell['value'], numFmt?: string, error?: string): GridCell {
	return { row: 1, col: 1, address: 'A1', value, ...(numFmt ? { numFmt } : {}), ...(error ? { error } : {}) };
}

const missing = missingTokenSet();

describe('Swedish numbers', () => {
	it('GIVEN decimal commas, NBSP and space thousands, a minus sign or a percent sign THEN they parse', () => {
		expect(parseSwedishNumber('62')).toEqual({ value: 62, percentSign: false });
		expect(parseSwedishNumber('62,5')).toEqual({ value: 62.5, percentSign: false });
		expect(parseSwedishNumber('1\u00a0234,5')).toEqual({ value: 1234.5, percentSign: false });
		expect(parseSwedishNumber('220 112')).toEqual({ value: 220112, percentSign: false });
		expect(parseSwedishNumber('1.234,5')).toEqual({ value: 1234.5, percentSign: false });
		expect(parseSwedishNumber('−3,2')).toEqual({ value: -3.2, percentSign: false });
		expect(parseSwedishNumber('74,5 %')).toEqual({ value: 74.5, percentSign: true });
		expect(parseSwedishNumber('0.5')).toEqual({ value: 0.5, percentSign: false });
	});

	it('GIVEN words or mixed text THEN they are not numbers', () => {
		for (const text of ['Ja', '12 kommuner', '1,2,3', '', '..', '12-14'])
			expect(parseSwedishNumber(text)).toBeUndefined();
	});
});

describe('cells', () => {
	it('GIVEN a percent-formatted fraction THEN it means percent; plain 0–100 numbers are taken as is', () => {
		const fraction = readCell(cell(0.62, '0%'), missing);
		expect(fraction).toMatchObject({ kind: 'number', percentFormat: true });
		if (fraction.kind === 'number') expect(numericValue(fraction)).toBe(62);
		const plain = readCell(cell(62), missing);
		if (plain.kind === 'number') expect(numericValue(plain)).toBe(62);
		expect(isPercentFormat('0.0 %')).toBe(true);
		expect(isPercentFormat('"%"0')).toBe(false);
		expect(isPercentFormat('0\\%')).toBe(false);
		expect(isPercentFormat(undefined)).toBe(false);
	});

	it('GIVEN missing-value tokens, empty cells and Excel errors THEN they are missing with the raw token', () => {
		for (const token of ['-', '..', '.', 'x', 'X', 'Uppgift saknas', ' ej  svar ', '–']) {
			expect(readCell(cell(token), missing)).toEqual({ kind: 'missing', token: token.trim().replace(/\s+/g, ' ') });
		}
		expect(readCell(undefined, missing)).toEqual({ kind: 'missing', token: '' });
		expect(readCell(cell(null, undefined, '#N/A'), missing)).toEqual({ kind: 'missing', token: '#N/A' });
		expect(readCell(cell('Okänt'), missingTokenSet(['okänt']))).toEqual({ kind: 'missing', token: 'Okänt' });
	});

	it('GIVEN text with NBSP and odd spacing THEN the token is cleaned and its key is case-insensitive', () => {
		expect(readCell(cell('Ja,\u00a0för  alla'), missing)).toEqual({
			kind: 'text',
			text: 'Ja, för alla',
			token: 'Ja, för alla',
		});
		expect(tokenKey(' JA ,  för alla. ')).toBe('ja, för alla');
	});
});

describe('answers', () => {
	const ordinal = [
		{ code: 2, label: 'Ja, för alla' },
		{ code: 1, label: 'Ja, men inte för alla' },
		{ code: 0, label: 'Nej' },
	];

	it('GIVEN answer wordings in any case and spacing THEN they decode to the scale codes', () => {
		const decoder = new AnswerDecoder(ordinal);
		expect(decoder.decode('Ja, för alla')).toBe(2);
		expect(decoder.decode('ja,för alla')).toBe(2);
		expect(decoder.decode('JA, MEN INTE FÖR ALLA')).toBe(1);
		expect(decoder.decode('nej')).toBe(0);
		expect(decoder.decode('Ja')).toBeUndefined();
	});

	it('GIVEN column overrides and global synonyms THEN overrides win and targets outside the scale are ignored', () => {
		const decoder = new AnswerDecoder(
			ordinal,
			{ '1': 2, Delvis: 'Ja, men inte för alla' },
			{ Ja: 'Ja, för alla', Kanske: 'Okänd' },
		);
		expect(decoder.decode('1')).toBe(2);
		expect(decoder.decode('delvis')).toBe(1);
		expect(decoder.decode('Ja')).toBe(2);
		expect(decoder.decode('Kanske')).toBeUndefined();
		expect(AnswerDecoder.invalidTargets(ordinal, { a: 5, b: 'Nej', c: 'Kanske' })).toEqual([
			{ token: 'a', target: 5 },
			{ token: 'c', target: 'Kanske' },
		]);
	});

	it('GIVEN the tokens of a column THEN the smallest answer family covering them is chosen', () => {
		const counts = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));
		expect(familyFor(counts({ ja: 10, nej: 3 }))?.unit).toBe('Ja/Nej');
		expect(familyFor(counts({ ja: 10, delvis: 2, nej: 3 }))?.unit).toBe('Ja/Delvis/Nej');
		expect(familyFor(counts({ helt: 1, 'inte alls': 2 }))?.unit).toBe('Helt/Delvis/Inte alls');
		expect(familyFor(counts({ 'ja, för alla': 1, nej: 1 }))?.unit).toBe('Ja, för alla/Ja, men inte för alla/Nej');
		expect(familyFor(counts({ ja: 95, kanske: 5 }), 0.9)?.unit).toBe('Ja/Nej');
		expect(familyFor(counts({ ja: 5, kanske: 5 }), 0.9)).toBeUndefined();
		expect(familyFor(counts({}))).toBeUndefined();
	});
});
