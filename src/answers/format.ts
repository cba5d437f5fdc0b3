/**
 * Text formatting of indicator values with Swedish number rules (decimal comma, no-break spaces,
 * U+2212 minus), shared by all answers. Built on the chart layer's formatters so text and charts
 * always agree.
 */
import { formatDecimal, formatPercent, MISSING, NBSP } from '../charts/format.js';
import type { NumberFormat } from '../charts/spec.js';
import type { Indicator, ScaleStep } from '../dataset/schema.js';

/** Decimals shown for an indicator's values. */
export function decimalsFor(indicator: Pick<Indicator, 'kind'>): number {
	switch (indicator.kind) {
		case 'percent':
		case 'days':
		case 'index':
		case 'rate':
			return 1;
		default:
			return 0;
	}
}

/** The chart number format for an indicator. */
export function numberFormatFor(indicator: Pick<Indicator, 'kind'>): NumberFormat {
	const style =
		indicator.kind === 'percent' || indicator.kind === 'yesno' || indicator.kind === 'ordinal'
			? 'percent'
			: indicator.kind === 'kronor'
				? 'kronor'
				: indicator.kind === 'count'
					? 'count'
					: indicator.kind === 'index'
						? 'index'
						: 'number';
	return { style, decimals: decimalsFor(indicator) };
}

/** A numeric value with its unit: "4,2 %", "1 234 kr/inv", "12,5 dagar", "3 604". */
export function formatValue(
	indicator: Pick<Indicator, 'kind' | 'unit'>,
	value: number | null | undefined,
	options: { signed?: boolean } = {},
): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
	const decimals = decimalsFor(indicator);
	switch (indicator.kind) {
		case 'percent':
			return formatPercent(value, decimals, options);
		case 'kronor':
		case 'days':
		case 'rate':
			return `${formatDecimal(value, decimals, options)}${NBSP}${indicator.unit}`;
		default:
			return formatDecimal(value, decimals, options);
	}
}

/** A difference in the indicator's unit; percent differences are "procentenheter". */
export function formatDifference(
	indicator: Pick<Indicator, 'kind' | 'unit'>,
	diff: number,
	locale: 'sv' | 'en',
): string {
	if (indicator.kind === 'percent') {
		return `${formatDecimal(diff, decimalsFor(indicator), { signed: true })}${NBSP}${locale === 'en' ? 'pp' : 'procentenheter'}`;
	}
	return formatValue(indicator, diff, { signed: true });
}

/** A share of kommuner, e.g. "62 %". */
export function formatShare(value: number | null | undefined): string {
	return formatPercent(value, 0);
}

/** The label of a survey answer code, or the code itself when the scale lacks it. */
export function answerLabel(scale: readonly ScaleStep[] | undefined, code: number | null): string {
	if (code === null) return MISSING;
	return scale?.find((step) => step.code === code)?.label ?? String(code);
}

/** A year list written compactly: "2010–2014, 2016, 2018–2024". */
export function formatYears(years: readonly number[]): string {
	if (years.length === 0) return MISSING;
	const parts: string[] = [];
	let start = years[0] as number;
	let prev = start;
	for (const year of [...years.slice(1), Number.NaN]) {
		if (year === prev + 1) {
			prev = year;
			continue;
		}
		parts.push(start === prev ? String(start) : `${start}–${prev}`);
		start = year;
		prev = year;
	}
	return parts.join(', ');
}
