/**
 * `KoladaFake`: a loopback imitation of the Kolada API v3 (`node:http`, 127.0.0.1, random port)
 * for tests and benchmarks.
 *
 * Metadata is real (the EB KPI sample or the whole KPI catalogue, all 312 municipalities and all
 * 3 630 municipality groups, converted to the API's own JSON types). Data values are generated
 * deterministically from a seeded PRNG keyed on kpi + area + year + gender, in Kolada's exact row
 * shape, with ranges chosen from the unit in the KPI title. The fake enforces Kolada's limits
 * (≤ 25 ids per list, `per_page` ≤ 5000, paging links), answers `/v2/...` with 410 Gone, and
 * offers fault injection (status codes, truncated bodies, dropped connections, delays, schema
 * drift), a global latency and a request log with in-flight counters.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse as parseCsv } from 'csv-parse/sync';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** A KPI exactly as the v3 API serializes it (JSON booleans and nulls). */
export interface FakeKpi {
	id: string;
	title: string;
	description: string;
	is_divided_by_gender: boolean;
	municipality_type: string;
	auspice: string | null;
	operating_area: string;
	perspective: string | null;
	prel_publication_date: string | null;
	publication_date: string | null;
	publ_period: string | null;
	has_ou_data: boolean;
}

/** A municipality as served by `/v3/municipality`. */
export interface FakeMunicipality {
	id: string;
	title: string;
	type: string;
}

/** A municipality group as served by `/v3/municipality_groups`. */
export interface FakeMunicipalityGroup {
	id: string;
	title: string;
	members: { member_id: string; member_title: string }[];
}

/** One gender value of a generated data row. */
export interface FakeDataValue {
	gender: string;
	count: number;
	status: string;
	value: number | null;
	isdeleted?: boolean;
	is_deleted?: 0 | 1;
}

/** A generated data row in Kolada's shape. */
export interface FakeDataRow {
	kpi: string;
	municipality: string;
	period: number;
	values: FakeDataValue[];
	/** Deletion flagged on the row (option `deletionOn: 'row'`). */
	isdeleted?: boolean;
	is_deleted?: 0 | 1;
}

/** Which schema drift a `drift` fault applies to the JSON body before it is sent. */
export type KoladaFakeDrift =
	/** `values[rowIndex].values[0].value` becomes a string. */
	| 'value-as-string'
	/** `values[rowIndex].period` is renamed to `year`. */
	| 'period-renamed'
	/** `values[rowIndex].municipality` (or `id` on metadata) becomes a number. */
	| 'municipality-as-number'
	/** Any other change: receives the body object, returns the body to send. */
	| ((body: Record<string, unknown>) => unknown);

interface FaultBase {
	/** Which requests the fault applies to (gets path + query, e.g. `/v3/data/kpi/N1/year/2020?per_page=5000`); default all. */
	match?: ((url: string) => boolean) | undefined;
	/** How many matching requests are hit, default 1 (`Infinity` for all). */
	times?: number | undefined;
}

/** A fault to inject, see {@link KoladaFake.inject}. */
export type KoladaFault =
	| (FaultBase & {
			kind: 'status';
			status: number;
			/** `Retry-After` header: delta-seconds or an HTTP date. */
			retryAfter?: number | string | undefined;
	  })
	| (FaultBase & {
			kind: 'truncate';
			/**
			 * `invalid-json` (default): the body is cut in half and Content-Length matches the cut body,
			 * a complete HTTP response with broken JSON; `short-body`: Content-Length announces the full
			 * body, half is sent, then the socket is destroyed; `chunked`: chunked encoding, half is
			 * sent, then the socket is destroyed.
			 */
			mode?: 'invalid-json' | 'short-body' | 'chunked' | undefined;
	  })
	| (FaultBase & { kind: 'reset' })
	| (FaultBase & { kind: 'delay'; ms: number })
	| (FaultBase & {
			kind: 'drift';
			drift: KoladaFakeDrift;
			/** Row of `values` to change, default 0 (clamped to the last row). */
			rowIndex?: number | undefined;
	  })
	| (FaultBase & {
			/** Sends this text (made from the regular body) as the 200 response, e.g. JSON that `JSON.stringify` cannot produce (`1e309`). */
			kind: 'raw';
			text: (body: Record<string, unknown>) => string;
	  })
	| (FaultBase & {
			/**
			 * A valid JSON page followed by `bytes` of whitespace padding, streamed in 1 MB chunks so the
			 * fake never holds it; `announce` (default true) sends its Content-Length, else it is chunked.
			 */
			kind: 'huge-body';
			bytes: number;
			announce?: boolean | undefined;
	  });

/** Handle returned by {@link KoladaFake.inject}. */
export interface KoladaFaultHandle {
	/** Requests this fault has hit so far. */
	readonly triggered: number;
	/** Hits left. */
	readonly remaining: number;
	/** Disarms the fault. */
	cancel(): void;
}

