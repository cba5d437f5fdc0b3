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

/** A kommun code typed as such ("1280"); four-digit years were taken before. */
function placeByCode(ctx: AnswerContext, lex: Lexicon, token: Token): Area | undefined {
	return token.numeric && token.raw.length === 4 && lex.placeIds.has(token.raw)
		? ctx.dataset.area(token.raw)
		: undefined;
}

/** The place name a span may be, as written or without a genitive s ("Malmös", "Lunds"). */
function nameOf(
	lex: Lexicon,
	last: Token,
	text: string,
	folded: string,
): { readonly surface: string; readonly key: string } | undefined {
	if (lex.placeNames.has(folded)) return { surface: text, key: folded };
	if (!last.norm.endsWith('s') || last.norm.length <= 3) return undefined;
	const surface = text.slice(0, -1);
	const key = foldText(surface);
	return lex.placeNames.has(key) ? { surface, key } : undefined;
}

type Resolved = { readonly area: Area; readonly how: FoundPlace['how'] };

/** The place a name is, by an extra name or the search module's tiers; an ambiguity when several fit alike. */
function resolveName(ctx: AnswerContext, surface: string, key: string): Resolved | PlaceAmbiguity | undefined {
	const synonym = AREA_SYNONYMS.get(key);
	if (synonym !== undefined) {
		const area = ctx.dataset.area(synonym);
		return area && { area, how: 'synonym' };
	}
	const r = ctx.search.resolveArea(surface, 'place');
	if (r.status === 'found') return { area: r.item, how: r.tier };
	if (r.status !== 'ambiguous') return undefined;
	// "orebro" folds to both Örebro (kommun) and Örebro (alias of the län): the one named so wins.
	const named = r.candidates.filter((c) => foldText(c.name) === key);
	const only = named.length === 1 ? named[0] : undefined;
	return only ? { area: only, how: 'folded' } : { text: surface, candidates: r.candidates };
}

/**
 * Whether a one-word place name is also an ordinary word, so that it needs a sign that a place
 * is meant; undefined when it is no place at all ("are" is not Åre, "ange" is not Ånge).
 */
function wordlikeness(token: Token, surface: string, how: FoundPlace['how']): boolean | undefined {
	if (hasDiacritics(token)) return false;
	const base = foldWord(surface.toLocaleLowerCase('sv'));
	// A kommun named like a function word needs context, and an exact spelling.
	if (STOP_WORDS.has(base) || STOP_WORDS.has(token.fold)) return how === 'folded' ? undefined : true;
	return WORDLIKE_NAMES.has(base);
}

type SpanMatch =
	| { readonly kind: 'group'; readonly code: string }
	| { readonly kind: 'ambiguous'; readonly ambiguity: PlaceAmbiguity }
	| { readonly kind: 'place'; readonly place: Resolved; readonly wordlike: boolean };

/** What the words `first`–`last` name: a kommungrupp, a place, a name of several places, or nothing. */
function matchSpan(
	ctx: AnswerContext,
	lex: Lexicon,
	question: Tokenized,
	first: number,
	last: number,
): SpanMatch | undefined {
	const text = spanText(question, first, last);
	const folded = foldText(text);
	const code = lex.groups.get(folded);
	if (code !== undefined) return { kind: 'group', code };
	const name = nameOf(lex, question.tokens[last] as Token, text, folded);
	const place = name && resolveName(ctx, name.surface, name.key);
	if (!name || !place) return undefined;
	if ('candidates' in place) return { kind: 'ambiguous', ambiguity: place };
	const wordlike = first === last ? wordlikeness(question.tokens[first] as Token, name.surface, place.how) : false;
	return wordlike === undefined ? undefined : { kind: 'place', place, wordlike };
}

type Candidate = FoundPlace & { readonly wordlike: boolean };

