/**
 * Runs the real bot as a child process, the way `npm start` does (`node dist/src/index.js`, the compiled build),
 * pointed at a {@link DiscordFake}, and collects its log lines. Shared by the end-to-end tests and
 * the e2e benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { inputFrom } from '../../commands/command.js';
import { findCommand } from '../../commands/index.js';
import type { Answer, Locale } from '../../src/answers/types.js';
import type { Snapshot } from '../../src/runtime.js';
import type { DiscordFake, DiscordFakeOptions } from '../fakes/discord-fake.js';
import { compiled, ROOT } from '../helpers/compiled.js';

export { ROOT } from '../helpers/compiled.js';

/**
 * Fake options for the process tests. Discord's 3 s acknowledgement window is a speed figure,
 * measured by `npm run bench` (sections e2e and load); here the window is lifted so that a busy
 * machine cannot fail a test. Whether the bot acknowledges at once or defers is still checked.
 */
export const UNHURRIED: DiscordFakeOptions = { interactionWindowMs: 10 * 60_000 };

/** One log line: pino's JSON, or `{ raw }` for anything else the process printed. */
export type LogLine = Readonly<Record<string, unknown>> & { readonly msg?: string; readonly level?: string };

/** Keys the bot's configuration reads, plus discord.js's sharding variables; never inherited from the test's environment. */
const CLEARED_KEYS = [
	'DISCORD_TOKEN',
	'DISCORD_APPLICATION_ID',
	'DISCORD_GUILD_ID',
	'DISCORD_API_URL',
	'DATA_PATH',
	'WATCHES_PATH',
	'OUT_DIR',
	'LOG_LEVEL',
	'KOLADA_API_URL',
	'CHART_COOLDOWN_SECONDS',
	'RENDER_CONCURRENCY',
	'SHARDS',
	'SHARD_COUNT',
	'SHARDING_MANAGER',
	'SHARDING_MANAGER_MODE',
	'MENTION_MODE',
	'WATCH_DATA',
];

/** A running bot process. */
export interface BotProcess {
	readonly child: ChildProcess;
	/** Parsed stdout lines so far. */
	readonly logs: readonly LogLine[];
	/** Everything written to stdout and stderr so far. */
	output(): string;
	/** Resolves with the first line (past or future) that matches. */
	waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
	/** Sends SIGTERM and resolves with the exit code. */
	stop(timeoutMs?: number): Promise<number | null>;
}

/** Options of {@link startBotProcess}. */
export interface BotProcessOptions {
	/** Extra or overriding environment variables. */
	readonly env?: Readonly<Record<string, string>>;
	/** Entry point to run, as its TypeScript source; its compiled build runs (default `src/index.ts`). */
	readonly entry?: string;
	readonly args?: readonly string[];
	/** Wait for the bot's `ready` log line (default true). */
	readonly waitForReady?: boolean;
	readonly readyTimeoutMs?: number;
}

/** The environment of a bot pointed at the fake. */
export function botEnv(fake: DiscordFake, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !CLEARED_KEYS.includes(key)) env[key] = value;
	}
	return {
		...env,
		DISCORD_TOKEN: fake.token,
		DISCORD_APPLICATION_ID: fake.applicationId,
		DISCORD_API_URL: fake.apiUrl,
		DATA_PATH: 'data/db.json',
		LOG_LEVEL: 'info',
		CHART_COOLDOWN_SECONDS: '0',
		WATCH_DATA: 'false',
		...extra,
	};
}

