/**
 * A typed, polite and robust client for the Kolada API v3.
 *
 * Politeness: at most `concurrency` requests in flight and at least `minIntervalMs` between the
 * starts of two requests (shared by every call on one client). Robustness: a per-request timeout,
 * retries with exponential backoff and full jitter on 429 (honouring `Retry-After`), 5xx, network
 * errors, timeouts and truncated or invalid JSON; every list is chunked to at most 25 ids and every
 * page is followed, so each method returns a complete, de-duplicated array.
 *
 * Distrust: a response body larger than `maxBodyBytes` is refused while it streams in (a real page
 * is a few MB); the next page is always requested from the same host with the same query and
 * `page + 1` (a `next_url` only says that there is one); every record is checked on its own and a
 * record that fails is quarantined and counted ({@link KoladaStats.quarantined}) while the rest is
 * kept; and once metadata has been served, a 404 on `/data` reads as "no rows" (some deployments
 * answer an empty selection that way) rather than as a retired API.
 *
 * Data source: Kolada (RKA). Anything shown to users must carry "Källa: Kolada".
 */
import type { z } from 'zod';

import { excerptOf } from '../../dataset/ids.js';
import { MIN_YEAR } from '../../dataset/schema.js';
import { parseRecord } from '../records.js';
import {
	koladaDataRowSchema,
	koladaKpiSchema,
	koladaMunicipalityGroupSchema,
	koladaMunicipalitySchema,
	koladaRawPageSchema,
	nextPageUrl,
	type KoladaDataRow,
	type KoladaKpi,
	type KoladaMunicipality,
	type KoladaMunicipalityGroup,
} from './schemas.js';

/** Kolada rejects comma lists longer than this (KPIs, municipalities, years, metadata ids). */
export const KOLADA_MAX_IDS_PER_LIST = 25;

/** The largest page size Kolada serves; the client always asks for it. */
export const KOLADA_MAX_PER_PAGE = 5000;

/** Default cap of one response body: a real page is a few MB, so this is far above any of them. */
export const KOLADA_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The production base URL of the v3 API. */
export const KOLADA_DEFAULT_BASE_URL = 'https://api.kolada.se/v3';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * What went wrong, by {@link KoladaErrorCode}, with the facts that belong to it. Transient failures
 * (rate limited, server error, network, timeout, invalid JSON) are retried and surface as the
 * `lastError` of `KOLADA_RETRIES_EXHAUSTED`; every other code is thrown at once.
 */
export type KoladaErrorDetails =
	/** 404 or 410: the endpoint is retired (v2 answers 410 Gone) or the route does not exist. */
	| { readonly code: 'KOLADA_RETIRED'; readonly status: number }
	/** Any other 4xx (e.g. 400 for a list longer than 25 ids or a malformed parameter). */
	| { readonly code: 'KOLADA_BAD_REQUEST'; readonly status: number; readonly bodyExcerpt: string }
	/** 429 or 5xx; `retryAfterMs` is the server's `Retry-After` (uncapped), when it sent one. */
	| {
			readonly code: 'KOLADA_RATE_LIMITED' | 'KOLADA_SERVER_ERROR';
			readonly status: number;
			readonly bodyExcerpt: string;
			readonly retryAfterMs: number | undefined;
	  }
	/** The connection failed or was dropped (ECONNRESET, socket hang up, body cut off). */
	| { readonly code: 'KOLADA_NETWORK'; readonly detail: string }
	/** No complete response within `timeoutMs`. */
	| { readonly code: 'KOLADA_TIMEOUT'; readonly timeoutMs: number }
	/** A 2xx response of `bytes` bytes whose body is not valid JSON (typically truncated). */
	| { readonly code: 'KOLADA_INVALID_JSON'; readonly bytes: number }
	/** The JSON does not have the expected shape (API drift): every issue as `path: description`. */
	| { readonly code: 'KOLADA_SCHEMA'; readonly fieldPath: string; readonly issues: readonly string[] }
	/** A transient failure persisted through every one of `attempts` (1 + retries). */
	| { readonly code: 'KOLADA_RETRIES_EXHAUSTED'; readonly attempts: number; readonly lastError: KoladaError }
	/** Paging did not end within `maxPages` pages. */
	| { readonly code: 'KOLADA_PAGE_LIMIT'; readonly maxPages: number }
	/** A response body above the cap of `maxBytes`: refused while it streams in. */
	| { readonly code: 'KOLADA_BODY_TOO_LARGE'; readonly maxBytes: number }
	/** The caller's `AbortSignal` fired. */
	| { readonly code: 'KOLADA_ABORTED' }
	/** The arguments cannot form a valid Kolada query (e.g. only one data dimension, bad date). */
	| { readonly code: 'KOLADA_INVALID_ARGUMENT'; readonly reason: string };

/** Machine-readable codes carried by every {@link KoladaError}. */
export type KoladaErrorCode = KoladaErrorDetails['code'];

