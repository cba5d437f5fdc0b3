/**
 * `/trend kommun indikator [från] [till] [jämför_med]`: a line over every year with data, Riket as
 * reference, optionally other areas. Missing years stay gaps, never zeros. Survey answers are shown
 * per year as answers, with Riket's share of kommuner as the line.
 */
import type { ChartSpec, LineSeries } from '../charts/spec.js';
import { isCategorical } from '../dataset/dataset.js';
import type { Area } from '../dataset/schema.js';
import { parseAreaList } from './areas.js';
import { tr, type AnswerContext } from './context.js';
import { chartBase, describeFigure, holdsAnswers, Sources, yearsFor } from './common.js';
import { formatDifference, formatValue, formatYears } from './format.js';
import { parseGender, parseYear } from './options.js';
import { noDataChoices, whereValuesAre } from './nodata.js';
import { errorAnswer, resolveArea, resolveIndicator } from './resolve.js';
import { sizeIndependent, storedFigure } from './stats.js';
import { coverageOf, coverageText } from './coverage.js';
import type { Answer } from './types.js';

/** Raw options of `/trend`. */
export interface TrendQuery {
	readonly area: string;
	readonly indicator: string;
	readonly from?: string | number | boolean | undefined;
	readonly to?: string | number | boolean | undefined;
	readonly compareWith?: string | undefined;
	readonly gender?: string | number | boolean | undefined;
}

