/**
 * Map spec → Chart.js configuration for chartjs-chart-geo's choropleth.
 *
 * The shapes come projected and fitted from `map-geometry.ts` (once per län and size); the chart
 * draws them through d3's identity transform, so no spherical projection runs per render. Inline
 * plugins draw what the choropleth does not: the hatch over kommuner without a value, län borders,
 * the outlined kommun with its label, and the legend with class limits. Like every chart kind, this
 * never touches a canvas until the renderer draws.
 */
import { createCanvas, type Canvas } from 'canvas';
import type { ChartConfiguration, Plugin } from 'chart.js';
// Types only: adds the choropleth chart type to Chart.js's registry. The renderer registers the code.
import type {} from 'chartjs-chart-geo';
import { geoIdentity, geoPath, type GeoContext, type GeoPath, type GeoProjection } from 'd3-geo';
import { strokeLine, type DrawingContext } from '../canvas.js';
import { commonOptions, layoutFor, layoutPadding, type ChartSize, type Layout } from '../layout.js';
import { MISSING_FILL, MISSING_HATCH, mapColors } from '../map-classes.js';
import { projectedMap, type KommunShape, type ProjectedMap } from '../map-geometry.js';
import { footerPlugin } from '../plugins.js';
import { COLORS, FONT_SIZES, PAD, cssFont } from '../style.js';
import { wrapText } from '../text.js';
import type { MapChartSpec } from '../spec.js';

/** One kommun as the choropleth receives it: its shape and its class (−1 without a value). */
export interface MapDataPoint {
	readonly feature: KommunShape;
	readonly value: number;
}

/** Chart.js configuration for a map. */
export type MapChartConfiguration = ChartConfiguration<'choropleth', MapDataPoint[], string>;

/** Width of the legend column at the right of the map. */
const LEGEND_WIDTH = 330;
const SWATCH = { width: 26, height: 18 } as const;
/** Distance between hatch lines over kommuner without a value. */
const HATCH_STEP = 7;

/** The part of a drawing context the map plugins use: fills may be a hatch pattern. */
interface MapContext extends Omit<DrawingContext, 'fillStyle'> {
	fillStyle: unknown;
	lineJoin: string;
	strokeRect(x: number, y: number, w: number, h: number): void;
	createPattern(image: Canvas, repetition: string): unknown;
}

interface ChartLike {
	readonly ctx: unknown;
	readonly width: number;
	readonly height: number;
	readonly chartArea: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
	readonly scales: Record<string, unknown>;
}

function contextOf(chart: ChartLike): MapContext {
	return chart.ctx as MapContext;
}

/** The fitted transform chartjs-chart-geo's projection scale draws with. */
function drawingProjection(chart: ChartLike): GeoProjection {
	return (chart.scales['projection'] as { readonly projection: GeoProjection }).projection;
}

/** Whole-country maps draw borders thin and light, one-län maps darker. */
function borderStyle(map: ProjectedMap, whole: boolean) {
	return whole
		? [
				{ lines: map.inner, color: '#FFFFFF', width: 0.5 },
				{ lines: map.lanBorders, color: '#3A3A3A', width: 1.1 },
				{ lines: map.outline, color: '#6E6E6E', width: 0.6 },
			]
		: [
				{ lines: map.inner, color: '#5C5C5C', width: 0.8 },
				{ lines: map.outline, color: '#3A3A3A', width: 1.2 },
			];
}

/** The context of a map chart and a path drawer into it through the chart's fitted projection. */
function geoDrawing(chart: ChartLike): { readonly ctx: MapContext; readonly path: GeoPath } {
	const ctx = contextOf(chart);
	return { ctx, path: geoPath(drawingProjection(chart), ctx as unknown as GeoContext) };
}

/** Strokes every border once (kommun, län, outer edge) after the fills. */
function bordersPlugin(map: ProjectedMap, whole: boolean): Plugin<'choropleth'> {
	return {
		id: 'ojMapBorders',
		afterDatasetsDraw(chart) {
			const { ctx, path } = geoDrawing(chart);
			ctx.save();
			ctx.lineJoin = 'round';
			for (const { lines, color, width } of borderStyle(map, whole)) {
				if (lines.coordinates.length === 0) continue;
				ctx.beginPath();
				path(lines);
				ctx.strokeStyle = color;
				ctx.lineWidth = width;
				ctx.stroke();
			}
			ctx.restore();
		},
	};
}

let hatchTile: Canvas | undefined;

