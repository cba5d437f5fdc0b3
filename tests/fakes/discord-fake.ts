/**
 * A loopback fake of Discord's gateway and REST API, for end-to-end tests and benchmarks that run the
 * real discord.js client (and the real bot process) against it.
 *
 * One HTTP server on 127.0.0.1 serves both the REST API under `/api/v10` and the gateway WebSocket at
 * `/gateway`. Point discord.js at it with `rest: { api: fake.apiUrl }` and log in with `fake.token`.
 * Tests then dispatch interactions through the gateway and assert on what the bot sends back.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type {
	APIApplicationCommandAutocompleteInteraction,
	APIApplicationCommandInteractionDataOption,
	APIApplicationCommandOptionChoice,
	APIChatInputApplicationCommandInteraction,
	APIEmbed,
	APIInteraction,
	APIInteractionGuildMember,
	APIMessage,
	APIMessageComponentButtonInteraction,
	APIMessageComponentSelectMenuInteraction,
	APIUser,
	Locale,
} from 'discord.js';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

/** Guild announced to the bot after READY (as GUILD_CREATE), so discord.js caches it and its channels. */
export interface FakeGuild {
	readonly id: string;
	readonly name?: string;
	/** Text channels of the guild; messages (mention mode) are only delivered by discord.js in cached channels. */
	readonly channels?: readonly { readonly id: string; readonly name?: string; readonly type?: number }[];
	/** Permissions of the @everyone role (bitfield); default: an ordinary member's, without creating threads. */
	readonly everyonePermissions?: string | bigint;
}

/** A thread the bot started from a message (mention mode). */
export interface FakeThread {
	readonly id: string;
	readonly parentId: string;
	readonly messageId: string;
	readonly name: string;
}

/** Options of {@link DiscordFake.start}. Every field has a default. */
export interface DiscordFakeOptions {
	/** Bot token the client must present (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
	readonly token?: string;
	/** Application id, which is also the bot user's id. Must be a 17–19 digit snowflake for discord.js's buckets. */
	readonly applicationId?: string;
	/** Bot user name. */
	readonly botUsername?: string;
	/** Guilds announced after READY. Defaults to one guild ({@link DEFAULT_GUILD_ID}) with one text channel. */
	readonly guilds?: readonly FakeGuild[];
	/** Time an interaction may wait for its initial callback. Default 3000 ms, as on Discord. */
	readonly interactionWindowMs?: number;
	/** Time the interaction token stays valid for edits and follow-ups after acknowledgement. Default 15 min. */
	readonly tokenLifetimeMs?: number;
	/**
	 * When true (default), an initial callback after the window is refused with 404 10062 like Discord does.
	 * When false it is accepted and recorded as `late`, which suits benchmarks that want the latency anyway.
	 */
	readonly rejectLateCallbacks?: boolean;
	/** Gateway heartbeat interval sent in HELLO. Default 41250 ms. */
	readonly heartbeatIntervalMs?: number;
	/** Artificial latency added before every REST request is handled. Default 0. */
	readonly latencyMs?: number;
	/** Validate message, autocomplete and command payloads against Discord's limits (400 50035). Default true. */
	readonly validate?: boolean;
}

/** A file the bot uploaded (a multipart `files[n]` part). */
export interface FakeFile {
	/** File name as uploaded (or as renamed by the `attachments` entry). */
	readonly name: string;
	readonly contentType: string;
	readonly data: Buffer;
}

/** Names the fake gives to the REST routes it serves; used in recorded requests and by {@link DiscordFake.failNext}. */
export type FakeRoute =
	| 'gatewayBot'
	| 'gateway'
	| 'callback'
	| 'getOriginal'
	| 'editOriginal'
	| 'deleteOriginal'
	| 'followUp'
	| 'getMessage'
	| 'editMessage'
	| 'deleteMessage'
	| 'commands'
	| 'application'
	| 'currentUser'
	| 'channelMessage'
	| 'startThread'
	| 'typing'
	| 'attachment'
	| 'unknown';

/** One HTTP request the fake received, recorded after it was answered. */
export interface RecordedRequest {
	/** Arrival order, from 1. */
	readonly seq: number;
	readonly method: string;
	readonly route: FakeRoute;
	/** Decoded path below `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	/** Path parameters, e.g. `{ interactionId, token }`, `{ applicationId, token, messageId }`, `{ guildId }`. */
	readonly params: Readonly<Record<string, string>>;
	/** Request headers; the Authorization value is replaced by `<redacted>`. */
	readonly headers: Readonly<Record<string, string | undefined>>;
	/** Whether the request carried the right bot token, a wrong one, or none (interaction routes send none). */
	readonly auth: 'bot' | 'invalid' | 'none';
	/** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined when empty. */
	readonly body: unknown;
	readonly files: readonly FakeFile[];
	/** Epoch milliseconds when the request arrived. */
	readonly receivedAt: number;
	/** Status the fake answered with. */
	readonly status: number;
	/** JSON the fake answered with (undefined for 204). */
	readonly responseBody: unknown;
	/** True when the answer came from {@link DiscordFake.failNext}. */
	readonly injected: boolean;
}

/** What the fake hands back from {@link DiscordFake.dispatch}. */
export interface InteractionHandle {
	readonly id: string;
	readonly token: string;
	/** Epoch milliseconds when the interaction was dispatched. */
	readonly sentAt: number;
}

/** What the fake hands back from {@link DiscordFake.dispatchMessage}. */
export interface MessageHandle {
	readonly id: string;
	readonly channelId: string;
	/** Epoch milliseconds when MESSAGE_CREATE was dispatched. */
	readonly sentAt: number;
}

/** Why a request for an interaction was refused. */
export type RejectionReason =
	| 'late'
	| 'expired'
	| 'alreadyAcknowledged'
	| 'notAcknowledged'
	| 'tokenExpired'
	| 'unknownMessage'
	| 'invalid'
	| 'injected';

/** One entry of an interaction's event log. */
export interface InteractionEvent {
	/** `ack` is the initial callback; `rejected` any request for the interaction that was refused. */
	readonly kind: 'ack' | 'editOriginal' | 'deleteOriginal' | 'followUp' | 'editMessage' | 'deleteMessage' | 'rejected';
	/** Milliseconds since dispatch. */
	readonly ms: number;
	/** HTTP status the fake answered with. */
	readonly status: number;
	/** Callback type (for `ack`, and for a refused callback). */
	readonly callbackType?: number;
	/** Message flags as requested (64 = ephemeral). */
	readonly flags?: number;
	/** Id of the message created, edited or deleted. */
	readonly messageId?: string;
	/** Request body (JSON, or `payload_json`). */
	readonly body?: unknown;
	readonly files: readonly FakeFile[];
	/** Autocomplete choices of a type-8 callback. */
	readonly choices?: readonly APIApplicationCommandOptionChoice[];
	/** Whether an `ack` arrived after the response window (only possible with `rejectLateCallbacks: false`). */
	readonly late?: boolean;
	/** For `rejected`: why, and Discord's JSON error code. */
	readonly reason?: RejectionReason;
	readonly code?: number;
}

/** The first visible answer to an interaction, as resolved by {@link DiscordFake.waitForResponse}. */
export interface InteractionResult {
	readonly interactionId: string;
	/** Callback type of the acknowledgement: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
	readonly ackType: number;
	/** Milliseconds from dispatch to the acknowledgement. */
	readonly ackMs: number;
	/** Milliseconds from dispatch to the visible answer (equals `ackMs` unless deferred). */
	readonly answerMs: number;
	readonly ephemeral: boolean;
	/** True when the acknowledgement came after the response window (only with `rejectLateCallbacks: false`). */
	readonly late: boolean;
	/** Message flags of the answer. */
	readonly flags: number;
	/** Message content, as sent by the bot ('' when none). */
	readonly content: string;
	/** Embeds as sent by the bot (`attachment://` URLs left as they are). */
	readonly embeds: readonly APIEmbed[];
	/** Components as sent by the bot. */
	readonly components: readonly unknown[];
	/** Files attached to the answer, with their bytes. */
	readonly files: readonly FakeFile[];
	/** `allowed_mentions` as sent by the bot. */
	readonly allowedMentions: unknown;
	/** Choices of an autocomplete answer (type 8). */
	readonly choices?: readonly APIApplicationCommandOptionChoice[];
	/** Modal data of a type-9 answer. */
	readonly modal?: unknown;
	/** Whether the deferred answer was deleted instead of edited. */
	readonly deleted: boolean;
	/** The message as Discord would return it (undefined for autocomplete and modal answers). */
	readonly message?: APIMessage;
	/** The interaction's event log at the moment of the answer. */
	readonly events: readonly InteractionEvent[];
}

/** Everything the fake knows about one interaction; see {@link DiscordFake.interaction}. */
export interface InteractionState {
	readonly id: string;
	readonly token: string;
	readonly payload: APIInteraction;
	readonly sentAt: number;
	readonly ackType: number | undefined;
	readonly events: readonly InteractionEvent[];
	readonly result: InteractionResult | undefined;
	/** The message `@original` currently refers to, as Discord would return it. */
	readonly original: APIMessage | undefined;
}

/** A message the bot created in a channel (mention mode), as resolved by {@link DiscordFake.waitForChannelReply}. */
export interface ChannelReply {
	/** Milliseconds from the MESSAGE_CREATE dispatch to the reply. */
	readonly ms: number;
	readonly content: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: readonly unknown[];
	readonly files: readonly FakeFile[];
	readonly allowedMentions: unknown;
	/** `message_reference` as sent by the bot. */
	readonly messageReference: unknown;
	readonly message: APIMessage;
}

/** A fault to inject into the next matching REST request(s); see {@link DiscordFake.failNext}. */
export interface FailureRule {
	readonly route: FakeRoute;
	/** HTTP status to answer with, e.g. 429 or 500. */
	readonly status: number;
	/** JSON body; defaults to Discord's body for the status (`{ message, retry_after, global }` for 429). */
	readonly body?: unknown;
	/** For 429: `retry_after` in the body and the `retry-after` header. Default 0.05 s. */
	readonly retryAfterSeconds?: number;
	/** For 429: `x-ratelimit-scope`; `global` also sets `x-ratelimit-global`. Default `user`. */
	readonly scope?: 'user' | 'shared' | 'global';
	/** How many matching requests fail. Default 1. */
	readonly times?: number;
	/** Extra filter, e.g. on `params.interactionId`. */
	readonly match?: (request: { readonly method: string; readonly params: Readonly<Record<string, string>> }) => boolean;
}

/** One IDENTIFY the fake received. */
export interface IdentifyRecord {
	readonly intents: number;
	readonly shard: unknown;
	readonly properties: unknown;
	readonly tokenValid: boolean;
	readonly at: number;
}

/** Counters and history of the gateway side. */
export interface GatewayStats {
	/** WebSocket connections accepted. */
	readonly connections: number;
	/** Successful IDENTIFYs (new sessions). */
	readonly identifies: number;
	/** Successful RESUMEs. */
	readonly resumes: number;
	readonly heartbeats: number;
	/** Whether a session currently has a live, identified or resumed socket. */
	readonly connected: boolean;
	/** Intents of the last IDENTIFY. */
	readonly intents: number | undefined;
	readonly identifyPayloads: readonly IdentifyRecord[];
	/** Closed connections: code and who closed. */
	readonly closes: readonly { readonly code: number; readonly by: 'client' | 'server' }[];
}

/** Options of the interaction payload builders. */
export interface InteractionOptions {
	/** User's client locale. Default `sv-SE`. */
	readonly locale?: `${Locale}`;
	/** Guild's preferred locale. Default `sv-SE`. */
	readonly guildLocale?: `${Locale}`;
	readonly userId?: string;
	readonly username?: string;
	readonly globalName?: string | null;
	/** Guild the interaction comes from; `null` makes it a DM with the bot. Default {@link DEFAULT_GUILD_ID}. */
	readonly guildId?: string | null;
	/** Default: the guild's first channel, or {@link DEFAULT_CHANNEL_ID}. */
	readonly channelId?: string;
	/** Member permissions as a bitfield (string or bigint). Default: an ordinary member's permissions. */
	readonly memberPermissions?: string | bigint;
	/** Bot's permissions in the channel. Default: view, send, embed, attach, history. */
	readonly appPermissions?: string | bigint;
	readonly roles?: readonly string[];
}

