/**
 * `npm run import -- <fil.xlsx|fil.csv|fil.zip> [--profile] [--apply] [--mapping <fil.json>]
 *   [--year 2023] [--data data/db.json] [--min-kommuner N] [--json]`
 *
 * Imports Socialstyrelsen's ÖJ Ekonomiskt bistånd workbook (.xlsx) or the statistikdatabas export
 * (.csv, or the .zip holding it) into the dataset. A dry run by default: prints what would change
 * and writes nothing. `--apply` writes with the dataset's atomic swap. `--profile` only describes
 * the file (sheets, ranges, merged cells, header candidates, tokens per column) to help write a
 * mapping file. Exit codes: 0 ok, 1 import refused (nothing written), 2 wrong usage.
 *
 * Configuration is read like the bot's (`.env`, then the environment, validated by src/config.ts):
 * without `--data` it writes to DATA_PATH, else to the git-ignored data/local/db.json (started from
 * the bundled data/db.json when it does not exist yet).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLED_DATA_PATH, ConfigError, loadConfig, loadEnvFile, writableDataPath } from '../src/config.js';
import { MAX_YEAR, MIN_YEAR, type DatasetFile } from '../src/dataset/schema.js';
import { DatasetError } from '../src/dataset/store.js';
import { runImport, type PreparedImport } from '../src/sources/excel/apply.js';
import { ImportError } from '../src/sources/excel/errors.js';
import { importWorkbook } from '../src/sources/excel/import.js';
import { loadMapping } from '../src/sources/excel/mapping.js';
import { formatProfile, profileWorkbook } from '../src/sources/excel/profile.js';
import { formatReport, type ImportOutcome } from '../src/sources/excel/report.js';
import { readWorkbook } from '../src/sources/excel/workbook.js';
import { decodeText, IMPORT_LIMITS, parseCsv, unzipCsv, type CsvSource } from '../src/sources/statistikdatabas/csv.js';
import { importStatistikdatabas } from '../src/sources/statistikdatabas/import.js';
import { loadCsvMapping } from '../src/sources/statistikdatabas/mapping.js';
import { formatCsvProfile, profileCsv } from '../src/sources/statistikdatabas/profile.js';
import { createProgress, silentProgress, type Progress } from '../src/sources/progress.js';

const USAGE = `Användning: npm run import -- <fil.xlsx|fil.csv|fil.zip> [flaggor]

  --profile            beskriv filen (blad, rubriker, värden per kolumn) utan att importera
  --apply              skriv till datasetet (annars torrkörning som bara visar ändringarna)
  --mapping <fil>      mappningsfil (JSON), se data/mappings/README.md
  --year <år>          år som värdena gäller (ÖJ-året), om det inte framgår av filen
  --data <fil>         datasetet (standard: DATA_PATH eller data/local/db.json)
  --min-kommuner <n>   minsta antal kommunrader (standard 250)
  --json               skriv resultatet som JSON
  --help               visa denna hjälp`;

/** Where the CLI writes. */
export interface CliIo {
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	readonly progress: boolean;
}

type Input =
	| { readonly kind: 'excel'; readonly name: string; readonly bytes: Uint8Array }
	| { readonly kind: 'csv'; readonly name: string; readonly files: readonly CsvSource[] };

class UsageError extends Error {}

function intOption(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw new UsageError(`${name} ska vara ett heltal, inte ”${value}”`);
	return Number(value);
}

async function readInput(file: string): Promise<Input> {
	const name = path.basename(file);
	let bytes: Uint8Array;
	try {
		const size = (await stat(file)).size;
		if (size > IMPORT_LIMITS.fileBytes) {
			throw new ImportError([
				{
					file: name,
					message: `filen är ${Math.round(size / 1024 / 1024)} MB; högst ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB importeras`,
				},
			]);
		}
		bytes = await readFile(file);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'filen finns inte' : code === 'EACCES' ? 'filen kan inte läsas' : String(error);
		throw new ImportError([{ file: name, message: reason }], { cause: error });
	}
	const ext = path.extname(file).toLowerCase();
	if (ext === '.xlsx' || ext === '.xlsm') return { kind: 'excel', name, bytes };
	if (ext === '.csv' || ext === '.txt') return { kind: 'csv', name, files: [{ name, bytes }] };
	if (ext === '.zip') {
		const unzipped = unzipCsv(name, bytes);
		return unzipped.isWorkbook ? { kind: 'excel', name, bytes } : { kind: 'csv', name, files: unzipped.files };
	}
	if (ext === '.xls') {
		throw new ImportError([
			{ file: name, message: 'det gamla .xls-formatet stöds inte; spara filen som .xlsx i Excel' },
		]);
	}
	throw new ImportError([{ file: name, message: `okänd filtyp ”${ext || '(ingen)'}”; ange .xlsx, .csv eller .zip` }]);
}

/** What the command line asks for. */
interface CliOptions {
	readonly file: string;
	readonly dataPath: string;
	readonly profile: boolean;
	readonly apply: boolean;
	readonly json: boolean;
	readonly mapping?: string;
	readonly year?: number;
	readonly minKommuner?: number;
}

