import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCanvas } from 'canvas';
import {
	ActionRowBuilder,
	AttachmentBuilder,
	ButtonBuilder,
	ButtonStyle,
	Client,
	DiscordAPIError,
	EmbedBuilder,
	Events,
	GatewayIntentBits,
	HTTPError,
	MessageFlags,
	Routes,
	StringSelectMenuBuilder,
	type Interaction,
	type Message,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	DEFAULT_GUILD_ID,
	DiscordFake,
	InteractionExpiredError,
	option,
	type DiscordFakeOptions,
	type InteractionHandle,
} from './discord-fake.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KOMMUNER = ['Stockholm', 'Södertälje', 'Sundbyberg', 'Malmö', 'Göteborg'];

function tinyPng(): Buffer {
	const canvas = createCanvas(4, 3);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#1f77b4';
	ctx.fillRect(0, 0, 4, 3);
	return canvas.toBuffer('image/png');
}

const png = tinyPng();

/** A tiny bot: enough of each kind of answer to drive the fake the way the real bot will. */
async function answer(interaction: Interaction, client: Client): Promise<void> {
	if (interaction.isAutocomplete()) {
		const typed = interaction.options.getFocused().toLowerCase();
		await interaction.respond(
			KOMMUNER.filter((k) => k.toLowerCase().startsWith(typed)).map((k) => ({ name: k, value: k })),
		);
		return;
	}
	if (interaction.isButton()) {
		await interaction.update({ content: `Du valde ${interaction.customId}`, components: [] });
		return;
	}
	if (interaction.isStringSelectMenu()) {
		await interaction.update({ content: `Du valde ${interaction.values.join(', ')}`, components: [] });
		return;
	}
	if (!interaction.isChatInputCommand()) return;
	switch (interaction.commandName) {
		case 'graf': {
			await interaction.deferReply();
			const kommun = interaction.options.getString('kommun', true);
			const ar = interaction.options.getInteger('ar') ?? 2024;
			await interaction.editReply({
				embeds: [new EmbedBuilder().setTitle(`Ekonomiskt bistånd i ${kommun} ${ar}`).setImage('attachment://graf.png')],
				files: [new AttachmentBuilder(png, { name: 'graf.png' })],
			});
			return;
		}
		case 'hemlig':
			await interaction.reply({ content: 'Bara för dig', flags: MessageFlags.Ephemeral });
			return;
		case 'svar':
			await interaction.reply({ content: `Svar ${interaction.options.getString('fraga', true)}` });
			return;
		case 'menade':
			await interaction.reply({
				content: 'Menade du…?',
				components: [
					new ActionRowBuilder<ButtonBuilder>().addComponents(
						new ButtonBuilder().setCustomId('kommun:Malmö').setLabel('Malmö').setStyle(ButtonStyle.Primary),
						new ButtonBuilder().setCustomId('kommun:Mölndal').setLabel('Mölndal').setStyle(ButtonStyle.Secondary),
					),
					new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
						new StringSelectMenuBuilder()
							.setCustomId('kommunval')
							.addOptions({ label: 'Malmö', value: '1280' }, { label: 'Mölndal', value: '1481' }),
					),
				],
			});
			return;
		case 'uppfoljning':
			await interaction.deferReply({ flags: MessageFlags.Ephemeral });
			await interaction.followUp({ content: 'Första' });
			await interaction.followUp({ content: 'Andra' });
			return;
		case 'dubbel':
			await interaction.reply({ content: 'Första svaret' });
			// The same interaction answered a second time, as a second bot process or a bug would.
			await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
				body: { type: 4, data: { content: 'Andra svaret' } },
				auth: false,
			});
			return;
		case 'medsvar': {
			const response = await interaction.reply({ content: 'Med svar', withResponse: true });
			await interaction.followUp({ content: `id ${response.resource?.message?.id ?? 'saknas'}` });
			return;
		}
		case 'lang':
			await interaction.reply({ content: 'x'.repeat(2001) });
			return;
		case 'seg':
			await sleep(150);
			await interaction.reply({ content: 'Sent ute' });
			return;
		default:
			await interaction.reply({ content: `Okänt kommando ${interaction.commandName}` });
	}
}