/** Starts the bot (or another entry) against the fake; by default resolves once it logged `ready`. */
export async function startBotProcess(fake: DiscordFake, opts: BotProcessOptions = {}): Promise<BotProcess> {
	const child = spawn(process.execPath, [compiled(opts.entry ?? 'src/index.ts'), ...(opts.args ?? [])], {
		cwd: ROOT,
		env: botEnv(fake, opts.env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const logs: LogLine[] = [];
	const chunks: string[] = [];
	const waiters = new Set<() => void>();
	let pending = '';
	let exited = false;
	const notify = (): void => {
		for (const w of [...waiters]) w();
	};
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		chunks.push(chunk);
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			if (line.trim() === '') continue;
			try {
				logs.push(JSON.parse(line) as LogLine);
			} catch {
				logs.push({ raw: line });
			}
		}
		notify();
	});
	child.stderr.on('data', (chunk: string) => chunks.push(chunk));
	// 'close', not 'exit': it comes once the output pipes are drained too, so a line written just before
	// the end (by the process, or by a shard process sharing its stdout) is never missed.
	const exit = new Promise<number | null>((resolve) => {
		child.once('close', (code) => {
			exited = true;
			notify();
			resolve(code);
		});
	});

	const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> =>
		new Promise((resolve, reject) => {
			let scanned = 0;
			const check = (): void => {
				for (; scanned < logs.length; scanned++) {
					const line = logs[scanned];
					if (line && predicate(line)) {
						done();
						resolve(line);
						return;
					}
				}
				if (exited) {
					done();
					reject(new Error(`bot exited before the log line appeared:\n${chunks.join('').slice(-4000)}`));
				}
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`no matching log line within ${timeoutMs} ms:\n${chunks.join('').slice(-4000)}`));
			}, timeoutMs);
			const done = (): void => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			waiters.add(check);
			check();
		});

	const bot: BotProcess = {
		child,
		logs,
		output: () => chunks.join(''),
		waitForLog,
		stop: async (timeoutMs = 10_000) => {
			if (!exited) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			const code = await exit;
			clearTimeout(timer);
			return code;
		},
	};
	if (opts.waitForReady ?? true) {
		try {
			await waitForLog((l) => l.msg === 'ready', opts.readyTimeoutMs ?? 30_000);
			await fake.waitForReady();
		} catch (error) {
			await bot.stop();
			throw error;
		}
	}
	return bot;
}

/** A command and its option values. */
export interface Query {
	readonly name: string;
	readonly values: Readonly<Record<string, string | number | boolean>>;
}

/** The answer a command gives on a dataset, computed in this process with the same command modules. */
export function expectedAnswer(snapshot: Snapshot, query: Query, locale: Locale = 'sv'): Answer {
	const command = findCommand(query.name);
	if (!command) throw new Error(`no command /${query.name}`);
	const { dataset, search } = snapshot;
	return command.answer({ dataset, search, locale, today: new Date() }, inputFrom(query.values));
}

/** Chart queries tried in order; which of them have data depends on the dataset. */
export const CHART_QUERIES: readonly Query[] = [
	{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814' } },
	{ name: 'värde', values: { kommun: 'Gotland', indikator: 'N31910' } },
	{ name: 'trend', values: { kommun: 'Malmö', indikator: 'N31814' } },
	{ name: 'topplista', values: { indikator: 'N31814' } },
	{ name: 'topplista', values: { indikator: 'N31910' } },
];

/** The chart queries that answer with a chart on this dataset (empty when no chart command exists yet). */
export function chartQueries(snapshot: Snapshot): Query[] {
	return CHART_QUERIES.filter((q) => {
		if (findCommand(q.name)?.chart !== true) return false;
		const answer = expectedAnswer(snapshot, q);
		return answer.ok && answer.chart !== undefined;
	});
}

/**
 * What a failed process test prints: the bot's own log (its end), whether it is still running, the
 * fake's gateway state and the last requests the fake received, so a rare failure can be told apart
 * (a stopped process, a dropped gateway, a request that never arrived).
 */
export function failureReport(bot: BotProcess, fake: DiscordFake): string {
	const { exitCode, signalCode, pid } = bot.child;
	const { connections, identifies, resumes, heartbeats, connected, closes } = fake.gateway;
	const gateway = { connections, identifies, resumes, heartbeats, connected, closes };
	const requests = fake.requests
		.slice(-10)
		.map((r) => `${String(r.seq)} ${r.method} ${r.path.replace(/[A-Za-z0-9_-]{40,}/g, '<token>')}`);
	return [
		`bot pid ${String(pid)}: exit code ${String(exitCode)}, signal ${String(signalCode)}`,
		`gateway: ${JSON.stringify(gateway)}`,
		`last requests:\n${requests.join('\n')}`,
		`bot output (end):\n${bot.output().slice(-6000)}`,
	].join('\n');
}