/** Options of the component interaction builders. */
export interface ComponentInteractionOptions extends InteractionOptions {
	/**
	 * Message the component sits on: an API message, or the handle of an interaction whose `@original` it is.
	 * Default: the newest bot message with a component of that `custom_id`, or a minimal one made up for it.
	 */
	readonly message?: APIMessage | InteractionHandle;
}

/** Option values accepted by {@link DiscordFake.chatInput}: a record (types inferred) or raw API options. */
export type OptionsInput =
	Readonly<Record<string, string | number | boolean>> | readonly APIApplicationCommandInteractionDataOption[];

/** Refusal of a callback that came too late or for an expired interaction; {@link DiscordFake.waitForResponse} rejects with it. */
export class InteractionExpiredError extends Error {
	/** Refused callback's reason. */
	readonly reason: 'late' | 'expired';
	/** The interaction's event log. */
	readonly events: readonly InteractionEvent[];

	/** Creates the error for one interaction. */
	constructor(interactionId: string, reason: 'late' | 'expired', ms: number, events: readonly InteractionEvent[]) {
		super(
			reason === 'late'
				? `interaction ${interactionId}: initial response ${ms.toFixed(0)} ms after dispatch, past the response window`
				: `interaction ${interactionId}: responded to an expired interaction`,
		);
		this.name = 'InteractionExpiredError';
		this.reason = reason;
		this.events = events;
	}
}

/** Guild id used by default for guilds and interactions. */
export const DEFAULT_GUILD_ID = '1310000000000000100';
/** Text channel id used by default. */
export const DEFAULT_CHANNEL_ID = '1310000000000000200';
/** User id used by default for the interacting user. */
export const DEFAULT_USER_ID = '1310000000000000300';
/** Application (and bot user) id used by default. */
export const DEFAULT_APPLICATION_ID = '1310000000000000001';
/** Bot token used by default. */
export const DEFAULT_TOKEN = 'MTMxMDAwMDAwMDAwMDAwMDAwMQ.loopback.fake-discord-token';

/** Interaction option type numbers. */
export const OptionType = {
	Subcommand: 1,
	SubcommandGroup: 2,
	String: 3,
	Integer: 4,
	Boolean: 5,
	Number: 10,
} as const;

/** Builders of raw interaction options, for when a record's inferred types are not enough (e.g. an integer vs number). */
export const option = {
	/** A string option (type 3). */
	string: (name: string, value: string): APIApplicationCommandInteractionDataOption => api({ type: 3, name, value }),
	/** An integer option (type 4). */
	integer: (name: string, value: number): APIApplicationCommandInteractionDataOption => api({ type: 4, name, value }),
	/** A number option (type 10). */
	number: (name: string, value: number): APIApplicationCommandInteractionDataOption => api({ type: 10, name, value }),
	/** A boolean option (type 5). */
	boolean: (name: string, value: boolean): APIApplicationCommandInteractionDataOption => api({ type: 5, name, value }),
	/** A subcommand (type 1) with its options. */
	subcommand: (name: string, options: OptionsInput = {}): APIApplicationCommandInteractionDataOption =>
		api({ type: 1, name, options: toOptions(options) }),
	/** A subcommand group (type 2) with its subcommands. */
	subcommandGroup: (
		name: string,
		subcommands: readonly APIApplicationCommandInteractionDataOption[],
	): APIApplicationCommandInteractionDataOption => api({ type: 2, name, options: [...subcommands] }),
};

// ---------------------------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** Views a plain JSON object as a discord-api-types payload (whose numeric enums reject bare numbers). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the payload type
function api<T>(value: Json): T {
	return value as unknown as T;
}

/** A string, number or boolean as text; anything else as ''. */
function scalarText(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeCounter = 0n;

/** A fresh snowflake; unique within the process and increasing. */
function snowflake(): string {
	snowflakeCounter = (snowflakeCounter + 1n) & 0x3f_ffffn;
	return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeCounter).toString();
}

const EPHEMERAL = 64;
const LOADING = 128;
const KEPT_MESSAGE_FLAGS = 4 | EPHEMERAL | 4096 | 32768;

const bit = (n: number): bigint => 1n << BigInt(n);
const MEMBER_PERMISSIONS = (
	bit(0) | // create invite
	bit(6) | // add reactions
	bit(10) | // view channel
	bit(11) | // send messages
	bit(14) | // embed links
	bit(15) | // attach files
	bit(16) | // read message history
	bit(18) | // use external emojis
	bit(26) | // change nickname
	bit(31) | // use application commands
	bit(38)
) // send messages in threads
	.toString();
const APP_PERMISSIONS = (bit(6) | bit(10) | bit(11) | bit(14) | bit(15) | bit(16) | bit(18) | bit(38)).toString();

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

interface StoredAttachment {
	readonly id: string;
	readonly filename: string;
	readonly contentType: string;
	readonly data: Buffer;
	readonly description?: string;
	readonly width?: number;
	readonly height?: number;
}

interface StoredMessage {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | undefined;
	readonly createdAt: number;
	readonly type: number;
	editedAt: number | undefined;
	content: string;
	embeds: APIEmbed[];
	components: unknown[];
	flags: number;
	attachments: StoredAttachment[];
	allowedMentions: unknown;
	messageReference: unknown;
	deleted: boolean;
	readonly interaction: InteractionRecord | undefined;
}

interface InteractionRecord {
	readonly id: string;
	readonly token: string;
	readonly type: number;
	readonly payload: APIInteraction;
	readonly sentAt: number;
	readonly startedAt: number;
	deadline: number;
	tokenExpired: boolean;
	ack:
		| {
				readonly type: number;
				readonly flags: number;
				readonly ms: number;
				readonly late: boolean;
				readonly at: number;
		  }
		| undefined;
	originalId: string | undefined;
	readonly messageIds: Set<string>;
	readonly events: InteractionEvent[];
	result: InteractionResult | undefined;
	failure: InteractionExpiredError | undefined;
	/** Waits on this interaction only, so a burst of interactions does not wake every waiter on every request. */
	readonly waiters: Set<Waiter>;
}

interface GatewaySession {
	readonly id: string;
	seq: number;
	readonly frames: { readonly s: number; readonly frame: string }[];
	socket: WebSocket | undefined;
	resumable: boolean;
}

interface GatewayConnection {
	readonly socket: WebSocket;
	session: GatewaySession | undefined;
	closedByServer: boolean;
}

interface Reply {
	readonly status: number;
	readonly body?: unknown;
	readonly headers?: Readonly<Record<string, string>>;
	readonly raw?: { readonly data: Buffer; readonly contentType: string };
}

interface RouteMatch {
	readonly route: FakeRoute;
	readonly params: Record<string, string>;
	readonly methods: readonly string[];
}

interface ParsedRequest {
	readonly method: string;
	readonly route: FakeRoute;
	readonly params: Record<string, string>;
	readonly query: Record<string, string>;
	readonly body: unknown;
	readonly files: FakeFile[];
	readonly fileFields: Map<number, FakeFile>;
	readonly auth: 'bot' | 'invalid' | 'none';
}

interface ValidationErrors {
	[key: string]: ValidationErrors | { code: string; message: string }[];
}

const FRAME_BUFFER_LIMIT = 20_000;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Json {
	return isRecord(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? (value as unknown[]) : [];
}

function asString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
	return typeof value === 'number' ? value : undefined;
}

function toOptions(input: OptionsInput): APIApplicationCommandInteractionDataOption[] {
	if (Array.isArray(input)) return [...(input as readonly APIApplicationCommandInteractionDataOption[])];
	return Object.entries(input as Readonly<Record<string, string | number | boolean>>).map(([name, value]) => {
		if (typeof value === 'string') return option.string(name, value);
		if (typeof value === 'boolean') return option.boolean(name, value);
		return Number.isInteger(value) ? option.integer(name, value) : option.number(name, value);
	});
}

/** Marks the option named `focused` as focused (searching subcommands); adds an empty string option if missing. */
function focusOption(
	options: APIApplicationCommandInteractionDataOption[],
	focused: string,
): APIApplicationCommandInteractionDataOption[] {
	const visit = (list: Json[]): boolean => {
		for (const opt of list) {
			if (opt.type === 1 || opt.type === 2) {
				if (visit(asArray(opt.options) as Json[])) return true;
				continue;
			}
			if (opt.name === focused) {
				opt.focused = true;
				opt.value = scalarText(opt.value);
				return true;
			}
		}
		return false;
	};
	const copy = structuredClone(options) as unknown as Json[];
	if (!visit(copy)) {
		// Put the new option inside the innermost subcommand, if any.
		let target = copy;
		for (;;) {
			const sub = target.find((o) => o.type === 1 || o.type === 2);
			if (!sub) break;
			sub.options ??= [];
			target = sub.options as Json[];
		}
		target.push({ type: 3, name: focused, value: '', focused: true });
	}
	return copy as unknown as APIApplicationCommandInteractionDataOption[];
}

function pngSize(data: Buffer): { width: number; height: number } | undefined {
	if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') {
		return undefined;
	}
	return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function addError(errors: ValidationErrors, path: readonly (string | number)[], code: string, message: string): void {
	let node = errors;
	for (const key of path) {
		const k = String(key);
		const next = node[k];
		if (next === undefined || Array.isArray(next)) {
			const created: ValidationErrors = {};
			node[k] = created;
			node = created;
		} else {
			node = next;
		}
	}
	const list = node._errors;
	if (Array.isArray(list)) list.push({ code, message });
	else node._errors = [{ code, message }];
}

