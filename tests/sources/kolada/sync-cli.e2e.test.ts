import { existsSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { readDataset } from '../../../src/dataset/store.js';
import { KoladaFake } from '../../fakes/kolada-server.js';
import { runScript, syncEnv, tempDataset, type TempData } from './sync-helpers.js';

const SYNC = 'scripts/sync.ts';

const temps: TempData[] = [];

async function temp(): Promise<TempData> {
	const t = await tempDataset();
	temps.push(t);
	return t;
}

afterEach(async () => {
	await Promise.all(temps.splice(0).map((t) => t.remove()));
});

describe('npm run sync (CLI)', () => {
	let fake: KoladaFake;

	beforeAll(async () => {
		fake = await KoladaFake.start({ years: [2023, 2024] });
	});

	afterAll(async () => {
		await fake.close();
	});

	it('GIVEN --dry-run THEN the summary is printed and the file is not touched', async () => {
		const t = await temp();
		const run = await runScript(SYNC, ['--dry-run', '--full'], { env: syncEnv(fake.baseUrl, t.file) });
		expect(run.stderr).toContain('Hämtar värden');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Kolada-synk (full)');
		expect(run.stdout).toMatch(/Värden: .* tillagda, .* ersatta, .* oförändrade, .* borttagna/);
		expect(run.stdout).toContain('Torrkörning');
		expect(await readFile(t.file)).toEqualBytes(t.original);
	});

	it('GIVEN a drifted page envelope THEN exit 1, the field is named and the file is byte-for-byte unchanged', async () => {
		const t = await temp();
		fake.inject({
			kind: 'drift',
			drift: (body) => ({ ...body, values: { rows: body['values'] } }),
			match: (url) => url.startsWith('/v3/data/'),
		});
		const run = await runScript(SYNC, ['--full'], { env: syncEnv(fake.baseUrl, t.file) });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('Synken misslyckades');
		expect(run.stderr).toContain('"values"');
		expect(run.stderr).toContain('är oförändrad');
		expect(await readFile(t.file)).toEqualBytes(t.original);
	});

	it('GIVEN a retired API (410) THEN exit 1 with a "nedlagt" message and the file unchanged', async () => {
		const t = await temp();
		const run = await runScript(SYNC, [], { env: syncEnv(`${fake.origin}/v2`, t.file) });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('nedlagt');
		expect(run.stderr).toContain('HTTP 410');
		expect(await readFile(t.file)).toEqualBytes(t.original);
	});

	it('GIVEN a fake that serves only a few municipalities THEN the gate fails, exit 1, file unchanged', async () => {
		const t = await temp();
		fake.inject({
			kind: 'drift',
			times: Infinity,
			match: (url) => url.startsWith('/v3/municipality?'),
			drift: (body) => ({ ...body, values: (body['values'] as unknown[]).slice(0, 12) }),
		});
		try {
			const run = await runScript(SYNC, [], { env: syncEnv(fake.baseUrl, t.file) });
			expect(run.code).toBe(1);
			expect(run.stderr).toMatch(/bara \d+ kommuner \(minst 280 krävs\)/);
			expect(await readFile(t.file)).toEqualBytes(t.original);
		} finally {
			fake.clearFaults();
		}
	});

	it('GIVEN wrong arguments THEN exit 2 with the usage text', async () => {
		const t = await temp();
		const run = await runScript(SYNC, ['--since', '2026-01-01', '--full'], { env: syncEnv(fake.baseUrl, t.file) });
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('Användning');
		const bad = await runScript(SYNC, ['--kpi', 'inte-ett-id'], { env: syncEnv(fake.baseUrl, t.file) });
		expect(bad.code).toBe(2);
		expect(await readFile(t.file)).toEqualBytes(t.original);
	});
});

describe('npm run sync killed while writing', () => {
	it('GIVEN SIGKILL in the middle of the write THEN the data file is the old one, byte for byte, and still loads', async () => {
		// The whole current catalogue: about 640 000 values, a 13 MB file, so the write takes a few milliseconds.
		const fake = await KoladaFake.start({ kpiSource: 'catalog-latest' });
		const t = await temp();
		const tmpName = `.${path.basename(t.file)}.tmp`;
		const tmpFile = path.join(t.dir, tmpName);
		let pid: number | undefined;
		let killedMidWrite: boolean | undefined;
		// inotify tells this (idle) process the moment the writer creates its temp file; the kill is
		// sent from the callback, long before a write of several megabytes is done and renamed.
		const watcher = watch(t.dir, (_event, name) => {
			if (name !== tmpName || pid === undefined || killedMidWrite !== undefined) return;
			process.kill(pid, 'SIGKILL');
			killedMidWrite = existsSync(tmpFile);
		});
		try {
			const run = await runScript(SYNC, ['--full'], {
				env: syncEnv(fake.baseUrl, t.file),
				onStart: (childPid) => (pid = childPid),
			});
			expect(run.signal).toBe('SIGKILL');
		} finally {
			watcher.close();
			await fake.close();
		}
		const after = await readFile(t.file);
		if (killedMidWrite) {
			// The normal case: killed before the rename, the writer's temp file is left behind.
			expect(after.equals(t.original)).toBe(true);
			expect(existsSync(tmpFile)).toBe(true);
		} else {
			// Only on a badly overloaded machine: the rename had already happened, so the new file must be complete.
			expect(after.equals(t.original)).toBe(false);
		}
		const loaded = await readDataset(t.file);
		expect(loaded.areas.filter((a) => a.type === 'kommun')).toHaveLength(290);
		expect(killedMidWrite).toBeDefined();
	});
});
