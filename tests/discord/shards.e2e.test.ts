/**
 * The sharded start (`src/discord/shard.ts`, SHARDS=2) against the Discord fake: the ShardingManager
 * spawns one bot process per shard from the same entry as `npm start`, and the fake gives each shard
 * only its own guilds, as Discord does. Both shard processes see the same dataset swap; each server's
 * digest must be posted once, by the shard that holds the server. One manager serves the whole file;
 * the last test stops it.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchFile } from '../../src/watch/store.js';
import { DiscordFake } from '../fakes/discord-fake.js';
import { KoladaFake } from '../fakes/kolada-server.js';
import { runScript, syncEnv } from '../sources/kolada/sync-helpers.js';
import { ROOT, startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

/** Whether a process with this pid still exists (signal 0 only checks). */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** (id >> 22) % 2: guild A is on shard 0, guild B on shard 1. */
const GUILD_A = '1310000000004194404';
const GUILD_B = '1310000000000000100';
const CHANNEL_A = '1310000000000000211';
const CHANNEL_B = '1310000000000000212';
const USER = '1310000000000000301';

const dir = await mkdtemp(path.join(os.tmpdir(), 'oj-watch-shards-'));
const dataPath = path.join(dir, 'db.json');
await copyFile(path.join(ROOT, 'data/db.json'), dataPath);
const watches: WatchFile = {
	version: 1,
	watches: [
		{
			id: '0000000a',
			guildId: GUILD_A,
			channelId: CHANNEL_A,
			kommun: '0480',
			indikator: 'N31910',
			createdBy: USER,
			createdAt: '2026-12-01T10:00:00.000Z',
		},
		{
			id: '0000000b',
			guildId: GUILD_B,
			channelId: CHANNEL_B,
			kommun: '0180',
			indikator: 'N31910',
			createdBy: USER,
			createdAt: '2026-12-01T10:00:00.000Z',
		},
	],
};
await writeFile(path.join(dir, 'watches.json'), JSON.stringify(watches));

let fake: DiscordFake;
let kolada: KoladaFake;
let manager: BotProcess;

beforeAll(async () => {
	kolada = await KoladaFake.start({ years: [2023, 2024] });
	fake = await DiscordFake.start({
		...UNHURRIED,
		guilds: [
			{ id: GUILD_A, channels: [{ id: CHANNEL_A, name: 'a' }] },
			{ id: GUILD_B, channels: [{ id: CHANNEL_B, name: 'b' }] },
		],
	});
	manager = await startBotProcess(fake, {
		entry: 'src/discord/shard.ts',
		args: ['--spawn-delay', '200'],
		env: { SHARDS: '2', DATA_PATH: dataPath, WATCH_DATA: 'true' },
		waitForReady: false,
	});
	await manager.waitForLog((l) => l.msg === 'all shards ready', 60_000);
	// The shards write to the manager's stdout; wait until both have loaded their watches.
	await manager.waitForLog(
		(l) => l.msg === 'watches loaded' && manager.logs.filter((m) => m.msg === l.msg).length >= 2,
		30_000,
	);
}, 90_000);

afterAll(async () => {
	await manager.stop();
	await fake.close();
	await kolada.close();
	await rm(dir, { recursive: true, force: true });
});

describe('sharded start', () => {
	it('GIVEN SHARDS=2 THEN two bot processes identify as shard 0 and shard 1 of 2', async () => {
		const shards = fake.gateway.identifyPayloads.map((p) => JSON.stringify(p.shard));
		expect(shards.sort()).toEqual(['[0,2]', '[1,2]']);
		// The shards write to the same stdout as the manager, so their lines may come after its own.
		await expect.poll(() => manager.logs.filter((l) => l.msg === 'ready').length).toBe(2);
		const ready = manager.logs.filter((l) => l.msg === 'ready');
		expect(ready.map((l) => JSON.stringify(l.shards)).sort()).toEqual(['[0]', '[1]']);
		expect(new Set(ready.map((l) => l.pid)).size).toBe(2);
	});

	it('GIVEN an interaction on the connected shard THEN it is answered', async () => {
		const result = await fake.waitForResponse(fake.dispatch(fake.chatInput('om', {})));
		expect(result.embeds[0]?.title).toBe('Om ÖJ-boten');
	});
});

describe('digests with two shards', () => {
	it('GIVEN a sync that changes both watched figures THEN each server’s digest is posted once, by its own shard', async () => {
		const run = await runScript('scripts/sync.ts', ['--kpi', 'N31910', '--full'], {
			env: syncEnv(kolada.baseUrl, dataPath),
		});
		expect(run.code, run.stderr).toBe(0);
		await expect
			.poll(() => manager.logs.filter((l) => l.msg === 'watches compared with the new dataset').length, {
				timeout: 30_000,
			})
			.toBe(2);
		await expect.poll(() => manager.logs.filter((l) => l.msg === 'digest posted').length, { timeout: 30_000 }).toBe(2);
		const posts = fake.requests.filter((r) => r.route === 'channelMessage' && r.method === 'POST');
		expect(posts.map((p) => p.params.channelId).sort()).toEqual([CHANNEL_A, CHANNEL_B].sort());
		const compared = manager.logs.filter((l) => l.msg === 'watches compared with the new dataset');
		expect(compared.map((l) => l.watches)).toEqual([1, 1]);
		const byShard = manager.logs
			.filter((l) => l.msg === 'digest posted')
			.map((l) => [JSON.stringify(l.shards), l.channel]);
		expect(byShard.sort()).toEqual(
			[
				['[0]', CHANNEL_A],
				['[1]', CHANNEL_B],
			].sort(),
		);
	}, 120_000);
});

describe('stopping', () => {
	it('GIVEN SIGTERM to the manager THEN every shard stops and the manager exits with 0', async () => {
		const pids = manager.logs.filter((l) => l.msg === 'ready').map((l) => Number(l.pid));
		expect(pids).toHaveLength(2);
		expect(await manager.stop()).toBe(0);
		// The manager exits only after each shard process has: none of them is left running.
		for (const pid of pids) expect(isRunning(pid)).toBe(false);
		expect(manager.output()).not.toContain(fake.token);
	});
});
