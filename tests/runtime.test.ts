import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataset, writeDataset } from '../src/dataset/store.js';
import { DataRuntime, type ReloadResult } from '../src/runtime.js';

let dir: string;
let file: string;
let runtime: DataRuntime | undefined;

beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'oj-runtime-'));
	file = path.join(dir, 'db.json');
	await copyFile('data/db.json', file);
});
afterEach(async () => {
	runtime?.close();
	runtime = undefined;
	await rm(dir, { recursive: true, force: true });
});

function nextReload(rt: DataRuntime): Promise<ReloadResult> {
	return new Promise((resolve) => {
		rt.watch(resolve, 50);
	});
}

describe('DataRuntime', () => {
	it('GIVEN a running runtime WHEN a sync replaces the file THEN the new dataset is swapped in without a restart', async () => {
		runtime = await DataRuntime.load(file);
		const before = runtime.current;
		const reloaded = nextReload(runtime);
		const data = await readDataset(file);
		await writeDataset(file, { ...data, builtFrom: '2031-01-01' });
		const result = await reloaded;
		expect(result.ok).toBe(true);
		expect(runtime.current).not.toBe(before);
		expect(runtime.current.dataset.file.builtFrom).toBe('2031-01-01');
	});

	it('GIVEN a running runtime WHEN the file is replaced by a broken one THEN the old dataset stays in use', async () => {
		runtime = await DataRuntime.load(file);
		const before = runtime.current;
		const reloaded = nextReload(runtime);
		await writeFile(file, '{ "schemaVersion": 1, trasig');
		const result = await reloaded;
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toContain(file);
		expect(runtime.current).toBe(before);
		expect(runtime.context().search.resolveArea('Malmö').status).toBe('found');
	});

	it('GIVEN no synced dataset yet WHEN a first sync writes one THEN the runtime switches from the bundled one to it', async () => {
		const synced = path.join(dir, 'local', 'db.json');
		runtime = await DataRuntime.open([
			{ file: synced, origin: 'synced' },
			{ file, origin: 'bundled' },
		]);
		expect(runtime.current.location).toEqual({ file, origin: 'bundled' });
		const reloaded = nextReload(runtime);
		const data = await readDataset(file);
		await writeDataset(synced, { ...data, builtFrom: '2031-02-02' });
		const result = await reloaded;
		expect(result.ok).toBe(true);
		expect(runtime.current.location).toEqual({ file: synced, origin: 'synced' });
		expect(runtime.file).toBe(synced);
		expect(runtime.current.dataset.file.builtFrom).toBe('2031-02-02');
	});

	it('GIVEN a corrupt file at start THEN loading fails with a message naming the file', async () => {
		await writeFile(file, (await readFile(file, 'utf8')).slice(0, 500));
		await expect(DataRuntime.load(file)).rejects.toThrow(file);
	});
});
