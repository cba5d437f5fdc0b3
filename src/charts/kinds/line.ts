/**
 * Line charts: a trend over years for one or more areas, with the series named at their line ends
 * and a note on the image when the value axis does not start at zero.
 */
import type { ChartArea, ChartConfiguration, LegendItem, Plugin, Scale } from 'chart.js';
import { gridColor, numberTicks, tickStep, valueTickStyle } from '../axes.js';
import { drawingContext, strokeLine, type DrawingContext } from '../canvas.js';
import { formatNumber, formatTick } from '../format.js';
import { commonOptions, layoutFor, layoutPadding, topLegend, type ChartSize } from '../layout.js';
import { basePlugins, overDatasetsPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, cssFont, font, roleTextColor } from '../style.js';
import { estimateTextWidth, wrapText } from '../text.js';
import type { LineChartSpec, LineSeries, NumberFormat } from '../spec.js';

/** Chart.js configuration for a trend line chart. */
export type LineChartConfiguration = ChartConfiguration<'line', (number | null)[], string>;

/** Distinct colours for context series in line charts (Okabe–Ito without the focus blue and reference orange). */
const SERIES_COLORS = ['#CC79A7', '#009E73', '#56B4E9', '#D55E00', '#4D4D4D', '#B8A200'] as const;
/** Point shapes used here (Chart.js's own `PointStyle` also admits images, typed through DOM). */
type PointShape = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'star';
const SERIES_POINT_STYLES: readonly PointShape[] = ['rect', 'triangle', 'rectRot', 'crossRot', 'star', 'circle'];

/** Up to this many context series get their own colour and end label; more become grey background lines. */
const MAX_DISTINCT_SERIES = 5;

interface SeriesStyle {
	readonly color: string;
	readonly width: number;
	readonly dash: number[];
	readonly pointStyle: PointShape;
	readonly pointRadius: number;
	readonly order: number;
	readonly labelled: boolean;
}

/** The asked-about area: a thick blue line on top. */
function focusStyle(): SeriesStyle {
	return { color: COLORS.focus, width: 4, dash: [], pointStyle: 'circle', pointRadius: 4.5, order: 0, labelled: true };
}

/** A benchmark: a dashed orange line. */
function referenceStyle(): SeriesStyle {
	return {
		color: COLORS.reference,
		width: 3,
		dash: [9, 5],
		pointStyle: 'circle',
		pointRadius: 3.5,
		order: 1,
		labelled: true,
	};
}

/** One of many context series: a thin grey line without a label. */
function backgroundStyle(): SeriesStyle {
	return { color: COLORS.other, width: 1.5, dash: [], pointStyle: 'circle', pointRadius: 2, order: 3, labelled: false };
}

/** The `index`th of a few context series: its own colour and point shape. */
function contextStyle(index: number): SeriesStyle {
	return {
		color: SERIES_COLORS[index % SERIES_COLORS.length] ?? COLORS.other,
		width: 2.5,
		dash: [],
		pointStyle: SERIES_POINT_STYLES[index % SERIES_POINT_STYLES.length] ?? 'circle',
		pointRadius: 4,
		order: 2,
		labelled: true,
	};
}

function seriesStyles(spec: LineChartSpec): SeriesStyle[] {
	const crowded = spec.series.filter((s) => s.role === 'other').length > MAX_DISTINCT_SERIES;
	let otherIndex = 0;
	return spec.series.map((series): SeriesStyle => {
		if (series.role === 'focus') return focusStyle();
		if (series.role === 'reference') return referenceStyle();
		return crowded ? backgroundStyle() : contextStyle(otherIndex++);
	});
}

function lastValue(values: readonly (number | null)[]): { readonly index: number; readonly value: number } | undefined {
	for (let i = values.length - 1; i >= 0; i--) {
		const value = values[i];
		if (value !== null && value !== undefined) return { index: i, value };
	}
	return undefined;
}

/** The name and last value written at the end of a line. */
interface EndLabel {
	readonly name: string;
	/** "1,4 %", with the year when it is not the chart's last: "0,8 % (2022)". */
	readonly value: string;
	readonly last: { readonly index: number; readonly value: number };
}

