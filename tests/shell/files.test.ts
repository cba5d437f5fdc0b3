import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { OkAnswer } from '../../src/answers/types.js';
import { pathInside, safeFilePart, writeAnswerFiles } from '../../src/shell/files.js';
import { runLine } from '../../src/shell/run.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
let root: string;
let outDir: string;

beforeAll(async () => {
	ctx = await context();
});
beforeEach(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'oj-files-'));
	outDir = path.join(root, 'out');
});
afterEach(async () => {
	await rm(root, { recursive: true, force: true });
});

/** A real /topplista answer with its CSV, then given ids and a CSV name as a hostile dataset would. */
function hostileAnswer(): OkAnswer {
	const answer = runLine(ctx, commands, '/topplista indikator:U31001 år:2020 csv:ja');
	expect(answer.ok && answer.csv).toBeTruthy();
	if (!answer.ok || !answer.csv) throw new Error('no csv');
	return {
		...answer,
		resolved: { indikator: '../../../etc/N31807', kommun: '/tmp/x', år: 2023 },
		csv: { ...answer.csv, filename: '../../escape/../../x.csv' },
	};
}

describe('writeAnswerFiles', () => {
	async function write(dir: string): Promise<OkAnswer> {
		const answer = await writeAnswerFiles(hostileAnswer(), dir);
		if (!answer.ok) throw new Error('expected an answer');
		return answer;
	}

	it('GIVEN ids and a CSV name with ../ and / THEN every file lands directly inside OUT_DIR', async () => {
		const answer = await write(outDir);
		expect(answer.files?.length).toBe(2);
		for (const file of answer.files ?? []) expect(path.dirname(file)).toBe(path.resolve(outDir));
		expect((await readdir(outDir)).every((n) => /^[A-Za-z0-9_.-]+$/.test(n))).toBe(true);
		expect(await readdir(root)).toEqual(['out']);
	});

	it('GIVEN an OUT_DIR below /dev/null THEN the answer carries a one-line note and nothing throws', async () => {
		const answer = await write('/dev/null/x');
		expect(answer.files).toEqual([]);
		expect(answer.notes.at(-1)).toMatch(
			/^Kunde inte spara diagram eller CSV i \/dev\/null\/x \(sökvägen är ingen mapp\)/,
		);
	});
});

describe('file name parts', () => {
	it.each([
		['../../etc/passwd', 'etc_passwd'],
		['Malmö stad', 'Malmo_stad'],
		['', 'x'],
		['N31807', 'N31807'],
	])('GIVEN %j THEN the part is %j', (text, part) => {
		expect(safeFilePart(text)).toBe(part);
	});

	it('GIVEN a name that would leave the folder THEN pathInside refuses it', () => {
		expect(() => pathInside('/tmp/out', '../x.csv')).toThrow(/leaves the output folder/);
		expect(() => pathInside('/tmp/out', 'a/b.csv')).toThrow(/leaves the output folder/);
		expect(pathInside('/tmp/out', 'a.csv')).toBe('/tmp/out/a.csv');
	});
});
