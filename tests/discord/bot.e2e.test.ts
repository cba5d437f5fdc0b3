/**
 * End to end: the real bot process (`node dist/src/index.js`, as `npm start`) against the
 * Discord fake, driven by real INTERACTION_CREATE events. One bot for the whole file; it runs on a
 * private copy of the bundled dataset with WATCH_DATA on, and logs at trace level so the token check
 * at the end covers discord.js's debug output too.
 *
 * Expected answers come from `tests/fixtures/discord-answers.ts`, written down from the bundled
 * dataset, never from the command modules under test.
 */
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import {
	DiscordFake,
	type InteractionHandle,
	type InteractionResult,
	type OptionsInput,
} from '../fakes/discord-fake.js';
import {
	BISTAND_CANDIDATES,
	CHART_QUERY,
	CHART_TITLE,
	CSV_QUERY,
	FREDA_SOURCES,
	INDICATOR_TITLES,
	MISSING_YEAR_QUERY,
	NO_DATA_YEAR,
	searchTitle,
	TITLES,
} from '../fixtures/discord-answers.js';
import { ROOT, startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

type Values = Readonly<Record<string, string | number | boolean>>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-discord-e2e-'));
const dataPath = path.join(dir, 'db.json');
await copyFile(path.join(ROOT, 'data/db.json'), dataPath);

let fake: DiscordFake;
let bot: BotProcess;

/** The number of values in a dataset file, counted from its JSON. */
async function valuesIn(file: string): Promise<number> {
	const data = JSON.parse(await readFile(file, 'utf8')) as { series: { points: unknown[] }[] };
	return data.series.reduce((n, s) => n + s.points.length, 0);
}

async function run(name: string, options: OptionsInput, opts: Parameters<DiscordFake['chatInput']>[2] = {}) {
	const handle = fake.dispatch(fake.chatInput(name, options, opts));
	return { handle, result: await fake.waitForResponse(handle) };
}

function pngSize(data: Buffer): { width: number; height: number } {
	expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	expect(data.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The ephemeral message that carries an error: the reply itself, or the follow-up after a deleted public placeholder. */
async function errorMessage(handle: InteractionHandle, result: InteractionResult) {
	if (!result.deleted) {
		expect(result.ephemeral).toBe(true);
		return { content: result.content, components: result.components, ms: result.answerMs };
	}
	const followUp = await fake.waitForInteractionEvent(handle, (e) => e.kind === 'followUp');
	expect(followUp.flags).toBe(64);
	const body = followUp.body as { content: string; components?: unknown[]; allowed_mentions?: unknown };
	expect(body.allowed_mentions).toEqual({ parse: [] });
	return { content: body.content, components: body.components ?? [], ms: followUp.ms };
}

function buttonsOf(components: readonly unknown[]): { custom_id: string; label: string }[] {
	return (components as { components: { custom_id: string; label: string; type: number }[] }[]).flatMap((row) =>
		row.components.filter((c) => c.type === 2),
	);
}

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
	bot = await startBotProcess(fake, { env: { DATA_PATH: dataPath, WATCH_DATA: 'true', LOG_LEVEL: 'trace' } });
});

afterAll(async () => {
	await bot.stop();
	await fake.close();
	await rm(dir, { recursive: true, force: true });
});

describe('start-up', () => {
	it('GIVEN the bot logged in THEN it identified with only the Guilds intent and registered nothing', () => {
		expect(fake.gateway.intents).toBe(1);
		expect(fake.requests.filter((r) => r.route === 'commands')).toEqual([]);
		const ready = bot.logs.find((l) => l.msg === 'ready');
		expect(ready?.commands).toEqual(commands.map((c) => c.data.name));
	});
});

describe('autocomplete', () => {
	it('GIVEN "FREDA" in an indikator option THEN U31509 is offered in a direct answer, never deferred', async () => {
		const result = await fake.waitForResponse(
			fake.dispatch(fake.autocomplete('indikator', { indikator: 'FREDA' }, 'indikator')),
		);
		expect(result.ackType).toBe(8);
		expect(result.choices?.map((c) => c.value)).toContain('U31509');
		for (const c of result.choices ?? []) {
			expect(c.name.length).toBeLessThanOrEqual(100);
			expect(String(c.value).length).toBeLessThanOrEqual(100);
		}
		expect(result.choices?.length).toBeLessThanOrEqual(25);
	});

	const kommunCommand = commands.find((c) =>
		c.data.toJSON().options?.some((o) => o.name === 'kommun' && 'autocomplete' in o && o.autocomplete === true),
	);
	it.runIf(kommunCommand)('GIVEN "upp" in a kommun option THEN Upplands Väsby is offered with value 0114', async () => {
		const name = kommunCommand?.data.name ?? '';
		const result = await fake.waitForResponse(fake.dispatch(fake.autocomplete(name, { kommun: 'upp' }, 'kommun')));
		expect(result.choices).toContainEqual({ name: 'Upplands Väsby (Stockholms län)', value: '0114' });
	});

	it('GIVEN an empty indikator option THEN a list is still offered', async () => {
		const result = await fake.waitForResponse(fake.dispatch(fake.autocomplete('indikator', {}, 'indikator')));
		expect(result.choices?.length).toBeGreaterThan(0);
	});
});

describe('text commands', () => {
	it('GIVEN /sök text:upp THEN a public embed with the results and no mentions allowed', async () => {
		const { result } = await run('sök', { text: 'upp' });
		expect(result.ackType).toBe(4);
		expect(result.ephemeral).toBe(false);
		expect(result.embeds[0]?.title).toBe(searchTitle('upp'));
		expect(JSON.stringify(result.embeds[0]?.fields)).toContain('0114');
		expect(result.allowedMentions).toEqual({ parse: [] });
	});

	it('GIVEN /indikator indikator:FREDA THEN the indicator with its fields and sources in the footer', async () => {
		const { result } = await run('indikator', { indikator: 'FREDA' });
		const embed = result.embeds[0];
		expect(embed?.title).toBe(INDICATOR_TITLES.FREDA);
		expect(embed?.fields?.some((f) => f.value.includes('U31509'))).toBe(true);
		expect(embed?.footer?.text).toBe(FREDA_SOURCES);
	});

	it('GIVEN /om and /hjälp THEN each answers with an embed', async () => {
		for (const name of ['om', 'hjälp'] as const) {
			const { result } = await run(name, {});
			expect(result.embeds[0]?.title).toBe(TITLES[name]);
			expect(result.files).toEqual([]);
		}
	});

	it('GIVEN privat:true THEN the result is ephemeral', async () => {
		const { result } = await run('om', { privat: true });
		expect(result.ephemeral).toBe(true);
		expect(result.embeds).toHaveLength(1);
	});

	it('GIVEN privat:ja inside a command line given to /fråga THEN the result is ephemeral', async () => {
		const { result } = await run('fråga', { text: '/om privat:ja' });
		expect(result.ephemeral).toBe(true);
		expect(result.embeds).toHaveLength(1);
	});

	it('GIVEN the en-US locale THEN the reply is in English', async () => {
		const { result } = await run('om', {}, { locale: 'en-US' });
		expect(result.embeds[0]?.title).toBe(TITLES.omEnglish);
	});
});

describe('user errors are ephemeral', () => {
	it('GIVEN an unknown indicator THEN a friendly Swedish message only the user sees', async () => {
		const { handle, result } = await run('indikator', { indikator: 'xyzzyq' });
		const message = await errorMessage(handle, result);
		expect(message.content).toMatch(/^Jag hittar ingen indikator som matchar ”xyzzyq”/);
	});

	it('GIVEN empty input THEN asks for it, ephemerally', async () => {
		const { handle, result } = await run('indikator', { indikator: '' });
		expect((await errorMessage(handle, result)).content).toMatch(/^Skriv en indikator/);
	});

	it('GIVEN English and an unknown indicator THEN the error is English', async () => {
		const { handle, result } = await run('indikator', { indikator: 'xyzzyq' }, { locale: 'en-GB' });
		expect((await errorMessage(handle, result)).content).toMatch(/^I can't find an indicator/);
	});

	it('GIVEN an unknown kommun in a publicly deferred command THEN the placeholder goes and the error is ephemeral', async () => {
		const { handle, result } = await run('värde', { kommun: 'zzxqy', indikator: 'N31814' });
		expect(result.ackType).toBe(5);
		expect(result.deleted).toBe(true);
		expect((await errorMessage(handle, result)).content).toMatch(/^Jag hittar ingen/);
	});

	it('GIVEN a year without data THEN an ephemeral no-data message naming the years that have data', async () => {
		const { handle, result } = await run(MISSING_YEAR_QUERY.name, MISSING_YEAR_QUERY.values);
		const { content } = await errorMessage(handle, result);
		expect(content).toMatch(/^Det finns inget värde för Gotland 1996/);
		expect(content).toContain('Närmaste år med data: 2012');
	});
});

describe('"Menade du …?"', () => {
	it('GIVEN an ambiguous indicator THEN buttons; a click answers with the chosen one and retires the buttons', async () => {
		const { handle, result } = await run('indikator', { indikator: 'bistånd' });
		const message = await errorMessage(handle, result);
		expect(message.content).toMatch(/^”bistånd” kan betyda flera saker\. Menade du …\?/);
		for (const [, label] of BISTAND_CANDIDATES) expect(message.content).toContain(`• ${label}`);
		const buttons = buttonsOf(message.components);
		expect(buttons.map((b) => b.label)).toEqual(BISTAND_CANDIDATES.map(([, label]) => label));
		for (const b of buttons) expect(b.custom_id).toMatch(/^dym:[0-9a-f]{8}:indikator:[A-Z0-9-]+$/);
		const [chosenId, chosenLabel] = BISTAND_CANDIDATES[0] ?? ['', ''];
		const button = buttons.find((b) => b.custom_id.endsWith(`:${chosenId}`));
		const click = fake.dispatch(fake.button(button?.custom_id ?? '', { message: handle }));
		const clicked = await fake.waitForResponse(click);
		expect(clicked.embeds[0]?.title).toBe(INDICATOR_TITLES[chosenId]);
		expect(clicked.ephemeral).toBe(false);
		await expect.poll(() => fake.interaction(handle).original?.components).toEqual([]);
		expect(fake.interaction(handle).original?.content).toBe(`Du valde **${chosenLabel}**.`);

		const again = await fake.waitForResponse(fake.dispatch(fake.button(button?.custom_id ?? '', { message: handle })));
		expect(again.ackType).toBe(7);
		expect(again.content).toBe('Det här valet har gått ut. Kör kommandot igen.');
	});

	it('GIVEN the same choice picked from a select menu THEN it works the same way', async () => {
		const { handle, result } = await run('indikator', { indikator: 'bistånd' });
		const message = await errorMessage(handle, result);
		const key = buttonsOf(message.components)[0]?.custom_id.split(':')[1] ?? '';
		const picked = await fake.waitForResponse(fake.dispatch(fake.stringSelect(`dym:${key}`, ['indikator:N31807'])));
		expect(picked.embeds[0]?.title).toBe(INDICATOR_TITLES.N31807);
	});

	it('GIVEN an ambiguous kommun THEN a click re-runs /värde with the kommun code', async () => {
		const { handle, result } = await run('värde', { kommun: 'upp', indikator: 'N31814' });
		const message = await errorMessage(handle, result);
		const button = buttonsOf(message.components).find((b) => b.custom_id.endsWith(':kommun:0114'));
		expect(button?.label).toBe('Upplands Väsby (Stockholms län)');
		const click = fake.dispatch(fake.button(button?.custom_id ?? ''));
		const clicked = await fake.waitForResponse(click);
		// The bundled dataset has no values for N31814: the re-run answers with Upplands Väsby's no-data message.
		expect((await errorMessage(click, clicked)).content).toMatch(/^Det finns inga värden för Upplands Väsby/);
	});
});

describe('"no data" that helps', () => {
	it('GIVEN the bundled dataset THEN the start log says so, with its coverage and how to fill it', async () => {
		const line = await bot.waitForLog(
			(l) => typeof l.msg === 'string' && l.msg.startsWith('dataset is the bundled one'),
		);
		expect(line.level).toBe('warn');
		expect(line.msg).toBe('dataset is the bundled one; fill it from Kolada with npm run sync');
		expect(line.origin).toBe('Medföljande dataset (uppgifter till och med 2026-03-23)');
		expect(String(line.coverage)).toMatch(/^\d+ av 290 kommuner har värden/);
	});

	it('GIVEN a year without a value THEN choices that answer as buttons; a click answers with the chosen year', async () => {
		const values = { kommun: 'Nyköping', indikator: 'U31001', år: 2023 };
		const { handle, result } = await run('värde', values);
		const message = await errorMessage(handle, result);
		expect(message.content).toBe(NO_DATA_YEAR.message);
		const buttons = buttonsOf(message.components);
		expect(buttons.map((b) => b.label)).toEqual(NO_DATA_YEAR.labels);
		for (const b of buttons) expect(b.custom_id).toMatch(/^dym:[0-9a-f]{8}:år:\d{4}$/);
		const button = buttons.find((b) => b.custom_id.endsWith(':år:2020'));
		const clicked = await fake.waitForResponse(
			fake.dispatch(fake.button(button?.custom_id ?? '', { message: handle })),
		);
		expect(clicked.embeds[0]?.title).toBe(NO_DATA_YEAR.pickedTitle);
	});
});

describe('charts', () => {
	it('GIVEN a chart command THEN a public defer, then an edit with a PNG shown in the embed', async () => {
		const { result } = await run(CHART_QUERY.name, CHART_QUERY.values);
		expect(result.ackType).toBe(5);
		expect(result.ephemeral).toBe(false);
		const png = result.files.find((f) => f.name.endsWith('.png'));
		expect(png?.contentType).toBe('image/png');
		const size = pngSize(png?.data ?? Buffer.alloc(0));
		expect(size.width).toBeGreaterThanOrEqual(800);
		expect(size.height).toBeGreaterThanOrEqual(400);
		expect(result.embeds[0]?.image?.url).toBe(`attachment://${png?.name ?? ''}`);
		expect(result.embeds[0]?.title).toBe(CHART_TITLE);
		expect(result.allowedMentions).toEqual({ parse: [] });
	});

	it('GIVEN privat:true on a chart command THEN deferred ephemerally and answered ephemerally', async () => {
		const { result } = await run(CHART_QUERY.name, { ...CHART_QUERY.values, privat: true });
		expect(result.ackType).toBe(5);
		expect(result.ephemeral).toBe(true);
		expect(result.files.some((f) => f.name.endsWith('.png'))).toBe(true);
	});

	it('GIVEN csv:true THEN the CSV is a second attachment', async () => {
		const { result } = await run(CSV_QUERY.name, CSV_QUERY.values);
		expect(result.files.map((f) => f.name.split('.').pop())).toEqual(['png', 'csv']);
		expect(result.files[1]?.data.toString('utf8').length).toBeGreaterThan(0);
	});

	it('GIVEN /karta with csv:true THEN the map PNG is in the embed and every kommun is in the CSV', async () => {
		const { result } = await run('karta', { indikator: 'N31910', år: 2016, csv: true });
		const png = result.files.find((f) => f.name.endsWith('.png'));
		const csv = result.files.find((f) => f.name.endsWith('.csv'));
		expect(result.files.map((f) => f.name.split('.').pop())).toEqual(['png', 'csv']);
		expect(pngSize(png?.data ?? Buffer.alloc(0))).toEqual({ width: 1000, height: 1000 });
		expect(result.embeds[0]?.image?.url).toBe(`attachment://${png?.name ?? ''}`);
		expect(result.embeds[0]?.title).toBe('Karta: Biståndshushåll, antal 2016');
		expect(csv?.name.endsWith('.csv')).toBe(true);
		expect(csv?.data.toString('utf8').trim().split('\r\n')).toHaveLength(1 + 290);
	});
});

describe('robustness', () => {
	it('GIVEN the same interaction delivered twice THEN it is answered once, the repeat is logged and the bot keeps answering', async () => {
		const payload = fake.chatInput('om', {});
		const handle = fake.dispatch(payload);
		fake.dispatch(payload);
		await fake.waitForResponse(handle);
		await bot.waitForLog(
			(l) => l.msg === 'duplicate delivery of an interaction ignored' && l.interaction === payload.id,
		);
		const events = fake.interaction(handle).events;
		expect(events.filter((e) => e.kind === 'ack')).toHaveLength(1);
		expect(events.filter((e) => e.kind === 'rejected')).toEqual([]);
		expect((await run('hjälp', {})).result.embeds).toHaveLength(1);
	});

	it('GIVEN an expired interaction THEN 10062 is logged, nothing crashes and the next one is answered', async () => {
		const payload = fake.chatInput('indikator', { indikator: 'FREDA' });
		fake.dispatch(payload, { expired: true });
		const line = await bot.waitForLog((l) => l.interaction === payload.id && l.code === 10062);
		expect(line.level).toBe('warn');
		expect(bot.child.exitCode).toBeNull();
		expect((await run('om', {})).result.embeds).toHaveLength(1);
	});

	it('GIVEN a reply that keeps failing with 500 THEN the user gets a reference that is also in the log', async () => {
		const payload = fake.chatInput('om', {}, { userId: '1310000000000000444' });
		fake.failNext({ route: 'callback', status: 500, times: 4, match: (r) => r.params.interactionId === payload.id });
		const result = await fake.waitForResponse(fake.dispatch(payload));
		expect(result.ephemeral).toBe(true);
		const ref = /^Något gick fel \(ref: ([0-9a-f]{8})\)\.$/.exec(result.content)?.[1];
		expect(ref).toBeDefined();
		const line = await bot.waitForLog((l) => l.ref === ref);
		expect(line).toMatchObject({ level: 'error', command: 'om', user: '1310000000000000444' });
		expect(JSON.stringify(line.err)).toContain('stack');
	});

	it('GIVEN 100 interactions at once THEN every one is answered correctly', async () => {
		const mix: { name: string; values: Values; check: (r: InteractionResult) => void }[] = [];
		const indicators = Object.keys(INDICATOR_TITLES);
		const texts = ['upp', 'malmö', 'göteborg', 'FREDA'];
		for (let i = 0; i < 100; i++) {
			switch (i % 5) {
				case 0: {
					const typed = indicators[(i / 5) % indicators.length] ?? 'FREDA';
					const title = INDICATOR_TITLES[typed];
					mix.push({
						name: 'indikator',
						values: { indikator: typed },
						check: (r) => expect(r.embeds[0]?.title).toBe(title),
					});
					break;
				}
				case 1: {
					const text = texts[i % texts.length] ?? 'upp';
					mix.push({ name: 'sök', values: { text }, check: (r) => expect(r.embeds[0]?.title).toBe(searchTitle(text)) });
					break;
				}
				case 2:
					mix.push({ name: 'om', values: {}, check: (r) => expect(r.embeds[0]?.title).toBe(TITLES.om) });
					break;
				case 3:
					mix.push({ name: 'hjälp', values: {}, check: (r) => expect(r.embeds[0]?.title).toBe(TITLES.hjälp) });
					break;
				default:
					mix.push({
						...CHART_QUERY,
						check: (r) => {
							expect(r.embeds[0]?.title).toBe(CHART_TITLE);
							expect(r.files[0]?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
						},
					});
			}
		}
		const handles = mix.map((m, i) =>
			fake.dispatch(fake.chatInput(m.name, m.values, { userId: `13100000000000${String(10000 + i)}` })),
		);
		const results = await Promise.all(handles.map((h) => fake.waitForResponse(h, { timeoutMs: 20_000 })));
		results.forEach((r, i) => {
			expect(r.late).toBe(false);
			mix[i]?.check(r);
		});
	});
});

describe('hot reload', () => {
	it('GIVEN the data file is replaced THEN the bot reloads it and logs the result', async () => {
		const tmp = path.join(dir, '.db.json.tmp');
		await copyFile(dataPath, tmp);
		await rename(tmp, dataPath);
		const line = await bot.waitForLog((l) => l.msg === 'dataset reloaded');
		expect(line.values).toBe(await valuesIn(dataPath));
		expect((await run('om', {})).result.embeds).toHaveLength(1);
	});

	it('GIVEN a broken replacement THEN the error is logged and the old data stays in use', async () => {
		const good = path.join(dir, 'good.json');
		await copyFile(dataPath, good);
		await writeFile(path.join(dir, '.broken.tmp'), '{ not json');
		await rename(path.join(dir, '.broken.tmp'), dataPath);
		await bot.waitForLog((l) => l.msg === 'dataset reload failed; keeping the previous one');
		expect((await run('indikator', { indikator: 'FREDA' })).result.embeds).toHaveLength(1);
		const reloads = bot.logs.filter((l) => l.msg === 'dataset reloaded').length;
		await rename(good, dataPath);
		await expect
			.poll(() => bot.logs.filter((l) => l.msg === 'dataset reloaded').length, { timeout: 10_000 })
			.toBe(reloads + 1);
	});
});

describe('the log', () => {
	it('GIVEN the whole run at trace level THEN the token never appears, and no deprecation warnings were printed', () => {
		const output = bot.output();
		expect(output.length).toBeGreaterThan(1000);
		expect(bot.logs.some((l) => l.level === 'trace')).toBe(true);
		expect(output).not.toContain(fake.token);
		expect(output).not.toContain(fake.token.split('.').at(-1) ?? fake.token);
		expect(output).not.toMatch(/DeprecationWarning/);
	});

	it('GIVEN SIGTERM THEN the bot drains, logs that it stopped and exits with 0', async () => {
		const code = await bot.stop();
		expect(code).toBe(0);
		expect(bot.logs.some((l) => l.msg === 'stopped' && l.drained === true)).toBe(true);
	});
});
