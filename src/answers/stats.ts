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
 * What kind of figure an indicator's values are, for comparisons: `total` for counts and totals
 * (antal, tkr), which mostly reflect an area's size; `rate` for shares, rates, amounts per
 * inhabitant or household, days and indices; `survey` for survey answers.
 */
export type FigureClass = 'total' | 'rate' | 'survey';

/** The {@link FigureClass} of an indicator. */
export function figureClass(indicator: Pick<Indicator, 'kind' | 'unit'>): FigureClass {
	if (indicator.kind === 'yesno' || indicator.kind === 'ordinal') return 'survey';
	if (indicator.kind === 'count' || (indicator.kind === 'kronor' && indicator.unit === 'tkr')) return 'total';
	return 'rate';
}

/**
 * Whether an indicator's figures are independent of an area's size, so one area can be set
 * against another or Riket (everything but counts and totals).
 */
export function sizeIndependent(indicator: Pick<Indicator, 'kind' | 'unit'>): boolean {
	return figureClass(indicator) !== 'total';
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

/** The ids of the kommuner in one län, or of all kommuner. */
export function kommunIds(ds: Dataset, lan?: Pick<Area, 'id'>): string[] {
	const all = ds.areasOfType('kommun');
	return (lan ? all.filter((a) => a.lanId === lan.id) : all).map((a) => a.id);
}

/** Every kommun's non-missing value for one indicator, year and gender. */
export function kommunValues(ds: Dataset, indicator: Indicator, year: number, gender: Gender): Map<string, number> {
	return valuesOf(ds, indicator, year, gender, kommunIds(ds));
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

/**
 * How a comparison figure for a group of kommuner (Riket, a län, a kommungrupp, liknande kommuner)
 * is arrived at:
 * - `published`: the figure a source publishes for the area itself;
 * - `sum`: the sum of every member (only when every member has a value);
 * - `mean`: the unweighted mean of the members with values (own calculation);
 * - `meanPerKommun`: the same mean for a count or total, labelled "medel per kommun";
 * - `share`: the share of the members that gave the first (desired) survey answer.
 */
export type Method = 'published' | 'sum' | 'mean' | 'meanPerKommun' | 'share';

/**
 * The aggregation rule, as a table: for each kind of figure, the methods tried in order; the
 * first that applies gives the figure. A published figure always wins.
 */
export const AGGREGATION: Readonly<Record<FigureClass, readonly Method[]>> = {
	total: ['published', 'sum', 'meanPerKommun'],
	rate: ['published', 'mean'],
	survey: ['published', 'share'],
};

/** An own mean or share is shown only over at least this many kommuner … */
export const MIN_MEMBERS = 3;
/** … and at least this share of the group's kommuner. */
export const MIN_COVERAGE = 0.5;

/**
 * Whether `n` values out of `of` members are enough for an own mean or share: at least
 * {@link MIN_MEMBERS} (or all of a smaller group) and at least half of the group.
 */
export function enoughFor(n: number, of: number): boolean {
	// A group smaller than MIN_MEMBERS (Gotlands län) counts when every member has a value.
	return n > 0 && n >= Math.min(MIN_MEMBERS, of) && n >= of * MIN_COVERAGE;
}

/** A comparison figure and how it was arrived at. */
export interface GroupFigure {
	readonly method: Method;
	readonly value: number;
	/** Members with a value and members in all, for own figures. */
	readonly n?: number;
	readonly of?: number;
	/** The stored observation of a published figure. */
	readonly observation?: Observation;
}

/** Too few members have values for an own figure: the few values themselves, to name instead. */
export interface FewValues {
	readonly method: 'few';
	/** Members with a value. */
	readonly n: number;
	/** The values to name (for a kommun's comparison, those of the other kommuner). */
	readonly values: readonly { readonly id: string; readonly value: number }[];
	readonly of: number;
}

/**
 * The one aggregation rule: the figure shown for a group of kommuner (or nothing) for an
 * indicator, year and gender, following {@link AGGREGATION}. `area` is the area that may carry a
 * published figure (Riket, a län, a group pseudo-area); `members` the kommuner of the group.
 */
export function groupFigure(
	ds: Dataset,
	indicator: Indicator,
	group: { readonly area?: Area | undefined; readonly members?: readonly string[] | undefined },
	year: number,
	gender: Gender,
): GroupFigure | FewValues | undefined {
	const members = group.members ?? [];
	const values = valuesOf(ds, indicator, year, gender, members);
	const n = values.size;
	const of = members.length;
	for (const method of AGGREGATION[figureClass(indicator)]) {
		switch (method) {
			case 'published': {
				const stored = group.area ? storedFigure(ds, indicator, group.area, year, gender) : undefined;
				if (stored?.value !== null && stored?.value !== undefined)
					return { method, value: stored.value, observation: stored };
				break;
			}
			case 'sum':
				if (of > 0 && n === of) return { method, value: [...values.values()].reduce((x, y) => x + y, 0), n, of };
				break;
			case 'mean':
			case 'meanPerKommun': {
				const m = enoughFor(n, of) ? mean([...values.values()]) : null;
				if (m !== null) return { method, value: m, n, of };
				break;
			}
			case 'share': {
				const share = enoughFor(n, of) ? answerShares(indicator, values.values()).share : null;
				if (share !== null) return { method, value: share, n, of };
				break;
			}
		}
	}
	if (n === 0) return undefined;
	return { method: 'few', n, values: [...values].map(([id, value]) => ({ id, value })), of };
}

/** A comparison figure for a kommun. */
export interface Reference extends GroupFigure {
	readonly key: 'riket' | 'lan' | 'kommungrupp' | 'liknande' | 'kommun';
	readonly label: string;
}

/** A comparison that has too few values for a figure: who has values, to name them. */
export interface FewReference extends FewValues {
	readonly key: Reference['key'];
	readonly label: string;
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

/** Riket's figure by the aggregation rule: the published one, else an own figure over every kommun. */
export function riketFigure(ds: Dataset, indicator: Indicator, year: number, gender: Gender): GroupFigure | undefined {
	const figure = groupFigure(ds, indicator, { area: ds.area('0000'), members: kommunIds(ds) }, year, gender);
	return figure && figure.method !== 'few' ? figure : undefined;
}

/** Whether a figure is the bot's own calculation rather than a published one. */
export function isOwn(figure: Pick<GroupFigure, 'method'>): boolean {
	return figure.method !== 'published';
}

/** Whether a figure can stand next to one kommun's value on the same scale (not a total of many). */
export function comparableWithKommun(indicator: Indicator, figure: Pick<GroupFigure, 'method'>): boolean {
	return figureClass(indicator) !== 'total' || figure.method === 'meanPerKommun';
}

/** Reference figures for a kommun: its liknande kommuner, kommungrupp, län and Riket. */
export function referencesFor(
	ds: Dataset,
	indicator: Indicator,
	kommun: Area,
	year: number,
	gender: Gender,
): { readonly refs: Reference[]; readonly few: FewReference[] } {
	const refs: Reference[] = [];
	const few: FewReference[] = [];
	const add = (
		key: Reference['key'],
		label: string,
		area: Area | undefined,
		members: readonly string[] | undefined,
	): void => {
		const figure = groupFigure(ds, indicator, { area, members }, year, gender);
		if (!figure) return;
		if (figure.method === 'few') {
			// Naming the kommun itself as the only one with a value compares it with nothing.
			const others = figure.values.filter((v) => v.id !== kommun.id);
			if (others.length > 0) few.push({ ...figure, values: others, key, label });
			return;
		}
		refs.push({ ...figure, key, label });
	};
	const lan = kommun.lanId === undefined ? undefined : ds.area(kommun.lanId);
	const lanGroup: Group | undefined = ds.groupOf(kommun.id, 'lan');
	const kg = ds.groupOf(kommun.id, 'kommungrupp2023');
	const peers = ds.peersOf(kommun.id);
	if (peers) add('liknande', 'Liknande kommuner', undefined, peers.members);
	if (kg) add('kommungrupp', `Kommungrupp ${kg.code ?? ''} ${kg.name}`.replace(/\s+/g, ' '), undefined, kg.members);
	if (lan) add('lan', lan.name, lan, lanGroup?.members);
	add('riket', 'Riket', ds.area('0000'), kommunIds(ds));
	return { refs, few };
}
