/**
 * Structured logging (pino, one JSON object per line on stdout) that cannot leak the bot token.
 *
 * Three layers: known secret keys are redacted by pino (`token`, `DISCORD_TOKEN`, authorization
 * headers); errors go through {@link serializeError}, which keeps what helps debugging and drops
 * request bodies and headers; and the output stream itself replaces the token, its signature part
 * and interaction tokens in URLs, so even a discord.js debug line or an error message that quotes
 * them is written without them.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** What replaces a secret in the output. */
export const REDACTED = '[redacted]';

/**
 * The strings to scrub for a bot token: the token itself and its last (signature) part. The first
 * part only encodes the bot's public user id.
 */
export function secretsOfToken(token: string | undefined): string[] {
	if (token === undefined || token.length < 8) return [];
	const bare = token.replace(/^Bot\s+/i, '');
	const signature = bare.split('.').at(-1) ?? '';
	return [...new Set([token, bare, ...(signature.length >= 16 ? [signature] : [])])].sort(
		(a, b) => b.length - a.length,
	);
}

const INTERACTION_TOKEN_IN_URL = /(\/(?:interactions|webhooks)\/\d{15,21}\/)([A-Za-z0-9_.-]{20,})/g;

/** Replaces interaction and webhook tokens in URLs (`/interactions/:id/:token`, `/webhooks/:id/:token`). */
export function redactUrl(text: string): string {
	return text.replace(INTERACTION_TOKEN_IN_URL, `$1${REDACTED}`);
}

/** Replaces every secret (and URL tokens) in a line of output. */
export function scrub(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
	return redactUrl(out);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * A log-safe view of an error: type, message, stack, and for Discord errors the JSON code, HTTP
 * status, method, URL (tokens removed) and validation errors. Request bodies (which hold uploaded
 * files and user text) and headers are never included. Causes are followed three levels deep.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
	if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
	const out: Record<string, unknown> = {
		type: error.name || error.constructor.name,
		message: redactUrl(error.message),
	};
	const raw = error as unknown as Record<string, unknown>;
	if (typeof raw.code === 'number' || typeof raw.code === 'string') out.code = raw.code;
	if (typeof raw.status === 'number') out.status = raw.status;
	if (typeof raw.method === 'string') out.method = raw.method;
	if (typeof raw.url === 'string') out.url = redactUrl(raw.url);
	if (isRecord(raw.rawError) && isRecord(raw.rawError.errors)) out.errors = raw.rawError.errors;
	if (error.stack) out.stack = redactUrl(error.stack);
	if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
	return out;
}

/** Options of {@link createLogger}. */
export interface LoggerSetup {
	readonly level: string;
	/** The bot token (or any secret) to keep out of the output. */
	readonly secrets?: readonly string[];
	/** Where lines go; default stdout. */
	readonly destination?: { write(line: string): unknown };
	/** Fields on every line, e.g. the shard ids. */
	readonly base?: Record<string, unknown>;
}

/** Keys whose values are always replaced, wherever a logged object holds them. */
export const REDACT_PATHS = [
	'token',
	'*.token',
	'DISCORD_TOKEN',
	'*.DISCORD_TOKEN',
	'authorization',
	'headers.authorization',
	'headers.Authorization',
	'*.headers.authorization',
	'*.headers.Authorization',
];

/** A pino logger whose output never contains the given secrets. */
export function createLogger(setup: LoggerSetup): Logger {
	const secrets = [...(setup.secrets ?? [])];
	const target = setup.destination ?? process.stdout;
	const stream: DestinationStream = { write: (line: string) => target.write(scrub(line, secrets)) };
	const options: LoggerOptions = {
		level: setup.level,
		base: { pid: process.pid, ...setup.base },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: { paths: REDACT_PATHS, censor: REDACTED },
		serializers: { err: (e: unknown) => serializeError(e), error: (e: unknown) => serializeError(e) },
		formatters: { level: (label) => ({ level: label }) },
	};
	return pino(options, stream);
}
