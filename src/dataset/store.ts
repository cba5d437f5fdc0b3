/**
 * Reading and writing `data/db.json` through lowdb.
 *
 * Reads validate the file (zod shape, then integrity) and fail with a {@link DatasetError} that names
 * the file and what is wrong. Writes validate first and then replace the file atomically (lowdb's
 * steno writer: temp file in the same directory, then rename), so a failed or interrupted write
 * leaves the previous dataset byte-for-byte intact.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { z } from 'zod';
import { clip } from '../text.js';
import { excerptOf, MAX_PROBLEM_LINE } from './ids.js';
import { checkPoint, datasetEnvelopeSchema, SCHEMA_VERSION, type DatasetFile } from './schema.js';
import { checkIntegrity } from './validate.js';

/** The dataset file could not be read, parsed or validated, or could not be written. */
export class DatasetError extends Error {
	override readonly name = 'DatasetError';
	constructor(
		/** The file concerned. */
		readonly file: string,
		/** What is wrong, one line per problem (each shortened to 300 characters). */
		problems: readonly string[],
		options?: ErrorOptions,
	) {
		const lines = problems.map((p) => clip(p, MAX_PROBLEM_LINE));
		super(`Datasetet ${file} är ogiltigt:\n  - ${lines.join('\n  - ')}`, options);
		this.problems = lines;
	}

	/** What is wrong, one line per problem. */
	readonly problems: readonly string[];
}

const TOP_LEVEL_ARRAYS = ['provenance', 'areas', 'groupings', 'indicators', 'series', 'facts', 'imports'] as const;

/**
 * Serialises the dataset with one record per line, so the file stays diffable in git and compact
 * enough to load fast.
 */
export function stringifyDataset(data: DatasetFile): string {
	const parts = [
		`\t"schemaVersion": ${JSON.stringify(data.schemaVersion)}`,
		`\t"builtFrom": ${JSON.stringify(data.builtFrom)}`,
	];
	for (const key of TOP_LEVEL_ARRAYS) {
		const rows: readonly unknown[] = data[key];
		const body = rows.map((row) => `\t\t${JSON.stringify(row)}`).join(',\n');
		parts.push(rows.length === 0 ? `\t"${key}": []` : `\t"${key}": [\n${body}\n\t]`);
	}
	return `{\n${parts.join(',\n')}\n}\n`;
}

function describeJsonError(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const position = /position (\d+)/.exec(message);
	if (!position) return `ogiltig JSON: ${message}`;
	const offset = Number(position[1]);
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `ogiltig JSON på rad ${line}, kolumn ${column}: ${message}`;
}

/**
 * Validates parsed JSON as a dataset: schema version, zod shape (with the path of each problem)
 * and integrity. Throws {@link DatasetError} naming `file`.
 */
export function validateDataset(raw: unknown, file: string): DatasetFile {
	try {
		return validateShape(raw, file);
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		throw new DatasetError(
			file,
			['ett värde är för djupt nästlat eller för stort för att kontrolleras; bygg om eller synka datasetet'],
			{
				cause: error,
			},
		);
	}
}

/** One zod issue as `path: problem`, with a non-finite number named as such. */
function describeIssue(issue: z.core.$ZodIssue): string {
	const path = issue.path.map(String).join('.') || '(rot)';
	const input = (issue as { input?: unknown }).input;
	if (issue.code === 'invalid_type' && typeof input === 'number' && !Number.isFinite(input)) {
		return `${path}: ${excerptOf(input)} är inget ändligt tal`;
	}
	return `${path}: ${issue.message}`;
}

function validateShape(raw: unknown, file: string): DatasetFile {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw new DatasetError(file, [
			`filen innehåller ${raw === null ? 'null' : Array.isArray(raw) ? 'en lista' : typeof raw}, inget dataset; bygg om det (npm run build:data) eller synka`,
		]);
	}
	const version = (raw as { schemaVersion?: unknown }).schemaVersion;
	if (version !== SCHEMA_VERSION) {
		throw new DatasetError(file, [
			`schemaversion ${JSON.stringify(version)} stöds inte (förväntade ${SCHEMA_VERSION}); bygg om eller synka datasetet`,
		]);
	}
	const parsed = datasetEnvelopeSchema.safeParse(raw, { reportInput: true });
	if (!parsed.success) throw new DatasetError(file, parsed.error.issues.slice(0, 10).map(describeIssue));
	// The shape is valid, so the input itself is used (zod's copy is dropped): no second copy of a
	// large dataset stays in memory.
	const data = raw as DatasetFile;
	const pointProblems: string[] = [];
	data.series.forEach((series, i) => {
		series.points.forEach((point, j) => {
			const problem = pointProblems.length < 10 ? checkPoint(point) : undefined;
			if (problem) pointProblems.push(`series.${i}.points.${j}: ${problem}`);
		});
	});
	if (pointProblems.length > 0) throw new DatasetError(file, pointProblems);
	const problems = checkIntegrity(data);
	if (problems.length > 0) throw new DatasetError(file, problems);
	return data;
}

const databases = new Map<string, Low<DatasetFile | null>>();

/** One lowdb instance per file: two instances on one file would mean two writers racing. */
function database(file: string): Low<DatasetFile | null> {
	const resolved = path.resolve(file);
	let db = databases.get(resolved);
	if (!db) {
		const adapter = new DataFile<DatasetFile | null>(resolved, {
			parse: (text) => {
				let parsed: unknown;
				try {
					parsed = JSON.parse(text);
				} catch (error) {
					throw new DatasetError(file, [describeJsonError(text, error)], { cause: error });
				}
				// lowdb reads a missing file as null, so a file that holds null must fail here.
				if (parsed === null) validateDataset(parsed, file);
				return parsed as DatasetFile;
			},
			stringify: (data) => (data === null ? 'null\n' : stringifyDataset(data)),
		});
		db = new Low<DatasetFile | null>(adapter, null);
		databases.set(resolved, db);
	}
	return db;
}

/** Reads and validates a dataset file. Throws {@link DatasetError} with the file name and the problems. */
export async function readDataset(file: string): Promise<DatasetFile> {
	const db = database(file);
	try {
		await db.read();
	} catch (error) {
		if (error instanceof DatasetError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'EACCES' ? 'filen kan inte läsas (behörighet saknas)' : String(error);
		throw new DatasetError(file, [reason], { cause: error });
	}
	if (db.data === null)
		throw new DatasetError(file, ['filen saknas – kör `npm run setup` eller peka DATA_PATH på ett dataset']);
	return validateDataset(db.data, file);
}

/**
 * Validates `data` and only then replaces `file` atomically. On any failure the previous file is
 * untouched and a {@link DatasetError} explains why.
 */
export async function writeDataset(file: string, data: DatasetFile): Promise<void> {
	const valid = validateDataset(data, `${file} (nytt dataset)`);
	const db = database(file);
	try {
		await mkdir(path.dirname(path.resolve(file)), { recursive: true });
		db.data = valid;
		await db.write();
		db.data = null;
	} catch (error) {
		db.data = null;
		const reason = writeFailureReason(error);
		throw new DatasetError(file, [`kunde inte skriva: ${reason}; det tidigare datasetet är oförändrat`], {
			cause: error,
		});
	}
}

/** Why a file could not be written, in a few Swedish words (full disk, no permission, not a folder). */
export function writeFailureReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOSPC') return 'disken är full';
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'katalogen går inte att skriva till';
	if (code === 'ENOTDIR') return 'sökvägen är ingen mapp';
	return String(error);
}
