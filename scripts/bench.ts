/**
 * `npm run bench [-- --only section,section]`: runs every benchmark section, prints one table of
 * figures against their targets and writes the same to `bench/results.json`, keeping the previous
 * run's figures beside each new one so a change can be compared with the last run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answersBench } from './bench/answers.js';
import { chartsBench } from './bench/charts.js';
import { e2eBench } from './bench/e2e.js';
import { loadBench } from './bench/load.js';
import { mapsBench } from './bench/maps.js';
import { questionBench } from './bench/question.js';
import { searchBench } from './bench/search.js';
import { startBench } from './bench/start.js';
import { suiteBench } from './bench/suite.js';
import { syncBench } from './bench/sync.js';
import { meetsTarget, type BenchFigure, type BenchSection } from './bench/types.js';
import buildOnce from '../tests/helpers/build.js';

const sections: BenchSection[] = [
	searchBench,
	answersBench,
	chartsBench,
	mapsBench,
	e2eBench,
	loadBench,
	syncBench,
	questionBench,
	startBench,
	suiteBench,
];

const resultsPath = path.resolve('bench/results.json');

interface StoredResults {
	readonly measuredAt: string;
	readonly machine: string;
	readonly figures: readonly (BenchFigure & { readonly ok: boolean; readonly previous?: number })[];
}

function machineLine(): string {
	const cpus = os.cpus();
	return `${cpus[0]?.model ?? 'okänd CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function fmt(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	const abs = Math.abs(value);
	const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
	return value.toFixed(digits);
}

function readStored(): StoredResults | undefined {
	if (!existsSync(resultsPath)) return undefined;
	try {
		return JSON.parse(readFileSync(resultsPath, 'utf8')) as StoredResults;
	} catch {
		// A broken results file only loses the comparison, never the run.
		return undefined;
	}
}

async function main(): Promise<void> {
	const onlyArg = process.argv.indexOf('--only');
	const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined;
	// The process sections run the compiled build, as `npm start` does.
	buildOnce();
	const stored = readStored();
	const previous = new Map((stored?.figures ?? []).map((f) => [`${f.section}\u0000${f.name}`, f.value]));
	const figures: BenchFigure[] = [];
	for (const section of sections) {
		if (only && !only.has(section.name)) continue;
		process.stderr.write(`[bench] ${section.name} …\n`);
		figures.push(...(await section.run()));
	}
	const rows = figures.map((f) => {
		const target = f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${fmt(f.target.value)} ${f.unit}` : '–';
		const prev = previous.get(`${f.section}\u0000${f.name}`);
		return [
			f.section,
			f.name,
			`${fmt(f.value)} ${f.unit}`,
			target,
			f.target ? (meetsTarget(f) ? 'ok' : 'MISS') : '',
			prev === undefined ? '' : fmt(prev),
		];
	});
	const header = ['avsnitt', 'mått', 'värde', 'mål', '', 'förra'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
	console.log(`Maskin: ${machineLine()}`);
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const r of rows) console.log(line(r));
	const ran = new Set(figures.map((f) => f.section));
	const next: StoredResults = {
		measuredAt: new Date().toISOString(),
		machine: machineLine(),
		figures: [
			// Sections not run this time keep their last figures, so `--only` never erases the others.
			...(stored?.figures ?? []).filter((f) => !ran.has(f.section)),
			...figures.map((f) => {
				const prev = previous.get(`${f.section}\u0000${f.name}`);
				return { ...f, ok: meetsTarget(f), ...(prev === undefined ? {} : { previous: prev }) };
			}),
		],
	};
	mkdirSync(path.dirname(resultsPath), { recursive: true });
	writeFileSync(resultsPath, `${JSON.stringify(next, null, '\t')}\n`);
	console.log(`Sparat: ${path.relative(process.cwd(), resultsPath)}`);
}

await main();