function maxLength(
	errors: ValidationErrors,
	path: readonly (string | number)[],
	value: unknown,
	max: number,
	min = 0,
): void {
	if (value === undefined || value === null) {
		if (min > 0) addError(errors, path, 'BASE_TYPE_REQUIRED', 'This field is required');
		return;
	}
	if (typeof value !== 'string') {
		addError(errors, path, 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
		return;
	}
	if (value.length > max) addError(errors, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
	if (value.length < min) {
		addError(errors, path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
	}
}

function validateEmbeds(errors: ValidationErrors, embeds: unknown): void {
	const list = asArray(embeds);
	if (list.length > 10) addError(errors, ['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
	let total = 0;
	list.forEach((raw, i) => {
		const e = asRecord(raw);
		const p = ['embeds', i];
		maxLength(errors, [...p, 'title'], e.title, 256);
		maxLength(errors, [...p, 'description'], e.description, 4096);
		maxLength(errors, [...p, 'footer', 'text'], asRecord(e.footer).text, 2048);
		maxLength(errors, [...p, 'author', 'name'], asRecord(e.author).name, 256);
		total += (asString(e.title)?.length ?? 0) + (asString(e.description)?.length ?? 0);
		total += (asString(asRecord(e.footer).text)?.length ?? 0) + (asString(asRecord(e.author).name)?.length ?? 0);
		const fields = asArray(e.fields);
		if (fields.length > 25)
			addError(errors, [...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
		fields.forEach((rawField, j) => {
			const f = asRecord(rawField);
			maxLength(errors, [...p, 'fields', j, 'name'], f.name, 256, 1);
			maxLength(errors, [...p, 'fields', j, 'value'], f.value, 1024, 1);
			total += (asString(f.name)?.length ?? 0) + (asString(f.value)?.length ?? 0);
		});
	});
	if (total > 6000) addError(errors, ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function validateComponents(errors: ValidationErrors, components: unknown, flags: number): void {
	const rows = asArray(components);
	const ids = new Set<string>();
	const checkCustomId = (path: (string | number)[], c: Json): void => {
		if (c.custom_id === undefined) return;
		maxLength(errors, [...path, 'custom_id'], c.custom_id, 100, 1);
		const id = asString(c.custom_id);
		if (id === undefined) return;
		if (ids.has(id))
			addError(
				errors,
				[...path, 'custom_id'],
				'COMPONENT_CUSTOM_ID_DUPLICATED',
				'Component custom id cannot be duplicated',
			);
		ids.add(id);
	};
	const visit = (path: (string | number)[], raw: unknown): void => {
		const c = asRecord(raw);
		checkCustomId(path, c);
		if (c.type === 2) maxLength(errors, [...path, 'label'], c.label, 80);
		if (c.type === 3) {
			const opts = asArray(c.options);
			if (opts.length < 1 || opts.length > 25) {
				addError(errors, [...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
			}
			maxLength(errors, [...path, 'placeholder'], c.placeholder, 150);
			opts.forEach((o, k) => {
				const opt = asRecord(o);
				maxLength(errors, [...path, 'options', k, 'label'], opt.label, 100, 1);
				maxLength(errors, [...path, 'options', k, 'value'], opt.value, 100, 1);
				maxLength(errors, [...path, 'options', k, 'description'], opt.description, 100);
			});
		}
		if (c.type === 1) {
			const children = asArray(c.components);
			const buttons = children.filter((x) => asRecord(x).type === 2).length;
			if (
				children.length < 1 ||
				children.length > 5 ||
				(buttons > 0 && buttons !== children.length) ||
				(buttons === 0 && children.length > 1)
			) {
				addError(
					errors,
					[...path, 'components'],
					'BASE_TYPE_BAD_LENGTH',
					'An action row holds 1–5 buttons or one select menu.',
				);
			}
		}
		asArray(c.components).forEach((child, k) => visit([...path, 'components', k], child));
		const accessory = c.accessory;
		if (accessory !== undefined) visit([...path, 'accessory'], accessory);
	};
	if ((flags & 32768) === 0 && rows.length > 5) {
		addError(errors, ['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
	}
	rows.forEach((row, i) => visit(['components', i], row));
}

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateName(errors: ValidationErrors, path: readonly (string | number)[], name: unknown): void {
	if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
		addError(errors, path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
	} else if (name !== name.toLowerCase()) {
		addError(errors, path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name must be lower case');
	}
}

function validateCommandOptions(errors: ValidationErrors, path: (string | number)[], options: unknown): number {
	const list = asArray(options);
	let chars = 0;
	if (list.length > 25) addError(errors, path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
	const names = new Set<string>();
	let sawOptional = false;
	list.forEach((raw, i) => {
		const o = asRecord(raw);
		const p = [...path, i];
		validateName(errors, [...p, 'name'], o.name);
		maxLength(errors, [...p, 'description'], o.description, 100, 1);
		chars += (asString(o.name)?.length ?? 0) + (asString(o.description)?.length ?? 0);
		const name = asString(o.name);
		if (name !== undefined) {
			if (names.has(name))
				addError(
					errors,
					[...p, 'name'],
					'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
					'Option names must be unique',
				);
			names.add(name);
		}
		if (o.type !== 1 && o.type !== 2) {
			if (o.required === true && sawOptional) {
				addError(
					errors,
					p,
					'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
					'Required options must be placed before non-required options',
				);
			}
			if (o.required !== true) sawOptional = true;
		}
		const choices = asArray(o.choices);
		if (choices.length > 25)
			addError(errors, [...p, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
		if (choices.length > 0 && o.autocomplete === true) {
			addError(
				errors,
				[...p, 'autocomplete'],
				'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
				'Autocomplete cannot be used with choices',
			);
		}
		choices.forEach((c, k) => {
			const choice = asRecord(c);
			maxLength(errors, [...p, 'choices', k, 'name'], choice.name, 100, 1);
			if (typeof choice.value === 'string') maxLength(errors, [...p, 'choices', k, 'value'], choice.value, 100, 1);
			chars += (asString(choice.name)?.length ?? 0) + scalarText(choice.value).length;
		});
		if (o.options !== undefined) chars += validateCommandOptions(errors, [...p, 'options'], o.options);
	});
	return chars;
}

function validateCommands(body: unknown): ValidationErrors | undefined {
	const errors: ValidationErrors = {};
	const list = asArray(body);
	if (!Array.isArray(body)) addError(errors, [], 'BASE_TYPE_ARRAY', 'Must be an array.');
	const chatInput = list.filter((c) => (asRecord(c).type ?? 1) === 1);
	if (chatInput.length > 100) addError(errors, [], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
	const names = new Set<string>();
	list.forEach((raw, i) => {
		const c = asRecord(raw);
		const type = asNumber(c.type) ?? 1;
		if (type === 1) validateName(errors, [i, 'name'], c.name);
		else maxLength(errors, [i, 'name'], c.name, 32, 1);
		if (type === 1) maxLength(errors, [i, 'description'], c.description, 100, 1);
		const key = `${type}:${String(c.name)}`;
		if (names.has(key))
			addError(errors, [i, 'name'], 'APPLICATION_COMMAND_ALREADY_EXISTS', 'Application command names must be unique');
		names.add(key);
		const chars =
			(asString(c.name)?.length ?? 0) +
			(asString(c.description)?.length ?? 0) +
			validateCommandOptions(errors, [i, 'options'], c.options);
		if (chars > 4000) addError(errors, [i], 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (4000)');
	});
	return Object.keys(errors).length > 0 ? errors : undefined;
}

function jsonError(status: number, message: string, code: number, errors?: ValidationErrors): Reply {
	return { status, body: errors ? { message, code, errors } : { message, code } };
}

const unknownInteraction = (): Reply => jsonError(404, 'Unknown interaction', 10062);
const alreadyAcknowledged = (): Reply => jsonError(400, 'Interaction has already been acknowledged.', 40060);
const unknownWebhook = (): Reply => jsonError(404, 'Unknown Webhook', 10015);
const unknownMessage = (): Reply => jsonError(404, 'Unknown Message', 10008);
const invalidWebhookToken = (): Reply => jsonError(401, 'Invalid Webhook Token', 50027);
const invalidFormBody = (errors: ValidationErrors): Reply => jsonError(400, 'Invalid Form Body', 50035, errors);

function matchRoute(segments: readonly string[]): RouteMatch | undefined {
	const [a, b, c, d, e, f, ...rest] = segments;
	if (rest.length > 0) return undefined;
	if (a === 'gateway' && b === 'bot' && c === undefined) return { route: 'gatewayBot', params: {}, methods: ['GET'] };
	if (a === 'gateway' && b === undefined) return { route: 'gateway', params: {}, methods: ['GET'] };
	if (a === 'interactions' && b && c && d === 'callback' && e === undefined) {
		return { route: 'callback', params: { interactionId: b, token: c }, methods: ['POST'] };
	}
	if (a === 'webhooks' && b && c) {
		if (d === undefined) return { route: 'followUp', params: { applicationId: b, token: c }, methods: ['POST'] };
		if (d === 'messages' && e && f === undefined) {
			const params = { applicationId: b, token: c, messageId: e };
			return e === '@original'
				? { route: 'getOriginal', params, methods: ['GET', 'PATCH', 'DELETE'] }
				: { route: 'getMessage', params, methods: ['GET', 'PATCH', 'DELETE'] };
		}
	}
	if (a === 'applications' && b === '@me' && c === undefined) {
		return { route: 'application', params: {}, methods: ['GET'] };
	}
	if (a === 'applications' && b && c === 'commands') {
		if (e !== undefined) return undefined;
		return {
			route: 'commands',
			params: d ? { applicationId: b, commandId: d } : { applicationId: b },
			methods: d ? ['GET', 'PATCH', 'DELETE'] : ['GET', 'PUT', 'POST'],
		};
	}
	if (a === 'applications' && b && c === 'guilds' && d && e === 'commands') {
		return {
			route: 'commands',
			params: f ? { applicationId: b, guildId: d, commandId: f } : { applicationId: b, guildId: d },
			methods: f ? ['GET', 'PATCH', 'DELETE'] : ['GET', 'PUT', 'POST'],
		};
	}
	if (a === 'users' && b === '@me' && c === undefined) return { route: 'currentUser', params: {}, methods: ['GET'] };
	if (a === 'channels' && b && c === 'messages' && d && e === 'threads' && f === undefined) {
		return { route: 'startThread', params: { channelId: b, messageId: d }, methods: ['POST'] };
	}
	if (a === 'channels' && b && c === 'messages' && e === undefined) {
		return d
			? { route: 'channelMessage', params: { channelId: b, messageId: d }, methods: ['GET', 'PATCH', 'DELETE'] }
			: { route: 'channelMessage', params: { channelId: b }, methods: ['POST'] };
	}
	if (a === 'channels' && b && c === 'typing' && d === undefined) {
		return { route: 'typing', params: { channelId: b }, methods: ['POST'] };
	}
	return undefined;
}

function refineRoute(route: FakeRoute, method: string): FakeRoute {
	if (route === 'getOriginal')
		return method === 'PATCH' ? 'editOriginal' : method === 'DELETE' ? 'deleteOriginal' : route;
	if (route === 'getMessage') return method === 'PATCH' ? 'editMessage' : method === 'DELETE' ? 'deleteMessage' : route;
	return route;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function parseBody(
	contentType: string | undefined,
	raw: Buffer,
): Promise<{ body: unknown; files: FakeFile[]; fileFields: Map<number, FakeFile> }> {
	const files: FakeFile[] = [];
	const fileFields = new Map<number, FakeFile>();
	if (raw.length === 0) return { body: undefined, files, fileFields };
	if (contentType?.startsWith('multipart/form-data')) {
		const multipart = new Request('http://127.0.0.1/', {
			method: 'POST',
			headers: { 'content-type': contentType },
			body: new Uint8Array(raw),
		});
		// Node's own multipart parser (undici) is plenty for request bodies of test size.
		// eslint-disable-next-line @typescript-eslint/no-deprecated
		const form = await multipart.formData();
		let body: unknown;
		for (const [field, value] of form.entries()) {
			if (typeof value === 'string') {
				if (field === 'payload_json') body = JSON.parse(value) as unknown;
				continue;
			}
			const file: FakeFile = {
				name: value.name,
				contentType: value.type,
				data: Buffer.from(await value.arrayBuffer()),
			};
			files.push(file);
			const index = /^files\[(\d+)\]$/.exec(field)?.[1];
			fileFields.set(index === undefined ? files.length - 1 : Number(index), file);
		}
		return { body, files, fileFields };
	}
	if (contentType?.startsWith('application/json'))
		return { body: JSON.parse(raw.toString('utf8')) as unknown, files, fileFields };
	return { body: raw, files, fileFields };
}

function iso(epochMs: number): string {
	return new Date(epochMs).toISOString();
}

/** `[shard_id, shard_count]` of an IDENTIFY, `[0, 1]` when absent or malformed. */
function shardOf(raw: unknown): [number, number] {
	if (!Array.isArray(raw)) return [0, 1];
	const [id, count] = raw as unknown[];
	return typeof id === 'number' && typeof count === 'number' && count > 0 && id >= 0 && id < count
		? [id, count]
		: [0, 1];
}

function containsCustomId(components: readonly unknown[], customId: string): boolean {
	return components.some((raw) => {
		const c = asRecord(raw);
		if (c.custom_id === customId) return true;
		if (c.accessory !== undefined && containsCustomId([c.accessory], customId)) return true;
		return containsCustomId(asArray(c.components), customId);
	});
}

interface Waiter {
	check(): boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------------------------

/**
 * Loopback fake of Discord's gateway and REST API. Start it with {@link DiscordFake.start}, point discord.js at
 * {@link DiscordFake.apiUrl}, dispatch interactions with {@link DiscordFake.dispatch} and await the bot's answers
 * with {@link DiscordFake.waitForResponse}.
 */
export class DiscordFake {
	/** Bot token the fake accepts. */
	readonly token: string;
	/** Application id (and bot user id). */
	readonly applicationId: string;
	/** Guilds announced after READY. */
	readonly guilds: readonly FakeGuild[];
	/** Value for discord.js `rest.api` (and the bot's `DISCORD_API_URL`), e.g. `http://127.0.0.1:PORT/api`. */
	readonly apiUrl: string;
	/** Gateway URL handed out by `GET /gateway/bot`. */
	readonly gatewayUrl: string;
	/** The bot's user object. */
	readonly botUser: APIUser;

	readonly #server: Server;
	readonly #wss: WebSocketServer;
	readonly #origin: string;
	readonly #windowMs: number;
	readonly #tokenLifetimeMs: number;
	readonly #rejectLate: boolean;
	readonly #heartbeatIntervalMs: number;
	readonly #validate: boolean;
	#latencyMs: number;
	readonly #routeLatency = new Map<FakeRoute, number>();

	readonly #requests: RecordedRequest[] = [];
	#requestSeq = 0;
	readonly #rules: { rule: FailureRule; remaining: number }[] = [];
	readonly #waiters = new Set<Waiter>();

	readonly #interactionsById = new Map<string, InteractionRecord>();
	readonly #interactionsByToken = new Map<string, InteractionRecord>();
	readonly #messages = new Map<string, StoredMessage>();
	readonly #channelMessages: StoredMessage[] = [];
	readonly #threads: FakeThread[] = [];
	readonly #dispatchedMessages = new Set<string>();
	readonly #globalCommands: Json[] = [];
	readonly #guildCommands = new Map<string, Json[]>();
	readonly #commandIds = new Map<string, string>();

	readonly #sessions = new Map<string, GatewaySession>();
	#currentSession: GatewaySession | undefined;
	readonly #connections = new Set<GatewayConnection>();
	#heartbeatAck = true;
	#connectionCount = 0;
	#identifies = 0;
	#resumes = 0;
	#heartbeats = 0;
	readonly #identifyPayloads: IdentifyRecord[] = [];
	readonly #closes: { code: number; by: 'client' | 'server' }[] = [];
	#closed = false;

	private constructor(server: Server, wss: WebSocketServer, port: number, options: DiscordFakeOptions) {
		this.#server = server;
		this.#wss = wss;
		this.token = options.token ?? DEFAULT_TOKEN;
		this.applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
		this.guilds = options.guilds ?? [
			{
				id: DEFAULT_GUILD_ID,
				name: 'Testkommunen',
				channels: [{ id: DEFAULT_CHANNEL_ID, name: 'statistik', type: 0 }],
			},
		];
		this.#origin = `http://127.0.0.1:${port}`;
		this.apiUrl = `${this.#origin}/api`;
		this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
		this.#windowMs = options.interactionWindowMs ?? 3000;
		this.#tokenLifetimeMs = options.tokenLifetimeMs ?? 15 * 60_000;
		this.#rejectLate = options.rejectLateCallbacks ?? true;
		this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
		this.#latencyMs = options.latencyMs ?? 0;
		this.#validate = options.validate ?? true;
		this.botUser = {
			id: this.applicationId,
			username: options.botUsername ?? 'ÖJ-boten',
			discriminator: '0000',
			global_name: null,
			avatar: null,
			bot: true,
		};
	}

	/** Starts the fake on 127.0.0.1 with an ephemeral port. */
	static async start(options: DiscordFakeOptions = {}): Promise<DiscordFake> {
		const server = createServer();
		server.keepAliveTimeout = 60_000;
		const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		const { port } = server.address() as AddressInfo;
		const fake = new DiscordFake(server, wss, port, options);
		server.on('request', (req: IncomingMessage, res: ServerResponse) => {
			fake.#handleHttp(req, res).catch((error: unknown) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: `fake failure: ${String(error)}`, code: 0 }));
				}
			});
		});
		server.on('upgrade', (req, socket, head) => {
			const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
			if (pathname !== '/gateway' && pathname !== '/gateway/') {
				socket.destroy();
				return;
			}
			wss.handleUpgrade(req, socket, head, (ws) => fake.#onConnection(ws, req));
		});
		return fake;
	}

	/** Closes every connection and the server. Pending waits reject. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		for (const conn of this.#connections) conn.socket.terminate();
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
		for (const record of this.#interactionsById.values()) this.#notify(record);
	}

	// -- Configuration ------------------------------------------------------------------------------------------

	/** Sets artificial latency (ms) for every REST request, or only for one route. */
	setLatency(ms: number, route?: FakeRoute): void {
		if (route) this.#routeLatency.set(route, ms);
		else this.#latencyMs = ms;
	}

	/**
	 * Makes the next matching REST request(s) fail, e.g. `{ route: 'callback', status: 429, retryAfterSeconds: 0.1 }`
	 * (discord.js waits and retries) or `{ route: 'editOriginal', status: 500, times: 4 }` (discord.js retries 5xx
	 * three times, so four failures reach the caller). Rules are consumed in the order they were added.
	 */
	failNext(rule: FailureRule): void {
		this.#rules.push({ rule, remaining: rule.times ?? 1 });
	}

	/** Whether heartbeats are acknowledged (default true); without ACKs discord.js treats the connection as a zombie. */
	setHeartbeatAck(enabled: boolean): void {
		this.#heartbeatAck = enabled;
	}

	// -- Interaction payload builders -----------------------------------------------------------------------------

	/** Builds a slash-command (chat input) interaction for `/name`; `options` as a record or raw API options. */
	chatInput(
		name: string,
		options: OptionsInput = {},
		opts: InteractionOptions = {},
	): APIChatInputApplicationCommandInteraction {
		return api<APIChatInputApplicationCommandInteraction>({
			...this.#base(opts),
			type: 2,
			data: { id: this.#commandId(name), name, type: 1, options: toOptions(options) },
		});
	}

	/** Builds an autocomplete interaction for `/name` with the option `focusedOptionName` being typed. */
	autocomplete(
		name: string,
		options: OptionsInput,
		focusedOptionName: string,
		opts: InteractionOptions = {},
	): APIApplicationCommandAutocompleteInteraction {
		return api<APIApplicationCommandAutocompleteInteraction>({
			...this.#base(opts),
			type: 4,
			data: { id: this.#commandId(name), name, type: 1, options: focusOption(toOptions(options), focusedOptionName) },
		});
	}

	/** Builds a button click (component type 2) on a message holding a button with `customId`. */
	button(customId: string, opts: ComponentInteractionOptions = {}): APIMessageComponentButtonInteraction {
		const message = this.#componentMessage(customId, opts, { type: 2, style: 1, label: customId, custom_id: customId });
		return api<APIMessageComponentButtonInteraction>({
			...this.#base(opts),
			type: 3,
			message,
			data: { custom_id: customId, component_type: 2 },
		});
	}

	/** Builds a string-select choice (component type 3) of `values` on a message holding that select menu. */
	stringSelect(
		customId: string,
		values: readonly string[],
		opts: ComponentInteractionOptions = {},
	): APIMessageComponentSelectMenuInteraction {
		const message = this.#componentMessage(customId, opts, {
			type: 3,
			custom_id: customId,
			options: values.map((v) => ({ label: v, value: v })),
		});
		return api<APIMessageComponentSelectMenuInteraction>({
			...this.#base(opts),
			type: 3,
			message,
			data: { custom_id: customId, component_type: 3, values: [...values] },
		});
	}

	/** Builds a guild message from the user that mentions the bot, e.g. `mention('hur många i Malmö?')`. */
	mention(text: string, opts: InteractionOptions = {}): APIMessage {
		const user = this.#user(opts);
		const guildId = opts.guildId === undefined ? (this.guilds[0]?.id ?? DEFAULT_GUILD_ID) : opts.guildId;
		const channelId = opts.channelId ?? this.#defaultChannel(guildId);
		const now = Date.now();
		return api<APIMessage>({
			id: snowflake(),
			channel_id: channelId,
			...(guildId === null ? {} : { guild_id: guildId, member: { ...this.#member(opts), user: undefined } }),
			author: user,
			content: `<@${this.applicationId}> ${text}`,
			timestamp: iso(now),
			edited_timestamp: null,
			tts: false,
			mention_everyone: false,
			mentions: [this.botUser],
			mention_roles: [],
			attachments: [],
			embeds: [],
			pinned: false,
			type: 0,
			flags: 0,
			components: [],
		});
	}

	// -- Gateway dispatch -----------------------------------------------------------------------------------------

	/**
	 * Sends INTERACTION_CREATE. `expired: true` makes every callback answer 404 10062 (as for an interaction whose
	 * window has passed); `windowMs` overrides the response window for this interaction.
	 */
	dispatch(
		payload: APIInteraction,
		opts: { readonly expired?: boolean; readonly windowMs?: number } = {},
	): InteractionHandle {
		const known = this.#interactionsById.get(payload.id);
		if (known) {
			// Redelivery of the same interaction, as Discord may do around a resume: same id, token and window.
			this.dispatchEvent('INTERACTION_CREATE', payload);
			return { id: known.id, token: known.token, sentAt: known.sentAt };
		}
		const startedAt = performance.now();
		const sentAt = Date.now();
		const record: InteractionRecord = {
			id: payload.id,
			token: payload.token,
			type: payload.type,
			payload,
			sentAt,
			startedAt,
			deadline: opts.expired ? Number.NEGATIVE_INFINITY : startedAt + (opts.windowMs ?? this.#windowMs),
			tokenExpired: opts.expired ?? false,
			ack: undefined,
			originalId: undefined,
			messageIds: new Set(),
			events: [],
			result: undefined,
			failure: undefined,
			waiters: new Set(),
		};
		this.#interactionsById.set(record.id, record);
		this.#interactionsByToken.set(record.token, record);
		this.dispatchEvent('INTERACTION_CREATE', payload);
		return { id: record.id, token: record.token, sentAt };
	}

	/** Sends MESSAGE_CREATE (e.g. a message built by {@link DiscordFake.mention}). */
	dispatchMessage(message: APIMessage): MessageHandle {
		const handle: MessageHandle = { id: message.id, channelId: message.channel_id, sentAt: Date.now() };
		this.#dispatchedMessages.add(message.id);
		this.dispatchEvent('MESSAGE_CREATE', message);
		return handle;
	}

	/**
	 * Sends any dispatch event to the current session and returns its sequence number. While the bot is
	 * reconnecting the event is kept and replayed on RESUME. Throws when the bot never identified or closed
	 * its session (close code 1000/1001).
	 */
	dispatchEvent(t: string, d: unknown): number {
		const session = this.#currentSession;
		if (!session) throw new Error('DiscordFake: no gateway session (the bot has not identified yet)');
		if (!session.resumable && !session.socket) {
			throw new Error('DiscordFake: the gateway session has ended (the bot closed it); wait for a new IDENTIFY');
		}
		return this.#send(session, t, d);
	}

	/** Marks an interaction as expired: its initial callback answers 10062 and its token no longer works (50027). */
	expire(handle: InteractionHandle): void {
		const record = this.#interactionsById.get(handle.id);
		if (!record) throw new Error(`DiscordFake: unknown interaction ${handle.id}`);
		record.deadline = Number.NEGATIVE_INFINITY;
		record.tokenExpired = true;
	}

	// -- Gateway fault injection ------------------------------------------------------------------------------------

	/**
	 * Drops the bot's gateway connection: a close frame with `code` (e.g. 4000, after which discord.js resumes),
	 * or, for 1006, the TCP connection is cut without a close frame. Resolves once the socket is closed.
	 */
	async disconnect(code = 4000, reason = ''): Promise<void> {
		const socket = this.#currentSession?.socket;
		if (!socket) throw new Error('DiscordFake: no connected gateway session to disconnect');
		const conn = [...this.#connections].find((c) => c.socket === socket);
		if (conn) conn.closedByServer = true;
		const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
		if (code === 1006) socket.terminate();
		else socket.close(code, reason);
		await closed;
	}

	/** Sends op 7 RECONNECT, asking the bot to reconnect and resume. */
	requestReconnect(): void {
		const socket = this.#currentSession?.socket;
		if (!socket) throw new Error('DiscordFake: no connected gateway session');
		socket.send(JSON.stringify({ op: 7, d: null }));
	}

	/** Gateway counters: connections, identifies, resumes, heartbeats, intents, closes. */
	get gateway(): GatewayStats {
		return {
			connections: this.#connectionCount,
			identifies: this.#identifies,
			resumes: this.#resumes,
			heartbeats: this.#heartbeats,
			connected: this.#currentSession?.socket !== undefined,
			intents: this.#identifyPayloads.at(-1)?.intents,
			identifyPayloads: [...this.#identifyPayloads],
			closes: [...this.#closes],
		};
	}

	// -- Inspection -------------------------------------------------------------------------------------------------

	/** Every recorded REST request so far, in arrival order of their answers. */
	get requests(): readonly RecordedRequest[] {
		return this.#requests;
	}

	/** State and event log of one interaction. */
	interaction(handle: InteractionHandle | string): InteractionState {
		const record = this.#interactionsById.get(typeof handle === 'string' ? handle : handle.id);
		if (!record) throw new Error(`DiscordFake: unknown interaction ${typeof handle === 'string' ? handle : handle.id}`);
		const original = record.originalId === undefined ? undefined : this.#messages.get(record.originalId);
		return {
			id: record.id,
			token: record.token,
			payload: record.payload,
			sentAt: record.sentAt,
			ackType: record.ack?.type,
			events: [...record.events],
			result: record.result,
			original: original && !original.deleted ? this.#toApiMessage(original) : undefined,
		};
	}

	/** Commands stored by the last bulk overwrite (global, or of one guild), as Discord returns them. */
	registeredCommands(guildId?: string): readonly Record<string, unknown>[] {
		return guildId === undefined ? [...this.#globalCommands] : [...(this.#guildCommands.get(guildId) ?? [])];
	}

	/** Every message the bot created (interaction answers, follow-ups, channel messages), as Discord returns them. */
	get messages(): readonly APIMessage[] {
		return [...this.#messages.values()].filter((m) => !m.deleted).map((m) => this.#toApiMessage(m));
	}

	// -- Waiting ----------------------------------------------------------------------------------------------------

	/**
	 * Resolves with the interaction's first visible answer: a type-4 reply, a type-7 update, a type-8 autocomplete
	 * result, a type-9 modal, or, after a type-5/6 deferral, the first edit of `@original` or follow-up (a deleted
	 * deferral also counts, with `deleted: true`). Rejects with {@link InteractionExpiredError} when the callback was
	 * refused as late or expired, and with a descriptive error on timeout (default 10 s).
	 */
	async waitForResponse(
		handle: InteractionHandle,
		opts: { readonly timeoutMs?: number } = {},
	): Promise<InteractionResult> {
		const record = this.#interactionsById.get(handle.id);
		if (!record) throw new Error(`DiscordFake: unknown interaction ${handle.id}`);
		return this.#waitUntil(
			() => {
				if (record.result) return record.result;
				if (record.failure) throw record.failure;
				return undefined;
			},
			opts.timeoutMs ?? 10_000,
			() =>
				`interaction ${record.id} has no answer; events: ${JSON.stringify(record.events.map((e) => ({ kind: e.kind, ms: Math.round(e.ms), status: e.status, type: e.callbackType, reason: e.reason })))}`,
			record.waiters,
		);
	}

	/** Resolves with the first event of the interaction's log that matches `predicate` (including past ones). */
	async waitForInteractionEvent(
		handle: InteractionHandle,
		predicate: (event: InteractionEvent) => boolean,
		opts: { readonly timeoutMs?: number } = {},
	): Promise<InteractionEvent> {
		const record = this.#interactionsById.get(handle.id);
		if (!record) throw new Error(`DiscordFake: unknown interaction ${handle.id}`);
		return this.#waitUntil(
			() => record.events.find(predicate),
			opts.timeoutMs ?? 10_000,
			() => `interaction ${record.id}: no matching event among ${record.events.length}`,
			record.waiters,
		);
	}

	/** Resolves once `count` (default 1) recorded requests match `predicate`, with those requests. */
	async waitForRequests(
		predicate: (request: RecordedRequest) => boolean,
		opts: { readonly count?: number; readonly timeoutMs?: number } = {},
	): Promise<RecordedRequest[]> {
		const count = opts.count ?? 1;
		const matched: RecordedRequest[] = [];
		let scanned = 0;
		return this.#waitUntil(
			() => {
				for (; scanned < this.#requests.length; scanned++) {
					const request = this.#requests[scanned];
					if (request && predicate(request)) matched.push(request);
				}
				return matched.length >= count ? matched.slice(0, count) : undefined;
			},
			opts.timeoutMs ?? 10_000,
			() => `${matched.length} of ${count} matching requests arrived`,
		);
	}

	/** Resolves with the bot's channel message that replies to (or, failing that, follows) the dispatched message. */
	async waitForChannelReply(handle: MessageHandle, opts: { readonly timeoutMs?: number } = {}): Promise<ChannelReply> {
		if (!this.#dispatchedMessages.has(handle.id)) throw new Error(`DiscordFake: unknown message ${handle.id}`);
		return this.#waitUntil(
			() => {
				const replies = this.#channelMessages.filter(
					(m) => m.channelId === handle.channelId && m.createdAt >= handle.sentAt,
				);
				const m =
					replies.find((r) => asRecord(r.messageReference).message_id === handle.id) ??
					replies.find((r) => r.messageReference === undefined);
				if (!m) return undefined;
				return {
					ms: m.createdAt - handle.sentAt,
					content: m.content,
					embeds: m.embeds,
					components: m.components,
					files: m.attachments.map((a) => ({ name: a.filename, contentType: a.contentType, data: a.data })),
					allowedMentions: m.allowedMentions,
					messageReference: m.messageReference,
					message: this.#toApiMessage(m),
				};
			},
			opts.timeoutMs ?? 10_000,
			() => `no reply to message ${handle.id} in channel ${handle.channelId}`,
		);
	}

	/** Resolves when `predicate` holds for the gateway counters, e.g. `(g) => g.resumes >= 1 && g.connected`. */
	async waitForGateway(
		predicate: (stats: GatewayStats) => boolean,
		opts: { readonly timeoutMs?: number } = {},
	): Promise<GatewayStats> {
		return this.#waitUntil(
			() => {
				const stats = this.gateway;
				return predicate(stats) ? stats : undefined;
			},
			opts.timeoutMs ?? 10_000,
			() => `gateway condition not met: ${JSON.stringify(this.gateway)}`,
		);
	}

	/** Resolves once a session is connected and has received READY (or RESUMED), so dispatches reach the bot. */
	async waitForReady(opts: { readonly timeoutMs?: number } = {}): Promise<void> {
		await this.waitForGateway((g) => g.connected, opts);
	}

	#waitUntil<T>(
		check: () => T | undefined,
		timeoutMs: number,
		describe: () => string,
		waiters: Set<Waiter> = this.#waiters,
	): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const pending: { timer?: NodeJS.Timeout } = {};
			const waiter: Waiter = {
				check: () => {
					let value: T | undefined;
					try {
						if (this.#closed) throw new Error(`DiscordFake closed while waiting: ${describe()}`);
						value = check();
					} catch (error) {
						clearTimeout(pending.timer);
						waiters.delete(waiter);
						reject(error instanceof Error ? error : new Error(String(error)));
						return true;
					}
					if (value === undefined) return false;
					clearTimeout(pending.timer);
					waiters.delete(waiter);
					resolve(value);
					return true;
				},
			};
			if (waiter.check()) return;
			waiters.add(waiter);
			pending.timer = setTimeout(() => {
				waiters.delete(waiter);
				reject(new Error(`DiscordFake: timed out after ${timeoutMs} ms: ${describe()}`));
			}, timeoutMs);
		});
	}

	#notify(record?: InteractionRecord): void {
		if (record) for (const waiter of [...record.waiters]) waiter.check();
		for (const waiter of [...this.#waiters]) waiter.check();
	}

	// -- Gateway ----------------------------------------------------------------------------------------------------

	#onConnection(socket: WebSocket, req: IncomingMessage): void {
		const conn: GatewayConnection = { socket, session: undefined, closedByServer: false };
		this.#connections.add(conn);
		this.#connectionCount++;
		socket.on('error', () => undefined);
		socket.on('close', (code) => {
			this.#connections.delete(conn);
			this.#closes.push({ code, by: conn.closedByServer ? 'server' : 'client' });
			const session = conn.session;
			if (session?.socket === socket) {
				session.socket = undefined;
				// A client that closes with 1000/1001 ends its session, like on Discord.
				if (!conn.closedByServer && (code === 1000 || code === 1001)) session.resumable = false;
			}
			this.#notify();
		});
		const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
		if (query.get('v') !== null && query.get('v') !== '10') {
			conn.closedByServer = true;
			socket.close(4012, 'Invalid API version');
			return;
		}
		if (query.get('encoding') === 'etf') {
			conn.closedByServer = true;
			socket.close(4002, 'Error while decoding payload.');
			return;
		}
		socket.on('message', (raw: RawData) => this.#onGatewayMessage(conn, raw));
		socket.send(
			JSON.stringify({ op: 10, d: { heartbeat_interval: this.#heartbeatIntervalMs, _trace: ['fake-gateway'] } }),
		);
		this.#notify();
	}

	#onGatewayMessage(conn: GatewayConnection, raw: RawData): void {
		let payload: Json;
		try {
			payload = asRecord(
				JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8')),
			);
		} catch {
			this.#serverClose(conn, 4002, 'Error while decoding payload.');
			return;
		}
		const d = asRecord(payload.d);
		switch (payload.op) {
			case 1: {
				this.#heartbeats++;
				if (this.#heartbeatAck) conn.socket.send('{"op":11,"d":null}');
				return;
			}
			case 2: {
				if (conn.session) {
					this.#serverClose(conn, 4005, 'Already authenticated.');
					return;
				}
				const tokenValid = this.#tokenMatches(asString(d.token));
				this.#identifyPayloads.push({
					intents: asNumber(d.intents) ?? 0,
					shard: d.shard,
					properties: d.properties,
					tokenValid,
					at: Date.now(),
				});
				if (!tokenValid) {
					this.#serverClose(conn, 4004, 'Authentication failed.');
					return;
				}
				this.#identifies++;
				const session: GatewaySession = {
					id: randomBytes(16).toString('hex'),
					seq: 0,
					frames: [],
					socket: conn.socket,
					resumable: true,
				};
				this.#sessions.set(session.id, session);
				this.#currentSession = session;
				conn.session = session;
				// As on Discord, a shard gets the guilds with (guild_id >> 22) % shard_count === shard_id.
				const [shardId, shardCount] = shardOf(d.shard);
				const guilds = this.guilds.filter((g) => (BigInt(g.id) >> 22n) % BigInt(shardCount) === BigInt(shardId));
				this.#send(session, 'READY', {
					v: 10,
					user: this.botUser,
					guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
					session_id: session.id,
					session_type: 'normal',
					resume_gateway_url: this.gatewayUrl,
					shard: [shardId, shardCount],
					application: { id: this.applicationId, flags: 0 },
					private_channels: [],
					presences: [],
					relationships: [],
					guild_join_requests: [],
					geo_ordered_rtc_regions: [],
					user_settings: {},
					_trace: ['fake-gateway'],
				});
				for (const guild of guilds) this.#send(session, 'GUILD_CREATE', this.#guildCreate(guild));
				this.#notify();
				return;
			}
			case 6: {
				if (!this.#tokenMatches(asString(d.token))) {
					this.#serverClose(conn, 4004, 'Authentication failed.');
					return;
				}
				const session = this.#sessions.get(asString(d.session_id) ?? '');
				const seq = asNumber(d.seq) ?? 0;
				const first = session?.frames[0];
				if (!session?.resumable || (first !== undefined && first.s > seq + 1)) {
					conn.socket.send(JSON.stringify({ op: 9, d: false }));
					return;
				}
				if (session.socket && session.socket !== conn.socket) session.socket.terminate();
				session.socket = conn.socket;
				conn.session = session;
				this.#currentSession = session;
				this.#resumes++;
				for (const frame of session.frames) if (frame.s > seq) conn.socket.send(frame.frame);
				this.#send(session, 'RESUMED', { _trace: ['fake-gateway'] });
				this.#notify();
				return;
			}
			case 3:
			case 4:
			case 8:
				if (!conn.session) this.#serverClose(conn, 4003, 'Not authenticated.');
				return;
			default:
				this.#serverClose(conn, 4001, 'Unknown opcode.');
		}
	}

	#serverClose(conn: GatewayConnection, code: number, reason: string): void {
		conn.closedByServer = true;
		conn.socket.close(code, reason);
	}

	#tokenMatches(token: string | undefined): boolean {
		return token !== undefined && token.replace(/^Bot\s+/i, '') === this.token;
	}

	#send(session: GatewaySession, t: string, d: unknown): number {
		const s = ++session.seq;
		const frame = JSON.stringify({ op: 0, t, s, d });
		session.frames.push({ s, frame });
		if (session.frames.length > FRAME_BUFFER_LIMIT)
			session.frames.splice(0, session.frames.length - FRAME_BUFFER_LIMIT);
		const socket = session.socket;
		if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
		return s;
	}

	#guildCreate(guild: FakeGuild): Json {
		const now = iso(Date.now());
		return {
			id: guild.id,
			name: guild.name ?? 'Testkommunen',
			icon: null,
			splash: null,
			discovery_splash: null,
			banner: null,
			description: null,
			owner_id: DEFAULT_USER_ID,
			afk_channel_id: null,
			afk_timeout: 300,
			verification_level: 0,
			default_message_notifications: 1,
			explicit_content_filter: 0,
			mfa_level: 0,
			nsfw_level: 0,
			premium_tier: 0,
			premium_subscription_count: 0,
			premium_progress_bar_enabled: false,
			system_channel_id: null,
			system_channel_flags: 0,
			rules_channel_id: null,
			public_updates_channel_id: null,
			safety_alerts_channel_id: null,
			vanity_url_code: null,
			preferred_locale: 'sv-SE',
			features: [],
			max_members: 500_000,
			max_video_channel_users: 25,
			application_id: null,
			joined_at: now,
			large: false,
			unavailable: false,
			member_count: 2,
			lazy: true,
			roles: [
				{
					id: guild.id,
					name: '@everyone',
					color: 0,
					colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
					hoist: false,
					icon: null,
					unicode_emoji: null,
					position: 0,
					permissions: String(guild.everyonePermissions ?? MEMBER_PERMISSIONS),
					managed: false,
					mentionable: false,
					flags: 0,
				},
			],
			emojis: [],
			stickers: [],
			channels: (guild.channels ?? []).map((c, position) => ({
				id: c.id,
				type: c.type ?? 0,
				guild_id: guild.id,
				name: c.name ?? `kanal-${position}`,
				position,
				permission_overwrites: [],
				parent_id: null,
				nsfw: false,
				topic: null,
				last_message_id: null,
				rate_limit_per_user: 0,
				flags: 0,
			})),
			threads: [],
			members: [
				{
					user: this.botUser,
					roles: [],
					nick: null,
					avatar: null,
					joined_at: now,
					premium_since: null,
					deaf: false,
					mute: false,
					flags: 0,
					pending: false,
					communication_disabled_until: null,
				},
			],
			presences: [],
			voice_states: [],
			stage_instances: [],
			guild_scheduled_events: [],
			soundboard_sounds: [],
			embedded_activities: [],
		};
	}

	// -- Builders' internals ----------------------------------------------------------------------------------------

	#commandId(name: string): string {
		for (const list of [this.#globalCommands, ...this.#guildCommands.values()]) {
			const found = list.find((c) => c.name === name && (c.type ?? 1) === 1);
			if (found) return String(found.id);
		}
		let id = this.#commandIds.get(name);
		if (id === undefined) {
			id = snowflake();
			this.#commandIds.set(name, id);
		}
		return id;
	}

	#user(opts: InteractionOptions): APIUser {
		return {
			id: opts.userId ?? DEFAULT_USER_ID,
			username: opts.username ?? 'testanvandare',
			discriminator: '0',
			global_name: opts.globalName === undefined ? 'Testanvändare' : opts.globalName,
			avatar: null,
		};
	}

	#member(opts: InteractionOptions): APIInteractionGuildMember {
		return api({
			user: this.#user(opts),
			roles: [...(opts.roles ?? [])],
			permissions: String(opts.memberPermissions ?? MEMBER_PERMISSIONS),
			nick: null,
			avatar: null,
			banner: null,
			joined_at: '2024-01-15T09:00:00.000Z',
			premium_since: null,
			deaf: false,
			mute: false,
			flags: 0,
			pending: false,
			communication_disabled_until: null,
		});
	}

	#defaultChannel(guildId: string | null): string {
		if (guildId === null) return DEFAULT_CHANNEL_ID;
		return this.guilds.find((g) => g.id === guildId)?.channels?.[0]?.id ?? DEFAULT_CHANNEL_ID;
	}

	#base(opts: InteractionOptions): Json {
		const guildId = opts.guildId === undefined ? (this.guilds[0]?.id ?? DEFAULT_GUILD_ID) : opts.guildId;
		const channelId = opts.channelId ?? this.#defaultChannel(guildId);
		const appPermissions = String(opts.appPermissions ?? APP_PERMISSIONS);
		const user = this.#user(opts);
		const common: Json = {
			id: snowflake(),
			application_id: this.applicationId,
			token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
			version: 1,
			app_permissions: appPermissions,
			locale: opts.locale ?? 'sv-SE',
			entitlements: [],
			attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
		};
		if (guildId === null) {
			return {
				...common,
				channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
				channel_id: channelId,
				user,
				authorizing_integration_owners: { '0': '0' },
				context: 1,
			};
		}
		const channelName = this.guilds.find((g) => g.id === guildId)?.channels?.find((c) => c.id === channelId)?.name;
		return {
			...common,
			guild_id: guildId,
			guild: { id: guildId, locale: opts.guildLocale ?? 'sv-SE', features: [] },
			guild_locale: opts.guildLocale ?? 'sv-SE',
			channel: {
				id: channelId,
				type: 0,
				guild_id: guildId,
				name: channelName ?? 'statistik',
				position: 0,
				parent_id: null,
				nsfw: false,
				topic: null,
				last_message_id: null,
				rate_limit_per_user: 0,
				flags: 0,
				permissions: appPermissions,
			},
			channel_id: channelId,
			member: this.#member(opts),
			authorizing_integration_owners: { '0': guildId },
			context: 0,
		};
	}

	#componentMessage(customId: string, opts: ComponentInteractionOptions, fallbackComponent: Json): APIMessage {
		const given = opts.message;
		if (given && 'token' in given) {
			const record = this.#interactionsById.get(given.id);
			const original = record?.originalId === undefined ? undefined : this.#messages.get(record.originalId);
			if (!original) throw new Error(`DiscordFake: interaction ${given.id} has no original message`);
			return this.#toApiMessage(original);
		}
		if (given) return given;
		const stored = [...this.#messages.values()]
			.reverse()
			.find((m) => !m.deleted && containsCustomId(m.components, customId));
		if (stored) return this.#toApiMessage(stored);
		const guildId = opts.guildId === undefined ? (this.guilds[0]?.id ?? DEFAULT_GUILD_ID) : opts.guildId;
		const made = this.#storeMessage({
			channelId: opts.channelId ?? this.#defaultChannel(guildId),
			guildId: guildId ?? undefined,
			type: 0,
			content: '',
			embeds: [],
			components: [{ type: 1, components: [fallbackComponent] }],
			flags: 0,
			attachments: [],
			allowedMentions: undefined,
			messageReference: undefined,
			interaction: undefined,
		});
		return this.#toApiMessage(made);
	}

	// -- Messages ---------------------------------------------------------------------------------------------------

	#storeMessage(m: Omit<StoredMessage, 'id' | 'createdAt' | 'editedAt' | 'deleted'>): StoredMessage {
		const stored: StoredMessage = { ...m, id: snowflake(), createdAt: Date.now(), editedAt: undefined, deleted: false };
		this.#messages.set(stored.id, stored);
		return stored;
	}

	#attachmentUrl(a: StoredAttachment): string {
		return `${this.#origin}/attachments/${a.id}/${encodeURIComponent(a.filename)}`;
	}

	#toApiMessage(m: StoredMessage): APIMessage {
		const attachmentByName = new Map(m.attachments.map((a) => [a.filename, a]));
		const resolveMedia = (media: unknown): unknown => {
			const r = asRecord(media);
			const url = asString(r.url);
			if (url?.startsWith('attachment://')) {
				const a = attachmentByName.get(url.slice('attachment://'.length));
				if (a)
					return {
						...r,
						url: this.#attachmentUrl(a),
						proxy_url: this.#attachmentUrl(a),
						width: a.width,
						height: a.height,
						content_type: a.contentType,
					};
			}
			return media;
		};
		const interaction = m.interaction;
		const payloadData = asRecord(interaction?.payload.data);
		const user = interaction ? (interaction.payload.member?.user ?? interaction.payload.user) : undefined;
		return {
			id: m.id,
			channel_id: m.channelId,
			...(m.guildId === undefined ? {} : { guild_id: m.guildId }),
			author: this.botUser,
			content: m.content,
			timestamp: iso(m.createdAt),
			edited_timestamp: m.editedAt === undefined ? null : iso(m.editedAt),
			tts: false,
			mention_everyone: false,
			mentions: [],
			mention_roles: [],
			attachments: m.attachments.map((a) => ({
				id: a.id,
				filename: a.filename,
				size: a.data.length,
				url: this.#attachmentUrl(a),
				proxy_url: this.#attachmentUrl(a),
				content_type: a.contentType,
				...(a.description === undefined ? {} : { description: a.description }),
				...(a.width === undefined ? {} : { width: a.width, height: a.height }),
			})),
			embeds: m.embeds.map((e) => ({
				type: 'rich',
				...e,
				...(e.image ? { image: resolveMedia(e.image) } : {}),
				...(e.thumbnail ? { thumbnail: resolveMedia(e.thumbnail) } : {}),
			})),
			pinned: false,
			type: m.type,
			flags: m.flags,
			components: m.components,
			...(interaction
				? {
						webhook_id: this.applicationId,
						application_id: this.applicationId,
						interaction_metadata: {
							id: interaction.id,
							type: interaction.type,
							user,
							authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
							...(m.id === interaction.originalId ? {} : { original_response_message_id: interaction.originalId }),
						},
						...(interaction.type === 2
							? { interaction: { id: interaction.id, type: 2, name: payloadData.name, user } }
							: {}),
					}
				: {}),
			...(m.messageReference === undefined ? {} : { message_reference: m.messageReference }),
		} as unknown as APIMessage;
	}

	/** Builds the attachment list of a message from the `attachments` field and the uploaded files. */
	#resolveAttachments(
		existing: readonly StoredAttachment[],
		spec: unknown,
		fileFields: Map<number, FakeFile>,
	): StoredAttachment[] {
		const make = (file: FakeFile, filename?: string, description?: string): StoredAttachment => {
			const size = file.contentType === 'image/png' || file.name.endsWith('.png') ? pngSize(file.data) : undefined;
			return {
				id: snowflake(),
				filename: filename ?? file.name,
				contentType: file.contentType || 'application/octet-stream',
				data: file.data,
				...(description === undefined ? {} : { description }),
				...(size ?? {}),
			};
		};
		if (!Array.isArray(spec)) return [...existing, ...[...fileFields.values()].map((f) => make(f))];
		const used = new Set<number>();
		const result: StoredAttachment[] = [];
		for (const raw of spec) {
			const entry = asRecord(raw);
			const id = scalarText(entry.id);
			const kept = existing.find((a) => a.id === id);
			if (kept) {
				result.push(kept);
				continue;
			}
			const index = Number(id);
			const file = fileFields.get(index);
			if (file) {
				used.add(index);
				result.push(make(file, asString(entry.filename), asString(entry.description)));
			}
		}
		for (const [index, file] of fileFields) if (!used.has(index)) result.push(make(file));
		return result;
	}

	#applyEdit(m: StoredMessage, data: Json, fileFields: Map<number, FakeFile>): void {
		if (data.content !== undefined) m.content = asString(data.content) ?? '';
		if (data.embeds !== undefined) m.embeds = asArray(data.embeds) as APIEmbed[];
		if (data.components !== undefined) m.components = asArray(data.components);
		if (data.allowed_mentions !== undefined) m.allowedMentions = data.allowed_mentions;
		if (data.attachments !== undefined || fileFields.size > 0) {
			m.attachments = this.#resolveAttachments(m.attachments, data.attachments, fileFields);
		}
		const requested = asNumber(data.flags);
		const kept = m.flags & EPHEMERAL;
		m.flags = kept | ((requested ?? m.flags) & KEPT_MESSAGE_FLAGS & ~EPHEMERAL);
		m.editedAt = Date.now();
	}

	#validateMessage(data: Json, requireContent: boolean, fileFields: Map<number, FakeFile>): Reply | undefined {
		for (const file of fileFields.values()) {
			if (file.data.length > ATTACHMENT_SIZE_LIMIT) return jsonError(413, 'Request entity too large', 40005);
		}
		if (!this.#validate) return undefined;
		const errors: ValidationErrors = {};
		maxLength(errors, ['content'], data.content, 2000);
		validateEmbeds(errors, data.embeds);
		validateComponents(errors, data.components, asNumber(data.flags) ?? 0);
		if (Object.keys(errors).length > 0) return invalidFormBody(errors);
		if (requireContent) {
			const empty =
				!asString(data.content) &&
				asArray(data.embeds).length === 0 &&
				asArray(data.components).length === 0 &&
				asArray(data.attachments).length === 0 &&
				fileFields.size === 0 &&
				data.poll === undefined &&
				asArray(data.sticker_ids).length === 0;
			if (empty) return jsonError(400, 'Cannot send an empty message', 50006);
		}
		return undefined;
	}

	// -- REST -------------------------------------------------------------------------------------------------------

	async #handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const receivedAt = Date.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const raw = await readBody(req);

		if (url.pathname.startsWith('/attachments/')) {
			const id = url.pathname.split('/')[2] ?? '';
			const found = [...this.#messages.values()].flatMap((m) => m.attachments).find((a) => a.id === id);
			this.#write(
				res,
				found
					? { status: 200, raw: { data: found.data, contentType: found.contentType } }
					: { status: 404, body: { message: '404: Not Found', code: 0 } },
			);
			return;
		}

		const prefix = '/api/v10/';
		const segments = url.pathname.startsWith(prefix)
			? url.pathname
					.slice(prefix.length)
					.split('/')
					.filter((s) => s !== '')
					.map((s) => decodeURIComponent(s))
			: undefined;
		const match = segments ? matchRoute(segments) : undefined;
		const route = match ? refineRoute(match.route, method) : 'unknown';
		const params = match?.params ?? {};
		const authHeader = req.headers.authorization;
		const auth = authHeader === undefined ? 'none' : authHeader === `Bot ${this.token}` ? 'bot' : 'invalid';
		const headers: Record<string, string | undefined> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			headers[key] = key === 'authorization' ? '<redacted>' : Array.isArray(value) ? value.join(', ') : value;
		}

		let parsed: { body: unknown; files: FakeFile[]; fileFields: Map<number, FakeFile> };
		try {
			parsed = await parseBody(req.headers['content-type'], raw);
		} catch {
			parsed = { body: raw, files: [], fileFields: new Map() };
		}
		const request: ParsedRequest = {
			method,
			route,
			params,
			query: Object.fromEntries(url.searchParams),
			body: parsed.body,
			files: parsed.files,
			fileFields: parsed.fileFields,
			auth,
		};

		const latency = this.#routeLatency.get(route) ?? this.#latencyMs;
		if (latency > 0) await sleep(latency);

		let reply: Reply;
		let injected = false;
		const failure = this.#takeFailure(request);
		if (failure) {
			reply = failure;
			injected = true;
			this.#recordInjected(request, failure);
		} else if (!match) {
			reply = jsonError(404, '404: Not Found', 0);
		} else if (!match.methods.includes(method)) {
			reply = jsonError(405, '405: Method Not Allowed', 0);
		} else {
			reply = this.#route(request);
		}

		this.#write(res, reply);
		this.#requests.push({
			seq: ++this.#requestSeq,
			method,
			route,
			path: segments ? `/${segments.join('/')}` : url.pathname,
			query: request.query,
			params,
			headers,
			auth,
			body: parsed.body,
			files: parsed.files,
			receivedAt,
			status: reply.status,
			responseBody: reply.body,
			injected,
		});
		this.#notify(this.#interactionFor(request));
	}

	#write(res: ServerResponse, reply: Reply): void {
		const headers: Record<string, string> = { ...reply.headers };
		if (reply.raw) {
			headers['content-type'] = reply.raw.contentType;
			res.writeHead(reply.status, headers);
			res.end(reply.raw.data);
		} else if (reply.body === undefined) {
			// No content-type on an empty body: @discordjs/rest would try to parse it as JSON.
			res.writeHead(reply.status, headers);
			res.end();
		} else {
			headers['content-type'] = 'application/json';
			res.writeHead(reply.status, headers);
			res.end(JSON.stringify(reply.body));
		}
	}

	#takeFailure(request: ParsedRequest): Reply | undefined {
		const index = this.#rules.findIndex(
			({ rule }) =>
				rule.route === request.route && (rule.match?.({ method: request.method, params: request.params }) ?? true),
		);
		const entry = this.#rules[index];
		if (!entry) return undefined;
		entry.remaining--;
		if (entry.remaining <= 0) this.#rules.splice(index, 1);
		const { rule } = entry;
		if (rule.status === 429) {
			const retryAfter = rule.retryAfterSeconds ?? 0.05;
			const scope = rule.scope ?? 'user';
			return {
				status: 429,
				body: rule.body ?? {
					message: 'You are being rate limited.',
					retry_after: retryAfter,
					global: scope === 'global',
				},
				headers: {
					'retry-after': String(retryAfter),
					'x-ratelimit-scope': scope,
					...(scope === 'global' ? { 'x-ratelimit-global': 'true' } : {}),
				},
			};
		}
		const defaults: Record<number, Json> = {
			400: { message: '400: Bad Request', code: 0 },
			401: { message: '401: Unauthorized', code: 0 },
			403: { message: 'Missing Permissions', code: 50013 },
			404: { message: '404: Not Found', code: 0 },
			500: { message: '500: Internal Server Error', code: 0 },
			502: { message: '502: Bad Gateway', code: 0 },
			503: { message: '503: Service Unavailable', code: 0 },
		};
		return { status: rule.status, body: rule.body ?? defaults[rule.status] ?? { message: `${rule.status}`, code: 0 } };
	}

	#recordInjected(request: ParsedRequest, reply: Reply): void {
		const record = this.#interactionFor(request);
		if (!record) return;
		record.events.push({
			kind: 'rejected',
			ms: performance.now() - record.startedAt,
			status: reply.status,
			reason: 'injected',
			body: request.body,
			files: request.files,
			...(request.route === 'callback' ? { callbackType: asNumber(asRecord(request.body).type) } : {}),
		});
	}

	#interactionFor(request: ParsedRequest): InteractionRecord | undefined {
		const { interactionId, token } = request.params;
		if (interactionId !== undefined) return this.#interactionsById.get(interactionId);
		return token === undefined ? undefined : this.#interactionsByToken.get(token);
	}

	#route(request: ParsedRequest): Reply {
		switch (request.route) {
			case 'gatewayBot':
				if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
				return {
					status: 200,
					body: {
						url: this.gatewayUrl,
						shards: 1,
						session_start_limit: {
							total: 1000,
							remaining: 1000 - this.#identifies,
							reset_after: 86_400_000,
							max_concurrency: 1,
						},
					},
				};
			case 'gateway':
				return { status: 200, body: { url: this.gatewayUrl } };
			case 'callback':
				return this.#callback(request);
			case 'getOriginal':
			case 'editOriginal':
			case 'deleteOriginal':
			case 'getMessage':
			case 'editMessage':
			case 'deleteMessage':
				return this.#webhookMessage(request);
			case 'followUp':
				return this.#followUp(request);
			case 'commands':
				return this.#commands(request);
			case 'application':
				if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
				return {
					status: 200,
					body: {
						id: this.applicationId,
						name: this.botUser.username,
						icon: null,
						description: '',
						bot_public: false,
						bot_require_code_grant: false,
						verify_key: '0'.repeat(64),
						flags: 0,
						team: null,
						bot: this.botUser,
						owner: { ...this.#user({}), flags: 0 },
						approximate_guild_count: this.guilds.length,
						interactions_endpoint_url: null,
						integration_types_config: { '0': {} },
					},
				};
			case 'currentUser':
				if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
				return { status: 200, body: { ...this.botUser, verified: true, mfa_enabled: false } };
			case 'channelMessage':
				return this.#channelMessage(request);
			case 'startThread':
				return this.#startThread(request);
			case 'typing':
				if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
				return { status: 204 };
			default:
				return jsonError(404, '404: Not Found', 0);
		}
	}

	#reject(
		record: InteractionRecord,
		request: ParsedRequest,
		reply: Reply,
		reason: RejectionReason,
		callbackType?: number,
	): Reply {
		record.events.push({
			kind: 'rejected',
			ms: performance.now() - record.startedAt,
			status: reply.status,
			reason,
			code: asNumber(asRecord(reply.body).code),
			body: request.body,
			files: request.files,
			...(callbackType === undefined ? {} : { callbackType }),
		});
		return reply;
	}

	#callback(request: ParsedRequest): Reply {
		const { interactionId = '', token = '' } = request.params;
		const record = this.#interactionsById.get(interactionId);
		if (record?.token !== token) return unknownInteraction();
		const body = asRecord(request.body);
		const type = asNumber(body.type) ?? 0;
		const data = asRecord(body.data);
		const now = performance.now();
		const ms = now - record.startedAt;
		if (record.ack) return this.#reject(record, request, alreadyAcknowledged(), 'alreadyAcknowledged', type);
		const late = now > record.deadline;
		const expired = record.deadline === Number.NEGATIVE_INFINITY;
		if (late && (this.#rejectLate || expired)) {
			const reason = expired ? 'expired' : 'late';
			record.failure = new InteractionExpiredError(record.id, reason, ms, record.events);
			return this.#reject(record, request, unknownInteraction(), reason, type);
		}

		const allowed: Record<number, readonly number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
		if (!(allowed[record.type] ?? []).includes(type)) {
			const errors: ValidationErrors = {};
			addError(
				errors,
				['type'],
				'INTERACTION_CALLBACK_TYPE_INVALID',
				`Callback type ${type} is not valid for interaction type ${record.type}`,
			);
			return this.#reject(record, request, invalidFormBody(errors), 'invalid', type);
		}
		if (type === 4 || type === 7) {
			const invalid = this.#validateMessage(data, type === 4, request.fileFields);
			if (invalid) {
				// In a callback the message sits under `data`, and so do Discord's error paths.
				const body = asRecord(invalid.body);
				const nested =
					body.errors === undefined ? invalid : { ...invalid, body: { ...body, errors: { data: body.errors } } };
				return this.#reject(record, request, nested, 'invalid', type);
			}
		}
		const choices = asArray(data.choices) as APIApplicationCommandOptionChoice[];
		if (type === 8 && this.#validate) {
			const errors: ValidationErrors = {};
			if (choices.length > 25)
				addError(errors, ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
			choices.forEach((c, i) => {
				maxLength(errors, ['data', 'choices', i, 'name'], c.name, 100, 1);
				if (typeof c.value === 'string') maxLength(errors, ['data', 'choices', i, 'value'], c.value, 100);
			});
			if (Object.keys(errors).length > 0)
				return this.#reject(record, request, invalidFormBody(errors), 'invalid', type);
		}

		const requestedFlags = asNumber(data.flags) ?? 0;
		let original: StoredMessage | undefined;
		const channelId = record.payload.channel?.id ?? DEFAULT_CHANNEL_ID;
		const guildId = record.payload.guild_id;
		const newMessage = (flags: number): StoredMessage =>
			this.#storeMessage({
				channelId,
				guildId,
				type: record.type === 2 ? 20 : 19,
				content: '',
				embeds: [],
				components: [],
				flags,
				attachments: [],
				allowedMentions: undefined,
				messageReference: undefined,
				interaction: record,
			});
		if (type === 4) {
			original = newMessage(requestedFlags & KEPT_MESSAGE_FLAGS);
			this.#applyEdit(original, data, request.fileFields);
			original.editedAt = undefined;
		} else if (type === 5) {
			original = newMessage((requestedFlags & EPHEMERAL) | LOADING);
		} else if (type === 6 || type === 7) {
			original = this.#componentSource(record);
			if (type === 7) this.#applyEdit(original, data, request.fileFields);
		}
		if (original) {
			record.originalId = original.id;
			record.messageIds.add(original.id);
		}
		const ephemeral = ((original?.flags ?? requestedFlags) & EPHEMERAL) !== 0;
		record.ack = { type, flags: original?.flags ?? requestedFlags, ms, late, at: now };
		record.events.push({
			kind: 'ack',
			ms,
			status: request.query.with_response === 'true' ? 200 : 204,
			callbackType: type,
			flags: requestedFlags,
			body: request.body,
			files: request.files,
			late,
			...(original ? { messageId: original.id } : {}),
			...(type === 8 ? { choices } : {}),
		});
		if (type === 4 || type === 7 || type === 8 || type === 9) {
			this.#finish(record, ms, original, {
				choices: type === 8 ? choices : undefined,
				modal: type === 9 ? data : undefined,
				ephemeral,
			});
		}

		if (request.query.with_response !== 'true') return { status: 204 };
		return {
			status: 200,
			body: {
				interaction: {
					id: record.id,
					type: record.type,
					...(original
						? {
								response_message_id: original.id,
								response_message_loading: type === 5,
								response_message_ephemeral: (original.flags & EPHEMERAL) !== 0,
							}
						: {}),
				},
				resource: { type, ...(original && type !== 6 ? { message: this.#toApiMessage(original) } : {}) },
			},
		};
	}

	/** The stored message a component interaction was triggered on (stored from the payload if unknown). */
	#componentSource(record: InteractionRecord): StoredMessage {
		const message = record.payload.message;
		const known = message ? this.#messages.get(message.id) : undefined;
		if (known) return known;
		const raw = asRecord(message);
		const stored: StoredMessage = {
			id: asString(raw.id) ?? snowflake(),
			channelId: asString(raw.channel_id) ?? record.payload.channel?.id ?? DEFAULT_CHANNEL_ID,
			guildId: record.payload.guild_id,
			createdAt: Date.now(),
			type: asNumber(raw.type) ?? 0,
			editedAt: undefined,
			content: asString(raw.content) ?? '',
			embeds: asArray(raw.embeds) as APIEmbed[],
			components: asArray(raw.components),
			flags: asNumber(raw.flags) ?? 0,
			attachments: [],
			allowedMentions: undefined,
			messageReference: undefined,
			deleted: false,
			interaction: undefined,
		};
		this.#messages.set(stored.id, stored);
		return stored;
	}

	#finish(
		record: InteractionRecord,
		answerMs: number,
		message: StoredMessage | undefined,
		extra: {
			choices?: APIApplicationCommandOptionChoice[] | undefined;
			modal?: unknown;
			ephemeral: boolean;
			deleted?: boolean;
		},
	): void {
		const ack = record.ack;
		if (record.result || !ack) return;
		record.result = {
			interactionId: record.id,
			ackType: ack.type,
			ackMs: ack.ms,
			answerMs,
			ephemeral: extra.ephemeral,
			late: ack.late,
			flags: message?.flags ?? ack.flags,
			content: message?.content ?? '',
			embeds: message ? [...message.embeds] : [],
			components: message ? [...message.components] : [],
			files: message
				? message.attachments.map((a) => ({ name: a.filename, contentType: a.contentType, data: a.data }))
				: [],
			allowedMentions: message?.allowedMentions,
			...(extra.choices ? { choices: extra.choices } : {}),
			...(extra.modal === undefined ? {} : { modal: extra.modal }),
			deleted: extra.deleted ?? false,
			...(message && !extra.deleted ? { message: this.#toApiMessage(message) } : {}),
			events: [...record.events],
		};
	}

	/** Checks an interaction webhook request (`/webhooks/:appId/:token…`); returns the record or a refusal. */
	#webhookRecord(request: ParsedRequest): InteractionRecord | Reply {
		const { applicationId, token = '' } = request.params;
		const record = this.#interactionsByToken.get(token);
		if (!record || applicationId !== this.applicationId) return unknownWebhook();
		const now = performance.now();
		if (record.tokenExpired || (record.ack && now > record.ack.at + this.#tokenLifetimeMs)) {
			return this.#reject(record, request, invalidWebhookToken(), 'tokenExpired');
		}
		if (!record.ack) return this.#reject(record, request, unknownWebhook(), 'notAcknowledged');
		return record;
	}

	#webhookMessage(request: ParsedRequest): Reply {
		const found = this.#webhookRecord(request);
		if (!('id' in found)) return found;
		const record = found;
		const isOriginal = request.params.messageId === '@original';
		const messageId = isOriginal ? record.originalId : request.params.messageId;
		const message = messageId === undefined ? undefined : this.#messages.get(messageId);
		if (!message || message.deleted || !record.messageIds.has(message.id)) {
			return this.#reject(record, request, unknownMessage(), 'unknownMessage');
		}
		const ms = performance.now() - record.startedAt;
		if (request.method === 'GET') return { status: 200, body: this.#toApiMessage(message) };
		if (request.method === 'DELETE') {
			message.deleted = true;
			record.events.push({
				kind: isOriginal ? 'deleteOriginal' : 'deleteMessage',
				ms,
				status: 204,
				messageId: message.id,
				files: [],
			});
			if (isOriginal && (record.ack?.type === 5 || record.ack?.type === 6)) {
				this.#finish(record, ms, message, { ephemeral: (message.flags & EPHEMERAL) !== 0, deleted: true });
			}
			return { status: 204 };
		}
		const data = asRecord(request.body);
		const invalid = this.#validateMessage(data, false, request.fileFields);
		if (invalid) return this.#reject(record, request, invalid, 'invalid');
		this.#applyEdit(message, data, request.fileFields);
		message.flags &= ~LOADING;
		record.events.push({
			kind: isOriginal ? 'editOriginal' : 'editMessage',
			ms,
			status: 200,
			messageId: message.id,
			flags: asNumber(data.flags),
			body: request.body,
			files: request.files,
		});
		if (isOriginal && (record.ack?.type === 5 || record.ack?.type === 6)) {
			this.#finish(record, ms, message, { ephemeral: (message.flags & EPHEMERAL) !== 0 });
		}
		return { status: 200, body: this.#toApiMessage(message) };
	}

	#followUp(request: ParsedRequest): Reply {
		const found = this.#webhookRecord(request);
		if (!('id' in found)) return found;
		const record = found;
		const data = asRecord(request.body);
		const invalid = this.#validateMessage(data, true, request.fileFields);
		if (invalid) return this.#reject(record, request, invalid, 'invalid');
		const ms = performance.now() - record.startedAt;
		const original = record.originalId === undefined ? undefined : this.#messages.get(record.originalId);
		let message: StoredMessage;
		if (original && !original.deleted && (original.flags & LOADING) !== 0) {
			// The first follow-up after a deferral replaces the "thinking…" message, keeping the deferral's ephemerality.
			this.#applyEdit(original, data, request.fileFields);
			original.flags &= ~LOADING;
			message = original;
		} else {
			message = this.#storeMessage({
				channelId: record.payload.channel?.id ?? DEFAULT_CHANNEL_ID,
				guildId: record.payload.guild_id,
				type: 0,
				content: '',
				embeds: [],
				components: [],
				flags: (asNumber(data.flags) ?? 0) & KEPT_MESSAGE_FLAGS,
				attachments: [],
				allowedMentions: undefined,
				messageReference: undefined,
				interaction: record,
			});
			this.#applyEdit(message, data, request.fileFields);
			message.editedAt = undefined;
			message.flags = (asNumber(data.flags) ?? 0) & KEPT_MESSAGE_FLAGS;
			record.messageIds.add(message.id);
		}
		record.events.push({
			kind: 'followUp',
			ms,
			status: request.query.wait === 'true' ? 200 : 204,
			messageId: message.id,
			flags: asNumber(data.flags),
			body: request.body,
			files: request.files,
		});
		if (record.ack?.type === 5 || record.ack?.type === 6) {
			this.#finish(record, ms, message, { ephemeral: (message.flags & EPHEMERAL) !== 0 });
		}
		return request.query.wait === 'true' ? { status: 200, body: this.#toApiMessage(message) } : { status: 204 };
	}

	#commands(request: ParsedRequest): Reply {
		if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
		const { applicationId, guildId, commandId } = request.params;
		if (applicationId !== this.applicationId) return jsonError(403, 'Missing Access', 50001);
		let list = guildId === undefined ? this.#globalCommands : this.#guildCommands.get(guildId);
		if (!list) {
			list = [];
			if (guildId !== undefined) this.#guildCommands.set(guildId, list);
		}
		const toCommand = (raw: unknown, previous?: Json): Json => {
			const c = asRecord(raw);
			const type = asNumber(c.type) ?? 1;
			return {
				id: previous?.id ?? list.find((x) => x.name === c.name && x.type === type)?.id ?? snowflake(),
				application_id: this.applicationId,
				version: snowflake(),
				default_member_permissions: null,
				type,
				name: c.name,
				name_localizations: c.name_localizations ?? null,
				description: c.description ?? '',
				description_localizations: c.description_localizations ?? null,
				...(c.options === undefined ? {} : { options: c.options }),
				dm_permission: c.dm_permission ?? true,
				contexts: c.contexts ?? null,
				integration_types: c.integration_types ?? [0],
				nsfw: c.nsfw ?? false,
				...c,
				...(guildId === undefined ? {} : { guild_id: guildId }),
			};
		};
		if (commandId !== undefined) {
			const index = list.findIndex((c) => c.id === commandId);
			const existing = list[index];
			if (!existing) return jsonError(404, 'Unknown application command', 10063);
			if (request.method === 'GET') return { status: 200, body: existing };
			if (request.method === 'DELETE') {
				list.splice(index, 1);
				return { status: 204 };
			}
			const updated = toCommand({ ...existing, ...asRecord(request.body) }, existing);
			list[index] = updated;
			return { status: 200, body: updated };
		}
		if (request.method === 'GET') return { status: 200, body: [...list] };
		if (request.method === 'POST') {
			const errors = this.#validate ? validateCommands([request.body]) : undefined;
			if (errors) return invalidFormBody(errors);
			const command = toCommand(request.body);
			const index = list.findIndex((c) => c.id === command.id);
			if (index >= 0) list[index] = command;
			else list.push(command);
			return { status: index >= 0 ? 200 : 201, body: command };
		}
		const errors = this.#validate ? validateCommands(request.body) : undefined;
		if (errors) return invalidFormBody(errors);
		const next = asArray(request.body).map((c) => toCommand(c));
		list.splice(0, list.length, ...next);
		return { status: 200, body: next };
	}

	#startThread(request: ParsedRequest): Reply {
		if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
		const { channelId = '', messageId = '' } = request.params;
		const data = asRecord(request.body);
		const name = typeof data.name === 'string' ? data.name : '';
		if (name.length === 0 || name.length > 100) return jsonError(400, 'Invalid Form Body', 50035);
		const guild = this.guilds.find((g) => g.channels?.some((c) => c.id === channelId));
		const thread: FakeThread = { id: snowflake(), parentId: channelId, messageId, name };
		this.#threads.push(thread);
		return {
			status: 201,
			body: {
				id: thread.id,
				type: 11,
				guild_id: guild?.id,
				parent_id: channelId,
				name,
				owner_id: this.botUser.id,
				last_message_id: null,
				rate_limit_per_user: 0,
				message_count: 0,
				member_count: 1,
				total_message_sent: 0,
				flags: 0,
				thread_metadata: {
					archived: false,
					auto_archive_duration: typeof data.auto_archive_duration === 'number' ? data.auto_archive_duration : 1440,
					archive_timestamp: iso(Date.now()),
					locked: false,
				},
			},
		};
	}

	/** Threads the bot started from messages. */
	get threads(): readonly FakeThread[] {
		return this.#threads;
	}

	/** Resolves with the thread started from a dispatched message and the bot's first message in it. */
	async waitForThreadReply(
		handle: MessageHandle,
		opts: { readonly timeoutMs?: number } = {},
	): Promise<{ readonly thread: FakeThread; readonly reply: ChannelReply }> {
		return this.#waitUntil(
			() => {
				const thread = this.#threads.find((t) => t.messageId === handle.id);
				const m = thread ? this.#channelMessages.find((c) => c.channelId === thread.id) : undefined;
				if (!thread || !m) return undefined;
				return {
					thread,
					reply: {
						ms: m.createdAt - handle.sentAt,
						content: m.content,
						embeds: m.embeds,
						components: m.components,
						files: m.attachments.map((a) => ({ name: a.filename, contentType: a.contentType, data: a.data })),
						allowedMentions: m.allowedMentions,
						messageReference: m.messageReference,
						message: this.#toApiMessage(m),
					},
				};
			},
			opts.timeoutMs ?? 10_000,
			() => `no thread reply to message ${handle.id}`,
		);
	}

	#channelMessage(request: ParsedRequest): Reply {
		if (request.auth !== 'bot') return jsonError(401, '401: Unauthorized', 0);
		const { channelId = '', messageId } = request.params;
		const data = asRecord(request.body);
		if (messageId !== undefined) {
			const message = this.#messages.get(messageId);
			if (!message || message.deleted || message.channelId !== channelId) return unknownMessage();
			if (request.method === 'GET') return { status: 200, body: this.#toApiMessage(message) };
			if (request.method === 'DELETE') {
				message.deleted = true;
				return { status: 204 };
			}
			const invalid = this.#validateMessage(data, false, request.fileFields);
			if (invalid) return invalid;
			this.#applyEdit(message, data, request.fileFields);
			return { status: 200, body: this.#toApiMessage(message) };
		}
		const invalid = this.#validateMessage(data, true, request.fileFields);
		if (invalid) return invalid;
		const guild = this.guilds.find((g) => g.channels?.some((c) => c.id === channelId));
		const reference = data.message_reference;
		const message = this.#storeMessage({
			channelId,
			guildId: guild?.id,
			type: reference === undefined ? 0 : 19,
			content: '',
			embeds: [],
			components: [],
			flags: 0,
			attachments: [],
			allowedMentions: undefined,
			messageReference: reference,
			interaction: undefined,
		});
		this.#applyEdit(message, data, request.fileFields);
		message.editedAt = undefined;
		this.#channelMessages.push(message);
		return { status: 200, body: this.#toApiMessage(message) };
	}
}
