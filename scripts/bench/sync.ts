/**
 * Benchmark of a full Kolada sync: the loopback fake (the whole current KPI catalogue, real
 * municipalities and groups, generated values) with 20 ms added latency per request, the client's
 * production pacing (2 in flight, 200 ms between request starts), a copy of the bundled dataset as
 * the base, and the real write. Measures wall time, requests, peak RSS, the size of the resulting
 * file and the bot's load time for it (readDataset + Dataset + Search).
 *
 * The fake runs in a child process (this file with `--fake-server`), the sync runs as the very
 * command `npm run sync` runs (its own process, so the peak RSS is the sync's), and the load is
 * timed in another fresh process (`--measure-load <file>`), as when the bot starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Dataset } from '../../src/dataset/dataset.js';
import { readDataset } from '../../src/dataset/store.js';
import { Search } from '../../src/search/search.js';
import type { BenchFigure, BenchSection } from './types.js';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..', '..');
const LATENCY_MS = 20;

/** Size of the hostile body in the second run: Kolada pages are a few MB. */
const HUGE_BODY_MB = 300;

/**
 * Starts the fake in a child process and resolves with its base URL; `hugeBodyMb` makes its first
 * data response that large (a valid page followed by padding, streamed).
 */
async function startFakeProcess(hugeBodyMb = 0): Promise<{ baseUrl: string; child: ChildProcess }> {
	const args = ['--import', 'tsx', HERE, '--fake-server', String(LATENCY_MS), String(hugeBodyMb)];
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const lines = createInterface({ input: child.stdout });
	const baseUrl = await new Promise<string>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`the fake Kolada process exited early (${String(code)})`)));
		lines.once('line', (line) => resolve(line.trim()));
	});
	return { baseUrl, child };
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

interface LoadFigures {
	readonly seconds: number;
	readonly values: number;
	readonly indicators: number;
	readonly rssMb: number;
}

/** What the bot does at start with a data file, timed in this process. */
async function loadLikeTheBot(file: string): Promise<LoadFigures> {
	const started = performance.now();
	const dataset = new Dataset(await readDataset(file));
	const search = new Search(dataset);
	const seconds = (performance.now() - started) / 1000;
	return {
		seconds,
		values: dataset.valueCount,
		indicators: search.indicatorCount,
		rssMb: mb(process.memoryUsage.rss()),
	};
}

/** Times the bot's load in a fresh process, as at start-up (module loading excluded). */
async function measureLoad(file: string): Promise<LoadFigures> {
	const child = spawn(process.execPath, ['--import', 'tsx', HERE, '--measure-load', file], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let out = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	if (code !== 0) throw new Error(`load measurement failed (exit ${String(code)})`);
	return JSON.parse(out) as LoadFigures;
}

/** The command `npm run sync` runs (read from package.json, so the bench measures exactly that). */
function syncCommand(): string[] {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	const command = pkg.scripts.sync?.split(/\s+/) ?? [];
	if (command[0] !== 'node') throw new Error(`unexpected sync script: ${pkg.scripts.sync ?? '(none)'}`);
	return command.slice(1);
}

/** Runs the sync CLI against the fake and reads its peak RSS (VmHWM) from /proc while it runs. */
async function runSyncProcess(
	baseUrl: string,
	file: string,
	expectFailure = false,
): Promise<{
	seconds: number;
	peakMb: number;
	stderr: string;
	summary: { requests: number; retries: number; values: { received: number }; kpis: { synced: number } };
}> {
	const started = performance.now();
	const child = spawn(process.execPath, [...syncCommand(), '--full', '--json', '--data', file], {
		cwd: ROOT,
		env: { ...process.env, KOLADA_API_URL: baseUrl },
		stdio: ['ignore', 'pipe', expectFailure ? 'pipe' : 'inherit'],
	});
	let out = '';
	let err = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
	let hwmKb = 0;
	const sampler = setInterval(() => {
		try {
			const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'));
			if (match) hwmKb = Math.max(hwmKb, Number(match[1]));
		} catch {
			// The process has just exited.
		}
	}, 20);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	clearInterval(sampler);
	if (expectFailure) {
		if (code !== 1) throw new Error(`npm run sync should have refused the body (exit ${String(code)})`);
		const seconds = (performance.now() - started) / 1000;
		return {
			seconds,
			peakMb: hwmKb / 1024,
			stderr: err,
			summary: { requests: 0, retries: 0, values: { received: 0 }, kpis: { synced: 0 } },
		};
	}
	if (code !== 0) throw new Error(`npm run sync failed (exit ${String(code)})`);
	const summary = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Awaited<
		ReturnType<typeof runSyncProcess>
	>['summary'];
	return { seconds: (performance.now() - started) / 1000, peakMb: hwmKb / 1024, stderr: err, summary };
}

/** The `sync` bench section. */
export const syncBench: BenchSection = {
	name: 'sync',
	run: async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-bench-sync-'));
		const file = path.join(dir, 'db.json');
		await copyFile(path.join(ROOT, 'data', 'db.json'), file);
		const { baseUrl, child } = await startFakeProcess();
		try {
			const run = await runSyncProcess(baseUrl, file);
			const size = (await stat(file)).size;
			const load = await measureLoad(file);
			const { summary } = run;
			const values = `${summary.values.received.toLocaleString('sv-SE')} värden, ${summary.kpis.synced} nyckeltal`;
			const figures: BenchFigure[] = [
				{
					section: 'sync',
					name: `full synk, ${LATENCY_MS} ms latens (väggtid)`,
					value: run.seconds,
					unit: 's',
					target: { op: '<=', value: 60 },
					note: `npm run sync som egen process; ${values}; 2 samtidiga, 200 ms mellan anrop`,
				},
				{ section: 'sync', name: 'anrop', value: summary.requests, unit: 'st', note: `${summary.retries} omförsök` },
				{
					section: 'sync',
					name: 'topp-RSS för synkprocessen (hämtning, sammanslagning och skrivning)',
					value: run.peakMb,
					unit: 'MB',
					target: { op: '<=', value: 400 },
					note: 'VmHWM för processen som npm run sync startar',
				},
				{ section: 'sync', name: 'datafilens storlek', value: mb(size), unit: 'MB' },
				{
					section: 'sync',
					name: 'laddtid för boten (read + Dataset + Search)',
					value: load.seconds,
					unit: 's',
					target: { op: '<=', value: 2 },
					note: `ny process; ${load.values.toLocaleString('sv-SE')} värden, ${load.indicators} indikatorer i sökindex, RSS efteråt ${load.rssMb.toFixed(0)} MB`,
				},
			];
			figures.push(await hugeBodyFigure(file));
			return figures;
		} finally {
			child.kill('SIGTERM');
			await rm(dir, { recursive: true, force: true });
		}
	},
};

