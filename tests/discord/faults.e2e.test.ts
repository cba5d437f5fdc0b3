/**
 * Faults between Discord and the real bot process: the gateway dropping mid-session (1006 without a
 * close frame, 4000, and Discord asking for a reconnect), REST 429s with `retry_after` on a reply
 * and on an edit, and 500s on `editReply`. The bot must resume its session (no new IDENTIFY), answer
 * the interaction Discord replays after the resume as well as later ones, let discord.js wait out a
 * 429 without losing the answer, and survive an edit that keeps failing.
 *
 * A reply callback that keeps failing with 500 is covered in `bot.e2e.test.ts` ("the user gets a
 * reference that is also in the log"); here the same goes for the edit after a defer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFake, type InteractionHandle, type InteractionResult } from '../fakes/discord-fake.js';
import { CHART_QUERY, CHART_TITLE, INDICATOR_TITLES, TITLES, type FixtureQuery } from '../fixtures/discord-answers.js';
import { startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

/** A command, its option values and the embed title of its answer (from the fixtures). */
interface Query extends FixtureQuery {
	readonly title: string | undefined;
}

const TEXT: Query = { name: 'indikator', values: { indikator: 'FREDA' }, title: INDICATOR_TITLES.FREDA };
const OM: Query = { name: 'om', values: {}, title: TITLES.om };
const CHART: Query = { ...CHART_QUERY, title: CHART_TITLE };

let fake: DiscordFake;
let bot: BotProcess;
let userSeq = 0;

function nextUser(): string {
	userSeq++;
	return `13300000000${String(10_000_000 + userSeq)}`;
}

function dispatch(query: Query): InteractionHandle {
	return fake.dispatch(fake.chatInput(query.name, query.values, { userId: nextUser() }));
}

/** Waits for the answer and checks it is the query's, with mentions switched off. */
async function answered(handle: InteractionHandle, query: Query): Promise<InteractionResult> {
	const result = await fake.waitForResponse(handle, { timeoutMs: 20_000 });
	expect(result.embeds[0]?.title).toBe(query.title);
	expect(result.allowedMentions).toEqual({ parse: [] });
	return result;
}

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
	bot = await startBotProcess(fake, { env: { LOG_LEVEL: 'info', CHART_COOLDOWN_SECONDS: '0' } });
});

afterAll(async () => {
	await bot.stop();
	await fake.close();
});

describe('the gateway drops mid-session', () => {
	it.each([
		[1006, 'cut without a close frame'],
		[4000, 'closed with 4000 (unknown error)'],
	])(
		'GIVEN the connection is %i (%s) THEN the bot resumes the session and answers the interaction sent during the drop and one sent after',
		async (code) => {
			const before = fake.gateway;
			const resumedLines = bot.logs.filter((l) => l.msg === 'gateway resumed').length;
			await fake.disconnect(code);
			expect(fake.gateway.connected).toBe(false);
			// Sent while the bot is away: the fake keeps it and replays it on RESUME, as Discord does.
			const during = dispatch(TEXT);
			const stats = await fake.waitForGateway((g) => g.connected && g.resumes > before.resumes, {
				timeoutMs: 15_000,
			});
			const after = dispatch(OM);

			await answered(during, TEXT);
			await answered(after, OM);
			expect(stats.resumes).toBe(before.resumes + 1);
			expect(stats.identifies).toBe(before.identifies);
			expect(stats.closes.at(-1)).toEqual({ code, by: 'server' });
			await bot.waitForLog(
				(l) => l.msg === 'gateway resumed' && bot.logs.filter((m) => m.msg === 'gateway resumed').length > resumedLines,
			);
		},
	);

	it('GIVEN Discord asks for a reconnect (op 7) THEN the bot reconnects, resumes and keeps answering', async () => {
		const before = fake.gateway;
		fake.requestReconnect();
		await fake.waitForGateway((g) => g.connected && g.resumes > before.resumes, { timeoutMs: 15_000 });
		expect(fake.gateway.identifies).toBe(before.identifies);
		await answered(dispatch(TEXT), TEXT);
	});

	it('GIVEN a chart in progress when the connection is cut THEN its answer still arrives', async () => {
		const query = CHART;
		const before = fake.gateway;
		// The edit with the chart is held up in the fake, so it is still on its way when the gateway goes.
		fake.setLatency(500, 'editOriginal');
		try {
			const handle = dispatch(query);
			await fake.waitForInteractionEvent(handle, (e) => e.kind === 'ack');
			await fake.disconnect(1006);
			expect(fake.interaction(handle).result).toBeUndefined();
			const result = await answered(handle, query);
			expect(result.files.some((f) => f.name.endsWith('.png'))).toBe(true);
		} finally {
			fake.setLatency(0, 'editOriginal');
		}
		await fake.waitForGateway((g) => g.connected && g.resumes > before.resumes, { timeoutMs: 15_000 });
		await answered(dispatch(OM), OM);
	});
});

