/**
 * The bot's chart renderer: a small pool of worker threads, each running `renderChart`, behind the
 * one queue and the one bound on renders in flight.
 *
 * Chart.js draws synchronously, about 40 ms per chart; on the main thread every draw delays every
 * interaction that arrives meanwhile, including the acknowledgements that must reach Discord within
 * 3 s. In workers the event loop stays free. Jobs queue in the main thread and go to the worker with
 * the fewest in flight; a worker that dies is replaced and its jobs fail (the router then answers
 * without the chart). A worker broken by an error outside any job finishes its charts first and then
 * asks to be replaced (see `worker.ts`).
 *
 * Two bounds keep a burst or a hostile chart from taking the bot down: the queue holds at most
 * `maxQueue` jobs (a job beyond that is refused at once with {@link RenderBusyError}, and the user
 * is told that many are asking right now), and every job has `timeoutMs` to finish once a worker has
 * it (the worker is then replaced, the job fails with {@link RenderTimeoutError} and the worker's
 * other jobs go back to the front of the queue).
 */
import { Worker } from 'node:worker_threads';
// Keeps canvas's native addon loaded in the main thread. Otherwise it is unloaded when the last worker
// that used it stops, and the process crashes (SIGSEGV) on terminate() or exit (canvas 3, Node 20).
import 'canvas';
import { ensureChartFonts } from './fonts.js';
import { RenderBusyError, RenderTimeoutError } from './render-errors.js';
import type { ChartSpec } from './spec.js';
import type { RenderJob, RenderReply } from './worker.js';

export { RenderBusyError, RenderTimeoutError };

interface Pending {
	readonly resolve: (png: Buffer) => void;
	readonly reject: (error: Error) => void;
}

interface Running extends Queued {
	readonly timer: NodeJS.Timeout;
}

/** Bounds of a {@link RenderPool}. */
export interface RenderPoolOptions {
	/** Jobs a worker holds at once, default 2 (one draws while the previous one encodes). */
	readonly perWorker?: number;
	/** Time a job may take once a worker has it, default 15 000 ms. */
	readonly timeoutMs?: number;
	/** Jobs that may wait for a worker, default 50; more are refused with {@link RenderBusyError}. */
	readonly maxQueue?: number;
	/**
	 * The worker script, default the chart worker beside this module. It answers {@link RenderJob}s
	 * with {@link RenderReply}s; a test passes one with a fault built in, to check how the pool recovers.
	 */
	readonly workerUrl?: URL;
}

interface Slot {
	worker: Worker;
	readonly pending: Map<number, Running>;
}

interface Queued {
	readonly job: RenderJob;
	readonly pending: Pending;
}

/** Counters for logs and benchmarks. */
export interface RenderPoolStats {
	readonly workers: number;
	/** Jobs the workers hold now. */
	readonly inFlight: number;
	/** The bound on {@link RenderPoolStats.inFlight}: workers × jobs per worker. */
	readonly maxInFlight: number;
	/** Highest {@link RenderPoolStats.inFlight} since the pool started. */
	readonly peakInFlight: number;
	/** Jobs waiting for a worker. */
	readonly queued: number;
	readonly completed: number;
	readonly failed: number;
	readonly restarts: number;
}

/**
 * A worker's young generation, MB (V8 makes it three semi-spaces, here 2 MB each). V8's default lets
 * it grow to 48 MB per thread under a burst of renders; drawing a chart allocates a lot but keeps
 * little, so a small one costs no measurable time and keeps each worker's heap near 20 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 6;

/** What a worker is told when it starts (`worker.ts` reads it). */
export interface RenderWorkerData {
	/** The main thread has registered the chart font for the whole process; the worker must not. */
	readonly fontsRegistered: boolean;
}

/**
 * Registers the chart font in this (the main) thread before any worker starts: canvas's font list
 * is shared by the process and changed without a lock (see `fonts.ts`). False when the font is
 * missing; each render then fails with the message that names the file.
 */
function registerFontsOnce(): boolean {
	try {
		ensureChartFonts();
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts the worker script next to this module. Under tsx (TypeScript sources) a worker does not
 * inherit tsx's loader on Node 20, so a one-line module registers it first and then imports the
 * worker; compiled JavaScript is started directly.
 */
function startWorker(data: RenderWorkerData, url: URL | undefined): Worker {
	const options = {
		resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
		workerData: data,
	};
	if (url) return new Worker(url, options);
	if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), options);
	const tsx = import.meta.resolve('tsx/esm/api');
	const script = new URL('./worker.ts', import.meta.url).href;
	const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script)});`;
	return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}

/** A small chart drawn once per worker by {@link RenderPool.warm}. */
const WARM_UP_CHART: ChartSpec = {
	kind: 'bar',
	orientation: 'vertical',
	title: 'Start',
	unit: '%',
	format: { style: 'percent', decimals: 1 },
	source: 'ÖJ-boten',
	bars: [{ label: 'Riket', value: 1, role: 'reference' }],
};

/** `value` if it is an integer ≥ `min`, else a RangeError naming the option. */
function whole(name: string, value: number, min: number): number {
	if (!Number.isInteger(value) || value < min)
		throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}.`);
	return value;
}

