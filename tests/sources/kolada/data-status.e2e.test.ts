import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDataset, writeDataset } from '../../../src/dataset/store.js';
import { syncFromKolada } from '../../../src/sources/kolada/sync.js';
import { KoladaFake } from '../../fakes/kolada-server.js';
import { fastClient, runScript, tempDataset, TODAY, type TempData } from './sync-helpers.js';

const STATUS = 'scripts/data-status.ts';

describe('npm run data:status', () => {
	let temp: TempData;

	beforeAll(async () => {
		temp = await tempDataset();
		const fake = await KoladaFake.start({ years: [2022, 2023, 2024] });
		try {
			const { dataset } = await syncFromKolada({
				base: await readDataset(temp.file),
				clientOptions: fastClient(fake.baseUrl),
				today: TODAY,
			});
			await writeDataset(temp.file, dataset);
		} finally {
			await fake.close();
		}
	});

	afterAll(async () => {
		await temp.remove();
	});

	it('GIVEN a synced dataset THEN the text lists sources with counts and years, the last sync and the next publications', async () => {
		const run = await runScript(STATUS, ['--data', temp.file, '--today', '2026-03-23']);
		expect(run.code).toBe(0);
		const out = run.stdout;
		expect(out).toContain(`Dataset: ${temp.file}`);
		expect(out).toMatch(/Innehåll: 290 kommuner, 21 län/);
		expect(out).toMatch(/• Kolada \[kolada\]: [\d\s]+ värden, år 2022–2024, senast 2026-03-23/u);
		expect(out).toMatch(/• Socialstyrelsen via Regionfakta \[regionfakta\]: [\d\s]+ värden, år 2007/u);
		expect(out).toMatch(/• Socialstyrelsen, Öppna jämförelser 2020 \[socialstyrelsen\]: 62 värden, år 2018–2020/);
		expect(out).toMatch(/• Kolada-synk: 2026-03-23 \(läge full, nyckeltal 107, .*tillagda/);
		expect(out).toContain('• Medföljande dataset: 2026-03-23');
		expect(out).toContain('Nästa publiceringar i Kolada (efter 2026-03-23):');
		expect(out).toMatch(/• 2026-06-10: \d+ indikatorer \(/);
	});

	it('GIVEN a later date THEN publications since the last sync are pointed out', async () => {
		const run = await runScript(STATUS, ['--data', temp.file, '--today', '2026-07-01']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(
			/Publicerat i Kolada sedan 2026-03-23: \d+ indikatorer \(.*2026-06-10: \d+.*\) – kör npm run sync/,
		);
	});

	it('GIVEN --json THEN the same facts come as JSON', async () => {
		const run = await runScript(STATUS, ['--json', '--today', '2026-03-23'], { env: { DATA_PATH: temp.file } });
		expect(run.code).toBe(0);
		const report = JSON.parse(run.stdout) as {
			status: { sources: { kind: string; values: number; years: number[] }[]; nextPublications: { date: string }[] };
			lastImports: { kind: string; at: string }[];
		};
		const kolada = report.status.sources.find((s) => s.kind === 'kolada');
		expect(kolada?.years).toEqual([2022, 2023, 2024]);
		expect(kolada?.values).toBeGreaterThan(100_000);
		expect(report.lastImports.map((i) => i.kind)).toEqual(['kolada-sync', 'bundle']);
		expect(report.status.nextPublications[0]?.date).toBe('2026-03-25');
	});

	it('GIVEN a missing file THEN exit 1 with the reason', async () => {
		const run = await runScript(STATUS, ['--data', `${temp.dir}/finns-inte.json`]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('filen saknas');
	});
});
