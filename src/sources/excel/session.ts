/**
 * What every file import (ÖJ workbook, statistikdatabas CSV) starts from and collects into: the
 * dataset and its search, the limits from options and mapping, and the problems (which stop the
 * import), warnings and quarantined records (which do not) found along the way.
 */
import { Dataset } from '../../dataset/dataset.js';
import type { DatasetFile } from '../../dataset/schema.js';
import { Search } from '../../search/search.js';
import { silentProgress, type Progress } from '../progress.js';
import { Quarantine } from '../records.js';
import { missingTokenSet } from './cells.js';
import { ProblemList, type ImportProblem } from './errors.js';
import type { RowCounts } from './report.js';

/** Default minimum number of kommun rows for a full file (290 kommuner, a few may not answer). */
export const DEFAULT_MIN_KOMMUNER = 250;
/** Default minimum share of a column's cells (or a measure's values) that must be read. */
export const DEFAULT_MIN_PARSED_SHARE = 0.9;

/** Options every importer takes. */
export interface SessionOptions {
	/** File name as shown in provenance and messages. */
	readonly fileName: string;
	/** The dataset to import into. */
	readonly base: DatasetFile;
	/** Minimum kommun rows (overrides the mapping; default {@link DEFAULT_MIN_KOMMUNER}). */
	readonly minKommuner?: number;
	readonly minParsedShare?: number;
	readonly now?: () => Date;
	readonly progress?: Progress;
}

/** The settings a mapping file may give for any import. */
export interface SessionMapping {
	readonly minKommuner?: number;
	readonly minParsedShare?: number;
	readonly missingTokens?: readonly string[];
}

/** One import's inputs and findings. */
export interface ImportSession {
	readonly file: string;
	readonly dataset: Dataset;
	readonly search: Search;
	readonly progress: Progress;
	readonly minKommuner: number;
	readonly minShare: number;
	/** Missing-value tokens (defaults and the mapping's). */
	readonly missing: ReadonlySet<string>;
	readonly problems: ProblemList;
	readonly warnings: string[];
	readonly quarantine: Quarantine;
	/** Records a problem in this file (or in the section the problem names). */
	readonly add: (problem: Omit<ImportProblem, 'file'> & { readonly file?: string }) => void;
	/** When the import runs, for its record. */
	readonly now: Date;
}

/** Starts an import: the dataset, limits from options before mapping before defaults, empty findings. */
export function startSession(options: SessionOptions, mapping: SessionMapping | undefined): ImportSession {
	const dataset = new Dataset(options.base);
	const problems = new ProblemList();
	return {
		file: options.fileName,
		dataset,
		search: new Search(dataset),
		progress: options.progress ?? silentProgress,
		minKommuner: options.minKommuner ?? mapping?.minKommuner ?? DEFAULT_MIN_KOMMUNER,
		minShare: options.minParsedShare ?? mapping?.minParsedShare ?? DEFAULT_MIN_PARSED_SHARE,
		missing: missingTokenSet(mapping?.missingTokens),
		problems,
		warnings: [],
		quarantine: new Quarantine(),
		add: (problem) => problems.add({ file: options.fileName, ...problem }),
		now: (options.now ?? (() => new Date()))(),
	};
}

/** Row counts of a section before any row is read. */
export function emptyRows(): RowCounts {
	return { kommun: 0, stadsdel: 0, lan: 0, riket: 0, skipped: 0 };
}

/** The gate on kommun rows, with how to lower it when a file is incomplete on purpose. */
export function kommunGateMessage(found: string, count: number, min: number, hint = ''): string {
	return (
		`för få ${found}: ${count} (minst ${min} krävs). ${hint}` +
		'Sänk gränsen med --min-kommuner eller "minKommuner" i mappningsfilen om filen medvetet är ofullständig.'
	);
}