/** The message of an error: what happened and, when there is one, the request URL. */
function describeKoladaError(details: KoladaErrorDetails, url: string | undefined): string {
	const at = url ?? '';
	switch (details.code) {
		case 'KOLADA_RETIRED':
			return `Kolada endpoint retired/not found: ${at} (HTTP ${details.status})`;
		case 'KOLADA_BAD_REQUEST':
			return `Kolada rejected the request with HTTP ${details.status}: ${at} — ${details.bodyExcerpt}`;
		case 'KOLADA_RATE_LIMITED':
		case 'KOLADA_SERVER_ERROR':
			return `Kolada answered HTTP ${details.status}: ${at}${details.bodyExcerpt === '' ? '' : ` — ${details.bodyExcerpt}`}`;
		case 'KOLADA_NETWORK':
			return `Network error talking to Kolada (${details.detail}): ${at}`;
		case 'KOLADA_TIMEOUT':
			return `Kolada request timed out after ${details.timeoutMs} ms: ${at}`;
		case 'KOLADA_INVALID_JSON':
			return `Kolada sent an invalid or truncated JSON body (${details.bytes} bytes): ${at}`;
		case 'KOLADA_SCHEMA': {
			const more = details.issues.length > 1 ? ` (+${details.issues.length - 1} more)` : '';
			return `Unexpected Kolada response shape at ${at}: ${details.issues[0] ?? details.fieldPath}${more}`;
		}
		case 'KOLADA_RETRIES_EXHAUSTED':
			return `Kolada request failed after ${details.attempts} attempts: ${details.lastError.message}`;
		case 'KOLADA_PAGE_LIMIT':
			return `Kolada paging did not end within ${details.maxPages} pages: ${at}`;
		case 'KOLADA_BODY_TOO_LARGE':
			return `Kolada response body exceeds ${details.maxBytes} bytes: ${at}`;
		case 'KOLADA_ABORTED':
			return `Kolada request aborted${url === undefined ? '' : `: ${url}`}`;
		case 'KOLADA_INVALID_ARGUMENT':
			return details.reason;
	}
}

/**
 * The one error the client throws. Switch on {@link KoladaError.details}`.code` (mirrored as
 * {@link KoladaError.code}) to read the facts of each kind.
 */
export class KoladaError extends Error {
	override readonly name = 'KoladaError';
	/** Stable machine-readable code. */
	readonly code: KoladaErrorCode;
	/** The code with the facts that belong to it. */
	readonly details: KoladaErrorDetails;
	/** The request URL the error belongs to, when there is one. */
	readonly url: string | undefined;

	/** @param cause - kept as the standard `Error.cause` (the last failure, for exhausted retries). */
	constructor(details: KoladaErrorDetails, url?: string, cause?: unknown) {
		const reason = details.code === 'KOLADA_RETRIES_EXHAUSTED' ? details.lastError : cause;
		super(describeKoladaError(details, url), reason === undefined ? undefined : { cause: reason });
		this.code = details.code;
		this.details = details;
		this.url = url;
	}
}

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** Passed to `onRequest` before every HTTP attempt (retries included). */
export interface KoladaRequestInfo {
	readonly url: string;
	/** 1 for the first attempt, 2 for the first retry, … */
	readonly attempt: number;
}

/** Passed to `onRetry` when a transient failure will be retried after `delayMs`. */
export interface KoladaRetryInfo {
	readonly url: string;
	/** The attempt that failed (1-based). */
	readonly attempt: number;
	readonly delayMs: number;
	readonly error: KoladaError;
}

/** Passed to `onProgress` after every page of a method call. */
export interface KoladaProgress {
	/** The method, e.g. `data`, `kpis`, `municipalityGroups`. */
	readonly operation: string;
	/** Chunks (URLs before paging) finished so far and in total. */
	readonly chunksDone: number;
	readonly chunksTotal: number;
	/** Pages fetched and items received (before de-duplication) so far in this call. */
	readonly pages: number;
	readonly items: number;
}

/** Something noteworthy that is not an error. */
export interface KoladaWarning {
	/**
	 * `missing-ids`: a by-id lookup did not return every id; `empty-result`: a call returned nothing
	 * (unknown ids, no data for those years, or a 404 on `/data`); `unknown-gender`: a gender code
	 * other than T/K/M; `quarantined`: a record failed its schema and was left out;
	 * `duplicate-keys`: a data call returned the same kpi × area × year × gender more than once.
	 */
	readonly code: 'missing-ids' | 'empty-result' | 'unknown-gender' | 'quarantined' | 'duplicate-keys';
	readonly message: string;
	readonly url?: string | undefined;
	readonly ids?: readonly string[] | undefined;
}

/** Live counters of one client (across all calls). */
export interface KoladaStats {
	/** HTTP attempts started (retries included). */
	requests: number;
	/** Attempts that were retried. */
	retries: number;
	/** Response body bytes received. */
	bytes: number;
	/** Pages parsed successfully. */
	pages: number;
	/** Highest number of requests in flight at once. */
	maxInFlight: number;
	/** Records that failed their schema and were left out. */
	quarantined: number;
	/** Data values that arrived more than once for one kpi × area × year × gender. */
	duplicates: number;
	/** `/data` requests answered 404 and read as empty. */
	notFoundAsEmpty: number;
}

