/**
 * Cell value parsing for the ÖJ workbook (and the statistikdatabas CSV): tokens, missing-value
 * markers, Swedish numbers (decimal comma, NBSP thousands), percent-formatted fractions and survey
 * answers. Pure functions; what a cell means is decided by the caller (row type and column role).
 */
import type { ScaleStep } from '../../dataset/schema.js';
import type { GridCell } from './grid.js';

/**
 * Tokens that mean "no value" (compared after {@link tokenKey}). Kept as `value: null` with the raw
 * token as status. "" is an empty cell. Kolada's/SCB's symbols: "-" bortfall, "." ej tillämplig,
 * ".." sekretess or missing.
 */
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
	'',
	'-',
	'–',
	'—',
	'.',
	'..',
	'...',
	'…',
	'x',
	'*',
	'n/a',
	'na',
	'saknas',
	'uppgift saknas',
	'uppgift saknas.',
	'data saknas',
	'ej svar',
	'ej svarat',
	'inget svar',
	'svar saknas',
	'ej besvarad',
	'vet ej',
	'ej tillämpligt',
	'ej tillämplig',
	'ej aktuellt',
	'ej relevant',
	'bortfall',
	'sekretess',
	'#n/a',
	'#saknas!',
	'#div/0!',
	'#value!',
	'#värdefel!',
	'#ref!',
];

/** Trims, turns NBSP and other spaces into plain spaces and collapses them; keeps case. */
export function cleanText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]/g, ' ')
		.replace(/[\u200b-\u200d\ufeff]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The comparison key of a token: cleaned, lower-cased (Swedish rules), dashes unified, no space
 * before commas, no trailing full stop. "Ja, för  alla." → "ja, för alla".
 */
export function tokenKey(text: string): string {
	return cleanText(text)
		.toLocaleLowerCase('sv')
		.replace(/[‐‑‒–—]/g, '-')
		.replace(/\s*,\s*/g, ', ')
		.replace(/(?<=\S)\.$/, '')
		.trim();
}

/** What a raw cell holds, before its meaning in a column is known. */
export type RawCell =
	| { readonly kind: 'missing'; readonly token: string }
	| { readonly kind: 'number'; readonly value: number; readonly token: string; readonly percentFormat: boolean }
	| { readonly kind: 'text'; readonly text: string; readonly token: string };

/** True when an Excel number format shows the value as a percentage ("0%", "0.0 %"; not "0\%"). */
export function isPercentFormat(numFmt: string | undefined): boolean {
	if (numFmt === undefined) return false;
	const unquoted = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
	return unquoted.includes('%');
}

/** Rounds away binary noise from 0.62 × 100 = 62.00000000000001. */
export function roundNoise(value: number): number {
	return Math.round(value * 1e9) / 1e9;
}

/**
 * Parses a Swedish number written as text: "62", "62,5", "1 234,5" (space, NBSP or thin space as
 * thousands separator), "1.234,5", "−3,2", "62 %" (`percentSign`). A plain "0.5" is read with the
 * point as decimal separator. Returns undefined for anything else. A number too large for a double
 * ("1" and 400 zeros) comes back as Infinity, for the record check to quarantine.
 */
export function parseSwedishNumber(text: string): { value: number; percentSign: boolean } | undefined {
	let t = cleanText(text).replace(/[−‒–]/g, '-');
	let percentSign = false;
	if (/%$/.test(t)) {
		percentSign = true;
		t = t.replace(/\s*%$/, '');
	}
	t = t.replace(/(?<=\d) (?=\d{3}\b)/g, '');
	let normalized: string | undefined;
	if (/^[-+]?\d+(,\d+)?$/.test(t)) normalized = t.replace(',', '.');
	else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normalized = t.replace(/\./g, '').replace(',', '.');
	else if (/^[-+]?\d*\.\d+$/.test(t) || /^[-+]?,\d+$/.test(t)) normalized = t.replace(',', '.');
	if (normalized === undefined) return undefined;
	return { value: Number(normalized), percentSign };
}

/** The text a header or name cell shows (numbers as written), or undefined for an empty cell. */
export function cellText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const text = cleanText(value);
		return text.length > 0 ? text : undefined;
	}
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** A set of missing-value tokens (default ones plus extra ones from a mapping file). */
export function missingTokenSet(extra: readonly string[] = []): ReadonlySet<string> {
	return new Set([...DEFAULT_MISSING_TOKENS, ...extra].map(tokenKey));
}

/**
 * Classifies a raw cell (or its absence) as missing, number or text. Excel error values count as
 * missing with the error code as token. A number with percent format keeps its stored fraction
 * here; {@link numericValue} scales it.
 */
