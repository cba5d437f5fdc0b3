/**
 * The first of an answer's three stages: raw options in, resolved areas, indicator, years and kön
 * out — or the friendly error answer for the first option that cannot be read. The second stage
 * (compute, numbers only) and the third (present: text, chart spec, CSV) never see raw text.
 *
 * Options are read in a fixed order: the main area, the indicator (ties go to indicators with
 * values for that area and year), the years, kön (checked against the indicator), then the
 * optional areas such as `län` or `markera`.
 */
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import type { AreaScope, IndicatorContext } from '../search/search.js';
import type { AnswerContext } from './context.js';
import { parseGender, parseYear } from './options.js';
import { resolveArea, resolveIndicator, type Outcome } from './resolve.js';

/** One option value as Discord, the shell or a follow-up button delivers it. */
export type RawOption = string | number | boolean | undefined;

/** An area option: its name in the command, the text given and what kind of area it must be. */
export interface AreaOption {
	readonly option: string;
	readonly input: string;
	readonly scope: AreaScope;
}

/** An area option that may be left out (empty or blank text means not given). */
export interface OptionalAreaOption {
	readonly option: string;
	readonly input: string | undefined;
	readonly scope: AreaScope;
}

/** What an answer reads from its options. */
export interface InputSpec {
	/** The command name, for error answers. */
	readonly command: string;
	/** The main area (`kommun`), resolved first. */
	readonly area?: AreaOption;
	/** The indicator text (`indikator`). */
	readonly indicator: string;
	/** Year options by name, e.g. `{ år: query.year }` or `{ från: query.from, till: query.to }`. */
	readonly years?: Readonly<Record<string, RawOption>>;
	/** Whether `år` decides ties between indicators (default true); false reads the indicator alone. */
	readonly yearRanksIndicator?: boolean;
	/** `kön` (T when not given); a K/M on an indicator without a split is refused. */
	readonly gender?: RawOption;
	/** Optional areas by key, e.g. `{ lan: { option: 'län', input: query.lan, scope: 'lan' } }`. */
	readonly places?: Readonly<Record<string, OptionalAreaOption>>;
}

/** The resolved options of an answer, typed after its spec. */
export type Input<S extends InputSpec> = {
	readonly indicator: Indicator;
	readonly gender: Gender;
	readonly years: { readonly [K in keyof S['years']]: number | undefined };
	readonly places: { readonly [K in keyof S['places']]: Area | undefined };
} & (S['area'] extends AreaOption ? { readonly area: Area } : { readonly area?: undefined });

/** The year passed to the indicator ranking: `år` when it reads as a valid year (its error comes later). */
function preferredYear(ctx: AnswerContext, spec: InputSpec): number | undefined {
	if (spec.yearRanksIndicator === false) return undefined;
	const year = parseYear(ctx, spec.command, 'år', spec.years?.['år']);
	return year.ok ? year.value : undefined;
}

function readYears(ctx: AnswerContext, spec: InputSpec): Outcome<Record<string, number | undefined>> {
	const years: Record<string, number | undefined> = {};
	for (const [option, raw] of Object.entries(spec.years ?? {})) {
		const year = parseYear(ctx, spec.command, option, raw);
		if (!year.ok) return year;
		years[option] = year.value;
	}
	return { ok: true, value: years };
}

function readPlaces(ctx: AnswerContext, spec: InputSpec): Outcome<Record<string, Area | undefined>> {
	const places: Record<string, Area | undefined> = {};
	for (const [key, place] of Object.entries(spec.places ?? {})) {
		if (place.input === undefined || place.input.trim() === '') {
			places[key] = undefined;
			continue;
		}
		const area = resolveArea(ctx, spec.command, place.option, place.input, place.scope);
		if (!area.ok) return area;
		places[key] = area.value;
	}
	return { ok: true, value: places };
}

/**
 * Reads an answer's options: every area through the search tiers, the indicator with ties decided
 * by where values are, years and kön validated. Returns the first failure as a ready error answer.
 */
export function readInput<const S extends InputSpec>(ctx: AnswerContext, spec: S): Outcome<Input<S>> {
	let area: Area | undefined;
	if (spec.area) {
		const outcome = resolveArea(ctx, spec.command, spec.area.option, spec.area.input, spec.area.scope);
		if (!outcome.ok) return outcome;
		area = outcome.value;
	}
	const year = preferredYear(ctx, spec);
	const want: IndicatorContext = {
		...(area ? { areaId: area.id } : {}),
		...(year === undefined ? {} : { year }),
	};
	const indicator = resolveIndicator(ctx, spec.command, 'indikator', spec.indicator, want);
	if (!indicator.ok) return indicator;
	const years = readYears(ctx, spec);
	if (!years.ok) return years;
	const gender = parseGender(ctx, spec.command, spec.gender, indicator.value);
	if (!gender.ok) return gender;
	const places = readPlaces(ctx, spec);
	if (!places.ok) return places;
	const value = { indicator: indicator.value, gender: gender.value, years: years.value, places: places.value, area };
	return { ok: true, value: value as unknown as Input<S> };
}
