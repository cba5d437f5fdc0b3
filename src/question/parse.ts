/**
 * Reads a free-text question into its parts: years, places and kommungrupper, intent words, the
 * indicators it may mean, and the words it did not understand. Pure and fast: one pass over at most
 * {@link MAX_TOKENS} tokens, Map lookups for names, and a fuzzy search only for a word that looks
 * like a misspelt place.
 */
import type { AnswerContext } from '../answers/context.js';
import {
	findIndicators,
	findNearIndicators,
	findPlaces,
	findTypoPlaces,
	type FoundGroup,
	type FoundPlace,
	type IndicatorMatch,
	type PlaceAmbiguity,
} from './entities.js';
import { findIntents, type Intents } from './intents.js';
import { lexiconFor } from './lexicon.js';
import { cleanQuestion, tokenize, type Token } from './text.js';
import { STOP_WORDS } from './vocabulary.js';
import { findYears, type YearInfo } from './years.js';

/** A question taken apart. */
export interface ParsedQuestion {
	/** The cleaned question. */
	readonly text: string;
	readonly tokens: readonly Token[];
	/** Places in the order they were named. */
	readonly places: readonly FoundPlace[];
	readonly groups: readonly FoundGroup[];
	readonly ambiguousPlaces: readonly PlaceAmbiguity[];
	/** Indicators the words may name, best first. */
	readonly indicators: readonly IndicatorMatch[];
	/** When no indicator is named in full: the ones the words come closest to, best first. */
	readonly nearIndicators: readonly IndicatorMatch[];
	readonly years: YearInfo;
	readonly intents: Intents;
	/** Content words that matched nothing. */
	readonly unknown: readonly Token[];
}

/** Takes a question apart (the caller has checked its length). */
export function parseQuestion(ctx: AnswerContext, input: string): ParsedQuestion {
	const lex = lexiconFor(ctx.dataset, ctx.search);
	const question = tokenize(cleanQuestion(input));
	const { tokens } = question;
	const years = findYears(tokens, ctx.today);
	const found = findPlaces(ctx, lex, question, years.used);
	const taken = new Set([...years.used, ...found.used]);
	const intents = findIntents(tokens, taken);
	const skip = new Set([...taken, ...intents.used]);
	const indicators = findIndicators(lex, tokens, skip);
	const nearIndicators = indicators.length === 0 ? findNearIndicators(lex, tokens, skip) : [];
	const explained = new Set(skip);
	for (const i of indicators[0]?.tokens ?? []) explained.add(i);
	if (intents.genderToken !== undefined) explained.add(intents.genderToken);
	for (const t of tokens) {
		if (STOP_WORDS.has(t.fold) || t.stems.every((s) => lex.phrasesByStem.has(s))) explained.add(t.index);
	}
	const typos = findTypoPlaces(ctx, lex, tokens, explained);
	for (const p of typos) explained.add(p.first);
	const places = [...found.places, ...typos].sort((a, b) => a.first - b.first);
	const unknown = tokens.filter((t) => !explained.has(t.index) && !(t.numeric && t.raw.length <= 2));
	return {
		text: question.text,
		tokens,
		places,
		groups: found.groups,
		ambiguousPlaces: found.ambiguous,
		indicators,
		nearIndicators,
		years,
		intents,
		unknown,
	};
}
