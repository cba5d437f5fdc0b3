/**
 * Hostile input through the real bot process (`node --import tsx src/index.ts`) and the Discord fake,
 * as real INTERACTION_CREATE events: property-based slash commands and autocomplete requests across
 * every command and option, with the generators of `tests/properties/hostile.ts`. Each run checks
 * what reached the fake: within Discord's limits (the fake's validation refused nothing), no mention
 * allowed or even written, no code fence or stack trace from the input, errors ephemeral, answers
 * the same as the command modules give in this process. Afterwards the process is still up and
 * answers a plain `/hjälp`.
 */
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputFrom } from '../../commands/command.js';
import { commands, findCommand } from '../../commands/index.js';
import { answerMessage, embedLength, errorText, textMessage } from '../../src/discord/embeds.js';
import { clampChoices, LIMITS } from '../../src/discord/limits.js';
import { localeOf } from '../../src/discord/locale.js';
import { loadSnapshot, type Snapshot } from '../../src/runtime.js';
import { DiscordFake, type InteractionHandle, type RecordedRequest } from '../fakes/discord-fake.js';
import { hostileString, hostileValue, LEAK, MENTION, VALID_OPTIONS } from '../properties/hostile.js';
import { expectedAnswer, startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

type Value = string | number | boolean;
type Values = Readonly<Record<string, Value>>;

/** Generated slash commands sent through the bot (each one a real interaction). */
const COMMAND_RUNS = 260;
/** Generated autocomplete requests. */
const AUTOCOMPLETE_RUNS = 160;

const snapshot: Snapshot = await loadSnapshot('data/db.json');

const VALID = VALID_OPTIONS;

/** Commands answered on the Discord side (servers, channels, permissions), not by the answer layer. */
const DISCORD_SIDE: ReadonlySet<string> = new Set(['bevaka']);

/** Years and counts a user cannot type but the gateway could still carry. */
const ODD_NUMBERS: readonly Value[] = [-1, 0, 1e9, '2020abc', 2020.5, Number.MAX_SAFE_INTEGER, '1e9', ''];

/** {@link hostileValue} without NaN and ±Infinity, which JSON (and so the gateway) cannot carry. */
const gatewayValue: fc.Arbitrary<Value> = hostileValue.filter((v) => typeof v !== 'number' || Number.isFinite(v));

interface OptionInfo {
	readonly name: string;
	readonly type: number;
	readonly autocomplete: boolean;
}

function optionsOf(name: string): OptionInfo[] {
	const json = findCommand(name)?.data.toJSON();
	return (json?.options ?? []).map((o) => ({
		name: o.name,
		type: o.type,
		autocomplete: 'autocomplete' in o && o.autocomplete === true,
	}));
}

/** A hostile value for one option: anything, with odd numbers for integer options and booleans for flags. */
function hostileFor(option: OptionInfo): fc.Arbitrary<Value> {
	if (option.type === 4 || option.type === 10)
		return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) }, { weight: 3, arbitrary: gatewayValue });
	if (option.type === 5)
		return fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: gatewayValue });
	return gatewayValue;
}

/** Each option left out, valid, or (most often) hostile. */
function valuesFor(options: readonly OptionInfo[]): fc.Arbitrary<Values> {
	const entries = options.map((o) => {
		const valid = VALID[o.name];
		return fc.oneof(
			{ weight: 1, arbitrary: fc.constant(undefined) },
			{ weight: valid === undefined ? 0 : 1, arbitrary: fc.constant(valid) },
			{ weight: 3, arbitrary: hostileFor(o) },
		);
	});
	return fc.tuple(...entries).map((list) => {
		const values: Record<string, Value> = {};
		list.forEach((v, i) => {
			const name = options[i]?.name;
			if (name !== undefined && v !== undefined) values[name] = v;
		});
		// What arrives after the JSON round trip of the gateway (e.g. -0 becomes 0).
		return JSON.parse(JSON.stringify(values)) as Values;
	});
}

const locale = fc.constantFrom<'sv-SE' | 'en-US'>('sv-SE', 'sv-SE', 'en-US');

interface CommandCase {
	readonly name: string;
	readonly values: Values;
	readonly locale: 'sv-SE' | 'en-US';
}

/** Every option left out, valid or hostile. */
const mixedCase: fc.Arbitrary<CommandCase> = fc.oneof(
	...commands.map((c) => {
		const name = c.data.name;
		return fc.record({ name: fc.constant(name), values: valuesFor(optionsOf(name)), locale });
	}),
);

