import { afterEach, describe, expect, it, vi } from 'vitest';

import { KoladaFake, valueModelForTitle, type KoladaFakeOptions } from '../../fakes/kolada-server.js';

const fakes: KoladaFake[] = [];

async function startFake(opts: KoladaFakeOptions = {}): Promise<KoladaFake> {
	const fake = await KoladaFake.start(opts);
	fakes.push(fake);
	return fake;
}

afterEach(async () => {
	await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(url);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('KoladaFake', () => {
	it('GIVEN the whole catalogue THEN KPIs are served with JSON booleans and nulls, not CSV strings', async () => {
		const fake = await startFake({ kpiSource: 'catalog', maxPerPage: 5000 });
		expect(fake.kpis).toHaveLength(6931);
		const { body } = await getJson(`${fake.baseUrl}/kpi`);
		expect(body['count']).toBe(5000);
		expect(typeof body['next_url']).toBe('string');
		const values = body['values'] as Record<string, unknown>[];
		expect(
			values.every((k) => typeof k['is_divided_by_gender'] === 'boolean' && typeof k['has_ou_data'] === 'boolean'),
		).toBe(true);
		expect(values.some((k) => k['publication_date'] === null)).toBe(true);
		expect(values.some((k) => k['publication_date'] === '')).toBe(false);
		const latest = await startFake({ kpiSource: 'catalog-latest' });
		expect(latest.kpis).toHaveLength(6099);
	});

	it('GIVEN paging THEN next_url and previous_url are full URLs that keep the query', async () => {
		const fake = await startFake({ maxPerPage: 100 });
		const first = await getJson(`${fake.baseUrl}/municipality?region_type=K`);
		expect(first.body['next_url']).toBe(`${fake.baseUrl}/municipality?region_type=K&page=2`);
		expect(first.body['previous_url']).toBeNull();
		const third = await getJson(`${fake.baseUrl}/municipality?region_type=K&page=3`);
		expect(third.body['count']).toBe(90);
		expect(third.body['next_url']).toBeNull();
		expect(third.body['previous_url']).toBe(`${fake.baseUrl}/municipality?region_type=K&page=2`);
	});

	it('GIVEN limits THEN long lists, bad paging and incomplete data queries get 400 with a JSON body', async () => {
		const fake = await startFake();
		const ids = Array.from({ length: 26 }, (_, i) => String(1000 + i)).join(',');
		const tooLong = await getJson(`${fake.baseUrl}/data/kpi/N31807/municipality/${ids}`);
		expect(tooLong.status).toBe(400);
		expect(String(tooLong.body['detail'])).toContain('26');
		expect((await getJson(`${fake.baseUrl}/kpi?per_page=abc`)).status).toBe(400);
		expect((await getJson(`${fake.baseUrl}/data?kpi_id=N31807`)).status).toBe(400);
		expect(fake.stats.maxListLength).toBe(26);
	});

	it('GIVEN the query form THEN it matches the path form, and a misspelt parameter silently gives nothing', async () => {
		const fake = await startFake();
		const path = await getJson(`${fake.baseUrl}/data/kpi/N31807,N31814/municipality/0180,1480/year/2022,2023`);
		const query = await getJson(`${fake.baseUrl}/data?kpi_id=N31807,N31814&municipality_id=0180,1480&year=2022,2023`);
		expect(query.body['values']).toEqual(path.body['values']);
		expect(path.body['count']).toBe(8);
		const misspelt = await getJson(`${fake.baseUrl}/data?kpi_id=N31807&municipality=0180&year=2023`);
		expect(misspelt).toEqual({ status: 200, body: { count: 0, values: [], next_url: null, previous_url: null } });
	});

	it('GIVEN v2 paths and unknown routes THEN 410 and 404', async () => {
		const fake = await startFake();
		expect((await getJson(`${fake.origin}/v2/kpi`)).status).toBe(410);
		expect((await getJson(`${fake.origin}/v2/data/kpi/N31807/year/2020`)).status).toBe(410);
		expect((await getJson(`${fake.baseUrl}/nonsense`)).status).toBe(404);
	});

	it('GIVEN the same seed THEN values are deterministic; another seed changes them', async () => {
		const a = await startFake();
		const b = await startFake();
		const c = await startFake({ seed: 2 });
		const url = '/data/kpi/N31807/municipality/0180/year/2020,2021,2022';
		const [ra, rb, rc] = await Promise.all([a, b, c].map((f) => getJson(`${f.baseUrl}${url}`)));
		expect(ra!.body['values']).toEqual(rb!.body['values']);
		expect(ra!.body['values']).not.toEqual(rc!.body['values']);
		expect(a.expectedRow('N31807', '0180', 2020)).toEqual((ra!.body['values'] as unknown[])[0]);
	});

	it('GIVEN KPI titles THEN value models follow the unit and the coding', () => {
		expect(valueModelForTitle('Invånare med ekonomiskt bistånd, andel (%)')).toMatchObject({ min: 0, max: 30 });
		expect(valueModelForTitle('Kostnad ekonomiskt bistånd, kr/inv')).toMatchObject({ min: 200, max: 4000 });
		expect(valueModelForTitle('Automatiserade processer (Ja=1, Nej=0)')).toEqual({ kind: 'codes', codes: [0, 1] });
		expect(valueModelForTitle('Budget (Överskott=2, Balans=1, Underskott=0)')).toEqual({
			kind: 'codes',
			codes: [0, 1, 2],
		});
		expect(valueModelForTitle('Sorteringsnyckel, (skala 1-8, 1=låg risk, 8 = hög risk).')).toEqual({
			kind: 'codes',
			codes: [1, 2, 3, 4, 5, 6, 7, 8],
		});
	});

	it('GIVEN 300 concurrent requests held open THEN all are in flight at once, then all are answered', async () => {
		const fake = await startFake({ latencyMs: 20 });
		const release = fake.hold();
		const pending = Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				fetch(`${fake.baseUrl}/data/kpi/N31807/municipality/${fake.municipalities[i % 312]!.id}/year/2023`),
			),
		);
		await vi.waitFor(() => expect(fake.stats.inFlight).toBe(300), { timeout: 60_000, interval: 20 });
		release();
		const responses = await pending;
		expect(responses.every((r) => r.status === 200)).toBe(true);
		await Promise.all(responses.map((r) => r.arrayBuffer()));
		expect(fake.stats.requests).toBe(300);
		expect(fake.stats.maxInFlight).toBe(300);
		expect(fake.log).toHaveLength(300);
	});

	it('GIVEN injected faults THEN match and times are honoured and the log records them', async () => {
		const fake = await startFake();
		const handle = fake.inject({ kind: 'status', status: 500, times: 2, match: (url) => url.includes('/kpi') });
		expect((await fetch(`${fake.baseUrl}/municipality`)).status).toBe(200);
		expect((await fetch(`${fake.baseUrl}/kpi`)).status).toBe(500);
		expect((await fetch(`${fake.baseUrl}/kpi`)).status).toBe(500);
		expect((await fetch(`${fake.baseUrl}/kpi`)).status).toBe(200);
		expect(handle).toMatchObject({ triggered: 2, remaining: 0 });
		const rate = fake.inject({ kind: 'status', status: 429, retryAfter: 7 });
		expect((await fetch(`${fake.baseUrl}/kpi`)).headers.get('retry-after')).toBe('7');
		expect(rate.triggered).toBe(1);
		expect(fake.log.filter((e) => e.fault === 'status')).toHaveLength(3);
		expect(fake.stats.faultsTriggered).toBe(3);
		await expect(
			(async () => {
				fake.inject({ kind: 'reset' });
				await fetch(`${fake.baseUrl}/kpi`);
			})(),
		).rejects.toThrow();
		expect(fake.log.at(-1)?.status).toBe(0);
	});
});
