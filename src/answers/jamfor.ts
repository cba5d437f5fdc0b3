/**
 * `/jämför indikator kommuner [år]`: 2–10 areas side by side with Riket as reference. Numbers as a
 * sorted bar chart with a Riket line; survey answers as a Ja/Nej/Delvis table and a category chart.
 *
 * Three stages: {@link readCompareInput} reads the options, {@link computeCompare} finds the
 * numbers and {@link presentCompare} writes them as a table, a chart and CSV.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import { parseAreaList } from './areas.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, figureLine, holdsAnswers, shareText, Sources, riketLine } from './common.js';
import { coverageOf, coverageText, yearByCoverage, type Coverage } from './coverage.js';
import { toCsv } from './csv.js';
import { answerLabel, formatValue, valueHeader } from './format.js';
import { readInput, type RawOption } from './input.js';
import { whereValuesAre, yearChoices } from './nodata.js';
import { nearestYear, parseFlag, parseYear } from './options.js';
import { errorAnswer, type Outcome } from './resolve.js';
import {
	answerShares,
	bestFirst,
	comparableWithKommun,
	kommunValues,
	meaningfulRank,
	riketFigure,
	storedFigure,
	type AnswerShares,
	type GroupFigure,
	type Rank,
} from './stats.js';
import type { Answer, AnswerTable, CsvAttachment, ErrorAnswer, OkAnswer } from './types.js';

/** Raw options of `/jämför`. */
export interface CompareQuery {
	readonly indicator: string;
	readonly areas: string;
	readonly year?: RawOption;
	readonly csv?: RawOption;
}

/** The options of `/jämför`, resolved. */
export interface CompareInput {
	readonly indicator: Indicator;
	readonly areas: readonly Area[];
	/** How groupings in the list were expanded (said in the notes). */
	readonly expanded: readonly string[];
	/** The year asked for; undefined for the latest year most of the areas have. */
	readonly year: number | undefined;
	readonly csv: boolean;
}

/** No year with figures for the areas, or none of them has a figure in the year asked. */
export type CompareGap =
	| { readonly kind: 'gap'; readonly year: undefined }
	| {
			readonly kind: 'gap';
			readonly year: number;
			/** Years in which at least one of the areas has a figure (oldest first). */
			readonly years: readonly number[];
	  };

/** One area's figure (null when missing), with the source of a stored figure. */
export interface CompareRow {
	readonly area: Area;
	readonly value: number | null;
	readonly attribution: string | undefined;
}

/** What both kinds of comparison show. */
interface CompareFigures {
	readonly indicator: Indicator;
	readonly year: number;
	/** The areas in the order asked. */
	readonly rows: readonly CompareRow[];
	/** Riket's figure when a kommun can be set against it. */
	readonly riket: GroupFigure | undefined;
	readonly coverage: Coverage;
}

/** Survey answers: the rows, and the shares among the areas that hold answers. */
export interface CompareSurvey extends CompareFigures {
	readonly kind: 'survey';
	/** The rows of kommuner and stadsdelar (areas that answer rather than hold shares). */
	readonly answered: readonly CompareRow[];
	readonly shares: AnswerShares;
}

/** Numbers: the rows highest first (missing last), each kommun with its rank among all kommuner. */
export interface CompareNumbers extends CompareFigures {
	readonly kind: 'numbers';
	readonly sorted: readonly (CompareRow & { readonly rank: Rank | undefined })[];
	/** Whether any row has a rank. */
	readonly ranked: boolean;
	/** The highest and the lowest row, when at least two have figures. */
	readonly extremes: { readonly highest: CompareRow; readonly lowest: CompareRow } | undefined;
}

/** Builds the `/jämför` answer. */
export function compareAnswer(ctx: AnswerContext, query: CompareQuery): Answer {
	const input = readCompareInput(ctx, query);
	if (!input.ok) return input.error;
	const result = computeCompare(ctx.dataset, input.value);
	return result.kind === 'gap' ? compareGapError(ctx, input.value, result) : presentCompare(ctx, input.value, result);
}

