/**
 * The load scenario shared by the load test and the `load` bench section: the real bot process
 * against the Discord fake, 500 interactions dispatched within one second — a third chart commands,
 * the rest text commands and autocomplete — each from its own user, with the chart cooldown off.
 *
 * It measures what a Discord user would notice (acknowledgement within the 3 s window, the answer
 * and its correctness) and what the host would (peak RSS of the bot process, the longest chart
 * render queue, read from the bot's debug log line `chart render queued`).
 */
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { APIInteraction } from 'discord.js';
import { inputFrom } from '../../commands/command.js';
import { findCommand } from '../../commands/index.js';
import { answerMessage } from '../../src/discord/embeds.js';
import { clampChoices } from '../../src/discord/limits.js';
import { loadSnapshot, type Snapshot } from '../../src/runtime.js';
import { DiscordFake, type InteractionResult } from '../fakes/discord-fake.js';
import { chartQueries, expectedAnswer, startBotProcess, type LogLine, type Query } from './bot-process.js';

/** Discord's window for the first response to an interaction. */
export const ACK_WINDOW_MS = 3000;

/** Options of {@link runLoad}. */
export interface LoadOptions {
	/** Interactions in the burst (default 500). */
	readonly total?: number;
	/** Time over which they are dispatched (default 1000 ms). */
	readonly spreadMs?: number;
	/** How long to wait for each answer before counting it as lost (default 60 s). */
	readonly answerTimeoutMs?: number;
	/**
	 * `mixed` (default): the mix above; `profil`: every interaction a `/profil` (the heaviest chart), to
	 * show that a full render queue answers "many are asking" instead of growing.
	 */
	readonly mix?: 'mixed' | 'profil';
}

/** What happened to one interaction. */
export interface LoadOutcome {
	readonly kind: 'chart' | 'text' | 'autocomplete';
	/** E.g. `/värde kommun=Malmö …` or `autocomplete /indikator indikator=FREDA`. */
	readonly label: string;
	readonly result?: InteractionResult;
	/** Why the answer is wrong or missing; undefined when it is right. */
	readonly problem?: string;
}

/** The figures of one run. */
export interface LoadReport {
	readonly total: number;
	readonly charts: number;
	readonly texts: number;
	readonly autocompletes: number;
	/** Acknowledged within {@link ACK_WINDOW_MS} and not marked late by the fake. */
	readonly acknowledgedInTime: number;
	/** No answer at all within the answer timeout. */
	readonly lost: number;
	/** Acknowledged after the window. */
	readonly late: number;
	/** Answered, but not with what the command gives (see the outcomes' `problem`). */
	readonly wrong: number;
	readonly maxAckMs: number;
	readonly answerP99Ms: number;
	/** From the first dispatch to the last answer. */
	readonly wallMs: number;
	/** From the first dispatch to the last. */
	readonly dispatchMs: number;
	/** Peak resident set size of the bot process (VmHWM), MB. */
	readonly peakRssMb: number;
	/** Highest RSS sampled during the burst, MB. */
	readonly sampledPeakRssMb: number;
	/** Longest render queue (jobs waiting for a worker) a chart joined. */
	readonly maxRenderQueue: number;
	/** Charts answered without their chart because the render queue was full. */
	readonly busy: number;
	/** Charts whose queue line was logged (should equal `charts`). */
	readonly renderQueueLines: number;
	/** Error and fatal log lines of the bot during the run. */
	readonly errorLogs: readonly LogLine[];
	/** Whether the bot process exited during the run. */
	readonly exited: boolean;
	readonly outcomes: readonly LoadOutcome[];
}

interface Planned {
	readonly kind: LoadOutcome['kind'];
	readonly label: string;
	readonly build: (fake: DiscordFake, userId: string) => APIInteraction;
	/** Returns a problem, or undefined when the answer is right. */
	readonly check: (result: InteractionResult) => string | undefined;
}

const TEXT_QUERIES: readonly Query[] = [
	{ name: 'indikator', values: { indikator: 'FREDA' } },
	{ name: 'indikator', values: { indikator: 'N31807' } },
	{ name: 'indikator', values: { indikator: 'långvarigt bistånd' } },
	{ name: 'sök', values: { text: 'upp' } },
	{ name: 'sök', values: { text: 'göteborg' } },
	{ name: 'om', values: {} },
	{ name: 'hjälp', values: {} },
];

const AUTOCOMPLETE: readonly { name: string; focused: string; typed: string }[] = [
	{ name: 'indikator', focused: 'indikator', typed: 'FREDA' },
	{ name: 'värde', focused: 'kommun', typed: 'upp' },
	{ name: 'värde', focused: 'indikator', typed: 'kostnad' },
	{ name: 'trend', focused: 'kommun', typed: 'göt' },
];

