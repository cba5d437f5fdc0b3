/**
 * Inline Chart.js plugins shared by the chart kinds: the source footer, the "no data" note and
 * row bands. They only run when the renderer draws the chart.
 */
import type { Chart, ChartType, Plugin, Scale } from 'chart.js';
import { drawingContext, type DrawingContext } from './canvas.js';
import type { Layout } from './layout.js';
import { COLORS, FONT_SIZES, MISSING_ANSWER_LABEL, PAD, cssFont } from './style.js';
import type { ChartRole } from './spec.js';

/** The two scales of a plot. */
export interface PlotScales {
	readonly x: Scale;
	readonly y: Scale;
}

/**
 * A plugin that draws over the datasets once both scales exist, with the context saved around
 * `draw`.
 */
export function overDatasetsPlugin<T extends ChartType>(
	id: string,
	draw: (ctx: DrawingContext, scales: PlotScales, chart: Chart<T>) => void,
): Plugin<T> {
	return {
		id,
		afterDatasetsDraw(chart) {
			const x = chart.scales.x;
			const y = chart.scales.y;
			if (!x || !y) return;
			const ctx = drawingContext(chart);
			ctx.save();
			draw(ctx, { x, y }, chart);
			ctx.restore();
		},
	};
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
export function noDataPlugin<T extends ChartType>(hasData: boolean): Plugin<T> {
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
export function rowBandsPlugin<T extends ChartType>(roles: readonly ChartRole[]): Plugin<T> {
	return {
		id: 'ojRowBands',
		beforeDatasetsDraw(chart) {
			const scale = chart.scales.y;
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

/** The pieces every chart kind's plugin list starts with: the footer and the "no data" note. */
export function basePlugins<T extends ChartType>(layout: Layout, hasData: boolean): Plugin<T>[] {
	return [footerPlugin<T>(layout), noDataPlugin<T>(hasData)];
}
