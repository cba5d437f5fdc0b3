/**
 * Survey answers per group as 100 % stacked bars: one bar per group with the share of kommuner per
 * answer, best answer first, and n beside each group's name.
 */
import type { Plugin } from 'chart.js';
import { bareAxis, focusTickStyle, namedTicks, valueTickStyle } from '../axes.js';
import { formatPercent } from '../format.js';
import { boxLegendLabels, commonOptions, layoutFor, layoutPadding, topLegend, type ChartSize } from '../layout.js';
import { basePlugins, overDatasetsPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, MISSING_ANSWER_LABEL, cssFont, rankColors, textOn } from '../style.js';
import { wrapText } from '../text.js';
import type { CategoricalSharesSpec } from '../spec.js';
import type { BarChartConfiguration } from './bar.js';

/** One answer's part of every group's bar. */
interface Segment {
	readonly label: string;
	readonly color: string;
	/** Kommuner per group that gave the answer. */
	readonly counts: readonly number[];
}

/** Segments best answer first, with one for kommuner without an answer when any group has some. */
function shareSegments(spec: CategoricalSharesSpec): Segment[] {
	const order = spec.categories
		.map((category, index) => ({ category, index }))
		.sort((a, b) => a.category.rank - b.category.rank);
	const colors = rankColors(order.length);
	const missingCounts = spec.groups.map((group) =>
		Math.max(0, group.missing ?? group.n - group.counts.reduce((sum, count) => sum + count, 0)),
	);
	const hasMissing = missingCounts.some((count) => count > 0);
	return [
		...order.map(({ category, index }, i) => ({
			label: category.label,
			color: colors[i] ?? COLORS.neutral,
			counts: spec.groups.map((group) => group.counts[index] ?? 0),
		})),
		...(hasMissing ? [{ label: MISSING_ANSWER_LABEL, color: COLORS.missing, counts: missingCounts }] : []),
	];
}

/** `count` of `n` in percent; null for an empty group. */
function share(count: number, n: number): number | null {
	return n > 0 ? (count / n) * 100 : null;
}

/** Writes each segment's percentage inside it where it fits, dark or white by the segment colour. */
function segmentLabelsPlugin(spec: CategoricalSharesSpec, segments: readonly Segment[]): Plugin<'bar'> {
	return overDatasetsPlugin('ojShareLabels', (ctx, { x, y }) => {
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.font = cssFont(FONT_SIZES.label, true);
		spec.groups.forEach((group, g) => {
			let start = 0;
			for (const segment of segments) {
				const value = share(segment.counts[g] ?? 0, group.n) ?? 0;
				const from = x.getPixelForValue(start);
				const to = x.getPixelForValue(start + value);
				start += value;
				const text = formatPercent(value, 0);
				if (value <= 0 || to - from < ctx.measureText(text).width + 10) continue;
				ctx.fillStyle = textOn(segment.color);
				ctx.fillText(text, (from + to) / 2, y.getPixelForValue(g));
			}
		});
	});
}

function shareScales(spec: CategoricalSharesSpec, size: ChartSize) {
	const tickLines = spec.groups.map((group) => [
		...wrapText(group.label, size.width * 0.26, FONT_SIZES.tick, 2, group.role === 'focus'),
		`n = ${group.n}`,
	]);
	return {
		x: {
			type: 'linear' as const,
			stacked: true,
			min: 0,
			max: 100,
			grid: { color: COLORS.grid },
			border: { display: false },
			ticks: {
				...valueTickStyle(),
				stepSize: 25,
				callback: (value: number | string) => formatPercent(Number(value), 0),
			},
		},
		y: {
			type: 'category' as const,
			stacked: true,
			...bareAxis(),
			ticks: {
				autoSkip: false,
				...focusTickStyle(
					spec.groups.map((group) => group.role ?? 'other'),
					FONT_SIZES.tick,
				),
				callback: namedTicks(tickLines),
			},
		},
	};
}

/** The Chart.js configuration of the shares-per-group chart. */
export function categoricalSharesConfig(spec: CategoricalSharesSpec, size: ChartSize): BarChartConfiguration {
	const layout = layoutFor(spec, size);
	const segments = shareSegments(spec);
	const common = commonOptions(layout);
	return {
		type: 'bar',
		data: {
			labels: spec.groups.map((group) => group.label),
			datasets: segments.map((segment) => ({
				label: segment.label,
				data: spec.groups.map((group, g) => share(segment.counts[g] ?? 0, group.n)),
				backgroundColor: segment.color,
				borderColor: '#FFFFFF',
				borderWidth: { left: 0, right: 1, top: 0, bottom: 0 },
				barPercentage: 0.8,
				categoryPercentage: 0.9,
				maxBarThickness: 60,
			})),
		},
		options: {
			...common,
			indexAxis: 'y',
			layout: { padding: layoutPadding(layout) },
			plugins: { ...common.plugins, legend: topLegend(true, boxLegendLabels()) },
			scales: shareScales(spec, size),
		},
		plugins: [...basePlugins<'bar'>(layout, spec.groups.length > 0), segmentLabelsPlugin(spec, segments)],
	};
}
