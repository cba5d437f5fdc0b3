/**
 * Reading Chart.js configurations in tests: loose views of the parts the tests read (Chart.js's own
 * types are deeply generic), and the texts the inline plugins would draw on a fake canvas.
 */
import { CHART_SIZES, chartSizeFor, toChartConfig, type OjChartConfiguration } from '../../src/charts/config.js';
import type { ChartSpec } from '../../src/charts/spec.js';

/** A scale as the tests read it. */
export interface LooseScale {
	readonly type?: string;
	readonly min?: number;
	readonly max?: number;
	readonly ticks: {
		readonly callback: (value: number | string, index: number, ticks: { value: number }[]) => unknown;
		readonly font?: unknown;
	};
}

/** A dataset as the tests read it. */
export interface LooseDataset {
	readonly label?: string;
	readonly data: unknown[];
	readonly backgroundColor?: unknown;
	readonly borderColor?: unknown;
	readonly borderDash?: number[];
	readonly spanGaps?: boolean;
}

/** A configuration as the tests read it. */
export interface LooseConfig {
	readonly type: string;
	readonly data: { readonly labels?: string[]; readonly datasets: LooseDataset[] };
	readonly options: {
		readonly animation: unknown;
		readonly responsive: unknown;
		readonly indexAxis?: string;
		readonly scales: Record<string, LooseScale>;
		readonly plugins: {
			readonly title: { readonly text: string[]; readonly font: { readonly family: string } };
			readonly subtitle: { readonly text: string[]; readonly display: boolean };
			readonly legend: {
				readonly display: boolean;
				readonly labels?: { readonly font?: { readonly family: string } };
			};
		};
	};
	readonly plugins: {
		readonly id: string;
		readonly beforeDatasetsDraw?: (chart: unknown) => void;
		readonly afterDatasetsDraw?: (chart: unknown) => void;
		readonly afterDraw?: (chart: unknown) => void;
	}[];
}

/** `config` as the tests read it. */
export function loose(config: OjChartConfiguration): LooseConfig {
	return config as unknown as LooseConfig;
}

/** The configuration of `spec` at the size the bot draws it. */
export function build(spec: ChartSpec): LooseConfig {
	return loose(toChartConfig(spec, CHART_SIZES[chartSizeFor(spec)]));
}

/** Runs every inline plugin against a fake chart and returns the texts they would draw. */
export function drawnTexts(config: LooseConfig, size = CHART_SIZES.wide): string[] {
	const texts: string[] = [];
	const noop = (): void => undefined;
	const ctx = {
		font: '',
		fillStyle: '',
		strokeStyle: '',
		lineWidth: 1,
		textAlign: 'left',
		textBaseline: 'alphabetic',
		save: noop,
		restore: noop,
		beginPath: noop,
		moveTo: noop,
		lineTo: noop,
		stroke: noop,
		setLineDash: noop,
		fillRect: noop,
		fillText: (text: string) => texts.push(text),
		measureText: (text: string) => ({ width: text.length * 8 }),
	};
	const linear = (offset: number) => ({ getPixelForValue: (value: number) => offset + value * 20 });
	const chart = {
		ctx,
		width: size.width,
		height: size.height,
		chartArea: { left: 200, right: 900, top: 100, bottom: 480, width: 700, height: 380 },
		scales: { x: linear(300), y: linear(120) },
	};
	for (const plugin of config.plugins) {
		plugin.beforeDatasetsDraw?.(chart);
		plugin.afterDatasetsDraw?.(chart);
		plugin.afterDraw?.(chart);
	}
	return texts;
}