function describeQuery(q: Query): string {
	const values = Object.entries(q.values).map(([k, v]) => `${k}=${String(v)}`);
	return [`/${q.name}`, ...values].join(' ');
}

/** A full render queue answers without the chart and says so: right, not lost. */
const BUSY_NOTE = 'Många frågar just nu';

/** A command whose answer must carry the command's embed title (and a PNG when it has a chart). */
function planCommand(snapshot: Snapshot, query: Query, kind: 'chart' | 'text'): Planned {
	const answer = expectedAnswer(snapshot, query);
	if (!answer.ok) throw new Error(`${describeQuery(query)} does not answer on this dataset: ${answer.error.message}`);
	const title = answerMessage(answer, { locale: 'sv' }).embeds[0]?.title;
	const chart = answer.chart !== undefined;
	return {
		kind,
		label: describeQuery(query),
		build: (fake, userId) => fake.chatInput(query.name, query.values, { userId }),
		check: (r) => {
			if (r.embeds[0]?.title !== title) return `title ${JSON.stringify(r.embeds[0]?.title)}, expected ${title}`;
			if (r.ephemeral) return 'ephemeral';
			// A full render queue answers without the chart and says so: counted as busy, not wrong.
			const busy = r.embeds[0]?.description?.includes(BUSY_NOTE) === true;
			if (chart && !busy && !r.files.some((f) => f.name.endsWith('.png') && f.data.length > 0)) return 'no chart';
			return undefined;
		},
	};
}

function planAutocomplete(snapshot: Snapshot, a: (typeof AUTOCOMPLETE)[number]): Planned {
	const command = findCommand(a.name);
	if (!command?.autocomplete) throw new Error(`/${a.name} has no autocomplete`);
	const { dataset, search } = snapshot;
	const ctx = { dataset, search, locale: 'sv' as const, today: new Date() };
	const expected = clampChoices(command.autocomplete(ctx, { name: a.focused, value: a.typed }, inputFrom({})));
	if (expected.length === 0) throw new Error(`autocomplete /${a.name} ${a.focused}=${a.typed} offers nothing`);
	return {
		kind: 'autocomplete',
		label: `autocomplete /${a.name} ${a.focused}=${a.typed}`,
		build: (fake, userId) => fake.autocomplete(a.name, { [a.focused]: a.typed }, a.focused, { userId }),
		check: (r) => {
			if (r.ackType !== 8) return `answered with type ${r.ackType}`;
			return JSON.stringify(r.choices) === JSON.stringify(expected) ? undefined : 'other choices';
		},
	};
}

/** `total` × `/profil kommun:Nyköping`: answered with its chart, or without it and the busy note. */
function planProfil(snapshot: Snapshot, total: number): Planned[] {
	const query: Query = { name: 'profil', values: { kommun: 'Nyköping' } };
	const answer = expectedAnswer(snapshot, query);
	if (!answer.ok) throw new Error(`/profil does not answer on this dataset: ${answer.error.message}`);
	const title = answerMessage(answer, { locale: 'sv' }).embeds[0]?.title;
	const one: Planned = {
		kind: 'chart',
		label: describeQuery(query),
		build: (fake, userId) => fake.chatInput(query.name, query.values, { userId }),
		check: (r) => {
			if (r.embeds[0]?.title !== title) return `title ${JSON.stringify(r.embeds[0]?.title)}, expected ${title}`;
			const png = r.files.some((f) => f.name.endsWith('.png') && f.data.length > 0);
			const busy = r.embeds[0]?.description?.includes(BUSY_NOTE) === true;
			return png || busy ? undefined : 'neither chart nor busy note';
		},
	};
	return Array.from({ length: total }, () => one);
}

/** The mix: every third a chart, the others alternating between text commands and autocomplete. */
function plan(snapshot: Snapshot, total: number): Planned[] {
	const charts = chartQueries(snapshot).map((q) => planCommand(snapshot, q, 'chart'));
	if (charts.length === 0) throw new Error('no chart query has data in this dataset');
	const texts = TEXT_QUERIES.map((q) => planCommand(snapshot, q, 'text'));
	const completions = AUTOCOMPLETE.map((a) => planAutocomplete(snapshot, a));
	const out: Planned[] = [];
	for (let i = 0; i < total; i++) {
		const slot = Math.floor(i / 3);
		const pick =
			i % 3 === 0
				? charts[slot % charts.length]
				: i % 3 === 1
					? texts[slot % texts.length]
					: completions[slot % completions.length];
		if (pick) out.push(pick);
	}
	return out;
}