/** One hostile option, the others valid: reaches the answers (and charts) behind the first check. */
const oneHostileCase: fc.Arbitrary<CommandCase> = fc.oneof(
	...commands.flatMap((c) => {
		const name = c.data.name;
		const options = optionsOf(name);
		const valid = Object.fromEntries(options.flatMap((o) => (o.name in VALID ? [[o.name, VALID[o.name]]] : [])));
		return options.map((option) =>
			fc.record({
				name: fc.constant(name),
				values: hostileFor(option).map(
					(value) => JSON.parse(JSON.stringify({ ...valid, [option.name]: value })) as Values,
				),
				locale,
			}),
		);
	}),
);

const commandCase: fc.Arbitrary<CommandCase> = fc.oneof(mixedCase, oneHostileCase);

interface AutocompleteCase {
	readonly name: string;
	readonly focused: string;
	readonly typed: string;
	readonly values: Values;
	readonly locale: 'sv-SE' | 'en-US';
}

const autocompleteCase: fc.Arbitrary<AutocompleteCase> = fc.oneof(
	...commands.flatMap((c) => {
		const name = c.data.name;
		const options = optionsOf(name);
		return options
			.filter((o) => o.autocomplete)
			.map((focused) =>
				fc.record({
					name: fc.constant(name),
					focused: fc.constant(focused.name),
					typed: hostileString,
					values: valuesFor(options.filter((o) => o.name !== focused.name)),
					locale,
				}),
			);
	}),
);

/** Hand-picked cases that always run first, so the kinds the issue names are covered whatever the seed. */
const EXAMPLES: CommandCase[] = [
	{ name: 'värde', values: { kommun: 'x'.repeat(6000), indikator: 'N31814' }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: -1 }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: 0 }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: 1e9 }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: '2020abc' }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: '', indikator: '' }, locale: 'sv-SE' },
	{ name: 'värde', values: { kommun: 'Ha\u030abo', indikator: 'N31814' }, locale: 'sv-SE' },
	{ name: 'sök', values: { text: '@everyone <@&123456789012345678> <#123456789012345678>' }, locale: 'sv-SE' },
	{ name: 'sök', values: { text: '```js\nprocess.exit(1)\n```' }, locale: 'sv-SE' },
	{ name: 'sök', values: { text: '\u202eשלום\u200b🙂 https://discord.gg/abc' }, locale: 'en-US' },
	{ name: 'indikator', values: { indikator: "'; DROP TABLE kommuner; --" }, locale: 'sv-SE' },
	{ name: 'indikator', values: { indikator: '$(rm -rf /) `cat /etc/passwd`' }, locale: 'sv-SE' },
	{
		name: 'jämför',
		values: { indikator: 'N31814', kommuner: '0180, 180, @here, ' + '🙂'.repeat(3000) },
		locale: 'sv-SE',
	},
	{ name: 'topplista', values: { indikator: 'N31814', antal: 1e9, ordning: '**fet** ||spoiler||' }, locale: 'sv-SE' },
	{
		name: 'trend',
		values: { kommun: '<@123456789012345678>', indikator: 'N31814', från: 2020, till: -1 },
		locale: 'sv-SE',
	},
	...(findCommand('fråga')
		? [{ name: 'fråga', values: { text: '@everyone ```' + '`'.repeat(5990) }, locale: 'sv-SE' as const }]
		: []),
];

/** Hand-picked focused values that always run first. */
const AUTOCOMPLETE_EXAMPLES: AutocompleteCase[] = [
	'',
	'ö'.repeat(6000),
	'@everyone',
	'<@&123456789012345678>',
	'```',
	'\u0000\u200b\u202e',
	'0180',
	'Ha\u030abo',
	'👩‍👩‍👧‍👦',
].flatMap((typed): AutocompleteCase[] => [
	{ name: 'indikator', focused: 'indikator', typed, values: {}, locale: 'sv-SE' },
	{ name: 'värde', focused: 'kommun', typed, values: { indikator: 'N31814' }, locale: 'sv-SE' },
]);

let fake: DiscordFake;
let bot: BotProcess;
let userSeq = 0;

function nextUser(): string {
	userSeq++;
	return `13100000000${String(20_000_000 + userSeq)}`;
}

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
	bot = await startBotProcess(fake, { env: { LOG_LEVEL: 'info', CHART_COOLDOWN_SECONDS: '0' } });
});

afterAll(async () => {
	await bot.stop();
	await fake.close();
});

