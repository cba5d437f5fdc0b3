/**
 * Text measuring without a canvas: layout decisions made before drawing (wrapping, padding, label
 * room) use a table of DejaVu Sans advance widths, so they match what will be drawn.
 */
import { graphemes } from '../text.js';

/**
 * Advance widths of DejaVu Sans in em, measured with canvas and grouped by width, so layout
 * decisions made before drawing (wrapping, padding, label room) match what will be drawn.
 */
const REGULAR_WIDTHS: readonly (readonly [string, number])[] = [
	["'ijlIJ", 0.29],
	[' .,·\u00A0:;/', 0.33],
	['f-', 0.36],
	['()[]tr!', 0.41],
	['"–*', 0.5],
	['szc?', 0.54],
	['LFkvxy', 0.59],
	['PTYoöaåäeéEÉ', 0.62],
	['hnuübdgpqS0123456789', 0.64],
	['KAVÅÄXZBRC', 0.69],
	['UÜNHDG', 0.77],
	['&OQÖw', 0.82],
	['+−✓✗=<>≥≤M', 0.86],
	['%mW—…', 1],
];
const BOLD_WIDTHS: readonly (readonly [string, number])[] = [
	["'ijlIJ", 0.37],
	[' .,·\u00A0:;/', 0.4],
	['-f!()[]', 0.46],
	['tr–', 0.5],
	['"*?zcs', 0.6],
	['Lxvyk', 0.67],
	['aåäeéTEFÉoö0123456789', 0.7],
	['hnuübdgpqSYZPC', 0.73],
	['BRXAVÅÄK', 0.78],
	['UÜGDHN+−✓✗=<>≥≤OQÖ', 0.85],
	['&w', 0.93],
	['M—…%m', 1.04],
	['W', 1.1],
];

function widthTable(groups: readonly (readonly [string, number])[]): ReadonlyMap<string, number> {
	return new Map(groups.flatMap(([chars, em]) => Array.from(chars, (ch) => [ch, em] as const)));
}

const REGULAR = widthTable(REGULAR_WIDTHS);
const BOLD = widthTable(BOLD_WIDTHS);

/**
 * Width in pixels of `text` in DejaVu Sans. The table rounds widths up, so the estimate runs a few
 * percent wide: layout decisions made before drawing (wrapping, padding) leave room rather than overlap.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
	const table = bold ? BOLD : REGULAR;
	let em = 0;
	for (const ch of text) em += table.get(ch) ?? (bold ? 0.75 : 0.68);
	return em * fontSize;
}

/** Width in pixels of the widest of `lines` (wrapped labels, one array per label). */
export function widestLine(lines: readonly (readonly string[])[], fontSize: number, bold = true): number {
	return Math.max(0, ...lines.flat().map((line) => estimateTextWidth(line, fontSize, bold)));
}

/**
 * `text` cut to `maxWidth` with an ellipsis, in one pass over its graphemes (a label from data may be
 * huge; a letter keeps its combining marks).
 */
function truncate(text: string, maxWidth: number, fontSize: number, bold: boolean): string {
	if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
	const budget = maxWidth - estimateTextWidth('…', fontSize, bold);
	let kept = '';
	let width = 0;
	for (const ch of graphemes(text)) {
		const w = estimateTextWidth(ch, fontSize, bold);
		// Trailing spaces are trimmed before the ellipsis, so they need no room.
		if (kept !== '' && width + w > budget && ch.trim() !== '') break;
		kept += ch;
		width += w;
	}
	return `${kept.trimEnd()}…`;
}

/** Greedy line breaking at spaces and after hyphens, without a line limit. */
function breakLines(text: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
	const words = text
		.trim()
		.split(/\s+/)
		.flatMap((word) => word.split(/(?<=-)(?=.)/));
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const joiner = current === '' || current.endsWith('-') ? '' : ' ';
		const candidate = `${current}${joiner}${word}`;
		if (current === '' || estimateTextWidth(candidate, fontSize, bold) <= maxWidth) {
			current = candidate;
		} else {
			lines.push(current);
			current = word;
		}
	}
	if (current !== '') lines.push(current);
	return lines;
}

/**
 * Wraps `text` into at most `maxLines` lines of at most `maxWidth` pixels, breaking at spaces and
 * after hyphens ("Malung-Sälen" → "Malung-", "Sälen"). What does not fit ends in an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2, bold = false): string[] {
	const lines = breakLines(text, maxWidth, fontSize, bold);
	// A break at " · " (indicator · year) should not leave the dot dangling at a line end.
	for (let i = 0; i < lines.length - 1; i++) lines[i] = (lines[i] ?? '').replace(/\s*·$/, '');
	if (lines.length > maxLines) {
		// Greedy wrapping guarantees the joined rest overflows one line, so truncation adds the ellipsis.
		const rest = lines.slice(maxLines - 1).join(' ');
		return [...lines.slice(0, maxLines - 1), rest].map((line) => truncate(line, maxWidth, fontSize, bold));
	}
	return lines.map((line) => truncate(line, maxWidth, fontSize, bold));
}
