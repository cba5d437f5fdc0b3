/**
 * `/trend kommun indikator [från] [till] [jämför_med]`: a line over every year with data, Riket as
 * reference, optionally other areas. Missing years stay gaps, never zeros. Survey answers are shown
 * per year as answers, with Riket's share of kommuner as the line.
 *
 * Three stages: {@link readTrendInput} reads the options, {@link computeTrend} finds the series and
 * {@link presentTrend} writes them as a table, a line chart and notes.
 */
import type { ChartSpec, LineSeries } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { parseAreaList } from './areas.js';
import { tr, type AnswerContext } from './context.js';
import { chartBase, describeFigure, holdsAnswers, Sources, yearsFor } from './common.js';
import { coverageOf, coverageText, type Coverage } from './coverage.js';
import { formatDifference, formatValue, formatYears } from './format.js';
import { readInput, type RawOption } from './input.js';
import { noValuesError } from './nodata.js';
import { errorAnswer, fail, type Outcome } from './resolve.js';
import { sizeIndependent, storedFigure } from './stats.js';
import type { Answer, AnswerTable, ErrorAnswer, OkAnswer, Resolved } from './types.js';

/** Raw options of `/trend`. */
export interface TrendQuery {
	readonly area: string;
	readonly indicator: string;
	readonly from?: RawOption;
	readonly to?: RawOption;
	readonly compareWith?: string | undefined;
	readonly gender?: RawOption;
}

/** The options of `/trend`, resolved. */
export interface TrendInput {
	readonly area: Area;
	readonly indicator: Indicator;
	readonly gender: Gender;
	readonly from: number | undefined;
	readonly to: number | undefined;
	/** The areas to compare with (never the area itself or Riket). */
	readonly others: readonly Area[];
}

/** The area has no figure in the range asked (or none at all): the years it does have. */
export interface TrendGap {
	readonly kind: 'gap';
	readonly years: readonly number[];
}

/** One area's line: a value or null for every year of the axis. */
export interface TrendLine {
	readonly area: Area;
	readonly values: readonly (number | null)[];
}

/** A year and the area's value in it. */
export interface YearValue {
	readonly year: number;
	readonly value: number;
}

/** Everything `/trend` shows, as numbers, areas and years. */
export interface TrendResult {
	readonly kind: 'trend';
	readonly area: Area;
	readonly indicator: Indicator;
	readonly gender: Gender;
	/** Every year from the first to the last with data in any line, so a missing year is a gap. */
	readonly years: readonly number[];
	/** The years some line has data for. */
	readonly known: readonly number[];
	/** The area's line first, then Riket's (when it is a fair reference), then the others. */
	readonly lines: readonly TrendLine[];
	/** The areas compared with. */
	readonly others: readonly Area[];
	/** True when Riket is left out because the figures are counts or totals. */
	readonly riketLeftOut: boolean;
	/** The area's first and last figure in the range, and the change between them. */
	readonly first: YearValue | undefined;
	readonly last: YearValue | undefined;
	readonly change: number | undefined;
	/** Years of the axis without a figure for the area. */
	readonly gaps: readonly number[];
	/** How many kommuner have values in the area's last year. */
	readonly coverage: Coverage | undefined;
	/** The attribution lines of the figures, in the order of the lines. */
	readonly attributions: readonly string[];
}

/** Builds the `/trend` answer. */
export function trendAnswer(ctx: AnswerContext, query: TrendQuery): Answer {
	const input = readTrendInput(ctx, query);
	if (!input.ok) return input.error;
	const result = computeTrend(ctx.dataset, input.value);
	return result.kind === 'gap' ? trendGapError(ctx, input.value, result) : presentTrend(ctx, result);
}

/** Stage 1: reads the area, indicator, years, kön and the areas to compare with of `/trend`. */
export function readTrendInput(ctx: AnswerContext, query: TrendQuery): Outcome<TrendInput> {
	const command = 'trend';
	const input = readInput(ctx, {
		command,
		area: { option: 'kommun', input: query.area, scope: 'place' },
		indicator: query.indicator,
		years: { från: query.from, till: query.to },
		gender: query.gender,
	});
	if (!input.ok) return input;
	const { area, indicator, gender } = input.value;
	const { från: from, till: to } = input.value.years;
	if (from !== undefined && to !== undefined && from > to) {
		return fail(
			ctx,
			command,
			'invalid_option',
			'**från** ska vara ett tidigare år än **till**.',
			'**från** must be earlier than **till**.',
		);
	}
	let others: readonly Area[] = [];
	if (query.compareWith && query.compareWith.trim() !== '') {
		const list = parseAreaList(ctx, command, 'jämför_med', query.compareWith, { min: 1, max: 5 });
		if (!list.ok) return list;
		others = list.value.areas.filter((a) => a.id !== area.id && a.id !== '0000');
	}
	return { ok: true, value: { area, indicator, gender, from, to, others } };
}