/** Resident set size of a process (current and peak), MB; from /proc, or `ps` where there is none. */
async function rssOf(pid: number): Promise<{ rss: number; peak: number }> {
	try {
		const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
		const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
	} catch {
		const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
		const rss = Number(stdout.trim()) / 1024;
		return { rss, peak: rss };
	}
}

/** Nearest-rank percentile. */
function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Starts a fake and the bot (debug log, cooldown off), waits until the chart workers are warm, sends
 * the burst, waits for every answer and stops both. The fake accepts late callbacks (marking them
 * late), so a slow acknowledgement is measured rather than refused.
 */
export async function runLoad(opts: LoadOptions = {}): Promise<LoadReport> {
	const total = opts.total ?? 500;
	const spreadMs = opts.spreadMs ?? 1000;
	const snapshot = await loadSnapshot('data/db.json');
	const planned = opts.mix === 'profil' ? planProfil(snapshot, total) : plan(snapshot, total);
	const fake = await DiscordFake.start({ rejectLateCallbacks: false });
	try {
		const bot = await startBotProcess(fake, { env: { LOG_LEVEL: 'debug', CHART_COOLDOWN_SECONDS: '0' } });
		try {
			await bot.waitForLog((l) => l.msg === 'chart workers warm', 60_000);
			const pid = bot.child.pid ?? 0;
			const firstLog = bot.logs.length;

			let sampledPeak = 0;
			const sampling = new AbortController();
			const sampler = (async () => {
				while (!sampling.signal.aborted) {
					try {
						sampledPeak = Math.max(sampledPeak, (await rssOf(pid)).rss);
					} catch {
						// The process may be gone; the final reading says so.
					}
					await sleep(25);
				}
			})();

			// Slices of the burst at fixed offsets from the start, so timer drift does not stretch it.
			const slices = Math.min(total, 25);
			const perSlice = Math.ceil(total / slices);
			const started = performance.now();
			const waits: Promise<LoadOutcome>[] = [];
			for (let s = 0; s < slices; s++) {
				const due = started + (s * spreadMs) / slices;
				const delay = due - performance.now();
				if (delay > 0) await sleep(delay);
				for (const [j, p] of planned.slice(s * perSlice, (s + 1) * perSlice).entries()) {
					const userId = `13200000000${String(10_000_000 + s * perSlice + j)}`;
					const handle = fake.dispatch(p.build(fake, userId));
					waits.push(
						fake.waitForResponse(handle, { timeoutMs: opts.answerTimeoutMs ?? 60_000 }).then(
							(result): LoadOutcome => {
								const problem = p.check(result);
								return { kind: p.kind, label: p.label, result, ...(problem === undefined ? {} : { problem }) };
							},
							(error: unknown): LoadOutcome => ({
								kind: p.kind,
								label: p.label,
								problem: `no answer: ${error instanceof Error ? error.message : String(error)}`,
							}),
						),
					);
				}
			}
			const dispatchMs = performance.now() - started;
			const outcomes = await Promise.all(waits);
			const wallMs = performance.now() - started;
			sampling.abort();
			await sampler;
			const exited = bot.child.exitCode !== null || bot.child.signalCode !== null;
			const peak = exited ? { rss: Number.NaN, peak: Number.NaN } : await rssOf(pid);

			const logs = bot.logs.slice(firstLog);
			const queueLines = logs.filter((l) => l.msg === 'chart render queued');
			const answered = outcomes.flatMap((o) => (o.result ? [o.result] : []));
			return {
				total,
				charts: outcomes.filter((o) => o.kind === 'chart').length,
				texts: outcomes.filter((o) => o.kind === 'text').length,
				autocompletes: outcomes.filter((o) => o.kind === 'autocomplete').length,
				acknowledgedInTime: answered.filter((r) => !r.late && r.ackMs < ACK_WINDOW_MS).length,
				lost: outcomes.filter((o) => !o.result).length,
				late: answered.filter((r) => r.late).length,
				wrong: outcomes.filter((o) => o.result && o.problem !== undefined).length,
				maxAckMs: Math.max(...answered.map((r) => r.ackMs)),
				answerP99Ms: percentile(
					answered.map((r) => r.answerMs),
					99,
				),
				wallMs,
				dispatchMs,
				peakRssMb: Math.max(peak.peak, sampledPeak),
				sampledPeakRssMb: sampledPeak,
				maxRenderQueue: Math.max(0, ...queueLines.map((l) => Number(l.queued))),
				busy: answered.filter((r) => r.embeds[0]?.description?.includes(BUSY_NOTE) === true).length,
				renderQueueLines: queueLines.length,
				errorLogs: logs.filter((l) => l.level === 'error' || l.level === 'fatal'),
				exited,
				outcomes,
			};
		} finally {
			await bot.stop();
		}
	} finally {
		await fake.close();
	}
}
