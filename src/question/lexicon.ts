/**
 * What the question parser looks words up in, built once per search index from the same dataset
 * and the same normalisation: which word sequences are names of places at all (so only those are
 * handed to the search module to resolve), the phrases that name each indicator (titles, keywords
 * and the synonyms in {@link INDICATOR_SYNONYMS}) as stems, and the kommungrupper by name.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Indicator } from '../dataset/schema.js';
import type { Search } from '../search/search.js';
import { cleanQuestion, foldText, tokenize } from './text.js';
import { AREA_SYNONYMS, INDICATOR_SYNONYMS, KOMMUNGRUPP_SYNONYMS } from './vocabulary.js';

/** Area types a question can name directly (groups are found as kommungrupper instead). */
const PLACE_TYPES = new Set(['riket', 'lan', 'kommun', 'stadsdel']);

/** Words that carry no meaning inside an indicator phrase. */
const PHRASE_FILLER = new Set([
	'i',
	'av',
	'for',
	'med',
	'och',
	'till',
	'som',
	'pa',
	'om',
	'att',
	'ar',
	'en',
	'ett',
	'den',
	'det',
	'de',
	'the',
	'of',
	'with',
	'in',
	'a',
	'an',
	'to',
	'and',
	'on',
]);

/** A stem shared by more indicators than this counts half: it says little about which one is meant. */
const COMMON_STEM_DF = 20;

/** One way of naming an indicator, as stems. */
export interface Phrase {
	readonly indicator: Indicator;
	/** Stems that must all occur in the question. */
	readonly stems: readonly string[];
	/** Folded words as written, joined by spaces (an exact occurrence scores a little more). */
	readonly surface: string;
}

/** A place name known to the dataset, folded, for typo lookups. */
export interface PlaceName {
	readonly folded: string;
	readonly id: string;
	/** True for the place's own name, false for another name of it ("Stockholm" for the län). */
	readonly primary: boolean;
}

/** The lookup tables of one dataset. */
export interface Lexicon {
	/** Folded names (and other names) of places → the ids of places with that name. */
	readonly placeNames: ReadonlyMap<string, readonly string[]>;
	/** Longest place name in words. */
	readonly placeMaxWords: number;
	/** Single-word place names for typo lookups, by first letter. */
	readonly placeWords: ReadonlyMap<string, readonly PlaceName[]>;
	/** Area ids, for kommun codes typed in a question. */
	readonly placeIds: ReadonlySet<string>;
	/** Folded kommungrupp phrases → group code ("storstäder" → A1). */
	readonly groups: ReadonlyMap<string, string>;
	readonly groupMaxWords: number;
	/** Every indicator phrase. */
	readonly phrases: readonly Phrase[];
	/** Stem → indexes into {@link phrases}. */
	readonly phrasesByStem: ReadonlyMap<string, readonly number[]>;
	/** Stems of indicator phrases by first letter, for typo correction. */
	readonly stemsByLetter: ReadonlyMap<string, readonly string[]>;
	/** Weight of a stem in a match (common stems weigh less). */
	weight(stem: string): number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (!list) map.set(key, [value]);
	else if (!list.includes(value)) list.push(value);
}

function words(folded: string): number {
	return folded.split(' ').length;
}

function buildPhrases(indicators: readonly Indicator[]): { phrases: Phrase[]; df: Map<string, number> } {
	const phrases: Phrase[] = [];
	const df = new Map<string, number>();
	for (const indicator of indicators) {
		const texts = [
			indicator.shortTitle,
			indicator.title,
			...indicator.keywords,
			...(INDICATOR_SYNONYMS[indicator.id] ?? []),
		];
		const seen = new Set<string>();
		const own = new Set<string>();
		for (const text of texts) {
			const tokens = tokenize(cleanQuestion(text)).tokens;
			const stems = [...new Set(tokens.flatMap((t) => t.stems).filter((s) => !PHRASE_FILLER.has(s)))];
			const key = [...stems].sort().join(' ');
			if (stems.length === 0 || seen.has(key)) continue;
			seen.add(key);
			for (const s of stems) own.add(s);
			phrases.push({ indicator, stems, surface: tokens.map((t) => t.fold).join(' ') });
		}
		for (const s of own) df.set(s, (df.get(s) ?? 0) + 1);
	}
	return { phrases, df };
}

function buildLexicon(dataset: Dataset): Lexicon {
	const placeNames = new Map<string, string[]>();
	const placeWords = new Map<string, PlaceName[]>();
	const placeIds = new Set<string>();
	let placeMaxWords = 1;
	for (const area of dataset.areas) {
		if (!PLACE_TYPES.has(area.type)) continue;
		placeIds.add(area.id);
		for (const name of [area.name, ...area.altNames]) {
			const folded = foldText(name);
			const primary = name === area.name;
			if (folded === '' || /^\d+$/.test(folded)) continue;
			push(placeNames, folded, area.id);
			placeMaxWords = Math.max(placeMaxWords, words(folded));
			if (!folded.includes(' ') && folded.length >= 4) {
				push(placeWords, folded.charAt(0), { folded, id: area.id, primary });
			}
		}
	}
	for (const [folded, id] of AREA_SYNONYMS) {
		if (!dataset.area(id)) continue;
		push(placeNames, folded, id);
		placeMaxWords = Math.max(placeMaxWords, words(folded));
	}

	const groups = new Map<string, string>();
	for (const group of dataset.grouping('kommungrupp2023')?.groups ?? []) {
		if (group.code === undefined) continue;
		groups.set(foldText(group.name), group.code);
		groups.set(foldText(`${group.code} ${group.name}`), group.code);
		groups.set(foldText(`kommungrupp ${group.code}`), group.code);
	}
	const codes = new Set(groups.values());
	for (const [phrase, code] of KOMMUNGRUPP_SYNONYMS) if (codes.has(code)) groups.set(phrase, code);
	const groupMaxWords = Math.max(1, ...[...groups.keys()].map(words));

	const { phrases, df } = buildPhrases(dataset.indicators);
	const phrasesByStem = new Map<string, number[]>();
	phrases.forEach((p, i) => {
		for (const s of p.stems) push(phrasesByStem, s, i);
	});
	const stemsByLetter = new Map<string, string[]>();
	for (const s of phrasesByStem.keys()) if (s.length >= 4 && !/^\d/.test(s)) push(stemsByLetter, s.charAt(0), s);

	return {
		placeNames,
		placeMaxWords,
		placeWords,
		placeIds,
		groups,
		groupMaxWords,
		phrases,
		phrasesByStem,
		stemsByLetter,
		weight: (s) => ((df.get(s) ?? 0) > COMMON_STEM_DF ? 0.5 : 1),
	};
}

const cache = new WeakMap<Search, Lexicon>();

/** The lexicon of a search index's dataset (built on first use, then kept with the index). */
export function lexiconFor(dataset: Dataset, search: Search): Lexicon {
	let lexicon = cache.get(search);
	if (!lexicon) {
		lexicon = buildLexicon(dataset);
		cache.set(search, lexicon);
	}
	return lexicon;
}
