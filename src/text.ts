/**
 * Cutting text to a length budget without breaking a character: the cut falls on a grapheme
 * boundary (an emoji, a letter with a combining mark or a flag stays whole) and an ellipsis marks it.
 * Lengths are counted in UTF-16 code units, as Discord counts them.
 */

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** The graphemes of `text` in order: each emoji, flag or letter with its combining marks is one. */
export function* graphemes(text: string): Generator<string> {
	for (const { segment } of segmenter.segment(text)) yield segment;
}

/** `text` when it fits in `max` code units, else its longest grapheme-whole prefix plus "…" within `max`. */
export function clip(text: string, max: number): string {
	if (max <= 0) return '';
	if (text.length <= max) return text;
	if (max === 1) return ELLIPSIS;
	let out = '';
	for (const segment of graphemes(text)) {
		if (out.length + segment.length > max - 1) break;
		out += segment;
	}
	return `${out.trimEnd()}${ELLIPSIS}`;
}
