import { describe, expect, it } from 'vitest';
import { chartSizeFor } from '../../../src/charts/config.js';
import { MAX_VERTICAL_BARS } from '../../../src/charts/kinds/bar.js';
import type { BarChartSpec } from '../../../src/charts/spec.js';
import { COLORS } from '../../../src/charts/style.js';
import { build, drawnTexts } from '../../helpers/chart-config.js';
import { EXAMPLES } from '../../helpers/chart-specs.js';

const { bar: barSpec, topList } = EXAMPLES;

describe('barConfig', () => {
	it('GIVEN bars sorted by the answer builder THEN the order is kept', () => {
		const config = build(barSpec);
		expect(config.type).toBe('bar');
		expect(config.data.labels).toEqual(barSpec.bars.map((bar) => bar.label));
		expect(config.data.datasets[0]?.data).toEqual([2.6, 1.9, 1.8, 1.4, null]);
	});

	it('GIVEN a missing value THEN it stays null (no zero-height bar) and is labelled "—" with its note', () => {
		const config = build(barSpec);
		expect(config.data.datasets[0]?.data[4]).toBeNull();
		const texts = drawnTexts(config);
		expect(texts).toContain('—');
		expect(texts).toContain('saknas');
	});

	it('GIVEN focus, reference and other bars THEN their colours differ and focus is the strong blue', () => {
		const colors = build(barSpec).data.datasets[0]?.backgroundColor as string[];
		expect(colors[3]).toBe(COLORS.focus);
		expect(colors[2]).toBe(COLORS.reference);
		expect(new Set([colors[0], colors[2], colors[3]]).size).toBe(3);
	});

	it('GIVEN values THEN value labels are written in Swedish at the bar ends', () => {
		const texts = drawnTexts(build(barSpec));
		expect(texts).toEqual(expect.arrayContaining(['2,6\u00A0%', '1,4\u00A0%']));
	});

	it('GIVEN a reference line THEN it is drawn with its label and Swedish value', () => {
		expect(drawnTexts(build(barSpec))).toContain('Riket 1,8\u00A0%');
	});

	it('GIVEN a kronor axis THEN tick labels are Swedish ("1 000 kr", "−500 kr")', () => {
		const config = build(topList);
		expect(config.options.indexAxis).toBe('y');
		const ticks = [{ value: 0 }, { value: 1000 }];
		const callback = config.options.scales.x!.ticks.callback;
		expect(callback(1000, 1, ticks)).toBe('1\u00A0000\u00A0kr');
		expect(callback(-500, 0, [{ value: -500 }, { value: 0 }])).toBe('\u2212500\u00A0kr');
	});

	it('GIVEN a percent axis with a 0,5 step THEN ticks have one decimal and a decimal comma', () => {
		const callback = build(barSpec).options.scales.y!.ticks.callback;
		expect(callback(1.5, 3, [{ value: 0 }, { value: 0.5 }])).toBe('1,5\u00A0%');
	});

	it('GIVEN a very long kommun group name THEN its axis label is wrapped and ends with an ellipsis', () => {
		const callback = build(topList).options.scales.y!.ticks.callback;
		const label = callback('', 4, []) as string[];
		expect(Array.isArray(label)).toBe(true);
		expect(label.length).toBeLessThanOrEqual(2);
		expect(label[label.length - 1]?.endsWith('…')).toBe(true);
		expect(callback('', 0, [])).toEqual(['Kommun 0']);
	});

	it('GIVEN negative values THEN the axis extends below zero with room for labels', () => {
		const spec: BarChartSpec = {
			...barSpec,
			bars: [
				{ label: 'Ånge', value: 1.2, role: 'other' },
				{ label: 'Vilhelmina', value: -1.1, role: 'focus' },
			],
			referenceLines: [],
		};
		const y = build(spec).options.scales.y!;
		expect(y.min).toBeLessThan(-1.1);
		expect(y.max).toBeGreaterThan(1.2);
		expect(drawnTexts(build(spec))).toContain('\u22121,1\u00A0%');
	});

	it('GIVEN more vertical bars than fit side by side THEN they are drawn horizontally on a taller image', () => {
		const bars = topList.bars.slice(0, MAX_VERTICAL_BARS + 1);
		const spec: BarChartSpec = { ...barSpec, bars, referenceLines: [] };
		expect(build(spec).options.indexAxis).toBe('y');
		expect(chartSizeFor(spec)).toBe('tall');
		expect(build({ ...spec, bars: bars.slice(0, MAX_VERTICAL_BARS) }).options.indexAxis).toBe('x');
	});

	it('GIVEN no values at all THEN "Uppgift saknas för alla" is written', () => {
		const spec: BarChartSpec = { ...barSpec, bars: [{ label: 'Håbo', value: null, role: 'focus' }] };
		expect(drawnTexts(build(spec))).toContain('Uppgift saknas för alla');
	});
});
