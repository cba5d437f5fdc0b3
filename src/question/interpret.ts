/**
 * Maps a parsed question to one of the bot's commands with its options — `/värde`, `/jämför`,
 * `/trend`, `/topplista`, `/grupper` or `/profil` — with a confidence, and, when the question
 * leaves something open (two indicators fit equally, no indicator, best/worst of an indicator
 * without a desired direction, a name that fits several places), the readings to choose between
 * instead of a guess. Readings print as command lines a user can copy: with names for reading
 * ("/jämför indikator:N31814 kommuner:Malmö, Göteborg, Lund") and with codes for buttons
 * ("/jämför indikator:N31814 kommuner:1280,1480,1281").
 */
import type { AnswerContext } from '../answers/context.js';
import { tr } from '../answers/context.js';
import { isCategorical } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import type { AreaScope } from '../search/search.js';
import { clip } from '../text.js';
import type { Division, RankOrder } from './intents.js';
import { parseQuestion, type ParsedQuestion } from './parse.js';
import { cleanQuestion, MAX_QUESTION_LENGTH } from './text.js';
import { FALLBACK_INDICATORS } from './vocabulary.js';

/** Commands a question can become. */
export const QUESTION_COMMANDS = ['värde', 'jämför', 'trend', 'topplista', 'grupper', 'profil', 'karta'] as const;

/** A command a question can become. */
export type QuestionCommand = (typeof QUESTION_COMMANDS)[number];

/** True for the name of a command a question can become. */
export function isQuestionCommand(name: string): name is QuestionCommand {
	return (QUESTION_COMMANDS as readonly string[]).includes(name);
}

/** Option values of a reading, by the command's (Swedish) option names; areas as ids. */
export type ReadingOptions = Readonly<Record<string, string | number>>;

/** One way of reading a question: a command and its options. */
export interface Reading {
	readonly command: QuestionCommand;
	readonly options: ReadingOptions;
}

/** Why a question needs a choice from the user. */
export type ClarifyReason =
	'indicator' | 'missing_indicator' | 'order' | 'trend_or_group' | 'gender' | 'place' | 'unsure';

/** The outcome of interpreting a question. */
export type Interpretation =
	| {
			readonly status: 'ok';
			readonly reading: Reading;
			/** 0–1: how sure the reading is. */
			readonly confidence: number;
			/** Other plausible readings, most likely first. */
			readonly alternatives: readonly Reading[];
			readonly parsed: ParsedQuestion;
	  }
	| {
			readonly status: 'clarify';
			readonly reason: ClarifyReason;
			/** The readings to choose from, most likely first. */
			readonly candidates: readonly Reading[];
			readonly confidence: number;
			/** The word or indicator the choice is about, for the message. */
			readonly subject?: string;
			readonly parsed: ParsedQuestion;
	  }
	| {
			readonly status: 'unknown_place';
			/** The word that looked like a place. */
			readonly word: string;
			readonly parsed: ParsedQuestion;
	  }
	| { readonly status: 'not_understood'; readonly parsed: ParsedQuestion }
	| { readonly status: 'empty' }
	| { readonly status: 'too_long' };

/** Below this confidence the bot asks instead of answering. */
export const MIN_CONFIDENCE = 0.5;

/** Indicators whose scores differ by less than this are equally likely. */
const INDICATOR_MARGIN = 0.25;

/** Most readings offered in one clarifying reply. */
const MAX_CANDIDATES = 5;

/** Most places in `/jämför` and in `/trend`'s `jämför_med`. */
const MAX_COMPARE = 10;
const MAX_TREND_OTHERS = 5;

interface Overrides {
	readonly indicator?: Indicator | null;
	readonly places?: readonly Area[];
	readonly order?: RankOrder | null;
	readonly noTrend?: boolean;
	readonly noGroups?: boolean;
	readonly gender?: 'K' | 'M';
}

type Plan =
	| { readonly kind: 'reading'; readonly reading: Reading; readonly defaulted: boolean }
	| { readonly kind: 'needs'; readonly what: 'indicator' | 'order' | 'trend_or_group' }
	| { readonly kind: 'none' };