/** A small tile of diagonal lines on the missing grey, made on first draw. */
function hatchPattern(ctx: { createPattern(image: Canvas, repetition: string): unknown }): unknown {
	if (!hatchTile) {
		hatchTile = createCanvas(HATCH_STEP, HATCH_STEP);
		const tile = hatchTile.getContext('2d');
		tile.fillStyle = MISSING_FILL;
		tile.fillRect(0, 0, HATCH_STEP, HATCH_STEP);
		tile.strokeStyle = MISSING_HATCH;
		tile.lineWidth = 1;
		tile.beginPath();
		// Three strokes so the diagonal continues across tile edges.
		for (const offset of [-HATCH_STEP, 0, HATCH_STEP]) {
			tile.moveTo(offset, HATCH_STEP);
			tile.lineTo(offset + HATCH_STEP, 0);
		}
		tile.stroke();
	}
	return ctx.createPattern(hatchTile, 'repeat');
}

/** Draws text on a white box with a thin frame. */
function boxedText(ctx: MapContext, lines: readonly string[], x: number, y: number, fontSize: number): void {
	const lineHeight = fontSize * 1.25;
	ctx.font = cssFont(fontSize, true);
	const width = Math.max(...lines.map((l) => ctx.measureText(l).width));
	ctx.fillStyle = 'rgba(255,255,255,0.94)';
	ctx.strokeStyle = COLORS.text;
	ctx.lineWidth = 1;
	ctx.fillRect(x - 5, y - 4, width + 10, lines.length * lineHeight + 6);
	ctx.strokeRect(x - 5, y - 4, width + 10, lines.length * lineHeight + 6);
	ctx.fillStyle = COLORS.text;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'top';
	lines.forEach((line, i) => ctx.fillText(line, x, y + i * lineHeight));
}

/** A white halo and a black line around `shape`. */
function outline(ctx: MapContext, path: GeoPath, shape: KommunShape): void {
	ctx.beginPath();
	path(shape);
	ctx.lineJoin = 'round';
	ctx.strokeStyle = '#FFFFFF';
	ctx.lineWidth = 5;
	ctx.stroke();
	ctx.strokeStyle = '#000000';
	ctx.lineWidth = 2.5;
	ctx.stroke();
}

/** The kommun's name and value in a box beside it, right when there is room before the legend, else left. */
function nameBeside(ctx: MapContext, chart: ChartLike, shape: KommunShape, label: string): void {
	const [[x0, y0], [x1, y1]] = geoPath(drawingProjection(chart)).bounds(shape);
	const lines = wrapText(label, LEGEND_WIDTH - 40, FONT_SIZES.label, 2, true);
	ctx.font = cssFont(FONT_SIZES.label, true);
	const width = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 10;
	const height = lines.length * FONT_SIZES.label * 1.25 + 6;
	const area = chart.chartArea;
	const right = x1 + 14 + width <= area.right;
	const x = right ? x1 + 14 : Math.max(PAD.left, x0 - 14 - width);
	const y = Math.min(Math.max(area.top, (y0 + y1) / 2 - height / 2), area.bottom - height);
	ctx.strokeStyle = COLORS.text;
	ctx.lineWidth = 1.2;
	strokeLine(ctx, right ? x1 : x0, (y0 + y1) / 2, right ? x - 5 : x + width - 5, y + height / 2 - 2);
	boxedText(ctx, lines, x, y, FONT_SIZES.label);
}

/** Outlines the highlighted kommun and names it with its value, beside the kommun. */
function highlightPlugin(shape: KommunShape, label: string): Plugin<'choropleth'> {
	return {
		id: 'ojMapHighlight',
		afterDatasetsDraw(chart) {
			const { ctx, path } = geoDrawing(chart);
			ctx.save();
			outline(ctx, path, shape);
			nameBeside(ctx, chart, shape, label);
			ctx.restore();
		},
	};
}

/** Writes `lines` down from `y`, `step` apart, and returns where the next line would go. */
function writeLines(ctx: MapContext, lines: readonly string[], x: number, y: number, step: number): number {
	let at = y;
	for (const line of lines) {
		ctx.fillText(line, x, at);
		at += step;
	}
	return at;
}

/** One legend entry at `y`: its swatch (hatched for missing) and its wrapped label; returns the next entry's y. */
function legendEntry(
	ctx: MapContext,
	left: number,
	y: number,
	entry: { fill: string; text: string; hatched: boolean },
): number {
	const labelWidth = LEGEND_WIDTH - 20 - SWATCH.width - 10;
	ctx.fillStyle = entry.hatched ? hatchPattern(ctx) : entry.fill;
	ctx.fillRect(left, y, SWATCH.width, SWATCH.height);
	ctx.strokeStyle = '#555555';
	ctx.lineWidth = 1;
	ctx.strokeRect(left + 0.5, y + 0.5, SWATCH.width - 1, SWATCH.height - 1);
	ctx.fillStyle = COLORS.text;
	ctx.font = cssFont(FONT_SIZES.legend);
	const lines = wrapText(entry.text, labelWidth, FONT_SIZES.legend, 2);
	writeLines(ctx, lines, left + SWATCH.width + 10, y + 1, FONT_SIZES.legend * 1.25);
	return y + Math.max(SWATCH.height + 10, lines.length * FONT_SIZES.legend * 1.25 + 8);
}

