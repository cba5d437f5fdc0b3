/**
 * The bot's own calculations, as small pure functions: ranks among kommuner (ties shared),
 * colour bands by thirds of the ranking, unweighted means and medians of what exists, shares of
 * kommuner per survey answer, and reference values (Riket, län, kommungrupp, liknande kommuner).
 * Survey answers are only ever counted, never averaged.
 */
import { isCategorical, type Dataset, type Observation } from '../dataset/dataset.js';
import type { Area, Gender, Group, Indicator } from '../dataset/schema.js';
import type { Band } from './types.js';

/**
 * Whether an indicator's figures are independent of an area's size — shares, rates, amounts per
 * inhabitant or household, days, indices — so one area can be set against another or Riket. Counts
 * and totals (antal, tkr) only reflect size: Riket's or a län's total is no reference for a kommun.
 */
export function sizeIndependent(indicator: Indicator): boolean {
	if (indicator.kind === 'count') return false;
	return !(indicator.kind === 'kronor' && indicator.unit === 'tkr');
}

/** Non-missing values of a set of areas for one indicator, year and gender, by area id. */
export function valuesOf(
	ds: Dataset,
	indicator: Indicator,
	year: number,
	gender: Gender,
	areaIds: Iterable<string>,
): Map<string, number> {
	const measure = isCategorical(indicator) ? 'answer' : 'value';
	const section = ds.crossSection(indicator.id, year, gender, measure);
	const out = new Map<string, number>();
	for (const id of areaIds) {
		const value = section.get(id)?.[1];
		if (value !== null && value !== undefined) out.set(id, value);
	}
	return out;
}

/** Every kommun's non-missing value for one indicator, year and gender. */
export function kommunValues(ds: Dataset, indicator: Indicator, year: number, gender: Gender): Map<string, number> {
	return valuesOf(
		ds,
		indicator,
		year,
		gender,
		ds.areasOfType('kommun').map((a) => a.id),
	);
}

/** Unweighted mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Median, or null for no values. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A place in a ranking: 1 is first; `tiedWith` counts the others sharing the place. */
export interface Rank {
	readonly place: number;
	readonly of: number;
	readonly tiedWith: number;
}

/**
 * Competition ranking ("1, 2, 2, 4"): the place is 1 + the number of values strictly ahead.
 * `order` 'desc' puts the highest value first.
 */
export function rankOf(values: ReadonlyMap<string, number>, id: string, order: 'asc' | 'desc'): Rank | undefined {
	const own = values.get(id);
	if (own === undefined) return undefined;
	let ahead = 0;
	let tied = 0;
	for (const [other, value] of values) {
		if (other === id) continue;
		if (order === 'desc' ? value > own : value < own) ahead += 1;
		else if (value === own) tied += 1;
	}
	return { place: ahead + 1, of: values.size, tiedWith: tied };
}

/** Fewer kommuner with data than this, and a rank says nothing: it is not shown. */
export const MIN_RANKED = 10;

/** A rank worth showing: computed among at least {@link MIN_RANKED} areas with data. */
export function meaningfulRank(
	values: ReadonlyMap<string, number>,
	id: string,
	order: 'asc' | 'desc',
): Rank | undefined {
	return values.size >= MIN_RANKED ? rankOf(values, id, order) : undefined;
}

/** The ranking order that puts the best first, or the highest first when the direction is unknown. */
export function bestFirst(indicator: Indicator): 'asc' | 'desc' {
	return indicator.direction === 'lower' ? 'asc' : 'desc';
}

/**
 * Colour band by thirds of the ranking (best third green, middle yellow, worst red), or undefined
 * when the indicator has no desired direction. `rank` must be computed best-first.
 */
export function bandOf(indicator: Indicator, rank: Rank | undefined): Band | undefined {
	if (!rank || indicator.direction === null || rank.of < 3) return undefined;
	const position = (rank.place - 1) / rank.of;
	if (position < 1 / 3) return 'green';
	if (position < 2 / 3) return 'yellow';
	return 'red';
}

/** The band of a survey answer: the desired answer green, the worst red, anything between yellow. */
export function answerBand(indicator: Indicator, code: number): Band | undefined {
	const scale = indicator.scale;
	if (!scale || indicator.direction === null) return undefined;
	const index = scale.findIndex((s) => s.code === code);
	if (index < 0) return undefined;
	if (index === 0) return 'green';
	return index === scale.length - 1 ? 'red' : 'yellow';
}

/** Number of kommuner per answer (aligned with the indicator's scale) and the share with the first answer. */
export interface AnswerShares {
	readonly counts: readonly number[];
	readonly n: number;
	/** Percent (0–100) with the first (desired) answer, or null when nobody answered. */
	readonly share: number | null;
	/** Percent with any answer except the last. */
	readonly shareAny: number | null;
}

/** Counts survey answers of a set of units. */
export function answerShares(indicator: Indicator, answers: Iterable<number>): AnswerShares {
	const scale = indicator.scale ?? [];
	const counts = scale.map(() => 0);
	let n = 0;
	for (const code of answers) {
		const i = scale.findIndex((s) => s.code === code);
		if (i < 0) continue;
		counts[i] = (counts[i] ?? 0) + 1;
		n += 1;
	}
	const notLast = counts.slice(0, -1).reduce((a, b) => a + b, 0);
	return {
		counts,
		n,
		share: n === 0 ? null : ((counts[0] ?? 0) / n) * 100,
		shareAny: n === 0 ? null : (notLast / n) * 100,
	};
}