/** Stage 1: reads the indicator, the list of areas and the year of `/jämför`. */
export function readCompareInput(ctx: AnswerContext, query: CompareQuery): Outcome<CompareInput> {
	const command = 'jämför';
	const input = readInput(ctx, { command, indicator: query.indicator });
	if (!input.ok) return input;
	const list = parseAreaList(ctx, command, 'kommuner', query.areas, { min: 2, max: 10 });
	if (!list.ok) return list;
	const year = parseYear(ctx, command, 'år', query.year);
	if (!year.ok) return year;
	const { areas, expanded } = list.value;
	return {
		ok: true,
		value: { indicator: input.value.indicator, areas, expanded, year: year.value, csv: parseFlag(query.csv) },
	};
}

/**
 * How many of the areas have a stored figure, per year with any (oldest first): what the default
 * year of a comparison is chosen by, with the one rule of `coverage.ts`.
 */
export function areaCoverage(ds: Dataset, indicator: Indicator, areas: readonly Area[]): Coverage[] {
	return ds
		.years(indicator.id)
		.map((year) => ({
			year,
			n: areas.filter((a) => storedFigure(ds, indicator, a, year, 'T')).length,
			of: areas.length,
		}))
		.filter((c) => c.n > 0);
}

/** Stage 2: every area's figure in the year, Riket's, and the ranks or answer shares. */
export function computeCompare(ds: Dataset, input: CompareInput): CompareSurvey | CompareNumbers | CompareGap {
	const { indicator, areas } = input;
	const covered = areaCoverage(ds, indicator, areas);
	const year = input.year ?? yearByCoverage(covered);
	if (year === undefined) return { kind: 'gap', year };
	const rows = areas.map((area): CompareRow => {
		const obs = storedFigure(ds, indicator, area, year, 'T');
		return { area, value: obs?.value ?? null, attribution: obs?.provenance.attribution };
	});
	if (rows.every((r) => r.value === null)) return { kind: 'gap', year, years: covered.map((c) => c.year) };
	// A national total is no comparison for single kommuner; a mean per kommun is.
	const national = riketFigure(ds, indicator, year, 'T');
	const figures: CompareFigures = {
		indicator,
		year,
		rows,
		riket: national && comparableWithKommun(indicator, national) ? national : undefined,
		coverage: coverageOf(ds, indicator, year, 'T'),
	};
	if (isCategorical(indicator)) {
		const answered = rows.filter((r) => holdsAnswers(r.area));
		const codes = answered.flatMap((r) => (r.value === null ? [] : [r.value]));
		return { ...figures, kind: 'survey', answered, shares: answerShares(indicator, codes) };
	}
	return { ...figures, kind: 'numbers', ...rankRows(ds, indicator, year, rows) };
}

/** The rows highest first (missing last), each kommun ranked among all kommuner with data. */
function rankRows(
	ds: Dataset,
	indicator: Indicator,
	year: number,
	rows: readonly CompareRow[],
): Pick<CompareNumbers, 'sorted' | 'ranked' | 'extremes'> {
	const all = kommunValues(ds, indicator, year, 'T');
	const order = bestFirst(indicator);
	const sorted = [...rows]
		.sort((a, b) => {
			if (a.value === null) return b.value === null ? 0 : 1;
			if (b.value === null) return -1;
			return b.value - a.value;
		})
		.map((r) => ({ ...r, rank: r.area.type === 'kommun' ? meaningfulRank(all, r.area.id, order) : undefined }));
	const withData = sorted.filter((r) => r.value !== null);
	const highest = withData[0];
	const lowest = withData.at(-1);
	return {
		sorted,
		ranked: sorted.some((r) => r.rank !== undefined),
		extremes: highest && lowest && withData.length >= 2 ? { highest, lowest } : undefined,
	};
}

/**
 * Says that there is no year with figures (and where the indicator does have values), or that none
 * of the areas has one in the year asked, with the nearest years that have figures as choices.
 */
