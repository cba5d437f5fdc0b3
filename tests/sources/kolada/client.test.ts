import { afterEach, describe, expect, it } from 'vitest';

import {
	KoladaClient,
	KoladaError,
	type KoladaClientOptions,
	type KoladaRetryInfo,
	type KoladaWarning,
	type KoladaClock,
} from '../../../src/sources/kolada/client.js';
import { KoladaFake, type KoladaFakeOptions } from '../../fakes/kolada-server.js';

const fakes: KoladaFake[] = [];

async function startFake(opts: KoladaFakeOptions = {}): Promise<KoladaFake> {
	const fake = await KoladaFake.start(opts);
	fakes.push(fake);
	return fake;
}

afterEach(async () => {
	await Promise.all(fakes.splice(0).map((f) => f.close()));
});

interface Harness {
	client: KoladaClient;
	retries: KoladaRetryInfo[];
	warnings: KoladaWarning[];
}

/**
 * A virtual clock: a wait moves time on to its end at once (never back), and the end of every wait
 * is recorded, so pacing and back-off are checked without waiting.
 */
function virtualClock(): KoladaClock & { readonly ends: number[] } {
	let time = 0;
	const ends: number[] = [];
	return {
		ends,
		now: () => time,
		wait: (ms) => {
			const end = time + ms;
			ends.push(end);
			time = Math.max(time, end);
			return Promise.resolve();
		},
	};
}

function clientFor(fake: KoladaFake, options: KoladaClientOptions = {}): Harness {
	const retries: KoladaRetryInfo[] = [];
	const warnings: KoladaWarning[] = [];
	const client = new KoladaClient({
		baseUrl: fake.baseUrl,
		minIntervalMs: 0,
		baseBackoffMs: 1,
		maxBackoffMs: 5,
		timeoutMs: 2_000,
		onRetry: (info) => retries.push(info),
		onWarning: (w) => warnings.push(w),
		...options,
	});
	return { client, retries, warnings };
}

/** Kommuner (type K) from the fake, in file order. */
function kommuner(fake: KoladaFake, n: number): string[] {
	return fake.municipalities
		.filter((m) => m.type === 'K')
		.slice(0, n)
		.map((m) => m.id);
}

/** KPIs with data on kommun level, in file order. */
function kommunKpis(fake: KoladaFake, n: number): string[] {
	return fake.kpis
		.filter((k) => k.municipality_type === 'K' || k.municipality_type === 'A')
		.slice(0, n)
		.map((k) => k.id);
}

