/**
 * Swedish number formatting for charts and answer text.
 *
 * Built on `Intl.NumberFormat('sv-SE')`: decimal comma, thousands grouped with a no-break space
 * (U+00A0), minus sign U+2212 and a no-break space before "%" and "kr" so a value never wraps
 * across lines. Missing values are written as an em dash.
 */
import type { NumberFormat } from './spec.js';

/** No-break space (U+00A0): groups thousands and separates a number from its unit. */
export const NBSP = '\u00A0';

/** Minus sign (U+2212), the typographic minus Swedish style uses instead of a hyphen. */
export const MINUS = '\u2212';

/** Written for a missing value. */
export const MISSING = '—';

/** Options shared by the formatters. */
export interface FormatOptions {
	/** Always show the sign: "+12" and "−8" (zero stays "0"). */
	readonly signed?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(decimals: number, signed: boolean): Intl.NumberFormat {
	const key = `${decimals}:${signed ? 's' : ''}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat('sv-SE', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			// "negative" and "exceptZero" keep a value that rounds to zero from showing as "−0".
			signDisplay: signed ? 'exceptZero' : 'negative',
		});
		formatters.set(key, formatter);
	}
	return formatter;
}

function clampDecimals(decimals: number): number {
	return Number.isFinite(decimals) ? Math.min(20, Math.max(0, Math.round(decimals))) : 0;
}

function isPresent(value: number | null | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A plain number with Swedish separators, e.g. `formatDecimal(-1234.5, 1)` → "−1 234,5".
 * Returns {@link MISSING} for `null`, `undefined`, `NaN` and infinities.
 */
export function formatDecimal(value: number | null | undefined, decimals = 0, options: FormatOptions = {}): string {
	if (!isPresent(value)) return MISSING;
	const text = numberFormat(clampDecimals(decimals), options.signed ?? false).format(value);
	// Guard against ICU builds that use U+202F or an ASCII hyphen instead of the CLDR sv characters.
	return text.replace(/[\u202F ]/g, NBSP).replace(/-/g, MINUS);
}

/** A percent value given as 0–100, e.g. `formatPercent(62)` → "62 %" (no-break space before %). */
export function formatPercent(value: number | null | undefined, decimals = 0, options: FormatOptions = {}): string {
	if (!isPresent(value)) return MISSING;
	return `${formatDecimal(value, decimals, options)}${NBSP}%`;
}

/**
 * A number followed by its unit, e.g. `formatWithUnit(80101, 'tkr')` → "80 101 tkr". Every unit
 * an indicator has is written this way except "%" (see {@link formatPercent}); the unit is never
 * replaced by another one, so thousands of kronor are never drawn as kronor.
 */
export function formatWithUnit(
	value: number | null | undefined,
	unit: string,
	decimals = 0,
	options: FormatOptions = {},
): string {
	if (!isPresent(value)) return MISSING;
	if (unit === '%') return formatPercent(value, decimals, options);
	const number = formatDecimal(value, decimals, options);
	return unit === '' ? number : `${number}${NBSP}${unit}`;
}

/** A count of people or households, e.g. `formatCount(1234)` → "1 234". */
export function formatCount(value: number | null | undefined, decimals = 0, options: FormatOptions = {}): string {
	return formatDecimal(value, decimals, options);
}

/**
 * A relative difference in percent with its sign, e.g. `formatDiffPercent(12)` → "+12 %" and
 * `formatDiffPercent(-8.4)` → "−8 %".
 */
export function formatDiffPercent(value: number | null | undefined, decimals = 0): string {
	return formatPercent(value, decimals, { signed: true });
}

/** Formats a value by its indicator's {@link NumberFormat}; the one entry point for charts and text. */
export function formatNumber(
	value: number | null | undefined,
	format: NumberFormat,
	options: FormatOptions = {},
): string {
	switch (format.style) {
		case 'percent':
			return formatPercent(value, format.decimals, options);
		case 'unit':
			return formatWithUnit(value, format.unit ?? '', format.decimals, options);
		case 'count':
			return formatCount(value, format.decimals, options);
		case 'number':
		case 'index':
			return formatDecimal(value, format.decimals, options);
	}
}

/** Decimals needed to write `step` exactly (0.25 → 2, 5 → 0), at most 4. */
export function decimalsForStep(step: number): number {
	if (!Number.isFinite(step) || step <= 0) return 0;
	for (let decimals = 0; decimals < 4; decimals++) {
		const scaled = step * 10 ** decimals;
		if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return decimals;
	}
	return 4;
}

/**
 * An axis tick: the value in the indicator's style with as many decimals as the tick step needs,
 * so ticks 0, 2,5 and 5 are not all rounded to whole numbers.
 */
export function formatTick(value: number, format: NumberFormat, step?: number): string {
	const decimals = step === undefined ? format.decimals : decimalsForStep(step);
	return formatNumber(value, { ...format, decimals }, {});
}
