import { describe, expect, it } from 'vitest';
import { foldDiacritics, isBlankQuery, normalizeQuery } from '../../src/search/normalize.js';
import { trigrams } from '../../src/search/tiered.js';

describe('normalizeQuery', () => {
	it('GIVEN NFD input with zero-width and bidi marks THEN it is NFC, visible and lower-cased', () => {
		expect(normalizeQuery('  H\u0061\u030Abo\u200b\u202e  ')).toBe('håbo');
	});
	it('GIVEN runs of whitespace THEN they collapse to one space', () => {
		expect(normalizeQuery('Upplands \t  Väsby')).toBe('upplands väsby');
		expect(normalizeQuery('Malmö\nLund\tGöteborg\r\nKiruna')).toBe('malmö lund göteborg kiruna');
	});
	it('GIVEN Swedish capitals THEN they lower-case to å ä ö', () => {
		expect(normalizeQuery('ÅNGE ÄNGELHOLM ÖREBRO')).toBe('ånge ängelholm örebro');
	});
});

describe('foldDiacritics', () => {
	it('GIVEN å ä ö and hyphens THEN they fold to a, o and spaces', () => {
		expect(foldDiacritics('upplands-bro')).toBe('upplands bro');
		expect(foldDiacritics('malmö')).toBe('malmo');
		expect(foldDiacritics('håbo')).toBe(foldDiacritics('habo'));
	});
});

describe('isBlankQuery', () => {
	it('GIVEN only punctuation THEN it is blank; GIVEN a letter or digit THEN it is not', () => {
		expect(isBlankQuery('!!! ...')).toBe(true);
		expect(isBlankQuery('a')).toBe(false);
		expect(isBlankQuery('0180')).toBe(false);
	});
});

describe('trigrams', () => {
	it('GIVEN a word THEN padded trigrams mark its start and end', () => {
		expect(trigrams('ale')).toEqual([' al', 'ale', 'le ']);
	});
});
