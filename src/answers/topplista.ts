/**
 * `/topplista indikator [år] [antal] [ordning] [län]`: the top or bottom N kommuner, with ties
 * handled honestly (a shared place is shown as shared, and everyone tied at the last place is
 * included), and a horizontal bar chart.
 */
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, figureLine, Sources, riketLine } from './common.js';
import { toCsv } from './csv.js';
import { coverageByYear, coverageOf, coverageText, defaultYear, type Coverage } from './coverage.js';
import { formatValue, valueHeader } from './format.js';
import { readInput } from './input.js';
import { nearestYear, parseCount, parseFlag } from './options.js';
import { errorAnswer, fail, type Outcome } from './resolve.js';
import { kommunIds, riketFigure, valuesOf, type GroupFigure } from './stats.js';
import { MAX_CHOICES, whereValuesAre } from './nodata.js';
import type { Answer, Candidate, CsvAttachment, ErrorAnswer, OkAnswer, Resolved } from './types.js';

/** Raw options of `/topplista`. */
export interface TopListQuery {
	readonly indicator: string;
	readonly year?: string | number | boolean | undefined;
	readonly count?: string | number | boolean | undefined;
	readonly order?: string | undefined;
	readonly lan?: string | undefined;
	readonly gender?: string | number | boolean | undefined;
	readonly csv?: string | number | boolean | undefined;
	/** First place to show (`från_plats`), for the next page of a list. */
	readonly start?: string | number | boolean | undefined;
}

/** Sort orders offered: best/worst need a desired direction; highest/lowest always work. */
export type Order = 'bäst' | 'sämst' | 'högst' | 'lägst';

// A Map, not an object: user text like "constructor" must not reach Object.prototype.
const ORDER_WORDS = new Map<string, Order>([
	['bäst', 'bäst'],
	['bast', 'bäst'],
	['best', 'bäst'],
	['topp', 'bäst'],
	['sämst', 'sämst'],
	['samst', 'sämst'],
	['worst', 'sämst'],
	['botten', 'sämst'],
	['högst', 'högst'],
	['hogst', 'högst'],
	['highest', 'högst'],
	['lägst', 'lägst'],
	['lagst', 'lägst'],
	['lowest', 'lägst'],
]);

/** One row of a ranked list: its place (shared places repeat) and whether it is tied. */
export interface RankedRow {
	readonly id: string;
	readonly value: number;
	readonly place: number;
	readonly tied: boolean;
}

/** Ranks every value: shared values share a place (1, 2, 2, 4 …); equal values in Swedish name order. */
export function rankAll(
	values: ReadonlyMap<string, number>,
	descending: boolean,
	nameOf: (id: string) => string,
): RankedRow[] {
	const collator = new Intl.Collator('sv');
	const sorted = [...values.entries()].sort(
		([ia, a], [ib, b]) => (descending ? b - a : a - b) || collator.compare(nameOf(ia), nameOf(ib)),
	);
	const rows: RankedRow[] = [];
	let place = 0;
	sorted.forEach(([id, value], i) => {
		const previous = sorted[i - 1];
		if (!previous || previous[1] !== value) place = i + 1;
		rows.push({ id, value, place, tied: false });
	});
	const counts = new Map<number, number>();
	for (const r of rows) counts.set(r.place, (counts.get(r.place) ?? 0) + 1);
	return rows.map((r) => ({ ...r, tied: (counts.get(r.place) ?? 0) > 1 }));
}

/**
 * Keeps `count` places of a ranking from place `start` on; everyone tied at the last kept place is
 * kept too, so a cut never splits a tie.
 */
export function pickRows(ranked: readonly RankedRow[], count: number, start = 1): RankedRow[] {
	const from = ranked.filter((r) => r.place >= start);
	const lastKept = from[Math.min(count, from.length) - 1]?.place ?? 0;
	return from.filter((r) => r.place <= lastKept);
}

