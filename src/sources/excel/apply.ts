/**
 * Runs a prepared import against a dataset file: read and validate the dataset, merge the incoming
 * values (incoming wins, counted), validate the result, and — only with `apply` — replace the file
 * atomically. A dry run and a failed import leave the file byte-for-byte as it was.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readDataset, validateDataset, writeDataset } from '../../dataset/store.js';
import type { DatasetFile } from '../../dataset/schema.js';
import { mergeIntoDataset, type MergeInput } from '../merge.js';
import type { ImportOutcome, ImportReport } from './report.js';

/** What an importer produces from a file and the current dataset. */
export interface PreparedImport {
	readonly input: MergeInput;
	readonly report: ImportReport;
}

/** Options of {@link runImport}. */
export interface RunImportOptions {
	/** The dataset file (e.g. data/db.json). */
	readonly dataPath: string;
	/** The dataset to start from when it is not `dataPath` (a first import beside the bundled dataset). */
	readonly basePath?: string;
	/** Write the merged dataset; otherwise only report. */
	readonly apply: boolean;
	/** Builds the merge input from the current dataset; throws `ImportError` on any problem. */
	readonly prepare: (base: DatasetFile) => PreparedImport | Promise<PreparedImport>;
}

/** Prepares, merges, validates and (with `apply`) writes an import. */
export async function runImport(options: RunImportOptions): Promise<ImportOutcome> {
	const base = await readDataset(options.basePath ?? options.dataPath);
	const prepared = await options.prepare(base);
	const { dataset, summary } = mergeIntoDataset(base, prepared.input);
	validateDataset(dataset, `${options.dataPath} (efter import)`);
	if (options.apply) {
		await mkdir(path.dirname(options.dataPath), { recursive: true });
		await writeDataset(options.dataPath, dataset);
	}
	return { report: prepared.report, summary, applied: options.apply, dataPath: options.dataPath };
}
