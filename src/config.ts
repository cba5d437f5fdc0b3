/**
 * Configuration from the environment, parsed and validated once. Nothing else reads `process.env`.
 * Errors name the key that is wrong; the token's value never appears in a message or a log.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = z.string().regex(/^\d{17,20}$/, 'ska vara ett Discord-id (17–20 siffror)');
const optionalString = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const boolean = z
	.enum(['true', 'false', '1', '0', 'yes', 'no', 'ja', 'nej', ''])
	.optional()
	.transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'ja');
const positiveNumber = (fallback: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v)))
		.pipe(z.number('ska vara ett tal').nonnegative());

const envSchema = z.object({
	DISCORD_TOKEN: optionalString,
	DISCORD_APPLICATION_ID: optionalString.pipe(snowflake.optional()),
	DISCORD_GUILD_ID: optionalString.pipe(snowflake.optional()),
	DISCORD_API_URL: optionalString.pipe(z.url('ska vara en URL, t.ex. http://127.0.0.1:8080/api').optional()),
	DATA_PATH: optionalString.transform((v) => v ?? 'data/db.json'),
	/** The watches' own file; by default `watches.json` beside the dataset. */
	WATCHES_PATH: optionalString,
	OUT_DIR: optionalString.transform((v) => v ?? 'out'),
	LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).optional()).transform((v) => v ?? 'info'),
	KOLADA_API_URL: optionalString
		.pipe(z.url('ska vara en URL').optional())
		.transform((v) => v ?? 'https://api.kolada.se/v3'),
	CHART_COOLDOWN_SECONDS: positiveNumber(5),
	RENDER_CONCURRENCY: positiveNumber(2).pipe(z.number().int().min(1).max(16)),
	SHARDS: optionalString.transform((v) => v ?? 'auto'),
	MENTION_MODE: boolean,
	WATCH_DATA: optionalString.transform((v) => v !== 'false' && v !== '0'),
});

/** The validated configuration. */
export type Config = z.infer<typeof envSchema>;

/** Configuration is invalid; the message names every offending key (never a secret's value). */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/**
 * Parses configuration from an environment record (default `process.env`). Throws
 * {@link ConfigError} naming the keys that are wrong.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Readonly<Config> {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigError(`Ogiltig konfiguration:\n  - ${lines.join('\n  - ')}`);
	}
	const config = parsed.data;
	if (config.DISCORD_TOKEN !== undefined && config.DISCORD_APPLICATION_ID === undefined) {
		throw new ConfigError('Ogiltig konfiguration:\n  - DISCORD_APPLICATION_ID: krävs när DISCORD_TOKEN är satt');
	}
	return Object.freeze(config);
}

/** Loads `.env` into `process.env` when the file exists (Node ≥ 20.12), without overriding set keys. */
export function loadEnvFile(file = '.env'): void {
	if (existsSync(file)) process.loadEnvFile(file);
}
