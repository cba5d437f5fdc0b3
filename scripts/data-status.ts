/**
 * `npm run data:status [-- --data data/db.json] [--json] [--today ÅÅÅÅ-MM-DD]`
 *
 * What the dataset holds and how fresh it is: per source the number of values, the years and the
 * newest date; when each kind of import (bundle, Kolada sync, Excel, CSV) last ran; Kolada's next
 * publication dates from the KPI metadata, and publications that have passed since the last sync
 * (time to run `npm run sync`). Readable Swedish text, or JSON with `--json`. `--today` fixes the
 * date the publication dates are compared with (default: today).
 *
 * Configuration is read like the bot's (`.env`, then the environment, validated by src/config.ts):
 * without `--data`, the dataset the bot would load (DATA_PATH, else the synced dataset when there
 * is one, else the bundled one).
 */
import { parseArgs } from 'node:util';
import { ConfigError, dataLocation, loadConfig, loadEnvFile } from '../src/config.js';
import { datasetStatus, type DatasetStatus } from '../src/answers/om.js';
import {
	datasetCoverage,
	datasetCoverageText,
	originText,
	type DatasetCoverage,
} from '../src/answers/dataset-coverage.js';
import { formatYears } from '../src/answers/format.js';
import { Dataset } from '../src/dataset/dataset.js';
import type { DatasetFile, ImportRecord } from '../src/dataset/schema.js';
import { readDataset } from '../src/dataset/store.js';

const USAGE = `Användning: npm run data:status -- [--data FIL] [--json] [--today ÅÅÅÅ-MM-DD]`;

const KIND_LABELS: Readonly<Record<ImportRecord['kind'], string>> = {
	bundle: 'Medföljande dataset',
	'kolada-sync': 'Kolada-synk',
	excel: 'Excel-import',
	csv: 'CSV-import',
};

/** Everything the script reports. */
interface StatusReport {
	readonly file: string;
	readonly today: string;
	readonly status: DatasetStatus;
	/** Origin and kommun coverage, as the shell and /om say it. */
	readonly coverage: DatasetCoverage;
	/** The newest import record of each kind. */
	readonly lastImports: readonly ImportRecord[];
	/** Day of the last Kolada sync, or of the bundle when the dataset was never synced. */
	readonly freshSince: string;
	/** Kolada publication dates after {@link freshSince} and up to today. */
	readonly publishedSinceSync: readonly { readonly date: string; readonly indicators: number }[];
}

const numberFormat = new Intl.NumberFormat('sv-SE');
const SV = { locale: 'sv' } as const;

function n(value: number): string {
	return numberFormat.format(value);
}

function indikatorer(count: number): string {
	return `${n(count)} ${count === 1 ? 'indikator' : 'indikatorer'}`;
}

function report(file: string, data: DatasetFile, today: Date): StatusReport {
	const dataset = new Dataset(data);
	const status = datasetStatus(dataset, today);
	const todayIso = today.toISOString().slice(0, 10);
	const lastByKind = new Map<string, ImportRecord>();
	for (const record of data.imports) {
		const previous = lastByKind.get(record.kind);
		if (!previous || record.at >= previous.at) lastByKind.set(record.kind, record);
	}
	const freshSince = (lastByKind.get('kolada-sync')?.at ?? data.builtFrom).slice(0, 10);
	const passed = new Map<string, number>();
	for (const indicator of data.indicators) {
		const date = indicator.kolada?.publicationDate;
		if (indicator.kolada?.status !== 'active' || date === undefined) continue;
		if (date > freshSince && date <= todayIso) passed.set(date, (passed.get(date) ?? 0) + 1);
	}
	return {
		file,
		today: todayIso,
		status,
		coverage: datasetCoverage(dataset),
		lastImports: [...lastByKind.values()].sort((a, b) => b.at.localeCompare(a.at)),
		freshSince,
		publishedSinceSync: [...passed.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([date, indicators]) => ({ date, indicators })),
	};
}

function summaryOf(record: ImportRecord): string {
	const parts = Object.entries(record.summary).map(
		([key, value]) => `${key} ${typeof value === 'number' ? n(value) : value}`,
	);
	return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function toText(r: StatusReport): string {
	const c = r.status.counts;
	const lines = [
		`Dataset: ${r.file} – ${originText(SV, r.coverage)}`,
		`Täckning: ${datasetCoverageText(SV, r.coverage)}`,
		`Innehåll: ${n(c.kommuner)} kommuner, ${n(c.lan)} län, ${n(c.stadsdelar)} stadsdelar, ${n(c.grupper)} grupper; ${n(c.indikatorer)} indikatorer, ${n(c.serier)} serier, ${n(c.varden)} värden`,
		'',
		'Källor:',
		...r.status.sources.map(
			(s) =>
				`  • ${s.attribution.replace(/^Källa: /, '')} [${s.kind}]: ${n(s.values)} värden, år ${formatYears(s.years)}${s.latestDate ? `, senast ${s.latestDate}` : ''}`,
		),
		'',
		'Senast synkat/importerat:',
		...(r.lastImports.length === 0
			? ['  • inget registrerat']
			: r.lastImports.map((i) => `  • ${KIND_LABELS[i.kind]}: ${i.at.slice(0, 10)}${summaryOf(i)}`)),
		'',
		`Nästa publiceringar i Kolada (efter ${r.today}):`,
		...(r.status.nextPublications.length === 0
			? ['  • inga kända datum']
			: r.status.nextPublications.map(
					(p) =>
						`  • ${p.date}: ${indikatorer(p.indicators)} (${p.examples.join(', ')}${p.indicators > p.examples.length ? ' …' : ''})`,
				)),
	];
	if (r.publishedSinceSync.length > 0) {
		const total = r.publishedSinceSync.reduce((sum, p) => sum + p.indicators, 0);
		lines.push(
			'',
			`Publicerat i Kolada sedan ${r.freshSince}: ${indikatorer(total)} (${r.publishedSinceSync.map((p) => `${p.date}: ${n(p.indicators)}`).join(', ')}) – kör npm run sync`,
		);
	}
	return lines.join('\n');
}

async function main(): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				data: { type: 'string' },
				json: { type: 'boolean', default: false },
				today: { type: 'string' },
				help: { type: 'boolean', default: false },
			},
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
		return 2;
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const today = values.today === undefined ? new Date() : new Date(`${values.today}T12:00:00Z`);
	if (Number.isNaN(today.getTime()) || (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))) {
		process.stderr.write(`--today ska vara ett datum ÅÅÅÅ-MM-DD.\n${USAGE}\n`);
		return 2;
	}
	try {
		loadEnvFile();
		const file = values.data ?? dataLocation(loadConfig()).file;
		const r = report(file, await readDataset(file), today);
		process.stdout.write(`${values.json ? JSON.stringify(r, null, 2) : toText(r)}\n`);
		return 0;
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		return error instanceof ConfigError ? 2 : 1;
	}
}

process.exitCode = await main();
