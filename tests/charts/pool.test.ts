import { afterAll, describe, expect, it, vi } from 'vitest';
import { RenderBusyError, RenderPool, RenderTimeoutError } from '../../src/charts/pool.js';
import { renderChart } from '../../src/charts/render.js';
import type { ChartSpec } from '../../src/charts/spec.js';
import { bar, PNG_SIGNATURE, specs } from '../fixtures/chart-specs.js';

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

	it('GIVEN a new pool drawing at once in both workers THEN each PNG is byte for byte the one this thread draws', async () => {
		const fresh = new RenderPool(2);
		try {
			const pngs = await Promise.all(Array.from({ length: 4 }, () => fresh.render(spec)));
			const here = await renderChart(spec);
			for (const png of pngs) expect(png).toEqualBytes(here);
			expect(fresh.stats).toMatchObject({ completed: 4, failed: 0, restarts: 0 });
		} finally {
			await fresh.close();
		}
	});

	it('GIVEN an inconsistent spec THEN the render rejects with the worker’s error and the pool keeps working', async () => {
		const broken = {
			...spec,
			kind: 'line',
			years: [2020, 2021],
			series: [{ label: 'x', values: [1], role: 'focus' }],
		} as ChartSpec;
		await expect(pool.render(broken)).rejects.toThrow(/Series "x" has 1 values but the chart has 2 years/);
		expect(pool.stats).toMatchObject({ inFlight: 0, queued: 0 });
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

	it('GIVEN an error outside any job while a chart is encoded THEN the chart still arrives, the worker is then replaced and the pool keeps drawing', async () => {
		// The TypeScript fixture runs through tsx, as the pool's own worker does under the tests.
		const fixture = new URL('../fixtures/faulty-render-worker.ts', import.meta.url).href;
		const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(fixture)});`;
		const faulty = new RenderPool(1, { workerUrl: new URL(`data:text/javascript,${encodeURIComponent(code)}`) });
		try {
			await faulty.warm();
			const before = faulty.stats;
			const krasch = { ...spec, title: 'krasch' };
			expect(await faulty.render(krasch)).toEqualBytes(await renderChart(krasch));
			await vi.waitFor(() => expect(faulty.stats.restarts).toBe(1));
			expect(faulty.stats).toMatchObject({ failed: before.failed, inFlight: 0, queued: 0 });
			expect(await faulty.render(spec)).toEqualBytes(await renderChart(spec));
			expect(faulty.stats).toMatchObject({ restarts: 1, completed: before.completed + 2 });
		} finally {
			await faulty.close();
		}
	});

	it('GIVEN 50 simultaneous renders THEN all succeed and no more than the bound run at once', async () => {
		const bounded = new RenderPool(1, { perWorker: 2, maxQueue: 50 });
		try {
			const all = Array.from({ length: 50 }, (_, i) => bounded.render(specs[i % specs.length]![1]));
			const during = bounded.stats;
			expect(during.maxInFlight).toBe(2);
			expect(during.inFlight).toBeLessThanOrEqual(during.maxInFlight);
			expect(during.queued).toBe(50 - during.inFlight);
			const pngs = await Promise.all(all);
			for (const png of pngs) expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
			const after = bounded.stats;
			expect(after.completed).toBe(50);
			expect(after.failed).toBe(0);
			expect(after.peakInFlight).toBeLessThanOrEqual(after.maxInFlight);
			expect(after.peakInFlight).toBeGreaterThanOrEqual(1);
			expect(after.inFlight).toBe(0);
			expect(after.queued).toBe(0);
		} finally {
			await bounded.close();
		}
	});

	it('GIVEN a bound of 1 THEN renders run strictly one at a time', async () => {
		const single = new RenderPool(1, { perWorker: 1 });
		try {
			await Promise.all(Array.from({ length: 6 }, () => single.render(bar)));
			expect(single.stats.peakInFlight).toBe(1);
		} finally {
			await single.close();
		}
	});

	it('GIVEN an invalid bound THEN a RangeError and no worker is started', () => {
		expect(() => new RenderPool(0)).toThrow(RangeError);
		expect(() => new RenderPool(1, { perWorker: 1.5 })).toThrow(RangeError);
		expect(() => new RenderPool(1, { timeoutMs: 0 })).toThrow(RangeError);
		expect(() => new RenderPool(1, { maxQueue: -1 })).toThrow(RangeError);
	});

	it('GIVEN a warm-up THEN every worker has drawn once', async () => {
		const warming = new RenderPool(2);
		try {
			await warming.warm();
			expect(warming.stats).toMatchObject({ completed: 2, failed: 0, inFlight: 0, queued: 0 });
		} finally {
			await warming.close();
		}
	});
});
