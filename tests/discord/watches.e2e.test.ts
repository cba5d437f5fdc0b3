/**
 * End to end: `/bevaka` and digests through the real bot process against the Discord fake, with the
 * real `npm run sync` run against the loopback Kolada fake writing the dataset the bot watches.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
	ApplicationCommandOptionType,
	PermissionFlagsBits,
	type APIApplicationCommandInteractionDataOption,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUILD_ID, DiscordFake, type RecordedRequest } from '../fakes/discord-fake.js';
import { KoladaFake } from '../fakes/kolada-server.js';
import { runScript, syncEnv } from '../sources/kolada/sync-helpers.js';
import { ROOT, startBotProcess, UNHURRIED, type BotProcess, type LogLine } from './bot-process.js';

const CHANNEL_A = '1310000000000000201';
const CHANNEL_B = '1310000000000000202';
const ADMIN = '1310000000000000301';
const MEMBER = '1310000000000000302';
const ADMIN_PERMISSIONS = String(
	PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-watches-e2e-'));
const dataPath = path.join(dir, 'db.json');
const watchesPath = path.join(dir, 'watches.json');
await copyFile(path.join(ROOT, 'data/db.json'), dataPath);

let fake: DiscordFake;
let kolada: KoladaFake;
let bot: BotProcess;

function subcommand(
	name: string,
	options: Readonly<Record<string, string>>,
): APIApplicationCommandInteractionDataOption[] {
	return [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name,
			options: Object.entries(options).map(([key, value]) =>
				key === 'kanal'
					? { type: ApplicationCommandOptionType.Channel, name: key, value }
					: { type: ApplicationCommandOptionType.String, name: key, value },
			),
		},
	] as APIApplicationCommandInteractionDataOption[];
}

async function bevaka(
	name: string,
	options: Readonly<Record<string, string>>,
	userId: string,
	permissions?: string,
	appPermissions?: string,
) {
	const handle = fake.dispatch(
		fake.chatInput('bevaka', subcommand(name, options), {
			userId,
			channelId: CHANNEL_A,
			...(permissions === undefined ? {} : { memberPermissions: permissions }),
			...(appPermissions === undefined ? {} : { appPermissions }),
		}),
	);
	return fake.waitForResponse(handle);
}

function digestPosts(): RecordedRequest[] {
	return fake.requests.filter((r) => r.route === 'channelMessage' && r.method === 'POST');
}

/** Runs `npm run sync` for one KPI against `baseUrl` and waits for the bot to compare the new dataset. */
async function syncAndCompare(baseUrl: string): Promise<LogLine> {
	const seen = bot.logs.length;
	const run = await runScript('scripts/sync.ts', ['--kpi', 'N31910', '--full'], { env: syncEnv(baseUrl, dataPath) });
	expect(run.code, run.stderr).toBe(0);
	return bot.waitForLog(
		(l) => bot.logs.indexOf(l) >= seen && l.msg === 'watches compared with the new dataset',
		30_000,
	);
}

beforeAll(async () => {
	kolada = await KoladaFake.start({ years: [2023, 2024] });
	fake = await DiscordFake.start({
		...UNHURRIED,
		guilds: [
			{
				id: DEFAULT_GUILD_ID,
				channels: [
					{ id: CHANNEL_A, name: 'allmänt' },
					{ id: CHANNEL_B, name: 'siffror' },
				],
			},
		],
	});
	bot = await startBotProcess(fake, { env: { DATA_PATH: dataPath, WATCH_DATA: 'true' } });
}, 60_000);

afterAll(async () => {
	await bot.stop();
	await fake.close();
	await kolada.close();
	await rm(dir, { recursive: true, force: true });
});

