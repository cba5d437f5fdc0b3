/**
 * Bar charts: one indicator for several areas, vertical for a handful of areas and horizontal for
 * lists, with value labels at the bar ends and dashed reference lines (Riket, group means).
 */
import type { ChartArea, ChartConfiguration, Plugin } from 'chart.js';
import { focusTickStyle, namedTicks, numberTicks, paddedRange, valueTickStyle, zeroGrid } from '../axes.js';
import { labelOnWhite, strokeLine, type DrawingContext } from '../canvas.js';
import { MISSING, formatNumber } from '../format.js';
import {
	commonOptions,
	layoutFor,
	layoutPadding,
	plotHeight,
	rowFontSize,
	type ChartSize,
	type Layout,
} from '../layout.js';
import { basePlugins, overDatasetsPlugin, rowBandsPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, PAD, cssFont, roleColor, roleTextColor } from '../style.js';
import { estimateTextWidth, widestLine, wrapText } from '../text.js';
import type { BarChartSpec, BarItem } from '../spec.js';

/** Chart.js configuration for a bar chart (bars, 100 % stacked shares, profiles). */
export type BarChartConfiguration = ChartConfiguration<'bar', (number | null)[], string>;

/** More vertical bars than this are drawn horizontally: their names and value labels would not fit side by side. */
export const MAX_VERTICAL_BARS = 12;

/** Whether the bars are drawn horizontally: when asked for, or when too many to stand side by side. */
export function isHorizontal(spec: BarChartSpec): boolean {
	return spec.orientation === 'horizontal' || spec.bars.length > MAX_VERTICAL_BARS;
}

/** A bar's value label and its note. */
function barValueText(spec: BarChartSpec, index: number): { readonly value: string; readonly note?: string } {
	const bar = spec.bars[index];
	if (!bar) return { value: '' };
	const value = bar.value === null ? MISSING : formatNumber(bar.value, spec.format);
	return bar.note ? { value, note: bar.note } : { value };
}

/** Font sizes of bar names and value labels: from the row height for lists, the column width otherwise. */
function barFontSizes(spec: BarChartSpec, horizontal: boolean, size: ChartSize, layout: Layout) {
	const plotWidth = size.width - PAD.left - PAD.right;
	if (horizontal) {
		const labelFont = rowFontSize(spec.bars.length, size, layout);
		return {
			plotWidth,
			categoryWidth: 0,
			tickFontSize: Math.min(FONT_SIZES.tick, Math.max(12, labelFont)),
			valueFontSize: Math.round(Math.min(FONT_SIZES.label, Math.max(12, labelFont))),
		};
	}
	const categoryWidth = (plotWidth - 80) / Math.max(1, spec.bars.length);
	return {
		plotWidth,
		categoryWidth,
		tickFontSize: Math.min(FONT_SIZES.tick, Math.max(11, categoryWidth / 6)),
		valueFontSize: Math.round(Math.min(FONT_SIZES.label, Math.max(10, categoryWidth / 6.5))),
	};
}

/** Width of the widest value label (with its note beside it in lists). */
function valueLabelWidth(spec: BarChartSpec, horizontal: boolean, fontSize: number): number {
	return Math.max(
		0,
		...spec.bars.map((_, i) => {
			const { value, note } = barValueText(spec, i);
			const width = estimateTextWidth(value, fontSize, true);
			return horizontal && note ? width + estimateTextWidth(` ${note}`, fontSize - 1) : width;
		}),
	);
}

/** What the layout of a bar chart works out before its configuration is built. */
function barLayout(spec: BarChartSpec, size: ChartSize) {
	const horizontal = isHorizontal(spec);
	const layout = layoutFor(spec, size);
	const bars = spec.bars;
	const refs = spec.referenceLines ?? [];
	const values = bars.flatMap((bar) => (bar.value === null ? [] : [bar.value]));
	const refTexts = refs.map((ref) => `${ref.label} ${formatNumber(ref.value, spec.format)}`);
	const { plotWidth, categoryWidth, tickFontSize, valueFontSize } = barFontSizes(spec, horizontal, size, layout);
	const tickLines = bars.map((bar) =>
		horizontal
			? wrapText(bar.label, size.width * 0.24, tickFontSize, bars.length > 16 ? 1 : 2, bar.role === 'focus')
			: wrapText(bar.label, categoryWidth - 6, tickFontSize, 2, bar.role === 'focus'),
	);
	const refLabelWidth = Math.max(0, ...refTexts.map((text) => estimateTextWidth(text, FONT_SIZES.label, true)));
	const plotLength = horizontal
		? plotWidth - widestLine(tickLines, tickFontSize) - 12
		: plotHeight(size, layout, 2 * tickFontSize * 1.2) - 12;
	const labelExtent = horizontal
		? valueLabelWidth(spec, horizontal, valueFontSize) + 12
		: valueFontSize * 1.3 * (bars.some((b) => b.note) ? 2 : 1) + 8;
	return {
		spec,
		horizontal,
		layout,
		refs,
		refTexts,
		values,
		tickFontSize,
		valueFontSize,
		tickLines,
		rightExtra: !horizontal && refs.length > 0 ? refLabelWidth + 10 : 0,
		range: paddedRange([...values, ...refs.map((ref) => ref.value)], labelExtent, plotLength),
	};
}

