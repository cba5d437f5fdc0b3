/**
 * Profiles: one kommun's standing across many indicators, numeric rows as diverging bars around
 * Riket and survey answers as ✓/✗ marks. One extreme value does not flatten the others: its bar is
 * clipped with a break mark and its label tells the real difference.
 */
import type { LegendItem, Plugin, Scale } from 'chart.js';
import { bareAxis, namedTicks, paddedRange, valueTickStyle, zeroGrid } from '../axes.js';
import { labelOnWhite, strokeLine, type DrawingContext } from '../canvas.js';
import { MISSING, formatDiffPercent } from '../format.js';
import {
	boxLegendLabels,
	commonOptions,
	layoutFor,
	layoutPadding,
	rowFontSize,
	topLegend,
	type ChartSize,
} from '../layout.js';
import { basePlugins, overDatasetsPlugin, rowBandsPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, PAD, assessmentColor, assessmentTextColor, cssFont, font } from '../style.js';
import { estimateTextWidth, widestLine, wrapText } from '../text.js';
import type { Assessment, ProfileAnswerRow, ProfileChartSpec, ProfileNumericRow } from '../spec.js';
import type { BarChartConfiguration } from './bar.js';

const ASSESSMENT_MARK: Record<Assessment, string> = { good: '✓', bad: '✗', neutral: '' };
const ASSESSMENT_LEGEND: Record<Assessment, string> = {
	good: '✓ Bättre än riket',
	bad: '✗ Sämre än riket',
	neutral: 'Varken bättre eller sämre',
};

/** Limits the axis so one extreme value does not flatten every other bar; clipped bars get a break mark. */
function profileLimit(diffs: readonly number[]): number {
	const sorted = diffs.map(Math.abs).sort((a, b) => b - a);
	const largest = sorted[0] ?? 0;
	const second = Math.max(10, sorted[1] ?? 0);
	const limit = largest > 3 * second ? second * 1.5 : largest;
	return Math.max(10, limit);
}

function profileValueText(diff: number, assessment: Assessment, negative: boolean): string {
	const mark = ASSESSMENT_MARK[assessment];
	const value = formatDiffPercent(diff, 0);
	if (!mark) return value;
	return negative ? `${mark} ${value}` : `${value} ${mark}`;
}

/** What the layout of a profile works out before its configuration is built. */
function profileLayout(spec: ProfileChartSpec, size: ChartSize) {
	const layout = layoutFor(spec, size);
	const rows = spec.rows;
	const diffs = rows.flatMap((row) => (row.kind === 'numeric' && row.diff !== null ? [row.diff] : []));
	const limit = profileLimit(diffs);
	const rowFont = Math.min(FONT_SIZES.label, rowFontSize(rows.length, size, layout, 90));
	const tickLines = rows.map((row) => wrapText(row.label, size.width * 0.34, rowFont, rows.length > 20 ? 1 : 2));
	const labelWidth = Math.max(
		0,
		...rows.map((row) =>
			row.kind === 'numeric' && row.diff !== null
				? estimateTextWidth(profileValueText(row.diff, row.assessment, row.diff < 0), rowFont, true)
				: 0,
		),
	);
	const plotLength = size.width - PAD.left - PAD.right - widestLine(tickLines, rowFont, false) - 12;
	const range = paddedRange([-limit, limit], labelWidth * 1.1 + 14, plotLength);
	return {
		layout,
		limit,
		rowFont,
		tickLines,
		bound: Math.max(Math.abs(range.min), Math.abs(range.max)),
		hasDiffs: diffs.length > 0,
	};
}

type ProfileLayout = ReturnType<typeof profileLayout>;

/** Where a row's label goes: its vertical middle and the value axis's zero. */
interface RowPlace {
	readonly center: number;
	readonly zero: number;
}

/** An answer row: its mark and answer on white at zero. */
function drawAnswerRow(ctx: DrawingContext, row: ProfileAnswerRow, at: RowPlace, rowFont: number): void {
	const text = row.answer === null ? MISSING : `${ASSESSMENT_MARK[row.assessment]} ${row.answer}`.trim();
	ctx.font = cssFont(rowFont, true);
	ctx.textAlign = 'center';
	labelOnWhite(ctx, text, at.zero, at.center, 'center', rowFont);
	ctx.fillStyle = row.answer === null ? COLORS.muted : assessmentTextColor(row.assessment);
	ctx.fillText(text, at.zero, at.center);
}

/** A numeric row without a difference: its own text from the plot's left, or a bare dash at zero. */
function drawTextRow(ctx: DrawingContext, row: ProfileNumericRow, at: RowPlace, rowFont: number, x: Scale): void {
	ctx.font = cssFont(rowFont);
	ctx.textAlign = 'left';
	const left = row.text === undefined ? at.zero + 6 : x.left + 6;
	if (row.text !== undefined) labelOnWhite(ctx, row.text, left, at.center, 'left', rowFont);
	ctx.fillStyle = COLORS.muted;
	ctx.fillText(row.text ?? MISSING, left, at.center);
}

