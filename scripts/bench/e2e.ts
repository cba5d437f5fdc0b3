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

/** The e2e section of `npm run bench`. */
export const e2eBench: BenchSection = {
	name: 'e2e',
	run: async () => {
		const snapshot = await loadSnapshot('data/db.json');
		const charts = chartQueries(snapshot);
		const chartFallback = charts.length === 0;
		const chartMix: readonly Query[] = chartFallback ? [{ name: 'indikator', values: { indikator: 'FREDA' } }] : charts;
		const fake = await DiscordFake.start({ rejectLateCallbacks: false });
		const bot = await startBotProcess(fake, { env: { LOG_LEVEL: 'info', CHART_COOLDOWN_SECONDS: '0' } });
		const outcomes: Outcome[] = [];
		const dispatch = (query: Query): InteractionHandle =>
			fake.dispatch(fake.chatInput(query.name, query.values, { userId: nextUser() }));
		try {
			// Warm-up: the first chart creates the renderer; the first answers fill caches.
			const warm: Outcome[] = [];
			for (const q of [...TEXT_QUERIES, ...chartMix, ...chartMix])
				warm.push(await settle(fake, q, dispatch(q), 30_000));
			const clickIds = [...new Set(warm.flatMap((o) => (o.result ? followUpIds(o.result.components) : [])))];

			// Mixed load: 300 interactions, one every 20 ms, about one in four a chart.
			const mixed: Promise<Outcome>[] = [];
			for (let i = 0; i < 300; i++) {
				const query =
					i % 4 === 3 ? (chartMix[i % chartMix.length] ?? TEXT_QUERIES[0]) : TEXT_QUERIES[i % TEXT_QUERIES.length];
				if (!query) continue;
				mixed.push(settle(fake, query, dispatch(query), 30_000));
				await sleep(20);
			}
			const mixedOutcomes = await Promise.all(mixed);
			outcomes.push(...mixedOutcomes);
			const acks = mixedOutcomes.flatMap((o) => (o.result ? [o.result.ackMs] : []));
			const textAnswers = mixedOutcomes
				.filter((o) => TEXT_QUERIES.includes(o.query))
				.flatMap((o) => (o.result ? [o.result.answerMs] : []));

			// Chart answers one at a time.
			const chartAnswers: number[] = [];
			for (let i = 0; i < 60; i++) {
				const query = chartMix[i % chartMix.length];
				if (!query) break;
				const outcome = await settle(fake, query, dispatch(query), 30_000);
				outcomes.push(outcome);
				if (outcome.result) chartAnswers.push(outcome.result.answerMs);
			}

			// Follow-up clicks one at a time, each by another user, answered as a new message.
			const clickAnswers: number[] = [];
			for (let i = 0; i < 60 && clickIds.length > 0; i++) {
				const customId = clickIds[i % clickIds.length] ?? '';
				const query: Query = { name: 'follow-up', values: { customId } };
				const outcome = await settle(fake, query, fake.dispatch(fake.button(customId, { userId: nextUser() })), 30_000);
				outcomes.push(outcome);
				if (outcome.result) clickAnswers.push(outcome.result.answerMs);
			}

			// 200 chart commands at once.
			const started = performance.now();
			const burst = await Promise.all(
				Array.from({ length: 200 }, (_, i) => {
					const query = chartMix[i % chartMix.length] ?? TEXT_QUERIES[0];
					return query
						? settle(fake, query, dispatch(query), 120_000)
						: Promise.resolve({ query: TEXT_QUERIES[0] } as Outcome);
				}),
			);
			const burstMs = performance.now() - started;
			outcomes.push(...burst);
			const burstAcks = burst.flatMap((o) => (o.result ? [o.result.ackMs] : []));
			const burstAnswers = burst.flatMap((o) => (o.result ? [o.result.answerMs] : []));

			const lost = outcomes.filter((o) => !o.result).length;
			const late = outcomes.filter((o) => o.result?.late === true).length;
			const chartNote = chartFallback
				? 'no chart command has data here; a text command (/indikator) stands in'
				: chartMix.map((q) => `/${q.name}`).join(', ');
			const figures: BenchFigure[] = [
				{
					section: 'e2e',
					name: 'ack p50 (mixed load)',
					value: percentile(acks, 50),
					unit: 'ms',
					note: `${acks.length} interactions at 50/s, a quarter charts`,
				},
				{
					section: 'e2e',
					name: 'ack p99 (mixed load)',
					value: percentile(acks, 99),
					unit: 'ms',
					target: { op: '<=', value: 50 },
				},
				{
					section: 'e2e',
					name: 'text answer p95 (mixed load)',
					value: percentile(textAnswers, 95),
					unit: 'ms',
					note: '/indikator, /sök',
				},
				{
					section: 'e2e',
					name: 'chart answer p95 (one at a time)',
					value: percentile(chartAnswers, 95),
					unit: 'ms',
					target: { op: '<=', value: 200 },
					note: chartNote,
				},
				{
					section: 'e2e',
					name: 'follow-up click answer p95 (one at a time)',
					value: percentile(clickAnswers, 95),
					unit: 'ms',
					target: { op: '<=', value: 200 },
					note: `${clickAnswers.length} clicks on ${clickIds.length} buttons under the chart answers`,
				},
				{
					section: 'e2e',
					name: '200 concurrent charts: all answered',
					value: burstMs / 1000,
					unit: 's',
					note: `ack p99 ${Math.round(percentile(burstAcks, 99))} ms, answer p50 ${Math.round(percentile(burstAnswers, 50))} ms; ${chartNote}`,
				},
				{
					section: 'e2e',
					name: 'interactions lost',
					value: lost,
					unit: 'st',
					target: { op: '<=', value: 0 },
					note: `of ${outcomes.length}`,
				},
				{
					section: 'e2e',
					name: 'acknowledged after 3 s',
					value: late,
					unit: 'st',
					target: { op: '<=', value: 0 },
				},
			];
			return figures;
		} finally {
			await bot.stop();
			await fake.close();
		}
	},
};