/** Stage 2: every line's values over the years in range, and what the area's own line says. */
export function computeTrend(ds: Dataset, input: TrendInput): TrendResult | TrendGap {
	const { area, indicator, gender, from, to } = input;
	const inRange = (y: number): boolean => (from === undefined || y >= from) && (to === undefined || y <= to);
	const focusYears = yearsFor(ds, indicator, area, gender);
	if (!focusYears.some(inRange)) return { kind: 'gap', years: focusYears };
	// Riket's total of a count would dwarf one kommun's line and says nothing about it.
	const riket = area.id === '0000' || !sizeIndependent(indicator) ? undefined : ds.area('0000');
	const areas = [area, ...(riket ? [riket] : []), ...input.others];
	const known = [...new Set(areas.flatMap((a) => yearsFor(ds, indicator, a, gender)).filter(inRange))].sort(
		(a, b) => a - b,
	);
	const start = known[0] ?? 0;
	const years = known.length === 0 ? [] : Array.from({ length: (known.at(-1) ?? 0) - start + 1 }, (_v, i) => start + i);
	const attributions = new Set<string>();
	const lines = areas.map((a) => ({
		area: a,
		values: years.map((y) => {
			const obs = storedFigure(ds, indicator, a, y, gender);
			if (obs) attributions.add(obs.provenance.attribution);
			return obs?.value ?? null;
		}),
	}));
	const focus = lines[0]?.values ?? [];
	const present = years.flatMap((year, i) => {
		const value = focus[i];
		return value === null || value === undefined ? [] : [{ year, value }];
	});
	const first = present[0];
	const last = present.at(-1);
	return {
		kind: 'trend',
		area,
		indicator,
		gender,
		years,
		known,
		lines,
		others: input.others,
		riketLeftOut: !sizeIndependent(indicator) && area.id !== '0000',
		first,
		last,
		change: first && last ? last.value - first.value : undefined,
		gaps: years.filter((_y, i) => focus[i] === null),
		coverage: last ? coverageOf(ds, indicator, last.year, gender) : undefined,
		attributions: [...attributions],
	};
}

/** The ids the options were resolved to. */
function resolvedOf(input: Pick<TrendInput, 'area' | 'indicator' | 'gender' | 'others'>): Resolved {
	const { area, indicator, others, gender } = input;
	return { kommun: area.id, indikator: indicator.id, jämför_med: others.map((a) => a.id), kön: gender };
}

/** Says that the area has no values at all, or none between the years asked. */
function trendGapError(ctx: AnswerContext, input: TrendInput, gap: TrendGap): ErrorAnswer {
	const { area, indicator, gender, from, to } = input;
	const resolved = resolvedOf(input);
	if (gap.years.length === 0) {
		const options = { area: 'kommun', indicator: 'indikator' };
		return noValuesError(ctx, 'trend', { indicator, area, gender, options }, resolved);
	}
	const between = [String(from ?? '…'), String(to ?? '…')] as const;
	return errorAnswer(
		'trend',
		'no_data',
		tr(
			ctx,
			`${area.name} har inga värden mellan ${between[0]} och ${between[1]}. Data finns för ${formatYears(gap.years)}.`,
			`${area.name} has no values between ${between[0]} and ${between[1]}. Data exists for ${formatYears(gap.years)}.`,
		),
		resolved,
		{ nearestYear: gap.years.at(-1) ?? 0 },
	);
}

/** Stage 3: the lines as a table and a chart, the change in words, and the notes. */
export function presentTrend(ctx: AnswerContext, r: TrendResult): OkAnswer {
	const { area, indicator, years } = r;
	const sources = new Sources();
	for (const line of r.attributions) sources.add(line);
	const span = `${years[0] ?? ''}–${years.at(-1) ?? ''}`;
	const chart = trendChart(ctx, r, sources, span);
	const summary = trendSummary(ctx, r);
	return {
		ok: true,
		command: 'trend',
		title: `${area.name}: ${indicator.shortTitle} ${span}`,
		...(summary ? { summary } : {}),
		fields: [],
		table: trendTable(ctx, r),
		notes: trendNotes(ctx, r, chart !== undefined),
		sources: sources.list(),
		...(chart ? { chart } : {}),
		resolved: { ...resolvedOf(r), från: years[0], till: years.at(-1) },
		data: {
			years,
			gender: r.gender,
			series: r.lines.map((l) => ({ id: l.area.id, name: l.area.name, values: l.values })),
		},
	};
}

