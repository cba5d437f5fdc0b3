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
const optionalNumber = optionalString.pipe(
	z
		.string()
		.optional()
		.transform((v) => (v === undefined ? undefined : Number(v)))
		.pipe(z.number('ska vara ett tal').nonnegative().optional()),
);
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
	/** Unset: the synced dataset when there is one, else the bundled one (see {@link dataLocation}). */
	DATA_PATH: optionalString,
	/** The watches' own file; by default `watches.json` beside DATA_PATH, or data/watches.json. */
	WATCHES_PATH: optionalString,
	OUT_DIR: optionalString.transform((v) => v ?? 'out'),
	LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).optional()).transform((v) => v ?? 'info'),
	KOLADA_API_URL: optionalString
		.pipe(z.url('ska vara en URL').optional())
		.transform((v) => v ?? 'https://api.kolada.se/v3'),
	KOLADA_CONCURRENCY: optionalNumber,
	KOLADA_MIN_INTERVAL_MS: optionalNumber,
	KOLADA_TIMEOUT_MS: optionalNumber,
	KOLADA_MAX_RETRIES: optionalNumber,
	KOLADA_BACKOFF_MS: optionalNumber,
	OJ_OFFLINE: boolean,
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

/** The dataset that comes with the repository (tracked, rebuilt by `npm run build:data`). */
export const BUNDLED_DATA_PATH = 'data/db.json';

/** Where `npm run sync` and `npm run import` write when DATA_PATH is unset (git-ignored). */
export const SYNCED_DATA_PATH = 'data/local/db.json';

/** Which dataset file is read, and why. */
export interface DataLocation {
	readonly file: string;
	/** `configured`: DATA_PATH; `synced`: the local synced copy; `bundled`: the repository's file. */
	readonly origin: 'configured' | 'synced' | 'bundled';
}

/**
 * The files the bot may read, in order of preference: DATA_PATH alone when it is set, else the
 * synced dataset and then the bundled one.
 */
export function dataCandidates(config: Pick<Config, 'DATA_PATH'>): readonly DataLocation[] {
	if (config.DATA_PATH !== undefined) return [{ file: config.DATA_PATH, origin: 'configured' }];
	return [
		{ file: SYNCED_DATA_PATH, origin: 'synced' },
		{ file: BUNDLED_DATA_PATH, origin: 'bundled' },
	];
}

/** The first candidate whose file exists (the last one when none does, so its error names it). */
export function dataLocation(
	config: Pick<Config, 'DATA_PATH'>,
	exists: (file: string) => boolean = existsSync,
): DataLocation {
	const candidates = dataCandidates(config);
	return candidates.find((c) => exists(c.file)) ?? (candidates.at(-1) as DataLocation);
}

/** Where sync and import write: DATA_PATH when set, else the git-ignored synced file. */
export function writableDataPath(config: Pick<Config, 'DATA_PATH'>): string {
	return config.DATA_PATH ?? SYNCED_DATA_PATH;
}

/** Loads `.env` into `process.env` when the file exists (Node ≥ 20.12), without overriding set keys. */
export function loadEnvFile(file = '.env'): void {
	if (existsSync(file)) process.loadEnvFile(file);
}
