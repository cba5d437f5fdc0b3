/**
 * The router with the real discord.js client in this process, against the Discord fake, with small
 * made-up commands: error paths that the real commands cannot be made to hit on purpose (a throwing
 * answer or autocomplete, a failing render, more than five candidates), and the chart cooldown.
 */
import { createCanvas } from 'canvas';
import { Client, Events, GatewayIntentBits, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/command.js';
import { text } from '../../commands/command.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer, Locale } from '../../src/answers/types.js';
import type { ChartSpec } from '../../src/charts/spec.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { createLogger, type Logger } from '../../src/discord/logger.js';
import { RenderBusyError } from '../../src/charts/render-errors.js';
import { InteractionRouter } from '../../src/discord/router.js';
import { DiscordFake, type InteractionHandle } from '../fakes/discord-fake.js';

const PNG = createCanvas(4, 3).toBuffer('image/png');

const chart = (title: string): ChartSpec => ({
	kind: 'bar',
	orientation: 'vertical',
	title,
	unit: '%',
	format: { style: 'percent', decimals: 1 },
	source: 'Källa: Test',
	bars: [{ label: 'Malmö', value: 4.2, role: 'focus' }],
});

function ok(title: string, extra: Partial<Extract<Answer, { ok: true }>> = {}): Answer {
	return {
		ok: true,
		command: 'test',
		title,
		fields: [],
		notes: [],
		sources: ['Källa: Test'],
		resolved: {},
		data: {},
		...extra,
	};
}

/** `/test-svar text`: a fast text answer; `krasch` throws, `fel` is a user error. */
const svar: Command = {
	data: new SlashCommandBuilder()
		.setName('test-svar')
		.setDescription('Svar')
		.addStringOption((o) => o.setName('text').setDescription('Text').setAutocomplete(true)),
	defer: 'none',
	example: '/test-svar',
	answer: (_ctx, input) => {
		const value = text(input, 'text');
		if (value === 'krasch') throw new Error('answer exploded');
		if (value === 'fel')
			return { ok: false, command: 'test-svar', error: { code: 'not_found', message: 'Hittar inte.' }, resolved: {} };
		return ok(`Svar: ${value}`);
	},
	autocomplete: (_ctx, focused) => {
		if (focused.value === 'krasch') throw new Error('autocomplete exploded');
		return [{ name: `Förslag ${focused.value}`, value: focused.value || 'tomt' }];
	},
};

/** `/test-diagram kommun`: a chart command; `många` has seven candidates, `fel` no data, `rita-fel` a broken chart. */
const diagram: Command = {
	data: new SlashCommandBuilder()
		.setName('test-diagram')
		.setDescription('Diagram')
		.addStringOption((o) => o.setName('kommun').setDescription('Kommun').setAutocomplete(true))
		.addBooleanOption((o) => o.setName('privat').setDescription('Privat')),
	defer: 'public',
	chart: true,
	example: '/test-diagram',
	answer: (_ctx, input) => {
		const kommun = text(input, 'kommun');
		if (kommun === 'många') {
			const candidates = Array.from({ length: 7 }, (_, i) => ({ id: `K${i}`, label: `Kandidat ${i}` }));
			return {
				ok: false,
				command: 'test-diagram',
				error: { code: 'ambiguous', message: 'Menade du …?', candidates },
				resolved: {},
			};
		}
		if (kommun === 'fel') {
			return { ok: false, command: 'test-diagram', error: { code: 'no_data', message: 'Inga värden.' }, resolved: {} };
		}
		return ok(`Diagram: ${kommun}`, { chart: chart(kommun), resolved: { kommun } });
	},
};

const runtime = {
	context: (locale: Locale): AnswerContext => ({ locale, today: new Date() }) as unknown as AnswerContext,
};

let fake: DiscordFake;
let client: Client;
let router: InteractionRouter;
let logger: Logger;
const lines: Record<string, unknown>[] = [];
let cooldown: Cooldown;
let now = 1_000_000;

async function respond(handle: InteractionHandle): Promise<Awaited<ReturnType<DiscordFake['waitForResponse']>>> {
	return fake.waitForResponse(handle);
}

function followUpOf(handle: InteractionHandle) {
	return fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp');
}

beforeAll(async () => {
	fake = await DiscordFake.start();
	logger = createLogger({
		level: 'debug',
		destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
	});
	cooldown = new Cooldown(5, () => now);
	router = new InteractionRouter({
		runtime,
		commands: [svar, diagram],
		logger,
		cooldown,
		render: (spec) =>
			spec.title === 'rita-fel'
				? Promise.reject(new Error('canvas broke'))
				: spec.title === 'upptagen'
					? Promise.reject(new RenderBusyError(50))
					: Promise.resolve(PNG),
	});
	client = new Client({
		intents: [GatewayIntentBits.Guilds],
		rest: { api: fake.apiUrl, globalRequestsPerSecond: 1000 },
	});
	client.on(Events.InteractionCreate, (i) => void router.handle(i));
	const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
	await client.login(fake.token);
	await ready;
});

afterAll(async () => {
	await client.destroy();
	await fake.close();
});

beforeEach(() => {
	now += 60_000;
});

describe('autocomplete', () => {
	it('GIVEN a typed value THEN answers with the command’s choices, never deferred', async () => {
		const result = await respond(fake.dispatch(fake.autocomplete('test-svar', { text: 'mal' }, 'text')));
		expect(result.ackType).toBe(8);
		expect(result.choices).toEqual([{ name: 'Förslag mal', value: 'mal' }]);
	});

	it('GIVEN autocomplete that throws THEN answers with an empty list and logs the error', async () => {
		const handle = fake.dispatch(fake.autocomplete('test-svar', { text: 'krasch' }, 'text'));
		const result = await respond(handle);
		expect(result.choices).toEqual([]);
		expect(
			lines.some((l) => l.interaction === handle.id && l.msg === 'autocomplete failed; answering with no choices'),
		).toBe(true);
	});

	it('GIVEN an option without autocomplete or an unknown command THEN answers with an empty list', async () => {
		expect((await respond(fake.dispatch(fake.autocomplete('okänt', { x: 'a' }, 'x')))).choices).toEqual([]);
	});
});

describe('the error funnel', () => {
	it('GIVEN an answer that throws THEN the user gets an ephemeral reference and the log has command, options, user and stack', async () => {
		const handle = fake.dispatch(fake.chatInput('test-svar', { text: 'krasch' }, { userId: '1310000000000000999' }));
		const result = await respond(handle);
		expect(result.ephemeral).toBe(true);
		const ref = /^Något gick fel \(ref: ([0-9a-f]{8})\)\.$/.exec(result.content)?.[1];
		expect(ref).toBeDefined();
		const line = lines.find((l) => l.ref === ref);
		expect(line).toMatchObject({
			level: 'error',
			command: 'test-svar',
			options: { text: 'krasch' },
			user: '1310000000000000999',
			err: { message: 'answer exploded' },
		});
		expect(String((line?.err as { stack?: string } | undefined)?.stack)).toContain('router.test.ts');
	});

	it('GIVEN English THEN the reference message is English', async () => {
		const result = await respond(fake.dispatch(fake.chatInput('test-svar', { text: 'krasch' }, { locale: 'en-GB' })));
		expect(result.content).toMatch(/^Something went wrong \(ref: [0-9a-f]{8}\)\.$/);
	});

	it('GIVEN an edit that keeps failing with 500 after a public defer THEN the placeholder goes and the reference comes ephemerally', async () => {
		const payload = fake.chatInput('test-diagram', { kommun: 'Malmö' }, { userId: '1310000000000000801' });
		fake.failNext({ route: 'editOriginal', status: 500, times: 4, match: (r) => r.params.token === payload.token });
		const handle = fake.dispatch(payload);
		const result = await respond(handle);
		expect(result.deleted).toBe(true);
		const followUp = await followUpOf(handle);
		expect(followUp.flags).toBe(64);
		expect((followUp.body as { content: string }).content).toMatch(/^Något gick fel \(ref: [0-9a-f]{8}\)\.$/);
	});

	it('GIVEN a render that fails THEN answers without the chart and with a note', async () => {
		const result = await respond(
			fake.dispatch(fake.chatInput('test-diagram', { kommun: 'rita-fel' }, { userId: '1310000000000000802' })),
		);
		expect(result.files).toEqual([]);
		expect(result.embeds[0]?.description).toMatch(/Diagrammet kunde inte ritas \(ref: [0-9a-f]{8}\)\./);
	});

	it('GIVEN a full render queue THEN the answer comes without the chart, saying many are asking, and the cooldown is freed', async () => {
		const user = { userId: '1310000000000000806' };
		const busy = await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'upptagen' }, user)));
		expect(busy.files).toEqual([]);
		expect(busy.embeds[0]?.description).toContain('Många frågar just nu');
		const next = await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Lund' }, user)));
		expect(next.files).toHaveLength(1);
	});

	it('GIVEN an initial callback refused with 40060 THEN it is logged and nothing else is sent', async () => {
		const payload = fake.chatInput('test-svar', { text: 'hej' });
		fake.failNext({
			route: 'callback',
			status: 400,
			body: { message: 'Interaction has already been acknowledged.', code: 40060 },
			match: (r) => r.params.interactionId === payload.id,
		});
		const handle = fake.dispatch(payload);
		await expect.poll(() => lines.some((l) => l.interaction === handle.id && l.code === 40060)).toBe(true);
		expect(fake.requests.filter((r) => r.params.interactionId === payload.id)).toHaveLength(1);
	});
});

