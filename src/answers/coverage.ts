/**
 * Which year an answer shows when none is asked for, and how many kommuner have values that year.
 * One rule for every command: the default year is the latest year in which at least half of the
 * kommuner (of the asked group) have values, so a year with a single early reporter never makes a
 * one-row "topplista"; every answer states the coverage of its year.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Gender, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { kommunIds, valuesOf } from './stats.js';

/** A year counts as broadly reported when at least this share of the kommuner have values. */
export const BROAD_COVERAGE = 0.5;

/** How many of the kommuner have a value for one indicator, year and gender. */
export interface Coverage {
	readonly year: number;
	readonly n: number;
	readonly of: number;
}

/** Kommuner (of `members`, all kommuner by default) with a value, per year with any, oldest first. */
export function coverageByYear(
	ds: Dataset,
	indicator: Indicator,
	gender: Gender,
	members: readonly string[] = kommunIds(ds),
): Coverage[] {
	return ds
		.years(indicator.id)
		.map((year) => ({ year, n: valuesOf(ds, indicator, year, gender, members).size, of: members.length }))
		.filter((c) => c.n > 0);
}

/**
 * The default year: the latest year in which at least half of the kommuner (of `members`) have
 * values; when no year reaches that, the year with the most kommuner (the latest of equals).
 * Undefined when no kommun has a value in any year.
 */
export function defaultYear(
	ds: Dataset,
	indicator: Indicator,
	gender: Gender,
	members: readonly string[] = kommunIds(ds),
): number | undefined {
	return yearByCoverage(coverageByYear(ds, indicator, gender, members));
}

/**
 * The default-year rule over counted years (oldest first, each with at least one value): the latest year in which at least half
 * have values, else the year with the most (the latest of equals). Shared by {@link defaultYear}
 * and by commands that count other areas than kommuner (e.g. `/jämför`).
 */
export function yearByCoverage(years: readonly Coverage[]): number | undefined {
	const broad = years.filter((c) => c.n >= c.of * BROAD_COVERAGE).at(-1);
	if (broad) return broad.year;
	let best: Coverage | undefined;
	for (const c of years) if (!best || c.n >= best.n) best = c;
	return best?.year;
}

/**
 * Kommuner with a value, per year with any (newest first), with their ids — what a "no data"
 * answer says instead of a bare span of years.
 */
export function kommunerByYear(
	ds: Dataset,
	indicator: Indicator,
	gender: Gender = 'T',
	members: readonly string[] = kommunIds(ds),
): { readonly year: number; readonly ids: readonly string[] }[] {
	return [...ds.years(indicator.id)]
		.reverse()
		.map((year) => ({ year, ids: [...valuesOf(ds, indicator, year, gender, members).keys()] }))
		.filter((c) => c.ids.length > 0);
}

/** The coverage of one year among all kommuner (or `members`). */
export function coverageOf(
	ds: Dataset,
	indicator: Indicator,
	year: number,
	gender: Gender,
	members: readonly string[] = kommunIds(ds),
): Coverage {
	return { year, n: valuesOf(ds, indicator, year, gender, members).size, of: members.length };
}

/** "35 av 290 kommuner har värden 2020." – said by every answer about its year. */
export function coverageText(ctx: AnswerContext, coverage: Coverage, where = ''): string {
	const { n, of, year } = coverage;
	return tr(
		ctx,
		`${n} av ${of} kommuner${where ? ` i ${where}` : ''} har värden ${year}.`,
		`${n} of ${of} kommuner${where ? ` in ${where}` : ''} have values in ${year}.`,
	);
}
