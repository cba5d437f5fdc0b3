/**
 * The Discord bot: a client with only the Guilds intent (slash commands need no more), the router,
 * hot reload of the dataset, and a graceful stop on SIGINT/SIGTERM. Commands are registered by
 * `npm run deploy`, never here. With MENTION_MODE the bot also reads messages that mention it,
 * which needs the Guild Messages and Message Content intents.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { commands } from '../../commands/index.js';
import { datasetCoverage, datasetCoverageText, originText } from '../answers/dataset-coverage.js';
import { RenderPool } from '../charts/pool.js';
import { BUNDLED_DATA_PATH, ConfigError, type Config } from '../config.js';
import type { Dataset } from '../dataset/dataset.js';
import type { DataRuntime, Snapshot } from '../runtime.js';
import { WatchStore } from '../watch/store.js';
import { Cooldown } from './cooldown.js';
import type { Render } from './deliver.js';
import { DigestPoster } from './digests.js';
import { createLogger, secretsOfToken, type Logger } from './logger.js';
import { MentionResponder } from './mentions.js';
import { InteractionRouter } from './router.js';
import { clientShardOptions, managedShards, type ManagedShards } from './sharding.js';
import { WatchCommand } from './watch-command.js';

/**
 * Discord does not count interaction responses (callbacks, edits, follow-ups) against the bot's
 * global limit of 50 requests per second, and they are nearly all this bot sends; discord.js applies
 * that limit to every request, so it is raised here. Real 429s are still honoured from the headers.
 */
const GLOBAL_REQUESTS_PER_SECOND = 1000;

/** How long a stop waits for interactions in flight. */
const DRAIN_MS = 5000;

/** discord.js client options from the configuration. */
export function clientOptions(config: Readonly<Config>, managed: ManagedShards | undefined): ClientOptions {
	return {
		intents: config.MENTION_MODE
			? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
			: [GatewayIntentBits.Guilds],
		rest: {
			...(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }),
			globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
		},
		allowedMentions: { parse: [] },
		// Nothing reads cached messages or presences; interaction replies would otherwise pile up.
		makeCache: Options.cacheWithLimits({
			...Options.DefaultMakeCacheSettings,
			MessageManager: 0,
			PresenceManager: 0,
			ReactionManager: 0,
			ThreadMemberManager: 0,
		}),
		...clientShardOptions(config.SHARDS, managed),
	};
}

/** Which dataset is loaded and what it covers; how to fill it is for the log, never for a chat reply. */
function logDataset(runtime: DataRuntime, logger: Logger): void {
	const coverage = datasetCoverage(runtime.current.dataset);
	const details = {
		file: runtime.file,
		origin: originText({ locale: 'sv' }, coverage),
		coverage: datasetCoverageText({ locale: 'sv' }, coverage),
	};
	if (coverage.origin === 'bundled')
		logger.warn(details, 'dataset is the bundled one; fill it from Kolada with npm run sync');
	else logger.info(details, 'dataset');
}

function watchDataset(runtime: DataRuntime, logger: Logger, onSwap: (before: Dataset, after: Snapshot) => void): void {
	let current = runtime.current.dataset;
	runtime.watch((result) => {
		if (result.ok) {
			const before = current;
			current = result.snapshot.dataset;
			onSwap(before, result.snapshot);
			const { dataset, loadMs } = result.snapshot;
			logger.info(
				{
					file: runtime.file,
					values: dataset.valueCount,
					indicators: dataset.indicators.length,
					loadMs: Math.round(loadMs),
				},
				'dataset reloaded',
			);
		} else {
			logger.error({ file: runtime.file, err: result.error }, 'dataset reload failed; keeping the previous one');
		}
	});
}

/** The render pool as the router's renderer; at debug level it logs the queue each chart joins (load tests read it). */
function chartRenderer(renders: RenderPool, logger: Logger): Render {
	return (spec) => {
		const png = renders.render(spec);
		if (logger.isLevelEnabled('debug')) {
			const { queued, inFlight } = renders.stats;
			logger.debug({ queued, inFlight }, 'chart render queued');
		}
		return png;
	};
}