/**
 * A reading of `command` with the options that have a value, listed as the command's definition
 * lists them (command lines print them in this order; a test holds it to the definitions).
 */
function reading(command: QuestionCommand, options: Record<string, string | number | undefined>): Reading {
	const clean: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(options)) if (value !== undefined && value !== '') clean[name] = value;
	return { command, options: clean };
}

function uniquePlaces(places: readonly Area[]): Area[] {
	const out: Area[] = [];
	for (const a of places) if (!out.some((b) => b.id === a.id)) out.push(a);
	return out;
}

function lanMembers(ctx: AnswerContext, lanId: string): number {
	return ctx.dataset.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === lanId)?.members.length ?? 0;
}

/** What a question names, as the readings see it (after any overrides). */
interface Scene {
	readonly p: ParsedQuestion;
	readonly o: Overrides;
	readonly indicator: Indicator | undefined;
	/** Every place named, Riket too, each once. */
	readonly places: readonly Area[];
	/** The places named other than Riket. */
	readonly named: readonly Area[];
	readonly riket: Area | undefined;
	/** Kommuner and stadsdelar named. */
	readonly locals: readonly Area[];
	readonly lans: readonly Area[];
	readonly groups: ParsedQuestion['groups'];
	readonly similar: boolean;
	readonly trend: boolean;
	readonly gender: 'K' | 'M' | undefined;
	readonly year: number | undefined;
	/** "kommunerna i Skåne": a län named for its kommuner. */
	readonly lanAsMembers: boolean;
}

function sceneOf(ctx: AnswerContext, p: ParsedQuestion, o: Overrides): Scene {
	const { intents: I, years: Y } = p;
	const best = p.indicators[0];
	const indicatorTokens = o.indicator === undefined ? best?.tokens : undefined;
	const places = uniquePlaces(o.places ?? p.places.map((x) => x.area));
	const named = places.filter((a) => a.type !== 'riket');
	const locals = named.filter((a) => a.type === 'kommun' || a.type === 'stadsdel');
	const lans = named.filter((a) => a.type === 'lan');
	return {
		p,
		o,
		indicator: o.indicator === null ? undefined : (o.indicator ?? best?.indicator),
		places,
		named,
		riket: ctx.dataset.area('0000'),
		locals,
		lans,
		groups: o.noGroups ? [] : [...new Map(p.groups.map((g) => [g.code, g])).values()],
		similar: I.similar && !o.noGroups,
		trend: !o.noTrend && (I.trend || Y.period || Y.from !== undefined),
		gender: o.gender ?? (I.gender !== undefined && !indicatorTokens?.has(I.genderToken ?? -1) ? I.gender : undefined),
		year: Y.year ?? Y.to,
		lanAsMembers: I.kommunerWord && lans.length > 0 && locals.length === 0,
	};
}

function planned(
	command: QuestionCommand,
	options: Record<string, string | number | undefined>,
	defaulted = false,
): Plan {
	return { kind: 'reading', reading: reading(command, options), defaulted };
}

const NEEDS_INDICATOR: Plan = { kind: 'needs', what: 'indicator' };

/** A map of the indicator, of a län when one is named, with a kommun marked. */
function planMap(s: Scene): Plan {
	if (!s.indicator) return NEEDS_INDICATOR;
	const kommun = s.locals.find((a) => a.type === 'kommun');
	const { id } = s.indicator;
	return planned('karta', { indikator: id, år: s.year, län: s.lans[0]?.id, markera: kommun?.id, kön: s.gender });
}

/** A profile, when no indicator is named and the question is about one place. */
function planProfile(s: Scene): Plan | undefined {
	const I = s.p.intents;
	const single = s.named.length + (s.places.some((a) => a.type === 'riket') ? 1 : 0) === 1;
	const aboutPlace =
		I.profile || I.standing || (single && !I.compare && !s.trend && !I.rank && s.groups.length === 0 && !s.similar);
	if (s.indicator || !aboutPlace) return undefined;
	const area = s.named[0] ?? s.places[0];
	return area ? planned('profil', { kommun: area.id, år: s.p.years.year }) : { kind: 'none' };
}

