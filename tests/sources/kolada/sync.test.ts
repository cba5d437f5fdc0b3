import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetFile, Point } from '../../../src/dataset/schema.js';
import { readDataset, validateDataset } from '../../../src/dataset/store.js';
import type { KoladaRetryInfo } from '../../../src/sources/kolada/client.js';
import {
	formatSyncSummary,
	isEkonomisktBistandKpi,
	lastSyncDate,
	syncFromKolada,
	SyncError,
	type SyncResult,
} from '../../../src/sources/kolada/sync.js';
import { KoladaFake, type FakeDataRow, type KoladaFakeOptions } from '../../fakes/kolada-server.js';
import { fastClient, tempDataset, TODAY, type TempData } from './sync-helpers.js';

const CATEGORICAL_SYNCED = ['U31341', 'U40826', 'U30426', 'U30427', 'U30446'];

/** Every point of an indicator × area × gender × measure, by year. */
function pointsOf(
	data: DatasetFile,
	indicator: string,
	area: string,
	measure = 'value',
	gender = 'T',
): Map<number, Point> {
	const series = data.series.find(
		(s) => s.indicator === indicator && s.area === area && s.measure === measure && s.gender === gender,
	);
	return new Map((series?.points ?? []).map((p) => [p[0], p]));
}

function provKinds(data: DatasetFile): Map<number, string> {
	return new Map(data.provenance.map((p) => [p.id, p.kind]));
}

async function expectSyncError(promise: Promise<unknown>, code: SyncError['code']): Promise<SyncError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(SyncError);
	expect((error as SyncError).code).toBe(code);
	return error as SyncError;
}

let bundled: DatasetFile;
let temp: TempData;

beforeAll(async () => {
	temp = await tempDataset();
	bundled = await readDataset(temp.file);
});

afterAll(async () => {
	await temp.remove();
});

describe('KPI selection rule', () => {
	it('GIVEN the current Kolada catalogue THEN exactly the ekonomiskt-bistånd KPIs are selected', async () => {
		const fake = await KoladaFake.start({ kpiSource: 'catalog-latest' });
		try {
			const selected = fake.kpis.filter((k) => isEkonomisktBistandKpi(k)).map((k) => k.id);
			expect(selected).toHaveLength(110);
			for (const id of ['N31807', 'N31814', 'U31401', 'U31402', 'N00702', 'N31805', 'N31806', 'U31900', 'U01803']) {
				expect(selected).toContain(id);
			}
			// Missbruk-boende, IFO totals that include EB, school models and IFO-wide user surveys are not EB KPIs.
			for (const id of ['N35006', 'N35012', 'N35806', 'N30005', 'N30101', 'U15441', 'U30452', 'U33401']) {
				expect(selected).not.toContain(id);
			}
		} finally {
			await fake.close();
		}
	});

	it('GIVEN the EB sample catalogue THEN everything except the missbruk-boende KPIs is selected', async () => {
		const fake = await KoladaFake.start();
		try {
			const rejected = fake.kpis.filter((k) => !isEkonomisktBistandKpi(k)).map((k) => k.id);
			expect(rejected).toEqual(['N35006', 'N35012', 'N35023', 'N35801', 'N35806']);
		} finally {
			await fake.close();
		}
	});
});

