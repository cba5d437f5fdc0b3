/**
 * Hostile input through the real bot process (`node --import tsx src/index.ts`) and the Discord fake,
 * as real INTERACTION_CREATE events: property-based slash commands and autocomplete requests across
 * every command and option, with the generators of `tests/properties/hostile.ts`. Each run checks
 * what reached the fake: within Discord's limits (the fake's validation refused nothing), no mention
 * allowed or even written, no code fence or stack trace from the input, errors private and without
 * embeds, answers public unless asked to be private. Hand-picked cases answer as their fixtures below
 * say, on the bundled dataset. Afterwards the process is still up and answers a plain `/hjälp`.
 */
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../commands/index.js';
import { embedLength } from '../../src/discord/embeds.js';
import { LIMITS } from '../../src/discord/limits.js';
import { DiscordFake, type InteractionHandle, type RecordedRequest } from '../fakes/discord-fake.js';
import { hostileString, hostileValue, LEAK, MENTION, VALID_OPTIONS } from '../properties/hostile.js';
import { startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

type Value = string | number | boolean;
type Values = Readonly<Record<string, Value>>;

/** Generated slash commands sent through the bot (each one a real interaction). */
const COMMAND_RUNS = 260;
/** Generated autocomplete requests. */
const AUTOCOMPLETE_RUNS = 160;

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

/** What a hand-picked case shows the user, written out by hand for the bundled dataset. */
interface Fixture {
	/** Only the asker sees it (every error, and `privat`). */
	readonly ephemeral: boolean;
	/** The embed title of an answer (errors have no embed). */
	readonly title?: string;
	/** The message text: exact, or a pattern for long texts. */
	readonly content?: string | RegExp;
}

const NO_AREA = (name: string): string =>
	`Jag hittar ingen kommun, inget län och ingen stadsdel som heter ”${name}”. Prova namnet eller koden (t.ex. 0180 för Stockholm).`;
const BAD_YEAR = (year: string): string =>
	`”${year}” är inget giltigt år i fältet **år**. Skriv ett år mellan 1990 och 2100, t.ex. 2023.`;

/** Hand-picked cases with what the user must see, so the kinds the issue names are covered whatever the seed. */
const CASES: readonly (readonly [CommandCase, Fixture])[] = [
	[
		{ name: 'värde', values: { kommun: 'x'.repeat(6000), indikator: 'N31814' }, locale: 'sv-SE' },
		{
			ephemeral: true,
			content:
				/^Jag hittar ingen kommun, inget län och ingen stadsdel som heter ”x{40,}…”\. Prova namnet eller koden \(t\.ex\. 0180 för Stockholm\)\.$/,
		},
	],
	[
		{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: -1 }, locale: 'sv-SE' },
		{ ephemeral: true, content: BAD_YEAR('\\-1') },
	],
	[
		{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: 0 }, locale: 'sv-SE' },
		{ ephemeral: true, content: BAD_YEAR('0') },
	],
	[
		{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: 1e9 }, locale: 'sv-SE' },
		{ ephemeral: true, content: BAD_YEAR('1000000000') },
	],
	[
		{ name: 'värde', values: { kommun: 'Malmö', indikator: 'N31814', år: '2020abc' }, locale: 'sv-SE' },
		{ ephemeral: true, content: BAD_YEAR('2020abc') },
	],
	[
		{ name: 'värde', values: { kommun: '', indikator: '' }, locale: 'sv-SE' },
		{ ephemeral: true, content: 'Skriv en kommun, ett län eller Riket.' },
	],
	[
		// "Håbo" written with a combining ring: found as Håbo, whose N31814 the bundled dataset lacks.
		{ name: 'värde', values: { kommun: 'Ha\u030abo', indikator: 'N31814' }, locale: 'sv-SE' },
		{
			ephemeral: true,
			content:
				'Det finns inga värden för Håbo för ”Långvarigt bistånd, andel av vuxna mottagare”. Det inlästa datasetet har inga värden alls för indikatorn – /om visar vad det täcker.',
		},
	],
	[
		{ name: 'sök', values: { text: '@everyone <@&123456789012345678> <#123456789012345678>' }, locale: 'sv-SE' },
		{
			ephemeral: false,
			title: 'Sökresultat för ”@\u200beveryone <\u200b@\u200b&123456789012345678\\> <\u200b\\#123456789012345678\\>”',
		},
	],
	[
		{ name: 'sök', values: { text: '```js\nprocess.exit(1)\n```' }, locale: 'sv-SE' },
		{ ephemeral: false, title: 'Sökresultat för ”\\`\\`\\`js process.exit\\(1\\) \\`\\`\\`”' },
	],
	[
		{ name: 'sök', values: { text: '\u202eשלום\u200b🙂 https://discord.gg/abc' }, locale: 'en-US' },
		{
			ephemeral: true,
			content: 'No matches for ”שלום🙂 https:\u200b//discord.gg/abc”. Try a shorter word or a kommun code.',
		},
	],
	[
		{ name: 'indikator', values: { indikator: "'; DROP TABLE kommuner; --" }, locale: 'sv-SE' },
		{ ephemeral: true, content: /^”'; DROP TABLE kommuner; \\-\\-” kan betyda flera saker\. Menade du …\?\n• / },
	],
	[
		{ name: 'indikator', values: { indikator: '$(rm -rf /) `cat /etc/passwd`' }, locale: 'sv-SE' },
		{
			ephemeral: true,
			content:
				'Jag hittar ingen indikator som matchar ”$\\(rm \\-rf /\\) \\`cat /etc/passwd\\`”. Prova ett ord ur namnet, ett id som N31814, eller `/sök`.',
		},
	],
	[
		{
			name: 'jämför',
			values: { indikator: 'N31814', kommuner: '0180, 180, @here, ' + '🙂'.repeat(3000) },
			locale: 'sv-SE',
		},
		{ ephemeral: true, content: NO_AREA('180') },
	],
	[
		{ name: 'topplista', values: { indikator: 'N31814', antal: 1e9, ordning: '**fet** ||spoiler||' }, locale: 'sv-SE' },
		{ ephemeral: true, content: 'Fältet **antal** ska vara ett heltal mellan 1 och 30.' },
	],
	[
		{
			name: 'trend',
			values: { kommun: '<@123456789012345678>', indikator: 'N31814', från: 2020, till: -1 },
			locale: 'sv-SE',
		},
		{ ephemeral: true, content: NO_AREA('<\u200b@\u200b123456789012345678\\>') },
	],
	[
		{ name: 'fråga', values: { text: '@everyone ```' + '`'.repeat(5990) }, locale: 'sv-SE' },
		{ ephemeral: true, content: 'Frågan är för lång – skriv den kortare (högst 500 tecken).' },
	],
];

