/**
 * `npm run sync`, `import` and `data:status` read the same configuration as the bot: `.env` in the
 * working directory, validated by src/config.ts. Each script runs as a child process in a temp
 * folder holding a `.env`, a copy of the bundled dataset and nothing else.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readDataset } from '../../src/dataset/store.js';
import { KoladaFake } from '../fakes/kolada-server.js';
import { namesLayout, workbookBuffer, writeFixture } from '../fixtures/oj-workbooks.js';
import { ROOT } from '../sources/kolada/sync-helpers.js';
import { runScriptIn } from './script-helpers.js';

const script = (name: string): string => `scripts/${name}.ts`;

let dir: string;

beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'oj-env-'));
	await mkdir(path.join(dir, 'data'));
	await copyFile(path.join(ROOT, 'data', 'db.json'), path.join(dir, 'data', 'db.json'));
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('.env reaches the scripts', () => {
	let fake: KoladaFake;

	beforeAll(async () => {
		fake = await KoladaFake.start({ years: [2023, 2024] });
	});

	afterAll(async () => {
		await fake.close();
	});

	it('GIVEN DATA_PATH and KOLADA_API_URL in .env THEN npm run sync fetches from that address into that file', async () => {
		await writeFile(
			path.join(dir, '.env'),
			`KOLADA_API_URL=${fake.baseUrl}\nDATA_PATH=mine/db.json\nKOLADA_MIN_INTERVAL_MS=0\nKOLADA_BACKOFF_MS=1\n`,
		);
		const before = fake.stats.requests;
		const run = await runScriptIn(dir, script('sync'), []);
		expect(run.stderr).toContain(`Synkar mine/db.json mot ${fake.baseUrl}`);
		expect(run.code).toBe(0);
		expect(fake.stats.requests).toBeGreaterThan(before);
		const synced = await readDataset(path.join(dir, 'mine', 'db.json'));
		expect(synced.imports.some((i) => i.kind === 'kolada-sync')).toBe(true);
	});

	it('GIVEN DATA_PATH in .env THEN npm run import writes there, starting from the bundled dataset', async () => {
		await writeFile(path.join(dir, '.env'), 'DATA_PATH=mine/db.json\n');
		const workbook = await writeFixture(dir, 'namn.xlsx', await workbookBuffer(namesLayout()));
		const run = await runScriptIn(dir, script('import'), [
			workbook,
			'--year',
			'2023',
			'--min-kommuner',
			'5',
			'--apply',
		]);
		expect(run.stderr).not.toContain('fel');
		expect(run.code).toBe(0);
		const imported = await readDataset(path.join(dir, 'mine', 'db.json'));
		expect(imported.imports.some((i) => i.kind === 'excel')).toBe(true);
	});

	it('GIVEN DATA_PATH in .env THEN npm run data:status reports that file', async () => {
		await copyFile(path.join(dir, 'data', 'db.json'), path.join(dir, 'other.json'));
		await writeFile(path.join(dir, '.env'), 'DATA_PATH=other.json\n');
		const run = await runScriptIn(dir, script('data-status'), []);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Dataset: other.json');
	});

	it('GIVEN a wrong value in .env THEN every script stops with exit 2 naming the key', async () => {
		await writeFile(path.join(dir, '.env'), 'KOLADA_API_URL=inte en adress\n');
		for (const name of ['sync', 'import', 'data-status']) {
			const run = await runScriptIn(dir, script(name), name === 'import' ? ['x.xlsx'] : []);
			expect(run.code, name).toBe(2);
			expect(run.stderr, name).toContain('KOLADA_API_URL: ska vara en URL');
		}
	});
});
