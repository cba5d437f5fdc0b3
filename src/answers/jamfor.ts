/**
 * `/jämför indikator kommuner [år]`: 2–10 areas side by side with Riket as reference. Numbers as a
 * sorted bar chart with a Riket line; survey answers as a Ja/Nej/Delvis table and a category chart.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import { parseAreaList } from './areas.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, figureLine, holdsAnswers, shareText, Sources, riketLine } from './common.js';
import { coverageOf, coverageText } from './coverage.js';
import { toCsv } from './csv.js';
import { answerLabel, formatValue, valueHeader } from './format.js';
import { parseFlag, parseYear } from './options.js';
import { errorAnswer, resolveIndicator } from './resolve.js';
import {
	answerShares,
	bestFirst,
	comparableWithKommun,
	kommunValues,
	meaningfulRank,
	riketFigure,
	storedFigure,
} from './stats.js';
import type { Answer, AnswerField } from './types.js';

/** Raw options of `/jämför`. */
export interface CompareQuery {
	readonly indicator: string;
	readonly areas: string;
	readonly year?: string | number | boolean | undefined;
	readonly csv?: string | number | boolean | undefined;
}

/** The latest year in which at least half of the areas have a figure (else the latest with any). */
export function commonYear(ctx: AnswerContext, indicator: Indicator, areas: readonly Area[]): number | undefined {
	const years = ctx.dataset.years(indicator.id);
	const need = Math.ceil(areas.length / 2);
	let fallback: number | undefined;
	for (let i = years.length - 1; i >= 0; i--) {
		const year = years[i] as number;
		const have = areas.filter((a) => storedFigure(ctx.dataset, indicator, a, year, 'T')).length;
		if (have >= need) return year;
		if (have > 0) fallback ??= year;
	}
	return fallback;
}

