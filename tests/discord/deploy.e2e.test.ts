/**
 * `npm run deploy` (the compiled `scripts/deploy-commands.ts`) against the Discord fake: one bulk-overwrite PUT of the whole command
 * set, checked against discord.js's own builders by rebuilding every command from the JSON sent.
 */
import { spawn } from 'node:child_process';
import {
	ApplicationCommandOptionType,
	SlashCommandBuilder,
	type APIApplicationCommandBasicOption,
	type APIApplicationCommandOption,
	type SlashCommandSubcommandBuilder,
	type APIApplicationCommandOptionChoice,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { DiscordFake } from '../fakes/discord-fake.js';
import { compiled, ROOT } from '../helpers/compiled.js';
import { botEnv } from './bot-process.js';

const GUILD = '1310000000000000777';

let fake: DiscordFake;

function deploy(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [compiled('scripts/deploy-commands.ts'), ...args], {
			cwd: ROOT,
			env: botEnv(fake, env),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
		child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
		child.on('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

type Json = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Rebuilds a command from its JSON with discord.js's SlashCommandBuilder, whose setters and toJSON
 * validate names, descriptions, localisations, lengths, choices and option order as Discord requires.
 */
/** What options can be added to: a command or a subcommand. */
type OptionHost = Pick<
	SlashCommandSubcommandBuilder,
	'addStringOption' | 'addIntegerOption' | 'addNumberOption' | 'addBooleanOption' | 'addChannelOption'
>;

function addOptions(host: OptionHost, options: readonly APIApplicationCommandOption[]): void {
	for (const raw of options) {
		const o = raw as APIApplicationCommandBasicOption & {
			choices?: APIApplicationCommandOptionChoice[];
			autocomplete?: boolean;
			min_length?: number;
			max_length?: number;
			min_value?: number;
			max_value?: number;
		};
		const common = <T>(option: T): T => {
			const b = option as unknown as {
				setName(n: string): unknown;
				setDescription(d: string): unknown;
				setNameLocalizations(l: unknown): unknown;
				setDescriptionLocalizations(l: unknown): unknown;
				setRequired(r: boolean): unknown;
			};
			b.setName(o.name);
			b.setDescription(o.description);
			if (o.name_localizations) b.setNameLocalizations(o.name_localizations);
			if (o.description_localizations) b.setDescriptionLocalizations(o.description_localizations);
			b.setRequired(o.required ?? false);
			return option;
		};
		switch (o.type) {
			case ApplicationCommandOptionType.String:
				host.addStringOption((s) => {
					common(s);
					if (o.autocomplete === true) s.setAutocomplete(true);
					if (o.min_length !== undefined) s.setMinLength(o.min_length);
					if (o.max_length !== undefined) s.setMaxLength(o.max_length);
					if (o.choices) s.addChoices(...(o.choices as { name: string; value: string }[]));
					return s;
				});
				break;
			case ApplicationCommandOptionType.Integer:
				host.addIntegerOption((s) => {
					common(s);
					if (o.autocomplete === true) s.setAutocomplete(true);
					if (o.min_value !== undefined) s.setMinValue(o.min_value);
					if (o.max_value !== undefined) s.setMaxValue(o.max_value);
					if (o.choices) s.addChoices(...(o.choices as { name: string; value: number }[]));
					return s;
				});
				break;
			case ApplicationCommandOptionType.Number:
				host.addNumberOption((s) => {
					common(s);
					if (o.min_value !== undefined) s.setMinValue(o.min_value);
					if (o.max_value !== undefined) s.setMaxValue(o.max_value);
					return s;
				});
				break;
			case ApplicationCommandOptionType.Boolean:
				host.addBooleanOption((s) => common(s));
				break;
			case ApplicationCommandOptionType.Channel:
				host.addChannelOption((s) => {
					common(s);
					const types = (o as { channel_types?: Parameters<typeof s.addChannelTypes> }).channel_types;
					if (types) s.addChannelTypes(...types);
					return s;
				});
				break;
			default:
				throw new Error(`option type ${String(o.type)} is not rebuilt by this test`);
		}
	}
}

function rebuild(json: Json): Json {
	const builder = new SlashCommandBuilder().setName(json.name).setDescription(json.description);
	if (json.name_localizations) builder.setNameLocalizations(json.name_localizations);
	if (json.description_localizations) builder.setDescriptionLocalizations(json.description_localizations);
	if (json.default_member_permissions !== undefined)
		builder.setDefaultMemberPermissions(json.default_member_permissions);
	if (json.contexts) builder.setContexts(...json.contexts);
	const options = json.options ?? [];
	const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
	for (const sub of subcommands) {
		builder.addSubcommand((b) => {
			b.setName(sub.name).setDescription(sub.description);
			if (sub.name_localizations) b.setNameLocalizations(sub.name_localizations);
			if (sub.description_localizations) b.setDescriptionLocalizations(sub.description_localizations);
			addOptions(b, sub.options ?? []);
			return b;
		});
	}
	addOptions(
		builder as unknown as OptionHost,
		options.filter((o) => o.type !== ApplicationCommandOptionType.Subcommand),
	);
	// As sent over HTTP: keys whose value is undefined disappear.
	return JSON.parse(JSON.stringify(builder.toJSON())) as Json;
}

beforeAll(async () => {
	fake = await DiscordFake.start();
});

afterAll(async () => {
	await fake.close();
});

describe('npm run deploy', () => {
	it('GIVEN --guild <id> THEN one authenticated PUT of every command to that guild, valid by discord.js’s builders', async () => {
		const { code, stdout, stderr } = await deploy(['--guild', GUILD]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain(`Registrerade ${commands.length} kommandon i servern ${GUILD}`);
		const puts = fake.requests.filter((r) => r.route === 'commands');
		expect(puts).toHaveLength(1);
		const put = puts[0];
		expect(put?.method).toBe('PUT');
		expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${GUILD}/commands`);
		expect(put?.auth).toBe('bot');
		expect(put?.status).toBe(200);
		const body = put?.body as Json[];
		expect(body).toEqual(commands.map((c) => c.data.toJSON()));
		for (const command of body) expect(rebuild(command)).toEqual(command);
		const names = body.map((c) => c.name);
		expect(new Set(names).size).toBe(names.length);
		const english = body.map((c) => c.name_localizations?.['en-US'] ?? c.name);
		expect(new Set(english).size).toBe(english.length);
		expect(fake.registeredCommands(GUILD).map((c) => c.name)).toEqual(names);
		expect(fake.registeredCommands()).toEqual([]);
	});

	it('GIVEN --clear-guild <id> THEN the guild’s commands are replaced by none', async () => {
		const { code, stdout } = await deploy(['--clear-guild', GUILD]);
		expect(code).toBe(0);
		expect(stdout).toContain(`Tog bort alla kommandon i servern ${GUILD}`);
		expect(fake.registeredCommands(GUILD)).toEqual([]);
	});

	it('GIVEN --global THEN the set goes to the application’s global commands', async () => {
		const { code } = await deploy(['--global']);
		expect(code).toBe(0);
		const last = fake.requests.filter((r) => r.route === 'commands').at(-1);
		expect(last?.path).toBe(`/applications/${fake.applicationId}/commands`);
		expect(fake.registeredCommands().map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
	});

	it('GIVEN --guild without an id THEN DISCORD_GUILD_ID is used', async () => {
		const { code } = await deploy(['--guild'], { DISCORD_GUILD_ID: '1310000000000000778' });
		expect(code).toBe(0);
		expect(fake.registeredCommands('1310000000000000778')).toHaveLength(commands.length);
	});

	it('GIVEN no target or a bad id THEN usage on stderr, exit 2 and nothing sent', async () => {
		const before = fake.requests.length;
		const none = await deploy([]);
		expect(none.code).toBe(2);
		expect(none.stderr).toContain('Användning: npm run deploy');
		const bad = await deploy(['--guild', 'abc']);
		expect(bad.code).toBe(2);
		expect(fake.requests.length).toBe(before);
	});

	it('GIVEN an invalid application id THEN the configuration error names the key', async () => {
		const { code, stderr } = await deploy(['--global'], { DISCORD_APPLICATION_ID: 'inte-ett-id' });
		expect(code).toBe(2);
		expect(stderr).toContain('DISCORD_APPLICATION_ID');
		expect(stderr).not.toContain(fake.token);
	});
});
