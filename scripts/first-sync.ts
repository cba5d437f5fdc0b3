/**
 * `npm run setup:sync [-- --offline]` — the last step of `npm run setup`: fills the dataset from
 * Kolada when Kolada answers, so a new user never meets the thin bundled dataset by accident.
 *
 * 1. `--offline` or `OJ_OFFLINE=1`: skipped, one line.
 * 2. The synced dataset already exists: skipped (refresh it with `npm run sync`), one line.
 * 3. A short reachability check of `KOLADA_API_URL` (a few seconds at most). Unreachable: one line,
 *    the bundled dataset stays in use.
 * 4. Reachable: `scripts/sync.ts` runs with its progress bar and writes the git-ignored synced
 *    dataset (or DATA_PATH when set). A failed sync is reported in one line and leaves the bundled
 *    dataset in use.
 *
 * Configuration comes from `.env` and the environment, validated by src/config.ts. Exit code 0 in
 * every case above (set-up goes on); 2 for a wrong argument or configuration.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadEnvFile, writableDataPath, type Config } from '../src/config.js';

/** How long the reachability check may take. */
const PROBE_TIMEOUT_MS = 3000;

const say = (text: string): void => {
	process.stdout.write(`[setup] ${text}\n`);
};

/** Whether Kolada answers: undefined when it does, else a short reason. */
async function probeKolada(baseUrl: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
	try {
		const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/municipality/0000`, {
			signal: AbortSignal.timeout(timeoutMs),
			headers: { accept: 'application/json' },
		});
		await response.body?.cancel();
		return response.ok ? undefined : `svarade HTTP ${response.status}`;
	} catch (error) {
		if (error instanceof Error && error.name === 'TimeoutError') return `inget svar på ${timeoutMs / 1000} s`;
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
		const code = (cause as NodeJS.ErrnoException | undefined)?.code;
		return code === undefined ? 'kunde inte nås' : `kunde inte nås (${code})`;
	}
}

/** Runs the sync script in a child process with the same loader, inheriting the terminal (progress bar). */
function runSync(): Promise<number | null> {
	const self = fileURLToPath(import.meta.url);
	const script = path.join(path.dirname(self), `sync${path.extname(self)}`);
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [...process.execArgv, '--max-old-space-size=256', script], {
			stdio: 'inherit',
		});
		child.on('error', () => resolve(null));
		child.on('close', (code) => resolve(code));
	});
}

async function main(argv: readonly string[]): Promise<number> {
	let offline: boolean;
	let config: Readonly<Config>;
	try {
		({
			values: { offline },
		} = parseArgs({ args: [...argv], options: { offline: { type: 'boolean', default: false } }, strict: true }));
		loadEnvFile();
		config = loadConfig();
	} catch (error) {
		process.stderr.write(`[setup] ${error instanceof Error ? error.message : String(error)}\n`);
		return error instanceof ConfigError || error instanceof TypeError ? 2 : 1;
	}
	const target = writableDataPath(config);
	if (offline || config.OJ_OFFLINE) {
		say('Offlineläge: hoppar över Kolada-synken, boten använder det medföljande datasetet.');
		return 0;
	}
	if (existsSync(target)) {
		say(`Synkat dataset finns redan (${target}); uppdatera det med npm run sync.`);
		return 0;
	}
	const unreachable = await probeKolada(config.KOLADA_API_URL);
	if (unreachable !== undefined) {
		say(
			`Kolada (${config.KOLADA_API_URL}) ${unreachable} – boten använder det medföljande datasetet; kör npm run sync senare.`,
		);
		return 0;
	}
	say(`Hämtar datasetet från Kolada till ${target} (en första full synk, det tar några minuter) …`);
	const code = await runSync();
	if (code !== 0) {
		say('Kolada-synken misslyckades (se ovan) – boten använder det medföljande datasetet; kör npm run sync senare.');
		return 0;
	}
	say(`Klart: boten läser ${target}.`);
	return 0;
}

process.exitCode = await main(process.argv.slice(2));