/** A ranking over all kommuner (or one län's). */
function planRank(s: Scene, indicator: Indicator): Plan {
	if (isCategorical(indicator)) return planned('grupper', { indikator: indicator.id, år: s.year });
	const I = s.p.intents;
	const order =
		s.o.order === null
			? undefined
			: (s.o.order ?? I.order ?? (I.top ? (indicator.direction === null ? 'högst' : 'bäst') : undefined));
	if ((order === 'bäst' || order === 'sämst') && indicator.direction === null) return { kind: 'needs', what: 'order' };
	return planned('topplista', {
		indikator: indicator.id,
		år: s.year,
		antal: I.count,
		ordning: order,
		län: s.lans[0]?.id,
		kön: s.gender,
	});
}

/** A development over years, of the first place named (Riket when none is) with the others beside it. */
function planTrend(s: Scene, indicator: Indicator): Plan {
	if (s.similar || s.groups.length > 0 || s.lanAsMembers) return { kind: 'needs', what: 'trend_or_group' };
	const focus = s.named[0] ?? s.riket;
	if (!focus) return { kind: 'none' };
	const Y = s.p.years;
	const others = s.named.slice(1, 1 + MAX_TREND_OTHERS).map((a) => a.id);
	const from = Y.from ?? (Y.to === undefined ? Y.year : undefined);
	return planned(
		'trend',
		{
			kommun: focus.id,
			indikator: indicator.id,
			från: from,
			till: Y.to,
			jämför_med: others.join(','),
			kön: s.gender,
		},
		s.named.length === 0 && !s.places.some((a) => a.type === 'riket'),
	);
}

/** The parts of a `/jämför` list, in the order the question names them: places, groups, similar kommuner, a län's kommuner. */
function compareParts(s: Scene, similarTo: Area | undefined): string[] {
	const parts: { readonly at: number; readonly text: string }[] = [];
	const firstIndex = (area: Area): number => s.p.places.find((x) => x.area.id === area.id)?.first ?? 0;
	for (const a of s.named) {
		if (a.id === similarTo?.id) parts.push({ at: firstIndex(a), text: `liknande:${a.id}` });
		else if (a.type === 'lan' && s.lanAsMembers) parts.push({ at: firstIndex(a), text: `län:${a.id}` });
		else parts.push({ at: firstIndex(a), text: a.id });
	}
	for (const g of s.groups) parts.push({ at: g.first, text: `kommungrupp:${g.code}` });
	return parts.sort((a, b) => a.at - b.at).map((x) => x.text);
}

/** A comparison: several places, a kommungrupp, a län's kommuner or similar kommuner; undefined for one place. */
function planCompare(ctx: AnswerContext, s: Scene, indicator: Indicator): Plan | undefined {
	const similarTo = s.similar ? s.locals.find((a) => a.type === 'kommun') : undefined;
	const parts = compareParts(s, similarTo);
	const only = parts[0];
	if (s.similar && !similarTo) return { kind: 'none' };
	if (parts.length === 1 && only?.startsWith('län:')) {
		// A län with more kommuner than a comparison shows: its top list (or its breakdown).
		const lanId = only.slice(4);
		const members = lanMembers(ctx, lanId);
		if (members > MAX_COMPARE) {
			return isCategorical(indicator)
				? planned('grupper', { indikator: indicator.id, år: s.year, indelning: 'län' })
				: planned('topplista', { indikator: indicator.id, år: s.year, antal: Math.min(30, members), län: lanId });
		}
	}
	if (parts.length >= 2 || (only !== undefined && only.includes(':'))) {
		return planned('jämför', { indikator: indicator.id, kommuner: parts.join(','), år: s.year });
	}
	return undefined;
}