/** The first choices a hand-picked autocomplete case must offer (name, value), or none at all. */
type ChoicesFixture = readonly (readonly [string, string])[];

const KOMMUN_CHOICES: readonly (readonly [string, ChoicesFixture])[] = [
	[
		'',
		[
			['Riket (hela Sverige)', '0000'],
			['Stockholm (Stockholms län)', '0180'],
			['Göteborg (Västra Götalands län)', '1480'],
		],
	],
	['0180', [['Stockholm (Stockholms län)', '0180']]],
	[
		'Ha\u030abo',
		[
			['Håbo (Uppsala län)', '0305'],
			['Habo (Jönköpings län)', '0643'],
		],
	],
	...['ö'.repeat(6000), '@everyone', '<@&123456789012345678>', '```', '\u0000\u200b\u202e', '👩‍👩‍👧‍👦'].map(
		(typed) => [typed, []] as const,
	),
];

/** Hand-picked focused values: hostile ones for /indikator (checked against the limits), and kommun names for /värde. */
const AUTOCOMPLETE_CASES: readonly (readonly [AutocompleteCase, ChoicesFixture | undefined])[] = [
	...[
		'',
		'ö'.repeat(6000),
		'@everyone',
		'<@&123456789012345678>',
		'```',
		'\u0000\u200b\u202e',
		'0180',
		'Ha\u030abo',
	].map(
		(typed) => [{ name: 'indikator', focused: 'indikator', typed, values: {}, locale: 'sv-SE' }, undefined] as const,
	),
	...KOMMUN_CHOICES.map(
		([typed, choices]) =>
			[{ name: 'värde', focused: 'kommun', typed, values: { indikator: 'N31814' }, locale: 'sv-SE' }, choices] as const,
	),
];

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

