/**
 * Chart rendering benchmark: render time per chart kind at the size the bot sends to Discord, and
 * memory growth over a long run with the long-lived renderers.
 *
 * Renders are timed one at a time (spec → config → PNG, including encoding) after a warm-up, so
 * the figures are per-render latency rather than throughput; each note adds the CPU time, which
 * other processes on a shared machine do not inflate. The memory run then renders 2 000 mixed
 * charts through the normal bounded queue and compares median RSS at its start and end.
 */
import { performance } from 'node:perf_hooks';
import { CHART_SIZES, chartSizeFor, getRenderStats, renderChart } from '../../src/charts/render.js';
import type { BarChartSpec, ChartSpec } from '../../src/charts/spec.js';
import { percentile, rssMb, type BenchFigure, type BenchSection } from './types.js';

const SECTION = 'charts';
const WARMUP_PER_KIND = 20;
const TIMED_PER_KIND = 200;
const MEMORY_RENDERS = 2000;
const MEMORY_BATCH = 8;
const SOURCE = 'Källa: Kolada · Medelvärden: ÖJ-botens egen beräkning';

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same charts. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KOMMUNER = [
	'Upplands Väsby',
	'Malung-Sälen',
	'Östra Göinge',
	'Håbo',
	'Habo',
	'Ånge',
	'Ängelholm',
	'Aneby',
	'Upplands-Bro',
	'Ljusnarsberg',
	'Södertälje',
	'Eskilstuna',
	'Filipstad',
	'Örebro',
	'Haparanda',
];

/** A bar chart of 10 kommuner (one in focus) and a top list of the 15 highest of 290 values. */
function barSpecs(random: () => number): { compare: BarChartSpec; topList: BarChartSpec } {
	const compare: BarChartSpec = {
		kind: 'bar',
		orientation: 'vertical',
		title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2023',
		subtitle: 'Håbo jämfört med liknande kommuner',
		unit: '%',
		format: { style: 'percent', decimals: 1 },
		source: SOURCE,
		bars: KOMMUNER.slice(0, 10)
			.map((label) => ({
				label,
				value: Math.round((0.4 + random() * 2.6) * 10) / 10,
				role: label === 'Håbo' ? ('focus' as const) : ('other' as const),
			}))
			.sort((a, b) => b.value - a.value),
		referenceLines: [{ label: 'Riket', value: 1.8 }],
	};
	// A top list as the bot draws it: the 15 highest of 290 kommun values.
	const all = Array.from({ length: 290 }, () => Math.round(600 + random() ** 2 * 4200)).sort((a, b) => b - a);
	const topList: BarChartSpec = {
		kind: 'bar',
		orientation: 'horizontal',
		title: 'Utbetalt ekonomiskt bistånd per invånare, kronor · 2023',
		subtitle: 'De 15 kommuner med högst värde av 290',
		unit: 'kr',
		format: { style: 'unit', decimals: 0, unit: 'kr' },
		source: 'Källa: Kolada',
		bars: KOMMUNER.map((label, i) => ({
			label,
			value: all[i] ?? null,
			role: label === 'Upplands Väsby' ? ('focus' as const) : ('other' as const),
		})),
		referenceLines: [{ label: 'Riket', value: 1560 }],
	};
	return { compare, topList };
}

/** Four series over 15 years, some with gaps. */
function lineSpec(): ChartSpec {
	const years = Array.from({ length: 15 }, (_, i) => 2009 + i);
	const trend = (start: number, gapEvery: number): (number | null)[] =>
		years.map((_, i) =>
			gapEvery > 0 && i % gapEvery === gapEvery - 1 ? null : start + Math.sin(i / 2) * 0.3 - i * 0.02,
		);
	return {
		kind: 'line',
		title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2009–2023',
		unit: '%',
		format: { style: 'percent', decimals: 1 },
		source: SOURCE,
		years,
		series: [
			{ label: 'Håbo', role: 'focus', values: trend(1.8, 5) },
			{ label: 'Riket', role: 'reference', values: trend(2.2, 0) },
			{ label: 'Habo', role: 'other', values: trend(0.9, 4) },
			{ label: 'Upplands Väsby', role: 'other', values: trend(2.5, 0) },
		],
	};
}