/** The places found, word-like names kept only with a sign that a place is meant (their tokens freed otherwise). */
function keepPlaces(tokens: readonly Token[], found: readonly Candidate[], used: Set<number>): FoundPlace[] {
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
	return places;
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
	const found: Candidate[] = [];
	const groups: FoundGroup[] = [];
	const ambiguous: PlaceAmbiguity[] = [];
	const maxWords = Math.max(lex.placeMaxWords, lex.groupMaxWords);
	const free = (i: number): boolean => !skip.has(i) && !used.has(i);
	const clear = (first: number, last: number): boolean => {
		for (let j = first; j <= last; j++) if (!free(j)) return false;
		return true;
	};

	for (let i = 0; i < tokens.length; i++) {
		if (!free(i)) continue;
		const byCode = placeByCode(ctx, lex, tokens[i] as Token);
		if (byCode) {
			found.push({ area: byCode, first: i, last: i, how: 'id', wordlike: false });
			used.add(i);
			continue;
		}
		// The longest span that names something wins.
		for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
			const last = i + n - 1;
			const m = clear(i, last) && onlySpaces(question, i, last) ? matchSpan(ctx, lex, question, i, last) : undefined;
			if (!m) continue;
			if (m.kind === 'group') groups.push({ code: m.code, first: i, last });
			else if (m.kind === 'ambiguous') ambiguous.push(m.ambiguity);
			else found.push({ ...m.place, first: i, last, wordlike: m.wordlike });
			for (let j = i; j <= last; j++) used.add(j);
			break;
		}
	}
	return { places: keepPlaces(tokens, found, used), groups, ambiguous, used };
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

/** The indicator stem a misspelt word is closest to ("långvarit", "biståndshushål"), unless it is closer to a place name. */
function correctedStem(lex: Lexicon, token: Token): string | undefined {
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
		return undefined;
	}
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
	return best !== undefined && !tie && (!place || place.distance > bestDistance) ? best : undefined;
}

/** The stems of the question's words with the tokens they stand at, and the tokens read as typos. */
function stemsOf(
	lex: Lexicon,
	available: readonly Token[],
): { readonly stems: ReadonlyMap<string, number[]>; readonly corrected: ReadonlySet<number> } {
	const stems = new Map<string, number[]>();
	const corrected = new Set<number>();
	const add = (s: string, index: number): void => {
		const list = stems.get(s);
		if (list) list.push(index);
		else stems.set(s, [index]);
	};
	for (const token of available) {
		// "kostnad/invånare", "kr/hushåll": a slash between words reads as "per".
		if (token.gap.trim() === '/' && token.index > 0) add('per', token.index);
		for (const s of token.stems) add(s, token.index);
		const typo = correctedStem(lex, token);
		if (typo !== undefined) {
			add(typo, token.index);
			corrected.add(token.index);
		}
	}
	return { stems, corrected };
}

/** What the phrases of one indicator found in the question cover. */
interface Coverage {
	readonly indicator: Indicator;
	/** Token index → the stem covering it. */
	readonly covered: Map<number, string>;
	bonus: number;
	corrected: boolean;
}

/** The indicators whose phrases all occur in the question, with the tokens they cover and the best phrase bonus. */
function coverageOf(
	lex: Lexicon,
	available: readonly Token[],
	stems: ReadonlyMap<string, number[]>,
	corrected: ReadonlySet<number>,
): Map<string, Coverage> {
	const text = ` ${available.map((t) => t.fold.replace(/-/g, ' ')).join(' ')} `;
	const order = new Map(available.map((t, i) => [t.index, i]));
	const candidates = new Set<number>();
	for (const s of stems.keys()) for (const p of lex.phrasesByStem.get(s) ?? []) candidates.add(p);
	const byIndicator = new Map<string, Coverage>();
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
	return byIndicator;
}

/** The indicators a question's words name, best first (tokens in `skip` are places, years …). */
export function findIndicators(lex: Lexicon, tokens: readonly Token[], skip: ReadonlySet<number>): IndicatorMatch[] {
	const available = tokens.filter((t) => !skip.has(t.index));
	const { stems, corrected } = stemsOf(lex, available);
	const kinds = new Set(KIND_HINT_STEMS.filter((h) => h.stems.every((s) => stems.has(s))).map((h) => h.kind));
	const matches: IndicatorMatch[] = [];
	for (const entry of coverageOf(lex, available, stems, corrected).values()) {
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