/** The resolved options of `/topplista`. */
export interface TopListInput {
	readonly indicator: Indicator;
	readonly gender: Gender;
	/** The year asked for; without one, the default year of the kommuner listed. */
	readonly year: number | undefined;
	readonly lan: Area | undefined;
	readonly order: Order;
	/** Places to show (ties at the last place add rows). */
	readonly count: number;
	/** The first place shown. */
	readonly start: number;
}

/** A ranked list of kommuner that answers. */
export interface TopList {
	readonly ok: true;
	readonly year: number;
	/** Kommuner (listed) with a value in the year. */
	readonly withData: number;
	readonly rows: readonly RankedRow[];
	/** The first place after the rows shown, for the next page. */
	readonly nextPlace: number | undefined;
	/** Riket, for the whole country only. */
	readonly riket: GroupFigure | undefined;
	readonly coverage: Coverage;
	/** The attribution of the values shown, each once. */
	readonly attributions: readonly string[];
}

/** No kommun values in the year: the years and the other län that have them. */
export interface TopListNoYear {
	readonly ok: false;
	readonly reason: 'no_year';
	readonly year: number | undefined;
	readonly nearest: number | undefined;
	/** Kommuner with values per year with any, oldest first. */
	readonly years: readonly Coverage[];
	/** Years to offer: the nearest, then those with the most kommuner (at most three). */
	readonly yearPicks: readonly Coverage[];
	/** Other län with kommun values (in the asked year, if one was asked), the most kommuner first. */
	readonly otherLan: readonly Area[];
}

/** The asked first place lies past the end of the list. */
export interface TopListPastEnd {
	readonly ok: false;
	readonly reason: 'past_end';
	readonly year: number;
	readonly withData: number;
}

const command = 'topplista';

const ORDER_TEXT: Record<Order, readonly [string, string]> = {
	bäst: ['bäst', 'best'],
	sämst: ['sämst', 'worst'],
	högst: ['högst värde', 'highest'],
	lägst: ['lägst värde', 'lowest'],
};

/** The first stage of `/topplista`: indicator (numbers only), year, kön, län, count, first place and order. */
function readTopListInput(ctx: AnswerContext, query: TopListQuery): Outcome<TopListInput> {
	const input = readInput(ctx, {
		command,
		indicator: query.indicator,
		years: { år: query.year },
		yearRanksIndicator: false,
		gender: query.gender,
		places: { lan: { option: 'län', input: query.lan, scope: 'lan' } },
	});
	if (!input.ok) return input;
	const { indicator, gender } = input.value;
	if (isCategorical(indicator)) {
		const message = tr(
			ctx,
			`”${indicator.shortTitle}” är en Ja/Nej-fråga och kan inte rangordnas. Använd /grupper för andelen kommuner som svarat ja, eller /jämför för enskilda kommuners svar.`,
			`”${indicator.shortTitle}” is a yes/no question and can't be ranked. Use /grupper for the share answering yes, or /jämför for single kommuner.`,
		);
		return { ok: false, error: errorAnswer(command, 'invalid_option', message, { indikator: indicator.id }) };
	}
	const count = parseCount(ctx, command, 'antal', query.count, { min: 1, max: 30, fallback: 10 });
	if (!count.ok) return count;
	const start = parseCount(ctx, command, 'från_plats', query.start, { min: 1, max: 400, fallback: 1 });
	if (!start.ok) return start;
	const order = readOrder(ctx, indicator, query.order);
	if (!order.ok) return order;
	const { år: year } = input.value.years;
	const { lan } = input.value.places;
	return {
		ok: true,
		value: { indicator, gender, year, lan, order: order.value, count: count.value, start: start.value },
	};
}

