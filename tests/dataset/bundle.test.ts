import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.js';
import { bundled } from '../helpers/bundled.js';

const SOURCES = path.resolve('data/sources');
let ds: Dataset;
beforeAll(async () => {
	({ dataset: ds } = await bundled());
});

describe('the bundled dataset', () => {
	it('GIVEN the areas THEN 290 kommuner with 4-digit string codes, 21 län and Riket', () => {
		const kommuner = ds.areasOfType('kommun');
		expect(kommuner).toHaveLength(290);
		expect(kommuner.every((k) => /^\d{4}$/.test(k.id))).toBe(true);
		expect(ds.area('0180')?.name).toBe('Stockholm');
		expect(ds.areasOfType('lan')).toHaveLength(21);
		expect(ds.area('0000')?.type).toBe('riket');
	});

	it('GIVEN any kommun THEN it has a län, an SKR kommungrupp 2023, a population and 7 liknande kommuner', () => {
		for (const k of ds.areasOfType('kommun')) {
			expect(ds.area(k.lanId ?? '')?.type).toBe('lan');
			expect(ds.groupOf(k.id, 'kommungrupp2023')?.code).toMatch(/^[ABC][1-9]$/);
			expect(k.population?.value).toBeGreaterThan(0);
			const peers = ds.peersOf(k.id);
			expect(peers?.members).toHaveLength(7);
			expect(peers?.members).not.toContain(k.id);
		}
		expect(ds.groupOf('0180', 'kommungrupp2023')?.code).toBe('A1');
	});

	it('GIVEN Tabell 3 of the 2020 fact sheet THEN its figures are stored on the 2017 kommungrupper and Riket', () => {
		const tables = JSON.parse(readFileSync(path.join(SOURCES, 'oj-2020-tables.json'), 'utf8')) as {
			tabell3_skr_kommungrupp_2020: { rows: { group: string; values: number[] }[] };
		};
		const ids = ['U37535', 'U31509', 'U31497'];
		for (const row of tables.tabell3_skr_kommungrupp_2020.rows) {
			const area = row.group === 'Riket' ? '0000' : `KG2017-${row.group.slice(0, 2)}`;
			ids.forEach((id, i) => {
				expect(ds.value(id, area, 2020, 'T', 'share')?.value).toBe(row.values[i]);
			});
		}
	});

	it('GIVEN survey indicators THEN no value is stored as a plain number', () => {
		for (const s of ds.file.series) {
			const indicator = ds.indicator(s.indicator);
			if (indicator?.kind === 'yesno' || indicator?.kind === 'ordinal') expect(s.measure).not.toBe('value');
		}
	});

	it('GIVEN every value THEN it carries provenance with an attribution', () => {
		for (const s of ds.file.series) {
			for (const p of s.points) expect(ds.provenance(p[2])?.attribution).toMatch(/^Källa: /);
		}
	});

	it('GIVEN Regionfakta and Stockholm stad THEN their values are mapped to Kolada indicators', () => {
		expect(ds.value('N31910', '0000', 2016, 'T', 'value')?.value).toBe(220112);
		expect(ds.value('N31910', '0000', 2016, 'T', 'value')?.provenance.attribution).toBe(
			'Källa: Socialstyrelsen via Regionfakta',
		);
		expect(ds.value('N31848', '0180-rinkeby-kista', 2017, 'T', 'value')?.value).toBe(3604);
		expect(ds.area('0180-rinkeby-kista')?.parentId).toBe('0180');
	});

	it('GIVEN a missing figure in Regionfakta THEN it is stored as missing with the source token', () => {
		const obs = ds.value('N31910', '0481', 2020, 'T', 'value');
		expect(obs?.value).toBeNull();
		expect(obs?.status).toBe('..');
	});

	it('GIVEN the inputs in data/sources THEN the build script reproduces data/db.json byte for byte', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'oj-build-'));
		try {
			const out = path.join(dir, 'db.json');
			execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-dataset.ts', '--from', SOURCES, '--out', out], {
				stdio: 'pipe',
			});
			expect(readFileSync(out, 'utf8')).toBe(readFileSync('data/db.json', 'utf8'));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
