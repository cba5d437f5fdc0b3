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

/**
 * The worker's answer to a job, or word that the worker itself broke (an error outside any job), so
 * that the pool replaces it.
 */
export type RenderReply =
	| { readonly id: number; readonly png: Uint8Array }
	| { readonly id: number; readonly error: string; readonly stack?: string }
	| { readonly crashed: string };

const port = parentPort;
if ((workerData as RenderWorkerData | null)?.fontsRegistered === true) fontsRegisteredByParent();
if (port) {
	/** Jobs being drawn or encoded. */
	let inFlight = 0;
	/** Why this thread broke, once an error outside any job has been thrown. */
	let broken: string | undefined;
	const retireWhenIdle = (): void => {
		if (broken !== undefined && inFlight === 0) port.postMessage({ crashed: broken } satisfies RenderReply);
	};
	// An error outside any job (a bad chart fails only its own job) leaves this thread in an unknown
	// state: it takes no new job, finishes the ones it has and then asks the pool to replace it. It must
	// not end while canvas encodes a PNG: that aborts the whole process (canvas 3, Node 20).
	process.on('uncaughtException', (error) => {
		broken ??= error.message;
		retireWhenIdle();
	});
	port.on('message', (job: RenderJob) => {
		if (broken !== undefined) {
			port.postMessage({ id: job.id, error: `chart worker failed: ${broken}` } satisfies RenderReply);
			return;
		}
		inFlight++;
		renderChart(job.spec)
			.then(
				(png) => port.postMessage({ id: job.id, png } satisfies RenderReply),
				(error: unknown) =>
					port.postMessage({
						id: job.id,
						error: error instanceof Error ? error.message : String(error),
						...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
					} satisfies RenderReply),
			)
			.finally(() => {
				inFlight--;
				retireWhenIdle();
			});
	});
}