const SURVEY = {
	title: 'Rutin för att upptäcka våld i nära relationer · 2023',
	source: 'Källa: Socialstyrelsen, Öppna jämförelser',
	categories: [
		{ label: 'Ja', rank: 0 },
		{ label: 'Delvis', rank: 1 },
		{ label: 'Nej', rank: 2 },
	],
} as const;

/** A survey answer per area for 10 areas, and answer shares for 5 groups. */
function categoricalSpecs(): { areas: ChartSpec; shares: ChartSpec } {
	return {
		areas: {
			kind: 'categorical',
			variant: 'areas',
			...SURVEY,
			categories: [...SURVEY.categories],
			unit: '',
			format: { style: 'number', decimals: 0 },
			rows: KOMMUNER.slice(0, 10).map((label, i) => ({
				label,
				role: label === 'Håbo' ? ('focus' as const) : ('other' as const),
				answer: i % 4 === 3 ? null : { label: ['Ja', 'Delvis', 'Nej'][i % 3] ?? 'Ja', rank: i % 3 },
			})),
		},
		shares: {
			kind: 'categorical',
			variant: 'shares',
			...SURVEY,
			categories: [...SURVEY.categories],
			unit: '%',
			format: { style: 'percent', decimals: 0 },
			groups: [
				{ label: 'Storstäder', n: 3, counts: [3, 0, 0] },
				{ label: 'Pendlingskommun nära storstad', n: 49, counts: [30, 10, 7], role: 'focus' },
				{ label: 'Större städer', n: 22, counts: [15, 4, 3] },
				{ label: 'Landsbygdskommuner', n: 47, counts: [20, 15, 10] },
				{ label: 'Riket', n: 290, counts: [180, 60, 40], role: 'reference' },
			],
		},
	};
}

/** A profile of 40 rows, every seventh a survey answer. */
function profileSpec(random: () => number): ChartSpec {
	return {
		kind: 'profile',
		title: 'Håbo jämfört med riket · 2023',
		unit: '%',
		format: { style: 'percent', decimals: 0 },
		source: SOURCE,
		rows: Array.from({ length: 40 }, (_, i) =>
			i % 7 === 6
				? {
						kind: 'answer' as const,
						label: `Rutin för samverkan ${i}`,
						answer: i % 2 ? 'Ja' : 'Nej',
						assessment: i % 2 ? ('good' as const) : ('bad' as const),
					}
				: {
						kind: 'numeric' as const,
						label: `Långvarigt ekonomiskt bistånd ${i}`,
						diff: i === 8 ? null : Math.round((random() - 0.5) * 120),
						assessment: (['good', 'bad', 'neutral'] as const)[i % 3] ?? 'neutral',
					},
		),
	};
}

/** The charts rendered, by name; the same every run (seeded). */
function specs(): Record<string, ChartSpec> {
	const random = seeded(2023);
	const { compare, topList } = barSpecs(random);
	const categorical = categoricalSpecs();
	return {
		'bar (10 kommuner)': compare,
		'bar top 15 of 290': topList,
		'line 15 years with gaps': lineSpec(),
		'categorical 10 areas': categorical.areas,
		'categorical shares 5 groups': categorical.shares,
		'profile 40 rows': profileSpec(random),
	};
}

/** Wall-clock and CPU milliseconds per render. */
export interface Timings {
	/** Wall-clock milliseconds per render. */
	readonly wall: number[];
	/** CPU milliseconds per render, all threads (drawing on the main thread, PNG encoding in the pool). */
	readonly cpu: number[];
}

/** Renders `spec` `count` times one after the other, timing each. */
export async function timeRenders(spec: ChartSpec, count: number): Promise<Timings> {
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < count; i++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		await renderChart(spec);
		wall.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	return { wall, cpu };
}