/** Constructor options; every field has a polite default. */
export interface KoladaClientOptions {
	/** Base URL without trailing slash, default `https://api.kolada.se/v3`. */
	baseUrl?: string | undefined;
	/** Maximum requests in flight, default 2. */
	concurrency?: number | undefined;
	/** Minimum time between the starts of two requests, default 200 ms. */
	minIntervalMs?: number | undefined;
	/** Per-request timeout (headers and body), default 30 000 ms. */
	timeoutMs?: number | undefined;
	/** Retries after the first attempt for transient failures, default 4. */
	maxRetries?: number | undefined;
	/** Backoff base: retry n waits a random time in [0, base·2ⁿ), default 1000 ms. */
	baseBackoffMs?: number | undefined;
	/** Cap of one backoff delay, default 30 000 ms. */
	maxBackoffMs?: number | undefined;
	/** Cap of an honoured `Retry-After`, default 60 000 ms. */
	maxRetryAfterMs?: number | undefined;
	/** Hard cap of pages followed for one URL, default 1000. */
	maxPages?: number | undefined;
	/** Page size asked for, default and maximum 5000. */
	perPage?: number | undefined;
	/** Largest response body accepted, default {@link KOLADA_MAX_BODY_BYTES}. */
	maxBodyBytes?: number | undefined;
	/**
	 * Years used by {@link KoladaClient.data} when only KPIs are given, default the dataset's
	 * earliest year (`MIN_YEAR`) to the current calendar year.
	 */
	defaultYears?: { readonly from: number; readonly to: number } | undefined;
	/** `fetch` to use, default the global one. */
	fetchImpl?: typeof fetch | undefined;
	/** `User-Agent` header. */
	userAgent?: string | undefined;
	/** Called before every HTTP attempt. */
	onRequest?: ((info: KoladaRequestInfo) => void) | undefined;
	/** Called before waiting to retry. */
	onRetry?: ((info: KoladaRetryInfo) => void) | undefined;
	/** Called after every page. */
	onProgress?: ((progress: KoladaProgress) => void) | undefined;
	/** Called for non-fatal oddities (missing ids, empty results, paging loops, odd gender codes). */
	onWarning?: ((warning: KoladaWarning) => void) | undefined;
	/** Aborts every call of this client. */
	signal?: AbortSignal | undefined;
	/** Random source in [0, 1) for backoff jitter, default `Math.random`. */
	random?: (() => number) | undefined;
	/** The time the client paces requests and waits by, default {@link REAL_CLOCK}. */
	clock?: KoladaClock | undefined;
}

/**
 * Time as the client sees it: request spacing, back-off and `Retry-After` waits go through it, so a
 * test can run them on a virtual clock instead of waiting.
 */
