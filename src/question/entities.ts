/**
 * Finds the places, kommungrupper and the indicator a question names, over its word n-grams.
 *
 * Places: every n-gram (longest first) whose folded text is a place name in the lexicon is handed
 * to the search module, whose tiers decide (exact before folded, so "Habo" is Habo and "Håbo" is
 * Håbo). A one-word name that is also an ordinary word ("vara", "mark", "are" → Åre) counts only
 * with a sign that a place is meant. A word left over that is one or two edits from a place name
 * is tried as a typo, and kept only when the search module's fuzzy tier agrees.
 *
 * Indicators: the stems of the remaining words are matched against every indicator's phrases
 * (title, short title, keywords, synonyms); a phrase matches when all its stems occur. Each
 * indicator scores by the words its matching phrases cover (common words count half), with a
 * little extra for a phrase written in one piece and for a figure of the kind asked for ("hur
 * många" → a count). Two indicators scoring alike are reported as such, never picked between.
 */
import type { AnswerContext } from '../answers/context.js';
import type { Area, Indicator } from '../dataset/schema.js';
import type { Tier } from '../search/tiered.js';
import type { Lexicon } from './lexicon.js';
import { editDistance, foldText, foldWord, spanText, stem, typoBudget, type Token, type Tokenized } from './text.js';
import { correctIntentWord } from './intents.js';
import {
	AREA_SYNONYMS,
	AUXILIARIES,
	KIND_HINTS,
	LIST_WORDS,
	PLACE_WORDS,
	STOP_WORDS,
	WORDLIKE_NAMES,
} from './vocabulary.js';

/** A place named in the question. */
export interface FoundPlace {
	readonly area: Area;
	readonly first: number;
	readonly last: number;
	/** How it was found: a search tier, an extra name, a code, or a typo. */
	readonly how: Tier | 'synonym' | 'typo';
}

/** A kommungrupp named in the question ("storstäderna" → A1). */
export interface FoundGroup {
	readonly code: string;
	readonly first: number;
	readonly last: number;
}

/** A place name that matched several places equally well. */
export interface PlaceAmbiguity {
	readonly text: string;
	readonly candidates: readonly Area[];
}

/** Places and groups of a question. */
export interface PlaceMatches {
	readonly places: readonly FoundPlace[];
	readonly groups: readonly FoundGroup[];
	readonly ambiguous: readonly PlaceAmbiguity[];
	/** Token indexes read as places or groups. */
	readonly used: ReadonlySet<number>;
}

const PLACE_NEXT = new Set(['kommun', 'kommuns', 'stad', 'municipality']);

function onlySpaces(question: Tokenized, first: number, last: number): boolean {
	for (let i = first + 1; i <= last; i++) if (!/^\s+$/.test(question.tokens[i]?.gap ?? '')) return false;
	return true;
}

/** True when a token's own letters carry diacritics ("Åre" rather than "are"). */
function hasDiacritics(token: Token): boolean {
	return token.norm !== token.fold;
}

