/**
 * Chart spec → Chart.js configuration, as a pure function.
 *
 * Nothing here touches a canvas: `toChartConfig` returns a fresh configuration object on every call
 * (Chart.js mutates the configuration it is given), with small inline plugins for what Chart.js
 * does not draw itself: value labels at bar ends, reference lines, line-end labels, the source
 * footer and row highlights. Those plugins only run when the renderer draws the chart.
 *
 * Style: white background (set by the renderer), DejaVu Sans everywhere, Okabe–Ito colours (safe
 * for colour blindness) and a second cue beside colour wherever colour carries meaning (text, ✓/✗,
 * dash pattern, position).
 */
import type {
	ChartConfiguration,
	ChartType,
	FontSpec,
	LegendItem,
	Plugin,
	Scale,
	ScriptableScaleContext,
	Tick,
} from 'chart.js';
import { mapConfig, type MapChartConfiguration } from './map-config.js';
import { MISSING, formatDiffPercent, formatNumber, formatPercent, formatTick } from './format.js';
import type {
	AnswerCategory,
	Assessment,
	BarChartSpec,
	CategoricalAreasSpec,
	CategoricalSharesSpec,
	ChartRole,
	ChartSpec,
	LineChartSpec,
	ProfileChartSpec,
} from './spec.js';

/** Font family used for every text in a chart; the renderer registers the DejaVu Sans files under this name. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe–Ito based colours. Roles and assessments map to these; text colours are darker for contrast on white. */
export const COLORS = {
	/** The asked-about area. */
	focus: '#0072B2',
	/** Benchmarks: Riket, group means. */
	reference: '#E69F00',
	/** Darker reference colour for text and lines drawn over bars. */
	referenceDark: '#8F5F00',
	/** Context areas in bar charts. */
	other: '#A9C3DB',
	good: '#009E73',
	goodText: '#00694D',
	bad: '#D55E00',
	badText: '#A34800',
	neutral: '#9E9E9E',
	neutralText: '#555555',
	missing: '#C7C7C7',
	text: '#1A1A1A',
	muted: '#5C5C5C',
	grid: '#E6E6E6',
	zeroLine: '#7A7A7A',
	focusBand: '#E4F0FA',
	zebra: '#F6F6F6',
	background: '#FFFFFF',
} as const;

/** Distinct colours for context series in line charts (Okabe–Ito without the focus blue and reference orange). */
const SERIES_COLORS = ['#CC79A7', '#009E73', '#56B4E9', '#D55E00', '#4D4D4D', '#B8A200'] as const;
/** Point shapes used here (Chart.js's own `PointStyle` also admits images, typed through DOM). */
type PointShape = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'star';
const SERIES_POINT_STYLES: readonly PointShape[] = ['rect', 'triangle', 'rectRot', 'crossRot', 'star', 'circle'];

/** Up to this many context series get their own colour and end label; more become grey background lines. */
const MAX_DISTINCT_SERIES = 5;

/** Label for areas without an answer. */
export const MISSING_ANSWER_LABEL = 'Uppgift saknas';

/** A canvas size in pixels. */
export interface ChartSize {
	readonly width: number;
	readonly height: number;
}

/**
 * The fixed set of image sizes (one long-lived renderer each):
 * - `wide` 1000×560: vertical bars, lines, shares and any list of at most 10 rows;
 * - `tall` 1000×820: lists of 11–20 rows (top lists, answers per area, profiles);
 * - `xtall` 1000×1200: lists of 21 rows or more (30-row top lists, 40-row profiles).
 * - `map` 1000×1000: maps of all kommuner or of one län, with the legend at the right.
 *
 * Row text in lists is sized from the row height these give, between 11 and 16 px.
 */
export const CHART_SIZES = {
	wide: { width: 1000, height: 560 },
	tall: { width: 1000, height: 820 },
	xtall: { width: 1000, height: 1200 },
	map: { width: 1000, height: 1000 },
} as const satisfies Record<string, ChartSize>;

/** Name of one of the {@link CHART_SIZES}. */
export type ChartSizeName = keyof typeof CHART_SIZES;

/** More vertical bars than this are drawn horizontally: their names and value labels would not fit side by side. */
export const MAX_VERTICAL_BARS = 12;

function isHorizontal(spec: BarChartSpec): boolean {
	return spec.orientation === 'horizontal' || spec.bars.length > MAX_VERTICAL_BARS;
}

/** Rows a list-like chart shows; 0 for charts whose height does not grow with the data. */
function rowCount(spec: ChartSpec): number {
	switch (spec.kind) {
		case 'bar':
			return isHorizontal(spec) ? spec.bars.length : 0;
		case 'line':
			return 0;
		case 'categorical':
			return spec.variant === 'areas' ? spec.rows.length : spec.groups.length * 2;
		case 'profile':
			return spec.rows.length;
		case 'map':
			return 0;
	}
}

/** Picks the image size for a spec from its row count (see {@link CHART_SIZES}). */
export function chartSizeFor(spec: ChartSpec): ChartSizeName {
	if (spec.kind === 'map') return 'map';
	const rows = rowCount(spec);
	if (rows <= 10) return 'wide';
	if (rows <= 20) return 'tall';
	return 'xtall';
}

/** Chart.js configuration for a bar chart (bars, 100 % stacked shares, profiles). */
export type BarChartConfiguration = ChartConfiguration<'bar', (number | null)[], string>;
/** Chart.js configuration for a trend line chart. */
export type LineChartConfiguration = ChartConfiguration<'line', (number | null)[], string>;
/** A point in the answers-per-area dot chart: column (answer) and row (area) indices. */
export interface GridPoint {
	readonly x: number;
	readonly y: number;
}
/** Chart.js configuration for the answers-per-area dot chart. */
export type ScatterChartConfiguration = ChartConfiguration<'scatter', GridPoint[], string>;
/** Any configuration {@link toChartConfig} returns. */
export type OjChartConfiguration =
	BarChartConfiguration | LineChartConfiguration | ScatterChartConfiguration | MapChartConfiguration;

// ---------------------------------------------------------------------------------------------
// Text measuring without a canvas

/** Font sizes in pixels, shared by every chart. */
export const FONT_SIZES = { title: 26, subtitle: 17, tick: 16, label: 15, legend: 16, footer: 14 } as const;
/** Outer padding in pixels. */
export const PAD = { left: 20, right: 24, top: 14 } as const;