/** Builds the `/trend` answer. */
export function trendAnswer(ctx: AnswerContext, query: TrendQuery): Answer {
	const command = 'trend';
	const { dataset: ds } = ctx;
	const areaOutcome = resolveArea(ctx, command, 'kommun', query.area, 'place');
	if (!areaOutcome.ok) return areaOutcome.error;
	const indicatorOutcome = resolveIndicator(ctx, command, 'indikator', query.indicator, {
		areaId: areaOutcome.value.id,
	});
	if (!indicatorOutcome.ok) return indicatorOutcome.error;
	const area = areaOutcome.value;
	const indicator = indicatorOutcome.value;
	const from = parseYear(ctx, command, 'från', query.from);
	if (!from.ok) return from.error;
	const to = parseYear(ctx, command, 'till', query.to);
	if (!to.ok) return to.error;
	const genderOutcome = parseGender(ctx, command, query.gender, indicator);
	if (!genderOutcome.ok) return genderOutcome.error;
	const gender = genderOutcome.value;
	if (from.value !== undefined && to.value !== undefined && from.value > to.value) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(ctx, '**från** ska vara ett tidigare år än **till**.', '**från** must be earlier than **till**.'),
		);
	}
	let others: readonly Area[] = [];
	if (query.compareWith && query.compareWith.trim() !== '') {
		const list = parseAreaList(ctx, command, 'jämför_med', query.compareWith, { min: 1, max: 5 });
		if (!list.ok) return list.error;
		others = list.value.areas.filter((a) => a.id !== area.id && a.id !== '0000');
	}
	// Riket's total of a count would dwarf one kommun's line and says nothing about it.
	const riket = area.id === '0000' || !sizeIndependent(indicator) ? undefined : ds.area('0000');
	const resolved = { kommun: area.id, indikator: indicator.id, jämför_med: others.map((a) => a.id), kön: gender };
	const inRange = (y: number): boolean =>
		(from.value === undefined || y >= from.value) && (to.value === undefined || y <= to.value);
	const focusYears = yearsFor(ds, indicator, area, gender);
	if (focusYears.length === 0) {
		const where = whereValuesAre(ctx, indicator, area);
		return errorAnswer(
			command,
			'no_data',
			tr(
				ctx,
				`Det finns inga värden för ${area.name} för ”${indicator.shortTitle}”. ${where}`,
				`There are no values for ${area.name} for ”${indicator.shortTitle}”. ${where}`,
			),
			resolved,
			{
				candidates: noDataChoices(ctx, {
					indicator,
					area,
					gender,
					options: { area: 'kommun', indicator: 'indikator' },
				}),
			},
		);
	}
	const lines = [area, ...(riket ? [riket] : []), ...others];
	const yearSet = new Set<number>();
	for (const a of lines) for (const y of yearsFor(ds, indicator, a, gender)) if (inRange(y)) yearSet.add(y);
	const known = [...yearSet].sort((a, b) => a - b);
	// Every year from first to last, so the axis is to scale and a missing year shows as a gap.
	const years =
		known.length === 0
			? []
			: Array.from({ length: (known.at(-1) ?? 0) - (known[0] ?? 0) + 1 }, (_v, i) => (known[0] ?? 0) + i);
	if (!focusYears.some(inRange)) {
		return errorAnswer(
			command,
			'no_data',
			tr(
				ctx,
				`${area.name} har inga värden mellan ${String(from.value ?? '…')} och ${String(to.value ?? '…')}. Data finns för ${formatYears(focusYears)}.`,
				`${area.name} has no values between ${String(from.value ?? '…')} and ${String(to.value ?? '…')}. Data exists for ${formatYears(focusYears)}.`,
			),
			resolved,
			{ nearestYear: focusYears.at(-1) ?? 0 },
		);
	}

	const sources = new Sources();
	const valuesOfArea = (a: Area): (number | null)[] =>
		years.map((y) => {
			const obs = storedFigure(ds, indicator, a, y, gender);
			if (obs) sources.add(obs.provenance.attribution);
			return obs?.value ?? null;
		});
	const categorical = isCategorical(indicator);
	const lineValues = new Map(lines.map((a) => [a.id, valuesOfArea(a)]));
	const valuesFor = (a: Area): (number | null)[] => lineValues.get(a.id) ?? [];
	const focusValues = valuesFor(area);
	const table = {
		columns: [tr(ctx, 'År', 'Year'), ...lines.map((a) => a.name)],
		rows: years.flatMap((y, i) =>
			known.includes(y)
				? [[String(y), ...lines.map((a) => describeFigure(ctx, indicator, a, valuesFor(a)[i] ?? null))]]
				: [],
		),
		align: ['left' as const, ...lines.map(() => 'right' as const)],
	};
	const numericLines = categorical ? lines.filter((a) => !holdsAnswers(a)) : lines;
	const series: LineSeries[] = numericLines.map((a) => ({
		label: a.name,
		values: valuesFor(a),
		role: a === area ? 'focus' : a.id === '0000' ? 'reference' : 'other',
	}));

	const present = years
		.map((y, i) => ({ y, v: focusValues[i] }))
		.filter((p): p is { y: number; v: number } => p.v !== null && p.v !== undefined);
	const first = present[0];
	const last = present.at(-1);
	let summary: string | undefined;
	if (first && last && first.y !== last.y) {
		const shareUnit = { ...indicator, kind: 'percent' as const, unit: '%' };
		const unitOf = categorical ? shareUnit : indicator;
		summary =
			categorical && holdsAnswers(area)
				? tr(
						ctx,
						`${area.name}: svar ${first.y}–${last.y}, se tabellen.`,
						`${area.name}: answers ${first.y}–${last.y}, see the table.`,
					)
				: tr(
						ctx,
						`${area.name}: från ${formatValue(unitOf, first.v)} (${first.y}) till ${formatValue(unitOf, last.v)} (${last.y}), ${formatDifference(unitOf, last.v - first.v, ctx.locale)}.`,
						`${area.name}: from ${formatValue(unitOf, first.v)} (${first.y}) to ${formatValue(unitOf, last.v)} (${last.y}), ${formatDifference(unitOf, last.v - first.v, ctx.locale)}.`,
					);
	}
	const gaps = years.filter((_y, i) => focusValues[i] === null);
	const notes: string[] = [];
	const lastCoverage = last ? coverageOf(ds, indicator, last.y, gender) : undefined;
	if (lastCoverage && lastCoverage.n > 0) notes.push(coverageText(ctx, lastCoverage));
	if (!sizeIndependent(indicator) && area.id !== '0000') {
		notes.push(
			tr(
				ctx,
				'Riket visas inte som jämförelse: antal och totalbelopp speglar framför allt storleken.',
				'Sweden is not shown for comparison: counts and totals mostly reflect size.',
			),
		);
	}
	if (gaps.length > 0) {
		notes.push(
			tr(
				ctx,
				`Uppgift saknas för ${area.name}: ${formatYears(gaps)} (luckor i linjen).`,
				`No figure for ${area.name}: ${formatYears(gaps)} (gaps in the line).`,
			),
		);
	}
	if (categorical) {
		notes.push(
			tr(
				ctx,
				'Linjen visar andelen kommuner som svarat ja; kommunens egna svar står i tabellen.',
				'The line shows the share of kommuner answering yes; the kommun’s own answers are in the table.',
			),
		);
	}
	const chart: ChartSpec | undefined =
		series.length > 0 && years.length >= 2
			? {
					...chartBase(ctx, indicator, `${years[0] ?? ''}–${years.at(-1) ?? ''}`, sources, {
						subtitle: ctx.search.areaLabel(area),
						shares: categorical,
					}),
					kind: 'line',
					years,
					series,
				}
			: undefined;
	if (!chart && years.length < 2) {
		notes.push(tr(ctx, 'Bara ett år med data – inget diagram.', 'Only one year with data – no chart.'));
	}

	return {
		ok: true,
		command,
		title: `${area.name}: ${indicator.shortTitle} ${years[0] ?? ''}–${years.at(-1) ?? ''}`,
		...(summary ? { summary } : {}),
		fields: [],
		table,
		notes,
		sources: sources.list(),
		...(chart ? { chart } : {}),
		resolved: { ...resolved, från: years[0], till: years.at(-1) },
		data: {
			years,
			gender,
			series: lines.map((a) => ({ id: a.id, name: a.name, values: valuesFor(a) })),
		},
	};
}