/** Builds the reading of a question, or says what is missing. */
function plan(ctx: AnswerContext, p: ParsedQuestion, o: Overrides = {}): Plan {
	const s = sceneOf(ctx, p, o);
	const I = p.intents;
	if (I.map) return planMap(s);
	if (I.division) {
		return s.indicator
			? planned('grupper', { indikator: s.indicator.id, år: s.year, indelning: I.division })
			: NEEDS_INDICATOR;
	}
	const profile = planProfile(s);
	if (profile) return profile;
	const { indicator } = s;
	if (!indicator) return NEEDS_INDICATOR;
	if (I.rank && s.locals.length === 0 && s.groups.length === 0 && !s.similar) return planRank(s, indicator);
	if (s.trend) return planTrend(s, indicator);
	const compare = planCompare(ctx, s, indicator);
	if (compare) return compare;
	// One place's value (Riket when no place is named).
	const area = s.named[0] ?? s.places[0] ?? s.riket;
	if (!area) return { kind: 'none' };
	const options = { kommun: area.id, indikator: indicator.id, år: s.year, kön: s.gender };
	return planned('värde', options, s.places.length === 0);
}

function sameReading(a: Reading, b: Reading): boolean {
	return a.command === b.command && JSON.stringify(a.options) === JSON.stringify(b.options);
}

function collect(readings: readonly (Reading | undefined)[]): Reading[] {
	const out: Reading[] = [];
	for (const r of readings) if (r && !out.some((x) => sameReading(x, r))) out.push(r);
	return out.slice(0, MAX_CANDIDATES);
}

function readingOf(result: Plan): Reading | undefined {
	return result.kind === 'reading' ? result.reading : undefined;
}

/** The indicators offered when a question names none: those with data for the place first. */
function fallbackIndicators(ctx: AnswerContext, places: readonly Area[]): Indicator[] {
	const focus = places[0];
	const withData = focus ? ctx.dataset.indicatorsFor(focus.id) : undefined;
	const known = FALLBACK_INDICATORS.map((id) => ctx.dataset.indicator(id)).filter(
		(i): i is Indicator => i !== undefined,
	);
	return [...known.filter((i) => withData?.has(i.id) ?? true), ...known.filter((i) => !(withData?.has(i.id) ?? true))];
}

type Clarify = Extract<Interpretation, { status: 'clarify' }>;

/** A word after "i"/"för" (or a capitalised word) that is no place we know: say so rather than answer for Riket. */
function unknownPlace(ctx: AnswerContext, p: ParsedQuestion): Interpretation | undefined {
	if (p.places.length > 0 || p.ambiguousPlaces.length > 0) return undefined;
	const placeLike = p.unknown.find((t) => {
		const prev = p.tokens[t.index - 1]?.fold ?? '';
		return ((prev === 'i' || prev === 'in') && t.fold.length >= 3) || (t.capital && t.index > 0);
	});
	if (!placeLike || (p.indicators[0] === undefined && !p.intents.standing && !p.intents.profile)) return undefined;
	const suggestions = ctx.search
		.suggestAreas(placeLike.raw, 'place', 3)
		.map((c) => ctx.dataset.area(c.value))
		.filter((a): a is Area => a !== undefined);
	const candidates = collect(suggestions.map((a) => readingOf(plan(ctx, p, { places: [a] }))));
	if (candidates.length > 0) {
		return { status: 'clarify', reason: 'place', candidates, confidence: 0.3, subject: placeLike.raw, parsed: p };
	}
	return { status: 'unknown_place', word: placeLike.raw, parsed: p };
}

/** A question that names nothing: the indicators to pick from for a ranking or a breakdown, else not understood. */
function nothingNamed(ctx: AnswerContext, p: ParsedQuestion): Interpretation {
	if (p.intents.rank || p.intents.division) {
		const candidates = collect(
			fallbackIndicators(ctx, []).map((i) => readingOf(plan(ctx, p, { indicator: i, order: null }))),
		);
		if (candidates.length > 0) {
			return { status: 'clarify', reason: 'missing_indicator', candidates, confidence: 0.2, parsed: p };
		}
	}
	return { status: 'not_understood', parsed: p };
}