/** One entry of the request log. */
export interface KoladaFakeLogEntry {
	readonly method: string;
	/** Path + query as received. */
	readonly url: string;
	readonly startedAt: number;
	/** Length of every comma list in the path or in id query parameters. */
	readonly listLengths: readonly number[];
	/** Status sent, or 0 when the connection was dropped / the client went away. */
	status: number;
	durationMs: number;
	/** Kind of fault that hit this request, if any. */
	fault?: KoladaFault['kind'];
}

/** Counters of a running fake. */
export interface KoladaFakeStats {
	requests: number;
	inFlight: number;
	maxInFlight: number;
	/** Longest comma list seen in any request (also those rejected with 400). */
	maxListLength: number;
	faultsTriggered: number;
	/** Responses by status code (0 = dropped). */
	byStatus: Record<number, number>;
}

/** Options of {@link KoladaFake.start}. */
export interface KoladaFakeOptions {
	/** KPI metadata: `eb-sample` (112 EB KPIs, default), `catalog` (all 6 931 ever seen) or `catalog-latest` (6 099 current). */
	kpiSource?: 'eb-sample' | 'catalog' | 'catalog-latest' | undefined;
	/** Replaces the KPI metadata entirely. */
	kpis?: readonly FakeKpi[] | undefined;
	/** Years that have data, default 2010–2024. */
	years?: readonly number[] | undefined;
	/** Page size cap (and default when the client sends none), default 5000; set it low to force paging. */
	maxPerPage?: number | undefined;
	/** Longest accepted comma list, default 25. */
	maxIds?: number | undefined;
	/** Added to every request before it is answered, default 0. */
	latencyMs?: number | undefined;
	/** Paging keys: `v3` (`next_url`/`previous_url`, default) or `v2` (`next_page`/`previous_page`). */
	pagingKeys?: 'v3' | 'v2' | undefined;
	/** How the last page says "no next page": `null` (default), `empty` (`""`) or `absent`. */
	lastPageLink?: 'null' | 'empty' | 'absent' | undefined;
	/** Deletion flag spelling in `from_date` responses: `isdeleted` (v3 boolean, default) or `is_deleted` (v2 0/1). */
	deletionFlag?: 'isdeleted' | 'is_deleted' | undefined;
	/** Seed of the value generator, default 1. */
	seed?: number | undefined;
	/** "Today" for `from_date`: changes are spread over the two years before it; default `2026-03-23`. */
	referenceDate?: string | undefined;
	/** Log entries kept (oldest dropped first), default 100 000. */
	logLimit?: number | undefined;
	/** How a `/data` request without rows is answered: an empty `list` (default) or HTTP `404`. */
	emptyData?: 'list' | 404 | undefined;
	/** Where a `from_date` response flags a deletion: on each `value` (default) or on the `row`. */
	deletionOn?: 'value' | 'row' | undefined;
	/** KPIs in the catalogue that have no values at all (new, or discontinued with nothing kept). */
	kpisWithoutValues?: readonly string[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Metadata loading (cached per process)
// ---------------------------------------------------------------------------------------------

/** The public inputs the fake serves, kept in the repository. */
const SOURCES = fileURLToPath(new URL('../../data/sources/', import.meta.url));

const fileCache = new Map<string, unknown>();

function cached<T>(key: string, load: () => T): T {
	if (!fileCache.has(key)) fileCache.set(key, load());
	return fileCache.get(key) as T;
}

interface EbSample {
	kpi: FakeKpi[];
}

function loadEbSample(dir: string): FakeKpi[] {
	return cached(`eb:${dir}`, () => {
		const raw = JSON.parse(readFileSync(path.join(dir, 'kolada-v3-eb-metadata-sample.json'), 'utf8')) as EbSample;
		return raw.kpi;
	});
}

function csvBool(text: string | undefined): boolean {
	return text === 'TRUE' || text === 'true' || text === '1';
}

function csvNullable(text: string | undefined): string | null {
	return text === undefined || text === '' ? null : text;
}

function loadCatalog(dir: string, latestOnly: boolean): FakeKpi[] {
	const all = cached(`catalog:${dir}`, () => {
		const rows = parseCsv<Record<string, string>>(readFileSync(path.join(dir, 'kolada_kpi_catalog.csv'), 'utf8'), {
			columns: true,
			bom: true,
			skip_empty_lines: true,
		});
		return rows.map((r) => ({
			latest: r['in_latest_snapshot'] === 'true',
			kpi: {
				id: r['id'] ?? '',
				title: r['title'] ?? '',
				description: r['description'] ?? '',
				is_divided_by_gender: csvBool(r['is_divided_by_gender']),
				municipality_type: r['municipality_type'] ?? 'K',
				auspice: csvNullable(r['auspice']),
				operating_area: r['operating_area'] ?? '',
				perspective: csvNullable(r['perspective']),
				prel_publication_date: csvNullable(r['prel_publication_date']),
				publication_date: csvNullable(r['publication_date']),
				publ_period: csvNullable(r['publ_period']),
				has_ou_data: csvBool(r['has_ou_data']),
			} satisfies FakeKpi,
		}));
	});
	return all.filter((r) => !latestOnly || r.latest).map((r) => r.kpi);
}

function loadMunicipalities(dir: string): FakeMunicipality[] {
	return cached(`muni:${dir}`, () => {
		const raw = JSON.parse(readFileSync(path.join(dir, 'kolada_municipality.json'), 'utf8')) as {
			values: FakeMunicipality[];
		};
		return raw.values;
	});
}

function loadGroups(dir: string): FakeMunicipalityGroup[] {
	return cached(`groups:${dir}`, () => {
		const rows = parseCsv<Record<string, string>>(
			readFileSync(path.join(dir, 'kolada_municipality_groups.csv'), 'utf8'),
			{
				columns: true,
				bom: true,
				skip_empty_lines: true,
			},
		);
		const byId = new Map<string, FakeMunicipalityGroup>();
		for (const r of rows) {
			const id = r['group_id'] ?? '';
			let group = byId.get(id);
			if (!group) {
				group = { id, title: r['group_title'] ?? '', members: [] };
				byId.set(id, group);
			}
			group.members.push({ member_id: r['member_id'] ?? '', member_title: r['member_title'] ?? '' });
		}
		return [...byId.values()];
	});
}

// ---------------------------------------------------------------------------------------------
// Deterministic value generation
// ---------------------------------------------------------------------------------------------

function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type ValueModel =
	| { readonly kind: 'range'; readonly min: number; readonly max: number; readonly decimals: number }
	| { readonly kind: 'codes'; readonly codes: readonly number[] };

/** Picks a realistic value range from the unit or coding stated in a KPI title. */
export function valueModelForTitle(title: string): ValueModel {
	const t = title.toLowerCase();
	const scale = /skala\s*(\d+)\s*-\s*(\d+)/.exec(t);
	if (scale) {
		const lo = Number(scale[1]);
		const hi = Number(scale[2]);
		return { kind: 'codes', codes: Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) };
	}
	for (const group of t.matchAll(/\(([^()]*=[^()]*)\)/g)) {
		const codes = [...(group[1] ?? '').matchAll(/=\s*(\d+)/g)].map((m) => Number(m[1]));
		if (codes.length >= 2) return { kind: 'codes', codes: [...new Set(codes)].sort((a, b) => a - b) };
	}
	if (t.includes('%') || t.includes('andel')) return { kind: 'range', min: 0, max: 30, decimals: 1 };
	if (t.includes('index')) return { kind: 'range', min: 0, max: 100, decimals: 0 };
	if (t.includes('kr/inv')) return { kind: 'range', min: 200, max: 4000, decimals: 0 };
	if (t.includes('kr/hushåll')) return { kind: 'range', min: 20_000, max: 80_000, decimals: 0 };
	if (t.includes('tkr')) return { kind: 'range', min: 500, max: 500_000, decimals: 0 };
	if (t.includes('kr')) return { kind: 'range', min: 200, max: 4000, decimals: 0 };
	if (t.includes('antal')) return { kind: 'range', min: 0, max: 20_000, decimals: 0 };
	if (t.includes('dagar')) return { kind: 'range', min: 1, max: 60, decimals: 1 };
	return { kind: 'range', min: 0, max: 100, decimals: 1 };
}

interface KpiInfo {
	readonly kpi: FakeKpi;
	readonly model: ValueModel;
	readonly genders: readonly string[];
	/** Last year of a discontinued series (`(-2023)`, `(- 2024)` in the title). */
	readonly lastYear: number | undefined;
}

interface Area {
	readonly id: string;
	/** `K`, `L` or `G` (group). */
	readonly type: string;
	readonly count: number;
}

function kpiInfo(kpi: FakeKpi): KpiInfo {
	const discontinued = /\(\s*-\s*(\d{4})\s*\)\s*$/.exec(kpi.title);
	return {
		kpi,
		model: valueModelForTitle(kpi.title),
		genders: kpi.is_divided_by_gender ? ['T', 'K', 'M'] : ['T'],
		lastYear: discontinued ? Number(discontinued[1]) : undefined,
	};
}

function eligible(info: KpiInfo, area: Area): boolean {
	const type = info.kpi.municipality_type;
	return area.id === '0000' || area.type === 'G' || type === 'A' || type === area.type;
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

class HttpProblem extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

interface Listing {
	readonly total: number;
	readonly slice: (start: number, end: number) => unknown[];
}

function listingOf(items: readonly unknown[]): Listing {
	return { total: items.length, slice: (start, end) => items.slice(start, end) };
}

function isGone(res: http.ServerResponse): boolean {
	return res.destroyed || res.writableEnded;
}

function wait(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

const KNOWN_DATA_PARAMS = new Set([
	'kpi_id',
	'municipality_id',
	'year',
	'from_date',
	'region_type',
	'page',
	'per_page',
]);

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

interface ArmedFault {
	readonly fault: KoladaFault;
	remaining: number;
	triggered: number;
}

/**
 * The loopback Kolada server. Start with {@link KoladaFake.start}, point a client at
 * {@link KoladaFake.baseUrl}, and {@link KoladaFake.close} it afterwards.
 */
export class KoladaFake {
	/** `http://127.0.0.1:<port>/v3`. */
	readonly baseUrl: string;
	/** `http://127.0.0.1:<port>`. */
	readonly origin: string;
	/** Added to every request before it is answered; may be changed while running. */
	latencyMs: number;
	private gate: Promise<void> | undefined;
	/** The KPI metadata served (API types). */
	readonly kpis: readonly FakeKpi[];
	/** The municipalities served. */
	readonly municipalities: readonly FakeMunicipality[];
	/** The municipality groups served. */
	readonly groups: readonly FakeMunicipalityGroup[];
	/** Years that have data. */
	readonly years: readonly number[];
	/** Every request (up to `logLimit`, oldest dropped first). */
	readonly log: KoladaFakeLogEntry[] = [];

	private readonly server: http.Server;
	private readonly opts: KoladaFakeOptions;
	private readonly kpiById: Map<string, KpiInfo>;
	private readonly areaById: Map<string, Area>;
	private readonly allAreas: readonly Area[];
	private readonly faults: ArmedFault[] = [];
	private readonly counters: KoladaFakeStats = {
		requests: 0,
		inFlight: 0,
		maxInFlight: 0,
		maxListLength: 0,
		faultsTriggered: 0,
		byStatus: {},
	};
	private readonly seed: number;
	private readonly referenceDay: number;

	private constructor(server: http.Server, opts: KoladaFakeOptions, port: number, data: FakeData) {
		this.server = server;
		this.opts = opts;
		this.origin = `http://127.0.0.1:${port}`;
		this.baseUrl = `${this.origin}/v3`;
		this.latencyMs = opts.latencyMs ?? 0;
		this.kpis = data.kpis;
		this.municipalities = data.municipalities;
		this.groups = data.groups;
		this.years = opts.years ?? Array.from({ length: 15 }, (_, i) => 2010 + i);
		this.seed = opts.seed ?? 1;
		this.referenceDay = Math.floor(Date.parse(opts.referenceDate ?? '2026-03-23') / 86_400_000);
		this.kpiById = new Map(data.kpis.map((k) => [k.id, kpiInfo(k)]));
		const areas: Area[] = [
			...data.municipalities.map((m) => ({ id: m.id, type: m.type, count: 1 })),
			...data.groups.map((g) => ({ id: g.id, type: 'G', count: g.members.length })),
		];
		this.allAreas = areas;
		this.areaById = new Map(areas.map((a) => [a.id, a]));
	}

	/** Loads the metadata, listens on 127.0.0.1 with a random port and resolves when ready. */
	static async start(opts: KoladaFakeOptions = {}): Promise<KoladaFake> {
		const data = loadFakeData(opts);
		const holder: { fake?: KoladaFake } = {};
		const server = http.createServer((req, res) => {
			if (holder.fake) void holder.fake.handle(req, res);
			else res.destroy();
		});
		// Longer than any client's idle timeout (undici: 4 s), so the fake never closes a kept-alive
		// socket at the moment a slowed-down client reuses it (an ECONNRESET that says nothing).
		server.keepAliveTimeout = 60_000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
				server.off('error', reject);
				resolve();
			});
		});
		const { port } = server.address() as AddressInfo;
		holder.fake = new KoladaFake(server, opts, port, data);
		return holder.fake;
	}

	/** Stops listening and drops every open connection. */
	async close(): Promise<void> {
		this.faults.length = 0;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** A snapshot of the counters. */
	get stats(): KoladaFakeStats {
		return { ...this.counters, byStatus: { ...this.counters.byStatus } };
	}

	/**
	 * Holds every request after it is counted, until the returned function is called: a test can
	 * wait until N requests are in flight at once without depending on how fast the machine is.
	 */
	hold(): () => void {
		let release!: () => void;
		this.gate = new Promise<void>((resolve) => (release = resolve));
		return () => {
			this.gate = undefined;
			release();
		};
	}

	/** Clears the log and the counters (not the armed faults). */
	resetLog(): void {
		this.log.length = 0;
		Object.assign(this.counters, {
			requests: 0,
			maxInFlight: this.counters.inFlight,
			maxListLength: 0,
			faultsTriggered: 0,
			byStatus: {},
		});
	}

	/**
	 * Arms a fault for the next `times` (default 1) requests that `match` (default all). Faults are
	 * tried in the order they were injected; one request is hit by at most one fault.
	 */
	inject(fault: KoladaFault): KoladaFaultHandle {
		const armed: ArmedFault = { fault, remaining: fault.times ?? 1, triggered: 0 };
		this.faults.push(armed);
		return {
			get triggered() {
				return armed.triggered;
			},
			get remaining() {
				return armed.remaining;
			},
			cancel: () => {
				armed.remaining = 0;
			},
		};
	}

	/** Disarms every fault. */
	clearFaults(): void {
		this.faults.length = 0;
	}

	/**
	 * The row the fake serves for (kpi, area, year) without `from_date`, or undefined when it has no
	 * data for that combination. Lets tests compute expectations.
	 */
	expectedRow(kpiId: string, areaId: string, year: number): FakeDataRow | undefined {
		const info = this.kpiById.get(kpiId);
		const area = this.areaById.get(areaId);
		if (!info || !area || !eligible(info, area) || !this.yearsFor(info).includes(year)) return undefined;
		return this.row(info, area, year, undefined);
	}

	// ----- request handling ----------------------------------------------------------------------

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const rawUrl = req.url ?? '/';
		const url = new URL(rawUrl, this.origin);
		const entry: KoladaFakeLogEntry = {
			method: req.method ?? 'GET',
			url: rawUrl,
			startedAt: Date.now(),
			listLengths: listLengths(url),
			status: 0,
			durationMs: 0,
		};
		this.counters.requests++;
		this.counters.inFlight++;
		this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
		this.counters.maxListLength = Math.max(this.counters.maxListLength, ...entry.listLengths);
		this.log.push(entry);
		const limit = this.opts.logLimit ?? 100_000;
		if (this.log.length > limit) this.log.splice(0, this.log.length - limit);
		res.once('close', () => {
			this.counters.inFlight--;
			entry.durationMs = Date.now() - entry.startedAt;
			if (!res.writableFinished) entry.status = 0;
			this.counters.byStatus[entry.status] = (this.counters.byStatus[entry.status] ?? 0) + 1;
		});

		try {
			if (this.latencyMs > 0) await wait(this.latencyMs);
			if (this.gate) await this.gate;
			const armed = this.takeFault(rawUrl);
			if (armed) {
				entry.fault = armed.kind;
				this.counters.faultsTriggered++;
			}
			if (isGone(res)) return;
			if (armed?.kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (armed?.kind === 'status') {
				const headers: http.OutgoingHttpHeaders = {};
				if (armed.retryAfter !== undefined) headers['retry-after'] = String(armed.retryAfter);
				entry.status = armed.status;
				this.sendJson(res, armed.status, { detail: `Injected HTTP ${armed.status}` }, headers);
				return;
			}
			if (armed?.kind === 'delay') {
				await wait(armed.ms);
				if (isGone(res)) return;
			}

			let status = 200;
			let body: Record<string, unknown>;
			try {
				body = this.route(url);
			} catch (error) {
				if (!(error instanceof HttpProblem)) throw error;
				status = error.status;
				body = { detail: error.message };
			}
			if (armed?.kind === 'drift' && status === 200) body = applyDrift(body, armed.drift, armed.rowIndex ?? 0);
			entry.status = status;
			if (armed?.kind === 'huge-body' && status === 200) {
				await this.sendHuge(res, JSON.stringify(body), armed.bytes, armed.announce ?? true);
				return;
			}
			const text = armed?.kind === 'raw' && status === 200 ? armed.text(body) : JSON.stringify(body);
			if (armed?.kind === 'truncate') {
				this.sendTruncated(res, text, armed.mode ?? 'invalid-json');
				return;
			}
			this.sendText(res, status, text);
		} catch (error) {
			entry.status = 500;
			if (!res.headersSent && !res.destroyed) {
				this.sendJson(res, 500, { detail: `Fake error: ${error instanceof Error ? error.message : String(error)}` });
			} else {
				res.destroy();
			}
		}
	}

	private takeFault(url: string): KoladaFault | undefined {
		for (const armed of this.faults) {
			if (armed.remaining <= 0) continue;
			if (armed.fault.match && !armed.fault.match(url)) continue;
			armed.remaining--;
			armed.triggered++;
			return armed.fault;
		}
		return undefined;
	}

	private sendJson(
		res: http.ServerResponse,
		status: number,
		body: unknown,
		headers: http.OutgoingHttpHeaders = {},
	): void {
		this.sendText(res, status, JSON.stringify(body), headers);
	}

	private sendText(
		res: http.ServerResponse,
		status: number,
		text: string,
		headers: http.OutgoingHttpHeaders = {},
	): void {
		const buffer = Buffer.from(text, 'utf8');
		res.writeHead(status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': buffer.byteLength,
			...headers,
		});
		res.end(buffer);
	}

	/** `text` then `bytes` spaces, in 1 MB chunks with back-pressure; stops when the client goes away. */
	private async sendHuge(res: http.ServerResponse, text: string, bytes: number, announce: boolean): Promise<void> {
		const head = Buffer.from(text, 'utf8');
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8' };
		if (announce) headers['content-length'] = head.byteLength + bytes;
		res.writeHead(200, headers);
		res.write(head);
		const chunk = Buffer.alloc(1024 * 1024, 0x20);
		for (let left = bytes; left > 0 && !isGone(res); left -= chunk.byteLength) {
			const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
			if (!res.write(piece)) {
				// Whichever comes first; the other listener is removed so none pile up over a long body.
				await new Promise<void>((resolve) => {
					const done = (): void => {
						res.off('drain', done);
						res.off('close', done);
						resolve();
					};
					res.once('drain', done);
					res.once('close', done);
				});
			}
		}
		if (!isGone(res)) res.end();
	}

	private sendTruncated(res: http.ServerResponse, text: string, mode: 'invalid-json' | 'short-body' | 'chunked'): void {
		const full = Buffer.from(text, 'utf8');
		const half = full.subarray(0, Math.max(1, Math.floor(full.byteLength / 2)));
		if (mode === 'invalid-json') {
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': half.byteLength });
			res.end(half);
			return;
		}
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8' };
		if (mode === 'short-body') headers['content-length'] = full.byteLength;
		res.writeHead(200, headers);
		res.write(half, () => {
			setTimeout(() => res.socket?.destroy(), 5);
		});
	}

	// ----- routing --------------------------------------------------------------------------------

	private route(url: URL): Record<string, unknown> {
		const segments = url.pathname.split('/').filter((s) => s !== '');
		const [version, resource, ...rest] = segments;
		if (version === 'v1' || version === 'v2') {
			throw new HttpProblem(410, `Kolada API ${version} is retired; use /v3`);
		}
		if (version !== 'v3' || resource === undefined) throw new HttpProblem(404, 'Not Found');
		const q = url.searchParams;
		switch (resource) {
			case 'kpi':
				return this.page(url, this.metaListing(this.kpis, rest, q.get('title')));
			case 'municipality': {
				let items = this.municipalities;
				const type = q.get('region_type');
				if (type !== null && type !== '') items = items.filter((m) => m.type === type);
				return this.page(url, this.metaListing(items, rest, q.get('title')));
			}
			case 'municipality_groups':
				return this.page(url, this.metaListing(this.groups, rest, q.get('title')));
			case 'data': {
				const listing = this.dataListing(url, rest);
				if (listing.total === 0 && this.opts.emptyData === 404) throw new HttpProblem(404, 'Not Found');
				return this.page(url, listing);
			}
			default:
				throw new HttpProblem(404, 'Not Found');
		}
	}

	private metaListing(
		items: readonly { readonly id: string; readonly title: string }[],
		rest: readonly string[],
		title: string | null,
	): Listing {
		if (rest.length > 1) throw new HttpProblem(404, 'Not Found');
		let selected = items;
		if (rest[0] !== undefined) {
			const ids = new Set(this.parseList(rest[0], 'id'));
			selected = items.filter((i) => ids.has(i.id));
		}
		if (title !== null && title !== '') {
			const needle = title.toLocaleLowerCase('sv');
			selected = selected.filter((i) => i.title.toLocaleLowerCase('sv').includes(needle));
		}
		return listingOf(selected);
	}

	private parseList(segment: string, what: string): string[] {
		const ids = decodeURIComponent(segment)
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s !== '');
		const max = this.opts.maxIds ?? 25;
		if (ids.length > max) {
			throw new HttpProblem(400, `Too many values in ${what} list: ${ids.length} (max ${max})`);
		}
		return ids;
	}

	private parseYears(segment: string): number[] {
		const years = this.parseList(segment, 'year');
		return years.map((y) => {
			if (!/^\d{4}$/.test(y)) throw new HttpProblem(400, `Invalid year: ${y}`);
			return Number(y);
		});
	}

	private dataListing(url: URL, rest: readonly string[]): Listing {
		const q = url.searchParams;
		let kpiIds: string[] | undefined;
		let areaIds: string[] | undefined;
		let years: number[] | undefined;
		let regionType: string | undefined;
		if (rest.length === 0) {
			for (const key of q.keys()) if (!KNOWN_DATA_PARAMS.has(key)) return listingOf([]);
			const k = q.get('kpi_id');
			const m = q.get('municipality_id');
			const y = q.get('year');
			if (k !== null && k !== '') kpiIds = this.parseList(k, 'kpi_id');
			if (m !== null && m !== '') areaIds = this.parseList(m, 'municipality_id');
			if (y !== null && y !== '') years = this.parseYears(y);
			regionType = q.get('region_type') ?? undefined;
		} else {
			const form = rest.filter((_, i) => i % 2 === 0).join('/');
			if (
				rest.length % 2 !== 0 ||
				!['kpi/municipality/year', 'kpi/year', 'kpi/municipality', 'municipality/year'].includes(form)
			) {
				throw new HttpProblem(404, 'Not Found');
			}
			for (let i = 0; i < rest.length; i += 2) {
				const value = rest[i + 1] ?? '';
				if (rest[i] === 'kpi') kpiIds = this.parseList(value, 'kpi');
				else if (rest[i] === 'municipality') areaIds = this.parseList(value, 'municipality');
				else years = this.parseYears(value);
			}
		}
		const given = [kpiIds, areaIds, years].filter((d) => d !== undefined).length;
		if (given < 2) throw new HttpProblem(400, 'At least two of kpi, municipality and year are required');

		const without = new Set(this.opts.kpisWithoutValues ?? []);
		const kpis = (
			kpiIds === undefined ? [...this.kpiById.values()] : kpiIds.flatMap((id) => this.kpiById.get(id) ?? [])
		).filter((info) => !without.has(info.kpi.id));
		let areas = areaIds === undefined ? this.allAreas : areaIds.flatMap((id) => this.areaById.get(id) ?? []);
		if (regionType !== undefined && regionType !== '') areas = areas.filter((a) => a.type === regionType);
		const wantedYears = years === undefined ? undefined : new Set(years);
		const segments = kpis.map((info) => ({
			info,
			areas: areas.filter((a) => eligible(info, a)),
			years: this.yearsFor(info).filter((y) => wantedYears === undefined || wantedYears.has(y)),
		}));

		const fromDateText = q.get('from_date');
		let fromDay: number | undefined;
		if (fromDateText !== null && fromDateText !== '') {
			if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDateText) || Number.isNaN(Date.parse(fromDateText))) {
				throw new HttpProblem(400, `Invalid from_date: ${fromDateText}`);
			}
			fromDay = Math.floor(Date.parse(fromDateText) / 86_400_000);
		}

		const rowAt = (index: number): [KpiInfo, Area, number] | undefined => {
			let i = index;
			for (const s of segments) {
				const size = s.areas.length * s.years.length;
				if (i < size) {
					const area = s.areas[Math.floor(i / s.years.length)];
					const year = s.years[i % s.years.length];
					return area === undefined || year === undefined ? undefined : [s.info, area, year];
				}
				i -= size;
			}
			return undefined;
		};
		const total = segments.reduce((sum, s) => sum + s.areas.length * s.years.length, 0);

		if (fromDay === undefined) {
			return {
				total,
				slice: (start, end) => {
					const out: FakeDataRow[] = [];
					for (let i = start; i < Math.min(end, total); i++) {
						const at = rowAt(i);
						if (at) out.push(this.row(at[0], at[1], at[2], undefined));
					}
					return out;
				},
			};
		}
		const changed: number[] = [];
		for (let i = 0; i < total; i++) {
			const at = rowAt(i);
			if (at && this.change(at[0], at[1], at[2]).day >= fromDay) changed.push(i);
		}
		return {
			total: changed.length,
			slice: (start, end) =>
				changed.slice(start, end).flatMap((i) => {
					const at = rowAt(i);
					return at ? [this.row(at[0], at[1], at[2], this.change(at[0], at[1], at[2]).deleted)] : [];
				}),
		};
	}

	private page(url: URL, listing: Listing): Record<string, unknown> {
		const q = url.searchParams;
		const maxPerPage = this.opts.maxPerPage ?? 5000;
		const perPageText = q.get('per_page');
		const pageText = q.get('page');
		if (perPageText !== null && !/^\d+$/.test(perPageText)) throw new HttpProblem(400, 'per_page must be an integer');
		if (pageText !== null && !/^\d+$/.test(pageText)) throw new HttpProblem(400, 'page must be an integer');
		const perPage = Math.min(maxPerPage, Math.max(1, perPageText === null ? maxPerPage : Number(perPageText)));
		const page = Math.max(1, pageText === null ? 1 : Number(pageText));
		const start = (page - 1) * perPage;
		const values = start < listing.total ? listing.slice(start, start + perPage) : [];
		const link = (p: number): string => {
			const next = new URL(url.href);
			next.searchParams.set('page', String(p));
			return next.href;
		};
		const nextLink = start + perPage < listing.total ? link(page + 1) : undefined;
		const prevLink = page > 1 ? link(page - 1) : undefined;
		const [nextKey, prevKey] =
			this.opts.pagingKeys === 'v2' ? ['next_page', 'previous_page'] : ['next_url', 'previous_url'];
		const body: Record<string, unknown> = { count: values.length, values };
		const lastStyle = this.opts.lastPageLink ?? 'null';
		const put = (key: string, value: string | undefined): void => {
			if (value !== undefined) body[key] = value;
			else if (lastStyle === 'null') body[key] = null;
			else if (lastStyle === 'empty') body[key] = '';
		};
		put(nextKey, nextLink);
		put(prevKey, prevLink);
		return body;
	}

	// ----- generation -----------------------------------------------------------------------------

	private yearsFor(info: KpiInfo): number[] {
		const last = info.lastYear;
		return this.years.filter((y) => last === undefined || y <= last);
	}

	private change(info: KpiInfo, area: Area, year: number): { day: number; deleted: boolean } {
		const rand = prng(hash32(`${this.seed}|change|${info.kpi.id}|${area.id}|${year}`));
		const day = this.referenceDay - Math.floor(rand() * 730);
		return { day, deleted: rand() < 0.15 };
	}

	private row(info: KpiInfo, area: Area, year: number, deleted: boolean | undefined): FakeDataRow {
		const total = this.value(info, area, year, 'T');
		const values = info.genders.map((gender): FakeDataValue => {
			const base = gender === 'T' ? total : this.genderValue(info, area, year, gender, total);
			const v: FakeDataValue = { gender, count: area.count, status: base.status, value: base.value };
			if (deleted !== undefined) {
				if (deleted) {
					v.value = null;
					v.status = '';
				}
				if (this.opts.deletionFlag === 'is_deleted') v.is_deleted = deleted ? 1 : 0;
				else v.isdeleted = deleted;
			}
			return v;
		});
		if (deleted !== undefined && this.opts.deletionOn === 'row') {
			for (const v of values) {
				delete v.isdeleted;
				delete v.is_deleted;
			}
			const row: FakeDataRow = { kpi: info.kpi.id, municipality: area.id, period: year, values };
			if (this.opts.deletionFlag === 'is_deleted') row.is_deleted = deleted ? 1 : 0;
			else row.isdeleted = deleted;
			return row;
		}
		return { kpi: info.kpi.id, municipality: area.id, period: year, values };
	}

	private value(info: KpiInfo, area: Area, year: number, gender: string): { value: number | null; status: string } {
		const rand = prng(hash32(`${this.seed}|${info.kpi.id}|${area.id}|${year}|${gender}`));
		const u = rand();
		if (u < 0.03) return { value: null, status: '' };
		if (u < 0.045) return { value: null, status: 'Missing' };
		const model = info.model;
		if (model.kind === 'codes') {
			return { value: model.codes[Math.floor(rand() * model.codes.length)] ?? 0, status: '' };
		}
		const raw = model.min + rand() * (model.max - model.min);
		const factor = 10 ** model.decimals;
		return { value: Math.round(raw * factor) / factor, status: '' };
	}

	private genderValue(
		info: KpiInfo,
		area: Area,
		year: number,
		gender: string,
		total: { value: number | null; status: string },
	): { value: number | null; status: string } {
		const own = this.value(info, area, year, gender);
		const model = info.model;
		if (own.value === null || total.value === null || model.kind === 'codes') return own;
		const rand = prng(hash32(`${this.seed}|spread|${info.kpi.id}|${area.id}|${year}|${gender}`));
		const raw = total.value * (0.8 + rand() * 0.4);
		const clamped = Math.min(model.max, Math.max(model.min, raw));
		const factor = 10 ** model.decimals;
		return { value: Math.round(clamped * factor) / factor, status: '' };
	}
}

