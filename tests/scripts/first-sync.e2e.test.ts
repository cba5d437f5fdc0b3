/**
 * The last step of `npm run setup` (scripts/first-sync.ts), run as a child process in a fresh git
 * repository holding the project's .gitignore and bundled dataset, against the loopback Kolada fake.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { readDataset } from '../../src/dataset/store.js';
import { KoladaFake } from '../fakes/kolada-server.js';
import { runScriptIn, syncEnv } from './script-helpers.js';
import { ROOT } from '../sources/kolada/sync-helpers.js';

const FIRST_SYNC = 'scripts/first-sync.ts';

/** A fresh git repository with the project's .gitignore and bundled dataset committed. */
async function freshClone(): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-setup-'));
	await mkdir(path.join(dir, 'data'));
	await copyFile(path.join(ROOT, '.gitignore'), path.join(dir, '.gitignore'));
	await copyFile(path.join(ROOT, 'data', 'db.json'), path.join(dir, 'data', 'db.json'));
	const git = (...args: string[]): string =>
		execFileSync('git', args, {
			cwd: dir,
			encoding: 'utf8',
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 't',
				GIT_AUTHOR_EMAIL: 't@example.org',
				GIT_COMMITTER_NAME: 't',
				GIT_COMMITTER_EMAIL: 't@example.org',
			},
		});
	git('init', '-q');
	git('add', '-A');
	git('commit', '-qm', 'clone');
	return dir;
}

function gitStatus(dir: string): string {
	return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
}

const dirs: string[] = [];
async function clone(): Promise<string> {
	const dir = await freshClone();
	dirs.push(dir);
	return dir;
}

afterEach(async () => {
	await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('set-up step: first Kolada sync', () => {
	let fake: KoladaFake;

	beforeAll(async () => {
		fake = await KoladaFake.start({ years: [2023, 2024] });
	});

	afterAll(async () => {
		await fake.close();
	});

	it('GIVEN Kolada answers THEN the synced dataset is filled in data/local/ and git status stays clean', async () => {
		const dir = await clone();
		const run = await runScriptIn(dir, FIRST_SYNC, [], { env: syncEnv(fake.baseUrl) });
		expect(run.stderr).toContain('Hämtar värden');
		expect(run.stdout).toContain('Klart: boten läser data/local/db.json');
		expect(run.code).toBe(0);
		const synced = await readDataset(path.join(dir, 'data', 'local', 'db.json'));
		expect(synced.imports.map((i) => i.kind)).toContain('kolada-sync');
		const kommuner = new Set(synced.areas.filter((a) => a.type === 'kommun').map((a) => a.id));
		const withValues = new Set(synced.series.filter((s) => kommuner.has(s.area)).map((s) => s.area));
		expect(withValues.size).toBe(290);
		expect(gitStatus(dir)).toBe('');

		// A second set-up run keeps the synced dataset and says how to refresh it.
		const again = await runScriptIn(dir, FIRST_SYNC, [], { env: syncEnv(fake.baseUrl) });
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('uppdatera det med npm run sync');
	});

	it('GIVEN KOLADA_API_URL in .env THEN the step checks that address', async () => {
		const dir = await clone();
		const closed = await unusedPort();
		await writeFile(path.join(dir, '.env'), `KOLADA_API_URL=http://127.0.0.1:${closed}/v3\n`);
		const run = await runScriptIn(dir, FIRST_SYNC, []);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Kolada (http://127.0.0.1:${closed}/v3) kunde inte nås`);
		expect(gitStatus(dir)).toBe('');
	});

	it('GIVEN --offline or OJ_OFFLINE=1 THEN Kolada is not asked and the bundled dataset stays', async () => {
		const dir = await clone();
		const before = fake.stats.requests;
		const flag = await runScriptIn(dir, FIRST_SYNC, ['--offline'], { env: syncEnv(fake.baseUrl) });
		const variable = await runScriptIn(dir, FIRST_SYNC, [], { env: { ...syncEnv(fake.baseUrl), OJ_OFFLINE: '1' } });
		for (const run of [flag, variable]) {
			expect(run.code).toBe(0);
			expect(run.stdout.trim().split('\n')).toEqual([
				'[setup] Offlineläge: hoppar över Kolada-synken, boten använder det medföljande datasetet.',
			]);
		}
		expect(fake.stats.requests).toBe(before);
		expect(existsSync(path.join(dir, 'data', 'local'))).toBe(false);
	});
});

describe('set-up step: Kolada unreachable', () => {
	it('GIVEN nothing listens at KOLADA_API_URL THEN one line, exit 0 and the bundled dataset stays', async () => {
		const dir = await clone();
		const closed = await unusedPort();
		const run = await runScriptIn(dir, FIRST_SYNC, [], { env: syncEnv(`http://127.0.0.1:${closed}/v3`) });
		expect(run.code).toBe(0);
		expect(run.stdout.trim().split('\n')).toHaveLength(1);
		expect(run.stdout).toMatch(/kunde inte nås \(ECONNREFUSED\) – boten använder det medföljande datasetet/);
		expect(existsSync(path.join(dir, 'data', 'local'))).toBe(false);
		expect(gitStatus(dir)).toBe('');
	});

	it('GIVEN a server that accepts but never answers THEN the check gives up after its short timeout', async () => {
		const dir = await clone();
		const sockets = new Set<net.Socket>();
		const silent = net.createServer((socket) => sockets.add(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const { port } = silent.address() as net.AddressInfo;
		try {
			const run = await runScriptIn(dir, FIRST_SYNC, [], { env: syncEnv(`http://127.0.0.1:${port}/v3`) });
			expect(run.code).toBe(0);
			expect(run.stdout).toMatch(/inget svar på 3 s – boten använder det medföljande datasetet/);
			expect(existsSync(path.join(dir, 'data', 'local'))).toBe(false);
		} finally {
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => silent.close(resolve));
		}
	});
});

function unusedPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
