/**
 * Chart spec → PNG.
 *
 * One long-lived `ChartJSNodeCanvas` per size in {@link CHART_SIZES} (`wide` 1000×560, `tall`
 * 1000×820, `xtall` 1000×1200), created lazily on first use and reused: every instance loads its
 * own copy of Chart.js, so an instance per render leaks memory. The chart font is registered
 * (`fonts.ts`) before the first render.
 *
 * Drawing is synchronous (Chart.js) and PNG encoding runs on libuv's thread pool. This module has no
 * queue of its own: the bot's one bound on renders in flight and waiting is the worker pool in
 * `pool.ts`, whose workers call {@link renderChart}.
 */
import { createRequire } from 'node:module';
import { Canvas, type PngConfig } from 'canvas';
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { CHART_SIZES, FONT_FAMILY, chartSizeFor, toChartConfig, type ChartSizeName } from './config.js';
import { ensureChartFonts } from './fonts.js';
import type { ChartSpec } from './spec.js';

/**
 * PNG encoding is most of a render's CPU time, so three measured savings: zlib level 3 instead of
 * canvas's default 6 (about 20 % less CPU, files no larger); an opaque RGB24 canvas instead of
 * ARGB32 (another 13–17 % less CPU for files 5–9 % larger, still well under 250 kB; every chart has
 * a white background, so the alpha channel carries nothing); and no row filter, since flat colour
 * compresses best unfiltered (trying all five filters, the default, doubled the encode time for a
 * larger file: top-15 list 47 → 25 ms p50, 84 → 78 kB).
 */
const PNG_OPTIONS: PngConfig = { compressionLevel: 3, filters: Canvas.PNG_FILTER_NONE };
const BACKGROUND = '#FFFFFF';

/**
 * Paints the background before anything else is drawn. The `backgroundColour` option of
 * chartjs-node-canvas paints behind existing pixels, which has no effect on a canvas without alpha,
 * where Chart.js's clear leaves black.
 */
const opaqueBackground = {
	id: 'ojOpaqueBackground',
	beforeDraw(chart: { readonly width: number; readonly height: number; readonly ctx: unknown }) {
		const ctx = chart.ctx as {
			fillStyle: string;
			save(): void;
			restore(): void;
			fillRect(x: number, y: number, w: number, h: number): void;
		};
		ctx.save();
		ctx.fillStyle = BACKGROUND;
		ctx.fillRect(0, 0, chart.width, chart.height);
		ctx.restore();
	},
};

/** `ChartJSNodeCanvas` with control over pixel format and PNG encoding, which `renderToBuffer` does not expose. */
class PngChartRenderer extends ChartJSNodeCanvas {
	renderPng(configuration: ChartConfiguration): Promise<Buffer> {
		const canvas = this._createCanvas(this._width, this._height);
		const chart = new this._chartJs(canvas.getContext('2d', { pixelFormat: 'RGB24' }), configuration);
		return new Promise((resolve, reject) => {
			// Encoding runs on libuv's thread pool; the chart is released once the pixels are copied out.
			canvas.toBuffer(
				(error, png) => {
					chart.destroy();
					// Frees the pixels (4.8 MB at the tallest size) now. canvas does not report them to V8, so
					// the garbage collector would free them whenever it got round to the canvas object, and
					// under load a thread would hold many such dead canvases.
					canvas.width = 0;
					if (error) reject(error);
					else resolve(png);
				},
				'image/png',
				PNG_OPTIONS,
			);
		});
	}
}

const renderers = new Map<ChartSizeName, PngChartRenderer>();

/**
 * chartjs-chart-geo's controllers, scales and element for the Chart.js copy a renderer is being
 * built with. Chart.js files a controller by the DatasetController its class extends, so the
 * classes must come from the same copy: chartjs-node-canvas gives every renderer a fresh Chart.js
 * from its CommonJS entry (still in the require cache while `chartCallback` runs), so the CommonJS
 * build of chartjs-chart-geo is required afresh here. Its ESM build, or a copy bound to another
 * renderer's Chart.js, fails with "choropleth is not a registered controller".
 */
function geoComponents(): unknown[] {
	const require = createRequire(import.meta.url);
	const file = require.resolve('chartjs-chart-geo');
	// eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a fresh copy per renderer, as above
	delete require.cache[file];
	const geo = require(file) as Record<string, unknown>;
	return [geo['ChoroplethController'], geo['GeoFeature'], geo['ProjectionScale'], geo['ColorScale']];
}

function rendererFor(size: ChartSizeName): PngChartRenderer {
	let renderer = renderers.get(size);
	if (!renderer) {
		ensureChartFonts();
		const { width, height } = CHART_SIZES[size];
		renderer = new PngChartRenderer({
			width,
			height,
			chartCallback: (chartJs) => {
				chartJs.register(opaqueBackground, ...(geoComponents() as Parameters<typeof chartJs.register>));
				// Fallbacks only: every configuration sets its fonts explicitly.
				chartJs.defaults.font.family = FONT_FAMILY;
				chartJs.defaults.color = '#1A1A1A';
			},
		});
		renderers.set(size, renderer);
	}
	return renderer;
}

/** Counters for monitoring and benchmarks. */
export interface RenderStats {
	/** Renders that returned a PNG. */
	readonly completed: number;
	/** Renders that threw. */
	readonly failed: number;
	/** Sizes whose renderer has been created. */
	readonly renderers: readonly ChartSizeName[];
}

let completed = 0;
let failed = 0;

/** Counters since start or the last {@link resetRenderStats}. */
export function getRenderStats(): RenderStats {
	return { completed, failed, renderers: [...renderers.keys()] };
}

/** Resets the completed/failed counters. */
export function resetRenderStats(): void {
	completed = 0;
	failed = 0;
}

/**
 * Renders `spec` to a PNG at the size {@link chartSizeFor} picks, in this thread. How many renders
 * run at once is the caller's choice: the bot renders through the bounded `RenderPool` in
 * `pool.ts`, the shell one chart at a time.
 *
 * @throws RangeError for an inconsistent spec (see `toChartConfig`), Error when the font is missing.
 */
export async function renderChart(spec: ChartSpec): Promise<Buffer> {
	try {
		const size = chartSizeFor(spec);
		const renderer = rendererFor(size);
		// A fresh configuration per render: Chart.js mutates the one it is given.
		const config = toChartConfig(spec, CHART_SIZES[size]);
		const png = await renderer.renderPng(config);
		completed++;
		return png;
	} catch (error) {
		failed++;
		throw error;
	}
}

export { CHART_SIZES, chartSizeFor, type ChartSizeName };