describe('chart commands', () => {
	it('GIVEN a chart answer THEN defers publicly and edits in the PNG shown in the embed', async () => {
		const result = await respond(
			fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Malmö' }, { userId: '1310000000000000803' })),
		);
		expect(result.ackType).toBe(5);
		expect(result.ephemeral).toBe(false);
		expect(result.files.map((f) => f.name)).toEqual(['test-Malmo.png']);
		expect(result.embeds[0]?.image?.url).toBe('attachment://test-Malmo.png');
		expect(result.allowedMentions).toEqual({ parse: [] });
	});

	it('GIVEN privat:true THEN the defer and the result are ephemeral', async () => {
		const result = await respond(
			fake.dispatch(
				fake.chatInput('test-diagram', { kommun: 'Malmö', privat: true }, { userId: '1310000000000000804' }),
			),
		);
		expect(result.ackType).toBe(5);
		expect(result.ephemeral).toBe(true);
		expect(result.files).toHaveLength(1);
	});

	it('GIVEN a second chart within the cooldown THEN an ephemeral message says when to try again, and after it the chart comes', async () => {
		const user = { userId: '1310000000000000805' };
		await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Malmö' }, user)));
		now += 2000;
		const refused = await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Lund' }, user)));
		expect(refused.ackType).toBe(4);
		expect(refused.ephemeral).toBe(true);
		expect(refused.content).toBe(
			`Vänta lite – du kan be om ett nytt diagram <t:${Math.ceil((now + 3000) / 1000)}:R> (om 3 s).`,
		);
		now += 3000;
		const allowed = await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Lund' }, user)));
		expect(allowed.files).toHaveLength(1);
	});

	it('GIVEN a user error THEN the cooldown is given back', async () => {
		const user = { userId: '1310000000000000806' };
		const handle = fake.dispatch(fake.chatInput('test-diagram', { kommun: 'fel' }, user));
		expect((await respond(handle)).deleted).toBe(true);
		expect((await followUpOf(handle)).flags).toBe(64);
		const next = await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Malmö' }, user)));
		expect(next.files).toHaveLength(1);
	});
});