type BarLayout = ReturnType<typeof barLayout>;

/** A value label as the label plugin places it. */
interface PlacedValue {
	readonly bar: BarItem;
	readonly value: string;
	readonly note?: string | undefined;
	/** Pixel of the bar's middle across the bars. */
	readonly center: number;
	/** Pixel of the bar's end (zero for a missing value). */
	readonly end: number;
	readonly negative: boolean;
}

function valueColor(bar: BarItem): string {
	return bar.value === null ? COLORS.muted : roleTextColor(bar.role);
}

/** A value label beside the end of a horizontal bar, its note after it in italics. */
function drawRowValue(ctx: DrawingContext, label: PlacedValue, fontSize: number, refPixels: readonly number[]): void {
	const { value, note, negative, center } = label;
	ctx.textBaseline = 'middle';
	ctx.textAlign = negative ? 'right' : 'left';
	const x = negative ? label.end - 6 : label.end + 6;
	const width = ctx.measureText(value).width;
	const [from, to] = negative ? [x - width, x] : [x, x + width];
	if (refPixels.some((p) => p >= from - 4 && p <= to + 4)) {
		labelOnWhite(ctx, value, x, center, negative ? 'right' : 'left', fontSize);
		ctx.fillStyle = valueColor(label.bar);
	}
	ctx.fillText(value, x, center);
	if (note) {
		ctx.font = cssFont(fontSize - 1, false, true);
		ctx.fillStyle = COLORS.muted;
		ctx.fillText(` ${note}`, negative ? x - width : x + width, center);
	}
}

/** A value label above (below, when negative) a vertical bar, its note beyond it in italics. */
function drawColumnValue(
	ctx: DrawingContext,
	label: PlacedValue,
	fontSize: number,
	refPixels: readonly number[],
): void {
	const { value, note, negative, center } = label;
	const lineStep = fontSize * 1.3;
	ctx.textAlign = 'center';
	ctx.textBaseline = negative ? 'top' : 'bottom';
	const y = negative ? label.end + 5 : label.end - 5;
	const lines = note ? 2 : 1;
	const [from, to] = negative ? [y, y + lines * lineStep] : [y - lines * lineStep, y];
	if (refPixels.some((p) => p >= from - 3 && p <= to + 3)) {
		const middle = negative ? y + fontSize / 2 : y - fontSize / 2;
		labelOnWhite(ctx, value, center, middle, 'center', fontSize);
		if (note) labelOnWhite(ctx, note, center, negative ? middle + lineStep : middle - lineStep, 'center', fontSize);
		ctx.fillStyle = valueColor(label.bar);
	}
	ctx.fillText(value, center, y);
	if (note) {
		ctx.font = cssFont(fontSize - 1, false, true);
		ctx.fillStyle = COLORS.muted;
		ctx.fillText(note, center, negative ? y + lineStep : y - lineStep);
	}
}

/** Writes every value (or "—") at its bar end, on white where a reference line runs through it. */
function barLabelsPlugin(m: BarLayout): Plugin<'bar'> {
	return overDatasetsPlugin('ojBarLabels', (ctx, { x, y }) => {
		const indexScale = m.horizontal ? y : x;
		const valueScale = m.horizontal ? x : y;
		const zero = valueScale.getPixelForValue(0);
		const refPixels = m.refs.map((ref) => valueScale.getPixelForValue(ref.value));
		m.spec.bars.forEach((bar, i) => {
			const label: PlacedValue = {
				...barValueText(m.spec, i),
				bar,
				center: indexScale.getPixelForValue(i),
				end: bar.value === null ? zero : valueScale.getPixelForValue(bar.value),
				negative: bar.value !== null && bar.value < 0,
			};
			ctx.font = cssFont(m.valueFontSize, bar.role === 'focus');
			ctx.fillStyle = valueColor(bar);
			if (m.horizontal) drawRowValue(ctx, label, m.valueFontSize, refPixels);
			else drawColumnValue(ctx, label, m.valueFontSize, refPixels);
		});
	});
}