/** Indicators that fit about equally well, or words close to several indicators: the readings to choose from. */
function clarifyIndicator(ctx: AnswerContext, p: ParsedQuestion): Clarify | undefined {
	const [best, second] = p.indicators;
	const close =
		best && second && best.score - second.score < INDICATOR_MARGIN - 1e-9
			? p.indicators.filter((m) => best.score - m.score < INDICATOR_MARGIN - 1e-9)
			: [];
	const tied = collect(close.map((m) => readingOf(plan(ctx, p, { indicator: m.indicator }))));
	if (tied.length > 1) return { status: 'clarify', reason: 'indicator', candidates: tied, confidence: 0.4, parsed: p };
	// Indicator words without a full match ("utbetalt bistånd"): offer the closest indicators.
	if (best || p.nearIndicators.length === 0 || p.intents.profile) return undefined;
	const near = collect(p.nearIndicators.map((m) => readingOf(plan(ctx, p, { indicator: m.indicator }))));
	return near.length > 0
		? { status: 'clarify', reason: 'indicator', candidates: near, confidence: 0.3, parsed: p }
		: undefined;
}

/** The readings to choose from when a plan needs an indicator, an order, or trend-or-group. */
function clarifyNeeds(ctx: AnswerContext, p: ParsedQuestion, what: Extract<Plan, { kind: 'needs' }>['what']): Clarify {
	const choose = (reason: ClarifyReason, alternatives: readonly Overrides[], subject?: string): Clarify => ({
		status: 'clarify',
		reason,
		candidates: collect(alternatives.map((o) => readingOf(plan(ctx, p, o)))),
		confidence: 0.4,
		...(subject === undefined ? {} : { subject }),
		parsed: p,
	});
	switch (what) {
		case 'indicator': {
			const places = p.places.map((x) => x.area);
			const readings = fallbackIndicators(ctx, places).map((i) =>
				readingOf(plan(ctx, p, { indicator: i, order: null })),
			);
			const profile =
				places.length === 1 && places[0] ? reading('profil', { kommun: places[0].id, år: p.years.year }) : undefined;
			const candidates = collect([...readings.slice(0, profile ? 4 : 5), profile]);
			return { status: 'clarify', reason: 'missing_indicator', candidates, confidence: 0.2, parsed: p };
		}
		case 'order':
			return choose('order', [{ order: 'högst' }, { order: 'lägst' }], p.indicators[0]?.indicator.shortTitle);
		case 'trend_or_group':
			return choose('trend_or_group', [{ noTrend: true }, { noGroups: true }]);
	}
}

/** How sure a reading is: less for corrections, typos, close indicators, unknown words and defaults. */
function confidenceOf(p: ParsedQuestion, defaulted: boolean): number {
	const [best, second] = p.indicators;
	let confidence = 1;
	if (best?.corrected) confidence -= 0.1;
	if (p.places.some((x) => x.how === 'typo')) confidence -= 0.1;
	if (best && second && best.score - second.score < 3 * INDICATOR_MARGIN) confidence -= 0.15;
	confidence -= Math.min(0.3, 0.1 * p.unknown.length);
	if (defaulted) confidence -= 0.1;
	return confidence;
}

/** A reading planned in full: asks for a gender when both are named, and when unsure offers the alternatives. */
function settle(ctx: AnswerContext, p: ParsedQuestion, result: Extract<Plan, { kind: 'reading' }>): Interpretation {
	if (p.intents.bothGenders && 'kön' in result.reading.options) {
		const candidates = collect([readingOf(plan(ctx, p, { gender: 'K' })), readingOf(plan(ctx, p, { gender: 'M' }))]);
		return { status: 'clarify', reason: 'gender', candidates, confidence: 0.4, parsed: p };
	}
	const confidence = confidenceOf(p, result.defaulted);
	const second = p.indicators[1];
	const alternatives = collect([
		...(second ? [readingOf(plan(ctx, p, { indicator: second.indicator }))] : []),
		result.reading.command === 'värde'
			? readingOf(plan(ctx, { ...p, intents: { ...p.intents, trend: true } }))
			: undefined,
	]).filter((r) => !sameReading(r, result.reading));
	if (confidence < MIN_CONFIDENCE) {
		const candidates = collect([result.reading, ...alternatives]);
		return { status: 'clarify', reason: 'unsure', candidates, confidence, parsed: p };
	}
	return { status: 'ok', reading: result.reading, confidence, alternatives, parsed: p };
}

