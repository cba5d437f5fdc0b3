/**
 * Axis pieces shared by the chart kinds: value ranges with room for labels, tick steps, grid
 * colours and tick styles.
 */
import type { ScriptableScaleContext, Tick } from 'chart.js';
import { COLORS, FONT_SIZES, font, roleTextColor } from './style.js';
import { formatTick } from './format.js';
import type { ChartRole, NumberFormat } from './spec.js';

/** A value axis range. */
export interface ValueRange {
	readonly min: number;
	readonly max: number;
}

/** The distance between the first two ticks, which decides how many decimals a tick label needs. */
export function tickStep(ticks: readonly Tick[]): number | undefined {
	const first = ticks[0];
	const second = ticks[1];
	return first && second ? Math.abs(second.value - first.value) : undefined;
}

/** Grid line colour: darker at zero. */
export function gridColor(context: ScriptableScaleContext): string {
	return context.tick.value === 0 ? COLORS.zeroLine : COLORS.grid;
}

/** Axis range extended so value labels outside bar ends stay inside the plot. */
export function paddedRange(values: readonly number[], labelWidth: number, plotLength: number): ValueRange {
	const dataMin = Math.min(0, ...values);
	const dataMax = Math.max(0, ...values);
	const range = dataMax - dataMin || 1;
	const sides = (dataMin < 0 ? 1 : 0) + (dataMax > 0 ? 1 : 0) || 1;
	const room = Math.min(0.45, labelWidth / Math.max(1, plotLength - sides * labelWidth));
	return {
		min: dataMin < 0 ? dataMin - range * room : 0,
		max: dataMax > 0 || dataMin === 0 ? dataMax + range * room : 0,
	};
}

/** Tick colour and font of row or column names: the focus one in bold blue. */
export function focusTickStyle(roles: readonly (ChartRole | undefined)[], fontSize: number) {
	return {
		color: (context: ScriptableScaleContext) => roleTextColor(roles[context.index]),
		font: (context: ScriptableScaleContext) => font(fontSize, roles[context.index] === 'focus'),
	};
}

/** Tick colour and font of a value axis: muted and a pixel smaller than labels. */
export function valueTickStyle() {
	return { color: COLORS.muted, font: font(FONT_SIZES.label - 1) };
}

/** A tick callback that writes the (wrapped) name of the row or column at the tick's index. */
export function namedTicks(lines: readonly string[][]) {
	return (_value: number | string, index: number) => lines[index] ?? '';
}

/** Grid and border settings of an axis that draws neither. */
export function bareAxis() {
	return { grid: { display: false }, border: { display: false } };
}

/** Grid lines of a value axis, the zero line darker and `zeroWidth` wide. */
export function zeroGrid(zeroWidth: number) {
	return {
		color: gridColor,
		lineWidth: (context: ScriptableScaleContext) => (context.tick.value === 0 ? zeroWidth : 1),
	};
}

/** A tick callback that writes values in Swedish with as many decimals as the tick step needs. */
export function numberTicks(format: NumberFormat) {
	return (value: number | string, _index: number, ticks: Tick[]) => formatTick(Number(value), format, tickStep(ticks));
}