export function readCell(cell: GridCell | undefined, missing: ReadonlySet<string>): RawCell {
	if (!cell) return { kind: 'missing', token: '' };
	if (cell.error !== undefined) return { kind: 'missing', token: cell.error };
	const value = cell.value;
	if (value === null) return { kind: 'missing', token: '' };
	if (typeof value === 'number') {
		return { kind: 'number', value, token: String(value), percentFormat: isPercentFormat(cell.numFmt) };
	}
	if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Ja' : 'Nej', token: value ? 'Ja' : 'Nej' };
	if (value instanceof Date) {
		const iso = value.toISOString().slice(0, 10);
		return { kind: 'text', text: iso, token: iso };
	}
	const token = cleanText(value);
	if (missing.has(tokenKey(token))) return { kind: 'missing', token };
	const parsed = parseSwedishNumber(token);
	if (parsed) {
		// "62 %" already is a percentage; a plain text number is taken as written.
		return { kind: 'number', value: parsed.value, token, percentFormat: false };
	}
	return { kind: 'text', text: token, token };
}

/**
 * The number a numeric cell stands for: a percent-formatted cell holding 0.62 means 62; numbers
 * are otherwise taken as written (0–100 shares as is), times an optional factor from the mapping.
 */
export function numericValue(cell: Extract<RawCell, { kind: 'number' }>, factor = 1): number {
	const base = cell.percentFormat ? cell.value * 100 : cell.value;
	return roundNoise(base * factor);
}

/** A known ordinal wording family, best answer first. */
export interface AnswerFamily {
	readonly unit: string;
	readonly scale: readonly ScaleStep[];
}

/** A family from its labels, best first: codes count down to 0, the unit is the labels joined by "/". */
function answerFamily(...labels: readonly string[]): AnswerFamily {
	return { unit: labels.join('/'), scale: labels.map((label, i) => ({ code: labels.length - 1 - i, label })) };
}

/**
 * Answer families recognised when a new survey indicator is created from a column. The first
 * family that covers every token in the column is chosen (so Ja/Nej stays `yesno`).
 */
export const ANSWER_FAMILIES: readonly AnswerFamily[] = [
	answerFamily('Ja', 'Nej'),
	answerFamily('Ja', 'Delvis', 'Nej'),
	answerFamily('Helt', 'Delvis', 'Inte alls'),
	answerFamily('Ja, för alla', 'Ja, men inte för alla', 'Nej'),
	answerFamily('Ja, alla', 'Ja, men inte alla', 'Nej'),
];

/**
 * The answer family for a column's tokens (keys from {@link tokenKey} with their counts): the first
 * family that covers every token, else the one covering most cells if it covers at least
 * `minCoverage` of them (the rest are then reported as unreadable cells).
 */
export function familyFor(tokens: ReadonlyMap<string, number>, minCoverage = 1): AnswerFamily | undefined {
	const total = [...tokens.values()].reduce((a, b) => a + b, 0);
	if (total === 0) return undefined;
	let best: { family: AnswerFamily; covered: number } | undefined;
	for (const family of ANSWER_FAMILIES) {
		const labels = new Set(family.scale.map((s) => tokenKey(s.label)));
		let covered = 0;
		for (const [key, count] of tokens) if (labels.has(key)) covered += count;
		if (covered === total) return family;
		if (!best || covered > best.covered) best = { family, covered };
	}
	return best && best.covered > 0 && best.covered / total >= minCoverage ? best.family : undefined;
}

/**
 * Decodes survey answers into scale codes: the column's own overrides first (token → code or
 * token → label), then the mapping's global synonyms (token → label), then the scale's labels,
 * all compared case- and whitespace-insensitively.
 */
export class AnswerDecoder {
	private readonly byKey = new Map<string, number>();

	constructor(
		readonly scale: readonly ScaleStep[],
		overrides: Readonly<Record<string, number | string>> = {},
		synonyms: Readonly<Record<string, number | string>> = {},
	) {
		const byLabel = new Map(scale.map((s) => [tokenKey(s.label), s.code]));
		for (const step of scale) this.byKey.set(tokenKey(step.label), step.code);
		const apply = (map: Readonly<Record<string, number | string>>): void => {
			for (const [token, target] of Object.entries(map)) {
				const code = typeof target === 'number' ? target : byLabel.get(tokenKey(target));
				if (code !== undefined && scale.some((s) => s.code === code)) this.byKey.set(tokenKey(token), code);
			}
		};
		apply(synonyms);
		apply(overrides);
	}

	/** The code of an answer token, or undefined when the token is not an answer of this scale. */
	decode(token: string): number | undefined {
		return this.byKey.get(tokenKey(token));
	}

	/** Problems with overrides that point outside the scale (for mapping validation). */
	static invalidTargets(
		scale: readonly ScaleStep[],
		overrides: Readonly<Record<string, number | string>>,
	): { token: string; target: number | string }[] {
		const labels = new Set(scale.map((s) => tokenKey(s.label)));
		const codes = new Set(scale.map((s) => s.code));
		return Object.entries(overrides)
			.filter(([, target]) => (typeof target === 'number' ? !codes.has(target) : !labels.has(tokenKey(target))))
			.map(([token, target]) => ({ token, target }));
	}
}
