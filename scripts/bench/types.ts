/**
 * Shared shapes for `npm run bench`: every section returns figures that the runner prints as one
 * table and writes to `bench/results.json`.
 */

/** A target a figure is checked against, e.g. `{ op: '<=', value: 2 }` for "p99 ≤ 2 ms". */
export interface BenchTarget {
	readonly op: '<=' | '>=';
	readonly value: number;
}

/** One measured figure. */
export interface BenchFigure {
	/** Section the figure belongs to, e.g. `search`, `render`, `e2e`. */
	readonly section: string;
	/** What was measured, e.g. `autocomplete p99 (bundled)`. */
	readonly name: string;
	readonly value: number;
	/** Unit shown after the value, e.g. `ms`, `MB`, `s`, `%`, `st`. */
	readonly unit: string;
	readonly target?: BenchTarget;
	/** Free-text context, e.g. sample size. */
	readonly note?: string;
}

/** A benchmark section: a name and a function that measures and returns figures. */
export interface BenchSection {
	readonly name: string;
	readonly run: () => Promise<readonly BenchFigure[]>;
}

/** Percentile (nearest-rank) of an unsorted list of samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank] ?? Number.NaN;
}

/** Resident set size in MB. */
export function rssMb(): number {
	return process.memoryUsage().rss / 1024 / 1024;
}

/** Whether a figure meets its target (true when it has none). */
export function meetsTarget(figure: BenchFigure): boolean {
	if (!figure.target) return true;
	return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}