/** The order asked for; without one, best first (highest first for an indicator without a direction). */
function readOrder(ctx: AnswerContext, indicator: Indicator, raw: string | undefined): Outcome<Order> {
	const text = raw?.trim();
	const wanted = text ? ORDER_WORDS.get(text.toLocaleLowerCase('sv')) : undefined;
	if (text && !wanted) {
		return fail(
			ctx,
			command,
			'invalid_option',
			'**ordning** kan vara bäst, sämst, högst eller lägst.',
			'**order** can be best, worst, highest or lowest.',
		);
	}
	if ((wanted === 'bäst' || wanted === 'sämst') && indicator.direction === null) {
		return fail(
			ctx,
			command,
			'invalid_option',
			`”${indicator.shortTitle}” har ingen angiven önskad riktning, så bäst/sämst går inte att avgöra. Välj ordning högst eller lägst.`,
			`”${indicator.shortTitle}” has no stated desired direction, so best/worst can't be decided. Choose highest or lowest.`,
		);
	}
	return { ok: true, value: wanted ?? (indicator.direction === null ? 'högst' : 'bäst') };
}

/** Whether an order lists the highest values first. */
function descendingFor(indicator: Indicator, order: Order): boolean {
	return (
		order === 'högst' ||
		(order === 'bäst' && indicator.direction === 'higher') ||
		(order === 'sämst' && indicator.direction === 'lower')
	);
}

/**
 * The second stage of `/topplista`: the kommuner (of the län, or all) ranked in the asked (else the
 * default) year, the page of places asked for, and Riket — or why there is no list.
 */
export function computeTopList(ds: Dataset, input: TopListInput): TopList | TopListNoYear | TopListPastEnd {
	const { indicator, gender, lan } = input;
	const members = kommunIds(ds, lan);
	const years = coverageByYear(ds, indicator, gender, members);
	const year = input.year ?? defaultYear(ds, indicator, gender, members);
	if (year === undefined || !years.some((c) => c.year === year)) return noYear(ds, input, year, years);
	const values = valuesOf(ds, indicator, year, gender, members);
	const ranked = rankAll(values, descendingFor(indicator, input.order), (id) => nameOf(ds, id));
	const rows = pickRows(ranked, input.count, input.start);
	if (rows.length === 0) return { ok: false, reason: 'past_end', year, withData: values.size };
	const lastPlace = rows.at(-1)?.place ?? 0;
	const attributions = rows.map(
		(r) => ds.value(indicator.id, r.id, year, gender, 'value')?.provenance.attribution ?? '',
	);
	return {
		ok: true,
		year,
		withData: values.size,
		rows,
		nextPlace: ranked.find((r) => r.place > lastPlace)?.place,
		riket: lan ? undefined : riketFigure(ds, indicator, year, 'T'),
		coverage: coverageOf(ds, indicator, year, gender, members),
		attributions: [...new Set(attributions)].filter((line) => line !== ''),
	};
}

function noYear(ds: Dataset, input: TopListInput, year: number | undefined, years: readonly Coverage[]): TopListNoYear {
	const { indicator, gender, lan } = input;
	const nearest =
		year === undefined
			? undefined
			: nearestYear(
					years.map((c) => c.year),
					year,
				);
	const widest = [...years].sort((a, b) => b.n - a.n || b.year - a.year);
	const picked = [...new Set([nearest, ...widest.map((c) => c.year)])].filter((y) => y !== undefined).slice(0, 3);
	const otherLan = lan
		? ds
				.areasOfType('lan')
				.filter((l) => l.id !== lan.id)
				.map((l) => {
					const ids = kommunIds(ds, l);
					const inYears = (year === undefined ? ds.years(indicator.id) : [year]).map(
						(y) => valuesOf(ds, indicator, y, gender, ids).size,
					);
					return { l, n: Math.max(0, ...inYears) };
				})
				.filter((x) => x.n > 0)
				.sort((a, b) => b.n - a.n)
				.slice(0, MAX_CHOICES)
				.map(({ l }) => l)
		: [];
	return {
		ok: false,
		reason: 'no_year',
		year,
		nearest,
		years,
		yearPicks: picked.map((y) => years.find((c) => c.year === y) ?? { year: y, n: 0, of: 0 }),
		otherLan,
	};
}

/** Builds the `/topplista` answer. */
export function topListAnswer(ctx: AnswerContext, query: TopListQuery): Answer {
	const input = readTopListInput(ctx, query);
	if (!input.ok) return input.error;
	const list = computeTopList(ctx.dataset, input.value);
	if (list.ok) return presentTopList(ctx, input.value, list, parseFlag(query.csv));
	return list.reason === 'no_year' ? noYearError(ctx, input.value, list) : pastEndError(ctx, input.value, list);
}

