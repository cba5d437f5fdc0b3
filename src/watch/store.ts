/**
 * Watches: "post new figures for this kommun (and indicator) in this channel". Kept in their own
 * lowdb file beside the dataset, so they survive restarts and dataset swaps. The file is validated
 * on load; writes replace it atomically (lowdb's steno writer: temp file, then rename) and are
 * serialised, so a crash never leaves half a file. Shard processes share the file: every change
 * and every {@link WatchStore.refresh} re-reads it first.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';

/** At most this many watches per server. */
export const MAX_WATCHES_PER_GUILD = 25;

const snowflake = z.string().regex(/^\d{17,20}$/);

/** One watch. */
export const watchSchema = z.object({
	/** Short random id (8 hex digits). */
	id: z.string().regex(/^[0-9a-f]{8}$/),
	guildId: snowflake,
	/** Channel the digests are posted in. */
	channelId: snowflake,
	/** Kommun id ("0480"). */
	kommun: z.string().min(1).max(20),
	/** Indicator id; absent = every indicator of the kommun. */
	indikator: z.string().min(1).max(40).optional(),
	/** Who set it. */
	createdBy: snowflake,
	createdAt: z.iso.datetime(),
});
export type Watch = z.infer<typeof watchSchema>;

/** The file: a version and the watches. */
export const watchFileSchema = z.object({
	version: z.literal(1),
	watches: z.array(watchSchema),
});
export type WatchFile = z.infer<typeof watchFileSchema>;

/** The watch file exists but cannot be used; it is left untouched. */
export class WatchFileError extends Error {
	override readonly name = 'WatchFileError';
}

/** What a new watch is. */
export type NewWatch = Omit<Watch, 'id' | 'createdAt'>;

/** Outcome of {@link WatchStore.add}. */
export type AddResult =
	| { readonly ok: true; readonly watch: Watch }
	| { readonly ok: false; readonly reason: 'limit' | 'duplicate'; readonly existing?: Watch };

function sameTarget(a: Pick<Watch, 'guildId' | 'channelId' | 'kommun' | 'indikator'>, b: typeof a): boolean {
	return a.guildId === b.guildId && a.channelId === b.channelId && a.kommun === b.kommun && a.indikator === b.indikator;
}

/** The watches of all servers, backed by one JSON file. */
export class WatchStore {
	readonly #db: Low<WatchFile>;
	#queue: Promise<unknown> = Promise.resolve();

	private constructor(
		readonly file: string,
		db: Low<WatchFile>,
	) {
		this.#db = db;
	}

	/**
	 * Opens the file (a missing file is an empty store). Throws {@link WatchFileError} naming the file
	 * and the problem when it is not valid JSON or not a valid watch file.
	 */
	static async open(file: string): Promise<WatchStore> {
		const resolved = path.resolve(file);
		const adapter = new DataFile<WatchFile>(resolved, {
			parse: (text) => {
				let raw: unknown;
				try {
					raw = JSON.parse(text);
				} catch (error) {
					throw new WatchFileError(`${file}: ogiltig JSON (${String(error)})`, { cause: error });
				}
				const parsed = watchFileSchema.safeParse(raw);
				if (!parsed.success) {
					const issue = parsed.error.issues[0];
					throw new WatchFileError(
						`${file}: ${issue ? `${issue.path.join('.') || '(roten)'}: ${issue.message}` : 'ogiltig fil'}`,
					);
				}
				return parsed.data;
			},
			stringify: (data) => `${JSON.stringify(data, null, '\t')}\n`,
		});
		const store = new WatchStore(file, new Low<WatchFile>(adapter, { version: 1, watches: [] }));
		await store.refresh();
		return store;
	}

	/** Re-reads the file (another shard process may have changed it). Throws {@link WatchFileError}. */
	refresh(): Promise<void> {
		return this.#serial(() => this.#read());
	}

	async #read(): Promise<void> {
		try {
			await this.#db.read();
		} catch (error) {
			if (error instanceof WatchFileError) throw error;
			throw new WatchFileError(`${this.file}: kan inte läsas (${String(error)})`, { cause: error });
		}
	}

	/** Every watch. */
	all(): readonly Watch[] {
		return this.#db.data.watches;
	}

	/** The watches of one server, oldest first. */
	list(guildId: string): readonly Watch[] {
		return this.#db.data.watches.filter((w) => w.guildId === guildId);
	}

	/** Adds a watch unless the server has {@link MAX_WATCHES_PER_GUILD} or the same one exists. */
	add(input: NewWatch, now: Date = new Date()): Promise<AddResult> {
		return this.#serial(async () => {
			await this.#read();
			const existing = this.#db.data.watches.find((w) => sameTarget(w, input));
			if (existing) return { ok: false, reason: 'duplicate', existing };
			if (this.list(input.guildId).length >= MAX_WATCHES_PER_GUILD) return { ok: false, reason: 'limit' };
			const ids = new Set(this.#db.data.watches.map((w) => w.id));
			let id: string;
			do id = randomBytes(4).toString('hex');
			while (ids.has(id));
			const watch = watchSchema.parse({ ...input, id, createdAt: now.toISOString() });
			await this.#write({ ...this.#db.data, watches: [...this.#db.data.watches, watch] });
			return { ok: true, watch };
		});
	}

	/** Removes a server's watches that match; returns the removed ones. */
	remove(
		guildId: string,
		match: { readonly kommun: string; readonly indikator?: string; readonly channelId?: string },
	): Promise<readonly Watch[]> {
		return this.#serial(async () => {
			await this.#read();
			const hit = (w: Watch): boolean =>
				w.guildId === guildId &&
				w.kommun === match.kommun &&
				(match.indikator === undefined || w.indikator === match.indikator) &&
				(match.channelId === undefined || w.channelId === match.channelId);
			const removed = this.#db.data.watches.filter(hit);
			if (removed.length > 0) {
				await this.#write({ ...this.#db.data, watches: this.#db.data.watches.filter((w) => !hit(w)) });
			}
			return removed;
		});
	}

	/** Writes the new data; the in-memory state changes only after the file did. */
	async #write(next: WatchFile): Promise<void> {
		const previous = this.#db.data;
		await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
		this.#db.data = next;
		try {
			await this.#db.write();
		} catch (error) {
			this.#db.data = previous;
			throw error;
		}
	}

	/** Runs changes one at a time. */
	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => undefined);
		return run;
	}
}