/** Sends one command; checks limits, mentions, leaks and the private/public rule; returns what the user saw. */
async function runCommand(
	c: CommandCase,
): Promise<{ content: string; embeds: readonly APIEmbed[]; ephemeral: boolean }> {
	const where = `/${c.name} ${JSON.stringify(c.values).slice(0, 300)}`;
	const handle = fake.dispatch(fake.chatInput(c.name, c.values, { userId: nextUser(), locale: c.locale }));
	const seen = await visible(handle);
	expect(seen.result.late, `${where}: late`).toBe(false);
	checkMessage(seen.content, seen.embeds, where);
	checkRequests(requestsOf(handle), where);
	if (DISCORD_SIDE.has(c.name)) {
		// Always a private text reply; what it says depends on the member.
		expect(seen.ephemeral, `${where}: private`).toBe(true);
		expect(seen.embeds).toEqual([]);
	} else if (seen.embeds.length === 0) {
		// An error: a friendly text that only the asker sees.
		expect(seen.ephemeral, `${where}: an error must be ephemeral`).toBe(true);
		expect(seen.content.trim(), `${where}: error text`).not.toBe('');
	} else {
		expect(seen.embeds[0]?.title?.trim(), `${where}: title`).not.toBe('');
		expect(seen.ephemeral, `${where}: ephemeral`).toBe(c.values.privat === true);
		const png = seen.result.files.some((f) => f.name.endsWith('.png'));
		if (png) expect(findCommand(c.name)?.chart, `${where}: a chart from a command without charts`).toBe(true);
	}
	return seen;
}

/** Sends one autocomplete request; checks that every choice is within Discord's limits and leaks nothing. */
async function runAutocomplete(c: AutocompleteCase): Promise<{ name: string; value: string }[]> {
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
		expect(choice.name, `${where}: would mention`).not.toMatch(MENTION);
	}
	return choices.map((choice) => ({ name: choice.name, value: String(choice.value) }));
}

describe('hostile input through the real bot process', () => {
	it('GIVEN hand-picked hostile commands THEN each is answered as its fixture says', async () => {
		for (const [c, fixture] of CASES) {
			const where = `/${c.name} ${JSON.stringify(c.values).slice(0, 120)}`;
			const seen = await runCommand(c);
			expect(seen.ephemeral, `${where}: ephemeral`).toBe(fixture.ephemeral);
			if (fixture.title !== undefined) expect(seen.embeds[0]?.title, `${where}: title`).toBe(fixture.title);
			else expect(seen.embeds, `${where}: embeds`).toEqual([]);
			if (typeof fixture.content === 'string') expect(seen.content, `${where}: text`).toBe(fixture.content);
			else if (fixture.content) expect(seen.content, `${where}: text`).toMatch(fixture.content);
		}
	}, 60_000);

	it(`GIVEN ${COMMAND_RUNS} generated slash commands with hostile options THEN every reply is within limits, mentions nobody, leaks nothing, and errors are ephemeral`, async () => {
		await fc.assert(
			fc.asyncProperty(commandCase, async (c) => {
				await runCommand(c);
			}),
			{ numRuns: COMMAND_RUNS },
		);
	}, 90_000);

	it('GIVEN hand-picked hostile or half-typed autocomplete values THEN valid choices, and for kommun names the expected ones first', async () => {
		for (const [c, fixture] of AUTOCOMPLETE_CASES) {
			const choices = await runAutocomplete(c);
			if (fixture === undefined) continue;
			const where = `/${c.name} ${c.focused}=${JSON.stringify(c.typed).slice(0, 40)}`;
			if (fixture.length === 0) expect(choices, where).toEqual([]);
			else
				expect(
					choices.slice(0, fixture.length).map((ch) => [ch.name, ch.value]),
					where,
				).toEqual(fixture);
		}
	}, 60_000);

	it(`GIVEN ${AUTOCOMPLETE_RUNS} autocomplete requests with hostile focused values THEN valid choices within Discord's limits`, async () => {
		await fc.assert(
			fc.asyncProperty(autocompleteCase, async (c) => {
				await runAutocomplete(c);
			}),
			{ numRuns: AUTOCOMPLETE_RUNS },
		);
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
		expect(result.embeds[0]?.title).toBe('Så använder du ÖJ-boten');
		expect(result.allowedMentions).toEqual({ parse: [] });
	});
});
