/**
 * The two ways the render pool refuses or gives up on a chart, in a module of their own so the
 * router and the mention responder can tell them apart without loading the pool (and canvas).
 */

/** The queue is full: too many charts are waiting already. */
export class RenderBusyError extends Error {
	override readonly name = 'RenderBusyError';
	/** @param queued - jobs waiting when this one was refused. */
	constructor(queued: number) {
		super(`render queue is full (${queued} waiting)`);
	}
}

/** A chart did not finish within the pool's time limit. */
export class RenderTimeoutError extends Error {
	override readonly name = 'RenderTimeoutError';
	/** @param ms - the time limit that passed. */
	constructor(ms: number) {
		super(`chart rendering took longer than ${ms} ms`);
	}
}
