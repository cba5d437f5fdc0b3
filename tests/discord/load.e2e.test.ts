/**
 * Load through the real bot process: 500 interactions within one second (a third charts, the rest
 * text commands and autocomplete), each from its own user, chart cooldown off. Every one must be
 * acknowledged within Discord's 3 s window and answered correctly; peak RSS and the longest render
 * queue are measured and printed (the `load` bench section reports the same run).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACK_WINDOW_MS, runLoad, type LoadReport } from './load-run.js';

const TOTAL = 500;

let report: LoadReport;

beforeAll(async () => {
	report = await runLoad({ total: TOTAL, spreadMs: 1000 });
	const figures = {
		acknowledgedInTime: `${String(report.acknowledgedInTime)}/${String(report.total)}`,
		maxAckMs: Math.round(report.maxAckMs),
		answerP99Ms: Math.round(report.answerP99Ms),
		peakRssMb: Math.round(report.peakRssMb),
		maxRenderQueue: report.maxRenderQueue,
		wallMs: Math.round(report.wallMs),
		dispatchMs: Math.round(report.dispatchMs),
	};
	console.info(`load: ${JSON.stringify(figures)}`);
}, 120_000);

describe(`${String(TOTAL)} interactions within one second through the real bot`, () => {
	it('GIVEN the mix THEN a third are charts and the rest text commands and autocomplete, all sent within about a second', () => {
		expect(report.total).toBe(TOTAL);
		expect(report.charts).toBe(Math.ceil(TOTAL / 3));
		expect(report.texts + report.autocompletes).toBe(TOTAL - report.charts);
		expect(report.autocompletes).toBeGreaterThan(100);
		// The dispatch loop itself only waits for timers; more than 2 s means the burst was not a burst.
		expect(report.dispatchMs).toBeLessThan(2000);
	});

	it('GIVEN the burst THEN every interaction is acknowledged within 3 s and none is lost', () => {
		const missing = report.outcomes.filter((o) => !o.result).map((o) => `${o.label}: ${o.problem ?? ''}`);
		expect(missing).toEqual([]);
		expect(report.late).toBe(0);
		expect(report.maxAckMs).toBeLessThan(ACK_WINDOW_MS);
		expect(report.acknowledgedInTime).toBe(TOTAL);
	});

	it("GIVEN the burst THEN every answer is the right command's: embed title, chart, or autocomplete choices", () => {
		const wrong = report.outcomes.filter((o) => o.problem !== undefined).map((o) => `${o.label}: ${o.problem ?? ''}`);
		expect(wrong).toEqual([]);
	});

	it('GIVEN the burst THEN the bot logged no errors and is still running', () => {
		expect(report.exited).toBe(false);
		expect(report.errorLogs).toEqual([]);
	});

	it('GIVEN the burst THEN peak RSS and the render queue were measured for every chart', () => {
		expect(report.renderQueueLines).toBe(report.charts);
		expect(report.maxRenderQueue).toBeGreaterThanOrEqual(0);
		expect(report.maxRenderQueue).toBeLessThan(report.charts);
		expect(report.peakRssMb).toBeGreaterThan(50);
		// A generous ceiling: the bundled dataset, two render workers and a burst stay far below it.
		expect(report.peakRssMb).toBeLessThan(2048);
	});
});
