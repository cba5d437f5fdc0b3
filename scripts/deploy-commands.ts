/**
 * Registers the slash commands with Discord in one bulk overwrite (PUT), never at bot start-up.
 *
 *   npm run deploy -- --guild [<id>]        a test server (shows at once; id defaults to DISCORD_GUILD_ID)
 *   npm run deploy -- --global              every server (production; can take a while to spread)
 *   npm run deploy -- --clear-guild [<id>]  removes a test server's commands (do this before --global,
 *                                           or members of that server see every command twice)
 *   add --dry-run to print the JSON instead of sending it.
 *
 * Reads DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_API_URL for a proxy or a test server)
 * through loadConfig. Refuses a command set with duplicate names.
 */
import { REST } from '@discordjs/rest';
import { Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, loadEnvFile } from '../src/config.js';

type Target =
	| { readonly kind: 'guild'; readonly guildId: string }
	| { readonly kind: 'global' }
	| { readonly kind: 'clear-guild'; readonly guildId: string };

const USAGE = 'Användning: npm run deploy -- --guild [<id>] | --global | --clear-guild [<id>] [--dry-run]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[], defaultGuild: string | undefined): { target: Target; dryRun: boolean } {
	const dryRun = argv.includes('--dry-run');
	const args = argv.filter((a) => a !== '--dry-run');
	const flags = args.filter((a) => a.startsWith('--'));
	if (flags.length !== 1) throw new UsageError(USAGE);
	const flag = flags[0];
	const value = args[args.indexOf(flag ?? '') + 1];
	const guildId = value !== undefined && !value.startsWith('--') ? value : defaultGuild;
	switch (flag) {
		case '--global':
			return { target: { kind: 'global' }, dryRun };
		case '--guild':
		case '--clear-guild':
			if (guildId === undefined) throw new UsageError(`${flag} behöver ett server-id (eller DISCORD_GUILD_ID).`);
			if (!/^\d{17,20}$/.test(guildId)) throw new UsageError(`${flag}: ”${guildId}” är inget Discord-id.`);
			return { target: { kind: flag === '--guild' ? 'guild' : 'clear-guild', guildId }, dryRun };
		default:
			throw new UsageError(USAGE);
	}
}

/** The command set as Discord takes it; throws when two commands share a name (in any locale). */
function commandSet(): RESTPutAPIApplicationCommandsJSONBody {
	const body = commands.map((c) => c.data.toJSON());
	const names = new Map<string, string>();
	for (const command of body) {
		const localized = Object.entries(command.name_localizations ?? {}).map(([locale, name]) => [locale, name]);
		for (const [locale, name] of [['', command.name], ...localized]) {
			if (name === null || name === undefined) continue;
			const key = `${locale ?? ''}\u0000${name}`;
			const other = names.get(key);
			if (other !== undefined) {
				throw new Error(
					`Kommandonamnet ”${name}”${locale ? ` (${locale})` : ''} används av både /${other} och /${command.name}.`,
				);
			}
			names.set(key, command.name);
		}
	}
	return body;
}

async function main(argv: readonly string[]): Promise<void> {
	loadEnvFile();
	const config = loadConfig();
	const { target, dryRun } = parseArgs(argv, config.DISCORD_GUILD_ID);
	const body = target.kind === 'clear-guild' ? [] : commandSet();
	if (dryRun) {
		process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
		return;
	}
	const token = config.DISCORD_TOKEN;
	const applicationId = config.DISCORD_APPLICATION_ID;
	if (token === undefined || applicationId === undefined) {
		throw new ConfigError('Ogiltig konfiguration:\n  - DISCORD_TOKEN: krävs för att registrera kommandon');
	}
	const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(token);
	const route =
		target.kind === 'global'
			? Routes.applicationCommands(applicationId)
			: Routes.applicationGuildCommands(applicationId, target.guildId);
	const result = (await rest.put(route, { body })) as readonly { readonly name: string }[];
	const where = target.kind === 'global' ? 'globalt' : `i servern ${target.guildId}`;
	if (target.kind === 'clear-guild') process.stdout.write(`Tog bort alla kommandon ${where}.\n`);
	else
		process.stdout.write(
			`Registrerade ${result.length} kommandon ${where}: ${result.map((c) => `/${c.name}`).join(', ')}\n`,
		);
	if (target.kind === 'global') {
		process.stdout.write(
			'Globala kommandon kan ta en stund att synas. Rensa testservrar med --clear-guild så att inget visas dubbelt.\n',
		);
	}
}

try {
	await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof ConfigError || error instanceof UsageError) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 2;
	} else {
		process.stderr.write(`Registreringen misslyckades: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
