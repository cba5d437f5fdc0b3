import { describe, expect, it } from 'vitest';
import {
	CHART_SIZES,
	FONT_FAMILY,
	chartSizeFor,
	toChartConfig,
	type OjChartConfiguration,
} from '../../src/charts/config.js';
import { MAX_VERTICAL_BARS } from '../../src/charts/kinds/bar.js';
import { lineStartsAtZero } from '../../src/charts/kinds/line.js';
import { COLORS, MISSING_ANSWER_LABEL } from '../../src/charts/style.js';
import { estimateTextWidth, wrapText } from '../../src/charts/text.js';
import type {
	BarChartSpec,
	CategoricalAreasSpec,
	CategoricalSharesSpec,
	ChartSpec,
	LineChartSpec,
	ProfileChartSpec,
} from '../../src/charts/spec.js';

const SOURCE = 'Källa: Kolada · Medelvärden: ÖJ-botens egen beräkning';
const WIDE = CHART_SIZES.wide;

const barSpec: BarChartSpec = {
	kind: 'bar',
	orientation: 'vertical',
	title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2023',
	subtitle: 'Håbo jämfört med liknande kommuner',
	unit: '%',
	format: { style: 'percent', decimals: 1 },
	source: SOURCE,
	bars: [
		{ label: 'Östra Göinge', value: 2.6, role: 'other' },
		{ label: 'Upplands Väsby', value: 1.9, role: 'other' },
		{ label: 'Riket', value: 1.8, role: 'reference' },
		{ label: 'Håbo', value: 1.4, role: 'focus' },
		{ label: 'Malung-Sälen', value: null, role: 'other', note: 'saknas' },
	],
	referenceLines: [{ label: 'Riket', value: 1.8 }],
};

const topList: BarChartSpec = {
	kind: 'bar',
	orientation: 'horizontal',
	title: 'Utbetalt ekonomiskt bistånd per invånare, kronor · 2023',
	unit: 'kr',
	format: { style: 'unit', decimals: 0, unit: 'kr' },
	source: 'Källa: Kolada',
	bars: Array.from({ length: 15 }, (_, i) => ({
		label: i === 4 ? 'Landsbygdskommuner med besöksnäring i norra och västra delarna av Sverige' : `Kommun ${i}`,
		value: 4321 - i * 170,
		role: i === 2 ? ('focus' as const) : ('other' as const),
	})),
};

const lineSpec: LineChartSpec = {
	kind: 'line',
	title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2019–2023',
	unit: '%',
	format: { style: 'percent', decimals: 1 },
	source: SOURCE,
	years: [2019, 2020, 2021, 2022, 2023],
	series: [
		{ label: 'Håbo', role: 'focus', values: [1.8, null, 2.1, null, 1.4] },
		{ label: 'Riket', role: 'reference', values: [2.1, 2.2, 2.3, 2.0, 1.8] },
		{ label: 'Habo', role: 'other', values: [0.9, 1.0, null, 0.8, null] },
	],
};

const areasSpec: CategoricalAreasSpec = {
	kind: 'categorical',
	variant: 'areas',
	title: 'Rutin för att upptäcka våld i nära relationer · 2023',
	unit: '',
	format: { style: 'number', decimals: 0 },
	source: 'Källa: Socialstyrelsen',
	categories: [
		{ label: 'Nej', rank: 2 },
		{ label: 'Ja', rank: 0 },
		{ label: 'Delvis', rank: 1 },
	],
	rows: [
		{ label: 'Håbo', answer: { label: 'Ja', rank: 0 }, role: 'focus' },
		{ label: 'Habo', answer: { label: 'Nej', rank: 2 }, role: 'other' },
		{ label: 'Ånge', answer: null, role: 'other' },
		{ label: 'Aneby', answer: { label: 'Delvis', rank: 1 }, role: 'other' },
	],
};

const sharesSpec: CategoricalSharesSpec = {
	kind: 'categorical',
	variant: 'shares',
	title: 'Rutin för att upptäcka våld i nära relationer · 2023',
	unit: '%',
	format: { style: 'percent', decimals: 0 },
	source: 'Källa: Socialstyrelsen',
	categories: [
		{ label: 'Ja', rank: 0 },
		{ label: 'Nej', rank: 1 },
	],
	groups: [
		{ label: 'Storstäder', n: 3, counts: [3, 0] },
		{ label: 'Pendlingskommun nära storstad', n: 49, counts: [30, 15], role: 'focus' },
	],
};