function compareGapError(ctx: AnswerContext, input: CompareInput, gap: CompareGap): ErrorAnswer {
	const { indicator, areas } = input;
	const resolved = { indikator: indicator.id, kommuner: areas.map((a) => a.id) };
	if (gap.year === undefined) {
		const names = areas.map((a) => a.name).join(', ');
		const where = whereValuesAre(ctx, indicator, areas[0]);
		return errorAnswer(
			'jämför',
			'no_data',
			tr(
				ctx,
				`Det finns inga värden för ”${indicator.shortTitle}” för ${names}. ${where}`.trim(),
				`There are no values for ”${indicator.shortTitle}” for ${names}. ${where}`.trim(),
			),
			resolved,
		);
	}
	const { year, years } = gap;
	const nearest = nearestYear(years, year);
	const near = nearest === undefined;
	return errorAnswer(
		'jämför',
		'no_data',
		tr(
			ctx,
			`Ingen av kommunerna har värden för ”${indicator.shortTitle}” ${year}.${near ? '' : ` Närmaste år med data: ${nearest}.`}`,
			`None of the areas has a value for ”${indicator.shortTitle}” in ${year}.${near ? '' : ` Nearest year with data: ${nearest}.`}`,
		),
		{ ...resolved, år: year },
		near ? {} : { nearestYear: nearest, candidates: yearChoices(years, year, 'år', String) },
	);
}

/** Stage 3: the comparison as a table, a chart, notes and (when asked) CSV. */
export function presentCompare(ctx: AnswerContext, input: CompareInput, r: CompareSurvey | CompareNumbers): OkAnswer {
	const { indicator, year } = r;
	const sources = new Sources();
	for (const row of r.rows) sources.add(row.attribution);
	addFigureSource(ctx, sources, r.riket);
	if (r.kind === 'numbers' && r.ranked) sources.own(ctx);
	const riketText = r.riket ? figureLine(ctx, indicator, tr(ctx, 'Riket', 'Sweden'), r.riket, year) : '—';
	const shown =
		r.kind === 'survey' ? presentSurvey(ctx, r, sources, riketText) : presentNumbers(ctx, r, sources, riketText);
	const csv = input.csv ? compareCsv(r, sources) : undefined;
	return {
		ok: true,
		command: 'jämför',
		title: `${indicator.shortTitle} ${year}`,
		...shown.head,
		notes: compareNotes(ctx, input, r),
		sources: sources.list(),
		...(shown.chart ? { chart: shown.chart } : {}),
		...(csv ? { csv } : {}),
		resolved: { indikator: indicator.id, kommuner: input.areas.map((a) => a.id), år: year },
		data: shown.data,
	};
}

/** What each kind of comparison shows before the notes, its chart and its `--json` data. */
interface Shown {
	readonly head: Pick<OkAnswer, 'summary' | 'fields' | 'table'>;
	readonly chart: ChartSpec | undefined;
	readonly data: Record<string, unknown>;
}

/** How groupings were expanded, the year's coverage, and which areas lack a figure. */
function compareNotes(ctx: AnswerContext, input: CompareInput, r: CompareSurvey | CompareNumbers): string[] {
	const notes: string[] = [...input.expanded, ...(r.coverage.n > 0 ? [coverageText(ctx, r.coverage)] : [])];
	const missing = r.rows.filter((row) => row.value === null).map((row) => row.area.name);
	if (missing.length > 0) {
		notes.push(
			tr(
				ctx,
				`Uppgift saknas ${r.year} för: ${missing.join(', ')}.`,
				`No figure in ${r.year} for: ${missing.join(', ')}.`,
			),
		);
	}
	return notes;
}

/** Survey answers: a table of answers (shares for län and Riket) and a chart of the areas that answer. */
function presentSurvey(ctx: AnswerContext, r: CompareSurvey, sources: Sources, riketText: string): Shown {
	const { indicator, year, shares } = r;
	const table: AnswerTable = {
		columns: [tr(ctx, 'Område', 'Area'), tr(ctx, 'Svar', 'Answer')],
		rows: r.rows.map((row) => [
			row.area.name,
			holdsAnswers(row.area) ? answerLabel(indicator.scale, row.value) : shareText(ctx, indicator, row.value),
		]),
	};
	const categories = (indicator.scale ?? []).map((s, rank) => ({ label: s.label, rank }));
	const chart: ChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, { ...(r.riket ? { subtitle: riketText } : {}) }),
		kind: 'categorical',
		variant: 'areas',
		categories,
		rows: r.answered.map((row, i) => {
			const index = indicator.scale?.findIndex((s) => s.code === row.value) ?? -1;
			return {
				label: row.area.name,
				answer: index < 0 ? null : (categories[index] ?? null),
				role: i === 0 ? ('focus' as const) : ('other' as const),
			};
		}),
	};
	const first = indicator.scale?.[0]?.label ?? 'Ja';
	const yes = shares.counts[0] ?? 0;
	return {
		head: {
			summary: tr(ctx, `Svar i kommunenkäten ${year}.`, `Survey answers ${year}.`),
			fields: [
				{
					name: tr(ctx, 'Sammanfattning', 'Summary'),
					value: tr(ctx, `${yes} av ${shares.n} svarade ”${first}”.`, `${yes} of ${shares.n} answered ”${first}”.`),
					inline: true,
				},
				{ name: tr(ctx, 'Jämförelse', 'Comparison'), value: riketText, inline: true },
			],
			table,
		},
		chart: r.answered.length > 0 ? chart : undefined,
		data: {
			year,
			rows: r.rows.map((row) => ({
				id: row.area.id,
				name: row.area.name,
				value: row.value,
				answer: answerLabel(indicator.scale, row.value),
			})),
			riket: r.riket ?? null,
		},
	};
}