function baseResolved(input: TopListInput): Resolved {
	return { indikator: input.indicator.id, län: input.lan?.id, kön: input.gender };
}

function noYearError(ctx: AnswerContext, input: TopListInput, shortfall: TopListNoYear): ErrorAnswer {
	const { indicator, lan } = input;
	const { year, nearest, years } = shortfall;
	const where = whereValuesAre(ctx, indicator);
	const kommuner = (n: number): string => `${n} ${n === 1 ? 'kommun' : 'kommuner'}`;
	const candidates =
		year !== undefined && years.length > 0
			? shortfall.yearPicks.map((c): Candidate => ({
					id: String(c.year),
					label: `${c.year} (${kommuner(c.n)})`,
					option: 'år',
				}))
			: shortfall.otherLan.map((l): Candidate => ({ id: l.id, label: l.name, option: 'län' }));
	return errorAnswer(
		command,
		'no_data',
		years.length === 0
			? tr(
					ctx,
					`Det finns inga kommunvärden för ”${indicator.shortTitle}”${lan ? ` i ${lan.name}` : ''}. ${where}`,
					`There are no kommun values for ”${indicator.shortTitle}”${lan ? ` in ${lan.name}` : ''}. ${where}`,
				)
			: tr(
					ctx,
					`Inga kommunvärden för ”${indicator.shortTitle}” ${String(year)}. Närmaste år med data: ${String(nearest)}. ${where}`,
					`No kommun values for ”${indicator.shortTitle}” in ${String(year)}. Nearest year with data: ${String(nearest)}. ${where}`,
				),
		baseResolved(input),
		{ ...(nearest === undefined ? {} : { nearestYear: nearest }), candidates },
	);
}

function pastEndError(ctx: AnswerContext, input: TopListInput, shortfall: TopListPastEnd): ErrorAnswer {
	const { year, withData } = shortfall;
	return errorAnswer(
		command,
		'invalid_option',
		tr(
			ctx,
			`Listan har bara ${withData} kommuner ${year}; **från_plats** ${input.start} ligger utanför den.`,
			`The list has only ${withData} kommuner in ${year}; **från_plats** ${input.start} is past its end.`,
		),
		{ ...baseResolved(input), år: year },
	);
}

/** The third stage of `/topplista`: title, summary, table, notes, bar chart and CSV. */
function presentTopList(ctx: AnswerContext, input: TopListInput, list: TopList, wantsCsv: boolean): OkAnswer {
	const { dataset: ds } = ctx;
	const { indicator, lan, order, start } = input;
	const { year, rows, riket } = list;
	const sources = new Sources();
	for (const line of list.attributions) sources.add(line);
	sources.own(ctx);
	addFigureSource(ctx, sources, riket);
	const places = placesText(ctx, input, list);
	return {
		ok: true,
		command,
		title: tr(
			ctx,
			`Topplista: ${indicator.shortTitle} ${year}${places}`,
			`Top list: ${indicator.shortTitle} ${year}${places}`,
		),
		summary: topListSummary(ctx, input, list),
		fields: riket
			? [{ name: tr(ctx, 'Jämförelse', 'Comparison'), value: figureLine(ctx, indicator, 'Riket', riket, year) }]
			: [],
		table: {
			columns: [tr(ctx, 'Plats', 'Rank'), 'Kommun', tr(ctx, 'Län', 'County'), tr(ctx, 'Värde', 'Value')],
			rows: rows.map((r) => [placeOf(r), nameOf(ds, r.id), lanOf(ds, r.id), formatValue(indicator, r.value)]),
			align: ['right', 'left', 'left', 'right'],
		},
		notes: topListNotes(ctx, input, list),
		sources: sources.list(),
		chart: {
			...chartBase(ctx, indicator, String(year), sources, {
				subtitle: tr(
					ctx,
					`${rows.length} kommuner${places}, ${ORDER_TEXT[order][0]} först${lan ? ` · ${lan.name}` : ''}`,
					`${rows.length} kommuner${places}, ${ORDER_TEXT[order][1]} first${lan ? ` · ${lan.name}` : ''}`,
				),
			}),
			kind: 'bar',
			orientation: 'horizontal',
			bars: rows.map((r) => ({ label: `${placeOf(r)}. ${nameOf(ds, r.id)}`, value: r.value, role: 'other' as const })),
			...riketLine(ctx, indicator, riket),
		},
		...(wantsCsv ? { csv: topListCsv(ctx, input, list) } : {}),
		resolved: {
			...baseResolved(input),
			år: year,
			ordning: order,
			antal: input.count,
			...(start > 1 ? { från_plats: start } : {}),
		},
		data: { year, order, withData: list.withData, rows, nextPlace: list.nextPlace ?? null, riket: riket ?? null },
	};
}