/**
 * Opens the watch file, which lives beside the dataset (beside the bundled one when DATA_PATH is
 * unset, so it stays put when a first sync switches to data/local/). A broken file is reported and
 * left untouched; watches are then off.
 */
async function openWatches(
	config: Readonly<Config>,
	logger: Logger,
): Promise<WatchStore | { readonly broken: string }> {
	const file = config.WATCHES_PATH ?? path.join(path.dirname(config.DATA_PATH ?? BUNDLED_DATA_PATH), 'watches.json');
	try {
		const store = await WatchStore.open(file);
		logger.info({ file, watches: store.all().length }, 'watches loaded');
		return store;
	} catch (error) {
		logger.error({ file, err: error }, 'watch file unusable; watches are off until it is fixed');
		return { broken: error instanceof Error ? error.message : String(error) };
	}
}

/** Logs what the client reports about itself: errors, gateway state and rate limits. */
function logClientEvents(client: Client, logger: Logger): void {
	client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
	client.on(Events.Warn, (message) => logger.warn({ source: 'discord.js' }, message));
	client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
	client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
	client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
	client.on(Events.ShardError, (error, shard) => logger.error({ shard, err: error }, 'gateway error'));
	if (logger.isLevelEnabled('trace')) {
		client.on(Events.Debug, (message) => logger.trace({ source: 'discord.js' }, message));
	}
	// A 429 discord.js did not see coming only shows in its REST responses, not as 'rateLimited'.
	client.rest.on('response', (request, response) => {
		if (response.status === 429) logger.warn({ route: request.route, method: request.method }, 'rate limited (429)');
	});
	client.rest.on('rateLimited', (info) =>
		logger.warn(
			{ route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
			'rate limited',
		),
	);
}

/** Once logged in: says what is loaded and warms the chart workers. */
function onReady(
	client: Client,
	bot: { config: Readonly<Config>; runtime: DataRuntime; renders: RenderPool; logger: Logger },
): void {
	const { config, runtime, renders, logger } = bot;
	client.once(Events.ClientReady, (ready) => {
		logger.info(
			{
				user: ready.user.tag,
				application: ready.application.id,
				guilds: ready.guilds.cache.size,
				shards: ready.ws.shards.map((s) => s.id),
				commands: commands.map((c) => c.data.name),
				values: runtime.current.dataset.valueCount,
				chartCooldownSeconds: config.CHART_COOLDOWN_SECONDS,
			},
			'ready',
		);
		logDataset(runtime, logger);
		const started = performance.now();
		renders.warm().then(
			() =>
				logger.info(
					{ workers: renders.stats.workers, ms: Math.round(performance.now() - started) },
					'chart workers warm',
				),
			(error: unknown) => logger.error({ err: error }, 'chart warm-up failed'),
		);
	});
}

/** What a stop takes down, in order. */
interface Running {
	readonly router: InteractionRouter;
	readonly runtime: DataRuntime;
	readonly client: Client;
	readonly renders: RenderPool;
	readonly logger: Logger;
}

/** On SIGINT/SIGTERM: no new interactions, those in flight finish (up to {@link DRAIN_MS}), then exit. */
function stopOnSignal({ router, runtime, client, renders, logger }: Running): void {
	let stopping = false;
	const stop = async (signal: NodeJS.Signals): Promise<void> => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal, inFlight: router.inFlight }, 'stopping');
		router.close();
		const drained = await router.drain(DRAIN_MS);
		runtime.close();
		await client.destroy();
		await renders.close();
		logger.info({ drained }, 'stopped');
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, (s) => void stop(s));
}

/**
 * Logs in; on failure stops the client and the render pool and throws a clear error.
 *
 * @throws ConfigError for a token Discord refuses or an unreachable API; the login error otherwise.
 */
