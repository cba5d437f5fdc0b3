/**
 * Map rendering benchmark: render time of a whole-country map and of one län's map at the size
 * the bot sends to Discord, and memory growth over 1 000 maps after warm-up.
 *
 * Renders are timed one at a time (spec → configuration → PNG) after a warm-up that also
 * projects the shapes once per län; each note adds the CPU time, which other processes on a
 * shared machine do not inflate.
 */
import { kommunGeometry } from '../../src/charts/map-geometry.js';
import { CHART_SIZES, renderChart } from '../../src/charts/render.js';
import type { MapChartSpec } from '../../src/charts/spec.js';
import { timeRenders } from './charts.js';
import { percentile, rssMb, type BenchFigure, type BenchSection } from './types.js';

const SECTION = 'maps';
const WARMUP = 20;
const TIMED = 150;
const MEMORY_RENDERS = 1000;

/** A map like the bot's: five classes, every fifth kommun without a value, one marked kommun. */
function mapSpec(lanId: string | undefined, highlight: string): MapChartSpec {
	const shown = kommunGeometry().kommuner.filter((k) => lanId === undefined || k.properties.lan === lanId);
	const withValues = shown.filter((_, i) => i % 5 !== 4);
	return {
		kind: 'map',
		title: 'Utbetalt bistånd per invånare (inkl. flykting), kr/inv · 2024',
		subtitle: `Värden för ${withValues.length} av ${shown.length} kommuner · 5 klasser efter kvantiler`,
		unit: 'kr/inv',
		format: { style: 'kronor', decimals: 0 },
		source: 'Källa: Kolada · Medelvärden, placeringar och färger: ÖJ-botens egen beräkning',
		...(lanId === undefined ? {} : { lanId }),
		scheme: 'lower-better',
		legendTitle: 'kr/inv',
		classes: ['321–689', '797–936', '995–1 226', '1 253–1 587', '1 743–3 031'].map((label, i) => ({
			label: `${label} (${i + 10})`,
			count: i + 10,
		})),
		areas: withValues.map((k, i) => ({ id: k.properties.id, classIndex: (i * 7) % 5 })),
		missingLabel: `Uppgift saknas (${shown.length - withValues.length})`,
		highlight: { id: highlight, label: 'Markerad: 1 234 kr/inv' },
		notes: ['Inom parentes: antal kommuner.', 'Riket: 1 033 kr/inv', 'Blått är bättre (lägre värde).'],
	};
}

/** p50/p95 of a whole-country map and of one län, and RSS growth over 1 000 maps. */
export const mapsBench: BenchSection = {
	name: SECTION,
	run: async () => {
		const cases: [string, MapChartSpec, { p50: number; p95?: number }][] = [
			['Sverige (290 kommuner)', mapSpec(undefined, '2580'), { p50: 60, p95: 120 }],
			['Skåne (33 kommuner)', mapSpec('0012', '1280'), { p50: 30 }],
			['Västra Götaland (49 kommuner)', mapSpec('0014', '1480'), { p50: 30 }],
			['Norrbotten (14 kommuner)', mapSpec('0025', '2580'), { p50: 30 }],
		];
		const { width, height } = CHART_SIZES.map;
		for (const [, spec] of cases) await timeRenders(spec, WARMUP);
		const figures: BenchFigure[] = [];
		for (const [name, spec, target] of cases) {
			const { wall, cpu } = await timeRenders(spec, TIMED);
			const note = `${width}×${height}, n=${TIMED} after ${WARMUP} warm-up, CPU p50 ${percentile(cpu, 50).toFixed(1)} ms`;
			figures.push({
				section: SECTION,
				name: `render p50 ${name}`,
				value: percentile(wall, 50),
				unit: 'ms',
				target: { op: '<=', value: target.p50 },
				note,
			});
			figures.push({
				section: SECTION,
				name: `render p95 ${name}`,
				value: percentile(wall, 95),
				unit: 'ms',
				...(target.p95 === undefined ? {} : { target: { op: '<=', value: target.p95 } }),
				note,
			});
		}

		// Median RSS over the first and the last 100 maps, one after the other as the bot renders them.
		const rss: number[] = [];
		for (let i = 0; i < MEMORY_RENDERS; i++) {
			const entry = cases[i % cases.length];
			if (entry) await renderChart(entry[1]);
			rss.push(rssMb());
		}
		const before = percentile(rss.slice(0, 100), 50);
		const after = percentile(rss.slice(-100), 50);
		figures.push({
			section: SECTION,
			name: `RSS growth over ${MEMORY_RENDERS} maps after warm-up`,
			value: after - before,
			unit: 'MB',
			target: { op: '<=', value: 30 },
			note: `median RSS over first vs last 100 maps: ${before.toFixed(0)} → ${after.toFixed(0)} MB, whole country and three län in turn`,
		});
		return figures;
	},
};