interface Harness {
	readonly fake: DiscordFake;
	readonly client: Client;
	/** Errors thrown by the bot's handlers (e.g. DiscordAPIError), in order. */
	readonly errors: unknown[];
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startFake(options?: DiscordFakeOptions): Promise<DiscordFake> {
	const fake = await DiscordFake.start(options);
	cleanups.push(() => fake.close());
	return fake;
}

async function startBot(fake: DiscordFake): Promise<Harness> {
	const client = new Client({
		intents: [GatewayIntentBits.Guilds],
		rest: { api: fake.apiUrl, globalRequestsPerSecond: 10_000 },
	});
	cleanups.push(() => client.destroy());
	const errors: unknown[] = [];
	client.on(Events.InteractionCreate, (interaction) => {
		answer(interaction, client).catch((error: unknown) => errors.push(error));
	});
	const ready = once(client, Events.ClientReady);
	await client.login(fake.token);
	await ready;
	return { fake, client, errors };
}

async function start(options?: DiscordFakeOptions): Promise<Harness> {
	return startBot(await startFake(options));
}

describe('DiscordFake with a real discord.js client', () => {
	it('GIVEN the fake token THEN the client logs in with only the Guilds intent and caches the guild', async () => {
		const { fake, client } = await start();

		expect(client.user?.id).toBe(fake.applicationId);
		expect(client.application?.id).toBe(fake.applicationId);
		expect(client.guilds.cache.has(DEFAULT_GUILD_ID)).toBe(true);
		expect(fake.gateway).toMatchObject({
			identifies: 1,
			resumes: 0,
			connected: true,
			intents: GatewayIntentBits.Guilds,
		});
		const [gatewayBot] = fake.requests.filter((r) => r.route === 'gatewayBot');
		expect(gatewayBot).toMatchObject({ method: 'GET', auth: 'bot', status: 200 });
		expect(gatewayBot?.headers.authorization).toBe('<redacted>');
	});

	it('GIVEN a wrong token THEN REST answers 401 and IDENTIFY is closed with 4004', async () => {
		const fake = await startFake();
		const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
		cleanups.push(() => client.destroy());

		await expect(client.login('fel-token')).rejects.toThrow(/token/i);

		const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
		const [hello] = (await once(socket, 'message')) as [Buffer];
		expect(JSON.parse(hello.toString())).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
		socket.send(JSON.stringify({ op: 2, d: { token: 'fel-token', intents: 1, properties: {} } }));
		const [code] = (await once(socket, 'close')) as [number];
		expect(code).toBe(4004);
		expect(fake.gateway.identifies).toBe(0);
		expect(fake.gateway.identifyPayloads[0]).toMatchObject({ tokenValid: false, intents: 1 });
	});

	it('GIVEN a deferred command THEN the edit with an embed and a PNG attachment arrives with its bytes', async () => {
		const { fake } = await start();

		const handle = fake.dispatch(fake.chatInput('graf', { kommun: 'Malmö', ar: 2023 }));
		const result = await fake.waitForResponse(handle);

		expect(result).toMatchObject({ ackType: 5, ephemeral: false, late: false, content: '', deleted: false });
		expect(result.answerMs).toBeGreaterThanOrEqual(result.ackMs);
		expect(result.embeds[0]).toMatchObject({
			title: 'Ekonomiskt bistånd i Malmö 2023',
			image: { url: 'attachment://graf.png' },
		});
		expect(result.files).toHaveLength(1);
		const file = result.files[0]!;
		expect(file).toMatchObject({ name: 'graf.png', contentType: 'image/png' });
		expect(file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		expect(file.data.equals(png)).toBe(true);
		expect(result.message?.attachments[0]).toMatchObject({
			filename: 'graf.png',
			size: png.length,
			width: 4,
			height: 3,
		});
		expect(result.message?.embeds[0]?.image?.url).toBe(result.message?.attachments[0]?.url);
		expect(result.events.map((e) => e.kind)).toEqual(['ack', 'editOriginal']);

		const edit = fake.requests.find((r) => r.route === 'editOriginal');
		expect(edit).toMatchObject({ method: 'PATCH', auth: 'none', status: 200 });
		expect(edit?.path).toMatch(/\/messages\/@original$/);
		expect(edit?.body).toMatchObject({ attachments: [{ id: '0' }] });
		const callback = fake.requests.find((r) => r.route === 'callback');
		expect(callback).toMatchObject({ status: 204, query: { with_response: 'false' }, body: { type: 5 } });

		const download = await fetch(result.message!.attachments[0]!.url);
		expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
	});

	it('GIVEN an autocomplete interaction THEN the choices come back as a type-8 answer', async () => {
		const { fake } = await start();

		const handle = fake.dispatch(fake.autocomplete('graf', { kommun: 'S', ar: 2023 }, 'kommun'));
		const result = await fake.waitForResponse(handle);

		expect(result.ackType).toBe(8);
		expect(result.choices).toEqual([
			{ name: 'Stockholm', value: 'Stockholm' },
			{ name: 'Södertälje', value: 'Södertälje' },
			{ name: 'Sundbyberg', value: 'Sundbyberg' },
		]);
		expect(result.files).toEqual([]);
	});

	it('GIVEN subcommand options and a missing focused option THEN the payload nests and focuses it', async () => {
		const fake = await startFake();

		const payload = fake.autocomplete('statistik', [option.subcommand('varde', { ar: 2023 })], 'kommun', {
			locale: 'en-GB',
			memberPermissions: 8n,
			guildId: null,
		});

		expect(payload).toMatchObject({ type: 4, locale: 'en-GB', context: 1, entitlements: [], version: 1 });
		expect(payload.guild_id).toBeUndefined();
		expect(payload.data.options).toEqual([
			{
				type: 1,
				name: 'varde',
				options: [
					{ type: 4, name: 'ar', value: 2023 },
					{ type: 3, name: 'kommun', value: '', focused: true },
				],
			},
		]);
		const guildPayload = fake.chatInput('graf', { andel: 2.5, jamfor: true }, { memberPermissions: 8n, userId: '42' });
		expect(guildPayload.member).toMatchObject({ permissions: '8', user: { id: '42' } });
		expect(guildPayload.data.options).toEqual([
			{ type: 10, name: 'andel', value: 2.5 },
			{ type: 5, name: 'jamfor', value: true },
		]);
	});

	it('GIVEN an ephemeral reply THEN the answer carries flag 64', async () => {
		const { fake } = await start();

		const result = await fake.waitForResponse(fake.dispatch(fake.chatInput('hemlig')));

		expect(result).toMatchObject({ ackType: 4, ephemeral: true, content: 'Bara för dig' });
		expect(result.flags & 64).toBe(64);
	});

	it('GIVEN a second acknowledgement THEN the client gets a DiscordAPIError with code 40060', async () => {
		const { fake, errors } = await start();

		const handle = fake.dispatch(fake.chatInput('dubbel'));
		const result = await fake.waitForResponse(handle);
		await vi.waitFor(() => expect(errors).toHaveLength(1));

		expect(result.content).toBe('Första svaret');
		expect(errors[0]).toBeInstanceOf(DiscordAPIError);
		expect(errors[0]).toMatchObject({ code: 40060, status: 400 });
		expect(fake.interaction(handle).events.map((e) => [e.kind, e.reason])).toEqual([
			['ack', undefined],
			['rejected', 'alreadyAcknowledged'],
		]);
	});

	it("GIVEN a reply over Discord's limits THEN the client gets 50035 with the offending field", async () => {
		const { fake, errors } = await start();

		const handle = fake.dispatch(fake.chatInput('lang'));
		await vi.waitFor(() => expect(errors).toHaveLength(1));

		expect(errors[0]).toBeInstanceOf(DiscordAPIError);
		expect(errors[0]).toMatchObject({ code: 50035, rawError: { errors: { data: { content: {} } } } });
		expect(String(errors[0])).toContain('data.content[BASE_TYPE_MAX_LENGTH]');
		expect(fake.interaction(handle).ackType).toBeUndefined();
	});

	it('GIVEN an expired interaction THEN the client gets 10062 and waitForResponse rejects', async () => {
		const { fake, errors } = await start();

		const handle = fake.dispatch(fake.chatInput('graf', { kommun: 'Malmö' }), { expired: true });

		await expect(fake.waitForResponse(handle)).rejects.toBeInstanceOf(InteractionExpiredError);
		await vi.waitFor(() => expect(errors).toHaveLength(1));
		expect(errors[0]).toBeInstanceOf(DiscordAPIError);
		expect(errors[0]).toMatchObject({ code: 10062, status: 404 });
	});

	it('GIVEN an answer after the response window THEN it is refused as late, or recorded as late when allowed', async () => {
		const strict = await start({ interactionWindowMs: 50 });
		const refused = strict.fake.dispatch(strict.fake.chatInput('seg'));
		await expect(strict.fake.waitForResponse(refused)).rejects.toMatchObject({ reason: 'late' });
		await vi.waitFor(() => expect(strict.errors).toHaveLength(1));
		expect(strict.errors[0]).toMatchObject({ code: 10062 });

		const lenient = await start({ interactionWindowMs: 50, rejectLateCallbacks: false });
		const accepted = await lenient.fake.waitForResponse(lenient.fake.dispatch(lenient.fake.chatInput('seg')));
		expect(accepted).toMatchObject({ late: true, content: 'Sent ute' });
		expect(accepted.ackMs).toBeGreaterThan(50);
	});

	it('GIVEN a 429 with retry_after on the callback THEN discord.js retries and the answer still arrives', async () => {
		const { fake } = await start();
		fake.failNext({ route: 'callback', status: 429, retryAfterSeconds: 0.1 });

		const handle = fake.dispatch(fake.chatInput('svar', { fraga: 'hej' }));
		const result = await fake.waitForResponse(handle);

		expect(result.content).toBe('Svar hej');
		expect(result.ackMs).toBeGreaterThanOrEqual(100);
		const callbacks = fake.requests.filter((r) => r.route === 'callback');
		expect(callbacks.map((r) => [r.status, r.injected])).toEqual([
			[429, true],
			[204, false],
		]);
		expect(callbacks[0]?.responseBody).toEqual({
			message: 'You are being rate limited.',
			retry_after: 0.1,
			global: false,
		});
	});

	it('GIVEN a 429 on editReply THEN discord.js waits and retries the edit', async () => {
		const { fake } = await start();
		fake.failNext({ route: 'editOriginal', status: 429, retryAfterSeconds: 0.05 });

		const result = await fake.waitForResponse(fake.dispatch(fake.chatInput('graf', { kommun: 'Malmö' })));

		expect(result.files[0]?.data.equals(png)).toBe(true);
		expect(result.answerMs - result.ackMs).toBeGreaterThanOrEqual(50);
		const edits = fake.requests.filter((r) => r.route === 'editOriginal');
		expect(edits.map((r) => r.status)).toEqual([429, 200]);
		expect(edits[0]?.files).toHaveLength(1);
	});

	it('GIVEN a reply with withResponse THEN the callback answers with the created message', async () => {
		const { fake } = await start();

		const handle = fake.dispatch(fake.chatInput('medsvar'));
		const result = await fake.waitForResponse(handle);
		const followUp = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp');

		expect(result.content).toBe('Med svar');
		expect(followUp.body).toMatchObject({ content: `id ${result.message?.id}` });
		expect(fake.requests.find((r) => r.route === 'callback')).toMatchObject({
			status: 200,
			query: { with_response: 'true' },
		});
	});

	it('GIVEN 500s on editReply THEN one is retried away and four surface as an HTTPError', async () => {
		const { fake, errors } = await start();

		fake.failNext({ route: 'editOriginal', status: 500 });
		const retried = await fake.waitForResponse(fake.dispatch(fake.chatInput('graf', { kommun: 'Lund' })));
		expect(retried.files).toHaveLength(1);

		fake.failNext({ route: 'editOriginal', status: 500, times: 4 });
		const handle = fake.dispatch(fake.chatInput('graf', { kommun: 'Malmö' }));
		await vi.waitFor(() => expect(errors).toHaveLength(1));

		expect(errors[0]).toBeInstanceOf(HTTPError);
		expect(errors[0]).toMatchObject({ status: 500, method: 'PATCH' });
		const events = fake.interaction(handle).events;
		expect(events.filter((e) => e.kind === 'rejected' && e.status === 500)).toHaveLength(4);
		expect(fake.interaction(handle).result).toBeUndefined();
	});

	it('GIVEN a 4xx on editReply THEN it surfaces as a DiscordAPIError at once', async () => {
		const { fake, errors } = await start();
		fake.failNext({ route: 'editOriginal', status: 403 });

		fake.dispatch(fake.chatInput('graf', { kommun: 'Malmö' }));
		await vi.waitFor(() => expect(errors).toHaveLength(1));

		expect(errors[0]).toBeInstanceOf(DiscordAPIError);
		expect(errors[0]).toMatchObject({ status: 403, code: 50013 });
	});

	it.each([4000, 1006])(
		'GIVEN the gateway drops with %i THEN the client comes back and answers a later interaction',
		async (code) => {
			const { fake } = await start();

			await fake.disconnect(code);
			// Dispatched while the bot is away: kept and replayed on RESUME.
			const during = fake.dispatch(fake.chatInput('svar', { fraga: 'under' }));
			await fake.waitForGateway((g) => g.connected && g.resumes + g.identifies >= 2);
			const after = fake.dispatch(fake.chatInput('svar', { fraga: 'efter' }));

			expect((await fake.waitForResponse(during)).content).toBe('Svar under');
			expect((await fake.waitForResponse(after)).content).toBe('Svar efter');
			expect(fake.gateway).toMatchObject({ identifies: 1, resumes: 1 });
			expect(fake.gateway.closes[0]).toEqual({ code, by: 'server' });
		},
	);

	it('GIVEN commands are bulk overwritten THEN the body is stored and returned with ids', async () => {
		const { fake, client } = await start();
		const commands = [
			{
				name: 'graf',
				description: 'Visar ett diagram',
				options: [{ type: 3, name: 'kommun', description: 'Kommun', required: true, autocomplete: true }],
			},
			{ name: 'hemlig', description: 'Svarar bara dig' },
		];

		const stored = await client.application!.commands.set(commands);
		await client.application!.commands.set([commands[1]!], DEFAULT_GUILD_ID);

		expect([...stored.values()].map((c) => c.name).sort()).toEqual(['graf', 'hemlig']);
		const put = fake.requests.find((r) => r.route === 'commands' && r.method === 'PUT');
		expect(put).toMatchObject({ auth: 'bot', path: `/applications/${fake.applicationId}/commands`, body: commands });
		expect(fake.registeredCommands().map((c) => c.name)).toEqual(['graf', 'hemlig']);
		expect(fake.registeredCommands(DEFAULT_GUILD_ID).map((c) => c.name)).toEqual(['hemlig']);
		const grafId = fake.registeredCommands().find((c) => c.name === 'graf')?.id;
		expect(fake.chatInput('graf').data.id).toBe(grafId);

		await expect(client.application!.commands.set([{ name: 'Graf', description: 'Versaler' }])).rejects.toMatchObject({
			code: 50035,
		});
	});

	it('GIVEN "did you mean" buttons and a select menu THEN clicks are answered with type-7 updates', async () => {
		const { fake } = await start();
		const question = fake.dispatch(fake.chatInput('menade'));
		const asked = await fake.waitForResponse(question);
		expect(asked.components).toHaveLength(2);

		const click = await fake.waitForResponse(fake.dispatch(fake.button('kommun:Malmö')));
		expect(click).toMatchObject({ ackType: 7, content: 'Du valde kommun:Malmö', components: [] });
		expect(click.message?.id).toBe(asked.message?.id);

		const select = fake.stringSelect('kommunval', ['1481'], { message: asked.message! });
		expect(select.message.id).toBe(asked.message?.id);
		const chosen = await fake.waitForResponse(fake.dispatch(select));
		expect(chosen).toMatchObject({ ackType: 7, content: 'Du valde 1481' });
		expect(fake.interaction(question).original?.content).toBe('Du valde 1481');
	});

	it('GIVEN a deferral answered with follow-ups THEN the first replaces the deferral and the second is new', async () => {
		const { fake } = await start();

		const handle = fake.dispatch(fake.chatInput('uppfoljning'));
		const result = await fake.waitForResponse(handle);
		await fake.waitForInteractionEvent(
			handle,
			(e) => e.kind === 'followUp' && e.body !== undefined && e.messageId !== result.message?.id,
		);

		expect(result).toMatchObject({ ackType: 5, ephemeral: true, content: 'Första' });
		const followUps = fake.interaction(handle).events.filter((e) => e.kind === 'followUp');
		expect(followUps).toHaveLength(2);
		expect(followUps[0]?.messageId).toBe(result.message?.id);
		expect(fake.requests.filter((r) => r.route === 'followUp').every((r) => r.query.wait === 'true')).toBe(true);
	});

	it('GIVEN a message mentioning the bot THEN its channel reply is found', async () => {
		const { fake, client } = await start();
		client.on(Events.MessageCreate, (message: Message) => {
			if (message.mentions.users.has(fake.applicationId)) void message.reply(`Hej ${message.author.username}`);
		});

		const handle = fake.dispatchMessage(fake.mention('hur många fick bistånd i Malmö?'));
		const reply = await fake.waitForChannelReply(handle);

		expect(reply.content).toBe('Hej testanvandare');
		expect(reply.messageReference).toMatchObject({ message_id: handle.id });
	});

	it('GIVEN 100 interactions dispatched at once THEN every one is answered', async () => {
		const { fake } = await start();

		const handles: InteractionHandle[] = [];
		for (let i = 0; i < 100; i++) {
			handles.push(
				fake.dispatch(
					i % 2 === 0
						? fake.chatInput('graf', { kommun: `K${i}` })
						: fake.autocomplete('graf', { kommun: 'S' }, 'kommun'),
				),
			);
		}
		const results = await Promise.all(handles.map((h) => fake.waitForResponse(h)));

		results.forEach((result, i) => {
			if (i % 2 === 0) {
				expect(result.embeds[0]?.title).toBe(`Ekonomiskt bistånd i K${i} 2024`);
				expect(result.files[0]?.data.equals(png)).toBe(true);
			} else {
				expect(result.choices).toHaveLength(3);
			}
		});
		expect(new Set(results.map((r) => r.interactionId)).size).toBe(100);
	});
});
