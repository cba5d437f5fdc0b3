/**
 * Sharded start: `npm run start:shards [-- --spawn-delay <ms>]` (`node dist/src/discord/shard.js`).
 *
 * discord.js's ShardingManager runs one process per shard, each the same entry as `npm start`
 * (the compiled `src/index.ts`; the TypeScript source when this module runs under tsx) and each
 * reading the same dataset file. The shard count comes from `SHARDS` (`auto` asks
 * `GET /gateway/bot` on DISCORD_API_URL, default discord.com). Shards start `--spawn-delay` ms
 * apart (default 5500, Discord's one identify per 5 s). SIGINT/SIGTERM stop every shard, each of
 * which drains its interactions first.
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig, loadEnvFile } from '../config.js';
import { createLogger, secretsOfToken } from './logger.js';
import { parseShardSetting, recommendedShardCount } from './sharding.js';

/** True when this module runs from TypeScript sources (tsx) rather than the compiled build. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
/** The entry every shard runs: the same as `npm start`, next to this module in the same build. */
export const SHARD_ENTRY = fileURLToPath(new URL(FROM_SOURCES ? '../index.ts' : '../index.js', import.meta.url));

function spawnDelay(argv: readonly string[]): number {
	const index = argv.indexOf('--spawn-delay');
	if (index < 0) return 5500;
	const value = Number(argv[index + 1]);
	if (!Number.isFinite(value) || value < 0) throw new ConfigError('--spawn-delay: ska vara ett antal millisekunder');
	return value;
}

async function main(argv: readonly string[]): Promise<void> {
	loadEnvFile();
	const config = loadConfig();
	const token = config.DISCORD_TOKEN;
	if (token === undefined)
		throw new ConfigError('Ogiltig konfiguration:\n  - DISCORD_TOKEN: krävs för att starta shards');
	let setting;
	try {
		setting = parseShardSetting(config.SHARDS);
	} catch (error) {
		throw new ConfigError(`Ogiltig konfiguration:\n  - ${error instanceof Error ? error.message : String(error)}`);
	}
	const delay = spawnDelay(argv);
	const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOfToken(token), base: { role: 'manager' } });
	const totalShards = setting === 'auto' ? await recommendedShardCount(config.DISCORD_API_URL, token) : setting;
	const manager = new ShardingManager(SHARD_ENTRY, {
		token,
		totalShards,
		mode: 'process',
		respawn: true,
		execArgv: FROM_SOURCES ? ['--import', 'tsx'] : [],
	});
	manager.on('shardCreate', (shard) => {
		logger.info({ shard: shard.id, totalShards }, 'shard started');
		shard.on('death', (child) => {
			const code = 'exitCode' in child ? child.exitCode : undefined;
			logger.warn({ shard: shard.id, code }, 'shard exited');
		});
		shard.on('error', (error) => logger.error({ shard: shard.id, err: error }, 'shard error'));
	});
	let stopping = false;
	const stop = (signal: NodeJS.Signals | 'failed', exitCode = 0): void => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'stopping shards');
		manager.respawn = false;
		const exits = [...manager.shards.values()].map(
			(shard) =>
				new Promise<void>((resolve) => {
					const child = shard.process;
					if (!child || child.exitCode !== null) {
						resolve();
						return;
					}
					child.once('exit', () => resolve());
					child.kill('SIGTERM');
				}),
		);
		void Promise.all(exits).then(() => {
			logger.info('all shards stopped');
			process.exit(exitCode);
		});
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, (s) => stop(s));
	logger.info({ totalShards, entry: SHARD_ENTRY, delay }, 'spawning shards');
	try {
		await manager.spawn({ amount: totalShards, delay, timeout: 60_000 });
	} catch (error) {
		logger.fatal({ err: error }, 'a shard failed to start; stopping the others');
		stop('failed', 1);
		return;
	}
	logger.info({ totalShards }, 'all shards ready');
}

try {
	await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof ConfigError) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	} else throw error;
}
