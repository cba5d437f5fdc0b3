import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, writeDataset } from '../../src/dataset/store.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { compiled } from '../helpers/compiled.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'oj-faults-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function startWith(dataPath: string): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, [compiled('src/index.ts'), '--ask', '/om'], {
			env: { ...process.env, DATA_PATH: dataPath, DISCORD_TOKEN: '' },
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('a corrupt dataset at start', () => {
	it('GIVEN a truncated data/db.json THEN the bot refuses to start with a message naming the file and the line, no stack trace', async () => {
		const file = path.join(dir, 'trasig.json');
		await writeFile(file, (await readFile('data/db.json', 'utf8')).slice(0, 5000));
		const result = await startWith(file);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(file);
		expect(result.stderr).toMatch(/ogiltig JSON/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('GIVEN a hand-edited file with a kommun code as a number THEN the message says which record is wrong', async () => {
		const file = path.join(dir, 'handredigerad.json');
		const data = JSON.parse(await readFile('data/db.json', 'utf8')) as { areas: { id: unknown }[] };
		data.areas[5]!.id = 180;
		await writeFile(file, JSON.stringify(data));
		const result = await startWith(file);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/areas\.5\.id/);
	});
});

/** Mounts a tmpfs of `size` at `target`; false when this machine does not allow it. */
function tryMount(target: string, size: string): boolean {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

describe('a full disk', () => {
	const mountPoint = path.join(os.tmpdir(), `oj-fulldisk-${process.pid}`);
	let mounted = false;

	beforeAll(async () => {
		await mkdir(mountPoint, { recursive: true });
		mounted = process.getuid?.() === 0 && tryMount(mountPoint, '700k');
	});
	afterAll(() => {
		if (mounted) execFileSync('umount', [mountPoint]);
	});

	it('GIVEN a disk with room for the old dataset but not the new THEN the write fails clearly and the old file is byte-for-byte intact', async (t) => {
		if (!mounted)
			t.skip('tmpfs cannot be mounted here (needs root); ENOTDIR is covered in tests/dataset/store.test.ts');
		const file = path.join(mountPoint, 'db.json');
		await copyFile('data/db.json', file);
		const before = await readFile(file);
		const data = await readDataset(file);
		// A long reference on every point makes the new file larger than the free space on the disk.
		const bigger: DatasetFile = {
			...data,
			series: data.series.map((s) => ({
				...s,
				points: s.points.map((p): typeof p => [p[0], p[1], p[2], p[3] ?? '', `${p[4] ?? ''}${'x'.repeat(400)}`]),
			})),
		};
		await expect(writeDataset(file, bigger)).rejects.toThrow(/disken är full/);
		expect(await readFile(file)).toEqualBytes(before);
		expect((await readDataset(file)).series.length).toBe(data.series.length);
	});
});
