/**
 * Classes and colours of a choropleth map, as pure functions: quantile class limits rounded to
 * the decimals shown, the class of a value, and palettes that read on white and for colour-blind
 * people (ColorBrewer schemes marked colour-blind safe, and the Okabe–Ito colours the other charts
 * use for survey answers).
 */
import type { MapScheme } from './spec.js';

/** Number of classes a numeric map asks for. */
export const MAP_CLASSES = 5;

/** ColorBrewer RdYlBu, 5 classes, red → blue (colour-blind safe). */
const DIVERGING = ['#D7191C', '#FDAE61', '#FFFFBF', '#ABD9E9', '#2C7BB6'] as const;
/** ColorBrewer YlGnBu, 6 classes without the palest, light → dark (colour-blind safe). */
const SEQUENTIAL = ['#C7E9B4', '#7FCDBB', '#41B6C4', '#2C7FB8', '#253494'] as const;
/** Okabe–Ito colours for answers, best first: the same as on the other survey charts. */
const ANSWERS: Readonly<Record<number, readonly string[]>> = {
	1: ['#009E73'],
	2: ['#009E73', '#D55E00'],
	3: ['#009E73', '#E69F00', '#D55E00'],
	4: ['#009E73', '#F0E442', '#E69F00', '#D55E00'],
};
/** Okabe–Ito colours without an order, for answers no one has called better or worse. */
const ANSWERS_NEUTRAL = ['#0072B2', '#E69F00', '#56B4E9', '#CC79A7', '#F0E442', '#4D4D4D'] as const;

/** Fill of kommuner without a value (drawn with a hatch as a second cue). */
export const MISSING_FILL = '#E4E4E4';
/** Hatch lines and outline of kommuner without a value. */
export const MISSING_HATCH = '#8C8C8C';

/** `count` colours spread evenly over a 5-colour ramp, keeping both ends. */
function spread(ramp: readonly string[], count: number): string[] {
	if (count <= 1) return [ramp[Math.floor(ramp.length / 2)] ?? ramp[0] ?? '#000000'];
	return Array.from({ length: count }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (count - 1))] ?? '#000000');
}

/**
 * The fill of each class, in class order (numeric classes from the lowest values up; answers in
 * the indicator's scale order, best first).
 *
 * @param count number of classes (1–5 for numeric schemes)
 */
export function mapColors(scheme: MapScheme, count: number): string[] {
	switch (scheme) {
		case 'higher-better':
			return spread(DIVERGING, count);
		case 'lower-better':
			return spread([...DIVERGING].reverse(), count);
		case 'neutral':
			return spread(SEQUENTIAL, count);
		case 'answers':
			return [...(ANSWERS[count] ?? ANSWERS_NEUTRAL.slice(0, count))];
		case 'answers-neutral':
			return ANSWERS_NEUTRAL.slice(0, count);
	}
}

/** Value at quantile `p` (0–1) of sorted values, linearly interpolated (R type 7, as d3 and Excel). */
function quantileOf(sorted: readonly number[], p: number): number {
	const position = (sorted.length - 1) * p;
	const below = Math.floor(position);
	const low = sorted[below] ?? 0;
	const high = sorted[Math.min(sorted.length - 1, below + 1)] ?? low;
	return low + (high - low) * (position - below);
}

function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

/**
 * Inner class limits by quantiles: for 5 classes the 20th, 40th, 60th and 80th percentiles of
 * `values`, rounded to `decimals` so the legend shows the limits the classes really use. Equal
 * limits (many equal values, or few values) merge, so fewer classes come back rather than empty
 * ones; limits equal to the minimum are dropped for the same reason.
 *
 * Class i holds the values above limit i−1 up to and including limit i.
 */
export function quantileLimits(values: readonly number[], classes = MAP_CLASSES, decimals = 0): number[] {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return [];
	const min = sorted[0] ?? 0;
	const max = sorted.at(-1) ?? 0;
	const limits: number[] = [];
	for (let i = 1; i < classes; i++) {
		const limit = round(quantileOf(sorted, i / classes), decimals);
		if (limit >= min && limit < max && limit !== limits.at(-1)) limits.push(limit);
	}
	return limits;
}

/** The class of a value: the number of limits below it (values equal to a limit go in the lower class). */
export function classOf(value: number, limits: readonly number[]): number {
	let index = 0;
	while (index < limits.length && value > (limits[index] ?? Number.POSITIVE_INFINITY)) index++;
	return index;
}

/** One class of a numeric map: the range its legend shows. */
export interface ClassRange {
	/** Smallest value in the class. */
	readonly from: number;
	/** Largest value in the class. */
	readonly to: number;
	/** Kommuner in the class. */
	readonly count: number;
}

/** Numeric classes: the inner limits and each class's range, in class order. */
export interface Classes {
	readonly limits: readonly number[];
	readonly ranges: readonly ClassRange[];
}

function rangesOf(values: readonly number[], limits: readonly number[]): { from: number; to: number; count: number }[] {
	const ranges = Array.from({ length: limits.length + 1 }, () => ({
		from: Number.POSITIVE_INFINITY,
		to: Number.NEGATIVE_INFINITY,
		count: 0,
	}));
	for (const value of values) {
		const range = ranges[classOf(value, limits)];
		if (!range) continue;
		range.from = Math.min(range.from, value);
		range.to = Math.max(range.to, value);
		range.count++;
	}
	return ranges;
}

/**
 * Quantile classes of `values` (see {@link quantileLimits}) without empty classes: a limit with no
 * value between it and the next is dropped. Each range runs from the smallest to the largest value
 * in the class, so a legend never names a value no kommun has.
 */
export function quantileClasses(values: readonly number[], classes = MAP_CLASSES, decimals = 0): Classes {
	const finite = values.filter(Number.isFinite);
	if (finite.length === 0) return { limits: [], ranges: [] };
	const limits = quantileLimits(finite, classes, decimals);
	for (;;) {
		const ranges = rangesOf(finite, limits);
		const empty = ranges.findIndex((r) => r.count === 0);
		if (empty < 0) return { limits, ranges };
		limits.splice(Math.max(0, empty - 1), 1);
	}
}
