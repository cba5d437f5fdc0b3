/**
 * Runs the project's scripts as a new user would — the compiled build, as the npm scripts do — from
 * another working directory (a fresh clone, a temp folder with its own `.env`), with the
 * environment cleared of the keys a test sets.
 */
import { spawn } from 'node:child_process';

import { compiled } from '../helpers/compiled.js';
import type { ScriptRun } from '../sources/kolada/sync-helpers.js';

/** Configuration keys removed from the inherited environment, so only the test's values (or `.env`) count. */
const CONFIG_KEYS = [
	'DATA_PATH',
	'KOLADA_API_URL',
	'KOLADA_CONCURRENCY',
	'KOLADA_MIN_INTERVAL_MS',
	'KOLADA_TIMEOUT_MS',
	'KOLADA_MAX_RETRIES',
	'KOLADA_BACKOFF_MS',
	'OJ_OFFLINE',
];

/** Options of {@link runScriptIn}. */
export interface RunInOptions {
	readonly env?: Record<string, string>;
	/** Keys to remove from the environment even when the test process has them. */
	readonly unset?: readonly string[];
}

/** Runs `node dist/<script>.js …args` in `cwd`. Asynchronous: a fake in this process must keep answering. */
export function runScriptIn(
	cwd: string,
	script: string,
	args: readonly string[],
	options: RunInOptions = {},
): Promise<ScriptRun> {
	const removed = new Set([...CONFIG_KEYS, ...(options.unset ?? [])]);
	const env = {
		...Object.fromEntries(Object.entries(process.env).filter(([key]) => !removed.has(key))),
		NO_COLOR: '1',
		...options.env,
	};
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [compiled(script), ...args], {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

/** Kolada settings for a sync against a loopback fake: no pacing, tiny backoffs. */
export function syncEnv(baseUrl: string): Record<string, string> {
	return {
		KOLADA_API_URL: baseUrl,
		KOLADA_MIN_INTERVAL_MS: '0',
		KOLADA_BACKOFF_MS: '1',
		KOLADA_TIMEOUT_MS: '10000',
	};
}
