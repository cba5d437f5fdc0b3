/**
 * A chart render worker: receives chart specs from the {@link RenderPool} and answers with PNGs,
 * using the same `renderChart` as everywhere else. Runs in a worker thread so Chart.js's synchronous
 * drawing never blocks the bot's event loop (and with it, acknowledgements).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderChart, setMaxInFlight } from '../charts/render.js';
import type { ChartSpec } from '../charts/spec.js';

/** A job sent to the worker. */
export interface RenderJob {
	readonly id: number;
	readonly spec: ChartSpec;
}

/** The worker's answer to a job. */
export type RenderReply =
	| { readonly id: number; readonly png: Uint8Array }
	| { readonly id: number; readonly error: string; readonly stack?: string };

const port = parentPort;
if (port) {
	const data = workerData as { readonly concurrency?: number } | null;
	setMaxInFlight(Math.max(1, data?.concurrency ?? 1));
	port.on('message', (job: RenderJob) => {
		renderChart(job.spec).then(
			(png) => port.postMessage({ id: job.id, png } satisfies RenderReply),
			(error: unknown) =>
				port.postMessage({
					id: job.id,
					error: error instanceof Error ? error.message : String(error),
					...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
				} satisfies RenderReply),
		);
	});
}