/** Every text of a message a user could see. */
function textsOf(content: string, embeds: readonly APIEmbed[]): string[] {
	return [
		content,
		...embeds.flatMap((e) => [
			e.title ?? '',
			e.description ?? '',
			e.footer?.text ?? '',
			e.author?.name ?? '',
			...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
		]),
	];
}

const FENCE = '```';

/** Limits, mentions, leaks and fences of one message as the bot sent it. */
function checkMessage(content: string, embeds: readonly APIEmbed[], where: string): void {
	expect(content.length, `${where}: content length`).toBeLessThanOrEqual(LIMITS.content);
	expect(embeds.length, `${where}: embeds`).toBeLessThanOrEqual(10);
	for (const e of embeds) {
		expect(embedLength(e), `${where}: embed total`).toBeLessThanOrEqual(LIMITS.embedTotal);
		expect(e.title?.length ?? 0, `${where}: title`).toBeLessThanOrEqual(LIMITS.embedTitle);
		expect(e.description?.length ?? 0, `${where}: description`).toBeLessThanOrEqual(LIMITS.embedDescription);
		expect(e.fields?.length ?? 0, `${where}: fields`).toBeLessThanOrEqual(LIMITS.embedFields);
		for (const f of e.fields ?? []) {
			expect(f.name.length, `${where}: field name`).toBeLessThanOrEqual(LIMITS.fieldName);
			expect(f.value.length, `${where}: field value`).toBeLessThanOrEqual(LIMITS.fieldValue);
		}
		// Only the bot's own tables are code blocks, and only in the description: whole, opened on a line of their own.
		const description = e.description ?? '';
		expect((description.split(FENCE).length - 1) % 2, `${where}: unbalanced code fence`).toBe(0);
		expect(description, `${where}: a code fence with a language tag`).not.toMatch(/```[^\n`]/);
		for (const t of [e.title ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
			expect(t, `${where}: code fence outside a table`).not.toContain(FENCE);
		}
	}
	expect(content, `${where}: code fence in content`).not.toContain(FENCE);
	for (const t of textsOf(content, embeds)) {
		expect(t, `${where}: would mention`).not.toMatch(MENTION);
		expect(t, `${where}: leaks internals`).not.toMatch(LEAK);
	}
}

/** The interaction's requests, as the fake recorded them. */
function requestsOf(handle: InteractionHandle): RecordedRequest[] {
	return fake.requests.filter((r) => r.params.interactionId === handle.id || r.params.token === handle.token);
}

/** Message bodies the bot sent in a request (a callback carries it under `data`). */
function messageBody(request: RecordedRequest): Record<string, unknown> | undefined {
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (request.route === 'callback') {
		return body.type === 4 || body.type === 7 ? ((body.data ?? {}) as Record<string, unknown>) : undefined;
	}
	if (['editOriginal', 'editMessage', 'followUp', 'channelMessage'].includes(request.route)) return body;
	return undefined;
}

/** No request refused, and every message sent with `allowed_mentions: { parse: [] }`. */
function checkRequests(requests: readonly RecordedRequest[], where: string): void {
	for (const r of requests) {
		expect(r.status, `${where}: ${r.method} ${r.route} refused: ${JSON.stringify(r.responseBody)}`).toBeLessThan(400);
		const body = messageBody(r);
		if (body) expect(body.allowed_mentions, `${where}: ${r.route} allowed_mentions`).toEqual({ parse: [] });
	}
}

/** What the user finally sees: the answer, or the ephemeral follow-up after a deleted public placeholder. */
async function visible(handle: InteractionHandle) {
	const result = await fake.waitForResponse(handle, { timeoutMs: 20_000 });
	if (!result.deleted) return { result, content: result.content, embeds: result.embeds, ephemeral: result.ephemeral };
	const followUp = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp', { timeoutMs: 20_000 });
	const body = followUp.body as { content?: string; embeds?: APIEmbed[] };
	return { result, content: body.content ?? '', embeds: body.embeds ?? [], ephemeral: followUp.flags === 64 };
}

