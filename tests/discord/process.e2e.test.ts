/**
 * The real bot process in other configurations: the chart cooldown switched on, invalid
 * configuration and a token Discord refuses.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFake } from '../fakes/discord-fake.js';
import { CHART_QUERY } from '../fixtures/discord-answers.js';
import { failureReport, startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

let fake: DiscordFake;

/** Resolves with the exit code once the process has ended by itself. */
function exited(bot: BotProcess): Promise<number | null> {
	const { child } = bot;
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
});

afterAll(async () => {
	await fake.close();
});

describe('chart cooldown', () => {
	let bot: BotProcess;

	beforeAll(async () => {
		bot = await startBotProcess(fake, { env: { CHART_COOLDOWN_SECONDS: '30' } });
	});

	afterAll(async () => {
		await bot.stop();
	});

	// A failure here shows what the bot itself logged, not only that an answer never came.
	afterEach(({ task }) => {
		if (task.result?.state === 'fail') console.error(failureReport(bot, fake));
	});

	it('GIVEN CHART_COOLDOWN_SECONDS=30 THEN a second chart from the same user gets an ephemeral "try again" with a timestamp', async () => {
		const { name, values } = CHART_QUERY;
		const user = { userId: '1310000000000000555' };
		// The cooldown starts somewhere between sending the first chart and receiving the second
		// answer, however long the machine takes: the stated times are checked against that span.
		const firstSent = Date.now();
		const first = await fake.waitForResponse(fake.dispatch(fake.chatInput(name, values, user)));
		expect(first.files.some((f) => f.name.endsWith('.png'))).toBe(true);
		const second = await fake.waitForResponse(fake.dispatch(fake.chatInput(name, values, user)));
		const secondAnswered = Date.now();
		expect(second.ackType).toBe(4);
		expect(second.ephemeral).toBe(true);
		const match = /^Vänta lite – du kan be om ett nytt diagram <t:(\d+):R> \(om (\d+) s\)\.$/.exec(second.content);
		expect(match).not.toBeNull();
		const retryAt = Number(match?.[1]) * 1000;
		const seconds = Number(match?.[2]);
		// <t:…> is whole seconds, so allow one second of rounding either way.
		expect(retryAt).toBeGreaterThanOrEqual(firstSent + 30_000 - 1000);
		expect(retryAt).toBeLessThanOrEqual(secondAnswered + 30_000 + 1000);
		expect(seconds).toBeGreaterThanOrEqual(1);
		expect(seconds).toBeLessThanOrEqual(30);
		// "om N s" counts from when the bot handled the second command, which lies in the same span.
		expect(retryAt - seconds * 1000).toBeGreaterThanOrEqual(firstSent - 1000);
		expect(retryAt - seconds * 1000).toBeLessThanOrEqual(secondAnswered + 1000);
	});

	it('GIVEN another user THEN their chart is not held up', async () => {
		const { name, values } = CHART_QUERY;
		const other = await fake.waitForResponse(
			fake.dispatch(fake.chatInput(name, values, { userId: '1310000000000000556' })),
		);
		expect(other.files.some((f) => f.name.endsWith('.png'))).toBe(true);
	});

	it('GIVEN a text command during the cooldown THEN it is answered as usual', async () => {
		const result = await fake.waitForResponse(
			fake.dispatch(fake.chatInput('om', {}, { userId: '1310000000000000555' })),
		);
		expect(result.embeds).toHaveLength(1);
	});
});

describe('start-up failures', () => {
	it('GIVEN an invalid SHARDS value THEN the bot exits with 1 and the message names the key', async () => {
		const bot = await startBotProcess(fake, { env: { SHARDS: 'många' }, waitForReady: false });
		expect(await exited(bot)).toBe(1);
		expect(bot.output()).toContain('SHARDS');
		expect(bot.output()).not.toContain(fake.token);
	});

	it('GIVEN an invalid application id THEN the bot exits with 1 naming DISCORD_APPLICATION_ID', async () => {
		const bot = await startBotProcess(fake, { env: { DISCORD_APPLICATION_ID: '123' }, waitForReady: false });
		expect(await exited(bot)).toBe(1);
		expect(bot.output()).toContain('DISCORD_APPLICATION_ID');
	});

	it('GIVEN a token Discord refuses THEN login fails, is logged, the process exits with 1 naming DISCORD_TOKEN and the token is not printed', async () => {
		const wrong = 'MTMxMDAwMDAwMDAwMDAwMDAwMQ.wrong.not-the-right-signature-at-all';
		const bot = await startBotProcess(fake, { env: { DISCORD_TOKEN: wrong }, waitForReady: false });
		expect(await exited(bot)).toBe(1);
		expect(bot.output()).toContain('DISCORD_TOKEN: Discord godtog inte token');
		expect(bot.logs.some((l) => l.msg === 'login failed')).toBe(true);
		expect(bot.output()).not.toContain(wrong);
		expect(bot.output()).not.toContain('not-the-right-signature-at-all');
	});

	it('GIVEN an unreachable DISCORD_API_URL THEN one line says Discord could not be reached, without a stack', async () => {
		const bot = await startBotProcess(fake, {
			env: { DISCORD_API_URL: 'http://127.0.0.1:9/api' },
			waitForReady: false,
		});
		expect(await exited(bot)).toBe(1);
		expect(bot.output()).toContain('Kunde inte nå Discord på http://127.0.0.1:9/api (ECONNREFUSED)');
		expect(bot.output()).not.toMatch(/\n\s+at /);
	});
});
