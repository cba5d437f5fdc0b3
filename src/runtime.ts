/**
 * Holds the current dataset and its search index. Loaded once at start; when the data file is
 * replaced (a sync or import in another process), the new file is validated and indexed beside the
 * old one and then swapped in with a single assignment, so requests never see half of each. A
 * broken new file is logged and the old dataset stays in use. Given several candidate files (the
 * synced dataset, then the bundled one), the first that exists is read, so a first sync switches a
 * running bot from the bundled dataset to the synced one.
 */
import { existsSync, mkdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { AnswerContext } from './answers/context.js';
import type { Locale } from './answers/types.js';
import type { DataLocation } from './config.js';
import { Dataset } from './dataset/dataset.js';
import type { DatasetFile } from './dataset/schema.js';
import { readDataset } from './dataset/store.js';
import { lexiconFor } from './question/lexicon.js';
import { Search } from './search/search.js';

/** One loaded dataset with its index. */
export interface Snapshot {
	/** The file it was read from, and why that one. */
	readonly location: DataLocation;
	readonly dataset: Dataset;
	readonly search: Search;
	readonly loadedAt: Date;
	/** Milliseconds spent reading, validating and indexing. */
	readonly loadMs: number;
}

/**
 * How much is indexed at load: everything (`eager`, a running bot, whose first question should not
 * pay for it), or only what the first lookup needs (`lazy`, one command and exit: `npm run ask`).
 */
export type Indexing = 'eager' | 'lazy';

/** Loads, validates and indexes a dataset file. */
export async function loadSnapshot(
	file: string,
	location: DataLocation = { file, origin: 'configured' },
	indexing: Indexing = 'eager',
): Promise<Snapshot> {
	const started = performance.now();
	return indexSnapshot(await readDataset(file), location, started, indexing);
}

/** Indexes a validated dataset (a file just read, or a dataset built in memory by a sync). */
export function indexSnapshot(
	data: DatasetFile,
	location: DataLocation,
	started = performance.now(),
	indexing: Indexing = 'eager',
): Snapshot {
	const dataset = new Dataset(data);
	const search = new Search(dataset);
	// The search scopes and the question parser's name table are built here, at load, not on the
	// first question; lazily they are built on first use.
	if (indexing === 'eager') lexiconFor(dataset, search.warm());
	return { location, dataset, search, loadedAt: new Date(), loadMs: performance.now() - started };
}

/** The first candidate whose file exists; the last one when none does (its load error names it). */
function pick(candidates: readonly DataLocation[]): DataLocation {
	const found = candidates.find((c) => existsSync(c.file)) ?? candidates.at(-1);
	if (!found) throw new Error('no dataset candidates');
	return found;
}

/** Outcome of a reload. */
export type ReloadResult =
	{ readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly error: Error };

/** The current dataset, swappable at runtime. */
export class DataRuntime {
	private snapshot: Snapshot;
	private watchers: FSWatcher[] = [];
	private reloading: Promise<ReloadResult> | undefined;

	private constructor(
		private readonly candidates: readonly DataLocation[],
		snapshot: Snapshot,
		private readonly indexing: Indexing,
	) {
		this.snapshot = snapshot;
	}

	/** Loads the file; throws a DatasetError naming the file when it is missing or broken. */
	static async load(file: string): Promise<DataRuntime> {
		return DataRuntime.open([{ file, origin: 'configured' }]);
	}

	/** Loads the first candidate that exists; throws a DatasetError naming the file when it is broken. */
	static async open(candidates: readonly DataLocation[], indexing: Indexing = 'eager'): Promise<DataRuntime> {
		const location = pick(candidates);
		return new DataRuntime(candidates, await loadSnapshot(location.file, location, indexing), indexing);
	}

	/** The file in use right now. */
	get file(): string {
		return this.snapshot.location.file;
	}

	/** The dataset and index in use right now. */
	get current(): Snapshot {
		return this.snapshot;
	}

	/** An answer context over the current snapshot. */
	context(locale: Locale = 'sv', today: Date = new Date()): AnswerContext {
		const { dataset, search } = this.snapshot;
		return { dataset, search, locale, today };
	}

	/** Re-reads the preferred file; on success swaps the snapshot, on failure keeps the old one. */
	async reload(): Promise<ReloadResult> {
		this.reloading ??= (async (): Promise<ReloadResult> => {
			try {
				const location = pick(this.candidates);
				const next = await loadSnapshot(location.file, location, this.indexing);
				this.snapshot = next;
				return { ok: true, snapshot: next };
			} catch (error) {
				return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
			} finally {
				this.reloading = undefined;
			}
		})();
		return this.reloading;
	}

	/**
	 * Watches the candidate files' directories and reloads after one is replaced or created (atomic
	 * writers rename a temp file onto it, so directories are watched, not files). Debounced. The
	 * directory of a preferred candidate is created when missing, so its first file is seen.
	 */
	watch(onReload: (result: ReloadResult) => void, debounceMs = 300): void {
		if (this.watchers.length > 0) return;
		let timer: NodeJS.Timeout | undefined;
		const dirs = new Map<string, Set<string>>();
		for (const c of this.candidates) {
			const dir = path.dirname(path.resolve(c.file));
			dirs.set(dir, (dirs.get(dir) ?? new Set()).add(path.basename(c.file)));
		}
		for (const [dir, names] of dirs) {
			try {
				mkdirSync(dir, { recursive: true });
				const watcher = watch(dir, (_event, name) => {
					if (name === null || !names.has(name)) return;
					clearTimeout(timer);
					timer = setTimeout(() => {
						void this.reload().then(onReload);
					}, debounceMs);
				});
				watcher.unref();
				this.watchers.push(watcher);
			} catch {
				// A directory that cannot be created or watched (read-only deploy) is simply not watched.
			}
		}
	}

	/** Stops watching. */
	close(): void {
		for (const w of this.watchers) w.close();
		this.watchers = [];
	}
}
