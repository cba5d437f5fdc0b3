/**
 * Layout every chart shares: title, subtitle and source line wrapped to the image, the padding
 * that leaves room for them, and the Chart.js options common to all charts.
 */
import { COLORS, FONT_SIZES, PAD, font } from './style.js';
import { wrapText } from './text.js';
import type { ChartSpec } from './spec.js';

/** A canvas size in pixels. */
export interface ChartSize {
	readonly width: number;
	readonly height: number;
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

/** Height of the plot: the image less header, footer and `reserved` pixels. */
export function plotHeight(size: ChartSize, layout: Layout, reserved: number): number {
	return size.height - layout.headerHeight - layout.footerHeight - reserved;
}

/** Font size for list rows: about half the row height, between 11 px and the tick size. */
export function rowFontSize(rows: number, size: ChartSize, layout: Layout, reserved = 40): number {
	const rowHeight = plotHeight(size, layout, reserved) / Math.max(1, rows);
	return Math.max(11, Math.min(FONT_SIZES.tick, Math.floor(rowHeight * 0.5)));
}

/** Chart.js layout padding that leaves room for the footer (and `right` extra pixels). */
export function layoutPadding(layout: Layout, right = 0) {
	return { top: PAD.top, left: PAD.left, right: PAD.right + right, bottom: layout.footerHeight };
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

/** A legend at the top left in the legend font, with `labels` added to its label options. */
export function topLegend<L extends object>(display: boolean, labels: L) {
	return {
		display,
		position: 'top' as const,
		align: 'start' as const,
		labels: { color: COLORS.text, font: font(FONT_SIZES.legend), ...labels },
	};
}

/** Legend label options for square colour boxes. */
export function boxLegendLabels() {
	return { boxWidth: 18, boxHeight: 18, padding: 16 };
}