async function login(
	client: Client,
	token: string,
	renders: RenderPool,
	config: Readonly<Config>,
	logger: Logger,
): Promise<void> {
	try {
		await client.login(token);
	} catch (error) {
		logger.fatal({ err: error }, 'login failed');
		await client.destroy();
		await renders.close();
		if (error instanceof Error && 'code' in error && error.code === 'TokenInvalid') {
			throw new ConfigError('Ogiltig konfiguration:\n  - DISCORD_TOKEN: Discord godtog inte token');
		}
		const network = networkCode(error);
		if (network !== undefined) {
			const api = config.DISCORD_API_URL ?? 'https://discord.com/api';
			throw new ConfigError(
				`Kunde inte nå Discord på ${api} (${network}). Kontrollera nätverket och DISCORD_API_URL (lämna den tom för Discord självt).`,
				{ cause: error },
			);
		}
		throw error;
	}
}

/**
 * The token, client options and logger for the configuration.
 *
 * @throws ConfigError when DISCORD_TOKEN is missing or SHARDS is invalid.
 */
function setUp(config: Readonly<Config>): { token: string; options: ClientOptions; logger: Logger } {
	const token = config.DISCORD_TOKEN;
	if (token === undefined) throw new ConfigError('Ogiltig konfiguration:\n  - DISCORD_TOKEN: krävs för Discord-läget');
	// The ShardingManager's own variables (see sharding.ts); not configuration, so not in config.ts.
	const managed = managedShards(process.env);
	let options: ClientOptions;
	try {
		options = clientOptions(config, managed);
	} catch (error) {
		throw new ConfigError(`Ogiltig konfiguration:\n  - ${error instanceof Error ? error.message : String(error)}`);
	}
	const logger = createLogger({
		level: config.LOG_LEVEL,
		secrets: secretsOfToken(token),
		...(managed ? { base: { shards: managed.ids } } : {}),
	});
	return { token, options, logger };
}

/**
 * Starts the bot and resolves once it has logged in. The process then runs until SIGINT/SIGTERM.
 *
 * @throws ConfigError when DISCORD_TOKEN is missing or SHARDS is invalid; Error when login fails.
 */
export async function startBot(config: Readonly<Config>, runtime: DataRuntime): Promise<void> {
	const { token, options, logger } = setUp(config);
	// RENDER_CONCURRENCY worker threads draw charts, so drawing never holds up the event loop.
	const renders = new RenderPool(config.RENDER_CONCURRENCY);
	const render = chartRenderer(renders, logger);
	const cooldown = new Cooldown(config.CHART_COOLDOWN_SECONDS);
	const client = new Client(options);
	const store = await openWatches(config, logger);
	const digests = 'broken' in store ? undefined : new DigestPoster({ client, store, render, logger });
	const watchCommand = new WatchCommand({ store, runtime, logger });
	const router = new InteractionRouter({ runtime, commands, logger, cooldown, render, watchCommand });

	client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
	if (config.MENTION_MODE) {
		const mentions = new MentionResponder({ runtime, commands, logger, cooldown, render });
		client.on(Events.MessageCreate, (message) => void mentions.handle(message, client.user?.id ?? ''));
	}
	onReady(client, { config, runtime, renders, logger });
	logClientEvents(client, logger);
	process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
	if (config.WATCH_DATA) {
		watchDataset(runtime, logger, (before, after) => {
			if (digests) void digests.afterSwap(before, after);
		});
	}
	stopOnSignal({ router, runtime, client, renders, logger });

	logger.info(
		{
			api: config.DISCORD_API_URL ?? 'https://discord.com/api',
			data: runtime.file,
			shards: options.shards,
			shardCount: options.shardCount,
			renderConcurrency: config.RENDER_CONCURRENCY,
			watch: config.WATCH_DATA,
		},
		'starting',
	);
	await login(client, token, renders, config, logger);
}

/** The network failure code behind an error (`ECONNREFUSED`, `ENOTFOUND`, …), searching its causes. */
function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
		const code = (current as Error & { code?: unknown }).code;
		if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
		current = current.cause;
	}
	return error instanceof TypeError && error.message === 'fetch failed' ? 'fetch failed' : undefined;
}
