import { afterAll, describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.js';
import { RenderPool } from '../../src/discord/render-pool.js';

const spec: ChartSpec = {
	kind: 'bar',
	orientation: 'vertical',
	title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2023',
	unit: '%',
	format: { style: 'percent', decimals: 1 },
	source: 'Källa: Kolada',
	bars: [
		{ label: 'Malmö', value: 4.2, role: 'focus' },
		{ label: 'Riket', value: 3.1, role: 'reference' },
	],
};

const pool = new RenderPool(2);

afterAll(async () => {
	await pool.close();
});

describe('RenderPool', () => {
	it('GIVEN chart specs THEN worker threads return PNGs', async () => {
		const pngs = await Promise.all([pool.render(spec), pool.render(spec), pool.render(spec)]);
		for (const png of pngs) {
			expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
			expect(png.toString('latin1', 12, 16)).toBe('IHDR');
			expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
		}
		expect(pool.stats).toMatchObject({ workers: 2, inFlight: 0, queued: 0, completed: 3, failed: 0 });
	});

	it('GIVEN an inconsistent spec THEN the render rejects with the worker’s error and the pool keeps working', async () => {
		const broken = {
			...spec,
			kind: 'line',
			years: [2020, 2021],
			series: [{ label: 'x', values: [1], role: 'focus' }],
		} as ChartSpec;
		await expect(pool.render(broken)).rejects.toThrow();
		expect((await pool.render(spec)).length).toBeGreaterThan(1000);
	});

	it('GIVEN a closed pool THEN renders are refused', async () => {
		const closing = new RenderPool(1);
		await closing.close();
		await expect(closing.render(spec)).rejects.toThrow(/closed/);
	});
});