/** A sync against a fake whose first data page is {@link HUGE_BODY_MB} MB: refused, memory flat. */
async function hugeBodyFigure(file: string): Promise<BenchFigure> {
	const { baseUrl, child } = await startFakeProcess(HUGE_BODY_MB);
	try {
		const run = await runSyncProcess(baseUrl, file, true);
		const message = run.stderr.split('\n').find((l) => l.startsWith('Synken misslyckades')) ?? '';
		return {
			section: 'sync',
			name: `topp-RSS för synkprocessen när Kolada skickar ${HUGE_BODY_MB} MB`,
			value: run.peakMb,
			unit: 'MB',
			target: { op: '<=', value: 400 },
			note: `avvisat efter ${run.seconds.toFixed(1)} s: ${message.slice(0, 90)}…`,
		};
	} finally {
		child.kill('SIGTERM');
	}
}

/**
 * `--fake-server <latencyMs> [hugeBodyMb]`: runs the fake Kolada until stdin closes or SIGTERM,
 * printing its base URL; with `hugeBodyMb` its first data page is that large.
 */
async function serveFake(latencyMs: number, hugeBodyMb: number): Promise<void> {
	const { KoladaFake } = await import('../../tests/fakes/kolada-server.js');
	const fake = await KoladaFake.start({ kpiSource: 'catalog-latest', latencyMs });
	if (hugeBodyMb > 0) {
		fake.inject({
			kind: 'huge-body',
			bytes: hugeBodyMb * 1024 * 1024,
			announce: false,
			match: (url) => url.startsWith('/v3/data/'),
		});
	}
	process.stdout.write(`${fake.baseUrl}\n`);
	const stop = (): void => {
		void fake.close().then(() => process.exit(0));
	};
	process.once('SIGTERM', stop);
	process.stdin.once('end', stop);
	process.stdin.resume();
}

const invoked = process.argv[1];
if (invoked !== undefined && pathToFileURL(path.resolve(invoked)).href === import.meta.url) {
	const flag = process.argv.indexOf('--fake-server');
	const loadFlag = process.argv.indexOf('--measure-load');
	if (flag >= 0) {
		await serveFake(Number(process.argv[flag + 1] ?? LATENCY_MS), Number(process.argv[flag + 2] ?? 0));
	} else if (loadFlag >= 0) {
		process.stdout.write(JSON.stringify(await loadLikeTheBot(process.argv[loadFlag + 1] ?? 'data/db.json')));
	} else {
		// Stand-alone run: print the figures.
		for (const f of await syncBench.run()) {
			console.log(`${f.name}: ${f.value.toFixed(2)} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
		}
	}
}
