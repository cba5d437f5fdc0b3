/**
 * Text formatting of indicator values with Swedish number rules (decimal comma, no-break spaces,
 * U+2212 minus), shared by all answers. Built on the chart layer's formatters so text and charts
 * always agree.
 */
import { formatDecimal, formatNumber, formatPercent, MISSING, NBSP } from '../charts/format.js';
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

/**
 * The unit written after a number of this indicator: its own unit ("tkr", "kr/inv", "dagar",
 * "per 100 000 inv", "%"), or nothing for counts and indices, whose unit is said in the title.
 */
export function writtenUnit(indicator: Pick<Indicator, 'kind' | 'unit'>): string {
	switch (indicator.kind) {
		case 'percent':
		case 'yesno':
		case 'ordinal':
			return '%';
		case 'kronor':
		case 'days':
		case 'rate':
			return indicator.unit;
		case 'count':
		case 'index':
			return '';
	}
}

/**
 * The number format of an indicator – the one rule for text, chart labels, axes and CSV headers:
 * the indicator's unit decides how each of its numbers is written.
 */
export function numberFormatFor(indicator: Pick<Indicator, 'kind' | 'unit'>): NumberFormat {
	const unit = writtenUnit(indicator);
	const decimals = decimalsFor(indicator);
	if (unit === '%') return { style: 'percent', decimals };
	if (unit !== '') return { style: 'unit', decimals, unit };
	return { style: indicator.kind === 'count' ? 'count' : 'index', decimals };
}

/** A numeric value with its unit: "4,2 %", "1 234 kr/inv", "80 101 tkr", "12,5 dagar", "3 604". */
export function formatValue(
	indicator: Pick<Indicator, 'kind' | 'unit'>,
	value: number | null | undefined,
	options: { signed?: boolean } = {},
): string {
	return formatNumber(value, numberFormatFor(indicator), options);
}

/** A CSV column header naming the unit of the values below it: "värde (tkr)", "värde (antal)". */
export function valueHeader(indicator: Pick<Indicator, 'kind' | 'unit'>, name = 'värde'): string {
	const unit = indicator.unit === '' ? writtenUnit(indicator) : indicator.unit;
	return unit === '' ? name : `${name} (${unit})`;
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