/**
 * Advance widths of DejaVu Sans in em, measured with canvas and grouped by width, so layout
 * decisions made before drawing (wrapping, padding, label room) match what will be drawn.
 */
const REGULAR_WIDTHS: readonly (readonly [string, number])[] = [
	["'ijlIJ", 0.29],
	[' .,·\u00A0:;/', 0.33],
	['f-', 0.36],
	['()[]tr!', 0.41],
	['"–*', 0.5],
	['szc?', 0.54],
	['LFkvxy', 0.59],
	['PTYoöaåäeéEÉ', 0.62],
	['hnuübdgpqS0123456789', 0.64],
	['KAVÅÄXZBRC', 0.69],
	['UÜNHDG', 0.77],
	['&OQÖw', 0.82],
	['+−✓✗=<>≥≤M', 0.86],
	['%mW—…', 1],
];
const BOLD_WIDTHS: readonly (readonly [string, number])[] = [
	["'ijlIJ", 0.37],
	[' .,·\u00A0:;/', 0.4],
	['-f!()[]', 0.46],
	['tr–', 0.5],
	['"*?zcs', 0.6],
	['Lxvyk', 0.67],
	['aåäeéTEFÉoö0123456789', 0.7],
	['hnuübdgpqSYZPC', 0.73],
	['BRXAVÅÄK', 0.78],
	['UÜGDHN+−✓✗=<>≥≤OQÖ', 0.85],
	['&w', 0.93],
	['M—…%m', 1.04],
	['W', 1.1],
];

function widthTable(groups: readonly (readonly [string, number])[]): ReadonlyMap<string, number> {
	return new Map(groups.flatMap(([chars, em]) => Array.from(chars, (ch) => [ch, em] as const)));
}

const REGULAR = widthTable(REGULAR_WIDTHS);
const BOLD = widthTable(BOLD_WIDTHS);

/**
 * Width in pixels of `text` in DejaVu Sans. The table rounds widths up, so the estimate runs a few
 * percent wide: layout decisions made before drawing (wrapping, padding) leave room rather than overlap.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
	const table = bold ? BOLD : REGULAR;
	let em = 0;
	for (const ch of text) em += table.get(ch) ?? (bold ? 0.75 : 0.68);
	return em * fontSize;
}

function truncate(text: string, maxWidth: number, fontSize: number, bold: boolean): string {
	if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
	const chars = Array.from(text);
	while (chars.length > 1 && estimateTextWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
	return `${chars.join('').trimEnd()}…`;
}

/**
 * Wraps `text` into at most `maxLines` lines of at most `maxWidth` pixels, breaking at spaces and
 * after hyphens ("Malung-Sälen" → "Malung-", "Sälen"). What does not fit ends in an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2, bold = false): string[] {
	const words = text
		.trim()
		.split(/\s+/)
		.flatMap((word) => word.split(/(?<=-)(?=.)/));
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const joiner = current === '' || current.endsWith('-') ? '' : ' ';
		const candidate = `${current}${joiner}${word}`;
		if (current === '' || estimateTextWidth(candidate, fontSize, bold) <= maxWidth) {
			current = candidate;
		} else {
			lines.push(current);
			current = word;
		}
	}
	if (current !== '') lines.push(current);
	// A break at " · " (indicator · year) should not leave the dot dangling at a line end.
	for (let i = 0; i < lines.length - 1; i++) lines[i] = (lines[i] ?? '').replace(/\s*·$/, '');
	if (lines.length > maxLines) {
		// Greedy wrapping guarantees the joined rest overflows one line, so truncation adds the ellipsis.
		const rest = lines.slice(maxLines - 1).join(' ');
		return [...lines.slice(0, maxLines - 1), rest].map((line) => truncate(line, maxWidth, fontSize, bold));
	}
	return lines.map((line) => truncate(line, maxWidth, fontSize, bold));
}

// ---------------------------------------------------------------------------------------------
// Canvas drawing inside plugins

/** The subset of the 2D context the inline plugins use (the project compiles without DOM types). */
interface DrawingContext {
	font: string;
	fillStyle: string;
	strokeStyle: string;
	lineWidth: number;
	textAlign: 'left' | 'right' | 'center';
	textBaseline: 'top' | 'middle' | 'bottom' | 'alphabetic';
	save(): void;
	restore(): void;
	fillText(text: string, x: number, y: number): void;
	measureText(text: string): { readonly width: number };
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	stroke(): void;
	setLineDash(segments: number[]): void;
	fillRect(x: number, y: number, width: number, height: number): void;
}

function drawingContext(chart: object): DrawingContext {
	return (chart as { readonly ctx: DrawingContext }).ctx;
}

/** A CSS font string in the chart font. */
export function cssFont(size: number, bold = false, italic = false): string {
	return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
}

function font(size: number, bold = false): Partial<FontSpec> {
	return { family: FONT_FAMILY, size, weight: bold ? 'bold' : 'normal', lineHeight: 1.2 };
}

/** Draws text on a white box so it stays readable over grid lines and bars. */
function labelOnWhite(
	ctx: DrawingContext,
	text: string,
	x: number,
	y: number,
	align: 'left' | 'right' | 'center',
	fontSize: number,
): void {
	const width = ctx.measureText(text).width;
	const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(left - 3, y - fontSize / 2 - 3, width + 6, fontSize + 6);
}

