/**
 * Search benchmark: load + index time of the bundled dataset, resolve/autocomplete latency
 * p50/p99 over a few thousand queries — with the bundled indicators and with the whole Kolada KPI
 * catalogue (6 931 KPIs, data/sources/kolada_kpi_catalog.csv) in the index — and how often the
 * labelled queries (tests/search/queries.ts) are resolved right, asked back needlessly or picked
 * wrong without a word, for the bot and for three fuse.js configurations on the same names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Dataset } from '../../src/dataset/dataset.js';
import { inferIndicator } from '../../src/dataset/infer.js';
import type { Indicator } from '../../src/dataset/schema.js';
import { loadSnapshot } from '../../src/runtime.js';
import { Search } from '../../src/search/search.js';
import { LABELLED_QUERIES } from '../../tests/search/queries.js';
import { botResolver, FUSE_CONFIGS, fuseResolver, score, type Score } from './labelled.js';
import { percentile, type BenchFigure, type BenchSection } from './types.js';

const CATALOG = path.resolve('data/sources/kolada_kpi_catalog.csv');

/** Kolada's whole KPI catalogue as indicators (metadata only). */
export function catalogIndicators(file = CATALOG): Indicator[] {
	const rows = parse<Record<string, string>>(readFileSync(file, 'utf8'), {
		columns: true,
		skip_empty_lines: true,
		bom: true,
	});
	return rows.map((r) => {
		const inferred = inferIndicator({ id: r.id ?? '', title: r.title ?? '', description: r.description ?? '' });
		return {
			id: r.id ?? '',
			title: r.title ?? '',
			shortTitle: inferred.shortTitle,
			description: r.description ?? '',
			kind: inferred.kind,
			unit: inferred.unit,
			direction: inferred.direction,
			source: inferred.source,
			genderSplit: r.is_divided_by_gender === 'TRUE',
			keywords: [],
		};
	});
}

/** Realistic queries: prefixes and full names of kommuner and indicators, typos, ids, noise. */
function queries(dataset: Dataset, n: number): string[] {
	const base: string[] = [];
	for (const a of dataset.areasOfType('kommun')) {
		base.push(a.name, a.name.slice(0, 3), a.name.slice(0, 5).toLowerCase(), a.id);
	}
	for (const i of dataset.indicators.slice(0, 80)) base.push(i.shortTitle.slice(0, 12), i.id.toLowerCase());
	for (const q of LABELLED_QUERIES) {
		// The query as typed: every other prefix, then the whole of it.
		for (let end = 2; end < q.q.length; end += 2) base.push(q.q.slice(0, end));
		base.push(q.q);
	}
	base.push(
		'långvarigt bistånd',
		'FREDA',
		'hushållsekonomisk rådgivning',
		'avhysning barnfamiljer',
		'goteborg',
		'malmo',
		'Götebrog',
		'upp',
		'xyzzy',
		'kostnad per inv',
	);
	const out: string[] = [];
	for (let i = 0; out.length < n; i++) out.push(base[(i * 7919) % base.length] ?? 'malmö');
	return out;
}

function timeEach(items: readonly string[], fn: (q: string) => unknown): number[] {
	for (const q of items.slice(0, 200)) fn(q);
	return items.map((q) => {
		const t = performance.now();
		fn(q);
		return performance.now() - t;
	});
}

const pct = (share: number): number => Math.round(share * 1000) / 10;

/** The three labelled-set measures: what each is called, where its target lies, which way is better. */
const MEASURES = [
	{ key: 'right', label: 'rätt direkt', op: '>=', target: 97, than: 'över' },
	{ key: 'needlessAsk', label: 'onödiga motfrågor', op: '<=', target: 2, than: 'under' },
	{ key: 'silentWrong', label: 'tysta felval', op: '<=', target: 0.5, than: 'under' },
] as const;

/**
 * The labelled-set figures: the bot's three, each with its target tightened to beat the best
 * fuse.js configuration, and each fuse.js configuration's three beside them.
 */
