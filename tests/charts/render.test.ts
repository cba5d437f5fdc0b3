import { createCanvas, loadImage } from 'canvas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	CHART_SIZES,
	DEFAULT_MAX_IN_FLIGHT,
	chartSizeFor,
	getRenderStats,
	renderChart,
	resetRenderStats,
	setMaxInFlight,
} from '../../src/charts/render.js';
import type { ChartSpec, LineChartSpec } from '../../src/charts/spec.js';
import {
	haboProfile,
	kronorTopList,
	shareBars,
	shareTrend,
	surveyAreas,
	surveyShares,
} from '../helpers/chart-specs.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const bar = shareBars([
	{ label: 'Östra Göinge', value: 2.6, role: 'other' },
	{ label: 'Upplands Väsby', value: 1.9, role: 'other' },
	{ label: 'Håbo', value: 1.4, role: 'focus' },
	{ label: 'Malung-Sälen', value: -0.4, role: 'other' },
	{ label: 'Ånge', value: null, role: 'other' },
]);

const topList = kronorTopList(
	Array.from({ length: 15 }, (_, i) => ({
		label: ['Malmö', 'Södertälje', 'Upplands Väsby', 'Östra Göinge', 'Ljusnarsberg'][i % 5] ?? '',
		value: 4300 - i * 170,
		role: i === 2 ? ('focus' as const) : ('other' as const),
	})),
	{ referenceLines: [{ label: 'Riket', value: 1560 }] },
);

const line = shareTrend(
	Array.from({ length: 15 }, (_, i) => 2009 + i),
	[
		{ label: 'Håbo', role: 'focus', values: Array.from({ length: 15 }, (_, i) => (i % 5 === 3 ? null : 1.5 + i / 20)) },
		{ label: 'Riket', role: 'reference', values: Array.from({ length: 15 }, (_, i) => 2.2 - i / 30) },
	],
);

const specs: readonly (readonly [string, ChartSpec])[] = [
	['vertical bar', bar],
	['horizontal top list', topList],
	['line', line],
	[
		'categorical areas',
		surveyAreas(
			[
				{ label: 'Håbo', answer: { label: 'Ja', rank: 0 }, role: 'focus' },
				{ label: 'Habo', answer: { label: 'Nej', rank: 1 }, role: 'other' },
				{ label: 'Ånge', answer: null, role: 'other' },
			],
			[
				{ label: 'Ja', rank: 0 },
				{ label: 'Nej', rank: 1 },
			],
		),
	],
	[
		'categorical shares',
		surveyShares([
			{ label: 'Storstäder', n: 3, counts: [2, 1, 0] },
			{ label: 'Pendlingskommun nära storstad', n: 49, counts: [30, 10, 7], role: 'focus' },
		]),
	],
	[
		'profile',
		haboProfile(
			Array.from({ length: 40 }, (_, i) =>
				i % 8 === 7
					? { kind: 'answer' as const, label: `Rutin ${i}`, answer: 'Ja', assessment: 'good' as const }
					: {
							kind: 'numeric' as const,
							label: `Indikator för ekonomiskt bistånd ${i}`,
							diff: i === 5 ? null : Math.round(Math.sin(i) * 50),
							assessment: (['good', 'bad', 'neutral'] as const)[i % 3] ?? 'neutral',
						},
			),
		),
	],
];

interface DecodedPng {
	readonly width: number;
	readonly height: number;
	readonly distinctColors: number;
	readonly nonWhiteShare: number;
}

/** Reads the IHDR size and decodes the pixels with canvas. */
async function decode(png: Buffer): Promise<DecodedPng> {
	expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	expect(png.toString('ascii', 12, 16)).toBe('IHDR');
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const image = await loadImage(png);
	expect([image.width, image.height]).toEqual([width, height]);
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(image, 0, 0);
	const { data } = ctx.getImageData(0, 0, width, height);
	const colors = new Set<number>();
	let nonWhite = 0;
	for (let i = 0; i < data.length; i += 4) {
		const r = data[i] ?? 0;
		const g = data[i + 1] ?? 0;
		const b = data[i + 2] ?? 0;
		colors.add((r << 16) | (g << 8) | b);
		if (r < 245 || g < 245 || b < 245) nonWhite++;
	}
	return { width, height, distinctColors: colors.size, nonWhiteShare: nonWhite / (width * height) };
}

afterEach(() => {
	setMaxInFlight(DEFAULT_MAX_IN_FLIGHT);
});

