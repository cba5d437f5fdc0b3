import { describe, expect, it } from 'vitest';
import { clampChoices, LIMITS } from '../../src/discord/limits.js';
import { localeOf, uiTexts } from '../../src/discord/locale.js';

describe('clampChoices', () => {
	it('GIVEN 30 choices THEN keeps the first 25', () => {
		const choices = Array.from({ length: 30 }, (_, i) => ({ name: `Kommun ${i}`, value: String(i).padStart(4, '0') }));
		const out = clampChoices(choices);
		expect(out).toHaveLength(LIMITS.choices);
		expect(out[24]?.value).toBe('0024');
	});

	it('GIVEN a name over 100 characters THEN shortens it and keeps the value', () => {
		const [choice] = clampChoices([{ name: 'x'.repeat(150), value: 'U31509' }]);
		expect(choice?.name.length).toBe(100);
		expect(choice?.value).toBe('U31509');
	});

	it('GIVEN empty, too long or repeated values THEN drops them', () => {
		const out = clampChoices([
			{ name: 'A', value: '' },
			{ name: 'B', value: 'v'.repeat(101) },
			{ name: 'C', value: '0114' },
			{ name: 'D', value: '0114' },
		]);
		expect(out).toEqual([{ name: 'C', value: '0114' }]);
	});

	it('GIVEN an empty name THEN uses the value as name', () => {
		expect(clampChoices([{ name: '  ', value: '0180' }])).toEqual([{ name: '0180', value: '0180' }]);
	});
});

describe('localeOf', () => {
	it('GIVEN English client locales THEN answers in English', () => {
		expect(localeOf('en-US')).toBe('en');
		expect(localeOf('en-GB')).toBe('en');
	});

	it('GIVEN Swedish, other or missing locales THEN answers in Swedish', () => {
		expect(localeOf('sv-SE')).toBe('sv');
		expect(localeOf('de')).toBe('sv');
		expect(localeOf(undefined)).toBe('sv');
		expect(localeOf(null)).toBe('sv');
	});
});

describe('uiTexts', () => {
	it('GIVEN a reference THEN the Swedish error text shows it', () => {
		expect(uiTexts('sv').internalError('ab12cd34')).toBe('Något gick fel (ref: ab12cd34).');
		expect(uiTexts('en').internalError('ab12cd34')).toBe('Something went wrong (ref: ab12cd34).');
	});

	it('GIVEN a cooldown end THEN the text has a Discord relative timestamp and the seconds', () => {
		expect(uiTexts('sv').cooldown(1_700_000_004_200, 5)).toBe(
			'Vänta lite – du kan be om ett nytt diagram <t:1700000005:R> (om 5 s).',
		);
	});
});
