import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../../src/charts/config.js';
import { lineConfig, lineStartsAtZero } from '../../../src/charts/kinds/line.js';
import type { LineChartSpec } from '../../../src/charts/spec.js';
import { COLORS } from '../../../src/charts/style.js';
import { build, drawnTexts } from '../../helpers/chart-config.js';
import { EXAMPLES } from '../../helpers/chart-specs.js';

const lineSpec = EXAMPLES.line;

describe('lineConfig', () => {
	it('GIVEN gaps THEN they stay null and lines are not joined across them', () => {
		const config = build(lineSpec);
		expect(config.type).toBe('line');
		expect(config.data.labels).toEqual(['2019', '2020', '2021', '2022', '2023']);
		expect(config.data.datasets[0]?.data).toEqual([1.8, null, 2.1, null, 1.4]);
		for (const dataset of config.data.datasets) expect(dataset.spanGaps).toBe(false);
	});

	it('GIVEN focus and reference series THEN different colours and the reference is dashed', () => {
		const [focus, reference] = build(lineSpec).data.datasets;
		expect(focus?.borderColor).toBe(COLORS.focus);
		expect(reference?.borderColor).toBe(COLORS.reference);
		expect(focus?.borderDash).toEqual([]);
		expect(reference?.borderDash?.length).toBeGreaterThan(0);
	});

	it('GIVEN a series whose last year is missing THEN its end label names the year of its last value', () => {
		const texts = drawnTexts(build(lineSpec));
		expect(texts).toEqual(expect.arrayContaining(['Håbo', '1,4\u00A0%', 'Habo', '0,8\u00A0% (2022)']));
	});

	it('GIVEN a series with the wrong number of values THEN a RangeError', () => {
		const bad: LineChartSpec = { ...lineSpec, series: [{ label: 'Håbo', role: 'focus', values: [1, 2] }] };
		expect(() => lineConfig(bad, CHART_SIZES.wide)).toThrow(RangeError);
	});

	it('GIVEN many context series THEN they turn grey and a legend explains them', () => {
		const others = Array.from({ length: 8 }, (_, i) => ({
			label: `Kommun ${i}`,
			role: 'other' as const,
			values: [1, 2, 3, 4, 5],
		}));
		const config = build({ ...lineSpec, series: [...lineSpec.series, ...others] });
		expect(config.options.plugins.legend.display).toBe(true);
		expect(config.data.datasets[5]?.borderColor).toBe(COLORS.other);
	});
});

describe('lineStartsAtZero', () => {
	const share = { style: 'percent', decimals: 0 } as const;
	const amount = { style: 'unit', decimals: 0, unit: 'kr/inv' } as const;

	it('GIVEN shares spanning at least a fifth of the axis THEN the axis starts at 0 %', () => {
		expect(lineStartsAtZero(share, 2.7, 9.5)).toBe(true);
		expect(lineStartsAtZero(share, 40, 60)).toBe(true);
	});

	it('GIVEN shares spanning less than a fifth of the axis (72–79 %) THEN the axis does not start at 0', () => {
		expect(lineStartsAtZero(share, 74, 79)).toBe(false);
	});

	it('GIVEN amounts THEN zero unless it flattens the trend, and never with negative values', () => {
		expect(lineStartsAtZero(amount, 400, 1200)).toBe(true);
		expect(lineStartsAtZero(amount, 1000, 1200)).toBe(false);
		expect(lineStartsAtZero(amount, -5, 10)).toBe(false);
	});
});
