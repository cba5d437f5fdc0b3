/**
 * Scores resolvers on the labelled query set (tests/search/queries.ts): the bot's search module
 * and, on the same names, three fuse.js configurations. Each query's outcome is right (the
 * labelled id found, or asked back where a person would ask, or nothing found for nonsense), a
 * needless ask-back, a silent wrong pick, or a miss (nothing found where something was meant).
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import type { Area } from '../../src/dataset/schema.js';
import { indicatorDoc, VOCABULARY, type AreaScope, type Search } from '../../src/search/search.js';
import type { LabelledQuery, QueryKind } from '../../tests/search/queries.js';

/** What a resolver did with one query. */
export type Outcome = { readonly status: 'found'; readonly id: string } | { readonly status: 'ask' | 'none' };

/** A resolver under test. */
export type Resolver = (query: string, kind: QueryKind) => Outcome;

/** How one outcome compares with the label. */
export type Verdict = 'right' | 'needless_ask' | 'silent_wrong' | 'miss';

/** Figures over a query set (shares of all queries, 0–1). */
export interface Score {
	readonly total: number;
	readonly right: number;
	readonly needlessAsk: number;
	readonly silentWrong: number;
	readonly miss: number;
	/** The queries not answered right, with what was answered. */
	readonly failures: readonly { readonly query: LabelledQuery; readonly outcome: Outcome; readonly verdict: Verdict }[];
}

/** Compares an outcome with the label. */
export function verdict(expect: string, outcome: Outcome): Verdict {
	if (expect === 'ask')
		return outcome.status === 'ask' ? 'right' : outcome.status === 'found' ? 'silent_wrong' : 'miss';
	if (expect === 'none')
		return outcome.status === 'none' ? 'right' : outcome.status === 'ask' ? 'needless_ask' : 'silent_wrong';
	if (outcome.status === 'found') return outcome.id === expect ? 'right' : 'silent_wrong';
	return outcome.status === 'ask' ? 'needless_ask' : 'miss';
}

/** Runs a resolver over a query set. */
export function score(queries: readonly LabelledQuery[], resolve: Resolver): Score {
	const counts = { right: 0, needless_ask: 0, silent_wrong: 0, miss: 0 };
	const failures: Score['failures'][number][] = [];
	for (const query of queries) {
		const outcome = resolve(query.q, query.kind);
		const v = verdict(query.expect, outcome);
		counts[v] += 1;
		if (v !== 'right') failures.push({ query, outcome, verdict: v });
	}
	const n = Math.max(1, queries.length);
	return {
		total: queries.length,
		right: counts.right / n,
		needlessAsk: counts.needless_ask / n,
		silentWrong: counts.silent_wrong / n,
		miss: counts.miss / n,
		failures,
	};
}

const AREA_SCOPE: Record<Exclude<QueryKind, 'indicator'>, AreaScope> = { place: 'place', lan: 'lan' };

/** The bot's resolver: the search module as the commands call it. */
export function botResolver(search: Search): Resolver {
	return (q, kind) => {
		const r = kind === 'indicator' ? search.resolveIndicator(q) : search.resolveArea(q, AREA_SCOPE[kind]);
		if (r.status === 'found') return { status: 'found', id: r.item.id };
		return { status: r.status === 'ambiguous' ? 'ask' : 'none' };
	};
}

/** The fuse.js configurations compared with the bot. */
export const FUSE_CONFIGS: Readonly<Record<string, IFuseOptions<FuseDoc>>> = {
	'fuse.js standard': {},
	'fuse.js ignoreDiacritics+ignoreLocation': { ignoreDiacritics: true, ignoreLocation: true },
	'fuse.js useTokenSearch': { useTokenSearch: true },
};

/** A name list as fuse.js indexes it. */
export interface FuseDoc {
	readonly id: string;
	readonly names: readonly string[];
	readonly aliases: readonly string[];
}

/** Scores closer than this count as a tie, which a fuse.js-based resolver would ask back. */
const FUSE_TIE = 0.01;

const AREA_TYPES: Record<Exclude<QueryKind, 'indicator'>, ReadonlySet<Area['type']>> = {
	place: new Set(['riket', 'lan', 'kommun', 'stadsdel']),
	lan: new Set(['lan']),
};

/**
 * A resolver built on fuse.js alone, over the same names the bot searches (titles, keywords,
 * everyday names; area names and other names): the top hit is taken, a tie is asked back, no hit
 * is nothing found.
 */
export function fuseResolver(dataset: Dataset, options: IFuseOptions<FuseDoc>): Resolver {
	const keys = [
		{ name: 'names', weight: 2 },
		{ name: 'aliases', weight: 1 },
	];
	const make = (docs: FuseDoc[]): Fuse<FuseDoc> => new Fuse(docs, { ...options, includeScore: true, keys });
	const indicators = make(
		dataset.indicators.map((i) => {
			const doc = indicatorDoc(i, VOCABULARY);
			return { id: i.id, names: doc.primary, aliases: doc.aliases };
		}),
	);
	const areaFuse = (types: ReadonlySet<Area['type']>): Fuse<FuseDoc> =>
		make(
			dataset.areas
				.filter((a) => types.has(a.type))
				.map((a) => ({ id: a.id, names: [a.name], aliases: [...a.altNames, ...(VOCABULARY.areas[a.id] ?? [])] })),
		);
	const areas = { place: areaFuse(AREA_TYPES.place), lan: areaFuse(AREA_TYPES.lan) };
	return (q, kind) => {
		const [best, second] = (kind === 'indicator' ? indicators : areas[kind]).search(q, { limit: 2 });
		if (!best) return { status: 'none' };
		if (second && (second.score ?? 1) - (best.score ?? 1) < FUSE_TIE) return { status: 'ask' };
		return { status: 'found', id: best.item.id };
	};
}