describe('KoladaClient metadata', () => {
	it('GIVEN a small page size THEN kpis() follows every next_url and returns the whole catalogue once', async () => {
		const fake = await startFake({ maxPerPage: 10 });
		const { client } = clientFor(fake);
		const kpis = await client.kpis();
		expect(kpis.map((k) => k.id)).toEqual(fake.kpis.map((k) => k.id));
		expect(client.stats.pages).toBe(Math.ceil(fake.kpis.length / 10));
		expect(fake.log.every((e) => e.status === 200)).toBe(true);
		const sample = kpis.find((k) => k.id === 'N31807');
		expect(sample).toMatchObject({ is_divided_by_gender: false, municipality_type: 'A', has_ou_data: false });
		expect(sample?.prel_publication_date).toBeNull();
	});

	it('GIVEN a title THEN the search is case-insensitive and URL-encoded', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake);
		const kpis = await client.kpis({ title: 'EKONOMISKT BISTÅND, KR/INV' });
		expect(kpis.length).toBeGreaterThan(0);
		expect(kpis.every((k) => k.title.toLowerCase().includes('ekonomiskt bistånd, kr/inv'))).toBe(true);
	});

	it('GIVEN municipalities and groups THEN ids stay strings and every page is merged', async () => {
		const fake = await startFake({ maxPerPage: 500 });
		const { client } = clientFor(fake);
		const all = await client.municipalities();
		expect(all).toHaveLength(312);
		expect(all.find((m) => m.id === '0180')).toEqual({ id: '0180', title: 'Stockholm', type: 'K' });
		expect(all.find((m) => m.id === '0000')?.type).toBe('L');
		expect(await client.municipalities({ type: 'K' })).toHaveLength(290);
		const groups = await client.municipalityGroups();
		expect(groups).toHaveLength(3630);
		expect(groups.find((g) => g.id === 'G92787')?.members.map((m) => m.member_id)).toEqual(['0180', '1280', '1480']);
		const liknande = await client.municipalityGroups({ title: 'liknande kommuner ekonomiskt bistånd, göteborg' });
		expect(liknande.map((g) => g.id)).toContain('G175962');
	});

	it('GIVEN 60 KPI ids with unknown and duplicate ones THEN kpisById chunks to 25 and warns about the missing', async () => {
		const fake = await startFake();
		const { client, warnings } = clientFor(fake);
		const ids = [...fake.kpis.slice(0, 58).map((k) => k.id), 'X00000', 'X00001', fake.kpis[0]!.id];
		const kpis = await client.kpisById(ids);
		expect(kpis).toHaveLength(58);
		expect(fake.stats.maxListLength).toBe(25);
		expect(fake.stats.requests).toBe(3);
		expect(warnings).toContainEqual(expect.objectContaining({ code: 'missing-ids', ids: ['X00000', 'X00001'] }));
	});

	it('GIVEN v2 paging keys (next_page) THEN every page is still followed', async () => {
		const fake = await startFake({ maxPerPage: 7, pagingKeys: 'v2' });
		const { client } = clientFor(fake);
		expect(await client.kpis()).toHaveLength(fake.kpis.length);
		expect(fake.stats.requests).toBe(Math.ceil(fake.kpis.length / 7));
	});

	it.each(['empty', 'absent'] as const)(
		'GIVEN the last page marks its end as %s THEN paging stops there',
		async (lastPageLink) => {
			const fake = await startFake({ maxPerPage: 50, lastPageLink });
			const { client } = clientFor(fake);
			expect(await client.kpis()).toHaveLength(fake.kpis.length);
			expect(fake.stats.requests).toBe(3);
		},
	);
});

describe('KoladaClient paging guards', () => {
	it.each([
		['the first page again', (fake: KoladaFake) => `${fake.baseUrl}/kpi?per_page=5000`],
		['a relative link', () => '/v3/kpi?page=2&per_page=10'],
		['another host', () => 'http://192.0.2.1:9/v3/kpi?page=2&per_page=10'],
		['another query', (fake: KoladaFake) => `${fake.baseUrl}/municipality?page=2&per_page=10`],
	])(
		'GIVEN a next_url pointing at %s THEN the client asks its own host for the same query and page + 1',
		async (_, link) => {
			const fake = await startFake({ maxPerPage: 10 });
			const { client } = clientFor(fake);
			fake.inject({
				kind: 'drift',
				times: Infinity,
				drift: (body) => (body['next_url'] === null ? body : { ...body, next_url: link(fake) }),
			});
			const kpis = await client.kpis();
			expect(kpis.map((k) => k.id)).toEqual(fake.kpis.map((k) => k.id));
			const pages = Math.ceil(fake.kpis.length / 10);
			expect(fake.log.map((e) => e.url)).toEqual(
				Array.from({ length: pages }, (__, i) => `/v3/kpi?per_page=5000${i === 0 ? '' : `&page=${i + 1}`}`),
			);
		},
	);

	it('GIVEN endless distinct next pages THEN the page cap stops the loop with KOLADA_PAGE_LIMIT', async () => {
		const fake = await startFake({ maxPerPage: 1 });
		const { client } = clientFor(fake, { maxPages: 5 });
		await expect(client.kpis()).rejects.toMatchObject({
			name: 'KoladaError',
			code: 'KOLADA_PAGE_LIMIT',
			details: { maxPages: 5 },
		});
		expect(fake.stats.requests).toBe(5);
	});

	it('GIVEN a page with empty values but a next link THEN paging ends', async () => {
		const fake = await startFake({ maxPerPage: 10 });
		const { client } = clientFor(fake);
		fake.inject({ kind: 'drift', match: (url) => url.includes('page=2'), drift: (body) => ({ ...body, values: [] }) });
		expect(await client.kpis()).toHaveLength(10);
		expect(fake.stats.requests).toBe(2);
	});
});