/** Finds the places and kommungrupper named in the question (tokens in `skip` are left alone). */
export function findPlaces(
	ctx: AnswerContext,
	lex: Lexicon,
	question: Tokenized,
	skip: ReadonlySet<number>,
): PlaceMatches {
	const { tokens } = question;
	const used = new Set<number>();
	const found: (FoundPlace & { readonly wordlike: boolean })[] = [];
	const groups: FoundGroup[] = [];
	const ambiguous: PlaceAmbiguity[] = [];
	const maxWords = Math.max(lex.placeMaxWords, lex.groupMaxWords);
	const free = (i: number): boolean => !skip.has(i) && !used.has(i);

	for (let i = 0; i < tokens.length; i++) {
		if (!free(i)) continue;
		const token = tokens[i] as Token;
		// A kommun code typed as such ("1280"); four-digit years were taken before.
		if (token.numeric && token.raw.length === 4 && lex.placeIds.has(token.raw)) {
			const area = ctx.dataset.area(token.raw);
			if (area) {
				found.push({ area, first: i, last: i, how: 'id', wordlike: false });
				used.add(i);
				continue;
			}
		}
		for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
			const last = i + n - 1;
			let clear = true;
			for (let j = i; j <= last; j++) if (!free(j)) clear = false;
			if (!clear || !onlySpaces(question, i, last)) continue;
			const text = spanText(question, i, last);
			const folded = foldText(text);
			const code = lex.groups.get(folded);
			if (code !== undefined) {
				groups.push({ code, first: i, last });
				for (let j = i; j <= last; j++) used.add(j);
				break;
			}
			let surface = text;
			let key = folded;
			let ids = lex.placeNames.get(folded);
			const lastToken = tokens[last] as Token;
			if (!ids && lastToken.norm.endsWith('s') && lastToken.norm.length > 3) {
				// Genitive: "Malmös", "Lunds", "Stockholms".
				surface = text.slice(0, -1);
				key = foldText(surface);
				ids = lex.placeNames.get(key);
			}
			if (!ids) continue;
			let area: Area | undefined;
			let how: FoundPlace['how'];
			const synonym = AREA_SYNONYMS.get(key);
			if (synonym !== undefined) {
				area = ctx.dataset.area(synonym);
				how = 'synonym';
			} else {
				const r = ctx.search.resolveArea(surface, 'place');
				if (r.status === 'found') {
					area = r.item;
					how = r.tier;
				} else if (r.status === 'ambiguous') {
					// "orebro" folds to both Örebro (kommun) and Örebro (alias of the län): the one named so wins.
					const named = r.candidates.filter((c) => foldText(c.name) === key);
					if (named.length === 1) {
						area = named[0];
						how = 'folded';
					} else {
						ambiguous.push({ text: surface, candidates: r.candidates });
						for (let j = i; j <= last; j++) used.add(j);
						break;
					}
				} else continue;
			}
			if (!area) continue;
			let wordlike = false;
			if (n === 1) {
				const base = foldWord(surface.toLocaleLowerCase('sv'));
				if (!hasDiacritics(token) && (STOP_WORDS.has(base) || STOP_WORDS.has(token.fold))) {
					// "are" is not Åre, "ange" is not Ånge; a kommun named like a function word needs context.
					if (how === 'folded') continue;
					wordlike = true;
				}
				if (WORDLIKE_NAMES.has(base) && !hasDiacritics(token)) wordlike = true;
			}
			found.push({ area, first: i, last, how, wordlike });
			for (let j = i; j <= last; j++) used.add(j);
			break;
		}
	}

	// A word-like name stays a place only with a sign that a place is meant.
	const isPlaceAt = (i: number): boolean => found.some((p) => !p.wordlike && i >= p.first && i <= p.last);
	const places: FoundPlace[] = [];
	for (const p of found) {
		if (!p.wordlike) {
			places.push(p);
			continue;
		}
		const token = tokens[p.first] as Token;
		const prev = tokens[p.first - 1]?.fold ?? '';
		const next = tokens[p.last + 1]?.fold ?? '';
		const listed =
			(isPlaceAt(p.first - 1) && /^[\s,]+$/.test(token.gap)) ||
			(isPlaceAt(p.last + 1) && /^[\s,]+$/.test(tokens[p.last + 1]?.gap ?? '')) ||
			(LIST_WORDS.has(prev) && isPlaceAt(p.first - 2)) ||
			(LIST_WORDS.has(next) && isPlaceAt(p.last + 2));
		const keep = !AUXILIARIES.has(prev) && (token.capital || PLACE_NEXT.has(next) || PLACE_WORDS.has(prev) || listed);
		if (keep) places.push(p);
		else for (let j = p.first; j <= p.last; j++) used.delete(j);
	}
	return { places, groups, ambiguous, used };
}

/** The place a misspelt word is closest to, when one place is clearly closest. */
function closestPlace(lex: Lexicon, fold: string): { readonly id: string; readonly distance: number } | undefined {
	const budget = typoBudget(fold.length);
	if (budget === 0) return undefined;
	let best: { id: string; distance: number; folded: string; primary: boolean } | undefined;
	let tie = false;
	for (const name of lex.placeWords.get(fold.charAt(0)) ?? []) {
		const d = editDistance(fold, name.folded, budget);
		if (d > budget || name.id === best?.id) continue;
		if (!best || d < best.distance) {
			best = { id: name.id, distance: d, folded: name.folded, primary: name.primary };
			tie = false;
		} else if (d === best.distance) {
			// The same name for two places ("Stockholm": the kommun, and the län's other name): the place it names first wins.
			if (name.folded === best.folded && name.primary !== best.primary) {
				if (name.primary) best = { id: name.id, distance: d, folded: name.folded, primary: true };
			} else tie = true;
		}
	}
	return best && !tie ? { id: best.id, distance: best.distance } : undefined;
}