describe('full sync', () => {
	let fake: KoladaFake;
	let result: SyncResult;
	const injectedRows: FakeDataRow[] = [
		// Kolada's unweighted Riket mean of a Ja/Nej question: never stored.
		{
			kpi: 'U31341',
			municipality: '0000',
			period: 2020,
			values: [{ gender: 'T', count: 290, status: '', value: 1.4 }],
		},
		// An answer code outside the scale (Ja=1, Nej=0).
		{ kpi: 'U31341', municipality: '0180', period: 2015, values: [{ gender: 'T', count: 1, status: '', value: 7 }] },
	];

	beforeAll(async () => {
		// The current catalogue (6 099 KPIs: two catalogue pages) and 2016–2024 (25 KPIs × 25 areas × 9 years = 5 625 rows: two data pages).
		fake = await KoladaFake.start({
			kpiSource: 'catalog-latest',
			years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
		});
		fake.inject({
			kind: 'drift',
			match: (url) => url.startsWith('/v3/data/') && url.includes('U31341') && url.includes('0180'),
			drift: (body) => ({ ...body, values: [...(body['values'] as unknown[]), ...injectedRows] }),
		});
		result = await syncFromKolada({
			base: bundled,
			clientOptions: fastClient(fake.baseUrl),
			options: { full: true },
			today: TODAY,
		});
	});

	afterAll(async () => {
		await fake.close();
	});

	it('GIVEN the fake THEN every selected KPI has Kolada values and every kommun is covered', () => {
		const { dataset, summary } = result;
		expect(summary.mode).toBe('full');
		expect(summary.kpis.byRule).toBe(110);
		// The rule plus the bundle's own Kolada KPIs (vräkningar, hemlöshet, bostadsmarknad).
		expect(summary.kpis.synced).toBe(115);
		expect(summary.areas.kommunerWithValues).toBeGreaterThanOrEqual(280);
		const kinds = provKinds(dataset);
		const withKolada = new Set(
			dataset.series
				.filter((s) => s.points.some((p) => p[1] !== null && kinds.get(p[2]) === 'kolada'))
				.map((s) => s.indicator),
		);
		const synced = dataset.indicators.filter((i) => i.kolada?.status === 'active').map((i) => i.id);
		expect(synced).toHaveLength(115);
		for (const id of synced) expect(withKolada.has(id), id).toBe(true);
		expect(() => validateDataset(JSON.parse(JSON.stringify(dataset)) as unknown, 'test')).not.toThrow();
	});

	it('GIVEN yes/no KPIs THEN only kommun answers are stored, never Kolada averages or unknown codes', () => {
		const { dataset, summary } = result;
		const areaType = new Map(dataset.areas.map((a) => [a.id, a.type]));
		for (const id of CATEGORICAL_SYNCED) {
			const series = dataset.series.filter(
				(s) => s.indicator === id && s.measure !== 'share' && s.measure !== 'shareAny',
			);
			expect(series.length, id).toBeGreaterThan(200);
			expect(series.every((s) => s.measure === 'answer' && areaType.get(s.area) === 'kommun')).toBe(true);
		}
		expect(pointsOf(dataset, 'U31341', '0000', 'answer').size).toBe(0);
		expect(pointsOf(dataset, 'U31341', '0180', 'answer').has(2015)).toBe(false);
		expect(summary.values.skippedCategoricalAggregates).toBe(1);
		expect(summary.values.skippedUnknownCodes).toBe(1);
		// Categorical KPIs are only asked for kommuner.
		const categoricalUrls = fake.log.filter((e) => e.url.includes('U31341'));
		expect(categoricalUrls.every((e) => !/[,/]0000[,/?]/.test(e.url))).toBe(true);
	});

	it('GIVEN bundled survey and Regionfakta figures THEN they stay, and Kolada values replacing them are counted', () => {
		const { dataset, summary } = result;
		const freda = pointsOf(dataset, 'U31509', '0000', 'share');
		expect(freda.get(2019)?.[1]).toBe(73);
		expect(freda.get(2020)?.[1]).toBe(75);
		expect(dataset.indicators.find((i) => i.id === 'U31509')?.kolada?.status).toBe('removed');

		const before = provKinds(bundled);
		const after = provKinds(dataset);
		const regionfakta = bundled.series.flatMap((s) =>
			s.points.filter((p) => before.get(p[2]) === 'regionfakta').map((p) => ({ s, p })),
		);
		const old = regionfakta.find(({ p }) => p[0] < 2016 && p[1] !== null);
		expect(old).toBeDefined();
		const kept = pointsOf(dataset, old!.s.indicator, old!.s.area).get(old!.p[0]);
		expect(kept?.[1]).toBe(old!.p[1]);
		expect(after.get(kept![2])).toBe('regionfakta');

		const replacedOne = regionfakta.find(({ s, p }) => {
			const value = fake.expectedRow(s.indicator, s.area, p[0])?.values.find((v) => v.gender === 'T')?.value;
			return value !== null && value !== undefined && value !== p[1];
		});
		expect(replacedOne).toBeDefined();
		const now = pointsOf(dataset, replacedOne!.s.indicator, replacedOne!.s.area).get(replacedOne!.p[0]);
		const expected = fake
			.expectedRow(replacedOne!.s.indicator, replacedOne!.s.area, replacedOne!.p[0])
			?.values.find((v) => v.gender === 'T');
		expect(now?.[1]).toBe(expected?.value);
		expect(after.get(now![2])).toBe('kolada');
		expect(summary.values.replaced).toBeGreaterThan(0);
		expect(summary.values.keptOtherSources).toBeGreaterThan(0);
	});

	it('GIVEN missing Kolada values THEN they are kept as missing with a status', () => {
		const kinds = provKinds(result.dataset);
		const missing = result.dataset.series
			.flatMap((s) => s.points)
			.filter((p) => p[1] === null && kinds.get(p[2]) === 'kolada');
		expect(missing.length).toBeGreaterThan(1000);
		expect(new Set(missing.map((p) => p[3]))).toEqual(new Set(['Missing', 'saknas']));
	});

	it('GIVEN the sync THEN provenance, import record, indicators and groupings are updated', () => {
		const { dataset, summary } = result;
		const mine = dataset.provenance.filter(
			(p) => p.kind === 'kolada' && p.date === '2026-03-23' && p.url === fake.baseUrl,
		);
		expect(mine).toHaveLength(1);
		expect(mine[0]?.attribution).toBe('Källa: Kolada');
		expect(dataset.imports.at(-1)).toMatchObject({
			kind: 'kolada-sync',
			summary: { läge: 'full', tillagda: summary.values.added },
		});
		expect(lastSyncDate(dataset)).toBe('2026-03-23');
		expect(dataset.builtFrom).toBe('2026-03-23');

		const n31807 = dataset.indicators.find((i) => i.id === 'N31807');
		expect(n31807?.keywords).toContain('biståndsmottagare');
		expect(n31807?.shortTitle).toBe('Invånare med ekonomiskt bistånd, andel');
		expect(n31807?.kolada).toMatchObject({ status: 'active', publicationDate: '2026-06-10', lastSeen: '2026-03-23' });
		const added = dataset.indicators.find((i) => i.id === 'U01803');
		expect(added).toMatchObject({ kind: 'percent', kolada: { status: 'active' } });
		expect(summary.kpis.added).toBe(1);

		const liknande = dataset.groupings.find((g) => g.id === 'liknande_eb');
		expect(liknande?.year).toBe(2023);
		expect(liknande?.groups).toHaveLength(290);
		expect(liknande?.groups.find((g) => g.focusId === '0180')?.members).toHaveLength(7);
		expect(dataset.provenance.find((p) => p.id === liknande?.prov)?.url).toBe(fake.baseUrl);
		const storstader = dataset.groupings.find((g) => g.id === 'kommungrupp2023')?.groups.find((g) => g.code === 'A1');
		expect(storstader?.members).toEqual(['0180', '1280', '1480']);

		const text = formatSyncSummary(summary);
		expect(text).toMatch(/Värden: [\d\s]+ mottagna – [\d\s]+ tillagda, [\d\s]+ ersatta, 0 oförändrade, 0 borttagna/u);
		expect(text).toContain('Anrop:');
	});

	it('GIVEN Kolada limits THEN no list is longer than 25 ids and catalogue and data are paged', () => {
		const stats = fake.stats;
		expect(stats.maxListLength).toBeLessThanOrEqual(25);
		expect(stats.byStatus[400]).toBeUndefined();
		expect(fake.log.some((e) => e.url.startsWith('/v3/kpi?') && e.url.includes('page=2'))).toBe(true);
		expect(fake.log.some((e) => e.url.startsWith('/v3/data/') && e.url.includes('page=2'))).toBe(true);
		expect(result.summary.requests).toBe(stats.requests);
	});

	it('GIVEN a later run with --since THEN only changes are fetched and deletions remove values', async () => {
		const kommuner = fake.municipalities.filter((m) => m.type === 'K').slice(0, 25);
		const probe = (await (
			await fetch(
				`${fake.baseUrl}/data/kpi/N31807/municipality/${kommuner.map((m) => m.id).join(',')}?from_date=2026-01-01`,
			)
		).json()) as { values: FakeDataRow[] };
		const deletedRow = probe.values.find((r) => r.values.some((v) => v.isdeleted === true));
		expect(deletedRow).toBeDefined();
		const deletedGender = deletedRow!.values.find((v) => v.isdeleted === true)!.gender;
		expect(
			pointsOf(result.dataset, 'N31807', deletedRow!.municipality, 'value', deletedGender).has(deletedRow!.period),
		).toBe(true);

		fake.resetLog();
		const next = await syncFromKolada({
			base: result.dataset,
			clientOptions: fastClient(fake.baseUrl),
			options: { since: '2026-01-01', kpis: ['N00945'] },
			today: new Date('2026-03-24T08:00:00Z'),
		});
		expect(next.summary.mode).toBe('incremental');
		expect(next.summary.since).toBe('2026-01-01');
		expect(next.summary.values.deleted).toBeGreaterThan(0);
		expect(next.summary.values.added).toBeGreaterThan(0);
		expect(
			pointsOf(next.dataset, 'N31807', deletedRow!.municipality, 'value', deletedGender).has(deletedRow!.period),
		).toBe(false);
		// A KPI new to the dataset is fetched whole, everything else only as changes.
		expect(next.summary.kpis.fetchedFully).toBe(1);
		const dataUrls = fake.log.filter((e) => e.url.startsWith('/v3/data/'));
		expect(dataUrls.filter((e) => !e.url.includes('from_date=2026-01-01')).every((e) => e.url.includes('N00945'))).toBe(
			true,
		);
		expect(dataUrls.some((e) => e.url.includes('N00945') && !e.url.includes('from_date'))).toBe(true);
		expect(pointsOf(next.dataset, 'N00945', '0180').size).toBeGreaterThan(0);
		expect(next.summary.requests).toBeLessThan(result.summary.requests + 20);

		// Without --since the day before the last sync is used (figures published later that day are not
		// missed if Kolada reads from_date as "after"); --full overrides it.
		fake.resetLog();
		const again = await syncFromKolada({ base: next.dataset, clientOptions: fastClient(fake.baseUrl), today: TODAY });
		expect(again.summary.since).toBe('2026-03-23');
		expect(
			fake.log.filter((e) => e.url.startsWith('/v3/data/')).every((e) => e.url.includes('from_date=2026-03-23')),
		).toBe(true);
	});
});

