/**
 * The sharded start (`node --import tsx src/discord/shard.ts`) against the Discord fake: the
 * ShardingManager spawns one bot process per shard from the same entry as `npm start`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFake } from '../fakes/discord-fake.js';
import { startBotProcess, UNHURRIED, type BotProcess } from './bot-process.js';

/** Whether a process with this pid still exists (signal 0 only checks). */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

let fake: DiscordFake;
let manager: BotProcess;

beforeAll(async () => {
	fake = await DiscordFake.start(UNHURRIED);
	manager = await startBotProcess(fake, {
		entry: 'src/discord/shard.ts',
		args: ['--spawn-delay', '200'],
		env: { SHARDS: '2' },
		waitForReady: false,
	});
	await manager.waitForLog((l) => l.msg === 'all shards ready', 60_000);
});

afterAll(async () => {
	await manager.stop();
	await fake.close();
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

	it('GIVEN SIGTERM to the manager THEN every shard stops and the manager exits with 0', async () => {
		const pids = manager.logs.filter((l) => l.msg === 'ready').map((l) => Number(l.pid));
		expect(pids).toHaveLength(2);
		expect(await manager.stop()).toBe(0);
		// The manager exits only after each shard process has: none of them is left running.
		for (const pid of pids) expect(isRunning(pid)).toBe(false);
		expect(manager.output()).not.toContain(fake.token);
	});
});
