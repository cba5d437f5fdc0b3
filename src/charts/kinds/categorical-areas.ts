/**
 * Survey answers per area as a dot chart: one row per area, one column per answer ordered best to
 * worst (plus one for areas without an answer), the column headers doubling as the legend.
 */
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import { bareAxis, focusTickStyle } from '../axes.js';
import { drawingContext, strokeLine } from '../canvas.js';
import { commonOptions, layoutFor, layoutPadding, plotHeight, rowFontSize, type ChartSize } from '../layout.js';
import { basePlugins, rowBandsPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, MISSING_ANSWER_LABEL, PAD, font, rankColors } from '../style.js';
import { widestLine, wrapText } from '../text.js';
import type { AnswerCategory, CategoricalAreasSpec } from '../spec.js';

/** A point in the answers-per-area dot chart: column (answer) and row (area) indices. */
export interface GridPoint {
	readonly x: number;
	readonly y: number;
}
/** Chart.js configuration for the answers-per-area dot chart. */
export type ScatterChartConfiguration = ChartConfiguration<'scatter', GridPoint[], string>;

/** Width of an answer column in pixels. */
const COLUMN_WIDTH = 190;

/** An answer column: its header and dot colour. */
interface Column {
	readonly label: string;
	readonly color: string;
}

/** Answer columns best to worst, with a last column for missing answers when any area has none. */
function answerColumns(spec: CategoricalAreasSpec) {
	const categories = [...spec.categories].sort((a, b) => a.rank - b.rank);
	const colors = rankColors(categories.length);
	const hasMissing = spec.rows.some((row) => row.answer === null);
	const columns: Column[] = [
		...categories.map((category, i) => ({ label: category.label, color: colors[i] ?? COLORS.neutral })),
		...(hasMissing ? [{ label: MISSING_ANSWER_LABEL, color: COLORS.missing }] : []),
	];
	const columnOf = (answer: AnswerCategory | null): number => {
		if (answer === null) return categories.length;
		const index = categories.findIndex((category) => category.label === answer.label);
		return index >= 0 ? index : categories.findIndex((category) => category.rank === answer.rank);
	};
	return { columns, columnOf, hasMissing };
}

/** Faint vertical guides through each answer column, so a dot is easy to place in its column. */
function columnGuidesPlugin(columns: number): Plugin<'scatter'> {
	return {
		id: 'ojColumnGuides',
		beforeDatasetsDraw(chart) {
			const x = chart.scales.x;
			if (!x) return;
			const ctx = drawingContext(chart);
			const area = chart.chartArea;
			ctx.save();
			ctx.strokeStyle = COLORS.grid;
			ctx.lineWidth = 1;
			for (let c = 0; c < columns; c++) {
				const px = x.getPixelForValue(c);
				strokeLine(ctx, px, area.top, px, area.bottom);
			}
			ctx.restore();
		},
	};
}

/** One tick per index 0…count−1 on a linear scale. */
function indexTicks(count: number) {
	return (scale: Scale) => {
		scale.ticks = Array.from({ length: count }, (_, i) => ({ value: i }));
	};
}

/** What the layout of a dot chart works out before its configuration is built. */
function areaLayout(spec: CategoricalAreasSpec, size: ChartSize) {
	const layout = layoutFor(spec, size);
	const { columns, columnOf, hasMissing } = answerColumns(spec);
	const rowFont = rowFontSize(spec.rows.length, size, layout);
	const tickLines = spec.rows.map((row) =>
		wrapText(row.label, size.width * 0.26, rowFont, spec.rows.length > 16 ? 1 : 2, row.role === 'focus'),
	);
	const available = size.width - PAD.left - PAD.right - widestLine(tickLines, rowFont) - 20;
	const step = plotHeight(size, layout, 40) / Math.max(1, spec.rows.length);
	return {
		layout,
		columns,
		columnOf,
		hasMissing,
		counts: columns.map((_, c) => spec.rows.filter((row) => columnOf(row.answer) === c).length),
		rowFont,
		tickLines,
		rightExtra: Math.max(0, available - columns.length * COLUMN_WIDTH),
		radius: Math.max(6, Math.min(11, step * 0.32)),
	};
}

type AreaLayout = ReturnType<typeof areaLayout>;

/** One dataset per answer column: a dot for each area that gave it, the focus area's ringed and larger. */
function areaDatasets(spec: CategoricalAreasSpec, m: AreaLayout) {
	return m.columns.map((column, c) => {
		const members = spec.rows.flatMap((row, y) => (m.columnOf(row.answer) === c ? [{ row, y }] : []));
		const missing = m.hasMissing && c === m.columns.length - 1;
		return {
			label: column.label,
			data: members.map(({ y }) => ({ x: c, y })),
			backgroundColor: missing ? '#FFFFFF' : column.color,
			pointBackgroundColor: missing ? '#FFFFFF' : column.color,
			pointBorderColor: members.map(({ row }) =>
				row.role === 'focus' ? COLORS.text : missing ? '#8A8A8A' : '#4D4D4D',
			),
			pointBorderWidth: members.map(({ row }) => (row.role === 'focus' ? 3 : missing ? 2 : 1)),
			pointRadius: members.map(({ row }) => (row.role === 'focus' ? m.radius + 3 : m.radius)),
			pointStyle: 'circle' as const,
		};
	});
}

/** The column headers: answer and how many gave it. */
function columnHeaderAxis(m: AreaLayout) {
	return {
		type: 'linear' as const,
		position: 'top' as const,
		min: -0.5,
		max: m.columns.length - 0.5,
		afterBuildTicks: indexTicks(m.columns.length),
		...bareAxis(),
		ticks: {
			color: COLORS.text,
			font: font(FONT_SIZES.tick, true),
			autoSkip: false,
			maxRotation: 0,
			// Column headers double as the legend; the count helps reading long lists.
			callback: (value: number | string) => {
				const index = Number(value);
				const column = m.columns[index];
				return column ? `${column.label} (${m.counts[index] ?? 0})` : '';
			},
		},
	};
}

/** The row names, top to bottom in the given order. */
function rowNameAxis(spec: CategoricalAreasSpec, m: AreaLayout) {
	return {
		type: 'linear' as const,
		reverse: true,
		min: -0.5,
		max: spec.rows.length - 0.5,
		afterBuildTicks: indexTicks(spec.rows.length),
		...bareAxis(),
		ticks: {
			autoSkip: false,
			padding: 10,
			...focusTickStyle(
				spec.rows.map((row) => row.role),
				m.rowFont,
			),
			callback: (value: number | string) => m.tickLines[Number(value)] ?? '',
		},
	};
}

/** The Chart.js configuration of the answers-per-area dot chart. */
export function categoricalAreasConfig(spec: CategoricalAreasSpec, size: ChartSize): ScatterChartConfiguration {
	const m = areaLayout(spec, size);
	const common = commonOptions(m.layout);
	return {
		type: 'scatter',
		data: { datasets: areaDatasets(spec, m) },
		options: {
			...common,
			layout: { padding: layoutPadding(m.layout, m.rightExtra) },
			plugins: { ...common.plugins, legend: { display: false } },
			// Linear index scales with one tick per column/row: a category scale would map numeric
			// points to their position in the dataset instead of the row they name.
			scales: { x: columnHeaderAxis(m), y: rowNameAxis(spec, m) },
		},
		plugins: [
			...basePlugins<'scatter'>(m.layout, spec.rows.length > 0),
			rowBandsPlugin<'scatter'>(spec.rows.map((row) => row.role)),
			columnGuidesPlugin(m.columns.length),
		],
	};
}
