import { describe, expect, it } from 'vitest';
import { CHART_SIZES, FONT_FAMILY, chartSizeFor, toChartConfig } from '../../src/charts/config.js';
import type { BarChartSpec, ChartSpec } from '../../src/charts/spec.js';
import { build, drawnTexts, loose } from '../helpers/chart-config.js';
import { EXAMPLES } from '../helpers/chart-specs.js';

const { bar: barSpec, topList, line: lineSpec, shares: sharesSpec, profile: profileSpec } = EXAMPLES;
const allSpecs: readonly ChartSpec[] = Object.values(EXAMPLES);

describe('chartSizeFor', () => {
	it('GIVEN charts whose height does not grow with data THEN wide', () => {
		expect(chartSizeFor(barSpec)).toBe('wide');
		expect(chartSizeFor(lineSpec)).toBe('wide');
		expect(chartSizeFor(sharesSpec)).toBe('wide');
	});

	it('GIVEN horizontal lists of 5, 15 and 30 rows THEN wide, tall and xtall', () => {
		const list = (n: number): BarChartSpec => ({
			...topList,
			bars: topList.bars.slice(0, 1).concat(Array(n - 1).fill(topList.bars[1])),
		});
		expect(chartSizeFor(list(5))).toBe('wide');
		expect(chartSizeFor(list(15))).toBe('tall');
		expect(chartSizeFor(list(30))).toBe('xtall');
	});

	it('GIVEN a 40-row profile THEN xtall', () => {
		const rows = Array.from({ length: 40 }, () => profileSpec.rows[0]!);
		expect(chartSizeFor({ ...profileSpec, rows })).toBe('xtall');
	});
});

describe('toChartConfig – every kind', () => {
	it.each(allSpecs.map((spec) => [`${spec.kind} ${'variant' in spec ? spec.variant : ''}`, spec] as const))(
		'GIVEN a %s spec THEN animation and responsiveness are off and fonts are DejaVu Sans',
		(_name, spec) => {
			const config = build(spec);
			expect(config.options.animation).toBe(false);
			expect(config.options.responsive).toBe(false);
			expect(config.options.plugins.title.font.family).toBe(FONT_FAMILY);
			for (const scale of Object.values(config.options.scales)) {
				const tickFont = scale.ticks.font;
				const resolved =
					typeof tickFont === 'function'
						? (tickFont as (c: unknown) => unknown)({ index: 0, tick: { value: 0 } })
						: tickFont;
				expect(resolved).toMatchObject({ family: FONT_FAMILY });
			}
		},
	);

	it.each(allSpecs.map((spec) => [spec.kind, spec] as const))(
		'GIVEN a %s spec THEN the title is at the top and the source line is drawn at the bottom',
		(_name, spec) => {
			const config = build(spec);
			// Wrapping may drop the " ·" separator at a line break; the words are all there.
			const words = (text: string): string => text.replace(/ ·/g, '');
			expect(words(config.options.plugins.title.text.join(' '))).toBe(words(spec.title));
			expect(drawnTexts(config)).toContain(spec.source);
		},
	);

	it.each(allSpecs.map((spec) => [spec.kind, spec] as const))(
		'GIVEN a %s spec THEN every call returns a fresh, independent configuration',
		(_name, spec) => {
			const size = CHART_SIZES[chartSizeFor(spec)];
			const first = loose(toChartConfig(spec, size));
			const second = loose(toChartConfig(spec, size));
			expect(first).not.toBe(second);
			expect(first.options).not.toBe(second.options);
			expect(first.data.datasets).not.toBe(second.data.datasets);
			expect(first.data.datasets[0]).not.toBe(second.data.datasets[0]);
			expect(first.plugins).not.toBe(second.plugins);
			// What Chart.js does to a configuration must not leak into the next one.
			first.data.datasets[0]?.data.splice(0);
			first.options.plugins.title.text.push('ändrad');
			const third = loose(toChartConfig(spec, size));
			expect(third.data.datasets[0]?.data).toEqual(second.data.datasets[0]?.data);
			expect(third.options.plugins.title.text).toEqual(second.options.plugins.title.text);
		},
	);

	it('GIVEN the same spec twice THEN the configurations are equal in content', () => {
		const size = CHART_SIZES.wide;
		expect(JSON.stringify(toChartConfig(barSpec, size))).toBe(JSON.stringify(toChartConfig(barSpec, size)));
	});

	it('GIVEN a long title and subtitle THEN they are wrapped, not cut', () => {
		const title =
			'Andel barn i familjer med långvarigt ekonomiskt bistånd av samtliga barn i kommunen, andel (%) · 2023';
		const config = build({ ...barSpec, title });
		expect(config.options.plugins.title.text.length).toBe(2);
		expect(config.options.plugins.title.text.join(' ')).toBe(title);
	});
});