/**
 * Places written with a typo ("Götebrog", "Norrköpping"): a leftover word one or two edits from
 * exactly one place name, confirmed by the search module's fuzzy tier. At most `limit` words are
 * tried (each costs a fuzzy search).
 */
export function findTypoPlaces(
	ctx: AnswerContext,
	lex: Lexicon,
	tokens: readonly Token[],
	explained: ReadonlySet<number>,
	limit = 2,
): FoundPlace[] {
	const out: FoundPlace[] = [];
	let tries = 0;
	for (const token of tokens) {
		if (tries >= limit) break;
		if (explained.has(token.index) || token.numeric || token.fold.length < 5 || STOP_WORDS.has(token.fold)) continue;
		// Ordinary lower-case words of five or six letters are too often one edit from a name ("säger" → Säter).
		if (!token.capital && token.fold.length < 7) continue;
		if (token.stems.some((s) => lex.phrasesByStem.has(s)) || correctIntentWord(token.fold) !== undefined) continue;
		const plain = token.fold.replace(/-/g, ' ');
		const genitive = token.norm.endsWith('s') ? closestPlace(lex, plain.slice(0, -1)) : undefined;
		const close = closestPlace(lex, plain) ?? genitive;
		if (!close) continue;
		tries++;
		const query = close === genitive ? token.raw.slice(0, -1) : token.raw;
		const r = ctx.search.resolveArea(query, 'place');
		const agrees =
			(r.status === 'found' && r.item.id === close.id) ||
			(r.status === 'ambiguous' && r.candidates.some((c) => c.id === close.id));
		const area = ctx.dataset.area(close.id);
		if (agrees && area) out.push({ area, first: token.index, last: token.index, how: 'typo' });
	}
	return out;
}

/** One indicator the question may mean, with its score. */
export interface IndicatorMatch {
	readonly indicator: Indicator;
	readonly score: number;
	/** True when a word had to be corrected for the match. */
	readonly corrected: boolean;
	/** Token indexes the indicator's phrases cover. */
	readonly tokens: ReadonlySet<number>;
}

const CONTIGUOUS_BONUS = 0.5;
const SURFACE_BONUS = 0.25;
const KIND_BONUS = 0.5;
const MIN_SCORE = 0.5;

const KIND_HINT_STEMS = KIND_HINTS.map((h) => ({ stems: h.words.map((w) => stem(foldWord(w))), kind: h.kind }));