/** Reads the arguments (and the configuration); undefined for --help. Throws on wrong usage. */
function parseCli(argv: readonly string[]): CliOptions | undefined {
	const { values, positionals } = parseArgs({
		args: [...argv],
		allowPositionals: true,
		strict: true,
		options: {
			profile: { type: 'boolean', default: false },
			apply: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
			mapping: { type: 'string' },
			year: { type: 'string' },
			data: { type: 'string' },
			'min-kommuner': { type: 'string' },
		},
	});
	loadEnvFile();
	const configuredPath = writableDataPath(loadConfig());
	if (values.help) return undefined;
	if (positionals.length !== 1) throw new UsageError('ange exakt en fil att importera');
	if (values.profile && values.apply) throw new UsageError('--profile och --apply kan inte kombineras');
	const year = intOption(values.year, '--year');
	if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) throw new UsageError(`orimligt år ${year}`);
	const minKommuner = intOption(values['min-kommuner'], '--min-kommuner');
	return {
		file: positionals[0] ?? '',
		dataPath: values.data ?? configuredPath,
		profile: values.profile,
		apply: values.apply,
		json: values.json,
		...(values.mapping === undefined ? {} : { mapping: values.mapping }),
		...(year === undefined ? {} : { year }),
		...(minKommuner === undefined ? {} : { minKommuner }),
	};
}

/** The profile of a file, as text or JSON. */
async function profileOf(input: Input, json: boolean): Promise<string> {
	if (input.kind === 'excel') {
		const profile = profileWorkbook(await readWorkbook(input.bytes, input.name), input.name);
		return json ? JSON.stringify(profile, null, 2) : formatProfile(profile);
	}
	const profiles = profileCsv(input.files.map((f) => parseCsv(f.name, decodeText(f.bytes))));
	return json ? JSON.stringify(profiles, null, 2) : formatCsvProfile(profiles);
}

/** Imports a workbook or CSV files: reads them and the mapping, then merges (and with --apply writes). */
async function importInput(input: Input, cli: CliOptions, progress: Progress): Promise<ImportOutcome> {
	const shared = {
		fileName: input.name,
		progress,
		...(cli.minKommuner === undefined ? {} : { minKommuner: cli.minKommuner }),
	};
	const mappingFile = path.basename(cli.mapping ?? '');
	let prepare: (base: DatasetFile) => PreparedImport;
	if (input.kind === 'excel') {
		const mapping = cli.mapping === undefined ? undefined : await loadMapping(cli.mapping);
		const sheets = await readWorkbook(input.bytes, input.name);
		const year = cli.year === undefined ? {} : { year: cli.year };
		prepare = (base) =>
			importWorkbook(sheets, { ...shared, base, ...(mapping ? { mapping, mappingFile } : {}), ...year });
	} else {
		const mapping = cli.mapping === undefined ? undefined : await loadCsvMapping(cli.mapping);
		const tables = input.files.map((f) => parseCsv(f.name, decodeText(f.bytes)));
		prepare = (base) =>
			importStatistikdatabas(tables, { ...shared, base, ...(mapping ? { mapping, mappingFile } : {}) });
	}
	const dataPath = cli.dataPath;
	return runImport({
		dataPath,
		...(existsSync(dataPath) ? {} : { basePath: BUNDLED_DATA_PATH }),
		apply: cli.apply,
		prepare,
	});
}

/** Says why the import failed, in one message and (with --json) as JSON; nothing was written. */
function reportFailure(error: unknown, json: boolean, io: CliIo): void {
	if (json && (error instanceof ImportError || error instanceof DatasetError)) {
		const problems = error instanceof ImportError ? error.problems : error.problems.map((message) => ({ message }));
		io.out(JSON.stringify({ ok: false, written: false, problems }, null, 2));
	}
	if (error instanceof ImportError) io.err(error.message);
	else if (error instanceof DatasetError) io.err(`${error.message}\nInget har skrivits.`);
	else
		io.err(
			`Oväntat fel, inget har skrivits: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
		);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	let cli: CliOptions | undefined;
	try {
		cli = parseCli(argv);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		io.err(`${message}${error instanceof ConfigError ? '' : `\n\n${USAGE}`}`);
		return 2;
	}
	if (!cli) {
		io.out(USAGE);
		return 0;
	}
	const progress = io.progress && !cli.json ? createProgress() : silentProgress;
	try {
		const input = await readInput(cli.file);
		if (cli.profile) {
			io.out(await profileOf(input, cli.json));
			return 0;
		}
		const outcome = await importInput(input, cli, progress);
		io.out(cli.json ? JSON.stringify(outcome, null, 2) : formatReport(outcome));
		return 0;
	} catch (error) {
		reportFailure(error, cli.json, io);
		return 1;
	}
}

const invokedDirectly =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
	process.exitCode = await main(process.argv.slice(2), {
		out: (text) => process.stdout.write(`${text}\n`),
		err: (text) => process.stderr.write(`${text}\n`),
		progress: true,
	});
}