/** A comparison figure: published/stored, or the bot's own calculation over `n` of `of` members. */
export interface Reference {
	readonly key: 'riket' | 'lan' | 'kommungrupp' | 'liknande' | 'kommun';
	readonly label: string;
	readonly value: number;
	/** `stored`: a figure from a source; `own`: the bot's unweighted mean or share. */
	readonly basis: 'stored' | 'own';
	readonly n?: number;
	readonly of?: number;
	readonly observation?: Observation;
}

/** A stored figure for an area (numbers as values; survey figures as shares), if any. */
export function storedFigure(
	ds: Dataset,
	indicator: Indicator,
	area: Area,
	year: number,
	gender: Gender,
): Observation | undefined {
	const obs = ds.value(indicator.id, area.id, year, gender, ds.defaultMeasure(indicator, area));
	return obs && obs.value !== null ? obs : undefined;
}

/** The bot's own figure over members: unweighted mean, or the share with the first answer. */
export function ownFigure(
	ds: Dataset,
	indicator: Indicator,
	year: number,
	gender: Gender,
	members: readonly string[],
): { value: number; n: number } | undefined {
	const values = valuesOf(ds, indicator, year, gender, members);
	if (values.size === 0) return undefined;
	if (isCategorical(indicator)) {
		const shares = answerShares(indicator, values.values());
		return shares.share === null ? undefined : { value: shares.share, n: shares.n };
	}
	const m = mean([...values.values()]);
	return m === null ? undefined : { value: m, n: values.size };
}

/**
 * The bot only presents its own mean as a figure for the whole country when at least this share of
 * kommuner has a value; a mean of a few kommuner is not "Riket".
 */
export const MIN_NATIONAL_COVERAGE = 0.5;

/** Riket's figure: the stored one, else the own unweighted mean (or share) of kommuner when coverage allows. */
export function riketFigure(
	ds: Dataset,
	indicator: Indicator,
	year: number,
	gender: Gender,
): { value: number; own: boolean; n?: number; attribution?: string } | undefined {
	const riket = ds.area('0000');
	// A national total is no reference for one kommun's count; the mean of kommuner can be.
	const stored = riket && sizeIndependent(indicator) ? storedFigure(ds, indicator, riket, year, gender) : undefined;
	if (stored?.value !== null && stored?.value !== undefined) {
		return { value: stored.value, own: false, attribution: stored.provenance.attribution };
	}
	const all = kommunValues(ds, indicator, year, gender);
	if (all.size < ds.areasOfType('kommun').length * MIN_NATIONAL_COVERAGE) return undefined;
	const value = isCategorical(indicator) ? answerShares(indicator, all.values()).share : mean([...all.values()]);
	return value === null ? undefined : { value, own: true, n: all.size };
}

/** Reference figures for a kommun: Riket, its län, its kommungrupp and its liknande kommuner. */
export function referencesFor(
	ds: Dataset,
	indicator: Indicator,
	kommun: Area,
	year: number,
	gender: Gender,
): Reference[] {
	const refs: Reference[] = [];
	const add = (
		key: Reference['key'],
		label: string,
		area: Area | undefined,
		members: readonly string[] | undefined,
	): void => {
		const stored = area && sizeIndependent(indicator) ? storedFigure(ds, indicator, area, year, gender) : undefined;
		if (stored?.value !== null && stored?.value !== undefined) {
			refs.push({ key, label, value: stored.value, basis: 'stored', observation: stored });
			return;
		}
		if (!members || members.length === 0) return;
		const own = ownFigure(ds, indicator, year, gender, members);
		// A "mean" made of the kommun itself alone compares it with nothing.
		const others = valuesOf(
			ds,
			indicator,
			year,
			gender,
			members.filter((m) => m !== kommun.id),
		);
		if (own && others.size > 0) refs.push({ key, label, value: own.value, basis: 'own', n: own.n, of: members.length });
	};
	const lan = kommun.lanId === undefined ? undefined : ds.area(kommun.lanId);
	const lanGroup: Group | undefined = ds.groupOf(kommun.id, 'lan');
	const kg = ds.groupOf(kommun.id, 'kommungrupp2023');
	const peers = ds.peersOf(kommun.id);
	if (peers) add('liknande', 'Liknande kommuner', undefined, peers.members);
	if (kg) add('kommungrupp', `Kommungrupp ${kg.code ?? ''} ${kg.name}`.replace(/\s+/g, ' '), undefined, kg.members);
	if (lan) add('lan', lan.name, lan, lanGroup?.members);
	const riketArea = ds.area('0000');
	const riket = riketFigure(ds, indicator, year, gender);
	if (riket && riketArea) {
		const observation = riket.own ? undefined : storedFigure(ds, indicator, riketArea, year, gender);
		refs.push({
			key: 'riket',
			label: 'Riket',
			value: riket.value,
			basis: riket.own ? 'own' : 'stored',
			...(riket.own ? { n: riket.n ?? 0, of: ds.areasOfType('kommun').length } : {}),
			...(observation ? { observation } : {}),
		});
	}
	return refs;
}
