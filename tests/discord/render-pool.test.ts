import { afterAll, describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.js';
import { RenderBusyError, RenderPool, RenderTimeoutError } from '../../src/discord/render-pool.js';

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

	it('GIVEN more charts at once than the queue holds THEN the surplus is refused at once as busy, the rest drawn', async () => {
		const small = new RenderPool(1, { perWorker: 1, maxQueue: 2 });
		try {
			const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => small.render(spec)));
			const busy = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof RenderBusyError);
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
			expect(busy).toHaveLength(7);
			expect(small.stats).toMatchObject({ queued: 0, inFlight: 0, completed: 3 });
		} finally {
			await small.close();
		}
	});

	it('GIVEN a chart that outlasts the time limit THEN it fails as a timeout and its worker is replaced', async () => {
		const strict = new RenderPool(1, { perWorker: 2, timeoutMs: 1 });
		try {
			const outcomes = await Promise.allSettled([strict.render(spec), strict.render(spec)]);
			expect(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof RenderTimeoutError)).toBe(true);
			expect(strict.stats.restarts).toBeGreaterThanOrEqual(1);
			expect(strict.stats).toMatchObject({ inFlight: 0, queued: 0 });
		} finally {
			await strict.close();
		}
	});
});