describe('KoladaClient data', () => {
	it('GIVEN 60 municipalities × 30 KPIs THEN every combination arrives and no list exceeds 25', async () => {
		const fake = await startFake({ maxPerPage: 2000 });
		const { client } = clientFor(fake, { concurrency: 4 });
		const munis = kommuner(fake, 60);
		const kpis = kommunKpis(fake, 30);
		const years = [2022, 2023];
		const records = await client.data({ kpis, municipalities: munis, years });

		expect(fake.stats.maxListLength).toBeLessThanOrEqual(25);
		expect(fake.stats.byStatus[400]).toBeUndefined();
		// 2 KPI chunks × 3 municipality chunks × 1 year chunk, some of them paged.
		const firstPages = fake.log.filter((e) => !/[?&]page=/.test(e.url));
		expect(firstPages).toHaveLength(6);

		const expected = new Map<string, number | null>();
		for (const k of kpis)
			for (const m of munis)
				for (const y of years)
					for (const v of fake.expectedRow(k, m, y)?.values ?? []) expected.set(`${k}|${m}|${y}|${v.gender}`, v.value);
		expect(expected.size).toBeGreaterThan(60 * 30 * 2 - 1);
		expect(records).toHaveLength(expected.size);
		for (const r of records) {
			expect(typeof r.municipality).toBe('string');
			expect(expected.get(`${r.kpi}|${r.municipality}|${r.period}|${r.gender}`)).toBe(r.value);
		}
	});

	it('GIVEN generated values THEN nulls keep their status, zeros survive and genders are flattened', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake);
		const gendered = fake.kpis.find((k) => k.is_divided_by_gender && k.municipality_type === 'K')!.id;
		const records = await client.data({
			kpis: [gendered, 'U31341', 'N31807'],
			municipalities: kommuner(fake, 25),
			years: [2018, 2019, 2020, 2021, 2022, 2023],
		});
		expect(new Set(records.filter((r) => r.kpi === gendered).map((r) => r.gender))).toEqual(new Set(['T', 'K', 'M']));
		expect(records.some((r) => r.value === null && r.status === 'Missing')).toBe(true);
		expect(records.some((r) => r.value === null && r.status === '')).toBe(true);
		const categorical = records.filter((r) => r.kpi === 'U31341' && r.value !== null);
		expect(categorical.some((r) => r.value === 0)).toBe(true);
		expect(categorical.every((r) => r.value === 0 || r.value === 1)).toBe(true);
		expect(records.every((r) => !r.deleted && r.count === 1)).toBe(true);
	});

	it('GIVEN only KPIs THEN the kpi/year form is used with the configured default years', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake, { defaultYears: { from: 2023, to: 2024 } });
		const records = await client.data({ kpis: ['N31807'] });
		// 312 municipalities + 3 630 groups × 2 years do not fit one page of 5 000.
		expect(fake.log.map((e) => e.url)).toEqual([
			'/v3/data/kpi/N31807/year/2023,2024?per_page=5000',
			'/v3/data/kpi/N31807/year/2023,2024?per_page=5000&page=2',
		]);
		expect(records).toHaveLength((fake.municipalities.length + fake.groups.length) * 2);
		expect(new Set(records.map((r) => r.municipality))).toContain('G2328');
		expect(new Set(records.map((r) => r.period))).toEqual(new Set([2023, 2024]));
	});

	it('GIVEN KPIs and municipalities without years THEN all years come back through the kpi/municipality form', async () => {
		const fake = await startFake({ years: [2015, 2016, 2017] });
		const { client } = clientFor(fake);
		const records = await client.data({ kpis: ['N31807'], municipalities: ['0180', '0180', '1480'] });
		expect(fake.log.map((e) => e.url)).toEqual(['/v3/data/kpi/N31807/municipality/0180,1480?per_page=5000']);
		expect(records).toHaveLength(6);
	});

	it('GIVEN municipalities and years without KPIs THEN the municipality/year form returns every KPI', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake);
		const records = await client.data({ municipalities: ['0180'], years: [2020] });
		expect(fake.log[0]?.url).toBe('/v3/data/municipality/0180/year/2020?per_page=5000');
		expect(new Set(records.map((r) => r.kpi)).size).toBe(fake.kpis.filter((k) => k.municipality_type !== 'L').length);
	});

	it('GIVEN one dimension or an empty list THEN no request is made', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake);
		await expect(client.data({ municipalities: ['0180'] })).rejects.toMatchObject({ code: 'KOLADA_INVALID_ARGUMENT' });
		await expect(client.data({ kpis: ['N31807'], years: [2020], fromDate: '2024/01/01' })).rejects.toMatchObject({
			code: 'KOLADA_INVALID_ARGUMENT',
		});
		expect(await client.data({ kpis: [], years: [2020] })).toEqual([]);
		expect(fake.stats.requests).toBe(0);
	});

	it.each(['isdeleted', 'is_deleted'] as const)(
		'GIVEN from_date and the %s flag THEN a subset arrives with deletions marked and valued null',
		async (deletionFlag) => {
			const fake = await startFake({ deletionFlag, referenceDate: '2026-03-23' });
			const { client } = clientFor(fake);
			const query = { kpis: kommunKpis(fake, 3), municipalities: kommuner(fake, 25), years: [2021, 2022, 2023] };
			const all = await client.data(query);
			const changed = await client.data({ ...query, fromDate: '2025-09-01' });
			expect(fake.log.at(-1)?.url).toContain('from_date=2025-09-01');
			expect(changed.length).toBeGreaterThan(0);
			expect(changed.length).toBeLessThan(all.length);
			const deleted = changed.filter((r) => r.deleted);
			expect(deleted.length).toBeGreaterThan(0);
			expect(deleted.every((r) => r.value === null)).toBe(true);
			expect(changed.some((r) => !r.deleted)).toBe(true);
		},
	);

	it('GIVEN the same fake seed THEN both deletion spellings mark the same records', async () => {
		const a = await startFake({ deletionFlag: 'isdeleted' });
		const b = await startFake({ deletionFlag: 'is_deleted' });
		const query = {
			kpis: ['N31807', 'N31814'],
			municipalities: kommuner(a, 20),
			years: [2022, 2023],
			fromDate: '2025-06-01',
		};
		const key = (r: { kpi: string; municipality: string; period: number; gender: string; deleted: boolean }): string =>
			`${r.kpi}|${r.municipality}|${r.period}|${r.gender}|${r.deleted}`;
		const fromA = (await clientFor(a).client.data(query)).map(key).sort();
		const fromB = (await clientFor(b).client.data(query)).map(key).sort();
		expect(fromA).toEqual(fromB);
	});

	it('GIVEN overlapping pages THEN records are de-duplicated on kpi, area, period and gender', async () => {
		const row = { kpi: 'N31807', municipality: '0180', period: 2023, values: [{ gender: 'T', value: 1.5 }] };
		const pages = [
			{ values: [row], next_url: 'http://kolada.test/v3/data/page2' },
			{ values: [{ ...row, values: [{ gender: 'T', value: 2.5, status: '' }] }], next_url: null },
		];
		const fetchImpl = (() => {
			const body = JSON.stringify(pages.shift());
			return Promise.resolve(new Response(body, { status: 200 }));
		}) as typeof fetch;
		const client = new KoladaClient({ baseUrl: 'http://kolada.test/v3', fetchImpl, minIntervalMs: 0 });
		const records = await client.data({ kpis: ['N31807'], municipalities: ['0180'] });
		expect(records).toEqual([
			{
				kpi: 'N31807',
				municipality: '0180',
				period: 2023,
				gender: 'T',
				value: 2.5,
				count: null,
				status: '',
				deleted: false,
			},
		]);
	});
});