/** Builds the `/jämför` answer. */
export function compareAnswer(ctx: AnswerContext, query: CompareQuery): Answer {
	const command = 'jämför';
	const { dataset: ds } = ctx;
	const indicatorOutcome = resolveIndicator(ctx, command, 'indikator', query.indicator);
	if (!indicatorOutcome.ok) return indicatorOutcome.error;
	const indicator = indicatorOutcome.value;
	const list = parseAreaList(ctx, command, 'kommuner', query.areas, { min: 2, max: 10 });
	if (!list.ok) return list.error;
	const { areas, expanded } = list.value;
	const yearOutcome = parseYear(ctx, command, 'år', query.year);
	if (!yearOutcome.ok) return yearOutcome.error;
	const resolved = { indikator: indicator.id, kommuner: areas.map((a) => a.id) };
	const year = yearOutcome.value ?? commonYear(ctx, indicator, areas);
	if (year === undefined) {
		return errorAnswer(
			command,
			'no_data',
			tr(
				ctx,
				`Det finns inga värden för ”${indicator.shortTitle}” för ${areas.map((a) => a.name).join(', ')}.`,
				`There are no values for ”${indicator.shortTitle}” for ${areas.map((a) => a.name).join(', ')}.`,
			),
			resolved,
		);
	}

	const sources = new Sources();
	const rows = areas.map((area) => {
		const obs = storedFigure(ds, indicator, area, year, 'T');
		if (obs) sources.add(obs.provenance.attribution);
		return { area, value: obs?.value ?? null };
	});
	const withData = rows.filter((r) => r.value !== null);
	if (withData.length === 0) {
		const nearest = commonYear(ctx, indicator, areas);
		return errorAnswer(
			command,
			'no_data',
			tr(
				ctx,
				`Ingen av kommunerna har värden för ”${indicator.shortTitle}” ${year}.${nearest === undefined ? '' : ` Närmaste år med data: ${nearest}.`}`,
				`None of the areas has a value for ”${indicator.shortTitle}” in ${year}.${nearest === undefined ? '' : ` Nearest year with data: ${nearest}.`}`,
			),
			{ ...resolved, år: year },
			nearest === undefined ? {} : { nearestYear: nearest },
		);
	}
	// A national total is no comparison for single kommuner; a mean per kommun is.
	const national = riketFigure(ds, indicator, year, 'T');
	const riket = national && comparableWithKommun(indicator, national) ? national : undefined;
	addFigureSource(ctx, sources, riket);
	const missing = rows.filter((r) => r.value === null).map((r) => r.area.name);
	const coverage = coverageOf(ds, indicator, year, 'T');
	const notes: string[] = [...expanded, ...(coverage.n > 0 ? [coverageText(ctx, coverage)] : [])];
	if (missing.length > 0) {
		notes.push(
			tr(ctx, `Uppgift saknas ${year} för: ${missing.join(', ')}.`, `No figure in ${year} for: ${missing.join(', ')}.`),
		);
	}
	const riketText = riket ? figureLine(ctx, indicator, tr(ctx, 'Riket', 'Sweden'), riket, year) : '—';
	const csvWanted = parseFlag(query.csv);

	if (isCategorical(indicator)) {
		const answered = rows.filter((r) => holdsAnswers(r.area));
		const shares = answerShares(
			indicator,
			answered.flatMap((r) => (r.value === null ? [] : [r.value])),
		);
		const table = {
			columns: [tr(ctx, 'Område', 'Area'), tr(ctx, 'Svar', 'Answer')],
			rows: rows.map((r) => [
				r.area.name,
				holdsAnswers(r.area) ? answerLabel(indicator.scale, r.value) : shareText(ctx, indicator, r.value),
			]),
		};
		const categories = (indicator.scale ?? []).map((s, rank) => ({ label: s.label, rank }));
		const chart: ChartSpec = {
			...chartBase(ctx, indicator, String(year), sources, {
				...(riket ? { subtitle: riketText } : {}),
			}),
			kind: 'categorical',
			variant: 'areas',
			categories,
			rows: answered.map((r, i) => {
				const index = indicator.scale?.findIndex((s) => s.code === r.value) ?? -1;
				return {
					label: r.area.name,
					answer: index < 0 ? null : (categories[index] ?? null),
					role: i === 0 ? ('focus' as const) : ('other' as const),
				};
			}),
		};
		const fields: AnswerField[] = [
			{
				name: tr(ctx, 'Sammanfattning', 'Summary'),
				value: tr(
					ctx,
					`${shares.counts[0] ?? 0} av ${shares.n} svarade ”${indicator.scale?.[0]?.label ?? 'Ja'}”.`,
					`${shares.counts[0] ?? 0} of ${shares.n} answered ”${indicator.scale?.[0]?.label ?? 'Ja'}”.`,
				),
				inline: true,
			},
			{ name: tr(ctx, 'Jämförelse', 'Comparison'), value: riketText, inline: true },
		];
		return {
			ok: true,
			command,
			title: `${indicator.shortTitle} ${year}`,
			summary: tr(ctx, `Svar i kommunenkäten ${year}.`, `Survey answers ${year}.`),
			fields,
			table,
			notes,
			sources: sources.list(),
			...(answered.length > 0 ? { chart } : {}),
			...(csvWanted
				? {
						csv: toCsv(
							`jamfor-${indicator.id}-${year}.csv`,
							['kod', 'namn', 'år', 'svar', 'kod_svar', 'källa'],
							rows.map((r) => [
								r.area.id,
								r.area.name,
								year,
								holdsAnswers(r.area) ? answerLabel(indicator.scale, r.value) : null,
								r.value,
								sources.list().join(' / '),
							]),
						),
					}
				: {}),
			resolved: { ...resolved, år: year },
			data: {
				year,
				rows: rows.map((r) => ({
					id: r.area.id,
					name: r.area.name,
					value: r.value,
					answer: answerLabel(indicator.scale, r.value),
				})),
				riket: riket ?? null,
			},
		};
	}

	const order = bestFirst(indicator);
	const sorted = [...rows].sort((a, b) => {
		if (a.value === null) return b.value === null ? 0 : 1;
		if (b.value === null) return -1;
		return b.value - a.value;
	});
	const allKommuner = kommunValues(ds, indicator, year, 'T');
	const ranks = new Map(
		sorted.map((r) => [
			r.area.id,
			r.area.type === 'kommun' ? meaningfulRank(allKommuner, r.area.id, order) : undefined,
		]),
	);
	const top = sorted[0];
	const bottom = [...sorted].reverse().find((r) => r.value !== null);
	const ranked = [...ranks.values()].some((r) => r !== undefined);
	if (ranked) sources.own(ctx);
	const table = {
		columns: [
			tr(ctx, 'Område', 'Area'),
			tr(ctx, 'Värde', 'Value'),
			...(ranked ? [tr(ctx, 'Plats bland kommuner', 'Rank among kommuner')] : []),
		],
		rows: sorted.map((r) => {
			const rank = ranks.get(r.area.id);
			return [
				r.area.name,
				formatValue(indicator, r.value),
				...(ranked ? [rank ? `${rank.place}/${rank.of}` : '–'] : []),
			];
		}),
		align: ['left', 'right', 'right'] as const,
	};
	const chart: ChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, {
			subtitle: riket
				? tr(ctx, `Sorterat efter värde · ${riketText}`, `Sorted by value · ${riketText}`)
				: tr(ctx, 'Sorterat efter värde', 'Sorted by value'),
		}),
		kind: 'bar',
		orientation: sorted.length > 6 ? 'horizontal' : 'vertical',
		bars: sorted.map((r) => ({
			label: r.area.name,
			value: r.value,
			role: r.area.id === areas[0]?.id ? ('focus' as const) : ('other' as const),
			...(r.value === null ? { note: tr(ctx, 'uppgift saknas', 'no data') } : {}),
		})),
		...riketLine(ctx, indicator, riket),
	};
	return {
		ok: true,
		command,
		title: `${indicator.shortTitle} ${year}`,
		summary:
			top && bottom && top.value !== null && withData.length >= 2
				? tr(
						ctx,
						`Högst: ${top.area.name} (${formatValue(indicator, top.value)}), lägst: ${bottom.area.name} (${formatValue(indicator, bottom.value)}).${riket ? ` ${riketText}.` : ''}`,
						`Highest: ${top.area.name} (${formatValue(indicator, top.value)}), lowest: ${bottom.area.name} (${formatValue(indicator, bottom.value)}).${riket ? ` ${riketText}.` : ''}`,
					)
				: undefined,
		fields: [],
		table,
		notes,
		sources: sources.list(),
		chart,
		...(csvWanted
			? {
					csv: toCsv(
						`jamfor-${indicator.id}-${year}.csv`,
						['kod', 'namn', 'år', valueHeader(indicator), 'enhet', 'plats', 'antal_kommuner', 'källa'],
						sorted.map((r) => {
							const rank = ranks.get(r.area.id);
							return [
								r.area.id,
								r.area.name,
								year,
								r.value,
								indicator.unit,
								rank?.place ?? null,
								rank?.of ?? null,
								sources.list().join(' / '),
							];
						}),
					),
				}
			: {}),
		resolved: { ...resolved, år: year },
		data: {
			year,
			unit: indicator.unit,
			rows: sorted.map((r) => ({
				id: r.area.id,
				name: r.area.name,
				value: r.value,
				rank: ranks.get(r.area.id) ?? null,
			})),
			riket: riket ?? null,
		},
	};
}