/** Axis-break mark: two white slashes across a clipped bar near its end. */
function drawBreakMark(ctx: DrawingContext, at: number, center: number, half: number): void {
	ctx.strokeStyle = '#FFFFFF';
	ctx.lineWidth = 3;
	for (const offset of [-4, 4]) strokeLine(ctx, at + offset - 4, center + half, at + offset + 4, center - half);
}

/** Writes each row's difference (with ✓/✗) at its bar end, its answer, or its text. */
function profileLabelsPlugin(spec: ProfileChartSpec, m: ProfileLayout): Plugin<'bar'> {
	const rows = spec.rows;
	return overDatasetsPlugin('ojProfileLabels', (ctx, { x, y }) => {
		const zero = x.getPixelForValue(0);
		ctx.textBaseline = 'middle';
		rows.forEach((row, i) => {
			const center = y.getPixelForValue(i);
			if (row.kind === 'answer') return drawAnswerRow(ctx, row, { center, zero }, m.rowFont);
			if (row.diff === null) return drawTextRow(ctx, row, { center, zero }, m.rowFont, x);
			const negative = row.diff < 0;
			const end = x.getPixelForValue(Math.max(-m.limit, Math.min(m.limit, row.diff)));
			if (Math.abs(row.diff) > m.limit) {
				const step = y.getPixelForValue(1) - y.getPixelForValue(0);
				drawBreakMark(ctx, negative ? end + 22 : end - 22, center, Math.abs(rows.length > 1 ? step : 20) * 0.4);
			}
			ctx.font = cssFont(m.rowFont, true);
			ctx.textAlign = negative ? 'right' : 'left';
			ctx.fillStyle = assessmentTextColor(row.assessment);
			ctx.fillText(profileValueText(row.diff, row.assessment, negative), negative ? end - 6 : end + 6, center);
		});
	});
}

/** The legend names the standings that occur; rows written as text are not judged and take no part. */
function profileLegend(spec: ProfileChartSpec) {
	const judged = spec.rows.filter((row) => row.kind === 'answer' || row.diff !== null);
	const present = (['good', 'bad', 'neutral'] as const).filter((a) => judged.some((row) => row.assessment === a));
	return topLegend(present.length > 0, {
		...boxLegendLabels(),
		generateLabels: (): LegendItem[] =>
			present.map((assessment) => ({
				text: ASSESSMENT_LEGEND[assessment],
				fillStyle: assessmentColor(assessment),
				strokeStyle: assessmentColor(assessment),
				lineWidth: 0,
				fontColor: COLORS.text,
				hidden: false,
			})),
	});
}

function profileScales(m: ProfileLayout) {
	return {
		x: {
			type: 'linear' as const,
			min: -m.bound,
			max: m.bound,
			// Without a single difference from Riket there is no axis to show.
			display: m.hasDiffs,
			grid: zeroGrid(2),
			border: { display: false },
			title: { display: true, text: 'Skillnad mot riket', color: COLORS.muted, font: font(FONT_SIZES.label) },
			ticks: {
				...valueTickStyle(),
				maxTicksLimit: 9,
				includeBounds: false,
				callback: (value: number | string) => formatDiffPercent(Number(value), 0),
			},
		},
		y: {
			type: 'category' as const,
			...bareAxis(),
			ticks: { autoSkip: false, color: COLORS.text, font: font(m.rowFont), callback: namedTicks(m.tickLines) },
		},
	};
}

/** The Chart.js configuration of a profile. */
export function profileConfig(spec: ProfileChartSpec, size: ChartSize): BarChartConfiguration {
	const m = profileLayout(spec, size);
	const rows = spec.rows;
	const common = commonOptions(m.layout);
	return {
		type: 'bar',
		data: {
			labels: rows.map((row) => row.label),
			datasets: [
				{
					label: 'Skillnad mot riket',
					data: rows.map((row) =>
						row.kind === 'numeric' && row.diff !== null ? Math.max(-m.limit, Math.min(m.limit, row.diff)) : null,
					),
					backgroundColor: rows.map((row) => assessmentColor(row.assessment)),
					borderWidth: 0,
					borderRadius: 2,
					barPercentage: 0.8,
					categoryPercentage: 0.92,
					maxBarThickness: 30,
				},
			],
		},
		options: {
			...common,
			indexAxis: 'y',
			layout: { padding: layoutPadding(m.layout) },
			plugins: { ...common.plugins, legend: profileLegend(spec) },
			scales: profileScales(m),
		},
		plugins: [
			...basePlugins<'bar'>(m.layout, rows.length > 0),
			rowBandsPlugin<'bar'>(rows.map(() => 'other')),
			profileLabelsPlugin(spec, m),
		],
	};
}