/** One row per year with data, one column per line. */
function trendTable(ctx: AnswerContext, r: TrendResult): AnswerTable {
	return {
		columns: [tr(ctx, 'År', 'Year'), ...r.lines.map((l) => l.area.name)],
		rows: r.years.flatMap((y, i) =>
			r.known.includes(y)
				? [[String(y), ...r.lines.map((l) => describeFigure(ctx, r.indicator, l.area, l.values[i] ?? null))]]
				: [],
		),
		align: ['left' as const, ...r.lines.map(() => 'right' as const)],
	};
}

/** "Nyköping: från 4,2 % (2015) till 3,1 % (2020), −1,1 procentenheter." */
function trendSummary(ctx: AnswerContext, r: TrendResult): string | undefined {
	const { area, indicator, first, last } = r;
	if (!first || !last || first.year === last.year) return undefined;
	const categorical = isCategorical(indicator);
	if (categorical && holdsAnswers(area)) {
		return tr(
			ctx,
			`${area.name}: svar ${first.year}–${last.year}, se tabellen.`,
			`${area.name}: answers ${first.year}–${last.year}, see the table.`,
		);
	}
	const unitOf = categorical ? { ...indicator, kind: 'percent' as const, unit: '%' } : indicator;
	const from = `${formatValue(unitOf, first.value)} (${first.year})`;
	const to = `${formatValue(unitOf, last.value)} (${last.year})`;
	const change = formatDifference(unitOf, last.value - first.value, ctx.locale);
	return tr(
		ctx,
		`${area.name}: från ${from} till ${to}, ${change}.`,
		`${area.name}: from ${from} to ${to}, ${change}.`,
	);
}

/** The coverage of the last year, why Riket is left out, the gaps, what a survey line shows. */
function trendNotes(ctx: AnswerContext, r: TrendResult, charted: boolean): string[] {
	const notes: string[] = [];
	if (r.coverage && r.coverage.n > 0) notes.push(coverageText(ctx, r.coverage));
	if (r.riketLeftOut) {
		notes.push(
			tr(
				ctx,
				'Riket visas inte som jämförelse: antal och totalbelopp speglar framför allt storleken.',
				'Sweden is not shown for comparison: counts and totals mostly reflect size.',
			),
		);
	}
	if (r.gaps.length > 0) {
		const gaps = formatYears(r.gaps);
		notes.push(
			tr(
				ctx,
				`Uppgift saknas för ${r.area.name}: ${gaps} (luckor i linjen).`,
				`No figure for ${r.area.name}: ${gaps} (gaps in the line).`,
			),
		);
	}
	if (isCategorical(r.indicator)) {
		notes.push(
			tr(
				ctx,
				'Linjen visar andelen kommuner som svarat ja; kommunens egna svar står i tabellen.',
				'The line shows the share of kommuner answering yes; the kommun’s own answers are in the table.',
			),
		);
	}
	if (!charted && r.years.length < 2) {
		notes.push(tr(ctx, 'Bara ett år med data – inget diagram.', 'Only one year with data – no chart.'));
	}
	return notes;
}

/** A line per area with numbers (for survey answers: the shares of län and Riket), over two years or more. */
function trendChart(ctx: AnswerContext, r: TrendResult, sources: Sources, span: string): ChartSpec | undefined {
	const categorical = isCategorical(r.indicator);
	const numeric = categorical ? r.lines.filter((l) => !holdsAnswers(l.area)) : r.lines;
	const series: LineSeries[] = numeric.map((l) => ({
		label: l.area.name,
		values: l.values,
		role: l.area.id === r.area.id ? 'focus' : l.area.id === '0000' ? 'reference' : 'other',
	}));
	if (series.length === 0 || r.years.length < 2) return undefined;
	return {
		...chartBase(ctx, r.indicator, span, sources, { subtitle: ctx.search.areaLabel(r.area), shares: categorical }),
		kind: 'line',
		years: r.years,
		series,
	};
}