/** The indicators a question's words name, best first (tokens in `skip` are places, years …). */
export function findIndicators(lex: Lexicon, tokens: readonly Token[], skip: ReadonlySet<number>): IndicatorMatch[] {
	const stems = new Map<string, number[]>();
	const corrected = new Set<number>();
	const add = (s: string, index: number): void => {
		const list = stems.get(s);
		if (list) list.push(index);
		else stems.set(s, [index]);
	};
	const available = tokens.filter((t) => !skip.has(t.index));
	for (const token of available) {
		// "kostnad/invånare", "kr/hushåll": a slash between words reads as "per".
		if (token.gap.trim() === '/' && token.index > 0) add('per', token.index);
		for (const s of token.stems) add(s, token.index);
		const only = token.stems[0];
		if (
			token.stems.length !== 1 ||
			only === undefined ||
			lex.phrasesByStem.has(only) ||
			token.numeric ||
			token.fold.length < 5 ||
			STOP_WORDS.has(token.fold) ||
			correctIntentWord(token.fold) !== undefined
		) {
			continue;
		}
		// A typo of an indicator word ("långvarit", "biståndshushål"), unless it is closer to a place name.
		const budget = typoBudget(only.length);
		let best: string | undefined;
		let bestDistance = budget + 1;
		let tie = false;
		for (const candidate of lex.stemsByLetter.get(only.charAt(0)) ?? []) {
			const d = editDistance(only, candidate, budget);
			if (d < bestDistance) {
				best = candidate;
				bestDistance = d;
				tie = false;
			} else if (d === bestDistance && d <= budget) tie = true;
		}
		const place = closestPlace(lex, token.fold.replace(/-/g, ' '));
		if (best !== undefined && !tie && (!place || place.distance > bestDistance)) {
			add(best, token.index);
			corrected.add(token.index);
		}
	}
	const text = ` ${available.map((t) => t.fold.replace(/-/g, ' ')).join(' ')} `;
	const order = new Map(available.map((t, i) => [t.index, i]));

	const candidates = new Set<number>();
	for (const s of stems.keys()) for (const p of lex.phrasesByStem.get(s) ?? []) candidates.add(p);
	const byIndicator = new Map<
		string,
		{ indicator: Indicator; covered: Map<number, string>; bonus: number; corrected: boolean }
	>();
	for (const p of candidates) {
		const phrase = lex.phrases[p];
		if (!phrase || !phrase.stems.every((s) => stems.has(s))) continue;
		const positions = phrase.stems.map((s) => stems.get(s)?.[0] ?? -1);
		let contiguous = true;
		for (let k = 1; k < positions.length; k++) {
			const a = order.get(positions[k - 1] ?? -1);
			const b = order.get(positions[k] ?? -1);
			if (a === undefined || b === undefined || b <= a || b - a > 2) contiguous = false;
		}
		const bonus =
			(contiguous ? CONTIGUOUS_BONUS : 0) +
			(text.includes(` ${phrase.surface.replace(/-/g, ' ')} `) ? SURFACE_BONUS : 0);
		let entry = byIndicator.get(phrase.indicator.id);
		if (!entry) {
			entry = { indicator: phrase.indicator, covered: new Map(), bonus: 0, corrected: false };
			byIndicator.set(phrase.indicator.id, entry);
		}
		phrase.stems.forEach((s, k) => {
			const index = positions[k] ?? -1;
			if (entry.covered.has(index)) return;
			entry.covered.set(index, s);
			if (corrected.has(index)) entry.corrected = true;
		});
		entry.bonus = Math.max(entry.bonus, bonus);
	}
	const kinds = new Set(KIND_HINT_STEMS.filter((h) => h.stems.every((s) => stems.has(s))).map((h) => h.kind));
	const matches: IndicatorMatch[] = [];
	for (const entry of byIndicator.values()) {
		let score = entry.bonus + (kinds.has(entry.indicator.kind) ? KIND_BONUS : 0);
		for (const s of entry.covered.values()) score += lex.weight(s);
		if (score >= MIN_SCORE) {
			matches.push({
				indicator: entry.indicator,
				score,
				corrected: entry.corrected,
				tokens: new Set(entry.covered.keys()),
			});
		}
	}
	return matches.sort((a, b) => b.score - a.score || a.indicator.id.localeCompare(b.indicator.id));
}

/** Words of the whole domain ("ekonomiskt bistånd"): they never point at one indicator. */
const DOMAIN_STEMS = new Set(['bistand', 'ekonomisk', 'forsorjningsstod', 'assistanc', 'social', 'welfar']);

/**
 * Indicators a question comes close to naming when no phrase matches in full ("utbetalt bistånd"
 * fits the total, the amount per household and the amount per inhabitant): those whose phrases
 * share the most of the question's indicator words, best first, at most `limit`.
 */
export function findNearIndicators(
	lex: Lexicon,
	tokens: readonly Token[],
	skip: ReadonlySet<number>,
	limit = 5,
): IndicatorMatch[] {
	const evidence = new Map<string, number>();
	for (const t of tokens) {
		if (skip.has(t.index) || t.numeric || STOP_WORDS.has(t.fold)) continue;
		for (const s of t.stems) if (lex.phrasesByStem.has(s) && !DOMAIN_STEMS.has(s)) evidence.set(s, t.index);
	}
	let weight = 0;
	for (const s of evidence.keys()) weight += lex.weight(s);
	if (weight < 0.5) return [];
	const best = new Map<string, { indicator: Indicator; ratio: number; tokens: Set<number> }>();
	for (const s of evidence.keys()) {
		for (const p of lex.phrasesByStem.get(s) ?? []) {
			const phrase = lex.phrases[p];
			if (!phrase) continue;
			let have = 0;
			let all = 0;
			const covered = new Set<number>();
			for (const ps of phrase.stems) {
				const w = DOMAIN_STEMS.has(ps) ? 0.25 : lex.weight(ps);
				all += w;
				const at = evidence.get(ps);
				if (at !== undefined) {
					have += w;
					covered.add(at);
				}
			}
			const ratio = all > 0 ? have / all : 0;
			const previous = best.get(phrase.indicator.id);
			if (!previous || ratio > previous.ratio)
				best.set(phrase.indicator.id, { indicator: phrase.indicator, ratio, tokens: covered });
		}
	}
	return [...best.values()]
		.sort((a, b) => b.ratio - a.ratio || a.indicator.id.localeCompare(b.indicator.id))
		.slice(0, limit)
		.map((b) => ({ indicator: b.indicator, score: b.ratio, corrected: false, tokens: b.tokens }));
}