describe('renderChart', () => {
	it.each(specs)('GIVEN a %s spec THEN a PNG of the chosen size with real content', async (_name, spec) => {
		const png = await renderChart(spec);
		const decoded = await decode(png);
		const size = CHART_SIZES[chartSizeFor(spec)];
		expect([decoded.width, decoded.height]).toEqual([size.width, size.height]);
		// Anti-aliased text and coloured bars give hundreds of colours; a blank or failed render gives one or two.
		expect(decoded.distinctColors).toBeGreaterThan(100);
		expect(decoded.nonWhiteShare).toBeGreaterThan(0.02);
		// A white background, not transparency: the corner pixel is opaque white.
		const image = await loadImage(png);
		const corner = createCanvas(1, 1).getContext('2d');
		corner.drawImage(image, 0, 0);
		expect(Array.from(corner.getImageData(0, 0, 1, 1).data)).toEqual([255, 255, 255, 255]);
	});

	it('GIVEN two different specs THEN two different images', async () => {
		const first = await renderChart(bar);
		const second = await renderChart({ ...bar, bars: bar.bars.slice(0, 3) });
		expect(first.equals(second)).toBe(false);
	});

	it('GIVEN the same spec twice THEN identical images (no state leaks between renders)', async () => {
		const first = await renderChart(topList);
		await renderChart(line);
		const second = await renderChart(topList);
		expect(first.equals(second)).toBe(true);
	});

	it('GIVEN "Håbo" and "Habo" as focus labels THEN the images differ (å is drawn, not dropped)', async () => {
		const withRing = await renderChart({ ...bar, title: 'Håbo', subtitle: undefined });
		const without = await renderChart({ ...bar, title: 'Habo', subtitle: undefined });
		expect(withRing.equals(without)).toBe(false);
		const a = await decode(withRing);
		const b = await decode(without);
		expect(a.nonWhiteShare).toBeGreaterThan(b.nonWhiteShare);
	});

	it('GIVEN an inconsistent spec THEN the render rejects and frees its slot', async () => {
		resetRenderStats();
		const broken: LineChartSpec = { ...line, series: [{ label: 'Håbo', role: 'focus', values: [1] }] };
		await expect(renderChart(broken)).rejects.toThrow(RangeError);
		const stats = getRenderStats();
		expect(stats.failed).toBe(1);
		expect(stats.inFlight).toBe(0);
		expect(stats.queued).toBe(0);
	});
});

describe('renderChart – bounded concurrency', () => {
	it('GIVEN 50 simultaneous renders THEN all succeed and no more than the bound run at once', async () => {
		resetRenderStats();
		const all = Array.from({ length: 50 }, (_, i) => renderChart(specs[i % specs.length]![1]));
		const during = getRenderStats();
		expect(during.inFlight).toBeLessThanOrEqual(DEFAULT_MAX_IN_FLIGHT);
		expect(during.queued).toBe(50 - during.inFlight);
		const pngs = await Promise.all(all);
		for (const png of pngs) expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		const after = getRenderStats();
		expect(after.completed).toBe(50);
		expect(after.failed).toBe(0);
		expect(after.peakInFlight).toBeLessThanOrEqual(DEFAULT_MAX_IN_FLIGHT);
		expect(after.peakInFlight).toBeGreaterThanOrEqual(1);
		expect(after.inFlight).toBe(0);
		expect(after.queued).toBe(0);
	});

	it('GIVEN a bound of 1 THEN renders run strictly one at a time', async () => {
		setMaxInFlight(1);
		resetRenderStats();
		await Promise.all(Array.from({ length: 6 }, () => renderChart(bar)));
		expect(getRenderStats().peakInFlight).toBe(1);
	});

	it('GIVEN many renders THEN one renderer per size is reused, never one per render', async () => {
		await Promise.all(specs.map(([, spec]) => renderChart(spec)));
		const renderers = getRenderStats().renderers;
		expect(new Set(renderers).size).toBe(renderers.length);
		expect(renderers.length).toBeLessThanOrEqual(Object.keys(CHART_SIZES).length);
	});

	it('GIVEN an invalid bound THEN a RangeError', () => {
		expect(() => {
			setMaxInFlight(0);
		}).toThrow(RangeError);
		expect(() => {
			setMaxInFlight(1.5);
		}).toThrow(RangeError);
	});
});

describe('ensureChartFonts', () => {
	it('GIVEN the DejaVu font file is missing THEN a clear error names the file and the package', async () => {
		vi.resetModules();
		vi.doMock('node:fs', async (importOriginal) => ({
			...(await importOriginal<typeof import('node:fs')>()),
			existsSync: () => false,
		}));
		try {
			const fresh = await import('../../src/charts/render.js');
			expect(() => {
				fresh.ensureChartFonts();
			}).toThrow(/DejaVuSans\.ttf is missing.*fonts-dejavu-core/);
		} finally {
			vi.doUnmock('node:fs');
			vi.resetModules();
		}
	});
});