/** The legend: heading, one swatch per class, the missing swatch with its hatch, notes. */
function legendPlugin(spec: MapChartSpec, colors: readonly string[], anyMissing: boolean): Plugin<'choropleth'> {
	const entries = spec.classes.map((c, i) => ({ fill: colors[i] ?? MISSING_FILL, text: c.label, hatched: false }));
	if (anyMissing) entries.push({ fill: MISSING_FILL, text: spec.missingLabel, hatched: true });
	return {
		id: 'ojMapLegend',
		afterDraw(chart) {
			const ctx = contextOf(chart);
			const left = chart.width - PAD.right - LEGEND_WIDTH + 20;
			const textWidth = LEGEND_WIDTH - 20;
			ctx.save();
			ctx.textAlign = 'left';
			ctx.textBaseline = 'top';
			ctx.fillStyle = COLORS.text;
			ctx.font = cssFont(FONT_SIZES.legend, true);
			const title = wrapText(spec.legendTitle, textWidth, FONT_SIZES.legend, 3, true);
			let y = writeLines(ctx, title, left, chart.chartArea.top, FONT_SIZES.legend * 1.3) + 8;
			for (const entry of entries) y = legendEntry(ctx, left, y, entry);
			y += 10;
			ctx.fillStyle = COLORS.muted;
			ctx.font = cssFont(FONT_SIZES.label);
			for (const note of spec.notes ?? []) {
				y = writeLines(ctx, wrapText(note, textWidth, FONT_SIZES.label, 3), left, y, FONT_SIZES.label * 1.3) + 4;
			}
			ctx.restore();
		},
	};
}

/** The plugins of a map: borders, the highlighted kommun (when it is on the map), legend and footer. */
function mapPlugins(
	spec: MapChartSpec,
	layout: Layout,
	map: ProjectedMap,
	colors: readonly string[],
	anyMissing: boolean,
) {
	const { highlight } = spec;
	const highlighted = highlight && map.kommuner.find((k) => k.properties.id === highlight.id);
	return [
		bordersPlugin(map, spec.lanId === undefined),
		...(highlight && highlighted ? [highlightPlugin(highlighted, highlight.label)] : []),
		legendPlugin(spec, colors, anyMissing),
		footerPlugin<'choropleth'>(layout),
	];
}

/**
 * The Chart.js configuration of a map. Every call returns new objects; the projected shapes are
 * shared (read-only) between calls.
 *
 * @throws RangeError when the spec names a län without kommun shapes.
 */
export function mapConfig(spec: MapChartSpec, size: ChartSize): MapChartConfiguration {
	const layout = layoutFor(spec, size);
	const map = projectedMap(spec.lanId, { width: size.width - LEGEND_WIDTH, height: size.height });
	const classOf = new Map(spec.areas.map((a) => [a.id, a.classIndex]));
	const colors = mapColors(spec.scheme, spec.classes.length);
	const data: MapDataPoint[] = map.kommuner.map((feature) => ({
		feature,
		value: classOf.get(feature.properties.id) ?? -1,
	}));
	const common = commonOptions(layout);
	return {
		type: 'choropleth',
		data: {
			labels: data.map((d) => d.feature.properties.name),
			datasets: [
				{
					label: spec.title,
					data,
					outline: [...map.kommuner],
					// Kommuner without a value get the hatch; borders are stroked once by bordersPlugin.
					backgroundColor: (c: { readonly raw?: unknown; readonly chart: { readonly ctx: unknown } }) => {
						const value = (c.raw as MapDataPoint | undefined)?.value ?? -1;
						return (value < 0 ? hatchPattern(c.chart.ctx as MapContext) : (colors[value] ?? MISSING_FILL)) as string;
					},
					borderColor: '',
					borderWidth: 0,
				},
			],
		},
		options: {
			...common,
			plugins: { ...common.plugins, legend: { display: false } },
			layout: { padding: layoutPadding(layout, LEGEND_WIDTH) },
			scales: {
				projection: {
					axis: 'x',
					// Shapes are projected already; the identity only scales them into the chart area.
					projection: geoIdentity() as unknown as GeoProjection,
					padding: 4,
				},
				color: { axis: 'x', display: false },
			},
		},
		plugins: mapPlugins(
			spec,
			layout,
			map,
			colors,
			data.some((d) => d.value < 0),
		),
	};
}
