/**
 * Shard settings: how many shards to run (the `SHARDS` setting: `auto` or a number) and which ones
 * this process runs.
 *
 * Two ways to shard: one process with several shards (discord.js internal sharding; `npm start`
 * with `SHARDS=2`), or one process per shard under discord.js's `ShardingManager` (`shard.ts`).
 * The manager tells each child its shard through the environment (`SHARDING_MANAGER`, `SHARDS` = the
 * shard id, `SHARD_COUNT`) – the same `SHARDS` name as the operator's setting, so a child must read
 * it as a shard id, and a standalone process must never let discord.js read `SHARDS=auto` itself.
 */

/** The operator's `SHARDS` setting. */
export type ShardSetting = 'auto' | number;

/** Parses `SHARDS`: `auto` (Discord's recommendation) or a whole number ≥ 1. */
export function parseShardSetting(value: string | undefined): ShardSetting {
	const text = (value ?? 'auto').trim().toLowerCase();
	if (text === '' || text === 'auto') return 'auto';
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1 || n > 10_000) {
		throw new RangeError(`SHARDS: ska vara auto eller ett heltal ≥ 1 (fick ”${value ?? ''}”)`);
	}
	return n;
}

/** The shards a process spawned by the ShardingManager runs. */
export interface ManagedShards {
	readonly ids: readonly number[];
	readonly count: number;
}

/**
 * The shards assigned by discord.js's ShardingManager, read from the variables it sets for its child
 * processes (these are discord.js's protocol, not configuration); undefined in a standalone process.
 */
export function managedShards(env: Readonly<Record<string, string | undefined>>): ManagedShards | undefined {
	if (env.SHARDING_MANAGER === undefined || env.SHARDING_MANAGER === '' || env.SHARDS === undefined) return undefined;
	const parsed = JSON.parse(env.SHARDS) as unknown;
	const ids = (Array.isArray(parsed) ? (parsed as unknown[]) : [parsed]).filter(
		(n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0,
	);
	const count = Number(env.SHARD_COUNT);
	if (ids.length === 0 || !Number.isInteger(count) || count < 1) return undefined;
	return { ids, count };
}

/** discord.js client options for the shards of this process. */
export type ClientShardOptions =
	{ readonly shards: 'auto' } | { readonly shards: number[]; readonly shardCount: number };

/**
 * Client shard options: the manager's assignment for a managed child; otherwise the `SHARDS`
 * setting as internal sharding (`auto` lets discord.js ask Discord; `n` runs shards 0…n−1 here).
 */
export function clientShardOptions(
	setting: string | undefined,
	managed: ManagedShards | undefined,
): ClientShardOptions {
	// In a managed child SHARDS holds its shard id (set by the manager), not the operator's setting.
	if (managed) return { shards: [...managed.ids], shardCount: managed.count };
	const parsed = parseShardSetting(setting);
	if (parsed === 'auto') return { shards: 'auto' };
	return { shards: Array.from({ length: parsed }, (_, i) => i), shardCount: parsed };
}

/**
 * The shard count Discord recommends, from `GET /gateway/bot` on the configured API (discord.js's own
 * helper always asks discord.com, which would bypass a REST proxy or a test server).
 */
export async function recommendedShardCount(
	apiUrl: string | undefined,
	token: string,
	fetchImpl: typeof fetch = fetch,
): Promise<number> {
	const base = (apiUrl ?? 'https://discord.com/api').replace(/\/+$/, '');
	const response = await fetchImpl(`${base}/v10/gateway/bot`, {
		headers: { Authorization: `Bot ${token.replace(/^Bot\s+/i, '')}` },
	});
	if (!response.ok) throw new Error(`GET /gateway/bot svarade ${response.status}`);
	const body = (await response.json()) as { shards?: unknown };
	const shards = body.shards;
	if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
		throw new Error('GET /gateway/bot gav inget giltigt antal shards');
	}
	return shards;
}
