import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_WATCHES_PER_GUILD, WatchFileError, WatchStore, type NewWatch } from '../../src/watch/store.js';

const GUILD = '1310000000000000100';
const CHANNEL = '1310000000000000200';
const USER = '1310000000000000300';

let dir: string;
let file: string;

beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'oj-watch-store-'));
	file = path.join(dir, 'watches.json');
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function watch(kommun: string, extra: Partial<NewWatch> = {}): NewWatch {
	return { guildId: GUILD, channelId: CHANNEL, kommun, createdBy: USER, ...extra };
}

describe('WatchStore', () => {
	it('GIVEN no file THEN an empty store, and nothing is written until a watch is added', async () => {
		const store = await WatchStore.open(file);
		expect(store.all()).toEqual([]);
		expect(await readdir(dir)).toEqual([]);
	});

	it('GIVEN watches added THEN they are in the file, and a new store on the file (a restart) has them', async () => {
		const store = await WatchStore.open(file);
		const added = await store.add(watch('0480', { indikator: 'N31814' }), new Date('2026-12-01T10:00:00Z'));
		expect(added).toMatchObject({ ok: true, watch: { kommun: '0480', indikator: 'N31814' } });
		const reopened = await WatchStore.open(file);
		expect(reopened.list(GUILD)).toEqual(store.list(GUILD));
		expect(reopened.list('1310000000000000999')).toEqual([]);
		// Written atomically: only the file remains, no temp file beside it.
		expect(await readdir(dir)).toEqual(['watches.json']);
	});

	it('GIVEN the same watch twice THEN the second is refused as a duplicate', async () => {
		const store = await WatchStore.open(file);
		await store.add(watch('0480'));
		expect(await store.add(watch('0480'))).toMatchObject({ ok: false, reason: 'duplicate' });
		expect(await store.add(watch('0480', { indikator: 'N31814' }))).toMatchObject({ ok: true });
	});

	it('GIVEN a server at the limit THEN one more is refused; another server is not affected', async () => {
		const store = await WatchStore.open(file);
		await Promise.all(Array.from({ length: MAX_WATCHES_PER_GUILD }, (_, i) => store.add(watch(String(1000 + i)))));
		expect(store.list(GUILD)).toHaveLength(MAX_WATCHES_PER_GUILD);
		expect(await store.add(watch('0480'))).toEqual({ ok: false, reason: 'limit' });
		expect(await store.add(watch('0480', { guildId: '1310000000000000101' }))).toMatchObject({ ok: true });
		const saved = JSON.parse(await readFile(file, 'utf8')) as { watches: unknown[] };
		expect(saved.watches).toHaveLength(MAX_WATCHES_PER_GUILD + 1);
	});

	it('GIVEN a removal by kommun (and indicator) THEN only the matching watches of that server go', async () => {
		const store = await WatchStore.open(file);
		await store.add(watch('0480'));
		await store.add(watch('0480', { indikator: 'N31814' }));
		await store.add(watch('0180'));
		const removed = await store.remove(GUILD, { kommun: '0480', indikator: 'N31814' });
		expect(removed.map((w) => w.indikator)).toEqual(['N31814']);
		expect((await store.remove(GUILD, { kommun: '0480' })).map((w) => w.kommun)).toEqual(['0480']);
		expect((await WatchStore.open(file)).all().map((w) => w.kommun)).toEqual(['0180']);
	});

	it('GIVEN a broken or invalid file THEN a WatchFileError naming it, and the file is left as it was', async () => {
		await writeFile(file, '{"version":1,"watches":[{"id":"zz"}]}');
		await expect(WatchStore.open(file)).rejects.toThrow(WatchFileError);
		await expect(WatchStore.open(file)).rejects.toThrow(/watches\.json: watches\.0\.id/);
		await writeFile(file, '{ not json');
		await expect(WatchStore.open(file)).rejects.toThrow(/ogiltig JSON/);
		expect(await readFile(file, 'utf8')).toBe('{ not json');
	});
});