describe('KoladaClient retries', () => {
	it('GIVEN 503 twice THEN the third attempt succeeds', async () => {
		const fake = await startFake();
		const { client, retries } = clientFor(fake);
		fake.inject({ kind: 'status', status: 503, times: 2 });
		expect(await client.municipalities()).toHaveLength(312);
		expect(fake.stats.requests).toBe(3);
		expect(client.stats).toMatchObject({ requests: 3, retries: 2, pages: 1 });
		expect(retries.map((r) => r.error.code)).toEqual(['KOLADA_SERVER_ERROR', 'KOLADA_SERVER_ERROR']);
	});

	it('GIVEN 429 with Retry-After: 1 THEN the client waits a second before retrying', async () => {
		const fake = await startFake();
		const clock = virtualClock();
		const attempts: number[] = [];
		const { client, retries } = clientFor(fake, { clock, onRequest: () => attempts.push(clock.now()) });
		fake.inject({ kind: 'status', status: 429, retryAfter: 1 });
		await client.municipalities();
		expect(retries[0]).toMatchObject({ delayMs: 1000, error: { code: 'KOLADA_RATE_LIMITED' } });
		expect(clock.ends).toEqual([1000]);
		expect(attempts).toEqual([0, 1000]);
	});

	it('GIVEN a huge Retry-After THEN the wait is capped by maxRetryAfterMs', async () => {
		const fake = await startFake();
		const { client, retries } = clientFor(fake, { maxRetryAfterMs: 20 });
		fake.inject({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 3_600_000).toUTCString() });
		await client.municipalities();
		expect(retries[0]?.delayMs).toBe(20);
		const details = retries[0]?.error.details;
		expect(details?.code).toBe('KOLADA_RATE_LIMITED');
		expect(details?.code === 'KOLADA_RATE_LIMITED' ? details.retryAfterMs : undefined).toBeGreaterThan(3_000_000);
	});

	it.each([
		['invalid-json', 'KOLADA_INVALID_JSON'],
		['short-body', 'KOLADA_NETWORK'],
		['chunked', 'KOLADA_NETWORK'],
	] as const)('GIVEN a %s truncated body THEN it is retried (%s)', async (mode, code) => {
		const fake = await startFake();
		const { client, retries } = clientFor(fake);
		fake.inject({ kind: 'truncate', mode });
		expect(await client.kpis()).toHaveLength(fake.kpis.length);
		expect(retries.map((r) => r.error.code)).toEqual([code]);
		expect(fake.stats.requests).toBe(2);
	});

	it('GIVEN a dropped connection THEN it is retried as a network error', async () => {
		const fake = await startFake();
		const { client, retries } = clientFor(fake);
		fake.inject({ kind: 'reset' });
		expect(await client.municipalities()).toHaveLength(312);
		expect(retries.map((r) => r.error.code)).toEqual(['KOLADA_NETWORK']);
		expect(fake.stats.requests).toBe(2);
	});

	it('GIVEN a server slower than the timeout THEN the request times out and the retry succeeds', async () => {
		const fake = await startFake();
		const { client, retries } = clientFor(fake, { timeoutMs: 150 });
		fake.inject({ kind: 'delay', ms: 1_000 });
		expect(await client.municipalities()).toHaveLength(312);
		expect(retries.map((r) => r.error.code)).toEqual(['KOLADA_TIMEOUT']);
	});

	it('GIVEN a persistent 503 THEN retries are exhausted with a clear error', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake, { maxRetries: 2 });
		fake.inject({ kind: 'status', status: 503, times: Infinity });
		const error: unknown = await client.municipalities().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KoladaError);
		const exhausted = error as KoladaError;
		expect(exhausted.code).toBe('KOLADA_RETRIES_EXHAUSTED');
		expect(exhausted.details).toMatchObject({ attempts: 3, lastError: { code: 'KOLADA_SERVER_ERROR' } });
		expect(exhausted.cause).toBeInstanceOf(KoladaError);
		expect(exhausted.message).toContain('HTTP 503');
		expect(fake.stats.requests).toBe(3);
	});

	it('GIVEN the v2 API THEN 410 is KOLADA_RETIRED without retry', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake, { baseUrl: `${fake.origin}/v2` });
		const error: unknown = await client.kpis().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KoladaError);
		expect(error).toMatchObject({ code: 'KOLADA_RETIRED', details: { status: 410 } });
		expect((error as Error).message).toContain(`endpoint retired/not found: ${fake.origin}/v2/kpi`);
		expect(fake.stats.requests).toBe(1);
	});

	it('GIVEN an unknown route THEN 404 is KOLADA_RETIRED without retry', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake, { baseUrl: `${fake.origin}/v9` });
		await expect(client.municipalities()).rejects.toMatchObject({
			code: 'KOLADA_RETIRED',
			details: { status: 404 },
		});
		expect(fake.stats.requests).toBe(1);
	});

	it('GIVEN a server that accepts fewer ids than 25 THEN the 400 is KOLADA_BAD_REQUEST with the body', async () => {
		const fake = await startFake({ maxIds: 5 });
		const { client } = clientFor(fake);
		const error: unknown = await client.kpisById(fake.kpis.slice(0, 10).map((k) => k.id)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KoladaError);
		expect(error).toMatchObject({
			code: 'KOLADA_BAD_REQUEST',
			details: { status: 400, bodyExcerpt: expect.stringContaining('Too many values') as unknown },
		});
		expect(fake.stats.requests).toBe(1);
	});

	it('GIVEN a value sent as a string THEN that record is quarantined and named, the rest kept, nothing retried', async () => {
		const fake = await startFake();
		const { client, warnings } = clientFor(fake);
		fake.inject({ kind: 'drift', drift: 'value-as-string', rowIndex: 3 });
		const query = { kpis: ['N31807'], municipalities: ['0180', '1480'], years: [2020, 2021] };
		const records = await client.data(query);
		const clean = await clientFor(fake).client.data(query);
		expect(client.stats.quarantined).toBe(1);
		expect(records.length).toBe(clean.length - 1);
		const warning = warnings.find((w) => w.code === 'quarantined');
		expect(warning?.message).toContain('values[3].values[0].value: expected number, got string');
		expect(warning?.url).toContain(fake.baseUrl);
		expect(fake.stats.requests).toBe(2);
	});

	it('GIVEN a renamed period or a numeric municipality id THEN the record is quarantined, naming that field', async () => {
		const fake = await startFake();
		const { client, warnings } = clientFor(fake);
		fake.inject({ kind: 'drift', drift: 'period-renamed' });
		const rows = await client.data({ kpis: ['N31807'], municipalities: ['0180'] });
		expect(rows.length).toBeGreaterThan(0);
		expect(warnings.at(-1)?.message).toContain('values[0].period');
		fake.inject({ kind: 'drift', drift: 'municipality-as-number' });
		expect(await client.municipalities()).toHaveLength(fake.municipalities.length - 1);
		expect(warnings.at(-1)?.message).toContain('values[0].id: expected string, got number');
		expect(client.stats.quarantined).toBe(2);
	});

	it('GIVEN a page whose envelope is broken THEN KOLADA_SCHEMA names the field and nothing is retried', async () => {
		const fake = await startFake();
		const { client } = clientFor(fake);
		fake.inject({ kind: 'drift', drift: (body) => ({ ...body, values: 'inga' }) });
		const error: unknown = await client.municipalities().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KoladaError);
		expect(error).toMatchObject({ code: 'KOLADA_SCHEMA', details: { fieldPath: 'values' } });
		expect(fake.stats.requests).toBe(1);
	});
});