async function runCommand(c: CommandCase): Promise<void> {
	const where = `/${c.name} ${JSON.stringify(c.values).slice(0, 300)}`;
	const handle = fake.dispatch(fake.chatInput(c.name, c.values, { userId: nextUser(), locale: c.locale }));
	const seen = await visible(handle);
	expect(seen.result.late, `${where}: late`).toBe(false);
	checkMessage(seen.content, seen.embeds, where);
	checkRequests(requestsOf(handle), where);

	if (DISCORD_SIDE.has(c.name)) {
		// Always a private text reply; what it says depends on the member, so it is not compared.
		expect(seen.ephemeral, `${where}: private`).toBe(true);
		expect(seen.embeds).toEqual([]);
		return;
	}
	const answerLocale = localeOf(c.locale);
	const expected = expectedAnswer(snapshot, { name: c.name, values: c.values }, answerLocale);
	if (expected.ok) {
		const message = answerMessage(expected, { locale: answerLocale });
		expect(seen.embeds[0]?.title, `${where}: title`).toBe(message.embeds[0]?.title);
		expect(seen.content, `${where}: content`).toBe(message.content ?? '');
		expect(seen.ephemeral, `${where}: ephemeral`).toBe(c.values.privat === true);
		if (expected.chart) {
			expect(
				seen.result.files.some((f) => f.name.endsWith('.png')),
				`${where}: chart`,
			).toBe(true);
		}
	} else {
		expect(seen.ephemeral, `${where}: an error must be ephemeral`).toBe(true);
		expect(seen.content, `${where}: error text`).toBe(textMessage(errorText(expected)).content);
		expect(seen.embeds).toEqual([]);
	}
}

async function runAutocomplete(c: AutocompleteCase): Promise<void> {
	const where = `/${c.name} ${c.focused}=${JSON.stringify(c.typed).slice(0, 200)}`;
	const handle = fake.dispatch(
		fake.autocomplete(c.name, { ...c.values, [c.focused]: c.typed }, c.focused, {
			userId: nextUser(),
			locale: c.locale,
		}),
	);
	const result = await fake.waitForResponse(handle, { timeoutMs: 20_000 });
	expect(result.ackType).toBe(8);
	checkRequests(requestsOf(handle), where);
	const choices = result.choices ?? [];
	expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
	for (const choice of choices) {
		expect(choice.name.length, `${where}: choice name`).toBeGreaterThan(0);
		expect(choice.name.length, `${where}: choice name`).toBeLessThanOrEqual(LIMITS.choiceName);
		expect(String(choice.value).length, `${where}: choice value`).toBeLessThanOrEqual(LIMITS.choiceValue);
		expect(choice.name, `${where}: leaks internals`).not.toMatch(LEAK);
	}
	// The same choices the command gives in this process.
	const command = findCommand(c.name);
	const { dataset, search } = snapshot;
	const ctx = { dataset, search, locale: localeOf(c.locale), today: new Date() };
	const expected = command?.autocomplete
		? clampChoices(command.autocomplete(ctx, { name: c.focused, value: c.typed }, inputFrom(c.values)))
		: [];
	expect(choices, `${where}: choices`).toEqual(expected);
}

describe('hostile input through the real bot process', () => {
	it(`GIVEN ${COMMAND_RUNS} generated slash commands with hostile options THEN every reply is within limits, mentions nobody, leaks nothing, and errors are ephemeral`, async () => {
		await fc.assert(fc.asyncProperty(commandCase, runCommand), {
			numRuns: COMMAND_RUNS,
			examples: EXAMPLES.map((e) => [e] as [CommandCase]),
		});
	}, 90_000);

	it(`GIVEN ${AUTOCOMPLETE_RUNS} autocomplete requests with hostile focused values THEN valid choices, the same as the command gives`, async () => {
		await fc.assert(fc.asyncProperty(autocompleteCase, runAutocomplete), {
			numRuns: AUTOCOMPLETE_RUNS,
			examples: AUTOCOMPLETE_EXAMPLES.map((e) => [e] as [AutocompleteCase]),
		});
	}, 60_000);

	it('GIVEN the whole run THEN Discord refused no request, every message allowed no mentions, and nothing failed inside the bot', () => {
		expect(fake.requests.length).toBeGreaterThan(COMMAND_RUNS + AUTOCOMPLETE_RUNS);
		checkRequests(fake.requests, 'run');
		const problems = bot.logs.filter((l) => l.level === 'error' || l.level === 'fatal' || 'raw' in l);
		expect(problems).toEqual([]);
	});

	it('GIVEN the run is over THEN the process is still up and answers a plain /hjälp', async () => {
		expect(bot.child.exitCode).toBeNull();
		expect(bot.child.signalCode).toBeNull();
		const result = await fake.waitForResponse(fake.dispatch(fake.chatInput('hjälp', {})));
		const expected = expectedAnswer(snapshot, { name: 'hjälp', values: {} });
		expect(result.embeds[0]?.title).toBe(expected.ok ? expected.title : '');
		expect(result.allowedMentions).toEqual({ parse: [] });
	});
});
