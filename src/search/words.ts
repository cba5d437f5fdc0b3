/**
 * Word-aware ranking: a query's words are matched one by one against the words of each item's
 * names (exactly, as an inflection or part of a compound, or with a typo), words that few items
 * have weigh more than words every title has (an IDF weight), and an item that covers every word
 * of the query ranks above one that does not. Works on folded text, so missing å ä ö cost nothing.
 */
import { foldDiacritics, normalizeQuery } from './normalize.js';

/**
 * Function words (folded, Swedish and English) and question words around a name: never a name or
 * an indicator word on their own.
 */
export const FUNCTION_WORDS: readonly string[] = [
	'och',
	'i',
	'pa',
	'for',
	'av',
	'till',
	'fran',
	'om',
	'som',
	'ar',
	'den',
	'det',
	'de',
	'en',
	'ett',
	'att',
	'vid',
	'hos',
	'mot',
	'inom',
	'eller',
	'the',
	'of',
	'and',
	'in',
	'for',
	'on',
	'with',
	'a',
	'an',
	'to',
	'at',
	'by',
	// Question words around a name in a field ("hur många hushåll får bistånd").
	'hur',
	'far',
	'fick',
	'vad',
	'vilka',
	'vilken',
	'visa',
	'finns',
	'how',
	'much',
	'what',
	'show',
];

/** Words that never tell two items apart: the function words, "per" and "el". */
const STOP_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, 'per', 'el']);

/** Lowest quality of a word match that counts at all. */
const MIN_QUALITY = 0.6;

/**
 * The words of a text: folded, split at anything but letters and digits, function words dropped,
 * thousands written apart joined ("100 000" → "100000") and abbreviations written out
 * (`abbreviations`, folded: "inv" → "invanare").
 */
export function words(text: string, abbreviations: ReadonlyMap<string, string> = new Map()): string[] {
	return foldDiacritics(normalizeQuery(text))
		.replace(/(\d) (?=\d{3}(?!\d))/g, '$1')
		.split(/[^\p{L}\p{N}]+/u)
		.map((w) => abbreviations.get(w) ?? w)
		.filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), or `max + 1` as
 * soon as it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const width = b.length + 1;
	if (rows.length < width * 3) rows = new Int32Array(width * 6);
	// Three rows of the table in one buffer: two back, one back, current.
	let prev2 = 0;
	let prev = width;
	let row = 2 * width;
	for (let j = 0; j < width; j++) rows[prev + j] = j;
	for (let i = 1; i <= a.length; i++) {
		rows[row] = i;
		let best = i;
		for (let j = 1; j < width; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let d = Math.min(
				(rows[prev + j] as number) + 1,
				(rows[row + j - 1] as number) + 1,
				(rows[prev + j - 1] as number) + cost,
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, (rows[prev2 + j - 2] as number) + 1);
			rows[row + j] = d;
			if (d < best) best = d;
		}
		if (best > max) return max + 1;
		[prev2, prev, row] = [prev, row, prev2];
	}
	return rows[prev + b.length] as number;
}

/** Scratch rows for {@link editDistance}, grown when a longer word comes. */
let rows = new Int32Array(3 * 64);

