import { GatewayIntentBits, IntentsBitField, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, DiscordFake } from '../fakes/discord-fake.js';
import { startBotProcess, type BotProcess } from './bot-process.js';

const MEMBER =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.AttachFiles |
	PermissionFlagsBits.ReadMessageHistory;
const THREADS = MEMBER | PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads;

/** A second guild, where the bot may start threads; the first one ({@link DEFAULT_GUILD_ID}) allows replies only. */
const THREAD_GUILD = '1310000000000000901';
const THREAD_CHANNEL = '1310000000000000902';

/** Hang guard for a thread reply that carries a chart: a busy machine renders slowly; nothing here times it. */
const CHART_WAIT = { timeoutMs: 45_000 };

function intentsOf(f: DiscordFake): IntentsBitField {
	return new IntentsBitField(f.gateway.intents ?? 0);
}

/** A user id of its own for each test, so that one test's chart cooldown never reaches another. */
function user(n: number): { readonly userId: string } {
	return { userId: `13100000000000010${String(n).padStart(2, '0')}` };
}

/** In the thread guild, as user `n`. */
function inThreadGuild(n: number): { readonly userId: string; readonly guildId: string; readonly channelId: string } {
	return { ...user(n), guildId: THREAD_GUILD, channelId: THREAD_CHANNEL };
}

describe('mention mode off (the default)', () => {
	let fake: DiscordFake;
	let bot: BotProcess;

	beforeAll(async () => {
		fake = await DiscordFake.start();
		bot = await startBotProcess(fake, { env: {} });
	});

	afterAll(async () => {
		await bot.stop();
		await fake.close();
	});

	it('GIVEN the default configuration THEN only the Guilds intent, and a mention gets no answer', async () => {
		expect(intentsOf(fake).toArray()).toEqual(['Guilds']);
		const handle = fake.dispatchMessage(fake.mention('hur ligger Gotland till på biståndshushåll?'));
		await expect(fake.waitForChannelReply(handle, { timeoutMs: 1500 })).rejects.toThrow();
	});
});

describe('mention mode', () => {
	let f: DiscordFake;
	let bot: BotProcess;

	beforeAll(async () => {
		f = await DiscordFake.start({
			guilds: [
				{ id: DEFAULT_GUILD_ID, channels: [{ id: DEFAULT_CHANNEL_ID, name: 'allmänt' }], everyonePermissions: MEMBER },
				{ id: THREAD_GUILD, channels: [{ id: THREAD_CHANNEL, name: 'frågor' }], everyonePermissions: THREADS },
			],
		});
		bot = await startBotProcess(f, { env: { MENTION_MODE: 'true', CHART_COOLDOWN_SECONDS: '60' } });
	});

	afterAll(async () => {
		await bot.stop();
		await f.close();
	});

	it('GIVEN MENTION_MODE=true THEN Message Content and Guild Messages are requested and a mention is answered as /fråga, as a reply that pings no one', async () => {
		const intents = intentsOf(f);
		expect(intents.has(GatewayIntentBits.MessageContent)).toBe(true);
		expect(intents.has(GatewayIntentBits.GuildMessages)).toBe(true);
		const handle = f.dispatchMessage(f.mention('hur har biståndshushållen på Gotland utvecklats sedan 2015?', user(1)));
		const reply = await f.waitForChannelReply(handle);
		expect(reply.content).toBe('Tolkat som: /trend kommun:Gotland indikator:N31910 från:2015');
		expect(reply.embeds[0]?.title).toContain('Gotland');
		expect(reply.files[0]?.data.subarray(1, 4).toString()).toBe('PNG');
		expect(reply.allowedMentions).toMatchObject({ parse: [], replied_user: false });
		expect(reply.messageReference).toMatchObject({ message_id: handle.id });
	});

	it('GIVEN a channel where the bot may start threads THEN the answer goes into a new thread named after the question', async () => {
		const handle = f.dispatchMessage(f.mention('profil för Nyköping', inThreadGuild(2)));
		const { thread, reply } = await f.waitForThreadReply(handle, CHART_WAIT);
		expect(thread.name).toBe('ÖJ: profil för Nyköping');
		expect(thread.parentId).toBe(THREAD_CHANNEL);
		expect(reply.embeds[0]?.title).toBe('Profil: Nyköping');
	});

	it('GIVEN an unclear question or hostile text THEN a friendly text with command lines to copy, mentioning no one', async () => {
		const unclear = await f.waitForChannelReply(f.dispatchMessage(f.mention('Jämför Malmö och Lund', user(3))));
		expect(unclear.content).toMatch(/Vilken indikator/);
		expect(unclear.content).toMatch(/`\/fråga text:\/jämför indikator:/);
		const hostile = await f.waitForChannelReply(
			f.dispatchMessage(f.mention('@everyone <@&123456789012345678> ```x```', user(3))),
		);
		expect(hostile.content).not.toMatch(/@everyone|<@&\d+>/);
		expect(hostile.allowedMentions).toMatchObject({ parse: [] });
	});

	it('GIVEN a bare URL in the question THEN the answer shows it only as inert text', async () => {
		const reply = await f.waitForChannelReply(
			f.dispatchMessage(f.mention('https://evil.example/x [a](http://b.example)', user(4))),
		);
		const texts = [reply.content, ...reply.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])];
		for (const text of texts) {
			expect(text).not.toMatch(/https?:\/\//);
			expect(text).not.toMatch(/\]\(/);
		}
	});

	it('GIVEN a second chart question within the cooldown THEN the notice is a reply, and no second thread is opened', async () => {
		const threadsBefore = f.threads.length;
		await f.waitForThreadReply(f.dispatchMessage(f.mention('profil för Nyköping', inThreadGuild(5))), CHART_WAIT);
		const second = f.dispatchMessage(f.mention('profil för Lund', inThreadGuild(5)));
		const notice = await f.waitForChannelReply(second);
		expect(notice.content).toMatch(/^Vänta lite/);
		expect(notice.messageReference).toMatchObject({ message_id: second.id });
		expect(f.threads).toHaveLength(threadsBefore + 1);
	});

	it('GIVEN the answer cannot be sent into the new thread THEN the failure is reported in that thread, never a second one, and the chart cooldown is not spent', async () => {
		const threadsBefore = f.threads.length;
		f.failNext({
			route: 'channelMessage',
			status: 403,
			body: { message: 'Missing Permissions', code: 50013 },
			match: (r) => r.method === 'POST' && r.params['channelId'] !== THREAD_CHANNEL,
		});
		const { thread, reply } = await f.waitForThreadReply(
			f.dispatchMessage(f.mention('profil för Nyköping', inThreadGuild(6))),
			CHART_WAIT,
		);
		expect(reply.content).toMatch(/^Något gick fel \(ref: [0-9a-f]{8}\)\.$/);
		expect(thread.name).toBe('ÖJ: profil för Nyköping');
		expect(f.threads).toHaveLength(threadsBefore + 1);
		// No chart reached the user, so the next chart question is answered, not told to wait.
		const next = await f.waitForThreadReply(
			f.dispatchMessage(f.mention('profil för Lund', inThreadGuild(6))),
			CHART_WAIT,
		);
		expect(next.reply.content).not.toMatch(/^Vänta lite/);
		expect(next.thread.name).toBe('ÖJ: profil för Lund');
	});
});