/** A reference label in the strip between header and plot, stacked by `index` when several. */
function drawTopReferenceLabel(ctx: DrawingContext, text: string, p: number, index: number, area: ChartArea): void {
	const width = ctx.measureText(text).width;
	const align = p + width + 6 > area.right ? 'right' : 'left';
	const x = align === 'left' ? p + 5 : p - 5;
	const y = area.top - 12 - index * (FONT_SIZES.label + 6);
	labelOnWhite(ctx, text, x, y, align, FONT_SIZES.label);
	ctx.fillStyle = COLORS.referenceDark;
	ctx.textAlign = align;
	ctx.textBaseline = 'middle';
	ctx.fillText(text, x, y);
}

/** Dashed reference lines across the plot, labelled above a list or right of vertical bars. */
function referenceLinesPlugin(m: BarLayout): Plugin<'bar'> {
	return overDatasetsPlugin('ojReferenceLines', (ctx, { x, y }, chart) => {
		const valueScale = m.horizontal ? x : y;
		const area = chart.chartArea;
		m.refs.forEach((ref, i) => {
			const p = valueScale.getPixelForValue(ref.value);
			const text = m.refTexts[i] ?? ref.label;
			ctx.strokeStyle = COLORS.referenceDark;
			ctx.lineWidth = 2.5;
			ctx.setLineDash([8, 5]);
			if (m.horizontal) strokeLine(ctx, p, area.top - 4, p, area.bottom);
			else strokeLine(ctx, area.left, p, area.right + 4, p);
			ctx.setLineDash([]);
			ctx.font = cssFont(FONT_SIZES.label, true);
			if (m.horizontal) {
				drawTopReferenceLabel(ctx, text, p, i, area);
				return;
			}
			ctx.fillStyle = COLORS.referenceDark;
			ctx.textAlign = 'left';
			ctx.textBaseline = 'middle';
			ctx.fillText(text, area.right + 8, p);
		});
	});
}

/** The axis along the bars: their names. */
function nameAxis(m: BarLayout) {
	return {
		type: 'category' as const,
		grid: { display: false },
		border: { display: !m.horizontal, color: COLORS.zeroLine },
		ticks: {
			autoSkip: false,
			maxRotation: 0,
			minRotation: 0,
			padding: 6,
			...focusTickStyle(
				m.spec.bars.map((bar) => bar.role),
				m.tickFontSize,
			),
			callback: namedTicks(m.tickLines),
		},
	};
}

/** The value axis, padded for the labels at the bar ends. */
function valueAxis(m: BarLayout) {
	return {
		type: 'linear' as const,
		display: m.values.length > 0 || m.refs.length > 0,
		min: m.range.min,
		max: m.range.max,
		grid: zeroGrid(1.5),
		border: { display: false },
		ticks: {
			...valueTickStyle(),
			maxTicksLimit: m.horizontal ? 7 : 8,
			// The range is padded for value labels; label only the round ticks inside it.
			includeBounds: false,
			callback: numberTicks(m.spec.format),
		},
	};
}

/** The Chart.js configuration of a bar chart. */
export function barConfig(spec: BarChartSpec, size: ChartSize): BarChartConfiguration {
	const m = barLayout(spec, size);
	const { horizontal, layout, refs } = m;
	const [indexAxis, valueAxisId] = horizontal ? (['y', 'x'] as const) : (['x', 'y'] as const);
	const common = commonOptions(layout, horizontal && refs.length > 0 ? refs.length * (FONT_SIZES.label + 6) + 4 : 0);
	return {
		type: 'bar',
		data: {
			labels: spec.bars.map((bar) => bar.label),
			datasets: [
				{
					label: spec.title,
					data: spec.bars.map((bar) => bar.value),
					backgroundColor: spec.bars.map((bar) => roleColor(bar.role)),
					borderWidth: 0,
					borderRadius: 2,
					barPercentage: horizontal ? 0.78 : 0.75,
					categoryPercentage: 0.92,
					maxBarThickness: horizontal ? 34 : 90,
				},
			],
		},
		options: {
			...common,
			indexAxis,
			layout: { padding: layoutPadding(layout, m.rightExtra) },
			plugins: { ...common.plugins, legend: { display: false } },
			scales: { [indexAxis]: nameAxis(m), [valueAxisId]: valueAxis(m) },
		},
		plugins: [
			...basePlugins<'bar'>(layout, m.values.length > 0),
			...(horizontal ? [rowBandsPlugin<'bar'>(spec.bars.map((bar) => bar.role))] : []),
			referenceLinesPlugin(m),
			barLabelsPlugin(m),
		],
	};
}