describe('KoladaClient politeness', () => {
	it('GIVEN many chunks and a slow server THEN in-flight requests never exceed the bound', async () => {
		const fake = await startFake({ latencyMs: 25, maxPerPage: 3000 });
		const { client } = clientFor(fake, { concurrency: 3 });
		const records = await client.data({
			kpis: kommunKpis(fake, 100),
			municipalities: kommuner(fake, 100),
			years: [2023],
		});
		expect(records.length).toBeGreaterThan(9000);
		expect(fake.stats.requests).toBeGreaterThanOrEqual(16);
		expect(fake.stats.maxInFlight).toBe(3);
		expect(client.stats.maxInFlight).toBe(3);
	});

	it('GIVEN minIntervalMs THEN request starts are spaced even with free slots', async () => {
		const fake = await startFake();
		const clock = virtualClock();
		const { client } = clientFor(fake, { concurrency: 4, minIntervalMs: 60, clock });
		await client.kpisById(fake.kpis.slice(0, 100).map((k) => k.id));
		expect(fake.stats.requests).toBe(4);
		// Four free slots, yet the first request starts at once and each of the others waits until
		// its own interval: 60, 120 and 180 ms after the first.
		expect([...clock.ends].sort((a, b) => a - b)).toEqual([60, 120, 180]);
	});

	it('GIVEN an aborted signal THEN the call rejects with KOLADA_ABORTED', async () => {
		const fake = await startFake({ latencyMs: 200 });
		const { client } = clientFor(fake);
		const controller = new AbortController();
		const pending = client.municipalities({ signal: controller.signal });
		setTimeout(() => controller.abort(), 30);
		await expect(pending).rejects.toBeInstanceOf(KoladaError);
		await expect(pending).rejects.toMatchObject({ code: 'KOLADA_ABORTED' });
	});

	it('GIVEN hooks THEN onRequest sees each attempt and onProgress reports chunks and pages', async () => {
		const fake = await startFake({ maxPerPage: 40 });
		const attempts: number[] = [];
		const progress: { chunksDone: number; chunksTotal: number; pages: number }[] = [];
		const { client } = clientFor(fake, {
			onRequest: (info) => attempts.push(info.attempt),
			onProgress: (p) => progress.push(p),
		});
		fake.inject({ kind: 'status', status: 500 });
		await client.kpis();
		expect(attempts).toEqual([1, 2, 1, 1]);
		expect(progress.at(-1)).toMatchObject({ chunksDone: 1, chunksTotal: 1, pages: 3 });
		expect(client.stats.bytes).toBeGreaterThan(10_000);
	});
});

