/**
 * `/om`: what the bot knows and where it comes from — sources with dates and counts, the last
 * build/sync/import, what the loaded dataset covers, Kolada's next publication dates, and the
 * attribution rules. How to fill the dataset is for maintainers (shell, log), never in this reply.
 * {@link datasetStatus} is also what `npm run data:status` prints.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { ImportRecord } from '../dataset/schema.js';
import { formatCount } from '../charts/format.js';
import { tr, type AnswerContext } from './context.js';
import { datasetCoverage, datasetCoverageText, originText } from './dataset-coverage.js';
import { formatYears } from './format.js';
import type { Answer } from './types.js';

/** Values and years per attribution line. */
export interface SourceStatus {
	readonly attribution: string;
	readonly kind: string;
	readonly values: number;
	readonly years: readonly number[];
	/** Newest date among the source's records (published, retrieved or imported). */
	readonly latestDate?: string;
	readonly titles: readonly string[];
}

/** A summary of the dataset for `/om` and `npm run data:status`. */
export interface DatasetStatus {
	readonly builtFrom: string;
	readonly counts: Readonly<
		Record<'kommuner' | 'lan' | 'stadsdelar' | 'grupper' | 'indikatorer' | 'serier' | 'varden', number>
	>;
	readonly indicatorsBySource: Readonly<Record<string, number>>;
	readonly sources: readonly SourceStatus[];
	readonly imports: readonly ImportRecord[];
	/** Upcoming Kolada publication dates with the number of indicators published that day. */
	readonly nextPublications: readonly {
		readonly date: string;
		readonly indicators: number;
		readonly examples: readonly string[];
	}[];
}