/** Render p50/p95 per chart kind, timed one at a time after a warm-up. */
async function renderTimes(all: readonly (readonly [string, ChartSpec])[]): Promise<BenchFigure[]> {
	const figures: BenchFigure[] = [];
	for (const [, spec] of all) await timeRenders(spec, WARMUP_PER_KIND);
	for (const [name, spec] of all) {
		const { width, height } = CHART_SIZES[chartSizeFor(spec)];
		const { wall: samples, cpu } = await timeRenders(spec, TIMED_PER_KIND);
		const isBar = spec.kind === 'bar';
		// CPU time is not inflated by other processes on the machine, unlike wall time.
		const note = `${width}×${height}, n=${TIMED_PER_KIND} after ${WARMUP_PER_KIND} warm-up, CPU p50 ${percentile(cpu, 50).toFixed(1)} ms`;
		figures.push(
			{
				section: SECTION,
				name: `render p50 ${name}`,
				value: percentile(samples, 50),
				unit: 'ms',
				...(isBar ? { target: { op: '<=', value: 40 } as const } : {}),
				note,
			},
			{
				section: SECTION,
				name: `render p95 ${name}`,
				value: percentile(samples, 95),
				unit: 'ms',
				...(isBar ? { target: { op: '<=', value: 80 } as const } : {}),
				note,
			},
		);
	}
	return figures;
}

/** RSS growth, final RSS and throughput over 2 000 mixed renders through the bounded queue. */
async function memoryRun(all: readonly (readonly [string, ChartSpec])[], rssStart: number): Promise<BenchFigure[]> {
	// RSS moves ±10 MB from one reading to the next (allocator arenas, pixel buffers in flight), so
	// compare the median over the first 200 renders with the median over the last 200.
	const windowBatches = Math.ceil(200 / MEMORY_BATCH);
	const rssSamples: number[] = [];
	const started = performance.now();
	for (let done = 0; done < MEMORY_RENDERS; done += MEMORY_BATCH) {
		const batch = Array.from({ length: Math.min(MEMORY_BATCH, MEMORY_RENDERS - done) }, (_, i) => {
			const entry = all[(done + i) % all.length];
			return entry ? renderChart(entry[1]) : Promise.resolve(Buffer.alloc(0));
		});
		await Promise.all(batch);
		rssSamples.push(rssMb());
	}
	const elapsed = (performance.now() - started) / 1000;
	const rssBefore = percentile(rssSamples.slice(0, windowBatches), 50);
	const rssAfter = percentile(rssSamples.slice(-windowBatches), 50);
	const stats = getRenderStats();
	return [
		{
			section: SECTION,
			name: `RSS growth over ${MEMORY_RENDERS} renders after warm-up`,
			value: rssAfter - rssBefore,
			unit: 'MB',
			target: { op: '<=', value: 30 },
			note: `median RSS over first vs last 200 renders: ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB (${rssStart.toFixed(0)} MB before any render), mixed kinds, ${MEMORY_BATCH} requested at once`,
		},
		{
			section: SECTION,
			name: 'RSS after long run',
			value: rssSamples[rssSamples.length - 1] ?? rssMb(),
			unit: 'MB',
			note: `renderers: ${stats.renderers.join(', ')}`,
		},
		{
			section: SECTION,
			name: 'throughput, mixed kinds',
			value: MEMORY_RENDERS / elapsed,
			unit: 'renders/s',
			note: `max in flight ${stats.maxInFlight}, peak ${stats.peakInFlight}`,
		},
	];
}

/** Render p50/p95 per chart kind and RSS growth over 2 000 renders with the long-lived renderers. */
export const chartsBench: BenchSection = {
	name: SECTION,
	run: async () => {
		const all = Object.entries(specs());
		const rssStart = rssMb();
		const times = await renderTimes(all);
		return [...times, ...(await memoryRun(all, rssStart))];
	},
};
