import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it, vi } from 'vitest';
import { CHART_SIZES, chartSizeFor, getRenderStats, renderChart, resetRenderStats } from '../../src/charts/render.js';
import type { LineChartSpec } from '../../src/charts/spec.js';
import { bar, line, PNG_SIGNATURE, specs, topList } from '../fixtures/chart-specs.js';

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

	it('GIVEN an inconsistent spec THEN the render rejects and is counted as failed', async () => {
		resetRenderStats();
		const broken: LineChartSpec = { ...line, series: [{ label: 'Håbo', role: 'focus', values: [1] }] };
		await expect(renderChart(broken)).rejects.toThrow(RangeError);
		const stats = getRenderStats();
		expect(stats.failed).toBe(1);
		expect(stats.completed).toBe(0);
	});
});

describe('renderChart – renderers', () => {
	it('GIVEN many renders THEN one renderer per size is reused, never one per render', async () => {
		await Promise.all(specs.map(([, spec]) => renderChart(spec)));
		const renderers = getRenderStats().renderers;
		expect(new Set(renderers).size).toBe(renderers.length);
		expect(renderers.length).toBeLessThanOrEqual(Object.keys(CHART_SIZES).length);
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
			const fresh = await import('../../src/charts/fonts.js');
			expect(() => {
				fresh.ensureChartFonts();
			}).toThrow(/DejaVuSans\.ttf is missing.*fonts-dejavu-core/);
		} finally {
			vi.doUnmock('node:fs');
			vi.resetModules();
		}
	});
});
