/**
 * A chart render worker: receives chart specs from the `RenderPool` (`pool.ts`) and answers with
 * PNGs, using the same {@link renderChart} as everywhere else. Runs in a worker thread so Chart.js's
 * synchronous drawing never blocks the bot's event loop (and with it, acknowledgements). The pool
 * decides how many jobs a worker holds at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fontsRegisteredByParent } from './fonts.js';
import type { RenderWorkerData } from './pool.js';
import { renderChart } from './render.js';
import type { ChartSpec } from './spec.js';

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
if ((workerData as RenderWorkerData | null)?.fontsRegistered === true) fontsRegisteredByParent();
if (port) {
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