export interface KoladaClock {
	/** Milliseconds on a monotonic scale. */
	now(): number;
	/** Resolves after `ms`; may stop early when `signal` aborts (the client rejects then anyway). */
	wait(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock: `performance.now()` and a timer that is cleared when the wait is aborted. */
export const REAL_CLOCK: KoladaClock = {
	now: () => performance.now(),
	wait: (ms, signal) =>
		new Promise((resolve) => {
			const onAbort = (): void => clearTimeout(timer);
			const timer = setTimeout(() => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			signal.addEventListener('abort', onAbort, { once: true });
		}),
};

/** Per-call options. */
export interface KoladaCallOptions {
	/** Aborts this call only. */
	signal?: AbortSignal | undefined;
}

/** Query of {@link KoladaClient.data}. At least two of `kpis`, `municipalities`, `years` are needed, or only `kpis`. */
export interface KoladaDataQuery extends KoladaCallOptions {
	/** KPI ids, e.g. `['N31807', 'U31401']`. */
	kpis?: readonly string[] | undefined;
	/** Municipality ids as strings (`'0180'`), group ids (`'G92787'`) or `'0000'` (Riket). */
	municipalities?: readonly string[] | undefined;
	/** Years (periods), e.g. `[2022, 2023]`. */
	years?: readonly number[] | undefined;
	/** Only values changed since this date (`YYYY-MM-DD` or a Date, UTC day); rows then carry `deleted`. */
	fromDate?: string | Date | undefined;
}

/** One flattened value: a data row's single gender entry. */
export interface KoladaDataRecord {
	readonly kpi: string;
	/** Municipality, region (`'0001'`…), Riket (`'0000'`) or group (`'G…'`) id, always a string. */
	readonly municipality: string;
	/** The year. */
	readonly period: number;
	/** `T` total, `K` kvinnor, `M` män (other codes are passed through with a warning). */
	readonly gender: string;
	/** The value; `null` means missing (whatever `status` says) and `0` is a real value. */
	readonly value: number | null;
	/** Contributing areas (1 for a single area, members for a group); null when not sent. */
	readonly count: number | null;
	/** Opaque status string, usually `''` (seen: `'Missing'`). */
	readonly status: string;
	/** True when a `from_date` query reports the value as deleted (`isdeleted` or `is_deleted`). */
	readonly deleted: boolean;
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

/** Bounded concurrency plus a minimum spacing between request starts. */
class RequestGate {
	private active = 0;
	private readonly waiters: (() => void)[] = [];
	private nextStartAt = 0;

	constructor(
		private readonly concurrency: number,
		private readonly minIntervalMs: number,
		private readonly clock: KoladaClock,
		private readonly onActive: (active: number) => void,
	) {}

	async acquire(signal: AbortSignal, url: string): Promise<void> {
		if (this.active < this.concurrency) {
			this.active++;
		} else {
			await new Promise<void>((resolve, reject) => {
				const onAbort = (): void => {
					const i = this.waiters.indexOf(grant);
					if (i >= 0) this.waiters.splice(i, 1);
					reject(new KoladaError({ code: 'KOLADA_ABORTED' }, url, signal.reason));
				};
				const grant = (): void => {
					signal.removeEventListener('abort', onAbort);
					resolve();
				};
				if (signal.aborted) {
					onAbort();
					return;
				}
				signal.addEventListener('abort', onAbort, { once: true });
				this.waiters.push(grant);
			});
		}
		const now = this.clock.now();
		const wait = this.nextStartAt - now;
		this.nextStartAt = Math.max(now, this.nextStartAt) + this.minIntervalMs;
		if (wait > 0) {
			try {
				await sleep(this.clock, wait, signal, url);
			} catch (error) {
				this.release();
				throw error;
			}
		}
		this.onActive(this.active);
	}

	release(): void {
		const next = this.waiters.shift();
		if (next) next();
		else this.active--;
	}
}

function sleep(clock: KoladaClock, ms: number, signal: AbortSignal, url: string | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(new KoladaError({ code: 'KOLADA_ABORTED' }, url, signal.reason));
			return;
		}
		const onAbort = (): void => {
			reject(new KoladaError({ code: 'KOLADA_ABORTED' }, url, signal.reason));
		};
		signal.addEventListener('abort', onAbort, { once: true });
		void clock.wait(ms, signal).then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}

/** An AbortController that also fires when any of `parents` fires. */
function linkedController(parents: readonly (AbortSignal | undefined)[]): {
	controller: AbortController;
	dispose: () => void;
} {
	const controller = new AbortController();
	const cleanups: (() => void)[] = [];
	for (const parent of parents) {
		if (!parent) continue;
		if (parent.aborted) {
			controller.abort(parent.reason);
			break;
		}
		const onAbort = (): void => controller.abort(parent.reason);
		parent.addEventListener('abort', onAbort, { once: true });
		cleanups.push(() => parent.removeEventListener('abort', onAbort));
	}
	return { controller, dispose: () => cleanups.forEach((c) => c()) };
}

function excerpt(text: string, max = 300): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** `Retry-After` as delta-seconds or HTTP-date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
	if (header === null) return undefined;
	const trimmed = header.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

function describeNetworkFailure(error: unknown): string {
	const parts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
		const code = (current as Error & { code?: unknown }).code;
		parts.push(typeof code === 'string' ? `${current.message} [${code}]` : current.message);
		current = current.cause;
	}
	return parts.length > 0 ? parts.join(': ') : String(error);
}

function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out === '' ? '(root)' : out;
}

function describeInput(input: unknown): string {
	if (input === undefined) return 'undefined';
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'array';
	return typeof input;
}

/** One issue as `path: problem`, with at most a short excerpt of the offending value. */
function formatIssue(issue: z.core.$ZodIssue): string {
	const path = formatPath(issue.path);
	if (issue.code === 'invalid_type' && typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
		return `${path}: not a finite number (${String(issue.input)})`;
	}
	if (issue.code === 'invalid_type') return `${path}: expected ${issue.expected}, got ${describeInput(issue.input)}`;
	const input = 'input' in issue && issue.input !== undefined ? ` (${excerptOf(issue.input)})` : '';
	return `${path}: ${issue.message}${input}`;
}

/** `url` with `page` set to `page` (the first page keeps the URL as built). */
function pageUrl(url: string, page: number): string {
	if (page === 1) return url;
	const next = new URL(url);
	next.searchParams.set('page', String(page));
	return next.href;
}

/**
 * The body of `response`, refused with `KOLADA_BODY_TOO_LARGE` as soon as it (or its
 * announced length) passes `maxBytes`, so a huge or endless body never fills memory.
 */
async function readCapped(
	response: Response,
	maxBytes: number,
	url: string,
	controller: AbortController,
): Promise<Uint8Array> {
	const announced = Number(response.headers.get('content-length') ?? NaN);
	const tooLarge = (): KoladaError => {
		const error = new KoladaError({ code: 'KOLADA_BODY_TOO_LARGE', maxBytes }, url);
		controller.abort(error);
		return error;
	};
	if (Number.isFinite(announced) && announced > maxBytes) {
		await response.body?.cancel().catch(() => undefined);
		throw tooLarge();
	}
	if (!response.body) return new Uint8Array(await response.arrayBuffer());
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge();
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

function dedupe(ids: readonly string[]): string[] {
	return [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
}

/** Splits a list into chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number = KOLADA_MAX_IDS_PER_LIST): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

function idSegment(ids: readonly (string | number)[]): string {
	return ids.map((id) => encodeURIComponent(String(id))).join(',');
}

function invalidArgument(reason: string): KoladaError {
	return new KoladaError({ code: 'KOLADA_INVALID_ARGUMENT', reason });
}

function normaliseFromDate(fromDate: string | Date): string {
	if (fromDate instanceof Date) {
		if (Number.isNaN(fromDate.getTime())) throw invalidArgument('fromDate is an invalid Date');
		return fromDate.toISOString().slice(0, 10);
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDate) || Number.isNaN(Date.parse(fromDate))) {
		throw invalidArgument(`fromDate must be YYYY-MM-DD, got "${fromDate}"`);
	}
	return fromDate;
}

const KNOWN_GENDERS = new Set(['T', 'K', 'M']);

type KoladaRawPage = z.infer<typeof koladaRawPageSchema>;

type Outcome = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: KoladaError };

// ---------------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------------

/**
 * Kolada API v3 client. One instance shares its concurrency bound, pacing and {@link stats} across
 * all calls, so create one per process (or per sync run).
 *
 * @example
 * ```ts
 * const kolada = new KoladaClient();
 * const rows = await kolada.data({ kpis: ['N31807'], municipalities: ['0180', '1480'], years: [2023, 2024] });
 * ```
 */
export class KoladaClient {
	/** The base URL requests are built on (no trailing slash). */
	readonly baseUrl: string;
	private readonly concurrency: number;
	private readonly timeoutMs: number;
	private readonly maxRetries: number;
	private readonly baseBackoffMs: number;
	private readonly maxBackoffMs: number;
	private readonly maxRetryAfterMs: number;
	private readonly maxPages: number;
	private readonly perPage: number;
	private readonly maxBodyBytes: number;
	/** Set once a metadata call has succeeded: from then on a 404 on `/data` means no rows. */
	private metadataServed = false;
	private readonly defaultYears: { readonly from: number; readonly to: number };
	private readonly fetchImpl: typeof fetch;
	private readonly userAgent: string;
	private readonly options: KoladaClientOptions;
	private readonly gate: RequestGate;
	private readonly clock: KoladaClock;
	private readonly counters: KoladaStats = {
		requests: 0,
		retries: 0,
		bytes: 0,
		pages: 0,
		maxInFlight: 0,
		quarantined: 0,
		duplicates: 0,
		notFoundAsEmpty: 0,
	};

	/** @param options - see {@link KoladaClientOptions}; all optional. */
	constructor(options: KoladaClientOptions = {}) {
		this.options = options;
		this.baseUrl = (options.baseUrl ?? KOLADA_DEFAULT_BASE_URL).replace(/\/+$/, '');
		this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 4));
		this.baseBackoffMs = options.baseBackoffMs ?? 1000;
		this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
		this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
		this.maxPages = Math.max(1, options.maxPages ?? 1000);
		this.perPage = Math.min(KOLADA_MAX_PER_PAGE, Math.max(1, Math.floor(options.perPage ?? KOLADA_MAX_PER_PAGE)));
		this.maxBodyBytes = Math.max(1024, options.maxBodyBytes ?? KOLADA_MAX_BODY_BYTES);
		this.defaultYears = options.defaultYears ?? { from: MIN_YEAR, to: new Date().getFullYear() };
		this.fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
		this.userAgent = options.userAgent ?? 'oj-boten (Kolada v3 client; node)';
		this.clock = options.clock ?? REAL_CLOCK;
		this.gate = new RequestGate(this.concurrency, Math.max(0, options.minIntervalMs ?? 200), this.clock, (active) => {
			if (active > this.counters.maxInFlight) this.counters.maxInFlight = active;
		});
	}

	/** A snapshot of the counters (requests, retries, bytes, pages, max in flight). */
	get stats(): Readonly<KoladaStats> {
		return { ...this.counters };
	}

	// ----- metadata ----------------------------------------------------------------------------

	/**
	 * All KPIs, or those whose title contains `title` (case-insensitive, done by Kolada).
	 * About 6 100 KPIs in 2026, i.e. two pages.
	 */
	async kpis(options: KoladaCallOptions & { title?: string | undefined } = {}): Promise<KoladaKpi[]> {
		const url = this.buildUrl('kpi', [], { title: options.title });
		const items = await this.run('kpis', [url], koladaKpiSchema, options.signal);
		return this.uniqueById(items, url);
	}

	/** KPIs by id, chunked to 25 per request. Ids Kolada does not know are reported via `onWarning`. */
	async kpisById(ids: readonly string[], options: KoladaCallOptions = {}): Promise<KoladaKpi[]> {
		return this.byIds('kpisById', 'kpi', ids, koladaKpiSchema, options);
	}

	/** All municipalities, regions and Riket, optionally filtered by `type` (`K`/`L`) or title substring. */
	async municipalities(
		options: KoladaCallOptions & { type?: 'K' | 'L' | undefined; title?: string | undefined } = {},
	): Promise<KoladaMunicipality[]> {
		const url = this.buildUrl('municipality', [], { region_type: options.type, title: options.title });
		const items = await this.run('municipalities', [url], koladaMunicipalitySchema, options.signal);
		return this.uniqueById(items, url);
	}

	/** All municipality groups (about 3 630), or those whose title contains `title`. */
	async municipalityGroups(
		options: KoladaCallOptions & { title?: string | undefined } = {},
	): Promise<KoladaMunicipalityGroup[]> {
		const url = this.buildUrl('municipality_groups', [], { title: options.title });
		const items = await this.run('municipalityGroups', [url], koladaMunicipalityGroupSchema, options.signal);
		return this.uniqueById(items, url);
	}

	// ----- data ----------------------------------------------------------------------------------

	/**
	 * Municipality-level values, flattened to one record per (kpi, area, period, gender) and
	 * de-duplicated on that key (a later page wins).
	 *
	 * Every list is de-duplicated and chunked to 25; one request chain is made per element of the
	 * cartesian product of the chunks, using the path form:
	 *
	 * - kpis + municipalities + years → `/data/kpi/{k}/municipality/{m}/year/{y}`
	 * - kpis + municipalities → `/data/kpi/{k}/municipality/{m}` (all years)
	 * - kpis + years → `/data/kpi/{k}/year/{y}` (all areas, including groups and Riket)
	 * - municipalities + years → `/data/municipality/{m}/year/{y}` (all KPIs)
	 * - kpis only → like kpis + years with `defaultYears` (the dataset's earliest year to this year
	 *   unless configured): this keeps group and Riket values, which a municipality list would miss.
	 *
	 * An explicitly empty list means "nothing" and returns `[]` without a request. Any other single
	 * dimension throws `KOLADA_INVALID_ARGUMENT`.
	 */
	async data(query: KoladaDataQuery): Promise<KoladaDataRecord[]> {
		const kpis = query.kpis === undefined ? undefined : dedupe(query.kpis);
		const munis = query.municipalities === undefined ? undefined : dedupe(query.municipalities);
		let years = query.years === undefined ? undefined : [...new Set(query.years)];
		for (const y of years ?? []) {
			if (!Number.isInteger(y)) throw invalidArgument(`years must be integers, got ${String(y)}`);
		}
		const fromDate = query.fromDate === undefined ? undefined : normaliseFromDate(query.fromDate);
		if (kpis?.length === 0 || munis?.length === 0 || years?.length === 0) return [];
		if (kpis !== undefined && munis === undefined && years === undefined) {
			const { from, to } = this.defaultYears;
			years = [];
			for (let y = from; y <= to; y++) years.push(y);
		}
		const given = [kpis, munis, years].filter((d) => d !== undefined).length;
		if (given < 2) {
			throw invalidArgument('Kolada data needs at least two of kpis, municipalities and years (or kpis alone)');
		}

		const segments: string[][][] = [];
		if (kpis) segments.push(chunk(kpis).map((c) => ['kpi', idSegment(c)]));
		if (munis) segments.push(chunk(munis).map((c) => ['municipality', idSegment(c)]));
		if (years) segments.push(chunk(years).map((c) => ['year', idSegment(c)]));
		let paths: string[][] = [[]];
		for (const options of segments) paths = paths.flatMap((prefix) => options.map((seg) => [...prefix, ...seg]));
		const urls = paths.map((p) => this.buildUrl('data', p, { from_date: fromDate }));

		const rows = await this.run('data', urls, koladaDataRowSchema, query.signal);
		const records = this.flatten(rows, urls[0]);
		if (records.length === 0) {
			this.warn({
				code: 'empty-result',
				message: `Kolada returned no data for ${urls.length} request(s)`,
				url: urls[0],
			});
		}
		return records;
	}

	// ----- internals -----------------------------------------------------------------------------

	private flatten(rows: readonly KoladaDataRow[], url: string | undefined): KoladaDataRecord[] {
		const byKey = new Map<string, KoladaDataRecord>();
		const odd = new Set<string>();
		let duplicates = 0;
		for (const row of rows) {
			const rowDeleted = row.isdeleted === true || row.is_deleted === true;
			for (const v of row.values) {
				if (!KNOWN_GENDERS.has(v.gender)) odd.add(v.gender);
				const record: KoladaDataRecord = {
					kpi: row.kpi,
					municipality: row.municipality,
					period: row.period,
					gender: v.gender,
					value: v.value,
					count: v.count ?? null,
					status: v.status ?? '',
					deleted: rowDeleted || v.isdeleted === true || v.is_deleted === true,
				};
				const key = `${row.kpi}\u0000${row.municipality}\u0000${String(row.period)}\u0000${v.gender}`;
				if (byKey.delete(key)) duplicates++;
				byKey.set(key, record);
			}
		}
		if (odd.size > 0) {
			this.warn({ code: 'unknown-gender', message: `Unexpected gender code(s): ${[...odd].join(', ')}`, url });
		}
		if (duplicates > 0) {
			this.counters.duplicates += duplicates;
			this.warn({ code: 'duplicate-keys', message: `${duplicates} value(s) arrived more than once`, url });
		}
		return [...byKey.values()];
	}

	private async byIds<T extends { id: string }>(
		operation: string,
		resource: string,
		ids: readonly string[],
		schema: z.ZodType<T>,
		options: KoladaCallOptions,
	): Promise<T[]> {
		const wanted = dedupe(ids);
		if (wanted.length === 0) return [];
		const urls = chunk(wanted).map((c) => this.buildUrl(resource, [idSegment(c)], {}));
		const items = this.uniqueById(await this.run(operation, urls, schema, options.signal), urls[0]);
		const found = new Set(items.map((i) => i.id));
		const missing = wanted.filter((id) => !found.has(id));
		if (missing.length > 0) {
			this.warn({
				code: 'missing-ids',
				message: `Kolada did not return ${missing.length} of ${wanted.length} requested ${resource} id(s)`,
				ids: missing,
				url: urls[0],
			});
		}
		return items;
	}

	private uniqueById<T extends { id: string }>(items: readonly T[], url: string | undefined): T[] {
		const byId = new Map<string, T>();
		for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
		if (byId.size === 0) this.warn({ code: 'empty-result', message: 'Kolada returned an empty list', url });
		return [...byId.values()];
	}

	private warn(warning: KoladaWarning): void {
		this.options.onWarning?.(warning);
	}

	private buildUrl(
		resource: string,
		pathSegments: readonly string[],
		query: Record<string, string | undefined>,
	): string {
		const path = [resource, ...pathSegments].join('/');
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
		params.set('per_page', String(this.perPage));
		return `${this.baseUrl}/${path}?${params.toString()}`;
	}

	/**
	 * Follows every page of every URL with at most `concurrency` chains at once and returns all
	 * items in URL order. The first failure aborts the other chains and is rethrown.
	 */
	private async run<T>(
		operation: string,
		urls: readonly string[],
		schema: z.ZodType<T>,
		signal: AbortSignal | undefined,
	): Promise<T[]> {
		const { controller, dispose } = linkedController([this.options.signal, signal]);
		const results: T[][] = urls.map(() => []);
		let next = 0;
		let chunksDone = 0;
		let pages = 0;
		let items = 0;
		let failure: Error | undefined;
		const worker = async (): Promise<void> => {
			while (failure === undefined && next < urls.length) {
				const index = next++;
				const url = urls[index];
				const bucket = results[index];
				if (url === undefined || bucket === undefined) return;
				await this.followPages(url, operation, schema, controller.signal, (values) => {
					for (const v of values) bucket.push(v);
					pages++;
					items += values.length;
					this.options.onProgress?.({ operation, chunksDone, chunksTotal: urls.length, pages, items });
				});
				chunksDone++;
			}
		};
		const workers = Array.from({ length: Math.min(this.concurrency, urls.length) }, async () => {
			try {
				await worker();
			} catch (error) {
				if (failure === undefined) {
					failure = error instanceof Error ? error : new Error(String(error));
					controller.abort(failure);
				}
			}
		});
		try {
			await Promise.all(workers);
		} finally {
			dispose();
		}
		if (failure !== undefined) throw failure;
		if (operation !== 'data') this.metadataServed = true;
		this.options.onProgress?.({ operation, chunksDone, chunksTotal: urls.length, pages, items });
		return results.flat();
	}

	/**
	 * Fetches `firstUrl` and its following pages. The next request is built here (same URL, `page`
	 * one higher): a `next_url` is only the signal that there is another page, so a link to another
	 * host, path or query is never followed.
	 */
	private async followPages<T>(
		firstUrl: string,
		operation: string,
		schema: z.ZodType<T>,
		signal: AbortSignal,
		onPage: (values: readonly T[]) => void,
	): Promise<void> {
		for (let page = 1; ; page++) {
			if (page > this.maxPages) throw new KoladaError({ code: 'KOLADA_PAGE_LIMIT', maxPages: this.maxPages }, firstUrl);
			const url = pageUrl(firstUrl, page);
			let raw: KoladaRawPage;
			try {
				raw = await this.getPage(url, signal);
			} catch (error) {
				if (
					operation === 'data' &&
					this.metadataServed &&
					error instanceof KoladaError &&
					error.details.code === 'KOLADA_RETIRED' &&
					error.details.status === 404
				) {
					this.counters.notFoundAsEmpty++;
					this.warn({ code: 'empty-result', message: 'Kolada answered 404 on a data request; read as no rows', url });
					return;
				}
				throw error;
			}
			this.counters.pages++;
			if (raw.values.length === 0) return;
			onPage(this.checkRecords(raw.values, schema, url));
			if (nextPageUrl(raw) === undefined) return;
		}
	}

	/** The records that pass `schema`; the others are counted and reported, never kept. */
	private checkRecords<T>(values: readonly unknown[], schema: z.ZodType<T>, url: string): T[] {
		const kept: T[] = [];
		const problems: string[] = [];
		for (const [index, value] of values.entries()) {
			const parsed = parseRecord(schema, value);
			if (parsed.success) {
				kept.push(parsed.data);
				continue;
			}
			this.counters.quarantined++;
			if (problems.length < 3) {
				const issue = parsed.error.issues[0];
				problems.push(issue ? formatIssue({ ...issue, path: ['values', index, ...issue.path] }) : `values[${index}]`);
			}
		}
		if (problems.length > 0) {
			const count = values.length - kept.length;
			this.warn({
				code: 'quarantined',
				message: `${count} record(s) failed their schema and were left out: ${problems.join('; ')}`,
				url,
			});
		}
		return kept;
	}

	/** One page's envelope with retries; schema errors are not retried. */
	private async getPage(url: string, signal: AbortSignal): Promise<KoladaRawPage> {
		for (let attempt = 1; ; attempt++) {
			await this.gate.acquire(signal, url);
			let outcome: Outcome;
			try {
				outcome = await this.attempt(url, attempt, signal);
			} finally {
				this.gate.release();
			}
			if (outcome.ok) {
				const parsed = koladaRawPageSchema.safeParse(outcome.json, { reportInput: true });
				if (parsed.success) return parsed.data;
				const issues = parsed.error.issues.map(formatIssue);
				const fieldPath = formatPath(parsed.error.issues[0]?.path ?? []);
				throw new KoladaError({ code: 'KOLADA_SCHEMA', fieldPath, issues }, url);
			}
			const error = outcome.error;
			if (attempt > this.maxRetries) {
				throw new KoladaError({ code: 'KOLADA_RETRIES_EXHAUSTED', attempts: attempt, lastError: error }, url);
			}
			const delayMs = this.retryDelay(attempt, error);
			this.counters.retries++;
			this.options.onRetry?.({ url, attempt, delayMs, error });
			await sleep(this.clock, delayMs, signal, url);
		}
	}

	private retryDelay(attempt: number, error: KoladaError): number {
		const retryAfterMs = 'retryAfterMs' in error.details ? error.details.retryAfterMs : undefined;
		if (retryAfterMs !== undefined) {
			return Math.min(retryAfterMs, this.maxRetryAfterMs);
		}
		const ceiling = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempt - 1));
		return Math.floor((this.options.random ?? Math.random)() * ceiling);
	}

	/** One HTTP attempt: transient failures are returned, permanent ones thrown. */
	private async attempt(url: string, attempt: number, signal: AbortSignal): Promise<Outcome> {
		const { controller, dispose } = linkedController([signal]);
		const timeoutReason = new Error(`timeout after ${this.timeoutMs} ms`);
		const timer = setTimeout(() => controller.abort(timeoutReason), this.timeoutMs);
		this.counters.requests++;
		this.options.onRequest?.({ url, attempt });
		try {
			const response = await this.fetchImpl(url, {
				headers: { accept: 'application/json', 'user-agent': this.userAgent },
				signal: controller.signal,
			});
			const buffer = await readCapped(response, this.maxBodyBytes, url, controller);
			this.counters.bytes += buffer.byteLength;
			const text = new TextDecoder('utf-8').decode(buffer);
			if (response.ok) {
				try {
					return { ok: true, json: JSON.parse(text) as unknown };
				} catch (error) {
					return {
						ok: false,
						error: new KoladaError({ code: 'KOLADA_INVALID_JSON', bytes: buffer.byteLength }, url, error),
					};
				}
			}
			const status = response.status;
			if (status === 404 || status === 410) throw new KoladaError({ code: 'KOLADA_RETIRED', status }, url);
			if (status === 429 || status >= 500) {
				const code = status === 429 ? 'KOLADA_RATE_LIMITED' : 'KOLADA_SERVER_ERROR';
				const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
				const error = new KoladaError({ code, status, bodyExcerpt: excerpt(text), retryAfterMs }, url);
				return { ok: false, error };
			}
			throw new KoladaError({ code: 'KOLADA_BAD_REQUEST', status, bodyExcerpt: excerpt(text) }, url);
		} catch (error) {
			if (error instanceof KoladaError) throw error;
			if (signal.aborted) throw new KoladaError({ code: 'KOLADA_ABORTED' }, url, signal.reason);
			if (controller.signal.reason === timeoutReason)
				return { ok: false, error: new KoladaError({ code: 'KOLADA_TIMEOUT', timeoutMs: this.timeoutMs }, url) };
			return {
				ok: false,
				error: new KoladaError({ code: 'KOLADA_NETWORK', detail: describeNetworkFailure(error) }, url, error),
			};
		} finally {
			clearTimeout(timer);
			dispose();
		}
	}
}