describe('sync against a small fake', () => {
	const small: KoladaFakeOptions = { years: [2023, 2024] };
	let fake: KoladaFake;

	beforeAll(async () => {
		fake = await KoladaFake.start(small);
	});

	afterAll(async () => {
		await fake.close();
	});

	function sync(extra: Parameters<typeof fastClient>[1] = {}, options = {}): Promise<SyncResult> {
		fake.clearFaults();
		fake.resetLog();
		return syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl, extra), options, today: TODAY });
	}

	it('GIVEN KPIs that Kolada no longer has THEN they stay with their values, marked removed', async () => {
		const { dataset, summary } = await sync();
		// The EB sample lacks the bundle's vräkning, hemlöshet, bostadsmarknad and månadsutbetalning KPIs.
		expect(summary.kpis.removed).toBe(7);
		const u30427 = dataset.indicators.find((i) => i.id === 'U30427');
		expect(u30427?.kolada?.status).toBe('removed');
		expect(u30427?.kolada?.publicationDate).toBe(
			bundled.indicators.find((i) => i.id === 'U30427')?.kolada?.publicationDate,
		);
		expect(pointsOf(dataset, 'U30427', '0000', 'share')).toEqual(pointsOf(bundled, 'U30427', '0000', 'share'));
		expect(pointsOf(dataset, 'U30427', '0000', 'share').size).toBeGreaterThan(0);
	});

	it('GIVEN 503s and a 429 with Retry-After THEN the sync retries and succeeds', async () => {
		const retries: KoladaRetryInfo[] = [];
		fake.clearFaults();
		fake.inject({ kind: 'status', status: 429, retryAfter: 1, match: (url) => url.startsWith('/v3/kpi') });
		fake.inject({ kind: 'status', status: 503, times: 3, match: (url) => url.startsWith('/v3/data/') });
		fake.resetLog();
		const { summary } = await syncFromKolada({
			base: bundled,
			clientOptions: fastClient(fake.baseUrl, { onRetry: (info) => retries.push(info) }),
			today: TODAY,
		});
		expect(summary.retries).toBe(4);
		expect(retries.find((r) => r.error.message.includes('429'))?.delayMs).toBe(200);
		expect(fake.stats.byStatus[503]).toBe(3);
		expect(summary.kpis.synced).toBeGreaterThan(100);
	});

	it('GIVEN the deletion flag spelled is_deleted THEN deletions still remove values', async () => {
		const v2 = await KoladaFake.start({ ...small, deletionFlag: 'is_deleted' });
		try {
			const first = await syncFromKolada({ base: bundled, clientOptions: fastClient(v2.baseUrl), today: TODAY });
			const second = await syncFromKolada({
				base: first.dataset,
				clientOptions: fastClient(v2.baseUrl),
				options: { since: '2025-12-01' },
				today: TODAY,
			});
			expect(second.summary.values.deleted).toBeGreaterThan(0);
		} finally {
			await v2.close();
		}
	});

	it('GIVEN a server that keeps failing THEN exhausted retries say what failed', async () => {
		fake.clearFaults();
		fake.inject({ kind: 'status', status: 503, times: Infinity, match: (url) => url.startsWith('/v3/municipality?') });
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl, { maxRetries: 2 }), today: TODAY }),
			'KOLADA_UNAVAILABLE',
		);
		expect(error.message).toContain('3 försök');
		expect(error.message).toContain('HTTP 503');
		expect(error.message).toContain('/v3/municipality');
	});

	it('GIVEN one drifted record THEN it is quarantined and counted; drift in every record stops the sync naming the field', async () => {
		fake.clearFaults();
		fake.inject({ kind: 'drift', drift: 'value-as-string', match: (url) => url.startsWith('/v3/data/') });
		const { summary } = await syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl), today: TODAY });
		expect(summary.values.quarantined).toBe(1);
		expect(formatSyncSummary(summary)).toContain('1 poster i karantän');
		fake.clearFaults();
		fake.inject({
			kind: 'drift',
			times: Infinity,
			match: (url) => url.startsWith('/v3/data/'),
			drift: (body) => ({
				...body,
				values: (body['values'] as FakeDataRow[]).map((r) => ({ ...r, period: String(r.period) })),
			}),
		});
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl), today: TODAY }),
			'GATE',
		);
		expect(error.message).toContain('klarade inte kontrollen');
		expect(error.details.join('\n')).toContain('period: expected number, got string');
	});

	it('GIVEN a retired API THEN the error says so', async () => {
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(`${fake.origin}/v2`), today: TODAY }),
			'KOLADA_RETIRED',
		);
		expect(error.message).toContain('nedlagt');
		expect(error.message).toContain('HTTP 410');
	});

	it('GIVEN a KPI without any value THEN it is reported, keeps its previous values, and the sync goes on', async () => {
		const odd = await KoladaFake.start({ ...small, kpisWithoutValues: ['N31910'] });
		try {
			const { dataset, summary } = await syncFromKolada({
				base: bundled,
				clientOptions: fastClient(odd.baseUrl),
				today: TODAY,
			});
			expect(summary.emptyKpis).toEqual(['N31910']);
			expect(summary.warnings.join('\n')).toContain('N31910');
			expect(pointsOf(dataset, 'N31910', '0480')).toEqual(pointsOf(bundled, 'N31910', '0480'));
			expect(pointsOf(dataset, 'N31910', '0480').size).toBeGreaterThan(0);
		} finally {
			await odd.close();
		}
	});

	it('GIVEN a large share of KPIs without values THEN the transfer counts as broken and the sync fails', async () => {
		const ids = fake.kpis.slice(0, Math.ceil(fake.kpis.length / 2)).map((k) => k.id);
		const broken = await KoladaFake.start({ ...small, kpisWithoutValues: ids });
		try {
			const error = await expectSyncError(
				syncFromKolada({ base: bundled, clientOptions: fastClient(broken.baseUrl), today: TODAY }),
				'GATE',
			);
			expect(error.message).toContain('trasig överföring');
		} finally {
			await broken.close();
		}
	});

	it('GIVEN 404 for empty selections and deletions flagged on the row THEN full and incremental syncs work', async () => {
		const variant = await KoladaFake.start({
			...small,
			emptyData: 404,
			deletionOn: 'row',
			kpisWithoutValues: ['N31807'],
		});
		try {
			variant.inject({ kind: 'status', status: 404, match: (url) => url.startsWith('/v3/data/') });
			const first = await syncFromKolada({ base: bundled, clientOptions: fastClient(variant.baseUrl), today: TODAY });
			expect(first.summary.values.notFoundAsEmpty).toBe(1);
			expect(first.summary.emptyKpis).toEqual(['N31807']);
			const second = await syncFromKolada({
				base: first.dataset,
				clientOptions: fastClient(variant.baseUrl),
				options: { since: '2025-12-01' },
				today: TODAY,
			});
			expect(second.summary.values.deleted).toBeGreaterThan(0);
		} finally {
			await variant.close();
		}
	});

	it('GIVEN the same key twice THEN the sync fails as a broken transfer', async () => {
		fake.clearFaults();
		fake.inject({
			kind: 'drift',
			match: (url) => url.startsWith('/v3/data/'),
			drift: (body) => {
				const values = body['values'] as FakeDataRow[];
				return { ...body, values: [...values, ...values.slice(0, 1)] };
			},
		});
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl), today: TODAY }),
			'GATE',
		);
		expect(error.message).toContain('mer än en gång');
	});

	it('GIVEN hostile KPI ids and names THEN they are quarantined and never reach the dataset', async () => {
		const hostileKpi = { ...fake.kpis[0]!, id: '../x', title: 'Ekonomiskt bistånd ../../' };
		const hostile = await KoladaFake.start({ ...small, kpis: [...fake.kpis, hostileKpi] });
		try {
			hostile.inject({
				kind: 'drift',
				match: (url) => url.startsWith('/v3/municipality?'),
				drift: (body) => ({
					...body,
					values: (body['values'] as { id: string; title: string }[]).map((m) =>
						m.id === '0180' ? { ...m, title: 'S'.repeat(200_000) } : m,
					),
				}),
			});
			const { dataset, summary } = await syncFromKolada({
				base: bundled,
				clientOptions: fastClient(hostile.baseUrl),
				today: TODAY,
			});
			expect(summary.values.quarantined).toBe(2);
			expect(dataset.indicators.some((i) => i.id.includes('/'))).toBe(false);
			expect(dataset.areas.find((a) => a.id === '0180')?.name).toBe('Stockholm');
			expect(Math.max(...dataset.areas.map((a) => a.name.length))).toBeLessThanOrEqual(200);
		} finally {
			await hostile.close();
		}
	});

	it('GIVEN a 300 MB body THEN the sync stops with a clear one-line message', async () => {
		fake.clearFaults();
		fake.inject({
			kind: 'huge-body',
			bytes: 300 * 1024 * 1024,
			announce: false,
			match: (u) => u.startsWith('/v3/kpi'),
		});
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl), today: TODAY }),
			'KOLADA_OTHER',
		);
		expect(error.message).toMatch(/mer än 16 MB.*\/v3\/kpi/);
		expect(error.message).not.toContain('\n');
	});

	it('GIVEN too few kommuner THEN the gate fails before any data is fetched', async () => {
		fake.clearFaults();
		fake.inject({
			kind: 'drift',
			match: (url) => url.startsWith('/v3/municipality?'),
			drift: (body) => ({ ...body, values: (body['values'] as unknown[]).slice(0, 10) }),
		});
		fake.resetLog();
		const error = await expectSyncError(
			syncFromKolada({ base: bundled, clientOptions: fastClient(fake.baseUrl), today: TODAY }),
			'GATE',
		);
		expect(error.message).toContain('kommuner');
		expect(fake.log.some((e) => e.url.startsWith('/v3/data/'))).toBe(false);
	});

	it('GIVEN a catalogue that lost most known KPIs THEN the sync refuses to mark them removed', async () => {
		const tiny = await KoladaFake.start({ ...small, kpis: fake.kpis.filter((k) => k.id === 'N31807') });
		try {
			const error = await expectSyncError(
				syncFromKolada({ base: bundled, clientOptions: fastClient(tiny.baseUrl), today: TODAY }),
				'GATE',
			);
			expect(error.message).toContain('saknar');
		} finally {
			await tiny.close();
		}
	});

	it('GIVEN unknown --kpi ids or an empty --search THEN the sync stops before fetching data', async () => {
		await expectSyncError(sync({}, { kpis: ['X99999'] }), 'UNKNOWN_KPI');
		await expectSyncError(sync({}, { search: ['finns inte alls'] }), 'UNKNOWN_KPI');
		await expectSyncError(sync({}, { since: '2026-13-45' }), 'BAD_OPTION');
		expect(fake.log.some((e) => e.url.startsWith('/v3/data/'))).toBe(false);
	});

	it('GIVEN --search THEN the hits are synced too', async () => {
		const { dataset, summary } = await sync({}, { search: ['boende för vuxna missbrukare'] });
		const hits = fake.kpis.filter((k) => k.title.includes('boende för vuxna missbrukare'));
		expect(hits).toHaveLength(4);
		expect(summary.kpis.synced).toBe(summary.kpis.byRule + hits.length);
		expect(dataset.indicators.find((i) => i.id === 'N35006')?.kolada?.status).toBe('active');
		expect(fake.log.some((e) => e.url.includes('title='))).toBe(true);
	});
});