describe('/bevaka', () => {
	it('GIVEN a member without Manage Server THEN adding a watch is refused privately and nothing is stored', async () => {
		const result = await bevaka('lägg_till', { kommun: 'Nyköping' }, MEMBER);
		expect(result.ephemeral).toBe(true);
		expect(result.content).toBe('Det krävs behörigheten Hantera server för att lägga till eller ta bort bevakningar.');
		await expect(readFile(watchesPath, 'utf8')).rejects.toThrow();
	});

	it('GIVEN an admin THEN the watch is stored in its own file and listed', async () => {
		const added = await bevaka(
			'lägg_till',
			{ kommun: 'Nyköping', indikator: 'N31910', kanal: CHANNEL_B },
			ADMIN,
			ADMIN_PERMISSIONS,
		);
		expect(added.ephemeral).toBe(true);
		expect(added.content).toContain('Bevakning tillagd: **Nyköping** · Biståndshushåll, antal → <#');
		const file = JSON.parse(await readFile(watchesPath, 'utf8')) as { watches: Record<string, unknown>[] };
		expect(file.watches).toMatchObject([
			{ guildId: DEFAULT_GUILD_ID, channelId: CHANNEL_B, kommun: '0480', indikator: 'N31910', createdBy: ADMIN },
		]);
		const again = await bevaka(
			'lägg_till',
			{ kommun: 'Nyköping', indikator: 'N31910', kanal: CHANNEL_B },
			ADMIN,
			ADMIN_PERMISSIONS,
		);
		expect(again.content).toBe('Det finns redan en sådan bevakning.');
		const listed = await bevaka('lista', {}, MEMBER);
		expect(listed.content).toContain(`**Nyköping** · Biståndshushåll, antal → <#${CHANNEL_B}>`);
	});
});

describe('digests', () => {
	it('GIVEN a sync that changes the watched figure THEN exactly one digest, in the watch’s channel, with a chart and no pings', async () => {
		const before = digestPosts().length;
		const compared = await syncAndCompare(kolada.baseUrl);
		expect(compared.digests).toBe(1);
		await bot.waitForLog((l) => l.msg === 'digest posted', 30_000);
		const posts = digestPosts().slice(before);
		expect(posts).toHaveLength(1);
		const post = posts[0];
		expect(post?.params.channelId).toBe(CHANNEL_B);
		expect(post?.status).toBe(200);
		const body = post?.body as {
			content: string;
			embeds: { title: string; description: string; footer: { text: string }; image?: { url: string } }[];
			allowed_mentions: unknown;
		};
		expect(body.allowed_mentions).toEqual({ parse: [] });
		expect(body.embeds[0]?.title).toBe('Nyköping: Biståndshushåll, antal');
		expect(body.embeds[0]?.description).toMatch(/^\*\*2024\*\*: /);
		expect(body.embeds[0]?.footer.text).toContain('Källa: Kolada');
		const png = post?.files[0];
		expect(png?.data.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true);
		expect(body.embeds[0]?.image?.url).toBe(`attachment://${png?.name ?? ''}`);
	}, 90_000);

	it('GIVEN the same sync again (nothing changes) THEN no digest', async () => {
		const before = digestPosts().length;
		const compared = await syncAndCompare(kolada.baseUrl);
		expect(compared.digests).toBe(0);
		expect(digestPosts().length).toBe(before);
	}, 90_000);

	it('GIVEN a channel the bot may not post in THEN it is logged and the watch is kept', async () => {
		const other = await KoladaFake.start({ years: [2023, 2024], seed: 2 });
		try {
			fake.failNext({ route: 'channelMessage', status: 403, body: { code: 50013, message: 'Missing Permissions' } });
			const seen = bot.logs.length;
			const compared = await syncAndCompare(other.baseUrl);
			expect(compared.digests).toBe(1);
			const warning = await bot.waitForLog(
				(l) =>
					bot.logs.indexOf(l) >= seen &&
					l.msg === 'cannot post the digest in this channel; its watches are kept until removed',
				30_000,
			);
			expect(warning).toMatchObject({ channel: CHANNEL_B, code: 50013 });
			const file = JSON.parse(await readFile(watchesPath, 'utf8')) as { watches: unknown[] };
			expect(file.watches).toHaveLength(1);
		} finally {
			await other.close();
		}
	}, 90_000);

	it('GIVEN a watch in a channel where the bot may not post THEN the confirmation says what is missing', async () => {
		const added = await bevaka(
			'lägg_till',
			{ kommun: 'Trosa' },
			ADMIN,
			ADMIN_PERMISSIONS,
			String(PermissionFlagsBits.ViewChannel),
		);
		expect(added.content).toContain('Bevakning tillagd: **Trosa** · alla indikatorer');
		expect(added.content).toContain('Obs: boten får inte posta här ännu.');
		const removed = await bevaka('ta_bort', { kommun: 'Trosa' }, ADMIN, ADMIN_PERMISSIONS);
		expect(removed.content).toContain('Borttaget:');
	});

	it('GIVEN the watch is removed THEN the file no longer holds it', async () => {
		const removed = await bevaka('ta_bort', { kommun: 'Nyköping' }, ADMIN, ADMIN_PERMISSIONS);
		expect(removed.content).toContain('Borttaget:');
		const file = JSON.parse(await readFile(watchesPath, 'utf8')) as { watches: unknown[] };
		expect(file.watches).toEqual([]);
	});
});
