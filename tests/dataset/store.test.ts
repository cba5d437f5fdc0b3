import { mkdtemp, readFile, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError, readDataset, stringifyDataset, writeDataset } from '../../src/dataset/store.js';

let dir: string;
let file: string;

beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'oj-store-'));
	file = path.join(dir, 'db.json');
	await copyFile('data/db.json', file);
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<DatasetError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof DatasetError) return error;
		throw error;
	}
	throw new Error('expected a DatasetError');
}

describe('readDataset', () => {
	it('GIVEN the bundled file THEN it validates and round-trips byte for byte', async () => {
		const data = await readDataset(file);
		expect(stringifyDataset(data)).toBe(await readFile(file, 'utf8'));
	});

	it('GIVEN a hand-broken JSON file THEN the error names the file and the line', async () => {
		const text = await readFile(file, 'utf8');
		await writeFile(file, text.replace('"schemaVersion": 1,', '"schemaVersion": 1,,'));
		const error = await errorOf(readDataset(file));
		expect(error.message).toContain(file);
		expect(error.message).toMatch(/ogiltig JSON på rad 2/);
	});

	it('GIVEN a missing file THEN the error names it and says how to fix it', async () => {
		const error = await errorOf(readDataset(path.join(dir, 'saknas.json')));
		expect(error.message).toContain('saknas.json');
		expect(error.message).toMatch(/filen saknas/);
	});

	it('GIVEN another schema version THEN the error says which version was found', async () => {
		const text = await readFile(file, 'utf8');
		await writeFile(file, text.replace('"schemaVersion": 1,', '"schemaVersion": 99,'));
		expect((await errorOf(readDataset(file))).message).toMatch(/schemaversion 99 stöds inte/);
	});

	it('GIVEN a value of the wrong type THEN the error gives the path to it', async () => {
		const data = JSON.parse(await readFile(file, 'utf8')) as { areas: { name: unknown }[] };
		(data.areas[0] as { name: unknown }).name = 42;
		await writeFile(file, JSON.stringify(data));
		expect((await errorOf(readDataset(file))).message).toMatch(/areas\.0\.name/);
	});

	it('GIVEN a yes/no indicator stored as a number THEN integrity validation rejects it', async () => {
		const data = JSON.parse(await readFile(file, 'utf8')) as { series: { indicator: string; measure: string }[] };
		const survey = data.series.find((s) => s.indicator === 'U31509');
		if (!survey) throw new Error('fixture lacks U31509');
		survey.measure = 'value';
		await writeFile(file, JSON.stringify(data));
		expect((await errorOf(readDataset(file))).message).toMatch(/Ja\/Nej-indikator lagrad som tal/);
	});
});

describe('writeDataset', () => {
	it('GIVEN an invalid dataset THEN nothing is written and the old file is byte-for-byte intact', async () => {
		const before = await readFile(file);
		const data = await readDataset(file);
		const broken = { ...data, series: [...data.series, { ...data.series[0]!, area: 'ingenstans' }] };
		await expect(writeDataset(file, broken)).rejects.toThrow(/okänt område/);
		expect(await readFile(file)).toEqualBytes(before);
	});

	it('GIVEN a valid dataset THEN it replaces the file and leaves no temp file behind', async () => {
		const data = await readDataset(file);
		const changed = { ...data, builtFrom: '2030-01-01' };
		await writeDataset(file, changed);
		expect((await readDataset(file)).builtFrom).toBe('2030-01-01');
		expect(await readdir(dir)).toEqual(['db.json']);
	});

	it('GIVEN a directory that cannot be written THEN the error says so and the old file is intact', async () => {
		const before = await readFile(file);
		const data = await readDataset(file);
		const blocked = path.join(dir, 'inte-en-katalog');
		await writeFile(blocked, 'en fil där en katalog behövs');
		const error = await errorOf(writeDataset(path.join(blocked, 'db.json'), data));
		expect(error.message).toMatch(/kunde inte skriva/);
		expect(await readFile(file)).toEqualBytes(before);
	});
});

describe('point validation', () => {
	it('GIVEN a point with a text value THEN the error gives the series and point index', async () => {
		const data = JSON.parse(await readFile(file, 'utf8')) as { series: { points: unknown[][] }[] };
		const series = data.series[3]!;
		series.points[0] = [2020, 'fyra', 0];
		await writeFile(file, JSON.stringify(data));
		expect((await errorOf(readDataset(file))).message).toMatch(/series\.3\.points\.0: värdet "fyra" är inget tal/);
	});

	it('GIVEN a point with an impossible year THEN the error says which year', async () => {
		const data = JSON.parse(await readFile(file, 'utf8')) as { series: { points: unknown[][] }[] };
		data.series[0]!.points[0] = [20201, 1, 0];
		await writeFile(file, JSON.stringify(data));
		expect((await errorOf(readDataset(file))).message).toMatch(/år 20201 är ogiltigt/);
	});
});

describe('readDataset with a hostile or broken file', () => {
	async function failureFor(edit: (text: string) => string): Promise<string> {
		await writeFile(file, edit(await readFile(file, 'utf8')));
		const message = (await errorOf(readDataset(file))).message;
		expect(message).not.toMatch(/\n\s+at /);
		return message;
	}

	it('GIVEN a file containing null THEN it is reported as invalid, not as missing', async () => {
		const message = await failureFor(() => 'null\n');
		expect(message).toContain('innehåller null');
		expect(message).not.toContain('saknas');
	});

	it('GIVEN a 10 MB value THEN the error quotes at most a short excerpt of it', async () => {
		const message = await failureFor((text) => text.replace('"id":"0180"', `"id":"${'x'.repeat(10_000_000)}"`));
		expect(message.length).toBeLessThan(1000);
		expect(message).toContain('areas.');
	});

	it('GIVEN a deeply nested value THEN a one-line problem, no RangeError', async () => {
		const message = await failureFor((text) =>
			text.replace(
				/"points":\[\[(\d+),[^,\]]+,/,
				(_m, y: string) => `"points":[[${y},${'['.repeat(100_000)}${']'.repeat(100_000)},`,
			),
		);
		expect(message).toMatch(/series\.\d+\.points\.\d+: värdet en lista/);
		expect(message).not.toContain('RangeError');
	});

	it('GIVEN 1e309 THEN the problem says it is not a finite number', async () => {
		const message = await failureFor((text) =>
			text.replace(/"population":\{"value":\d+/, '"population":{"value":1e309'),
		);
		expect(message).toContain('Infinity är inget ändligt tal');
		expect(message).not.toContain('expected number, received');
	});

	it.each([
		['an indicator id with ../', (t: string) => t.replace('"id":"N31807"', '"id":"../../N31807"')],
		['an area name of 201 characters', (t: string) => t.replace('"name":"Stockholm"', `"name":"${'S'.repeat(201)}"`)],
		['an area id with a slash', (t: string) => t.replace('"id":"0180"', '"id":"01/80"')],
	])('GIVEN %s THEN the file is refused', async (_, edit) => {
		expect(await failureFor(edit)).toContain('ogiltigt');
	});
});
