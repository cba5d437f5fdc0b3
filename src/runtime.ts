/**
 * Holds the current dataset and its search index. Loaded once at start; when the data file is
 * replaced (a sync or import in another process), the new file is validated and indexed beside the
 * old one and then swapped in with a single assignment, so requests never see half of each. A
 * broken new file is logged and the old dataset stays in use.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { AnswerContext } from './answers/context.js';
import type { Locale } from './answers/types.js';
import { Dataset } from './dataset/dataset.js';
import { readDataset } from './dataset/store.js';
import { lexiconFor } from './question/lexicon.js';
import { Search } from './search/search.js';

/** One loaded dataset with its index. */
export interface Snapshot {
	readonly dataset: Dataset;
	readonly search: Search;
	readonly loadedAt: Date;
	/** Milliseconds spent reading, validating and indexing. */
	readonly loadMs: number;
}

/** Loads, validates and indexes a dataset file. */
export async function loadSnapshot(file: string): Promise<Snapshot> {
	const started = performance.now();
	const dataset = new Dataset(await readDataset(file));
	const search = new Search(dataset);
	// The question parser's name table is built here, at load, not on the first question.
	lexiconFor(dataset, search);
	return { dataset, search, loadedAt: new Date(), loadMs: performance.now() - started };
}

/** Outcome of a reload. */
export type ReloadResult =
	{ readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly error: Error };

/** The current dataset, swappable at runtime. */
export class DataRuntime {
	private snapshot: Snapshot;
	private watcher: FSWatcher | undefined;
	private reloading: Promise<ReloadResult> | undefined;

	private constructor(
		readonly file: string,
		snapshot: Snapshot,
	) {
		this.snapshot = snapshot;
	}

	/** Loads the file; throws a DatasetError naming the file when it is missing or broken. */
	static async load(file: string): Promise<DataRuntime> {
		return new DataRuntime(file, await loadSnapshot(file));
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

	/** Re-reads the file; on success swaps the snapshot, on failure keeps the old one. */
	async reload(): Promise<ReloadResult> {
		this.reloading ??= (async (): Promise<ReloadResult> => {
			try {
				const next = await loadSnapshot(this.file);
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
	 * Watches the data file's directory and reloads after the file is replaced (atomic writers
	 * rename a temp file onto it, so the directory is watched, not the file). Debounced.
	 */
	watch(onReload: (result: ReloadResult) => void, debounceMs = 300): void {
		if (this.watcher) return;
		const dir = path.dirname(path.resolve(this.file));
		const base = path.basename(this.file);
		let timer: NodeJS.Timeout | undefined;
		this.watcher = watch(dir, (_event, name) => {
			if (name !== base) return;
			clearTimeout(timer);
			timer = setTimeout(() => {
				void this.reload().then(onReload);
			}, debounceMs);
		});
		this.watcher.unref();
	}

	/** Stops watching. */
	close(): void {
		this.watcher?.close();
		this.watcher = undefined;
	}
}