function relativeLuminance(hex: string): number {
	const channel = (i: number): number => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Dark or white text, whichever reads better on `background` (a #rrggbb colour). */
function textOn(background: string): string {
	return relativeLuminance(background) > 0.35 ? COLORS.text : '#FFFFFF';
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function roleColor(role: ChartRole): string {
	return role === 'focus' ? COLORS.focus : role === 'reference' ? COLORS.reference : COLORS.other;
}

function assessmentColor(assessment: Assessment): string {
	return assessment === 'good' ? COLORS.good : assessment === 'bad' ? COLORS.bad : COLORS.neutral;
}

function assessmentTextColor(assessment: Assessment): string {
	return assessment === 'good' ? COLORS.goodText : assessment === 'bad' ? COLORS.badText : COLORS.neutralText;
}

/** Colours for answers ordered best to worst. */
function rankColors(count: number): string[] {
	const ramps: Record<number, readonly string[]> = {
		1: [COLORS.good],
		2: [COLORS.good, COLORS.bad],
		3: [COLORS.good, '#E69F00', COLORS.bad],
		4: [COLORS.good, '#F0E442', '#E69F00', COLORS.bad],
	};
	const ramp = ramps[count] ?? [COLORS.good, '#56B4E9', '#F0E442', '#E69F00', COLORS.bad, '#CC79A7', '#4D4D4D'];
	return Array.from({ length: count }, (_, i) => ramp[i % ramp.length] ?? COLORS.neutral);
}

function byRank(categories: readonly AnswerCategory[]): AnswerCategory[] {
	return [...categories].sort((a, b) => a.rank - b.rank);
}

/** Title, subtitle and footer lines of a chart, with the heights they take. */
export interface Layout {
	readonly titleLines: string[];
	readonly subtitleLines: string[];
	readonly footerLines: string[];
	/** Height taken above the plot by title and subtitle. */
	readonly headerHeight: number;
	/** Height reserved at the bottom for the source line. */
	readonly footerHeight: number;
}

/** Wraps title, subtitle and source line to the image width. */
export function layoutFor(spec: ChartSpec, size: ChartSize): Layout {
	const textWidth = size.width - PAD.left - PAD.right;
	const titleLines = wrapText(spec.title, textWidth, FONT_SIZES.title, 2, true);
	const subtitleLines = spec.subtitle ? wrapText(spec.subtitle, textWidth, FONT_SIZES.subtitle, 2) : [];
	const footerLines = spec.source ? wrapText(spec.source, textWidth, FONT_SIZES.footer, 2) : [];
	return {
		titleLines,
		subtitleLines,
		footerLines,
		headerHeight:
			PAD.top + titleLines.length * FONT_SIZES.title * 1.25 + subtitleLines.length * FONT_SIZES.subtitle * 1.3 + 22,
		footerHeight: 16 + footerLines.length * FONT_SIZES.footer * 1.4 + 10,
	};
}

/** Title, subtitle, tooltip and animation settings shared by every chart. */
export function commonOptions(layout: Layout, extraGapBelowHeader = 0) {
	return {
		responsive: false,
		animation: false as const,
		devicePixelRatio: 1,
		color: COLORS.text,
		font: font(FONT_SIZES.tick),
		plugins: {
			title: {
				display: true,
				text: layout.titleLines,
				align: 'start' as const,
				color: COLORS.text,
				font: { ...font(FONT_SIZES.title, true), lineHeight: 1.25 },
				padding: { top: 0, bottom: layout.subtitleLines.length > 0 ? 4 : 18 + extraGapBelowHeader },
			},
			subtitle: {
				display: layout.subtitleLines.length > 0,
				text: layout.subtitleLines,
				align: 'start' as const,
				color: COLORS.muted,
				font: { ...font(FONT_SIZES.subtitle), lineHeight: 1.3 },
				padding: { top: 0, bottom: 18 + extraGapBelowHeader },
			},
			tooltip: { enabled: false },
		},
	};
}

/** Font size for list rows: about half the row height, between 11 px and the tick size. */
function rowFontSize(rows: number, size: ChartSize, layout: Layout, reserved = 40): number {
	const rowHeight = (size.height - layout.headerHeight - layout.footerHeight - reserved) / Math.max(1, rows);
	return Math.max(11, Math.min(FONT_SIZES.tick, Math.floor(rowHeight * 0.5)));
}

/** Chart.js layout padding that leaves room for the footer (and `right` extra pixels). */
export function layoutPadding(layout: Layout, right = 0) {
	return { top: PAD.top, left: PAD.left, right: PAD.right + right, bottom: layout.footerHeight };
}

/** Draws the source line at the bottom left of the image. */
export function footerPlugin<T extends ChartType>(layout: Layout): Plugin<T> {
	return {
		id: 'ojFooter',
		afterDraw(chart) {
			const ctx = drawingContext(chart);
			ctx.save();
			ctx.font = cssFont(FONT_SIZES.footer);
			ctx.fillStyle = COLORS.muted;
			ctx.textAlign = 'left';
			ctx.textBaseline = 'bottom';
			const lineHeight = FONT_SIZES.footer * 1.4;
			layout.footerLines.forEach((line, i) => {
				const y = chart.height - 10 - (layout.footerLines.length - 1 - i) * lineHeight;
				ctx.fillText(line, PAD.left, y);
			});
			ctx.restore();
		},
	};
}

/** Writes "Uppgift saknas" in the middle of the plot when nothing can be drawn. */
function noDataPlugin<T extends ChartType>(hasData: boolean): Plugin<T> {
	return {
		id: 'ojNoData',
		afterDraw(chart) {
			if (hasData) return;
			const ctx = drawingContext(chart);
			const area = chart.chartArea;
			ctx.save();
			ctx.font = cssFont(FONT_SIZES.subtitle, true);
			ctx.fillStyle = COLORS.muted;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			ctx.fillText(`${MISSING_ANSWER_LABEL} för alla`, (area.left + area.right) / 2, (area.top + area.bottom) / 2);
			ctx.restore();
		},
	};
}

/** Paints alternate rows light grey and the focus row light blue, behind the data. */
function rowBandsPlugin<T extends ChartType>(roles: readonly ChartRole[], axis: 'y'): Plugin<T> {
	return {
		id: 'ojRowBands',
		beforeDatasetsDraw(chart) {
			const scale = chart.scales[axis];
			if (!scale || roles.length === 0) return;
			const ctx = drawingContext(chart);
			const area = chart.chartArea;
			const step = roles.length > 1 ? Math.abs(scale.getPixelForValue(1) - scale.getPixelForValue(0)) : area.height;
			ctx.save();
			roles.forEach((role, i) => {
				if (role !== 'focus' && i % 2 === 0) return;
				const center = scale.getPixelForValue(i);
				ctx.fillStyle = role === 'focus' ? COLORS.focusBand : COLORS.zebra;
				const inset = role === 'focus' ? 6 : 0;
				ctx.fillRect(area.left - inset, center - step / 2, area.width + inset, step);
			});
			ctx.restore();
		},
	};
}

function tickStep(ticks: readonly Tick[]): number | undefined {
	const first = ticks[0];
	const second = ticks[1];
	return first && second ? Math.abs(second.value - first.value) : undefined;
}

function gridColor(context: ScriptableScaleContext): string {
	return context.tick.value === 0 ? COLORS.zeroLine : COLORS.grid;
}

/** Axis range extended so value labels outside bar ends stay inside the plot. */
function paddedRange(
	values: readonly number[],
	labelWidth: number,
	plotLength: number,
): { readonly min: number; readonly max: number } {
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

function categoryLabelWidth(lines: readonly (readonly string[])[], fontSize: number, bold = true): number {
	return Math.max(0, ...lines.flat().map((line) => estimateTextWidth(line, fontSize, bold)));
}

// ---------------------------------------------------------------------------------------------
// Bar chart

function barValueText(spec: BarChartSpec, index: number): { readonly value: string; readonly note?: string } {
	const bar = spec.bars[index];
	if (!bar) return { value: '' };
	const value = bar.value === null ? MISSING : formatNumber(bar.value, spec.format);
	return bar.note ? { value, note: bar.note } : { value };
}

function barConfig(spec: BarChartSpec, size: ChartSize): BarChartConfiguration {
	const horizontal = isHorizontal(spec);
	const layout = layoutFor(spec, size);
	const bars = spec.bars;
	const roles = bars.map((bar) => bar.role);
	const refs = spec.referenceLines ?? [];
	const values = bars.flatMap((bar) => (bar.value === null ? [] : [bar.value]));
	const refTexts = refs.map((ref) => `${ref.label} ${formatNumber(ref.value, spec.format)}`);

	const labelFont = horizontal ? rowFontSize(bars.length, size, layout) : 0;
	const plotWidth = size.width - PAD.left - PAD.right;
	const categoryWidth = horizontal ? 0 : (plotWidth - 80) / Math.max(1, bars.length);
	const tickFontSize = horizontal
		? Math.min(FONT_SIZES.tick, Math.max(12, labelFont))
		: Math.min(FONT_SIZES.tick, Math.max(11, categoryWidth / 6));
	const valueFontSize = horizontal
		? Math.round(Math.min(FONT_SIZES.label, Math.max(12, labelFont)))
		: Math.round(Math.min(FONT_SIZES.label, Math.max(10, categoryWidth / 6.5)));

	const tickLines = bars.map((bar) =>
		horizontal
			? wrapText(bar.label, size.width * 0.24, tickFontSize, bars.length > 16 ? 1 : 2, bar.role === 'focus')
			: wrapText(bar.label, categoryWidth - 6, tickFontSize, 2, bar.role === 'focus'),
	);
	const valueLabelWidth = Math.max(
		0,
		...bars.map((_, i) => {
			const { value, note } = barValueText(spec, i);
			const width = estimateTextWidth(value, valueFontSize, true);
			return horizontal && note ? width + estimateTextWidth(` ${note}`, valueFontSize - 1) : width;
		}),
	);
	const refLabelWidth = Math.max(0, ...refTexts.map((text) => estimateTextWidth(text, FONT_SIZES.label, true)));
	const rightExtra = !horizontal && refs.length > 0 ? refLabelWidth + 10 : 0;
	const plotLength = horizontal
		? plotWidth - categoryLabelWidth(tickLines, tickFontSize) - 12
		: size.height - layout.headerHeight - layout.footerHeight - 2 * tickFontSize * 1.2 - 12;
	const labelExtent = horizontal ? valueLabelWidth + 12 : valueFontSize * 1.3 * (bars.some((b) => b.note) ? 2 : 1) + 8;
	const range = paddedRange([...values, ...refs.map((ref) => ref.value)], labelExtent, plotLength);

	const indexAxis = horizontal ? 'y' : 'x';
	const valueAxis = horizontal ? 'x' : 'y';

	const barLabels: Plugin<'bar'> = {
		id: 'ojBarLabels',
		afterDatasetsDraw(chart) {
			const indexScale = chart.scales[indexAxis];
			const valueScale = chart.scales[valueAxis];
			if (!indexScale || !valueScale) return;
			const ctx = drawingContext(chart);
			const zero = valueScale.getPixelForValue(0);
			const refPixels = refs.map((ref) => valueScale.getPixelForValue(ref.value));
			ctx.save();
			bars.forEach((bar, i) => {
				const { value, note } = barValueText(spec, i);
				const center = indexScale.getPixelForValue(i);
				const end = bar.value === null ? zero : valueScale.getPixelForValue(bar.value);
				const negative = bar.value !== null && bar.value < 0;
				ctx.font = cssFont(valueFontSize, bar.role === 'focus');
				ctx.fillStyle = bar.value === null ? COLORS.muted : bar.role === 'focus' ? COLORS.focus : COLORS.text;
				if (horizontal) {
					ctx.textBaseline = 'middle';
					ctx.textAlign = negative ? 'right' : 'left';
					const x = negative ? end - 6 : end + 6;
					const width = ctx.measureText(value).width;
					const [from, to] = negative ? [x - width, x] : [x, x + width];
					if (refPixels.some((p) => p >= from - 4 && p <= to + 4)) {
						labelOnWhite(ctx, value, x, center, negative ? 'right' : 'left', valueFontSize);
						ctx.fillStyle = bar.value === null ? COLORS.muted : bar.role === 'focus' ? COLORS.focus : COLORS.text;
					}
					ctx.fillText(value, x, center);
					if (note) {
						const width = ctx.measureText(value).width;
						ctx.font = cssFont(valueFontSize - 1, false, true);
						ctx.fillStyle = COLORS.muted;
						ctx.fillText(` ${note}`, negative ? x - width : x + width, center);
					}
				} else {
					ctx.textAlign = 'center';
					ctx.textBaseline = negative ? 'top' : 'bottom';
					const y = negative ? end + 5 : end - 5;
					const lines = note ? 2 : 1;
					const [from, to] = negative ? [y, y + lines * valueFontSize * 1.3] : [y - lines * valueFontSize * 1.3, y];
					if (refPixels.some((p) => p >= from - 3 && p <= to + 3)) {
						const middle = negative ? y + valueFontSize / 2 : y - valueFontSize / 2;
						labelOnWhite(ctx, value, center, middle, 'center', valueFontSize);
						if (note) {
							const noteMiddle = negative ? middle + valueFontSize * 1.3 : middle - valueFontSize * 1.3;
							labelOnWhite(ctx, note, center, noteMiddle, 'center', valueFontSize);
						}
						ctx.fillStyle = bar.value === null ? COLORS.muted : bar.role === 'focus' ? COLORS.focus : COLORS.text;
					}
					ctx.fillText(value, center, y);
					if (note) {
						ctx.font = cssFont(valueFontSize - 1, false, true);
						ctx.fillStyle = COLORS.muted;
						ctx.fillText(note, center, negative ? y + valueFontSize * 1.3 : y - valueFontSize * 1.3);
					}
				}
			});
			ctx.restore();
		},
	};

	const referenceLines: Plugin<'bar'> = {
		id: 'ojReferenceLines',
		afterDatasetsDraw(chart) {
			const valueScale = chart.scales[valueAxis];
			if (!valueScale || refs.length === 0) return;
			const ctx = drawingContext(chart);
			const area = chart.chartArea;
			ctx.save();
			refs.forEach((ref, i) => {
				const p = valueScale.getPixelForValue(ref.value);
				const text = refTexts[i] ?? ref.label;
				ctx.strokeStyle = COLORS.referenceDark;
				ctx.lineWidth = 2.5;
				ctx.setLineDash([8, 5]);
				ctx.beginPath();
				if (horizontal) {
					ctx.moveTo(p, area.top - 4);
					ctx.lineTo(p, area.bottom);
				} else {
					ctx.moveTo(area.left, p);
					ctx.lineTo(area.right + 4, p);
				}
				ctx.stroke();
				ctx.setLineDash([]);
				ctx.font = cssFont(FONT_SIZES.label, true);
				if (horizontal) {
					// Labels sit in the strip between the header and the plot, stacked if several.
					const width = ctx.measureText(text).width;
					const align = p + width + 6 > area.right ? 'right' : 'left';
					const x = align === 'left' ? p + 5 : p - 5;
					const y = area.top - 12 - i * (FONT_SIZES.label + 6);
					labelOnWhite(ctx, text, x, y, align, FONT_SIZES.label);
					ctx.fillStyle = COLORS.referenceDark;
					ctx.textAlign = align;
					ctx.textBaseline = 'middle';
					ctx.fillText(text, x, y);
				} else {
					ctx.fillStyle = COLORS.referenceDark;
					ctx.textAlign = 'left';
					ctx.textBaseline = 'middle';
					ctx.fillText(text, area.right + 8, p);
				}
			});
			ctx.restore();
		},
	};

	const common = commonOptions(layout, horizontal && refs.length > 0 ? refs.length * (FONT_SIZES.label + 6) + 4 : 0);
	const tickFont = (context: ScriptableScaleContext) => font(tickFontSize, roles[context.index] === 'focus');
	const tickColor = (context: ScriptableScaleContext) =>
		roles[context.index] === 'focus' ? COLORS.focus : COLORS.text;

	return {
		type: 'bar',
		data: {
			labels: bars.map((bar) => bar.label),
			datasets: [
				{
					label: spec.title,
					data: bars.map((bar) => bar.value),
					backgroundColor: bars.map((bar) => roleColor(bar.role)),
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
			layout: { padding: layoutPadding(layout, rightExtra) },
			plugins: { ...common.plugins, legend: { display: false } },
			scales: {
				[indexAxis]: {
					type: 'category',
					grid: { display: false },
					border: { display: !horizontal, color: COLORS.zeroLine },
					ticks: {
						autoSkip: false,
						maxRotation: 0,
						minRotation: 0,
						padding: 6,
						color: tickColor,
						font: tickFont,
						callback: (_value: number | string, index: number) => tickLines[index] ?? '',
					},
				},
				[valueAxis]: {
					type: 'linear',
					display: values.length > 0 || refs.length > 0,
					min: range.min,
					max: range.max,
					grid: {
						color: gridColor,
						lineWidth: (context: ScriptableScaleContext) => (context.tick.value === 0 ? 1.5 : 1),
					},
					border: { display: false },
					ticks: {
						color: COLORS.muted,
						font: font(FONT_SIZES.label - 1),
						maxTicksLimit: horizontal ? 7 : 8,
						// The range is padded for value labels; label only the round ticks inside it.
						includeBounds: false,
						callback: (value: number | string, _index: number, ticks: Tick[]) =>
							formatTick(Number(value), spec.format, tickStep(ticks)),
					},
				},
			},
		},
		plugins: [
			footerPlugin(layout),
			noDataPlugin(values.length > 0),
			...(horizontal ? [rowBandsPlugin<'bar'>(roles, 'y')] : []),
			referenceLines,
			barLabels,
		],
	};
}

// ---------------------------------------------------------------------------------------------
// Line chart

interface SeriesStyle {
	readonly color: string;
	readonly width: number;
	readonly dash: number[];
	readonly pointStyle: PointShape;
	readonly pointRadius: number;
	readonly order: number;
	readonly labelled: boolean;
}

function seriesStyles(spec: LineChartSpec): SeriesStyle[] {
	const others = spec.series.filter((s) => s.role === 'other').length;
	let otherIndex = 0;
	return spec.series.map((series): SeriesStyle => {
		if (series.role === 'focus') {
			return {
				color: COLORS.focus,
				width: 4,
				dash: [],
				pointStyle: 'circle',
				pointRadius: 4.5,
				order: 0,
				labelled: true,
			};
		}
		if (series.role === 'reference') {
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
		if (others > MAX_DISTINCT_SERIES) {
			return {
				color: COLORS.other,
				width: 1.5,
				dash: [],
				pointStyle: 'circle',
				pointRadius: 2,
				order: 3,
				labelled: false,
			};
		}
		const i = otherIndex++;
		return {
			color: SERIES_COLORS[i % SERIES_COLORS.length] ?? COLORS.other,
			width: 2.5,
			dash: [],
			pointStyle: SERIES_POINT_STYLES[i % SERIES_POINT_STYLES.length] ?? 'circle',
			pointRadius: 4,
			order: 2,
			labelled: true,
		};
	});
}

function lastValue(values: readonly (number | null)[]): { readonly index: number; readonly value: number } | undefined {
	for (let i = values.length - 1; i >= 0; i--) {
		const value = values[i];
		if (value !== null && value !== undefined) return { index: i, value };
	}
	return undefined;
}

function lineConfig(spec: LineChartSpec, size: ChartSize): LineChartConfiguration {
	for (const series of spec.series) {
		if (series.values.length !== spec.years.length) {
			throw new RangeError(
				`Series "${series.label}" has ${series.values.length} values but the chart has ${spec.years.length} years.`,
			);
		}
	}
	const layout = layoutFor(spec, size);
	const styles = seriesStyles(spec);
	const lastYear = spec.years[spec.years.length - 1];
	const endLabels = spec.series.map((series, i) => {
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
	const endLabelWidth = Math.max(
		0,
		...endLabels.map((label) =>
			label
				? Math.max(
						estimateTextWidth(label.name, FONT_SIZES.label, true),
						estimateTextWidth(label.value, FONT_SIZES.label, true),
					) + 30
				: 0,
		),
	);
	const values = spec.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
	const min = Math.min(...values);
	const max = Math.max(...values);
	// Start at zero when that does not flatten the trend; a line chart is about change.
	const beginAtZero = values.length > 0 && min >= 0 && min <= max * 0.5;
	const unlabelled = styles.some((style) => !style.labelled);

	const endLabelPlugin: Plugin<'line'> = {
		id: 'ojLineEndLabels',
		afterDatasetsDraw(chart) {
			const x = chart.scales.x;
			const y = chart.scales.y;
			if (!x || !y) return;
			const ctx = drawingContext(chart);
			const area = chart.chartArea;
			const lineHeight = FONT_SIZES.label * 1.25;
			const blockHeight = lineHeight * 2 + 4;
			const placed = endLabels
				.map((label, i) => (label ? { label, i, y: y.getPixelForValue(label.last.value) } : undefined))
				.filter((entry) => entry !== undefined)
				.sort((a, b) => a.y - b.y);
			// Push overlapping labels apart, then back up if the last one left the plot.
			for (let k = 1; k < placed.length; k++) {
				const prev = placed[k - 1];
				const cur = placed[k];
				if (prev && cur && cur.y - prev.y < blockHeight) cur.y = prev.y + blockHeight;
			}
			const overflow = (placed[placed.length - 1]?.y ?? 0) + blockHeight / 2 - (area.bottom + 10);
			if (overflow > 0) for (const entry of placed) entry.y -= overflow;
			ctx.save();
			for (const { label, i, y: labelY } of placed) {
				const style = styles[i];
				const series = spec.series[i];
				if (!style || !series) continue;
				const left = area.right + 10;
				ctx.strokeStyle = style.color;
				ctx.lineWidth = Math.max(2.5, style.width);
				ctx.setLineDash(style.dash.map((d) => d / 2));
				ctx.beginPath();
				ctx.moveTo(left, labelY - lineHeight / 2);
				ctx.lineTo(left + 16, labelY - lineHeight / 2);
				ctx.stroke();
				ctx.setLineDash([]);
				ctx.textAlign = 'left';
				ctx.textBaseline = 'middle';
				ctx.font = cssFont(FONT_SIZES.label, series.role === 'focus');
				ctx.fillStyle = series.role === 'focus' ? COLORS.focus : COLORS.text;
				ctx.fillText(label.name, left + 22, labelY - lineHeight / 2);
				ctx.font = cssFont(FONT_SIZES.label, true);
				ctx.fillStyle = series.role === 'focus' ? COLORS.focus : COLORS.text;
				ctx.fillText(label.value, left + 22, labelY + lineHeight / 2);
			}
			ctx.restore();
		},
	};

	const common = commonOptions(layout);
	return {
		type: 'line',
		data: {
			labels: spec.years.map(String),
			datasets: spec.series.map((series, i) => {
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
			}),
		},
		options: {
			...common,
			layout: { padding: layoutPadding(layout, endLabelWidth) },
			plugins: {
				...common.plugins,
				legend: {
					// End labels name every series; the legend is only needed for unlabelled context lines.
					display: unlabelled,
					position: 'top',
					align: 'start',
					labels: {
						color: COLORS.text,
						font: font(FONT_SIZES.legend),
						usePointStyle: true,
						filter: (item: LegendItem) => {
							const i = item.datasetIndex ?? -1;
							return (styles[i]?.labelled ?? false) || i === styles.findIndex((s) => !s.labelled);
						},
						pointStyleWidth: 34,
						generateLabels: (): LegendItem[] =>
							spec.series.map((series, i): LegendItem => {
								const style = styles[i];
								const labelled = style?.labelled ?? true;
								return {
									text: labelled ? series.label : 'Övriga',
									datasetIndex: i,
									fillStyle: style?.color ?? COLORS.other,
									strokeStyle: style?.color ?? COLORS.other,
									lineWidth: Math.max(2, style?.width ?? 2),
									lineDash: style?.dash ?? [],
									pointStyle: 'line',
									fontColor: COLORS.text,
									hidden: false,
								};
							}),
					},
				},
			},
			scales: {
				x: {
					type: 'category',
					grid: { display: false },
					border: { color: COLORS.zeroLine },
					ticks: {
						color: COLORS.text,
						font: font(FONT_SIZES.tick),
						maxRotation: 0,
						autoSkip: true,
						autoSkipPadding: 6,
					},
				},
				y: {
					type: 'linear',
					beginAtZero,
					grace: '5%',
					grid: { color: gridColor },
					border: { display: false },
					ticks: {
						color: COLORS.muted,
						font: font(FONT_SIZES.label - 1),
						maxTicksLimit: 7,
						callback: (value: number | string, _index: number, ticks: Tick[]) =>
							formatTick(Number(value), spec.format, tickStep(ticks)),
					},
				},
			},
		},
		plugins: [footerPlugin(layout), noDataPlugin(values.length > 0), endLabelPlugin],
	};
}

// ---------------------------------------------------------------------------------------------
// Categorical: answers per area (dot chart)

function categoricalAreasConfig(spec: CategoricalAreasSpec, size: ChartSize): ScatterChartConfiguration {
	const layout = layoutFor(spec, size);
	const categories = byRank(spec.categories);
	const colors = rankColors(categories.length);
	const hasMissing = spec.rows.some((row) => row.answer === null);
	const columns = [
		...categories.map((category, i) => ({ label: category.label, color: colors[i] ?? COLORS.neutral })),
		...(hasMissing ? [{ label: MISSING_ANSWER_LABEL, color: COLORS.missing }] : []),
	];
	const columnOf = (answer: AnswerCategory | null): number => {
		if (answer === null) return categories.length;
		const index = categories.findIndex((category) => category.label === answer.label);
		return index >= 0 ? index : categories.findIndex((category) => category.rank === answer.rank);
	};
	const counts = columns.map((_, c) => spec.rows.filter((row) => columnOf(row.answer) === c).length);
	const roles = spec.rows.map((row) => row.role);
	const rowFont = rowFontSize(spec.rows.length, size, layout);
	const tickLines = spec.rows.map((row) =>
		wrapText(row.label, size.width * 0.26, rowFont, spec.rows.length > 16 ? 1 : 2, row.role === 'focus'),
	);
	const labelWidth = categoryLabelWidth(tickLines, rowFont);
	const columnWidth = 190;
	const available = size.width - PAD.left - PAD.right - labelWidth - 20;
	const rightExtra = Math.max(0, available - columns.length * columnWidth);
	const step = (size.height - layout.headerHeight - layout.footerHeight - 40) / Math.max(1, spec.rows.length);
	const radius = Math.max(6, Math.min(11, step * 0.32));
	const common = commonOptions(layout);

	return {
		type: 'scatter',
		data: {
			datasets: columns.map((column, c) => {
				const members = spec.rows.flatMap((row, y) => (columnOf(row.answer) === c ? [{ row, y }] : []));
				const missing = hasMissing && c === columns.length - 1;
				return {
					label: column.label,
					data: members.map(({ y }) => ({ x: c, y })),
					backgroundColor: missing ? '#FFFFFF' : column.color,
					pointBackgroundColor: missing ? '#FFFFFF' : column.color,
					pointBorderColor: members.map(({ row }) =>
						row.role === 'focus' ? COLORS.text : missing ? '#8A8A8A' : '#4D4D4D',
					),
					pointBorderWidth: members.map(({ row }) => (row.role === 'focus' ? 3 : missing ? 2 : 1)),
					pointRadius: members.map(({ row }) => (row.role === 'focus' ? radius + 3 : radius)),
					pointStyle: 'circle' as const,
				};
			}),
		},
		options: {
			...common,
			layout: { padding: layoutPadding(layout, rightExtra) },
			plugins: { ...common.plugins, legend: { display: false } },
			scales: {
				// Linear index scales with one tick per column/row: a category scale would map numeric
				// points to their position in the dataset instead of the row they name.
				x: {
					type: 'linear',
					position: 'top',
					min: -0.5,
					max: columns.length - 0.5,
					afterBuildTicks: (scale: Scale) => {
						scale.ticks = columns.map((_, c) => ({ value: c }));
					},
					grid: { display: false },
					border: { display: false },
					ticks: {
						color: COLORS.text,
						font: font(FONT_SIZES.tick, true),
						autoSkip: false,
						maxRotation: 0,
						// Column headers double as the legend; the count helps reading long lists.
						callback: (value: number | string) => {
							const index = Number(value);
							const column = columns[index];
							return column ? `${column.label} (${counts[index] ?? 0})` : '';
						},
					},
				},
				y: {
					type: 'linear',
					reverse: true,
					min: -0.5,
					max: spec.rows.length - 0.5,
					afterBuildTicks: (scale: Scale) => {
						scale.ticks = spec.rows.map((_, r) => ({ value: r }));
					},
					grid: { display: false },
					border: { display: false },
					ticks: {
						autoSkip: false,
						padding: 10,
						color: (context: ScriptableScaleContext) => (roles[context.index] === 'focus' ? COLORS.focus : COLORS.text),
						font: (context: ScriptableScaleContext) => font(rowFont, roles[context.index] === 'focus'),
						callback: (value: number | string) => tickLines[Number(value)] ?? '',
					},
				},
			},
		},
		plugins: [
			footerPlugin(layout),
			noDataPlugin(spec.rows.length > 0),
			rowBandsPlugin<'scatter'>(roles, 'y'),
			columnGuidesPlugin(columns.length),
		],
	};
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
				ctx.beginPath();
				ctx.moveTo(px, area.top);
				ctx.lineTo(px, area.bottom);
				ctx.stroke();
			}
			ctx.restore();
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Categorical: shares per group (100 % stacked bars)

function categoricalSharesConfig(spec: CategoricalSharesSpec, size: ChartSize): BarChartConfiguration {
	const layout = layoutFor(spec, size);
	const order = spec.categories
		.map((category, index) => ({ category, index }))
		.sort((a, b) => a.category.rank - b.category.rank);
	const colors = rankColors(order.length);
	const missingCounts = spec.groups.map((group) =>
		Math.max(0, group.missing ?? group.n - group.counts.reduce((sum, count) => sum + count, 0)),
	);
	const hasMissing = missingCounts.some((count) => count > 0);
	const segments = [
		...order.map(({ category, index }, i) => ({
			label: category.label,
			color: colors[i] ?? COLORS.neutral,
			counts: spec.groups.map((group) => group.counts[index] ?? 0),
		})),
		...(hasMissing ? [{ label: MISSING_ANSWER_LABEL, color: COLORS.missing, counts: missingCounts }] : []),
	];
	const share = (count: number, n: number): number | null => (n > 0 ? (count / n) * 100 : null);
	const roles = spec.groups.map((group) => group.role ?? 'other');
	const tickLines = spec.groups.map((group) => [
		...wrapText(group.label, size.width * 0.26, FONT_SIZES.tick, 2, group.role === 'focus'),
		`n = ${group.n}`,
	]);
	const common = commonOptions(layout);

	const segmentLabels: Plugin<'bar'> = {
		id: 'ojShareLabels',
		afterDatasetsDraw(chart) {
			const x = chart.scales.x;
			const y = chart.scales.y;
			if (!x || !y) return;
			const ctx = drawingContext(chart);
			ctx.save();
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
			ctx.restore();
		},
	};

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
			plugins: {
				...common.plugins,
				legend: {
					display: true,
					position: 'top',
					align: 'start',
					labels: { color: COLORS.text, font: font(FONT_SIZES.legend), boxWidth: 18, boxHeight: 18, padding: 16 },
				},
			},
			scales: {
				x: {
					type: 'linear',
					stacked: true,
					min: 0,
					max: 100,
					grid: { color: COLORS.grid },
					border: { display: false },
					ticks: {
						color: COLORS.muted,
						font: font(FONT_SIZES.label - 1),
						stepSize: 25,
						callback: (value: number | string) => formatPercent(Number(value), 0),
					},
				},
				y: {
					type: 'category',
					stacked: true,
					grid: { display: false },
					border: { display: false },
					ticks: {
						autoSkip: false,
						color: (context: ScriptableScaleContext) => (roles[context.index] === 'focus' ? COLORS.focus : COLORS.text),
						font: (context: ScriptableScaleContext) => font(FONT_SIZES.tick, roles[context.index] === 'focus'),
						callback: (_value: number | string, index: number) => tickLines[index] ?? '',
					},
				},
			},
		},
		plugins: [footerPlugin(layout), noDataPlugin(spec.groups.length > 0), segmentLabels],
	};
}

// ---------------------------------------------------------------------------------------------
// Profile: diverging bars around Riket plus ✓/✗ answers

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

function profileConfig(spec: ProfileChartSpec, size: ChartSize): BarChartConfiguration {
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
	const plotLength = size.width - PAD.left - PAD.right - categoryLabelWidth(tickLines, rowFont, false) - 12;
	const range = paddedRange([-limit, limit], labelWidth * 1.1 + 14, plotLength);
	const bound = Math.max(Math.abs(range.min), Math.abs(range.max));
	const present = (['good', 'bad', 'neutral'] as const).filter((a) => rows.some((row) => row.assessment === a));
	const common = commonOptions(layout);

	const profileLabels: Plugin<'bar'> = {
		id: 'ojProfileLabels',
		afterDatasetsDraw(chart) {
			const x = chart.scales.x;
			const y = chart.scales.y;
			if (!x || !y) return;
			const ctx = drawingContext(chart);
			const zero = x.getPixelForValue(0);
			ctx.save();
			ctx.textBaseline = 'middle';
			rows.forEach((row, i) => {
				const center = y.getPixelForValue(i);
				if (row.kind === 'answer') {
					const text = row.answer === null ? MISSING : `${ASSESSMENT_MARK[row.assessment]} ${row.answer}`.trim();
					ctx.font = cssFont(rowFont, true);
					ctx.textAlign = 'center';
					labelOnWhite(ctx, text, zero, center, 'center', rowFont);
					ctx.fillStyle = row.answer === null ? COLORS.muted : assessmentTextColor(row.assessment);
					ctx.fillText(text, zero, center);
					return;
				}
				if (row.diff === null) {
					ctx.font = cssFont(rowFont);
					ctx.textAlign = 'left';
					ctx.fillStyle = COLORS.muted;
					ctx.fillText(MISSING, zero + 6, center);
					return;
				}
				const negative = row.diff < 0;
				const clipped = Math.abs(row.diff) > limit;
				const end = x.getPixelForValue(Math.max(-limit, Math.min(limit, row.diff)));
				if (clipped) {
					// Axis-break mark: two white slashes across the bar near its end.
					const step = y.getPixelForValue(1) - y.getPixelForValue(0);
					const half = Math.abs(rows.length > 1 ? step : 20) * 0.4;
					const at = negative ? end + 22 : end - 22;
					ctx.strokeStyle = '#FFFFFF';
					ctx.lineWidth = 3;
					for (const offset of [-4, 4]) {
						ctx.beginPath();
						ctx.moveTo(at + offset - 4, center + half);
						ctx.lineTo(at + offset + 4, center - half);
						ctx.stroke();
					}
				}
				ctx.font = cssFont(rowFont, true);
				ctx.textAlign = negative ? 'right' : 'left';
				ctx.fillStyle = assessmentTextColor(row.assessment);
				ctx.fillText(profileValueText(row.diff, row.assessment, negative), negative ? end - 6 : end + 6, center);
			});
			ctx.restore();
		},
	};

	return {
		type: 'bar',
		data: {
			labels: rows.map((row) => row.label),
			datasets: [
				{
					label: 'Skillnad mot riket',
					data: rows.map((row) =>
						row.kind === 'numeric' && row.diff !== null ? Math.max(-limit, Math.min(limit, row.diff)) : null,
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
			layout: { padding: layoutPadding(layout) },
			plugins: {
				...common.plugins,
				legend: {
					display: present.length > 0,
					position: 'top',
					align: 'start',
					labels: {
						color: COLORS.text,
						font: font(FONT_SIZES.legend),
						boxWidth: 18,
						boxHeight: 18,
						padding: 16,
						generateLabels: (): LegendItem[] =>
							present.map((assessment) => ({
								text: ASSESSMENT_LEGEND[assessment],
								fillStyle: assessmentColor(assessment),
								strokeStyle: assessmentColor(assessment),
								lineWidth: 0,
								fontColor: COLORS.text,
								hidden: false,
							})),
					},
				},
			},
			scales: {
				x: {
					type: 'linear',
					min: -bound,
					max: bound,
					grid: {
						color: gridColor,
						lineWidth: (context: ScriptableScaleContext) => (context.tick.value === 0 ? 2 : 1),
					},
					border: { display: false },
					title: {
						display: true,
						text: 'Skillnad mot riket',
						color: COLORS.muted,
						font: font(FONT_SIZES.label),
					},
					ticks: {
						color: COLORS.muted,
						font: font(FONT_SIZES.label - 1),
						maxTicksLimit: 9,
						includeBounds: false,
						callback: (value: number | string) => formatDiffPercent(Number(value), 0),
					},
				},
				y: {
					type: 'category',
					grid: { display: false },
					border: { display: false },
					ticks: {
						autoSkip: false,
						color: COLORS.text,
						font: font(rowFont),
						callback: (_value: number | string, index: number) => tickLines[index] ?? '',
					},
				},
			},
		},
		plugins: [
			footerPlugin(layout),
			noDataPlugin(rows.length > 0),
			rowBandsPlugin<'bar'>(
				rows.map(() => 'other'),
				'y',
			),
			profileLabels,
		],
	};
}

// ---------------------------------------------------------------------------------------------

/**
 * Builds a fresh Chart.js configuration for `spec` at `size`.
 *
 * Pure: the same spec gives an equal configuration, and every call returns new objects (Chart.js
 * mutates what it is given, so a configuration must never be reused). The inline plugins in
 * `config.plugins` draw labels, reference lines and the footer when the chart is rendered.
 *
 * @throws RangeError when a line series does not have one value per year.
 */
export function toChartConfig(spec: ChartSpec, size: ChartSize): OjChartConfiguration {
	switch (spec.kind) {
		case 'bar':
			return barConfig(spec, size);
		case 'line':
			return lineConfig(spec, size);
		case 'categorical':
			return spec.variant === 'areas' ? categoricalAreasConfig(spec, size) : categoricalSharesConfig(spec, size);
		case 'profile':
			return profileConfig(spec, size);
		case 'map':
			return mapConfig(spec, size);
	}
}
