/**
 * Chart spec → Chart.js configuration, as a pure function, and the image size each spec is drawn at.
 *
 * Nothing here touches a canvas: `toChartConfig` hands the spec to the module of its kind in
 * `kinds/`, which returns a fresh configuration object on every call (Chart.js mutates the
 * configuration it is given), with small inline plugins for what Chart.js does not draw itself:
 * value labels at bar ends, reference lines, line-end labels, the source footer and row highlights.
 * Those plugins only run when the renderer draws the chart.
 *
 * Style (`style.ts`): white background (set by the renderer), DejaVu Sans everywhere, Okabe–Ito
 * colours (safe for colour blindness) and a second cue beside colour wherever colour carries
 * meaning (text, ✓/✗, dash pattern, position).
 */
import { barConfig, isHorizontal, type BarChartConfiguration } from './kinds/bar.js';
import { categoricalAreasConfig, type ScatterChartConfiguration } from './kinds/categorical-areas.js';
import { categoricalSharesConfig } from './kinds/categorical-shares.js';
import { lineConfig, type LineChartConfiguration } from './kinds/line.js';
import { mapConfig, type MapChartConfiguration } from './kinds/map.js';
import { profileConfig } from './kinds/profile.js';
import type { ChartSize } from './layout.js';
import type { ChartSpec } from './spec.js';

export { FONT_FAMILY } from './style.js';

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

/** Any configuration {@link toChartConfig} returns. */
export type OjChartConfiguration =
	BarChartConfiguration | LineChartConfiguration | ScatterChartConfiguration | MapChartConfiguration;

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
