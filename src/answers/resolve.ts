/**
 * Turns free-text options into areas and indicators through the search tiers, and unresolvable
 * input into friendly error answers ("Menade du …?") instead of a guess.
 */
import type { Area, Indicator } from '../dataset/schema.js';
import { stripInvisible } from '../search/normalize.js';
import { clip } from '../text.js';
import type { AreaScope, IndicatorContext } from '../search/search.js';
import type { Resolution } from '../search/tiered.js';
import { tr, type AnswerContext } from './context.js';
import type { Candidate, ErrorAnswer, ErrorCode, Resolved } from './types.js';

/** Either the resolved value or a ready error answer. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorAnswer };

/** Shortens and makes user text safe to quote inside a reply (no mentions, no Markdown breakage). */
export function quote(text: string, max = 60): string {
	const clean = stripInvisible(text).replace(/\s+/g, ' ').trim();
	const short = clip(clean, max);
	// Escape Markdown and neutralise @ and < so nothing echoed can mention or format.
	return short
		.replace(/([\\`*_~|>#[\]()-])/g, '\\$1')
		.replace(/@/g, '@\u200b')
		.replace(/</g, '<\u200b');
}

/** A failed outcome with a friendly message in the context's language. */
export function fail<T>(ctx: AnswerContext, command: string, code: ErrorCode, sv: string, en: string): Outcome<T> {
	return { ok: false, error: errorAnswer(command, code, tr(ctx, sv, en)) };
}

/** Builds an error answer. */
export function errorAnswer(
	command: string,
	code: ErrorCode,
	message: string,
	resolved: Resolved = {},
	extra: { candidates?: readonly Candidate[]; nearestYear?: number } = {},
): ErrorAnswer {
	return { ok: false, command, error: { code, message, ...extra }, resolved };
}

/** The wording of the errors for one kind of thing. */
interface Wording {
	readonly expected: { readonly sv: string; readonly en: string };
	readonly empty: { readonly sv: string; readonly en: string };
	readonly notFound: (input: string) => { readonly sv: string; readonly en: string };
}

function fromResolution<T>(
	ctx: AnswerContext,
	command: string,
	option: string,
	input: string,
	resolution: Resolution<T> | { readonly status: 'wrong_scope'; readonly item: T },
	label: (item: T) => string,
	idOf: (item: T) => string,
	wording: Wording,
): Outcome<T> {
	switch (resolution.status) {
		case 'found':
			return { ok: true, value: resolution.item };
		case 'empty':
			return { ok: false, error: errorAnswer(command, 'empty_input', tr(ctx, wording.empty.sv, wording.empty.en)) };
		case 'ambiguous': {
			const candidates = resolution.candidates.slice(0, 5).map((c) => ({ id: idOf(c), label: label(c), option }));
			const list = candidates.map((c) => `• ${c.label}`).join('\n');
			return {
				ok: false,
				error: errorAnswer(
					command,
					'ambiguous',
					tr(
						ctx,
						`”${quote(input)}” kan betyda flera saker. Menade du …?\n${list}`,
						`”${quote(input)}” matches several. Did you mean …?\n${list}`,
					),
					{},
					{ candidates },
				),
			};
		}
		case 'not_found': {
			const text = wording.notFound(quote(input));
			return { ok: false, error: errorAnswer(command, 'not_found', tr(ctx, text.sv, text.en)) };
		}
		case 'wrong_scope':
			return {
				ok: false,
				error: errorAnswer(
					command,
					'invalid_option',
					tr(
						ctx,
						`${label(resolution.item)} går inte att använda här – fältet **${option}** behöver ${wording.expected.sv}.`,
						`${label(resolution.item)} can't be used here – **${option}** needs ${wording.expected.en}.`,
					),
				),
			};
	}
}

const AREA_WORDING: Record<AreaScope, Wording> = {
	kommun: {
		expected: { sv: 'en kommun', en: 'a kommun' },
		empty: { sv: 'Skriv en kommun, t.ex. Malmö eller 1280.', en: 'Please enter a kommun, e.g. Malmö or 1280.' },
		notFound: (q) => ({
			sv: `Jag hittar ingen kommun som heter ”${q}”. Prova kommunens namn eller kod (t.ex. 0180 för Stockholm).`,
			en: `I can't find a kommun called ”${q}”. Try its name or code (e.g. 0180 for Stockholm).`,
		}),
	},
	lan: {
		expected: { sv: 'ett län', en: 'a county' },
		empty: { sv: 'Skriv ett län, t.ex. Skåne.', en: 'Please enter a county, e.g. Skåne.' },
		notFound: (q) => ({
			sv: `Jag hittar inget län som heter ”${q}”. Skriv t.ex. ”Skåne” eller ”Stockholms län”.`,
			en: `I can't find a county called ”${q}”. Write e.g. ”Skåne” or ”Stockholms län”.`,
		}),
	},
	place: {
		expected: { sv: 'en kommun, ett län eller Riket', en: 'a kommun, a län or Riket' },
		empty: { sv: 'Skriv en kommun, ett län eller Riket.', en: 'Please enter a kommun, a län or Riket.' },
		notFound: (q) => ({
			sv: `Jag hittar ingen kommun, inget län och ingen stadsdel som heter ”${q}”. Prova namnet eller koden (t.ex. 0180 för Stockholm).`,
			en: `I can't find a kommun, län or district called ”${q}”. Try the name or code (e.g. 0180 for Stockholm).`,
		}),
	},
	all: {
		expected: { sv: 'ett område', en: 'an area' },
		empty: { sv: 'Skriv en kommun, ett län eller en grupp.', en: 'Please enter a kommun, a län or a group.' },
		notFound: (q) => ({
			sv: `Jag hittar inget område som heter ”${q}”.`,
			en: `I can't find an area called ”${q}”.`,
		}),
	},
};

const INDICATOR_WORDING: Wording = {
	expected: { sv: 'en indikator', en: 'an indicator' },
	empty: {
		sv: 'Skriv en indikator, t.ex. ”långvarigt bistånd” eller ”FREDA”.',
		en: 'Please enter an indicator, e.g. ”långvarigt bistånd” or ”FREDA”.',
	},
	notFound: (q) => ({
		sv: `Jag hittar ingen indikator som matchar ”${q}”. Prova ett ord ur namnet, ett id som N31814, eller \`/sök\`.`,
		en: `I can't find an indicator matching ”${q}”. Try a word from its name, an id like N31814, or \`/sök\`.`,
	}),
};

/** Resolves an area option. */
export function resolveArea(
	ctx: AnswerContext,
	command: string,
	option: string,
	input: string,
	scope: AreaScope = 'place',
): Outcome<Area> {
	return fromResolution(
		ctx,
		command,
		option,
		input,
		ctx.search.resolveArea(input, scope),
		(a) => ctx.search.areaLabel(a),
		(a) => a.id,
		AREA_WORDING[scope],
	);
}

/**
 * Resolves an indicator option; among equally close indicators, the one with values for the
 * area and year asked about (when given) wins.
 */
export function resolveIndicator(
	ctx: AnswerContext,
	command: string,
	option: string,
	input: string,
	want: IndicatorContext = {},
): Outcome<Indicator> {
	return fromResolution(
		ctx,
		command,
		option,
		input,
		ctx.search.resolveIndicator(input, want),
		(i) => ctx.search.indicatorLabel(i),
		(i) => i.id,
		INDICATOR_WORDING,
	);
}
