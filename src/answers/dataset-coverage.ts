/**
 * What the loaded dataset covers, said plainly: where it comes from (a Kolada sync, or the bundled
 * dataset), how many kommuner have values for how many indicators, and in which years — with the
 * number of kommuner per year, so a span of years never suggests broad coverage that one kommun gives.
 * Shown at the shell's start, in `/om`, and in the bot's start log.
 */
import type { Dataset } from '../dataset/dataset.js';
import { tr, type AnswerContext } from './context.js';
import { formatYears } from './format.js';

/** Kommuner with a value in one year. */
export interface YearCount {
	readonly year: number;
	readonly kommuner: number;
}

/** The dataset's coverage of kommuner. */
export interface DatasetCoverage {
	/** `synced` when a Kolada sync has filled it, else `bundled`. */
	readonly origin: 'synced' | 'bundled';
	/** Day of the last Kolada sync, or the date of the newest bundled input. */
	readonly date: string;
	readonly kommuner: number;
	readonly kommunerWithValues: number;
	readonly indicators: number;
	readonly indicatorsWithKommunValues: number;
	/** Kommuner with at least one value, per year (ascending). */
	readonly years: readonly YearCount[];
}

const cache = new WeakMap<Dataset, DatasetCoverage>();

/** Share of kommuner a year needs to count as broadly covered. */
const BROAD = 0.5;

/** Computes (once per dataset) what the dataset covers. */
export function datasetCoverage(ds: Dataset): DatasetCoverage {
	const hit = cache.get(ds);
	if (hit) return hit;
	const kommuner = new Set(ds.areasOfType('kommun').map((a) => a.id));
	const withValues = new Set<string>();
	const indicators = new Set<string>();
	const byYear = new Map<number, Set<string>>();
	for (const s of ds.file.series) {
		if (!kommuner.has(s.area)) continue;
		for (const [year, value] of s.points) {
			if (value === null) continue;
			withValues.add(s.area);
			indicators.add(s.indicator);
			const set = byYear.get(year) ?? new Set<string>();
			set.add(s.area);
			byYear.set(year, set);
		}
	}
	const syncs = ds.file.imports.filter((i) => i.kind === 'kolada-sync').map((i) => i.at.slice(0, 10));
	const lastSync = syncs.sort().at(-1);
	const coverage: DatasetCoverage = {
		origin: lastSync === undefined ? 'bundled' : 'synced',
		date: lastSync ?? ds.file.builtFrom,
		kommuner: kommuner.size,
		kommunerWithValues: withValues.size,
		indicators: ds.indicators.length,
		indicatorsWithKommunValues: indicators.size,
		years: [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, set]) => ({ year, kommuner: set.size })),
	};
	cache.set(ds, coverage);
	return coverage;
}

/** "Synkat från Kolada 2026-12-06" or "Medföljande dataset (uppgifter till och med 2026-03-23)". */
export function originText(ctx: Pick<AnswerContext, 'locale'>, coverage: DatasetCoverage): string {
	return coverage.origin === 'synced'
		? tr(ctx, `Synkat från Kolada ${coverage.date}`, `Synced from Kolada ${coverage.date}`)
		: tr(
				ctx,
				`Medföljande dataset (uppgifter till och med ${coverage.date})`,
				`Bundled dataset (figures up to ${coverage.date})`,
			);
}

/**
 * Two or three sentences: kommuner with values for how many indicators, and the years — either the
 * span in which at least half of the kommuner have values, or the best-covered years with their counts.
 */
export function datasetCoverageText(ctx: Pick<AnswerContext, 'locale'>, coverage: DatasetCoverage): string {
	const c = coverage;
	const head = tr(
		ctx,
		`${c.kommunerWithValues} av ${c.kommuner} kommuner har värden, för ${c.indicatorsWithKommunValues} av ${c.indicators} indikatorer.`,
		`${c.kommunerWithValues} of ${c.kommuner} kommuner have values, for ${c.indicatorsWithKommunValues} of ${c.indicators} indicators.`,
	);
	if (c.years.length === 0) return head;
	const broad = c.years.filter((y) => y.kommuner >= c.kommuner * BROAD);
	if (broad.length > 0) {
		const least = Math.min(...broad.map((y) => y.kommuner));
		return `${head} ${tr(
			ctx,
			`År med värden för minst hälften av kommunerna: ${formatYears(broad.map((y) => y.year))} (minst ${least} kommuner per år).`,
			`Years with values for at least half of the kommuner: ${formatYears(broad.map((y) => y.year))} (at least ${least} kommuner a year).`,
		)}`;
	}
	const best = [...c.years]
		.sort((a, b) => b.kommuner - a.kommuner || b.year - a.year)
		.slice(0, 3)
		.map((y) => `${y.year} (${y.kommuner})`);
	const most = Math.max(...c.years.map((y) => y.kommuner));
	return `${head} ${tr(
		ctx,
		`Inget år har värden för fler än ${most} kommuner (flest kommuner per år: ${best.join(', ')}).`,
		`No year has values for more than ${most} kommuner (most kommuner a year: ${best.join(', ')}).`,
	)}`;
}
