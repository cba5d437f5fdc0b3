/**
 * Tiered name resolution over one kind of item (areas or indicators):
 * exact id → exact primary name (diacritics kept) → exact alias → exact folded name, only if
 * unique → fuse.js with a score margin. The fuzzy tier compares folded text (typos rarely get
 * å ä ö right); the exact tiers before it are what tell "Habo" from "Håbo". Ties and near-ties come back as ambiguous with candidates,
 * never as a silent pick.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { foldDiacritics, isBlankQuery, MAX_QUERY_LENGTH, normalizeQuery } from './normalize.js';

/** An item with the names it can be found by. */
export interface SearchDoc<T> {
	readonly item: T;
	readonly id: string;
	/** Names that identify the item (kommun name, indicator title, short title). */
	readonly primary: readonly string[];
	/** Other names and keywords (official name, Kolada title, "FREDA"). */
	readonly aliases: readonly string[];
}

/** How an item was found. */
export type Tier = 'id' | 'exact' | 'alias' | 'folded' | 'fuzzy';

/** The outcome of resolving free text. */
export type Resolution<T> =
	| { readonly status: 'found'; readonly item: T; readonly tier: Tier }
	| { readonly status: 'ambiguous'; readonly candidates: readonly T[] }
	| { readonly status: 'not_found'; readonly candidates: readonly T[] }
	| { readonly status: 'empty' };

/** A scored suggestion for autocomplete (lower score is better). */
export interface Suggestion<T> {
	readonly item: T;
	readonly score: number;
}

interface FuseDoc {
	readonly index: number;
	/** Primary names, folded ("malmo", "upplands bro"). */
	readonly names: readonly string[];
	/** Aliases and keywords, folded. */
	readonly aliases: readonly string[];
}

/** Trigrams of a folded string, padded so word starts and ends count ("  ma", "mal" …). */
export function trigrams(folded: string): string[] {
	const padded = ` ${folded} `;
	const out = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	return [...out];
}

/** Swedish alphabetical order for equally good suggestions (Å Ä Ö last, in that order). */
const COLLATOR = new Intl.Collator('sv');

/** How many candidates the trigram prefilter hands to fuse.js per query. */
const CANDIDATES = 40;

/**
 * Characters of each name that fuse.js scores. Bitap's cost grows with text length; the words
 * people type are at the start of a title, and keywords carry the rest.
 */
const FUZZY_TEXT = 64;

/** Tuning of the fuzzy tier. */
export interface FuzzyTuning {
	/** Best fuse score (0 = perfect) still accepted as a match. */
	readonly accept: number;
	/** Required score gap between best and second best to accept the best. */
	readonly margin: number;
	/** Worst score still offered as a candidate. */
	readonly suggest: number;
}

const DEFAULT_TUNING: FuzzyTuning = { accept: 0.3, margin: 0.1, suggest: 0.45 };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) {
		if (!list.includes(value)) list.push(value);
	} else map.set(key, [value]);
}

/** A tiered index over one list of items. Build once; queries only read Maps and the fuse index. */
export class TieredIndex<T> {
	private readonly docs: readonly SearchDoc<T>[];
	private readonly byId = new Map<string, number>();
	private readonly byPrimary = new Map<string, number[]>();
	private readonly byAlias = new Map<string, number[]>();
	private readonly byFolded = new Map<string, number[]>();
	/** All names (normalised and folded) sorted, for prefix lookup by binary search. */
	private readonly sortedNames: { readonly name: string; readonly index: number }[] = [];
	private readonly fuseDocs: readonly FuseDoc[];
	private readonly fuseOptions: IFuseOptions<FuseDoc>;
	/** Trigram → doc indexes, to preselect fuzzy candidates without scanning every name. */
	private readonly grams = new Map<string, number[]>();
	private readonly counts: Uint16Array;
	private readonly tuning: FuzzyTuning;

	constructor(docs: readonly SearchDoc<T>[], tuning: Partial<FuzzyTuning> = {}) {
		this.docs = docs;
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
		this.counts = new Uint16Array(docs.length);
		this.fuseDocs = docs.map((doc, index) => {
			this.byId.set(normalizeQuery(doc.id), index);
			const primary = doc.primary.map(normalizeQuery);
			const aliases = doc.aliases.map(normalizeQuery);
			for (const name of primary) push(this.byPrimary, name, index);
			for (const name of aliases) push(this.byAlias, name, index);
			for (const name of [...primary, ...aliases]) {
				const folded = foldDiacritics(name);
				push(this.byFolded, folded, index);
				this.sortedNames.push({ name, index });
				if (folded !== name) this.sortedNames.push({ name: folded, index });
			}
			const names = [...new Set(primary.map(foldDiacritics))];
			const aliasesFolded = [...new Set(aliases.map(foldDiacritics))].filter((a) => !names.includes(a));
			for (const gram of new Set([...names, ...aliasesFolded].flatMap(trigrams))) push(this.grams, gram, index);
			return {
				index,
				names: names.map((n) => n.slice(0, FUZZY_TEXT)),
				aliases: aliasesFolded.map((n) => n.slice(0, FUZZY_TEXT)),
			};
		});
		this.fuseOptions = {
			includeScore: true,
			ignoreLocation: true,
			threshold: this.tuning.suggest,
			minMatchCharLength: 2,
			keys: [
				{ name: 'names', weight: 2 },
				{ name: 'aliases', weight: 1 },
			],
		};
		this.sortedNames.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	}