/** Computes the dataset summary. `today` decides which publication dates are upcoming. */
export function datasetStatus(dataset: Dataset, today: Date): DatasetStatus {
	const usage = dataset.provenanceUsage();
	const bySource = new Map<
		string,
		{ kind: string; values: number; years: Set<number>; latest?: string; titles: Set<string> }
	>();
	for (const p of dataset.file.provenance) {
		const used = usage.get(p.id);
		if (!used) continue;
		const entry = bySource.get(p.attribution) ?? {
			kind: p.kind,
			values: 0,
			years: new Set<number>(),
			titles: new Set<string>(),
		};
		entry.values += used.count;
		for (const y of used.years) entry.years.add(y);
		if (p.date && (!entry.latest || p.date > entry.latest)) entry.latest = p.date;
		entry.titles.add(p.title);
		bySource.set(p.attribution, entry);
	}
	const todayIso = today.toISOString().slice(0, 10);
	const publications = new Map<string, string[]>();
	for (const indicator of dataset.indicators) {
		const date = indicator.kolada?.publicationDate;
		if (!date || date < todayIso || indicator.kolada?.status !== 'active') continue;
		const list = publications.get(date) ?? [];
		list.push(indicator.shortTitle);
		publications.set(date, list);
	}
	const indicatorsBySource: Record<string, number> = {};
	for (const i of dataset.indicators) indicatorsBySource[i.source] = (indicatorsBySource[i.source] ?? 0) + 1;
	return {
		builtFrom: dataset.file.builtFrom,
		counts: {
			kommuner: dataset.areasOfType('kommun').length,
			lan: dataset.areasOfType('lan').length,
			stadsdelar: dataset.areasOfType('stadsdel').length,
			grupper: dataset.areasOfType('grupp').length,
			indikatorer: dataset.indicators.length,
			serier: dataset.file.series.length,
			varden: dataset.valueCount,
		},
		indicatorsBySource,
		sources: [...bySource.entries()]
			.map(([attribution, e]) => ({
				attribution,
				kind: e.kind,
				values: e.values,
				years: [...e.years].sort((a, b) => a - b),
				...(e.latest ? { latestDate: e.latest } : {}),
				titles: [...e.titles].sort(),
			}))
			.sort((a, b) => b.values - a.values),
		imports: dataset.file.imports,
		nextPublications: [...publications.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.slice(0, 4)
			.map(([date, titles]) => ({ date, indicators: titles.length, examples: titles.slice(0, 3) })),
	};
}

/** How each kind of update is named in `/om` (Swedish, English). */
const IMPORT_KIND: Record<ImportRecord['kind'], readonly [string, string]> = {
	bundle: ['medföljande dataset', 'bundled dataset'],
	'kolada-sync': ['synk från Kolada', 'Kolada sync'],
	excel: ['import av Excelfil', 'Excel import'],
	csv: ['import av CSV-fil', 'CSV import'],
};

/** Describes the bot, its data and the terms of use of the sources. */
export function aboutAnswer(ctx: AnswerContext): Answer {
	const status = datasetStatus(ctx.dataset, ctx.today);
	const coverage = datasetCoverage(ctx.dataset);
	const c = status.counts;
	const sourceLines = status.sources.map(
		(s) =>
			`• ${s.attribution.replace(/^Källa: /, '')}: ${formatCount(s.values)} ${tr(ctx, 'värden', 'values')}, ${formatYears(s.years)}${s.latestDate ? ` (${s.latestDate})` : ''}`,
	);
	const importLines = status.imports
		.slice(-3)
		.reverse()
		.map((i) => `• ${i.at.slice(0, 10)} ${tr(ctx, ...IMPORT_KIND[i.kind])}${i.file ? ` (${i.file})` : ''}`);
	const nextLines = status.nextPublications.map(
		(p) =>
			`• ${p.date}: ${p.indicators} ${tr(ctx, 'indikatorer', 'indicators')} (${p.examples.join(', ')}${p.indicators > p.examples.length ? ' …' : ''})`,
	);
	return {
		ok: true,
		command: 'om',
		title: tr(ctx, 'Om ÖJ-boten', 'About ÖJ-boten'),
		summary: tr(
			ctx,
			'ÖJ-boten visar Öppna jämförelser – Ekonomiskt bistånd direkt i chatten: en kommuns värden, jämförelser, trender och topplistor. Siffrorna kommer från Kolada och Socialstyrelsen; medelvärden, placeringar och färgmarkeringar räknar boten ut själv och märker dem så.',
			'ÖJ-boten shows Öppna jämförelser – Ekonomiskt bistånd (municipal social assistance) right in chat. Figures come from Kolada and Socialstyrelsen; averages, ranks and colour bands are the bot’s own calculations and labelled as such.',
		),
		fields: [
			{
				name: tr(ctx, 'Innehåll', 'Contents'),
				value: tr(
					ctx,
					`${c.kommuner} kommuner, ${c.lan} län, Riket, ${c.stadsdelar} stadsdelar, ${c.grupper} grupper\n${c.indikatorer} indikatorer, ${formatCount(c.varden)} värden`,
					`${c.kommuner} kommuner, ${c.lan} counties, Sweden, ${c.stadsdelar} districts, ${c.grupper} groups\n${c.indikatorer} indicators, ${formatCount(c.varden)} values`,
				),
			},
			{ name: tr(ctx, 'Dataset', 'Dataset'), value: originText(ctx, coverage) },
			{ name: tr(ctx, 'Täckning', 'Coverage'), value: datasetCoverageText(ctx, coverage) },
			{ name: tr(ctx, 'Källor', 'Sources'), value: sourceLines.join('\n').slice(0, 1024) || '–' },
			{ name: tr(ctx, 'Senast uppdaterat', 'Last updated'), value: importLines.join('\n') || '–' },
			...(nextLines.length > 0
				? [
						{
							name: tr(ctx, 'Nästa publicering i Kolada', 'Next Kolada releases'),
							value: nextLines.join('\n').slice(0, 1024),
						},
					]
				: []),
			{
				name: tr(ctx, 'Villkor', 'Terms'),
				value: tr(
					ctx,
					'Kolada-data får användas fritt med angivelsen ”Källa: Kolada”; bearbetade siffror anges som egen beräkning. Socialstyrelsens resultat citeras med källa. Boten är inte ett officiellt samarbete med RKA eller Socialstyrelsen.',
					'Kolada data may be used freely with ”Källa: Kolada”; processed figures are marked as own calculations. Socialstyrelsen’s results are quoted with their source. The bot is not an official RKA or Socialstyrelsen service.',
				),
			},
		],
		notes: [],
		sources: status.sources.map((s) => s.attribution),
		resolved: {},
		data: { status, coverage },
	};
}