describe('REST rate limits', () => {
	it('GIVEN a 429 with retry_after 1 s on the reply callback THEN discord.js waits, retries and the answer arrives', async () => {
		const payload = fake.chatInput(OM.name, OM.values, { userId: nextUser() });
		fake.failNext({
			route: 'callback',
			status: 429,
			retryAfterSeconds: 1,
			match: (r) => r.params.interactionId === payload.id,
		});
		const handle = fake.dispatch(payload);
		const result = await answered(handle, OM);
		const events = fake.interaction(handle).events;
		expect(events.map((e) => `${e.kind}:${String(e.status)}`)).toEqual(['rejected:429', 'ack:204']);
		// It waited for retry_after before trying again.
		expect(result.ackMs - (events[0]?.ms ?? 0)).toBeGreaterThanOrEqual(950);
	});

	it('GIVEN a 429 on the edit that carries the chart THEN it is retried and the chart arrives', async () => {
		const query = CHART;
		const payload = fake.chatInput(query.name, query.values, { userId: nextUser() });
		fake.failNext({
			route: 'editOriginal',
			status: 429,
			retryAfterSeconds: 0.5,
			match: (r) => r.params.token === payload.token,
		});
		const handle = fake.dispatch(payload);
		const result = await answered(handle, query);
		expect(result.files.some((f) => f.name.endsWith('.png'))).toBe(true);
		const kinds = fake.interaction(handle).events.map((e) => `${e.kind}:${String(e.status)}`);
		expect(kinds).toEqual(['ack:204', 'rejected:429', 'editOriginal:200']);
	});
});

describe('5xx on editReply', () => {
	it('GIVEN one 500 on the edit THEN discord.js retries it away and the chart arrives', async () => {
		const query = CHART;
		const payload = fake.chatInput(query.name, query.values, { userId: nextUser() });
		fake.failNext({ route: 'editOriginal', status: 500, match: (r) => r.params.token === payload.token });
		const result = await answered(fake.dispatch(payload), query);
		expect(result.files.some((f) => f.name.endsWith('.png'))).toBe(true);
	});

	it('GIVEN the edit keeps failing with 500 THEN an error with a reference is logged, the user gets it ephemerally and the process keeps answering', async () => {
		const query = CHART;
		const userId = nextUser();
		const payload = fake.chatInput(query.name, query.values, { userId });
		fake.failNext({
			route: 'editOriginal',
			status: 500,
			times: 4,
			match: (r) => r.params.token === payload.token,
		});
		const handle = fake.dispatch(payload);
		const result = await fake.waitForResponse(handle, { timeoutMs: 20_000 });
		expect(result.deleted).toBe(true);
		const followUp = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp');
		expect(followUp.flags).toBe(64);
		const body = followUp.body as { content: string; allowed_mentions?: unknown };
		expect(body.allowed_mentions).toEqual({ parse: [] });
		const ref = /^Något gick fel \(ref: ([0-9a-f]{8})\)\.$/.exec(body.content)?.[1];
		expect(ref).toBeDefined();
		const line = await bot.waitForLog((l) => l.ref === ref);
		expect(line).toMatchObject({ level: 'error', command: query.name, user: userId });
		expect(JSON.stringify(line.err)).toContain('500');

		expect(bot.child.exitCode).toBeNull();
		await answered(dispatch(TEXT), TEXT);
	});
});

describe('after every fault', () => {
	it('GIVEN the whole run THEN the process is up, nothing was rejected unhandled, and the token never reached the log', async () => {
		expect(bot.child.exitCode).toBeNull();
		expect(bot.child.signalCode).toBeNull();
		expect(bot.logs.filter((l) => l.msg === 'unhandled rejection' || l.level === 'fatal')).toEqual([]);
		expect(bot.output()).not.toContain(fake.token);
		const help: Query = { name: 'hjälp', values: {}, title: TITLES.hjälp };
		await answered(dispatch(help), help);
	});
});
