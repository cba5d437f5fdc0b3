/**
 * Chart rendering off the main thread: a small pool of worker threads, each running `renderChart`.
 *
 * Chart.js draws synchronously, about 40 ms per chart; on the main thread every draw delays every
 * interaction that arrives meanwhile, including the acknowledgements that must reach Discord within
 * 3 s. In workers the event loop stays free. Jobs queue in the main thread and go to the worker with
 * the fewest in flight; a worker that dies is replaced and its jobs fail (the router then answers
 * without the chart).
 */
import { Worker } from 'node:worker_threads';
// Keeps canvas's native addon loaded in the main thread. Otherwise it is unloaded when the last worker
// that used it stops, and the process crashes (SIGSEGV) on terminate() or exit (canvas 3, Node 20).
import 'canvas';
import type { ChartSpec } from '../charts/spec.js';
import type { RenderJob, RenderReply } from './render-worker.js';

interface Pending {
	readonly resolve: (png: Buffer) => void;
	readonly reject: (error: Error) => void;
}

interface Slot {
	worker: Worker;
	readonly pending: Map<number, Pending>;
}

interface Queued {
	readonly job: RenderJob;
	readonly pending: Pending;
}

/** Counters for logs and benchmarks. */
export interface RenderPoolStats {
	readonly workers: number;
	readonly inFlight: number;
	readonly queued: number;
	readonly completed: number;
	readonly failed: number;
	readonly restarts: number;
}

/**
 * Starts the worker script next to this module. Under tsx (TypeScript sources) a worker does not
 * inherit tsx's loader on Node 20, so a one-line module registers it first and then imports the
 * worker; compiled JavaScript is started directly.
 */
function startWorker(concurrency: number): Worker {
	const workerData = { concurrency };
	if (!import.meta.url.endsWith('.ts'))
		return new Worker(new URL('./render-worker.js', import.meta.url), { workerData });
	const tsx = import.meta.resolve('tsx/esm/api');
	const script = new URL('./render-worker.ts', import.meta.url).href;
	const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script)});`;
	return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}

/** A pool of chart render workers. */
export class RenderPool {
	readonly #slots: Slot[] = [];
	readonly #queue: Queued[] = [];
	readonly #perWorker: number;
	#nextId = 1;
	#completed = 0;
	#failed = 0;
	#restarts = 0;
	#closed = false;

	/**
	 * @param size number of worker threads (at least 1)
	 * @param perWorker jobs a worker holds at once; 2 lets one chart draw while the previous one encodes
	 */
	constructor(size: number, perWorker = 2) {
		this.#perWorker = Math.max(1, perWorker);
		for (let i = 0; i < Math.max(1, size); i++) this.#slots.push(this.#spawn());
	}

	#spawn(): Slot {
		const slot: Slot = { worker: startWorker(this.#perWorker), pending: new Map() };
		this.#wire(slot);
		return slot;
	}

	#wire(slot: Slot): void {
		const { worker } = slot;
		worker.on('message', (reply: RenderReply) => {
			const pending = slot.pending.get(reply.id);
			if (!pending) return;
			slot.pending.delete(reply.id);
			if ('png' in reply) {
				this.#completed++;
				pending.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
			} else {
				this.#failed++;
				const error = new Error(reply.error);
				if (reply.stack) error.stack = reply.stack;
				pending.reject(error);
			}
			this.#pump();
		});
		const fail = (error: Error): void => {
			if (slot.worker !== worker) return;
			for (const pending of slot.pending.values()) {
				this.#failed++;
				pending.reject(error);
			}
			slot.pending.clear();
			if (this.#closed) return;
			this.#restarts++;
			slot.worker = startWorker(this.#perWorker);
			this.#wire(slot);
			this.#pump();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (!this.#closed) fail(new Error(`chart worker exited with code ${code}`));
		});
	}

	/** Renders a chart to PNG in a worker. */
	render(spec: ChartSpec): Promise<Buffer> {
		if (this.#closed) return Promise.reject(new Error('render pool is closed'));
		return new Promise<Buffer>((resolve, reject) => {
			this.#queue.push({ job: { id: this.#nextId++, spec }, pending: { resolve, reject } });
			this.#pump();
		});
	}

	#pump(): void {
		while (this.#queue.length > 0) {
			let best: Slot | undefined;
			for (const slot of this.#slots) {
				if (slot.pending.size < this.#perWorker && (!best || slot.pending.size < best.pending.size)) best = slot;
			}
			if (!best) return;
			const next = this.#queue.shift();
			if (!next) return;
			best.pending.set(next.job.id, next.pending);
			best.worker.postMessage(next.job);
		}
	}

	/** Queue and counters. */
	get stats(): RenderPoolStats {
		return {
			workers: this.#slots.length,
			inFlight: this.#slots.reduce((n, s) => n + s.pending.size, 0),
			queued: this.#queue.length,
			completed: this.#completed,
			failed: this.#failed,
			restarts: this.#restarts,
		};
	}

	/** Stops the workers; queued and running jobs fail. */
	async close(): Promise<void> {
		this.#closed = true;
		const error = new Error('render pool closed');
		for (const queued of this.#queue.splice(0)) queued.pending.reject(error);
		for (const slot of this.#slots) {
			for (const pending of slot.pending.values()) pending.reject(error);
			slot.pending.clear();
		}
		await Promise.all(this.#slots.map((s) => s.worker.terminate()));
	}
}