function labelledFigures(bot: Score, fuse: Readonly<Record<string, Score>>): BenchFigure[] {
	const n = `${bot.total} frågor`;
	const all = Object.values(fuse);
	return MEASURES.flatMap((m) => {
		const values = all.map((s) => pct(s[m.key]));
		const best = m.op === '>=' ? Math.max(...values) : Math.min(...values);
		const target = m.op === '>=' ? Math.max(m.target, best) : Math.min(m.target, best);
		return [
			{
				section: 'search',
				name: `märkta frågor: ${m.label} (boten)`,
				value: pct(bot[m.key]),
				unit: '%',
				target: { op: m.op, value: target },
				note: `${n}; mål ${m.op === '>=' ? '≥' : '≤'} ${m.target} % och ${m.than} bästa fuse.js`,
			},
			...Object.entries(fuse).map(([name, s]) => ({
				section: 'search',
				name: `märkta frågor: ${m.label} (${name})`,
				value: pct(s[m.key]),
				unit: '%',
				note: n,
			})),
		];
	});
}

/** The search section of `npm run bench`. */
export const searchBench: BenchSection = {
	name: 'search',
	async run(): Promise<BenchFigure[]> {
		const loads: number[] = [];
		let snapshot = await loadSnapshot('data/db.json');
		for (let i = 0; i < 5; i++) {
			const t = performance.now();
			snapshot = await loadSnapshot('data/db.json');
			loads.push(performance.now() - t);
		}
		const { dataset, search } = snapshot;
		const qs = queries(dataset, 4000);
		const resolve = timeEach(qs, (q) => search.resolveArea(q));
		const resolveInd = timeEach(qs, (q) => search.resolveIndicator(q));
		const auto = timeEach(qs, (q) => [search.suggestAreas(q), search.suggestIndicators(q)]);

		const catalog = catalogIndicators();
		const buildStart = performance.now();
		const big = new Search(dataset, [...dataset.indicators, ...catalog.filter((c) => !dataset.indicator(c.id))]);
		const buildMs = performance.now() - buildStart;
		const autoBig = timeEach(qs, (q) => big.suggestIndicators(q));
		const resolveBig = timeEach(qs, (q) => big.resolveIndicator(q));
		const n = `${qs.length} frågor`;
		const fuse = Object.fromEntries(
			Object.entries(FUSE_CONFIGS).map(([name, options]) => [
				name,
				score(LABELLED_QUERIES, fuseResolver(dataset, options)),
			]),
		);
		return [
			...labelledFigures(score(LABELLED_QUERIES, botResolver(search)), fuse),
			{
				section: 'search',
				name: 'laddning + index (paketerat dataset), median',
				value: percentile(loads, 50),
				unit: 'ms',
				target: { op: '<=', value: 500 },
			},
			{ section: 'search', name: 'resolve område p50', value: percentile(resolve, 50), unit: 'ms', note: n },
			{ section: 'search', name: 'resolve område p99', value: percentile(resolve, 99), unit: 'ms', note: n },
			{ section: 'search', name: 'resolve indikator p99', value: percentile(resolveInd, 99), unit: 'ms', note: n },
			{ section: 'search', name: 'autocomplete p50 (paketerat)', value: percentile(auto, 50), unit: 'ms', note: n },
			{
				section: 'search',
				name: 'autocomplete p99 (paketerat)',
				value: percentile(auto, 99),
				unit: 'ms',
				target: { op: '<=', value: 2 },
				note: n,
			},
			{
				section: 'search',
				name: `index med hela katalogen (${big.indicatorCount} KPI), bygge`,
				value: buildMs,
				unit: 'ms',
			},
			{
				section: 'search',
				name: 'autocomplete p50 (hela katalogen)',
				value: percentile(autoBig, 50),
				unit: 'ms',
				note: n,
			},
			{
				section: 'search',
				name: 'autocomplete p99 (hela katalogen)',
				value: percentile(autoBig, 99),
				unit: 'ms',
				target: { op: '<=', value: 10 },
				note: n,
			},
			{
				section: 'search',
				name: 'resolve indikator p99 (hela katalogen)',
				value: percentile(resolveBig, 99),
				unit: 'ms',
				note: n,
			},
		];
	},
};