/** Interprets a parsed question. */
export function interpret(ctx: AnswerContext, p: ParsedQuestion): Interpretation {
	const unknown = unknownPlace(ctx, p);
	if (unknown) return unknown;
	const nothing =
		p.places.length === 0 && p.groups.length === 0 && p.indicators.length === 0 && p.nearIndicators.length === 0;
	if (nothing && p.ambiguousPlaces.length === 0) return nothingNamed(ctx, p);
	const ambiguousPlace = p.ambiguousPlaces[0];
	if (ambiguousPlace) {
		const places = p.places.map((x) => x.area);
		const candidates = collect(
			ambiguousPlace.candidates.map((a) => readingOf(plan(ctx, p, { places: [...places, a] }))),
		);
		return { status: 'clarify', reason: 'place', candidates, confidence: 0.3, subject: ambiguousPlace.text, parsed: p };
	}
	const indicator = clarifyIndicator(ctx, p);
	if (indicator) return indicator;
	const result = plan(ctx, p);
	if (result.kind === 'none') return { status: 'not_understood', parsed: p };
	if (result.kind === 'needs') return clarifyNeeds(ctx, p, result.what);
	return settle(ctx, p, result);
}

/** Interprets a question text: length checks, then {@link parseQuestion} and {@link interpret}. */
export function interpretQuestion(ctx: AnswerContext, text: string): Interpretation {
	if (text.length > MAX_QUESTION_LENGTH * 4) return { status: 'too_long' };
	const clean = cleanQuestion(text);
	if (clean === '') return { status: 'empty' };
	if (clean.length > MAX_QUESTION_LENGTH) return { status: 'too_long' };
	return interpret(ctx, parseQuestion(ctx, clean));
}

function placeName(ctx: AnswerContext, id: string, scope: AreaScope): string {
	const area = ctx.dataset.area(id);
	if (!area) return id;
	const back = ctx.search.resolveArea(area.name, scope);
	return back.status === 'found' && back.item.id === id ? area.name : id;
}

function listDisplay(ctx: AnswerContext, value: string): string {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => {
			const prefixed = /^(liknande|kommungrupp|län):(.*)$/u.exec(part);
			if (!prefixed) return placeName(ctx, part, 'place');
			const [, kind = '', rest = ''] = prefixed;
			if (kind === 'kommungrupp') return part;
			return `${kind}:${placeName(ctx, rest, kind === 'län' ? 'lan' : 'kommun')}`;
		})
		.join(', ');
}

/**
 * A reading as a command line: `id` form with codes (short, exact: for buttons), `display` form
 * with names (for people; still a valid command line).
 */
export function commandLine(ctx: AnswerContext, r: Reading, form: 'id' | 'display'): string {
	const parts = [`/${r.command}`];
	for (const [name, value] of Object.entries(r.options)) {
		let text = String(value);
		if (form === 'display') {
			if (name === 'kommun' || name === 'markera') text = placeName(ctx, text, 'place');
			else if (name === 'län') text = placeName(ctx, text, 'lan');
			else if (name === 'kommuner' || name === 'jämför_med') text = listDisplay(ctx, text);
		}
		parts.push(`${name}:${text}`);
	}
	return parts.join(' ');
}

const ORDER_TEXT: Record<RankOrder, readonly [string, string]> = {
	bäst: ['bäst först', 'best first'],
	sämst: ['sämst först', 'worst first'],
	högst: ['högst först', 'highest first'],
	lägst: ['lägst först', 'lowest first'],
};