	/** Indexes of items with a name starting with `prefix` (binary search, then a short scan). */
	private prefixHits(prefix: string, limit: number): number[] {
		let lo = 0;
		let hi = this.sortedNames.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.sortedNames[mid]?.name ?? '') < prefix) lo = mid + 1;
			else hi = mid;
		}
		const hits: number[] = [];
		for (let i = lo; i < this.sortedNames.length && hits.length < limit; i++) {
			const entry = this.sortedNames[i];
			if (!entry?.name.startsWith(prefix)) break;
			if (!hits.includes(entry.index)) hits.push(entry.index);
		}
		return hits;
	}

	/** Number of indexed items. */
	get size(): number {
		return this.docs.length;
	}

	private items(indexes: readonly number[]): T[] {
		return indexes.map((i) => (this.docs[i] as SearchDoc<T>).item);
	}

	/**
	 * Fuzzy matches: the items sharing the most trigrams with the folded query are preselected, then
	 * fuse.js scores just those. Keeps a query fast whatever the size of the index.
	 */
	private fuzzy(query: string, limit: number): { index: number; score: number }[] {
		const folded = foldDiacritics(query);
		const grams = trigrams(folded);
		const touched: number[] = [];
		for (const gram of grams) {
			for (const index of this.grams.get(gram) ?? []) {
				if (this.counts[index] === 0) touched.push(index);
				this.counts[index] = (this.counts[index] ?? 0) + 1;
			}
		}
		const minShared = Math.max(1, Math.floor(grams.length * 0.3));
		const candidates = touched
			.filter((i) => (this.counts[i] ?? 0) >= minShared)
			.sort((a, b) => (this.counts[b] ?? 0) - (this.counts[a] ?? 0) || a - b)
			.slice(0, CANDIDATES)
			.map((i) => this.fuseDocs[i] as FuseDoc);
		for (const i of touched) this.counts[i] = 0;
		if (candidates.length === 0) return [];
		return new Fuse(candidates, this.fuseOptions)
			.search(folded, { limit })
			.map((r) => ({ index: r.item.index, score: r.score ?? 1 }));
	}

	/** Resolves free text to one item, or explains why it cannot (ambiguous, not found, empty). */
	resolve(input: string): Resolution<T> {
		const query = normalizeQuery(input);
		if (query.length === 0) return { status: 'empty' };
		if (query.length > MAX_QUERY_LENGTH || isBlankQuery(query)) return { status: 'not_found', candidates: [] };

		const id = this.byId.get(query);
		if (id !== undefined) return { status: 'found', item: (this.docs[id] as SearchDoc<T>).item, tier: 'id' };

		for (const [tier, map] of [
			['exact', this.byPrimary],
			['alias', this.byAlias],
		] as const) {
			const hits = map.get(query);
			if (hits?.length === 1)
				return { status: 'found', item: (this.docs[hits[0] as number] as SearchDoc<T>).item, tier };
			if (hits && hits.length > 1) return { status: 'ambiguous', candidates: this.items(hits) };
		}

		const folded = this.byFolded.get(foldDiacritics(query));
		if (folded?.length === 1)
			return { status: 'found', item: (this.docs[folded[0] as number] as SearchDoc<T>).item, tier: 'folded' };
		if (folded && folded.length > 1) return { status: 'ambiguous', candidates: this.items(folded) };

		const results = this.fuzzy(query, 8);
		const best = results[0];
		if (!best) return { status: 'not_found', candidates: [] };
		const second = results[1];
		if (best.score <= this.tuning.accept && (!second || second.score - best.score >= this.tuning.margin)) {
			return { status: 'found', item: (this.docs[best.index] as SearchDoc<T>).item, tier: 'fuzzy' };
		}
		const candidates = results.filter((r) => r.score <= Math.max(best.score + 0.15, this.tuning.accept)).slice(0, 5);
		return best.score <= this.tuning.suggest
			? { status: 'ambiguous', candidates: this.items(candidates.map((r) => r.index)) }
			: { status: 'not_found', candidates: [] };
	}

	/**
	 * Suggestions for autocomplete, best first: exact and folded name hits, then fuzzy hits.
	 * An empty query returns nothing (the caller offers its own default list).
	 */
	suggest(input: string, limit: number): Suggestion<T>[] {
		const query = normalizeQuery(input);
		if (query.length === 0 || query.length > MAX_QUERY_LENGTH || isBlankQuery(query)) return [];
		const out = new Map<number, number>();
		const add = (index: number, score: number): void => {
			const prev = out.get(index);
			if (prev === undefined || score < prev) out.set(index, score);
		};
		const id = this.byId.get(query);
		if (id !== undefined) add(id, -3);
		for (const i of this.byPrimary.get(query) ?? []) add(i, -2);
		for (const i of this.byAlias.get(query) ?? []) add(i, -1.5);
		const folded = foldDiacritics(query);
		for (const i of this.byFolded.get(folded) ?? []) add(i, -1);
		for (const i of this.prefixHits(query, limit)) add(i, -0.5);
		if (folded !== query) for (const i of this.prefixHits(folded, limit)) add(i, -0.4);
		// Once something matches exactly or by prefix, only close fuzzy hits are worth showing.
		const fuzzyCeiling = out.size > 0 ? 0.2 : this.tuning.suggest;
		for (const r of this.fuzzy(query, limit)) if (r.score <= fuzzyCeiling) add(r.index, r.score);
		return [...out.entries()]
			.sort(
				(a, b) => a[1] - b[1] || COLLATOR.compare(this.docs[a[0]]?.primary[0] ?? '', this.docs[b[0]]?.primary[0] ?? ''),
			)
			.slice(0, limit)
			.map(([index, score]) => ({ item: (this.docs[index] as SearchDoc<T>).item, score }));
	}
}
