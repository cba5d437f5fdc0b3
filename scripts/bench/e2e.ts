/**
 * End-to-end benchmark: the real bot process (as `npm start`) against the loopback Discord fake.
 *
 * - a mixed load (text and chart commands, 50 per second for 6 s): acknowledgement latency p50/p99
 *   and the text answer p95 (/indikator, /sök);
 * - chart commands one at a time: chart answer p95 (falls back to a text command when no chart command
 *   has data, and says so);
 * - follow-up buttons under those answers clicked one at a time by other users: click answer p95;
 * - 200 chart commands at once: the time until the last is answered;
 * - over all of it: interactions lost (no answer) and answered after Discord's 3 s window.
 *
 * The fake accepts late callbacks here (and marks them late) so a slow answer is measured, not lost.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadSnapshot } from '../../src/runtime.js';
import { chartQueries, startBotProcess, type Query } from '../../tests/discord/bot-process.js';
import { DiscordFake, type InteractionHandle, type InteractionResult } from '../../tests/fakes/discord-fake.js';
import { percentile, type BenchFigure, type BenchSection } from './types.js';

const TEXT_QUERIES: readonly Query[] = [
	{ name: 'indikator', values: { indikator: 'FREDA' } },
	{ name: 'indikator', values: { indikator: 'långvarigt bistånd' } },
	{ name: 'indikator', values: { indikator: 'N31910' } },
	{ name: 'sök', values: { text: 'upp' } },
	{ name: 'sök', values: { text: 'göteborg' } },
	{ name: 'sök', values: { text: 'hushållsekonomisk' } },
];

let userSeq = 0;
function nextUser(): string {
	userSeq++;
	return `13100000000${String(10_000_000 + userSeq)}`;
}

interface Outcome {
	readonly query: Query;
	readonly result?: InteractionResult;
}

async function settle(fake: DiscordFake, query: Query, handle: InteractionHandle, timeoutMs: number): Promise<Outcome> {
	try {
		return { query, result: await fake.waitForResponse(handle, { timeoutMs }) };
	} catch {
		return { query };
	}
}

/** The custom_ids of the follow-up buttons in a message's components. */
function followUpIds(components: readonly unknown[]): string[] {
	return (components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
		(row.components ?? []).flatMap((c) => (c.custom_id?.startsWith('f1:') === true ? [c.custom_id] : [])),
	);
}

/** The bot under load: the fake, the chart commands to send, and every outcome so far. */
interface Run {
	readonly fake: DiscordFake;
	readonly chartMix: readonly Query[];
	readonly outcomes: Outcome[];
}

/** Sends a command as a new user and waits for its answer (or gives up after `timeoutMs`). */
function send(run: Run, query: Query, timeoutMs = 30_000): Promise<Outcome> {
	const handle = run.fake.dispatch(run.fake.chatInput(query.name, query.values, { userId: nextUser() }));
	return settle(run.fake, query, handle, timeoutMs);
}

/** Warm-up (the first chart creates the renderer; the first answers fill caches): the follow-up buttons offered. */
async function warmUp(run: Run): Promise<string[]> {
	const warm: Outcome[] = [];
	for (const q of [...TEXT_QUERIES, ...run.chartMix, ...run.chartMix]) warm.push(await send(run, q));
	return [...new Set(warm.flatMap((o) => (o.result ? followUpIds(o.result.components) : [])))];
}

/** Mixed load: 300 interactions, one every 20 ms, about one in four a chart. */
async function mixedLoad(run: Run): Promise<{ acks: number[]; textAnswers: number[] }> {
	const mixed: Promise<Outcome>[] = [];
	for (let i = 0; i < 300; i++) {
		const query =
			i % 4 === 3 ? (run.chartMix[i % run.chartMix.length] ?? TEXT_QUERIES[0]) : TEXT_QUERIES[i % TEXT_QUERIES.length];
		if (!query) continue;
		mixed.push(send(run, query));
		await sleep(20);
	}
	const outcomes = await Promise.all(mixed);
	run.outcomes.push(...outcomes);
	return {
		acks: outcomes.flatMap((o) => (o.result ? [o.result.ackMs] : [])),
		textAnswers: outcomes
			.filter((o) => TEXT_QUERIES.includes(o.query))
			.flatMap((o) => (o.result ? [o.result.answerMs] : [])),
	};
}

/** Chart answers one at a time: their answer times. */
async function chartsOneAtATime(run: Run): Promise<number[]> {
	const answers: number[] = [];
	for (let i = 0; i < 60; i++) {
		const query = run.chartMix[i % run.chartMix.length];
		if (!query) break;
		const outcome = await send(run, query);
		run.outcomes.push(outcome);
		if (outcome.result) answers.push(outcome.result.answerMs);
	}
	return answers;
}