const DIVISION_TEXT: Record<Division, readonly [string, string]> = {
	kommungrupp: ['Per kommungrupp', 'By kommungrupp'],
	storlek: ['Per kommunstorlek', 'By size'],
	län: ['Per län', 'By county'],
};

/** A short readable description of a reading (≤ 80 characters, the length of a button label). */
export function readingLabel(ctx: AnswerContext, r: Reading): string {
	const o = r.options;
	const str = (name: string): string => (o[name] === undefined ? '' : String(o[name]));
	const indicator = ctx.dataset.indicator(str('indikator'));
	const what = indicator ? indicator.shortTitle : str('indikator');
	const year = o.år === undefined ? '' : ` ${str('år')}`;
	const gender = o.kön === 'K' ? tr(ctx, ', kvinnor', ', women') : o.kön === 'M' ? tr(ctx, ', män', ', men') : '';
	let label: string;
	switch (r.command) {
		case 'värde':
			label = `${placeName(ctx, str('kommun'), 'place')}${year}: ${what}${gender}`;
			break;
		case 'jämför': {
			const list = listDisplay(ctx, str('kommuner'))
				.replace(/liknande:([^,]+)/u, tr(ctx, '$1 med liknande kommuner', '$1 and similar kommuner'))
				.replace(/kommungrupp:(\w+)/u, (_, code: string) => {
					const group = ctx.dataset.grouping('kommungrupp2023')?.groups.find((g) => g.code === code);
					return group ? group.name : code;
				})
				.replace(/län:([^,]+)/u, tr(ctx, 'kommunerna i $1', 'the kommuner of $1'));
			label = tr(ctx, `Jämför ${list}${year}: ${what}`, `Compare ${list}${year}: ${what}`);
			break;
		}
		case 'trend': {
			const from = str('från');
			const to = str('till');
			const span = from || to ? ` ${from}–${to}` : '';
			const others =
				o.jämför_med === undefined
					? ''
					: tr(ctx, ` och ${listDisplay(ctx, str('jämför_med'))}`, ` and ${listDisplay(ctx, str('jämför_med'))}`);
			label = tr(
				ctx,
				`Utveckling i ${placeName(ctx, str('kommun'), 'place')}${others}${span}: ${what}${gender}`,
				`Trend in ${placeName(ctx, str('kommun'), 'place')}${others}${span}: ${what}${gender}`,
			);
			break;
		}
		case 'topplista': {
			const bits = [
				o.ordning === undefined ? '' : tr(ctx, ...ORDER_TEXT[o.ordning as RankOrder]),
				o.antal === undefined ? '' : tr(ctx, `${str('antal')} st`, `top ${str('antal')}`),
				o.län === undefined ? '' : placeName(ctx, str('län'), 'lan'),
				year.trim(),
			].filter((b) => b !== '');
			label =
				tr(ctx, 'Topplista', 'Top list') + (bits.length > 0 ? ` (${bits.join(', ')})` : '') + `: ${what}${gender}`;
			break;
		}
		case 'grupper': {
			const division = (o.indelning as Division | undefined) ?? 'kommungrupp';
			label = `${tr(ctx, ...DIVISION_TEXT[division])}${year}: ${what}`;
			break;
		}
		case 'profil':
			label = tr(
				ctx,
				`Profil för ${placeName(ctx, str('kommun'), 'place')}${year}`,
				`Profile of ${placeName(ctx, str('kommun'), 'place')}${year}`,
			);
			break;
		case 'karta': {
			const where = o.län === undefined ? '' : ` ${placeName(ctx, str('län'), 'lan')}`;
			const mark =
				o.markera === undefined
					? ''
					: tr(
							ctx,
							`, ${placeName(ctx, str('markera'), 'place')} markerad`,
							`, ${placeName(ctx, str('markera'), 'place')} marked`,
						);
			label = tr(ctx, `Karta${where}${year}: ${what}${gender}${mark}`, `Map${where}${year}: ${what}${gender}${mark}`);
			break;
		}
	}
	return clip(label, 80);
}