function sharedPrefix(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

/**
 * How well a query word `q` matches a name word `w` (both folded), from 1 (the same word) down to
 * {@link MIN_QUALITY}, or 0: an inflection ("familjer"/"familj", "långvarigt"/"långvariga"), a word
 * being typed ("unga vux"), part of a compound ("barnfamiljer"/"familjer"), a typo.
 */
export function wordQuality(q: string, w: string): number {
	if (q === w) return 1;
	if (DIGIT.test(q) || DIGIT.test(w)) return 0;
	return lettersQuality(q, w);
}

const DIGIT = /\d/;

/** {@link wordQuality} for two different words without digits. */
function lettersQuality(q: string, w: string): number {
	if (q.length >= 3 && w.startsWith(q)) return q.length >= 4 ? 0.9 : 0.65;
	if (w.length >= 4 && q.startsWith(w) && q.length - w.length <= 4) return 0.85;
	const prefix = sharedPrefix(q, w);
	if (prefix >= 5 && q.length - prefix <= 3 && w.length - prefix <= 3) return 0.8;
	if (q.length >= 4 && (q[0] === w[0] || q[1] === w[1] || (q[0] === w[1] && q[1] === w[0]))) {
		const max = q.length >= 8 ? 2 : 1;
		const d = editDistance(q, w, max);
		if (d <= max) return d === 1 ? 0.8 : 0.65;
	}
	if (q.length >= 5 && w.includes(q)) return 0.7;
	if (w.length >= 4 && q.includes(w)) return 0.7;
	return 0;
}

/** One item's names as words. */
interface WordDoc {
	/** Each name's words (primary names first). */
	readonly fields: readonly (readonly string[])[];
}

/** A ranked item: how much of the query it covers and how well. */
export interface Ranked {
	readonly index: number;
	/** True when every known word of the query matched one of the item's words. */
	readonly covered: boolean;
	/** Weighted share of the query matched (0–1), with precision and phrase order added in. */
	readonly score: number;
}

/** Share of the ranking score given to how much of one of the item's names the query covers. */
const PRECISION_WEIGHT = 0.4;

/** How many of the best items by matched words are scored for precision as well. */
const PRECISION_POOL = 60;

/** Most cached query words before the cache is cleared. */
const CACHE_LIMIT = 4000;

/** A word index over the names of a list of items. Build once; ranking reads Maps and one word list. */
export class WordIndex {
	private readonly docs: readonly WordDoc[];
	private readonly postings = new Map<string, number[]>();
	/** Name words without digits (only those can match other than exactly). */
	private readonly vocabulary: readonly string[];
	private readonly cache = new Map<string, ReadonlyMap<string, number>>();

	private readonly abbreviations: ReadonlyMap<string, string>;
	private readonly weights = new Map<string, number>();
	/** The weight of each word of each name of each item, as {@link weight} gives it. */
	private readonly fieldWeights: readonly (readonly (readonly number[])[])[];

	/**
	 * `names[i]` are the names of item `i` (primary names first); `abbreviations` maps short forms
	 * used in names and queries to the word written out ("inv" → "invånare").
	 */
	constructor(names: readonly (readonly string[])[], abbreviations: Readonly<Record<string, string>> = {}) {
		this.abbreviations = new Map(
			Object.entries(abbreviations).map(([short, full]) => [
				foldDiacritics(normalizeQuery(short)),
				foldDiacritics(normalizeQuery(full)),
			]),
		);
		this.docs = names.map((list, index) => {
			const fields = list.map((name) => words(name, this.abbreviations)).filter((f) => f.length > 0);
			for (const word of new Set(fields.flat())) {
				const posting = this.postings.get(word);
				if (posting) posting.push(index);
				else this.postings.set(word, [index]);
			}
			return { fields };
		});
		this.vocabulary = [...this.postings.keys()].filter((w) => !DIGIT.test(w));
		for (const [word, posting] of this.postings)
			this.weights.set(word, Math.log(1 + this.docs.length / posting.length));
		this.fieldWeights = this.docs.map((doc) => doc.fields.map((field) => field.map((w) => this.weight(w))));
	}

	/** How much a name word tells items apart: ln(1 + items / items having it). */
	private weight(word: string): number {
		return this.weights.get(word) ?? Math.log(1 + this.docs.length);
	}

	/** The name words a query word matches, with the quality of each match. */
	private matches(q: string): ReadonlyMap<string, number> {
		const cached = this.cache.get(q);
		if (cached) return cached;
		const out = new Map<string, number>();
		if (this.postings.has(q)) out.set(q, 1);
		if (q.length >= 3 && !DIGIT.test(q)) {
			for (const w of this.vocabulary) {
				if (w === q) continue;
				const quality = lettersQuality(q, w);
				if (quality >= MIN_QUALITY) out.set(w, quality);
			}
		}
		if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
		this.cache.set(q, out);
		return out;
	}

	/**
	 * Items ranked for a query, best first: items covering every known word of the query before
	 * the rest, then by score. Words no item has are left out (and reported in `unknown`).
	 */
	rank(query: string, limit: number): { readonly ranked: Ranked[]; readonly known: number; readonly unknown: number } {
		const qs = [...new Set(words(query, this.abbreviations))];
		const n = this.docs.length;
		const perWord: WordMatches[] = [];
		let unknown = 0;
		for (const q of qs) {
			const matched = this.matches(q);
			const best = new Map<number, number>();
			for (const [w, quality] of matched) {
				for (const index of this.postings.get(w) ?? []) {
					if ((best.get(index) ?? 0) < quality) best.set(index, quality);
				}
			}
			if (best.size === 0) {
				unknown += 1;
				continue;
			}
			perWord.push({ q, weight: Math.log(1 + n / best.size), best, matched });
		}
		if (perWord.length === 0) return { ranked: [], known: 0, unknown };
		const total = perWord.reduce((s, p) => s + p.weight, 0);
		const recall = new Map<number, { sum: number; hits: number }>();
		for (const p of perWord) {
			for (const [index, quality] of p.best) {
				const r = recall.get(index) ?? { sum: 0, hits: 0 };
				r.sum += p.weight * quality;
				r.hits += 1;
				recall.set(index, r);
			}
		}
		const pool = Math.max(PRECISION_POOL, limit);
		const all = [...recall.entries()].map(([index, r]) => ({
			index,
			covered: r.hits === perWord.length,
			recall: r.sum / total,
		}));
		// When enough items cover every word, the others cannot reach the pool: leave them unsorted.
		const covering = all.filter((r) => r.covered);
		const byRecall = (covering.length >= pool ? covering : all)
			.sort((a, b) => Number(b.covered) - Number(a.covered) || b.recall - a.recall || a.index - b.index)
			.slice(0, pool);
		const ranked: Ranked[] = byRecall.map((r) => ({
			index: r.index,
			covered: r.covered,
			score: r.recall + PRECISION_WEIGHT * this.precision(r.index, perWord, total),
		}));
		ranked.sort((a, b) => Number(b.covered) - Number(a.covered) || b.score - a.score || a.index - b.index);
		return { ranked: ranked.slice(0, limit), known: perWord.length, unknown };
	}

	/**
	 * How well one of the item's names fits the query as a whole (0–1): the share of the query's
	 * weight matched within that one name times the share of that name the query covers, each
	 * name word weighed as query words are (a missing "mycket" counts more than a missing "andel"). So
	 * "långvarigt bistånd" fits the name "Långvarigt bistånd" fully, "Barn i familjer med långvarigt
	 * bistånd" half, and a one-word alias only as much as that word weighs in the query.
	 */
	private precision(index: number, perWord: readonly WordMatches[], total: number): number {
		const doc = this.docs[index] as WordDoc;
		const weights = this.fieldWeights[index] ?? [];
		let best = 0;
		doc.fields.forEach((field, f) => {
			const fieldWeights = weights[f] ?? [];
			let recall = 0;
			for (const p of perWord) {
				let quality = 0;
				for (const w of field) quality = Math.max(quality, p.matched.get(w) ?? 0);
				recall += p.weight * quality;
			}
			if (recall === 0) return;
			let covered = 0;
			let size = 0;
			field.forEach((w, i) => {
				const weight = fieldWeights[i] ?? 0;
				size += weight;
				let cover = 0;
				for (const p of perWord) {
					const match = p.matched.get(w) ?? 0;
					// A query word that is only part of a longer name word covers only that part of it.
					if (match > 0) cover = Math.max(cover, match * Math.min(1, p.q.length / w.length));
				}
				covered += cover * weight;
			});
			best = Math.max(best, (covered / size) * (recall / total));
		});
		return best;
	}
}

/** One query word: its weight, the name words it matches and the best match per item. */
interface WordMatches {
	readonly q: string;
	readonly weight: number;
	readonly best: ReadonlyMap<number, number>;
	readonly matched: ReadonlyMap<string, number>;
}