function endLabels(spec: LineChartSpec, styles: readonly SeriesStyle[]): (EndLabel | undefined)[] {
	const lastYear = spec.years[spec.years.length - 1];
	return spec.series.map((series, i) => {
		const last = lastValue(series.values);
		if (!styles[i]?.labelled || !last) return undefined;
		const year = spec.years[last.index];
		const suffix = year !== undefined && year !== lastYear ? ` (${year})` : '';
		return {
			name: wrapText(series.label, 170, FONT_SIZES.label, 1, series.role === 'focus')[0] ?? series.label,
			value: `${formatNumber(last.value, spec.format)}${suffix}`,
			last,
		};
	});
}

function endLabelWidth(labels: readonly (EndLabel | undefined)[]): number {
	const width = (label: EndLabel): number =>
		Math.max(
			estimateTextWidth(label.name, FONT_SIZES.label, true),
			estimateTextWidth(label.value, FONT_SIZES.label, true),
		) + 30;
	return Math.max(0, ...labels.map((label) => (label ? width(label) : 0)));
}

const END_LINE_HEIGHT = FONT_SIZES.label * 1.25;
const END_BLOCK_HEIGHT = END_LINE_HEIGHT * 2 + 4;

/** End labels at their last values, pushed apart where they overlap and back up if they leave the plot. */
function placeEndLabels(labels: readonly (EndLabel | undefined)[], y: Scale, area: ChartArea) {
	const placed = labels
		.map((label, i) => (label ? { label, i, y: y.getPixelForValue(label.last.value) } : undefined))
		.filter((entry) => entry !== undefined)
		.sort((a, b) => a.y - b.y);
	for (let k = 1; k < placed.length; k++) {
		const prev = placed[k - 1];
		const cur = placed[k];
		if (prev && cur && cur.y - prev.y < END_BLOCK_HEIGHT) cur.y = prev.y + END_BLOCK_HEIGHT;
	}
	const overflow = (placed[placed.length - 1]?.y ?? 0) + END_BLOCK_HEIGHT / 2 - (area.bottom + 10);
	if (overflow > 0) for (const entry of placed) entry.y -= overflow;
	return placed;
}

/** A line sample in the series' style, its name and its last value, right of the plot. */
function drawEndLabel(
	ctx: DrawingContext,
	label: EndLabel,
	series: LineSeries,
	style: SeriesStyle,
	left: number,
	y: number,
): void {
	const top = y - END_LINE_HEIGHT / 2;
	ctx.strokeStyle = style.color;
	ctx.lineWidth = Math.max(2.5, style.width);
	ctx.setLineDash(style.dash.map((d) => d / 2));
	strokeLine(ctx, left, top, left + 16, top);
	ctx.setLineDash([]);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	ctx.font = cssFont(FONT_SIZES.label, series.role === 'focus');
	ctx.fillStyle = roleTextColor(series.role);
	ctx.fillText(label.name, left + 22, top);
	ctx.font = cssFont(FONT_SIZES.label, true);
	ctx.fillStyle = roleTextColor(series.role);
	ctx.fillText(label.value, left + 22, y + END_LINE_HEIGHT / 2);
}

function endLabelPlugin(
	spec: LineChartSpec,
	styles: readonly SeriesStyle[],
	labels: readonly (EndLabel | undefined)[],
): Plugin<'line'> {
	return overDatasetsPlugin('ojLineEndLabels', (ctx, { y }, chart) => {
		const area = chart.chartArea;
		for (const { label, i, y: labelY } of placeEndLabels(labels, y, area)) {
			const style = styles[i];
			const series = spec.series[i];
			if (style && series) drawEndLabel(ctx, label, series, style, area.right + 10, labelY);
		}
	});
}

/**
 * Whether a line chart's value axis starts at zero. Shares always do, unless their values span
 * less than a fifth of the axis from zero – then a change would not be seen at all; other
 * figures start at zero when that does not flatten the trend. Negative values never do.
 */
export function lineStartsAtZero(format: NumberFormat, min: number, max: number): boolean {
	if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0) return false;
	if (format.style === 'percent') return max - min >= max / 5;
	return min <= max * 0.5;
}

