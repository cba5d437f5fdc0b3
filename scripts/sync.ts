/**
 * `npm run sync [-- --kpi N00945,U31401] [--search "<titeltext>"] [--since ÅÅÅÅ-MM-DD | --full]
 *               [--data data/db.json] [--dry-run] [--json]`
 *
 * Syncs the dataset with Kolada: every ekonomiskt-bistånd KPI (plus those given with `--kpi` or
 * found with `--search`) for every kommun, län and Riket, the municipality list and the
 * municipality groups. By default only values changed since the last sync are fetched; `--full`
 * fetches everything. The new dataset is built in memory, checked, and only then swapped in
 * atomically; on any failure the data file is left byte-for-byte unchanged and the exit code is 1
 * (2 for a usage error).
 *
 * Configuration is read like the bot's (`.env`, then the environment, validated by src/config.ts):
 * `KOLADA_API_URL` (default https://api.kolada.se/v3), `DATA_PATH` (default: the git-ignored
 * data/local/db.json, started from the bundled data/db.json when it does not exist yet); tuning:
 * `KOLADA_CONCURRENCY` (2), `KOLADA_MIN_INTERVAL_MS` (200), `KOLADA_TIMEOUT_MS` (30000),
 * `KOLADA_MAX_RETRIES` (4), `KOLADA_BACKOFF_MS` (1000).
 */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	BUNDLED_DATA_PATH,
	ConfigError,
	loadConfig,
	loadEnvFile,
	writableDataPath,
	type Config,
} from '../src/config.js';
import { DatasetError, readDataset, validateDataset, writeDataset } from '../src/dataset/store.js';
import { KOLADA_DEFAULT_BASE_URL, type KoladaClientOptions } from '../src/sources/kolada/client.js';
import { formatSyncSummary, syncFromKolada, toSyncError } from '../src/sources/kolada/sync.js';
import { createProgress } from '../src/sources/progress.js';

const USAGE = `Användning: npm run sync -- [flaggor]

  --kpi ID[,ID…]       synka även dessa nyckeltal (kan upprepas)
  --search TEXT        synka även nyckeltal vars titel innehåller TEXT (kan upprepas)
  --since ÅÅÅÅ-MM-DD   hämta bara värden ändrade sedan datumet (standard: senaste synken)
  --full               hämta alla värden, oavsett senaste synk
  --data FIL           datafilen (standard: DATA_PATH eller data/local/db.json)
  --dry-run            visa sammanfattningen utan att skriva
  --json               skriv sammanfattningen som JSON (för schemalagda körningar och övervakning)
  --help               visa den här hjälpen

Miljövariabler (även från .env): KOLADA_API_URL (standard ${KOLADA_DEFAULT_BASE_URL}), DATA_PATH,
KOLADA_CONCURRENCY, KOLADA_MIN_INTERVAL_MS, KOLADA_TIMEOUT_MS, KOLADA_MAX_RETRIES, KOLADA_BACKOFF_MS.`;

/** Exit codes: 0 done, 1 sync failed (file unchanged), 2 wrong usage. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function usageError(message: string): never {
	process.stderr.write(`${message}\n\n${USAGE}\n`);
	process.exit(EXIT_USAGE);
}

function parse(config: Readonly<Config>): {
	kpis: string[];
	search: string[];
	since: string | undefined;
	full: boolean;
	data: string;
	dryRun: boolean;
	json: boolean;
} {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				kpi: { type: 'string', multiple: true },
				search: { type: 'string', multiple: true },
				since: { type: 'string' },
				full: { type: 'boolean', default: false },
				data: { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', default: false },
			},
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		usageError(error instanceof Error ? error.message : String(error));
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	}
	if (values.since !== undefined && values.full) usageError('--since och --full kan inte användas samtidigt.');
	if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) {
		usageError(`--since ska vara ett datum ÅÅÅÅ-MM-DD, fick "${values.since}".`);
	}
	const kpis = (values.kpi ?? []).flatMap((list) =>
		list
			.split(',')
			.map((id) => id.trim().toUpperCase())
			.filter((id) => id !== ''),
	);
	for (const id of kpis)
		if (!/^[A-Z]\d{5}$/.test(id)) usageError(`"${id}" ser inte ut som ett Kolada-id (t.ex. N31807).`);
	const search = (values.search ?? []).map((s) => s.trim()).filter((s) => s !== '');
	return {
		kpis,
		search,
		since: values.since,
		full: values.full,
		data: values.data ?? writableDataPath(config),
		dryRun: values['dry-run'],
		json: values.json,
	};
}

/** The validated configuration, or exit 2 naming the wrong keys. */
function configuration(): Readonly<Config> {
	try {
		loadEnvFile();
		return loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) usageError(error.message);
		throw error;
	}
}

async function main(): Promise<number> {
	const config = configuration();
	const args = parse(config);
	const baseUrl = config.KOLADA_API_URL;
	const clientOptions: KoladaClientOptions = {
		baseUrl,
		concurrency: config.KOLADA_CONCURRENCY,
		minIntervalMs: config.KOLADA_MIN_INTERVAL_MS,
		timeoutMs: config.KOLADA_TIMEOUT_MS,
		maxRetries: config.KOLADA_MAX_RETRIES,
		baseBackoffMs: config.KOLADA_BACKOFF_MS,
	};
	const progress = createProgress();
	const controller = new AbortController();
	const onSignal = (): void => controller.abort(new Error('avbruten'));
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	const unchanged = `Datafilen ${args.data} är oförändrad.`;
	try {
		// The first sync starts from the bundled dataset; later ones from the file they replace.
		const base = await readDataset(existsSync(args.data) ? args.data : BUNDLED_DATA_PATH);
		progress.info(`Synkar ${args.data} mot ${baseUrl}${args.dryRun ? ' (torrkörning)' : ''}`);
		const { dataset, summary } = await syncFromKolada({
			clientOptions,
			base,
			options: { kpis: args.kpis, search: args.search, since: args.since, full: args.full },
			progress,
			today: new Date(),
			signal: controller.signal,
		});
		if (!args.json) process.stdout.write(`${formatSyncSummary(summary)}\n`);
		if (args.dryRun) {
			validateDataset(dataset, 'nytt dataset från Kolada');
			process.stdout.write(`Torrkörning: ingenting skrevs. ${unchanged}\n`);
			return 0;
		}
		progress.info(`Skriver ${args.data} …`);
		const writeStarted = performance.now();
		await mkdir(path.dirname(args.data), { recursive: true });
		await writeDataset(args.data, dataset);
		const size = (await stat(args.data)).size / 1024 / 1024;
		const seconds = (performance.now() - writeStarted) / 1000;
		if (args.json)
			process.stdout.write(
				`${JSON.stringify({ ...summary, file: args.data, bytes: size * 1024 * 1024, writeSeconds: seconds })}\n`,
			);
		else {
			process.stdout.write(
				`Skrev ${args.data} (${size.toFixed(1).replace('.', ',')} MB) på ${seconds.toFixed(1).replace('.', ',')} s.\n`,
			);
		}
		return 0;
	} catch (error) {
		if (error instanceof DatasetError) {
			process.stderr.write(`Synken misslyckades: ${error.message}\n${unchanged}\n`);
			return EXIT_FAILED;
		}
		const failure = toSyncError(error);
		const details = failure.details.map((d) => `  - ${d}\n`).join('');
		process.stderr.write(`Synken misslyckades: ${failure.message}\n${details}${unchanged}\n`);
		return EXIT_FAILED;
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

process.exitCode = await main();