const profileSpec: ProfileChartSpec = {
	kind: 'profile',
	title: 'Håbo jämfört med riket · 2023',
	unit: '%',
	format: { style: 'percent', decimals: 0 },
	source: SOURCE,
	rows: [
		{ kind: 'numeric', label: 'Långvarigt bistånd', diff: -12, assessment: 'good' },
		{ kind: 'numeric', label: 'Utbetalt per invånare', diff: 340, assessment: 'bad' },
		{ kind: 'numeric', label: 'Unga vuxna', diff: 20, assessment: 'neutral' },
		{ kind: 'numeric', label: 'Hushåll', diff: null, assessment: 'neutral' },
		{ kind: 'answer', label: 'Rutin för samverkan', answer: 'Ja', assessment: 'good' },
	],
};

const allSpecs: readonly ChartSpec[] = [barSpec, topList, lineSpec, areasSpec, sharesSpec, profileSpec];

// Loose views of the parts of a configuration the tests read; Chart.js's own types are deeply generic.
interface LooseScale {
	readonly type?: string;
	readonly min?: number;
	readonly max?: number;
	readonly ticks: {
		readonly callback: (value: number | string, index: number, ticks: { value: number }[]) => unknown;
		readonly font?: unknown;
	};
}
interface LooseDataset {
	readonly label?: string;
	readonly data: unknown[];
	readonly backgroundColor?: unknown;
	readonly borderColor?: unknown;
	readonly borderDash?: number[];
	readonly spanGaps?: boolean;
}
interface LooseConfig {
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

function loose(config: OjChartConfiguration): LooseConfig {
	return config as unknown as LooseConfig;
}

function build(spec: ChartSpec): LooseConfig {
	return loose(toChartConfig(spec, CHART_SIZES[chartSizeFor(spec)]));
}

/** Runs every inline plugin against a fake chart and returns the texts they would draw. */
function drawnTexts(config: LooseConfig, size = WIDE): string[] {
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

describe('toChartConfig – bar', () => {
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

describe('toChartConfig – line', () => {
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
		expect(() => toChartConfig(bad, WIDE)).toThrow(RangeError);
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

describe('toChartConfig – categorical', () => {
	it('GIVEN answers per area THEN columns are ordered best to worst with a column for missing answers', () => {
		const config = build(areasSpec);
		expect(config.type).toBe('scatter');
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Ja', 'Delvis', 'Nej', MISSING_ANSWER_LABEL]);
		expect(config.data.datasets[0]?.backgroundColor).toBe(COLORS.good);
		expect(config.data.datasets[2]?.backgroundColor).toBe(COLORS.bad);
	});

	it('GIVEN answers per area THEN each area is a point in its answer column and its own row, in order', () => {
		const config = build(areasSpec);
		expect(config.data.datasets[0]?.data).toEqual([{ x: 0, y: 0 }]);
		expect(config.data.datasets[2]?.data).toEqual([{ x: 2, y: 1 }]);
		expect(config.data.datasets[3]?.data).toEqual([{ x: 3, y: 2 }]);
		expect(config.data.datasets[1]?.data).toEqual([{ x: 1, y: 3 }]);
		const rowLabel = config.options.scales.y!.ticks.callback;
		expect(areasSpec.rows.map((_, i) => rowLabel(i, i, []))).toEqual([['Håbo'], ['Habo'], ['Ånge'], ['Aneby']]);
		const header = config.options.scales.x!.ticks.callback;
		expect(header(0, 0, [])).toBe('Ja (1)');
	});

	it('GIVEN shares per group THEN each group adds up to 100 % and n is shown', () => {
		const config = build(sharesSpec);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Ja', 'Nej', MISSING_ANSWER_LABEL]);
		const totals = [0, 1].map((g) =>
			config.data.datasets.reduce((sum, d) => sum + ((d.data[g] as number | null) ?? 0), 0),
		);
		expect(totals[0]).toBeCloseTo(100);
		expect(totals[1]).toBeCloseTo(100);
		const groupLabel = config.options.scales.y!.ticks.callback;
		expect(groupLabel('', 0, [])).toEqual(['Storstäder', 'n = 3']);
		expect(drawnTexts(config)).toContain('100\u00A0%');
	});
});

describe('toChartConfig – profile', () => {
	it('GIVEN an extreme difference THEN the bar is clipped but its label tells the real value with ✓/✗', () => {
		const config = build(profileSpec);
		const data = config.data.datasets[0]?.data as (number | null)[];
		expect(data[1]).toBeLessThan(340);
		const texts = drawnTexts(config);
		expect(texts).toEqual(expect.arrayContaining(['✓ \u221212\u00A0%', '+340\u00A0% ✗', '+20\u00A0%', '✓ Ja', '—']));
	});

	it('GIVEN good, bad and neutral rows THEN colours differ and the axis is symmetric around zero', () => {
		const config = build(profileSpec);
		const colors = config.data.datasets[0]?.backgroundColor as string[];
		expect(colors.slice(0, 3)).toEqual([COLORS.good, COLORS.bad, COLORS.neutral]);
		const x = config.options.scales.x!;
		expect(x.min).toBe(-(x.max ?? 0));
		expect(x.ticks.callback(50, 0, [])).toBe('+50\u00A0%');
	});

	it('GIVEN answer and missing rows THEN their bars are null, not zero', () => {
		const data = build(profileSpec).data.datasets[0]?.data;
		expect(data?.[3]).toBeNull();
		expect(data?.[4]).toBeNull();
	});
});

describe('wrapText', () => {
	it('GIVEN a short name THEN one line', () => {
		expect(wrapText('Håbo', 200, 15)).toEqual(['Håbo']);
	});

	it('GIVEN a hyphenated name in a narrow slot THEN it breaks after the hyphen', () => {
		expect(wrapText('Malung-Sälen', 70, 15)).toEqual(['Malung-', 'Sälen']);
	});

	it('GIVEN a title that breaks at " · " THEN no line ends with the dot', () => {
		const title = 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2009–2023';
		const lines = wrapText(
			title,
			estimateTextWidth('Vuxna med långvarigt ekonomiskt bistånd, andel (%) ·', 26, true),
			26,
			2,
			true,
		);
		expect(lines).toEqual(['Vuxna med långvarigt ekonomiskt bistånd, andel (%)', '2009–2023']);
	});

	it('GIVEN Swedish text THEN the width estimate is close to, and not below, DejaVu Sans advance widths', () => {
		// Measured with canvas at 20 px: regular 310 px, bold 353 px.
		const regular = estimateTextWidth('Återaktualiseringar inom ett år', 20);
		const bold = estimateTextWidth('Återaktualiseringar inom ett år', 20, true);
		expect(regular).toBeGreaterThanOrEqual(310);
		expect(regular).toBeLessThan(310 * 1.08);
		expect(bold).toBeGreaterThanOrEqual(353);
		expect(bold).toBeLessThan(353 * 1.08);
	});

	it('GIVEN too many words THEN the last line ends with an ellipsis', () => {
		const lines = wrapText('Landsbygdskommuner med besöksnäring i norra Sverige', 150, 15, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]?.endsWith('…')).toBe(true);
	});

	it('GIVEN one very long word THEN it is truncated with an ellipsis', () => {
		const [line] = wrapText('Återaktualiseringsfrekvensindikatorn', 100, 15, 1);
		expect(line?.endsWith('…')).toBe(true);
		expect(line!.length).toBeLessThan(20);
	});

	it.each([
		['one 1 MB word', 'Å'.repeat(1_000_000)],
		['200 000 short words', 'Nyköping '.repeat(200_000)],
	])('GIVEN a label from data of %s THEN two lines within the width, ending in an ellipsis', (_, text) => {
		const lines = wrapText(text, 300, 15, 2);
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(lines.at(-1)?.endsWith('…')).toBe(true);
		for (const line of lines) expect(estimateTextWidth(line, 15)).toBeLessThanOrEqual(300);
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