/** Follow-up clicks one at a time, each by another user, answered as a new message: their answer times. */
async function clicksOneAtATime(run: Run, clickIds: readonly string[]): Promise<number[]> {
	const answers: number[] = [];
	for (let i = 0; i < 60 && clickIds.length > 0; i++) {
		const customId = clickIds[i % clickIds.length] ?? '';
		const query: Query = { name: 'follow-up', values: { customId } };
		const handle = run.fake.dispatch(run.fake.button(customId, { userId: nextUser() }));
		const outcome = await settle(run.fake, query, handle, 30_000);
		run.outcomes.push(outcome);
		if (outcome.result) answers.push(outcome.result.answerMs);
	}
	return answers;
}

/** 200 chart commands at once: the time until the last is answered, and the outcomes. */
async function burst(run: Run): Promise<{ ms: number; acks: number[]; answers: number[] }> {
	const started = performance.now();
	const outcomes = await Promise.all(
		Array.from({ length: 200 }, (_, i) => {
			const query = run.chartMix[i % run.chartMix.length] ?? TEXT_QUERIES[0];
			return query ? send(run, query, 120_000) : Promise.resolve({ query: TEXT_QUERIES[0] } as Outcome);
		}),
	);
	const ms = performance.now() - started;
	run.outcomes.push(...outcomes);
	return {
		ms,
		acks: outcomes.flatMap((o) => (o.result ? [o.result.ackMs] : [])),
		answers: outcomes.flatMap((o) => (o.result ? [o.result.answerMs] : [])),
	};
}

/** What the phases measured. */
interface Measured {
	readonly mixed: { readonly acks: number[]; readonly textAnswers: number[] };
	readonly chartAnswers: number[];
	readonly clickAnswers: number[];
	readonly clickIds: readonly string[];
	readonly burst: { readonly ms: number; readonly acks: number[]; readonly answers: number[] };
	readonly chartNote: string;
}

/** The figures of the section, from what the phases measured and every outcome. */
function figuresOf(m: Measured, outcomes: readonly Outcome[]): BenchFigure[] {
	const { acks, textAnswers } = m.mixed;
	const figure = (name: string, value: number, unit: string, extra: Partial<BenchFigure> = {}): BenchFigure => ({
		section: 'e2e',
		name,
		value,
		unit,
		...extra,
	});
	return [
		figure('ack p50 (mixed load)', percentile(acks, 50), 'ms', {
			note: `${acks.length} interactions at 50/s, a quarter charts`,
		}),
		figure('ack p99 (mixed load)', percentile(acks, 99), 'ms', { target: { op: '<=', value: 50 } }),
		figure('text answer p95 (mixed load)', percentile(textAnswers, 95), 'ms', { note: '/indikator, /sök' }),
		figure('chart answer p95 (one at a time)', percentile(m.chartAnswers, 95), 'ms', {
			target: { op: '<=', value: 200 },
			note: m.chartNote,
		}),
		figure('follow-up click answer p95 (one at a time)', percentile(m.clickAnswers, 95), 'ms', {
			target: { op: '<=', value: 200 },
			note: `${m.clickAnswers.length} clicks on ${m.clickIds.length} buttons under the chart answers`,
		}),
		figure('200 concurrent charts: all answered', m.burst.ms / 1000, 's', {
			note: `ack p99 ${Math.round(percentile(m.burst.acks, 99))} ms, answer p50 ${Math.round(percentile(m.burst.answers, 50))} ms; ${m.chartNote}`,
		}),
		figure('interactions lost', outcomes.filter((o) => !o.result).length, 'st', {
			target: { op: '<=', value: 0 },
			note: `of ${outcomes.length}`,
		}),
		figure('acknowledged after 3 s', outcomes.filter((o) => o.result?.late === true).length, 'st', {
			target: { op: '<=', value: 0 },
		}),
	];
}

/** Runs the phases one after another against a started bot. */
async function measure(run: Run, chartNote: string): Promise<Measured> {
	const clickIds = await warmUp(run);
	const mixed = await mixedLoad(run);
	const chartAnswers = await chartsOneAtATime(run);
	const clickAnswers = await clicksOneAtATime(run, clickIds);
	return { mixed, chartAnswers, clickAnswers, clickIds, burst: await burst(run), chartNote };
}

/** The e2e section of `npm run bench`. */
export const e2eBench: BenchSection = {
	name: 'e2e',
	run: async () => {
		const snapshot = await loadSnapshot('data/db.json');
		const charts = chartQueries(snapshot);
		const chartFallback = charts.length === 0;
		const chartMix: readonly Query[] = chartFallback ? [{ name: 'indikator', values: { indikator: 'FREDA' } }] : charts;
		const chartNote = chartFallback
			? 'no chart command has data here; a text command (/indikator) stands in'
			: chartMix.map((q) => `/${q.name}`).join(', ');
		const fake = await DiscordFake.start({ rejectLateCallbacks: false });
		const bot = await startBotProcess(fake, { env: { LOG_LEVEL: 'info', CHART_COOLDOWN_SECONDS: '0' } });
		const run: Run = { fake, chartMix, outcomes: [] };
		try {
			return figuresOf(await measure(run, chartNote), run.outcomes);
		} finally {
			await bot.stop();
			await fake.close();
		}
	},
};
