/**
 * "No data" that helps: where an indicator does have values (kommuner per year, named, so a span of
 * years never suggests broad coverage that one kommun gives), and up to five choices that answer —
 * the same area in a year with data, a nearby area with data, a related indicator with data for the
 * area. Each choice changes one option of the command, so Discord offers it as a button and the
 * shell as a ready command line.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { yearsFor } from './common.js';
import { tr, type AnswerContext } from './context.js';
import { kommunerByYear } from './coverage.js';
import { formatYears } from './format.js';
import { errorAnswer } from './resolve.js';
import type { Candidate, ErrorAnswer, Resolved } from './types.js';

/** Most choices offered (one row of Discord buttons). */
export const MAX_CHOICES = 5;

/** What could not be answered, and the command's option names a choice may change. */
export interface NoDataQuery {
	readonly indicator: Indicator;
	readonly area: Area;
	readonly gender: Gender;
	/** The year asked for; undefined when the command takes the latest year with data. */
	readonly year?: number | undefined;
	readonly options: {
		readonly area: string;
		/** Absent when the command has no single year to change (e.g. a trend). */
		readonly year?: string;
		readonly indicator: string;
	};
}

function names(ds: Dataset, ids: readonly string[], near: Area | undefined, count: number): string[] {
	const areas = ids.flatMap((id) => ds.area(id) ?? []);
	const score = (a: Area): number => (near && a.lanId !== undefined && a.lanId === near.lanId ? 0 : 1);
	return [...areas]
		.sort((a, b) => score(a) - score(b))
		.slice(0, count)
		.map((a) => a.name);
}

