/**
 * Per-user cooldown on chart commands: charts cost far more than text answers, so one user can ask
 * for one chart every `seconds`. Zero disables it. Pure bookkeeping with an injectable clock.
 */

/** Outcome of {@link Cooldown.take}. */
export type CooldownResult =
	| { readonly ok: true }
	| {
			readonly ok: false;
			/** Epoch milliseconds when the user may try again. */
			readonly retryAt: number;
			/** Whole seconds left, at least 1. */
			readonly retryInSeconds: number;
	  };

/** Per-user cooldown. */
export class Cooldown {
	readonly #until = new Map<string, number>();
	readonly #ms: number;

	constructor(
		seconds: number,
		private readonly now: () => number = Date.now,
	) {
		this.#ms = Math.max(0, seconds) * 1000;
	}

	/** Whether the cooldown is on (a positive number of seconds). */
	get enabled(): boolean {
		return this.#ms > 0;
	}

	/** Whether the user could start a chart now, without starting the cooldown. */
	peek(userId: string): CooldownResult {
		const until = this.#until.get(userId);
		const now = this.now();
		if (!this.enabled || until === undefined || until <= now) return { ok: true };
		return { ok: false, retryAt: until, retryInSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
	}

	/** Starts the user's cooldown when it is not running; otherwise says when it ends. */
	take(userId: string): CooldownResult {
		if (!this.enabled) return { ok: true };
		const running = this.peek(userId);
		if (!running.ok) return running;
		const now = this.now();
		if (this.#until.size > 10_000) this.sweep();
		this.#until.set(userId, now + this.#ms);
		return { ok: true };
	}

	/** Gives the user's turn back (the request produced no chart, e.g. a typo). */
	release(userId: string): void {
		this.#until.delete(userId);
	}

	/** Users with a running cooldown. */
	get active(): number {
		const now = this.now();
		let n = 0;
		for (const until of this.#until.values()) if (until > now) n++;
		return n;
	}

	/** Forgets ended cooldowns. */
	sweep(): void {
		const now = this.now();
		for (const [user, until] of this.#until) if (until <= now) this.#until.delete(user);
	}
}