describe('"Menade du …?" with more than five candidates', () => {
	it('GIVEN seven candidates THEN a select menu; picking one re-runs the command with that id', async () => {
		const user = { userId: '1310000000000000807' };
		const handle = fake.dispatch(fake.chatInput('test-diagram', { kommun: 'många' }, user));
		await respond(handle);
		const followUp = await followUpOf(handle);
		expect(followUp.flags).toBe(64);
		const menu = (
			followUp.body as {
				components: { components: { type: number; custom_id: string; options: { value: string }[] }[] }[];
			}
		).components[0]?.components[0];
		expect(menu?.type).toBe(3);
		expect(menu?.options.map((o) => o.value)).toEqual(Array.from({ length: 7 }, (_, i) => `kommun:K${i}`));
		const pick = fake.dispatch(fake.stringSelect(menu?.custom_id ?? '', ['kommun:K3'], user));
		const result = await respond(pick);
		expect(result.embeds[0]?.title).toBe('Diagram: K3');
		await expect
			.poll(() => fake.messages.find((m) => m.content === 'Du valde **Kandidat 3**.')?.components)
			.toEqual([]);
	});

	it('GIVEN a pick during the chart cooldown THEN says when to try again and keeps the choice for later', async () => {
		const user = { userId: '1310000000000000810' };
		const handle = fake.dispatch(fake.chatInput('test-diagram', { kommun: 'många' }, user));
		await respond(handle);
		const body = (await followUpOf(handle)).body as { components: { components: { custom_id: string }[] }[] };
		const customId = body.components[0]?.components[0]?.custom_id ?? '';
		await respond(fake.dispatch(fake.chatInput('test-diagram', { kommun: 'Malmö' }, user)));
		const refused = await respond(fake.dispatch(fake.stringSelect(customId, ['kommun:K2'], user)));
		expect(refused.ephemeral).toBe(true);
		expect(refused.content).toMatch(/^Vänta lite – du kan be om ett nytt diagram <t:\d+:R> \(om 5 s\)\.$/);
		now += 5000;
		const later = await respond(fake.dispatch(fake.stringSelect(customId, ['kommun:K2'], user)));
		expect(later.embeds[0]?.title).toBe('Diagram: K2');
	});

	it('GIVEN a pick by someone else THEN they are told it is not theirs', async () => {
		const handle = fake.dispatch(
			fake.chatInput('test-diagram', { kommun: 'många' }, { userId: '1310000000000000808' }),
		);
		await respond(handle);
		const body = (await followUpOf(handle)).body as { components: { components: { custom_id: string }[] }[] };
		const customId = body.components[0]?.components[0]?.custom_id ?? '';
		const result = await respond(
			fake.dispatch(fake.stringSelect(customId, ['kommun:K1'], { userId: '1310000000000000809' })),
		);
		expect(result.ephemeral).toBe(true);
		expect(result.content).toBe('Det här valet hör till någon annan. Kör kommandot själv för att välja.');
	});

	it('GIVEN a button that is not ours THEN it is acknowledged quietly', async () => {
		const handle = fake.dispatch(fake.button('något-annat'));
		const ack = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'ack');
		expect(ack.callbackType).toBe(6);
	});
});

describe('shutdown', () => {
	it('GIVEN work in flight THEN drain waits for it, and a closed router takes nothing new', async () => {
		expect(await router.drain(100)).toBe(true);
		router.close();
		const handle = fake.dispatch(fake.chatInput('test-svar', { text: 'sen' }));
		await expect
			.poll(() =>
				lines.some((l) => l.interaction === handle.id && l.msg === 'shutting down; interaction left unanswered'),
			)
			.toBe(true);
	});
});
