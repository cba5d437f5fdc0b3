/**
 * Shared helpers for the sync tests: temp copies of the bundled dataset (the committed
 * `data/db.json` is only ever read), a loopback fake, and running the real CLI scripts as child
 * processes.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { KoladaClientOptions } from '../../../src/sources/kolada/client.js';
import { compiled } from '../../helpers/compiled.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The committed bundled dataset; tests copy it and never write to it. */
export const BUNDLED_DATASET = path.join(ROOT, 'data', 'db.json');

/** "Today" of every test sync: the fake's reference date. */
export const TODAY = new Date('2026-03-23T12:00:00Z');

/** A temp directory holding a copy of the bundled dataset. */
export interface TempData {
	readonly dir: string;
	readonly file: string;
	/** The file's bytes right after copying. */
	readonly original: Buffer;
	remove(): Promise<void>;
}

/** Copies `data/db.json` (or `source`) into a fresh temp directory. */
export async function tempDataset(source: string = BUNDLED_DATASET): Promise<TempData> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-sync-'));
	const file = path.join(dir, 'db.json');
	await copyFile(source, file);
	const original = await readFile(file);
	return { dir, file, original, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Client settings for tests: no pacing, tiny backoffs, short timeouts. */
export function fastClient(baseUrl: string, extra: KoladaClientOptions = {}): KoladaClientOptions {
	return {
		baseUrl,
		minIntervalMs: 0,
		baseBackoffMs: 1,
		maxBackoffMs: 5,
		maxRetryAfterMs: 200,
		timeoutMs: 10_000,
		...extra,
	};
}

/** Outcome of a script run. */
export interface ScriptRun {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Options of {@link runScript}. */
export interface ScriptOptions {
	readonly env?: Record<string, string>;
	/** Called with the child's pid right after it is spawned, e.g. to kill it at the right moment. */
	readonly onStart?: (pid: number) => void;
}

/**
 * Runs the compiled build of `<script>` (`node dist/<script>.js …args`) from the repository root. Asynchronous on purpose: the
 * fake Kolada server lives in this process and must keep answering while the child runs.
 */
export function runScript(script: string, args: readonly string[], options: ScriptOptions = {}): Promise<ScriptRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [compiled(script), ...args], {
			cwd: ROOT,
			env: { ...process.env, NO_COLOR: '1', ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		if (child.pid !== undefined) options.onStart?.(child.pid);
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

/** Environment for `scripts/sync.ts` against a fake, without pacing or long backoffs. */
export function syncEnv(baseUrl: string, dataFile: string): Record<string, string> {
	return {
		KOLADA_API_URL: baseUrl,
		DATA_PATH: dataFile,
		KOLADA_MIN_INTERVAL_MS: '0',
		KOLADA_BACKOFF_MS: '1',
		KOLADA_TIMEOUT_MS: '10000',
	};
}