describe('KoladaClient and hostile or unusual responses', () => {
	it.each([true, false])(
		'GIVEN a body far above the cap (Content-Length sent: %s) THEN it is refused while it streams, without retry',
		async (announce) => {
			const fake = await startFake();
			const { client } = clientFor(fake, { maxBodyBytes: 2 * 1024 * 1024 });
			fake.inject({ kind: 'huge-body', bytes: 50 * 1024 * 1024, announce });
			const error: unknown = await client.municipalities().catch((e: unknown) => e);
			expect(error).toBeInstanceOf(KoladaError);
			expect((error as KoladaError).code).toBe('KOLADA_BODY_TOO_LARGE');
			expect(fake.stats.requests).toBe(1);
			expect(client.stats.bytes).toBe(0);
		},
	);

	it('GIVEN a KPI id with ../ and a 50 000-character kommun name THEN those records are quarantined, the rest kept', async () => {
		const base = await startFake();
		const hostile = { ...base.kpis[0]!, id: '../../etc/N31807', title: 'Ekonomiskt bistånd, andel (%)' };
		const fake = await startFake({ kpis: [...base.kpis, hostile] });
		const { client, warnings } = clientFor(fake);
		const kpis = await client.kpis();
		expect(kpis.map((k) => k.id)).not.toContain(hostile.id);
		expect(kpis).toHaveLength(base.kpis.length);
		fake.inject({
			kind: 'drift',
			drift: (body) => ({
				...body,
				values: [...(body['values'] as object[]), { id: '9999', title: 'x'.repeat(50_000), type: 'K' }],
			}),
		});
		const municipalities = await client.municipalities();
		expect(municipalities.every((m) => m.title.length <= 200)).toBe(true);
		expect(client.stats.quarantined).toBe(2);
		const message = warnings.filter((w) => w.code === 'quarantined').at(-1)?.message ?? '';
		expect(message).toContain('values[312].title');
		expect(message.length).toBeLessThan(400);
	});

	it('GIVEN a value of 1e309 THEN the record is quarantined as "not a finite number"', async () => {
		const fake = await startFake();
		const { client, warnings } = clientFor(fake);
		fake.inject({
			kind: 'raw',
			text: (body) => JSON.stringify(body).replace(/"value":[^,}]+/, '"value":1e309'),
		});
		const rows = await client.data({ kpis: ['N31807'], municipalities: ['0180'], years: [2020, 2021] });
		expect(rows.every((r) => r.value === null || Number.isFinite(r.value))).toBe(true);
		expect(client.stats.quarantined).toBe(1);
		expect(warnings.find((w) => w.code === 'quarantined')?.message).toContain('not a finite number');
	});

	it('GIVEN a server that answers 404 for an empty selection THEN data after metadata is no rows, before it the API is retired', async () => {
		const fake = await startFake({ emptyData: 404, kpisWithoutValues: ['N31807'] });
		const before = clientFor(fake).client;
		await expect(before.data({ kpis: ['N31807'], municipalities: ['0180'] })).rejects.toMatchObject({
			code: 'KOLADA_RETIRED',
		});
		const { client, warnings } = clientFor(fake);
		await client.municipalities();
		expect(await client.data({ kpis: ['N31807'], municipalities: ['0180'] })).toEqual([]);
		expect(client.stats.notFoundAsEmpty).toBe(1);
		expect(warnings.map((w) => w.code)).toContain('empty-result');
		expect(await client.data({ kpis: ['N31814'], municipalities: ['0180'] })).not.toEqual([]);
	});

	it.each(['isdeleted', 'is_deleted'] as const)(
		'GIVEN deletions flagged on the row (%s) THEN every value of that row is marked deleted',
		async (deletionFlag) => {
			const onValue = await startFake({ deletionFlag });
			const onRow = await startFake({ deletionFlag, deletionOn: 'row' });
			const query = { kpis: ['N31807', 'N31814'], municipalities: kommuner(onValue, 20), fromDate: '2025-06-01' };
			const key = (r: {
				kpi: string;
				municipality: string;
				period: number;
				gender: string;
				deleted: boolean;
			}): string => `${r.kpi}|${r.municipality}|${r.period}|${r.gender}|${r.deleted}`;
			const fromValue = (await clientFor(onValue).client.data(query)).map(key).sort();
			const fromRow = (await clientFor(onRow).client.data(query)).map(key).sort();
			expect(fromRow.filter((k) => k.endsWith('|true')).length).toBeGreaterThan(0);
			expect(fromRow).toEqual(fromValue);
		},
	);

	it('GIVEN the same key twice in one answer THEN the duplicate is counted and reported', async () => {
		const fake = await startFake();
		const { client, warnings } = clientFor(fake);
		fake.inject({
			kind: 'drift',
			drift: (body) => {
				const values = body['values'] as object[];
				return { ...body, values: [...values, values[0]] };
			},
		});
		await client.data({ kpis: ['N31807'], municipalities: ['0180'], years: [2020] });
		expect(client.stats.duplicates).toBeGreaterThan(0);
		expect(warnings.map((w) => w.code)).toContain('duplicate-keys');
	});
});