/** A pool of chart render workers. */
export class RenderPool {
	readonly #slots: Slot[] = [];
	readonly #queue: Queued[] = [];
	readonly #perWorker: number;
	readonly #timeoutMs: number;
	readonly #maxQueue: number;
	#nextId = 1;
	#peakInFlight = 0;
	#completed = 0;
	#failed = 0;
	#restarts = 0;
	#closed = false;
	readonly #workerData: RenderWorkerData = { fontsRegistered: registerFontsOnce() };
	readonly #workerUrl: URL | undefined;

	/**
	 * @param size number of worker threads (at least 1)
	 * @param options jobs per worker, time limit per job and queue bound
	 * @throws RangeError when a bound is not a whole number in range.
	 */
	constructor(size: number, options: RenderPoolOptions = {}) {
		this.#perWorker = whole('perWorker', options.perWorker ?? 2, 1);
		this.#timeoutMs = whole('timeoutMs', options.timeoutMs ?? 15_000, 1);
		this.#maxQueue = whole('maxQueue', options.maxQueue ?? 50, 0);
		this.#workerUrl = options.workerUrl;
		for (let i = 0; i < whole('size', size, 1); i++) this.#slots.push(this.#spawn());
	}

	#spawn(): Slot {
		const slot: Slot = { worker: startWorker(this.#workerData, this.#workerUrl), pending: new Map() };
		this.#wire(slot);
		return slot;
	}

	#wire(slot: Slot): void {
		const { worker } = slot;
		// The worker died, or broke and has finished its jobs: any job it still holds fails (which one
		// caused it is unknown, so none is tried again) and a new worker takes its place; one that still
		// runs is stopped, with nothing left to draw or encode.
		const replace = (error: Error): void => {
			if (slot.worker !== worker) return;
			for (const running of slot.pending.values()) {
				this.#failed++;
				clearTimeout(running.timer);
				running.pending.reject(error);
			}
			slot.pending.clear();
			if (this.#closed) return;
			this.#restarts++;
			slot.worker = startWorker(this.#workerData, this.#workerUrl);
			this.#wire(slot);
			void worker.terminate();
			this.#pump();
		};
		worker.on('message', (reply: RenderReply) => {
			if ('crashed' in reply) {
				replace(new Error(`chart worker failed: ${reply.crashed}`));
				return;
			}
			const running = slot.pending.get(reply.id);
			if (!running) return;
			slot.pending.delete(reply.id);
			clearTimeout(running.timer);
			const { pending } = running;
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
		worker.on('error', replace);
		worker.on('exit', (code) => {
			if (!this.#closed) replace(new Error(`chart worker exited with code ${code}`));
		});
	}

	/**
	 * Renders a chart to PNG in a worker.
	 *
	 * @throws RenderBusyError at once when the queue is full; RenderTimeoutError when the chart takes too long.
	 */
	render(spec: ChartSpec): Promise<Buffer> {
		if (this.#closed) return Promise.reject(new Error('render pool is closed'));
		const free = this.#slots.some((s) => s.pending.size < this.#perWorker);
		if (!free && this.#queue.length >= this.#maxQueue) {
			this.#failed++;
			return Promise.reject(new RenderBusyError(this.#queue.length));
		}
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
			const slot = best;
			const timer = setTimeout(() => this.#timeOut(slot, next.job.id), this.#timeoutMs);
			slot.pending.set(next.job.id, { ...next, timer });
			slot.worker.postMessage(next.job);
			this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight());
		}
	}

	#inFlight(): number {
		return this.#slots.reduce((n, s) => n + s.pending.size, 0);
	}

	/** Draws a small chart once in every worker, so the first user does not wait for fonts and Chart.js to load. */
	async warm(): Promise<void> {
		await Promise.all(this.#slots.map(() => this.render(WARM_UP_CHART)));
	}

	/** A job ran out of time: it fails, its worker is replaced and the worker's other jobs are queued again. */
	#timeOut(slot: Slot, id: number): void {
		const late = slot.pending.get(id);
		if (!late || this.#closed) return;
		slot.pending.delete(id);
		this.#failed++;
		late.pending.reject(new RenderTimeoutError(this.#timeoutMs));
		const others = [...slot.pending.values()];
		slot.pending.clear();
		for (const running of others) clearTimeout(running.timer);
		this.#queue.unshift(...others.map(({ job, pending }) => ({ job, pending })));
		const old = slot.worker;
		this.#restarts++;
		slot.worker = startWorker(this.#workerData, this.#workerUrl);
		this.#wire(slot);
		void old.terminate();
		this.#pump();
	}

	/** Queue and counters. */
	get stats(): RenderPoolStats {
		return {
			workers: this.#slots.length,
			inFlight: this.#inFlight(),
			maxInFlight: this.#slots.length * this.#perWorker,
			peakInFlight: this.#peakInFlight,
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
			for (const running of slot.pending.values()) {
				clearTimeout(running.timer);
				running.pending.reject(error);
			}
			slot.pending.clear();
		}
		await Promise.all(this.#slots.map((s) => s.worker.terminate()));
	}
}
