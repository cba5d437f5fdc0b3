/**
 * End to end: follow-up buttons through the real bot process against the Discord fake. One bot for
 * the file, on a private copy of the bundled dataset. Expectations are written down from the bundled
 * dataset (Regionfakta's series of Biståndshushåll for Nyköping, 35 kommuner with figures in 2020).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFake, type InteractionHandle, type InteractionResult } from '../fakes/discord-fake.js';
import { failureReport, ROOT, startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

const OTHER_USER = '1310000000000000777';
const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-followups-e2e-'));
const dataPath = path.join(dir, 'db.json');
await copyFile(path.join(ROOT, 'data/db.json'), dataPath);

/** The follow-ups under /värde kommun:Nyköping indikator:N31910 and under the trend it leads to. */
const VALUE_FOLLOW_UPS = ['Trend', 'Liknande kommuner', 'Länet', 'Karta', 'CSV'];
const TREND_FOLLOW_UPS = ['Jämför med liknande', 'Senaste värdet'];
const TREND_TITLE = 'Nyköping: Biståndshushåll, antal 2017–2020';

let fake: DiscordFake;
let bot: BotProcess;

function buttonsOf(components: readonly unknown[]): { custom_id: string; label: string }[] {
	return (components as { components: { custom_id: string; label: string; type: number }[] }[]).flatMap((row) =>
		row.components.filter((c) => c.type === 2),
	);
}

/** The private message an interaction ended with: the ephemeral reply, or the follow-up after a deleted placeholder. */
async function privateText(handle: InteractionHandle, result: InteractionResult): Promise<string> {
	if (!result.deleted) {
		expect(result.ephemeral).toBe(true);
		return result.content;
	}
	const followUp = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp');
	expect(followUp.flags).toBe(64);
	return (followUp.body as { content: string }).content;
}

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
	bot = await startBotProcess(fake, { env: { DATA_PATH: dataPath, CHART_COOLDOWN_SECONDS: '30' } });
});

// A failure shows what the bot logged and what the fake saw, not only that an answer never came.
afterEach(({ task }) => {
	if (task.result?.state === 'fail') console.error(failureReport(bot, fake));
});

afterAll(async () => {
	await bot.stop();
	await fake.close();
	await rm(dir, { recursive: true, force: true });
});

describe('follow-up buttons', () => {
	const values = { kommun: 'Nyköping', indikator: 'N31910' };

	it('GIVEN /värde THEN the public answer carries its follow-ups as buttons with versioned ids', async () => {
		const handle = fake.dispatch(fake.chatInput('värde', values));
		const result = await fake.waitForResponse(handle);
		expect(result.ephemeral).toBe(false);
		const buttons = buttonsOf(result.components);
		expect(buttons.map((b) => b.label)).toEqual(VALUE_FOLLOW_UPS);
		expect(buttons[0]?.custom_id).toBe('f1:t:k=0480;i=N31910');
		for (const b of buttons) {
			expect(b.custom_id).toMatch(/^f1:[vjtpM]:/);
			expect(b.custom_id.length).toBeLessThanOrEqual(100);
		}
	});

	it('GIVEN a second user clicks Trend THEN a new public message with the trend chart; the original stays', async () => {
		const first = fake.dispatch(fake.chatInput('värde', values, { userId: '1310000000000000776' }));
		const original = await fake.waitForResponse(first);
		const trend = buttonsOf(original.components).find((b) => b.label === 'Trend');
		const click = fake.dispatch(fake.button(trend?.custom_id ?? '', { message: first, userId: OTHER_USER }));
		const clicked = await fake.waitForResponse(click);
		expect(clicked.ackType).toBe(5);
		expect(clicked.ephemeral).toBe(false);
		expect(clicked.embeds[0]?.title).toBe(TREND_TITLE);
		expect(clicked.files.some((f) => f.name.endsWith('.png') && f.contentType === 'image/png')).toBe(true);
		expect(clicked.allowedMentions).toEqual({ parse: [] });
		expect(clicked.message?.channel_id).toBe(original.message?.channel_id);
		expect(clicked.message?.id).not.toBe(original.message?.id);
		expect(fake.interaction(first).original?.embeds[0]?.title).toBe(original.embeds[0]?.title);
		// The answer to a click has follow-ups of its own.
		expect(buttonsOf(clicked.components).map((b) => b.label)).toEqual(TREND_FOLLOW_UPS);
	});

	it('GIVEN the same user clicks again within the chart cooldown THEN only they are told to wait', async () => {
		const id = 'f1:t:k=0480;i=N31910';
		await fake.waitForResponse(fake.dispatch(fake.button(id, { userId: '1310000000000000778' })));
		const again = fake.dispatch(fake.button(id, { userId: '1310000000000000778' }));
		const result = await fake.waitForResponse(again);
		expect(await privateText(again, result)).toMatch(/^Vänta lite – du kan be om ett nytt diagram/);
	});

	it('GIVEN a button of an older version THEN a private "kör kommandot igen" and nothing runs', async () => {
		const handle = fake.dispatch(fake.button('f0:v:k=0480;i=N31910', { userId: OTHER_USER }));
		const result = await fake.waitForResponse(handle);
		expect(await privateText(handle, result)).toBe(
			'Den här knappen kommer från en äldre version av boten. Kör kommandot igen.',
		);
		expect(result.embeds).toEqual([]);
	});

	it('GIVEN forged follow-up ids THEN each gets a private refusal', async () => {
		for (const id of ['f1:v:k=0480;k=0180', 'f1:z:k=0480', 'f1:v:k=<@&1>', 'f1:']) {
			const handle = fake.dispatch(fake.button(id, { userId: OTHER_USER }));
			const result = await fake.waitForResponse(handle);
			expect(await privateText(handle, result), id).toBe(
				'Den här knappen känns inte igen, så den körs inte. Skriv kommandot i stället.',
			);
		}
	});

	it('GIVEN a follow-up whose command fails (a list past its end) THEN the error is private to the clicker', async () => {
		const handle = fake.dispatch(fake.button('f1:p:i=N31910;y=2020;s=400', { userId: '1310000000000000779' }));
		const result = await fake.waitForResponse(handle);
		expect(await privateText(handle, result)).toBe(
			'Listan har bara 35 kommuner 2020; **från_plats** 400 ligger utanför den.',
		);
	});
});