/** One row per kommun listed: place, shared, code, name, län, year, value and unit. */
function topListCsv(ctx: AnswerContext, input: TopListInput, list: TopList): CsvAttachment {
	const { dataset: ds } = ctx;
	const { indicator } = input;
	return toCsv(
		`topplista-${indicator.id}-${list.year}.csv`,
		['plats', 'delad', 'kod', 'kommun', 'län', 'år', valueHeader(indicator), 'enhet'],
		list.rows.map((r) => [
			r.place,
			r.tied ? 'ja' : 'nej',
			r.id,
			nameOf(ds, r.id),
			lanOf(ds, r.id),
			list.year,
			r.value,
			indicator.unit,
		]),
	);
}

function nameOf(ds: Dataset, id: string): string {
	return ds.area(id)?.name ?? id;
}

function lanOf(ds: Dataset, id: string): string {
	return ds.area(ds.area(id)?.lanId ?? '')?.name ?? '';
}

/** A place as the list writes it: "3", or "3=" when shared. */
function placeOf(row: RankedRow): string {
	return `${row.place}${row.tied ? '=' : ''}`;
}

/** ", plats 11–20" on a later page; empty on the first. */
function placesText(ctx: AnswerContext, input: TopListInput, list: TopList): string {
	if (input.start <= 1) return '';
	const first = list.rows[0]?.place ?? input.start;
	const last = list.rows.at(-1)?.place ?? 0;
	return tr(ctx, `, plats ${first}–${last}`, `, places ${first}–${last}`);
}

function topListSummary(ctx: AnswerContext, input: TopListInput, list: TopList): string {
	const { indicator, lan, order, start } = input;
	const { year, rows } = list;
	const first = rows[0]?.place ?? start;
	const last = rows.at(-1)?.place ?? 0;
	const [orderSv, orderEn] = ORDER_TEXT[order];
	const result = indicator.direction === null || order === 'högst' || order === 'lägst' ? '' : 'resultat ';
	return tr(
		ctx,
		`${start > 1 ? `Plats ${first}–${last}: ` : ''}${rows.length === 1 ? 'Den kommun' : `De ${rows.length} kommuner`} med ${orderSv} ${result}${lan ? `i ${lan.name} ` : ''}${year}.`,
		`${start > 1 ? `Places ${first}–${last}: ` : ''}The ${rows.length} kommuner with the ${orderEn} ${lan ? `in ${lan.name} ` : ''}${year}.`,
	).replace(/\s+/g, ' ');
}

function topListNotes(ctx: AnswerContext, input: TopListInput, list: TopList): string[] {
	const { indicator, lan, order } = input;
	const notes: string[] = [coverageText(ctx, list.coverage, lan?.name)];
	if (list.rows.length > input.count) {
		notes.push(
			tr(
				ctx,
				`Listan har ${list.rows.length} rader eftersom kommuner med samma värde delar plats.`,
				`The list has ${list.rows.length} rows because kommuner with equal values share a place.`,
			),
		);
	}
	if (indicator.direction !== null && (order === 'bäst' || order === 'sämst') && indicator.directionBasis)
		notes.push(indicator.directionBasis);
	return notes;
}