/** Says on the image where a value axis starts when it does not start at zero ("Axeln börjar vid 72 %"). */
function axisStartPlugin(format: NumberFormat): Plugin<'line'> {
	return {
		id: 'ojAxisStart',
		afterDraw(chart) {
			const y = chart.scales.y;
			if (!y || !(y.min > 0)) return;
			const text = `Obs: axeln börjar vid ${formatTick(y.min, format, tickStep(y.ticks))}, inte vid 0`;
			const ctx = drawingContext(chart);
			ctx.save();
			ctx.font = cssFont(FONT_SIZES.label - 1, true);
			ctx.fillStyle = COLORS.text;
			ctx.textAlign = 'left';
			ctx.textBaseline = 'bottom';
			ctx.fillText(text, chart.chartArea.left, chart.chartArea.top - 4);
			ctx.restore();
		},
	};
}

function lineDatasets(spec: LineChartSpec, styles: readonly SeriesStyle[]) {
	return spec.series.map((series, i) => {
		const style = styles[i];
		return {
			label: series.label,
			data: [...series.values],
			borderColor: style?.color ?? COLORS.other,
			backgroundColor: style?.color ?? COLORS.other,
			pointBackgroundColor: style?.color ?? COLORS.other,
			pointBorderColor: '#FFFFFF',
			pointBorderWidth: 1,
			borderWidth: style?.width ?? 2,
			borderDash: style?.dash ?? [],
			pointStyle: style?.pointStyle ?? 'circle',
			pointRadius: style?.pointRadius ?? 3,
			order: style?.order ?? 2,
			spanGaps: false,
			tension: 0,
			fill: false,
		};
	});
}

/** End labels name every series; the legend is only shown to explain the unlabelled context lines. */
function lineLegend(spec: LineChartSpec, styles: readonly SeriesStyle[]) {
	const legendItem = (series: LineSeries, i: number): LegendItem => {
		const style = styles[i];
		return {
			text: (style?.labelled ?? true) ? series.label : 'Övriga',
			datasetIndex: i,
			fillStyle: style?.color ?? COLORS.other,
			strokeStyle: style?.color ?? COLORS.other,
			lineWidth: Math.max(2, style?.width ?? 2),
			lineDash: style?.dash ?? [],
			pointStyle: 'line',
			fontColor: COLORS.text,
			hidden: false,
		};
	};
	return topLegend(
		styles.some((style) => !style.labelled),
		{
			usePointStyle: true,
			filter: (item: LegendItem) => {
				const i = item.datasetIndex ?? -1;
				return (styles[i]?.labelled ?? false) || i === styles.findIndex((s) => !s.labelled);
			},
			pointStyleWidth: 34,
			generateLabels: (): LegendItem[] => spec.series.map(legendItem),
		},
	);
}

function lineScales(spec: LineChartSpec, beginAtZero: boolean) {
	return {
		x: {
			type: 'category' as const,
			grid: { display: false },
			border: { color: COLORS.zeroLine },
			ticks: { color: COLORS.text, font: font(FONT_SIZES.tick), maxRotation: 0, autoSkip: true, autoSkipPadding: 6 },
		},
		y: {
			type: 'linear' as const,
			beginAtZero,
			grace: '5%',
			grid: { color: gridColor },
			border: { display: false },
			ticks: { ...valueTickStyle(), maxTicksLimit: 7, callback: numberTicks(spec.format) },
		},
	};
}

/**
 * The Chart.js configuration of a line chart.
 *
 * @throws RangeError when a series does not have one value per year.
 */
export function lineConfig(spec: LineChartSpec, size: ChartSize): LineChartConfiguration {
	for (const series of spec.series) {
		if (series.values.length !== spec.years.length) {
			throw new RangeError(
				`Series "${series.label}" has ${series.values.length} values but the chart has ${spec.years.length} years.`,
			);
		}
	}
	const layout = layoutFor(spec, size);
	const styles = seriesStyles(spec);
	const labels = endLabels(spec, styles);
	const values = spec.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
	const common = commonOptions(layout);
	return {
		type: 'line',
		data: { labels: spec.years.map(String), datasets: lineDatasets(spec, styles) },
		options: {
			...common,
			layout: { padding: layoutPadding(layout, endLabelWidth(labels)) },
			plugins: { ...common.plugins, legend: lineLegend(spec, styles) },
			scales: lineScales(spec, lineStartsAtZero(spec.format, Math.min(...values), Math.max(...values))),
		},
		plugins: [
			...basePlugins<'line'>(layout, values.length > 0),
			endLabelPlugin(spec, styles, labels),
			axisStartPlugin(spec.format),
		],
	};
}
