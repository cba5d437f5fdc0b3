/**
 * Tiered name resolution over one kind of item (areas or indicators):
 * exact id → exact primary name (diacritics kept) → exact alias → exact folded name, only if
 * unique → fuse.js with a score margin. The fuzzy tier compares folded text (typos rarely get
 * å ä ö right); the exact tiers before it are what tell "Habo" from "Håbo". Ties and near-ties come back as ambiguous with candidates,
 * never as a silent pick.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { foldDiacritics, isBlankQuery, MAX_QUERY_LENGTH, normalizeQuery } from './normalize.js';
import { editDistance, WordIndex, type Ranked } from './words.js';

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

/**
 * How the fuzzy tier ranks: `fuse` scores whole names (places: one or two words, where a typo
 * matters), `words` matches word by word (indicator titles, where people name a few words of many).
 */
export type Ranker = 'fuse' | 'words';

/** Score gap under which two items that both cover every word of a query count as equally close. */
const WORD_MARGIN = 0.06;

/** The same gap for a query of one known word. */
const SINGLE_WORD_MARGIN = 0.15;

/** Most equally close items among which the one with values is picked; more are asked back. */
const PREFER_AMONG = 3;

/** Edits allowed between a whole name and a query of this many characters in the typo tier. */
function typoBudget(length: number): number {
	return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** What a caller knows beyond the text, to settle ties. */
export interface ResolveHints<T> {
	/**
	 * True for items that fit the request best (an indicator with values for the asked area and
	 * year); among equally close items, the one preferred wins.
	 */
	readonly prefer?: (item: T) => boolean;
	/**
	 * A penalty added to an item's fuzzy score (0 = none), and the rank among equal exact hits:
	 * a län behind the kommun of the same name where a kommun is asked for.
	 */
	readonly bias?: (item: T) => number;
}

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
	/** Folded names by length, for the typo tier. */
	private readonly byLength = new Map<number, { readonly name: string; readonly index: number }[]>();
	/** All names (normalised and folded) sorted, for prefix lookup by binary search. */
	private readonly sortedNames: { readonly name: string; readonly index: number }[] = [];
	private readonly fuseDocs: readonly FuseDoc[];
	private readonly fuseOptions: IFuseOptions<FuseDoc>;
	/** Trigram → doc indexes, to preselect fuzzy candidates without scanning every name. */
	private readonly grams = new Map<string, number[]>();
	private readonly counts: Uint16Array;
	private readonly tuning: FuzzyTuning;
	private readonly words: WordIndex | undefined;

	constructor(
		docs: readonly SearchDoc<T>[],
		tuning: Partial<FuzzyTuning> = {},
		ranker: Ranker = 'fuse',
		abbreviations: Readonly<Record<string, string>> = {},
	) {
		this.docs = docs;
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
		// A name cut short ("…") would let a title look shorter than it is; its full form is there too.
		this.words =
			ranker === 'words'
				? new WordIndex(
						docs.map((d) => [...d.primary, ...d.aliases].filter((n) => !n.endsWith('…'))),
						abbreviations,
					)
				: undefined;
		this.counts = new Uint16Array(docs.length);
		this.fuseDocs = docs.map((doc, index) => {
			this.byId.set(normalizeQuery(doc.id), index);
			const primary = doc.primary.map(normalizeQuery);
			const aliases = doc.aliases.map(normalizeQuery);
			for (const name of primary) push(this.byPrimary, name, index);
			for (const name of aliases) push(this.byAlias, name, index);
			for (const name of [...primary, ...aliases]) {
				const folded = foldDiacritics(name);
				if (!this.byFolded.get(folded)?.includes(index)) {
					const list = this.byLength.get(folded.length);
					if (list) list.push({ name: folded, index });
					else this.byLength.set(folded.length, [{ name: folded, index }]);
				}
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

	/**
	 * One item out of several equally good exact hits: the only one with the least bias, else the
	 * only preferred one among those; undefined when they remain tied.
	 */
	private settle(hits: readonly number[], hints: ResolveHints<T>): number | undefined {
		const bias = (i: number): number => hints.bias?.(this.item(i)) ?? 0;
		const least = Math.min(...hits.map(bias));
		const best = hits.filter((i) => bias(i) === least);
		if (best.length === 1) return best[0];
		const preferred = hints.prefer ? best.filter((i) => hints.prefer?.(this.item(i))) : [];
		return preferred.length === 1 ? preferred[0] : undefined;
	}

	private item(index: number): T {
		return (this.docs[index] as SearchDoc<T>).item;
	}

	/** Candidates in the order to offer them: preferred items first, then as given. */
	private offer(indexes: readonly number[], hints: ResolveHints<T>): T[] {
		const items = this.items(indexes);
		const prefer = hints.prefer;
		return prefer ? [...items.filter((i) => prefer(i)), ...items.filter((i) => !prefer(i))] : items;
	}

	/**
	 * The exact tiers alone (id, name, other name, name without å ä ö) on normalised text: a
	 * resolution, or undefined when only a fuzzy match could find something.
	 */
	private resolveExact(query: string, hints: ResolveHints<T>): Resolution<T> | undefined {
		if (query.length === 0) return { status: 'empty' };
		if (query.length > MAX_QUERY_LENGTH || isBlankQuery(query)) return { status: 'not_found', candidates: [] };

		const id = this.byId.get(query);
		if (id !== undefined) return { status: 'found', item: this.item(id), tier: 'id' };

		for (const [tier, hits] of [
			['exact', this.byPrimary.get(query)],
			['alias', this.byAlias.get(query)],
			['folded', this.byFolded.get(foldDiacritics(query))],
		] as const) {
			if (!hits || hits.length === 0) continue;
			const one = hits.length === 1 ? hits[0] : this.settle(hits, hints);
			if (one !== undefined) return { status: 'found', item: this.item(one), tier };
			return { status: 'ambiguous', candidates: this.offer(hits, hints) };
		}
		return undefined;
	}

	/** An item found by the exact tiers alone (see {@link resolve}), or undefined. */
	exactItem(input: string, hints: ResolveHints<T> = {}): T | undefined {
		const r = this.resolveExact(normalizeQuery(input), hints);
		return r?.status === 'found' ? r.item : undefined;
	}

	/** Resolves free text to one item, or explains why it cannot (ambiguous, not found, empty). */
	resolve(input: string, hints: ResolveHints<T> = {}): Resolution<T> {
		const query = normalizeQuery(input);
		const exact = this.resolveExact(query, hints);
		if (exact) return exact;
		const typo = this.typoHits(foldDiacritics(query));
		if (typo.length > 0) {
			const one = typo.length === 1 ? typo[0] : this.settle(typo, hints);
			if (one !== undefined) return { status: 'found', item: this.item(one), tier: 'fuzzy' };
			return { status: 'ambiguous', candidates: this.offer(typo, hints) };
		}
		return this.words ? this.resolveWords(this.words, query, hints) : this.resolveFuse(query, hints);
	}

	/**
	 * Items with a whole name one typo away from the folded query (two for long names), at the
	 * least distance found: "upsala" → Uppsala, "nettokostand" → Nettokostnad.
	 */
	private typoHits(folded: string): number[] {
		const budget = typoBudget(folded.length);
		let best = budget + 1;
		let hits: number[] = [];
		for (let length = folded.length - budget; length <= folded.length + budget; length++) {
			for (const entry of this.byLength.get(length) ?? []) {
				const d = editDistance(folded, entry.name, Math.min(budget, best));
				if (d < best) {
					best = d;
					hits = [entry.index];
				} else if (d === best && d <= budget && !hits.includes(entry.index)) hits.push(entry.index);
			}
		}
		return best <= budget ? hits : [];
	}

	/** The fuzzy tier over whole names: the best fuse.js score, if clearly ahead of the next. */
	private resolveFuse(query: string, hints: ResolveHints<T>): Resolution<T> {
		const results = this.fuzzy(query, 8)
			.map((r) => ({ ...r, score: r.score + (hints.bias?.(this.item(r.index)) ?? 0) }))
			.sort((a, b) => a.score - b.score);
		const best = results[0];
		if (!best) return { status: 'not_found', candidates: [] };
		const second = results[1];
		if (best.score <= this.tuning.accept && (!second || second.score - best.score >= this.tuning.margin)) {
			return { status: 'found', item: this.item(best.index), tier: 'fuzzy' };
		}
		const candidates = results.filter((r) => r.score <= Math.max(best.score + 0.15, this.tuning.accept)).slice(0, 5);
		return best.score <= this.tuning.suggest
			? {
					status: 'ambiguous',
					candidates: this.offer(
						candidates.map((r) => r.index),
						hints,
					),
				}
			: { status: 'not_found', candidates: [] };
	}

	/**
	 * The fuzzy tier word by word: the item covering every word wins over those that do not;
	 * among items covering every word, one clearly ahead wins, else the only preferred one among
	 * the close ones, else they are asked back. Items covering only some words are asked back.
	 */
	private resolveWords(index: WordIndex, query: string, hints: ResolveHints<T>): Resolution<T> {
		const { ranked, known, unknown } = index.rank(query, 12);
		// One word shared by many names is told apart only by how short a name is: that decides only by far.
		const margin = known === 1 ? SINGLE_WORD_MARGIN : WORD_MARGIN;
		const best = ranked[0];
		if (!best || unknown > known) {
			return { status: 'not_found', candidates: this.items(ranked.slice(0, 3).map((r) => r.index)) };
		}
		const found = (r: Ranked): Resolution<T> => ({ status: 'found', item: this.item(r.index), tier: 'fuzzy' });
		if (best.covered) {
			const close = ranked.filter((r) => r.covered && best.score - r.score < margin).map((r) => r.index);
			if (close.length === 1) return found(best);
			const preferred =
				hints.prefer && close.length <= PREFER_AMONG ? close.filter((i) => hints.prefer?.(this.item(i))) : [];
			if (preferred.length === 1) return { status: 'found', item: this.item(preferred[0] as number), tier: 'fuzzy' };
			return { status: 'ambiguous', candidates: this.offer(close.slice(0, 5), hints) };
		}
		const close = ranked.filter((r) => best.score - r.score < 0.15).map((r) => r.index);
		return { status: 'ambiguous', candidates: this.offer(close.slice(0, 5), hints) };
	}

	/**
	 * Suggestions for autocomplete, best first: exact and folded name hits, then fuzzy hits.
	 * An empty query returns nothing (the caller offers its own default list).
	 */
	suggest(input: string, limit: number, prefer?: (item: T) => boolean): Suggestion<T>[] {
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
		if (this.words) {
			// Items covering every word first, then the rest, each by how well their words match.
			for (const r of this.words.rank(query, limit).ranked) {
				add(r.index, (r.covered ? 0 : 0.5) + Math.max(0, 1.3 - r.score) * 0.3);
			}
		} else {
			const fuzzyCeiling = out.size > 0 ? 0.2 : this.tuning.suggest;
			for (const r of this.fuzzy(query, limit)) if (r.score <= fuzzyCeiling) add(r.index, r.score);
		}
		const preferred = (i: number): number => (prefer?.(this.item(i)) === false ? 1 : 0);
		return [...out.entries()]
			.sort(
				(a, b) =>
					a[1] - b[1] ||
					preferred(a[0]) - preferred(b[0]) ||
					COLLATOR.compare(this.docs[a[0]]?.primary[0] ?? '', this.docs[b[0]]?.primary[0] ?? ''),
			)
			.slice(0, limit)
			.map(([index, score]) => ({ item: (this.docs[index] as SearchDoc<T>).item, score }));
	}
}
