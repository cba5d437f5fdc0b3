/**
 * Query normalisation with Swedish rules. Å, Ä and Ö are letters of their own in Swedish ("Håbo" and
 * "Habo" are different kommuner), so the primary form keeps them; the folded form drops them only
 * for the tier that accepts a folded match when it is unique.
 */

// Control characters (but not tabs and line breaks, which are whitespace), zero-width characters,
// bidi marks and the BOM: matching them is the point.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** Maximum query length considered; longer input is treated as absurd. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Removes control, zero-width and bidi characters (after NFC normalisation). Tabs and line breaks
 * stay: they separate words, and every caller collapses whitespace to single spaces afterwards.
 */
export function stripInvisible(input: string): string {
	return input.normalize('NFC').replace(INVISIBLE, '');
}

/** NFC, invisible characters removed, whitespace collapsed, trimmed, lower-cased with Swedish rules. */
export function normalizeQuery(input: string): string {
	return stripInvisible(input).replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

/**
 * A normalised string with diacritics removed and hyphens/punctuation turned into spaces
 * ("Upplands-Bro" → "upplands bro", "Malmö" → "malmo").
 */
export function foldDiacritics(normalized: string): string {
	return normalized
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/[-–—_/.,:;()'"’]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** True when a normalised query has nothing searchable in it (no letter or digit). */
export function isBlankQuery(normalized: string): boolean {
	return !/[\p{L}\p{N}]/u.test(normalized);
}
