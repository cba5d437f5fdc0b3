/**
 * Text primitives of the question parser: tokenisation that keeps positions and capitalisation,
 * a light Swedish stemmer ("kostnaden" → "kostnad", "invånarna" → "invan") and a bounded edit
 * distance for typos. Everything works on the search module's normalisation (NFC, invisible
 * characters removed, Swedish lower-casing, diacritics folded only where stated).
 */
import { foldDiacritics, normalizeQuery, stripInvisible } from '../search/normalize.js';

/** Longest question (characters) the parser reads; longer input is refused politely. */
export const MAX_QUESTION_LENGTH = 500;

/** Most tokens looked at; a question never needs more. */
export const MAX_TOKENS = 80;

/** One word or number of a question. */
export interface Token {
	/** Position among the tokens. */
	readonly index: number;
	/** As typed (NFC, invisible characters removed). */
	readonly raw: string;
	/** Lower-cased with Swedish rules, diacritics kept ("malmö", "upplands-bro"). */
	readonly norm: string;
	/** Lower-cased and folded, hyphens kept ("malmo", "upplands-bro"). */
	readonly fold: string;
	/** Stems of the parts of the word (a hyphenated word has several: "freda-kortfrågor" → fred, kortfrag). */
	readonly stems: readonly string[];
	/** Character offsets in the cleaned text. */
	readonly start: number;
	readonly end: number;
	/** The characters between the previous token and this one (", ", " – ", "/"). */
	readonly gap: string;
	/** True when the first letter is upper case as typed. */
	readonly capital: boolean;
	/** True for a token of digits only. */
	readonly numeric: boolean;
}

/** A tokenised question: the cleaned text and its tokens. */
export interface Tokenized {
	readonly text: string;
	readonly tokens: readonly Token[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Folds one lower-cased word, keeping hyphens (foldDiacritics would turn them into spaces). */
export function foldWord(norm: string): string {
	return norm
		.split('-')
		.map((part) => foldDiacritics(part).replace(/\s+/g, ''))
		.join('-');
}

/**
 * Cleans a question: NFC, invisible and control characters removed, whitespace collapsed, dashes
 * between numbers made plain hyphens ("2018 – 2022" → "2018-2022").
 */
export function cleanQuestion(input: string): string {
	return stripInvisible(input)
		.replace(/\s+/g, ' ')
		.replace(/(\d)\s*[-‐‑‒–—]\s*(\d)/g, '$1-$2')
		.trim();
}

/** Splits a cleaned question into tokens (at most {@link MAX_TOKENS}). */
export function tokenize(text: string): Tokenized {
	const tokens: Token[] = [];
	let previousEnd = 0;
	for (const match of text.matchAll(WORD)) {
		if (tokens.length >= MAX_TOKENS) break;
		const raw = match[0];
		const start = match.index;
		const norm = raw.toLocaleLowerCase('sv');
		const fold = foldWord(norm);
		const first = raw.charAt(0);
		tokens.push({
			index: tokens.length,
			raw,
			norm,
			fold,
			stems: fold
				.split(/['’-]/)
				.filter((p) => p.length > 0)
				.map(stem),
			start,
			end: start + raw.length,
			gap: text.slice(previousEnd, start),
			capital: first !== first.toLocaleLowerCase('sv'),
			numeric: /^\d+$/.test(raw),
		});
		previousEnd = start + raw.length;
	}
	return { text, tokens };
}

/** The text of tokens `from`…`to` (inclusive) as typed, separators kept. */
export function spanText(question: Tokenized, from: number, to: number): string {
	const first = question.tokens[from];
	const last = question.tokens[to];
	return first && last ? question.text.slice(first.start, last.end) : '';
}

/** The folded form of any text, as the search index folds names ("Upplands-Bro" → "upplands bro"). */
export function foldText(text: string): string {
	return foldDiacritics(normalizeQuery(text));
}

const SUFFIXES: readonly (readonly [number, readonly string[]])[] = [
	[7, ['elser', 'heten']],
	[6, ['arne', 'erna', 'ande', 'else', 'aste', 'orna', 'aren', 'arna', 'ende']],
	[5, ['are', 'ast', 'het']],
	[4, ['ar', 'er', 'or', 'en', 'at', 'te', 'et']],
	[4, ['a', 'e', 'n', 't']],
];

/**
 * A light Swedish stemmer on a folded word: a genitive/plural s, then one definite or plural
 * ending, so "kostnaden", "kostnader" and "kostnad" meet. Digits are left alone.
 */
export function stem(word: string): string {
	if (/^\d/.test(word)) return word;
	let w = word;
	if (w.length > 4 && w.endsWith('s')) w = w.slice(0, -1);
	for (const [min, endings] of SUFFIXES) {
		if (w.length <= min) continue;
		const ending = endings.find((e) => w.endsWith(e));
		if (ending) return w.slice(0, -ending.length);
	}
	return w;
}

/**
 * Optimal-string-alignment distance (edits, with adjacent swaps counted once), or `max + 1` as
 * soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	const cols = b.length + 1;
	let prevPrev = new Array<number>(cols).fill(0);
	let prev = Array.from({ length: cols }, (_, j) => j);
	let current = new Array<number>(cols).fill(0);
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let value = Math.min((prev[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
			}
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > max) return max + 1;
		[prevPrev, prev, current] = [prev, current, prevPrev];
	}
	return prev[b.length] ?? max + 1;
}

/** Edits allowed for a typo in a word of this length (none for short words). */
export function typoBudget(length: number): number {
	if (length < 5) return 0;
	return length < 8 ? 1 : 2;
}