interface FakeData {
	kpis: readonly FakeKpi[];
	municipalities: readonly FakeMunicipality[];
	groups: readonly FakeMunicipalityGroup[];
}

function loadFakeData(opts: KoladaFakeOptions): FakeData {
	const dir = SOURCES;
	let kpis: readonly FakeKpi[];
	if (opts.kpis) kpis = opts.kpis;
	else if (opts.kpiSource === 'catalog') kpis = loadCatalog(dir, false);
	else if (opts.kpiSource === 'catalog-latest') kpis = loadCatalog(dir, true);
	else kpis = loadEbSample(dir);
	return { kpis, municipalities: loadMunicipalities(dir), groups: loadGroups(dir) };
}

function listLengths(url: URL): number[] {
	const lengths: number[] = [];
	const segments = url.pathname.split('/').filter((s) => s !== '');
	// Every path segment after the resource name that is not a dimension keyword is a list.
	const keywords = new Set(['v1', 'v2', 'v3', 'kpi', 'municipality', 'municipality_groups', 'year', 'data', 'ou']);
	for (const s of segments) if (!keywords.has(s)) lengths.push(decodeURIComponent(s).split(',').length);
	for (const key of ['kpi_id', 'municipality_id', 'year']) {
		const v = url.searchParams.get(key);
		if (v !== null && v !== '') lengths.push(v.split(',').length);
	}
	return lengths;
}

function applyDrift(body: Record<string, unknown>, drift: KoladaFakeDrift, rowIndex: number): Record<string, unknown> {
	if (typeof drift === 'function') return drift(body) as Record<string, unknown>;
	const values = body['values'];
	if (!Array.isArray(values) || values.length === 0) return body;
	// A deep copy of the row: metadata rows are shared, cached objects that other fakes serve too.
	const index = Math.min(rowIndex, values.length - 1);
	const row = structuredClone(values[index]) as Record<string, unknown>;
	body = { ...body, values: values.map((v: unknown, i) => (i === index ? row : v)) };
	switch (drift) {
		case 'value-as-string': {
			const inner = row['values'];
			if (Array.isArray(inner) && inner.length > 0) {
				const first = inner[0] as Record<string, unknown>;
				const v = first['value'];
				first['value'] = typeof v === 'number' ? String(v) : '1.5';
			}
			break;
		}
		case 'period-renamed':
			row['year'] = row['period'];
			delete row['period'];
			break;
		case 'municipality-as-number': {
			const key = 'municipality' in row ? 'municipality' : 'id';
			row[key] = Number(row[key]);
			break;
		}
	}
	return body;
}