function joinAnd(ctx: AnswerContext, parts: readonly string[]): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} ${tr(ctx, 'och', 'and')} ${parts.at(-1) ?? ''}`;
}

/**
 * Where the indicator has values, e.g. "Värden finns för 35 kommuner 2020 (bl.a. Eskilstuna och
 * Nyköping), 41 kommuner 2017 och 49 kommuner 2016." — the three newest years, each with its own
 * count; kommuner in the asked area's län are named first. Empty when nothing has values.
 */
export function whereValuesAre(ctx: AnswerContext, indicator: Indicator, near?: Area): string {
	const ds = ctx.dataset;
	const years = kommunerByYear(ds, indicator);
	if (years.length === 0) {
		const other = ds.years(indicator.id);
		return other.length === 0
			? tr(
					ctx,
					'Det inlästa datasetet har inga värden alls för indikatorn – /om visar vad det täcker.',
					'The loaded dataset has no values for the indicator – /om shows what it covers.',
				)
			: tr(
					ctx,
					`Indikatorn har bara värden för Riket, län eller grupper (${formatYears(other)}), inte för enskilda kommuner.`,
					`The indicator only has values for Sweden, counties or groups (${formatYears(other)}), not for single kommuner.`,
				);
	}
	const kommun = (n: number): string => tr(ctx, n === 1 ? 'kommun' : 'kommuner', n === 1 ? 'kommun' : 'kommuner');
	// The newest year and the best-covered ones, newest first; a single kommun is always named.
	const best = [...years].sort((a, b) => b.ids.length - a.ids.length || b.year - a.year);
	const shown = [...new Set([years[0], ...best.slice(0, 2)])]
		.flatMap((y) => (y === undefined ? [] : [y]))
		.sort((a, b) => b.year - a.year);
	const widest = best[0];
	const parts = shown.map((y) => {
		const named = y.ids.length === 1 || y === widest ? names(ds, y.ids, near, 2) : [];
		const example =
			named.length === 0
				? ''
				: y.ids.length === 1
					? ` (${named[0] ?? ''})`
					: ` (${tr(ctx, 'bl.a.', 'e.g.')} ${joinAnd(ctx, named)})`;
		return `${y.ids.length} ${kommun(y.ids.length)} ${y.year}${example}`;
	});
	const rest = years.filter((y) => !shown.includes(y));
	const most = Math.max(0, ...rest.map((y) => y.ids.length));
	const more =
		rest.length === 0
			? ''
			: tr(
					ctx,
					`; övriga år (${formatYears(rest.map((y) => y.year).sort((a, b) => a - b))}) högst ${most} ${kommun(most)}`,
					`; other years (${formatYears(rest.map((y) => y.year).sort((a, b) => a - b))}) at most ${most} ${kommun(most)}`,
				);
	return tr(ctx, `Värden finns för ${joinAnd(ctx, parts)}${more}.`, `Values exist for ${joinAnd(ctx, parts)}${more}.`);
}

/** Nearer first: the same län, then the liknande kommuner, then the same kommungrupp, then the rest. */
function nearness(ds: Dataset, from: Area): (a: Area) => number {
	const peers = new Set(ds.peersOf(from.id)?.members ?? []);
	const group = ds.groupOf(from.id, 'kommungrupp2023');
	return (a) => {
		if (from.lanId !== undefined && a.lanId === from.lanId) return 0;
		if (peers.has(a.id)) return 1;
		return group !== undefined && ds.groupOf(a.id, 'kommungrupp2023') === group ? 2 : 3;
	};
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

function words(text: string): Set<string> {
	return new Set(text.toLocaleLowerCase('sv').match(WORD) ?? []);
}

/** Related first: more shared title words, then the same unit, then the same kind. */
function relatedness(indicator: Indicator): (other: Indicator) => number {
	const own = words(`${indicator.title} ${indicator.shortTitle}`);
	return (other) => {
		let shared = 0;
		for (const w of words(`${other.title} ${other.shortTitle}`)) if (own.has(w)) shared += 1;
		return shared * 4 + (other.unit === indicator.unit ? 2 : 0) + (other.kind === indicator.kind ? 1 : 0);
	};
}

function hasYear(years: readonly number[], year: number | undefined): boolean {
	return year === undefined ? years.length > 0 : years.includes(year);
}

/**
 * Up to five choices that answer, each changing one option: the same area in the nearest years with
 * data, nearby areas with data (in the asked year, if one was asked), and related indicators with
 * data for the area. Only choices the dataset has a value for are offered.
 */
export function noDataChoices(ctx: AnswerContext, q: NoDataQuery): Candidate[] {
	const ds = ctx.dataset;
	const sameArea: Candidate[] = [];
	const own = yearsFor(ds, q.indicator, q.area, q.gender);
	if (q.options.year !== undefined && q.year !== undefined && own.length > 0) {
		sameArea.push(...yearChoices(own, q.year, q.options.year, (y) => `${q.area.name} ${y}`, 2));
	}
	const suffix = q.year === undefined ? '' : ` ${q.year}`;
	const near = nearness(ds, q.area);
	const nearby = ds
		.areasOfType(q.area.type)
		.filter((a) => a.id !== q.area.id && hasYear(yearsFor(ds, q.indicator, a, q.gender), q.year))
		.map((a) => ({ a, score: near(a) }))
		.sort((x, y) => x.score - y.score)
		.slice(0, 3)
		.map(({ a }): Candidate => ({ id: a.id, label: `${a.name}${suffix}`, option: q.options.area }));
	const related = relatedness(q.indicator);
	const others = [...ds.indicatorsFor(q.area.id)]
		.flatMap((id) => ds.indicator(id) ?? [])
		.filter(
			(i) =>
				i.id !== q.indicator.id &&
				(q.gender === 'T' || i.genderSplit) &&
				hasYear(yearsFor(ds, i, q.area, q.gender), q.year),
		)
		.map((i) => ({ i, score: related(i) }))
		.sort((x, y) => y.score - x.score || x.i.id.localeCompare(y.i.id))
		.slice(0, 3)
		.map(({ i }): Candidate => ({ id: i.id, label: `${i.shortTitle}${suffix}`, option: q.options.indicator }));
	// Take from each kind in turn, so every kind that has a choice is offered.
	const lists = [sameArea, nearby, others];
	const out: Candidate[] = [];
	for (let round = 0; out.length < MAX_CHOICES && lists.some((l) => l.length > round); round += 1) {
		for (const list of lists) {
			const c = list[round];
			if (c !== undefined && out.length < MAX_CHOICES) out.push(c);
		}
	}
	return out;
}

/** Years in which an area has any value (total, ascending). */
function areaYears(ds: Dataset, area: Area): number[] {
	const years = new Set<number>();
	for (const id of ds.indicatorsFor(area.id)) {
		const indicator = ds.indicator(id);
		if (indicator) for (const y of yearsFor(ds, indicator, area, 'T')) years.add(y);
	}
	return [...years].sort((a, b) => a - b);
}

/**
 * Choices for an area with no values at all (or none in the asked year), e.g. for `/profil`: the
 * same area in the nearest years with values, and nearby areas of the same kind that have values.
 */
export function areaChoices(
	ctx: AnswerContext,
	area: Area,
	year: number | undefined,
	options: { readonly area: string; readonly year: string },
): Candidate[] {
	const ds = ctx.dataset;
	const own = year === undefined ? [] : areaYears(ds, area);
	const sameArea = yearChoices(own, year ?? 0, options.year, (y) => `${area.name} ${y}`, 2);
	const near = nearness(ds, area);
	const suffix = year === undefined ? '' : ` ${year}`;
	const nearby = ds
		.areasOfType(area.type)
		.filter((a) => a.id !== area.id && hasYear(areaYears(ds, a), year))
		.map((a) => ({ a, score: near(a) }))
		.sort((x, y) => x.score - y.score)
		.slice(0, MAX_CHOICES - sameArea.length)
		.map(({ a }): Candidate => ({ id: a.id, label: `${a.name}${suffix}`, option: options.area }));
	return [...sameArea, ...nearby];
}

/** Up to `count` years nearest to `wanted` (ties: the newer first), as choices for a year option. */
export function yearChoices(
	years: readonly number[],
	wanted: number,
	option: string,
	label: (year: number) => string,
	count = 3,
): Candidate[] {
	return [...years]
		.sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || b - a)
		.slice(0, count)
		.map((y) => ({ id: String(y), label: label(y), option }));
}

/**
 * The answer for an area without a single value for the indicator: where the indicator does have
 * values, and the choices that answer.
 */
export function noValuesError(ctx: AnswerContext, command: string, q: NoDataQuery, resolved: Resolved): ErrorAnswer {
	const { area, indicator } = q;
	const where = whereValuesAre(ctx, indicator, area);
	return errorAnswer(
		command,
		'no_data',
		tr(
			ctx,
			`Det finns inga värden för ${area.name} för ”${indicator.shortTitle}”. ${where}`,
			`There are no values for ${area.name} for ”${indicator.shortTitle}”. ${where}`,
		),
		resolved,
		{ candidates: noDataChoices(ctx, q) },
	);
}