/** Numbers: a table and a bar chart sorted by value, with ranks among kommuner and a Riket line. */
function presentNumbers(ctx: AnswerContext, r: CompareNumbers, sources: Sources, riketText: string): Shown {
	const { indicator, year, sorted, ranked, extremes } = r;
	const table: AnswerTable = {
		columns: [
			tr(ctx, 'Område', 'Area'),
			tr(ctx, 'Värde', 'Value'),
			...(ranked ? [tr(ctx, 'Plats bland kommuner', 'Rank among kommuner')] : []),
		],
		rows: sorted.map((row) => [
			row.area.name,
			formatValue(indicator, row.value),
			...(ranked ? [row.rank ? `${row.rank.place}/${row.rank.of}` : '–'] : []),
		]),
		align: ['left', 'right', 'right'],
	};
	const sortedText = tr(ctx, 'Sorterat efter värde', 'Sorted by value');
	const chart: ChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, {
			subtitle: r.riket ? `${sortedText} · ${riketText}` : sortedText,
		}),
		kind: 'bar',
		orientation: sorted.length > 6 ? 'horizontal' : 'vertical',
		bars: sorted.map((row) => ({
			label: row.area.name,
			value: row.value,
			role: row.area.id === r.rows[0]?.area.id ? ('focus' as const) : ('other' as const),
			...(row.value === null ? { note: tr(ctx, 'uppgift saknas', 'no data') } : {}),
		})),
		...riketLine(ctx, indicator, r.riket),
	};
	const figure = (row: CompareRow): string => `${row.area.name} (${formatValue(indicator, row.value)})`;
	const riket = r.riket ? ` ${riketText}.` : '';
	return {
		head: {
			summary: extremes
				? tr(
						ctx,
						`Högst: ${figure(extremes.highest)}, lägst: ${figure(extremes.lowest)}.${riket}`,
						`Highest: ${figure(extremes.highest)}, lowest: ${figure(extremes.lowest)}.${riket}`,
					)
				: undefined,
			fields: [],
			table,
		},
		chart,
		data: {
			year,
			unit: indicator.unit,
			rows: sorted.map((row) => ({ id: row.area.id, name: row.area.name, value: row.value, rank: row.rank ?? null })),
			riket: r.riket ?? null,
		},
	};
}

/** The figures as CSV: answers and codes for a survey, values with ranks for numbers. */
function compareCsv(r: CompareSurvey | CompareNumbers, sources: Sources): CsvAttachment {
	const { indicator, year } = r;
	const filename = `jamfor-${indicator.id}-${year}.csv`;
	const source = sources.list().join(' / ');
	if (r.kind === 'survey') {
		return toCsv(
			filename,
			['kod', 'namn', 'år', 'svar', 'kod_svar', 'källa'],
			r.rows.map((row) => [
				row.area.id,
				row.area.name,
				year,
				holdsAnswers(row.area) ? answerLabel(indicator.scale, row.value) : null,
				row.value,
				source,
			]),
		);
	}
	return toCsv(
		filename,
		['kod', 'namn', 'år', valueHeader(indicator), 'enhet', 'plats', 'antal_kommuner', 'källa'],
		r.sorted.map((row) => [
			row.area.id,
			row.area.name,
			year,
			row.value,
			indicator.unit,
			row.rank?.place ?? null,
			row.rank?.of ?? null,
			source,
		]),
	);
}
