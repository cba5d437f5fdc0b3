/**
 * `/topplista indikator [år] [antal] [ordning] [län]`: the top or bottom N kommuner, with ties
 * handled honestly (a shared place is shown as shared, and everyone tied at the last place is
 * included), and a horizontal bar chart.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical } from '../dataset/dataset.js';
import type { Area } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, figureLine, Sources, riketLine } from './common.js';
import { toCsv } from './csv.js';
import { coverageOf, coverageText, defaultYear } from './coverage.js';
import { formatValue, valueHeader } from './format.js';
import { nearestYear, parseCount, parseFlag, parseGender, parseYear } from './options.js';
import { errorAnswer, resolveArea, resolveIndicator } from './resolve.js';
import { riketFigure, valuesOf } from './stats.js';
import { MAX_CHOICES, whereValuesAre } from './nodata.js';
import type { Answer, Candidate } from './types.js';

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

/**
 * Ranks values and keeps the first `count` places; everyone tied at the last kept place is
 * included too, so a cut never splits a tie.
 */
export function topRows(
	values: ReadonlyMap<string, number>,
	descending: boolean,
	count: number,
	nameOf: (id: string) => string,
): RankedRow[] {
	return pickRows(rankAll(values, descending, nameOf), count);
}

/** Builds the `/topplista` answer. */
export function topListAnswer(ctx: AnswerContext, query: TopListQuery): Answer {
	const command = 'topplista';
	const { dataset: ds } = ctx;
	const indicatorOutcome = resolveIndicator(ctx, command, 'indikator', query.indicator);
	if (!indicatorOutcome.ok) return indicatorOutcome.error;
	const indicator = indicatorOutcome.value;
	if (isCategorical(indicator)) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				`”${indicator.shortTitle}” är en Ja/Nej-fråga och kan inte rangordnas. Använd /grupper för andelen kommuner som svarat ja, eller /jämför för enskilda kommuners svar.`,
				`”${indicator.shortTitle}” is a yes/no question and can't be ranked. Use /grupper for the share answering yes, or /jämför for single kommuner.`,
			),
			{ indikator: indicator.id },
		);
	}
	const yearOutcome = parseYear(ctx, command, 'år', query.year);
	if (!yearOutcome.ok) return yearOutcome.error;
	const countOutcome = parseCount(ctx, command, 'antal', query.count, { min: 1, max: 30, fallback: 10 });
	if (!countOutcome.ok) return countOutcome.error;
	const startOutcome = parseCount(ctx, command, 'från_plats', query.start, { min: 1, max: 400, fallback: 1 });
	if (!startOutcome.ok) return startOutcome.error;
	const start = startOutcome.value;
	const genderOutcome = parseGender(ctx, command, query.gender, indicator);
	if (!genderOutcome.ok) return genderOutcome.error;
	const gender = genderOutcome.value;
	let lan: Area | undefined;
	if (query.lan && query.lan.trim() !== '') {
		const lanOutcome = resolveArea(ctx, command, 'län', query.lan, 'lan');
		if (!lanOutcome.ok) return lanOutcome.error;
		lan = lanOutcome.value;
	}
	const wantedOrder = query.order?.trim() ? ORDER_WORDS.get(query.order.trim().toLocaleLowerCase('sv')) : undefined;
	if (query.order?.trim() && !wantedOrder) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				'**ordning** kan vara bäst, sämst, högst eller lägst.',
				'**order** can be best, worst, highest or lowest.',
			),
		);
	}
	if ((wantedOrder === 'bäst' || wantedOrder === 'sämst') && indicator.direction === null) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				`”${indicator.shortTitle}” har ingen angiven önskad riktning, så bäst/sämst går inte att avgöra. Välj ordning högst eller lägst.`,
				`”${indicator.shortTitle}” has no stated desired direction, so best/worst can't be decided. Choose highest or lowest.`,
			),
		);
	}
	const order: Order = wantedOrder ?? (indicator.direction === null ? 'högst' : 'bäst');
	const descending =
		order === 'högst' ||
		(order === 'bäst' && indicator.direction === 'higher') ||
		(order === 'sämst' && indicator.direction === 'lower');

	const members = lan
		? (ds.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === lan.id)?.members ?? [])
		: ds.areasOfType('kommun').map((a) => a.id);
	const yearsWithData = ds.years(indicator.id).filter((y) => valuesOf(ds, indicator, y, gender, members).size > 0);
	const resolved = { indikator: indicator.id, län: lan?.id, kön: gender };
	const year = yearOutcome.value ?? defaultYear(ds, indicator, gender, members);
	if (year === undefined || !yearsWithData.includes(year)) {
		const nearest = year === undefined ? undefined : nearestYear(yearsWithData, year);
		const where = whereValuesAre(ctx, indicator);
		// Other län with kommun values (in the asked year, if one was asked), the most kommuner first.
		const otherLan = lan
			? ds
					.areasOfType('lan')
					.filter((l) => l.id !== lan.id)
					.map((l) => {
						const ids = ds.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === l.id)?.members ?? [];
						const inYears = (year === undefined ? ds.years(indicator.id) : [year]).map(
							(y) => valuesOf(ds, indicator, y, gender, ids).size,
						);
						return { l, n: Math.max(0, ...inYears) };
					})
					.filter((x) => x.n > 0)
					.sort((a, b) => b.n - a.n)
					.slice(0, MAX_CHOICES)
					.map(({ l }): Candidate => ({ id: l.id, label: l.name, option: 'län' }))
			: [];
		// The nearest year, then the years with the most kommuner, each with its count.
		const counts = new Map(yearsWithData.map((y) => [y, valuesOf(ds, indicator, y, gender, members).size]));
		const widest = [...yearsWithData].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b - a);
		const yearPicks = [...new Set([nearest, ...widest])].filter((y) => y !== undefined).slice(0, 3);
		const kommuner = (n: number): string => `${n} ${n === 1 ? 'kommun' : 'kommuner'}`;
		const candidates =
			year !== undefined && yearsWithData.length > 0
				? yearPicks.map((y): Candidate => ({
						id: String(y),
						label: `${y} (${kommuner(counts.get(y) ?? 0)})`,
						option: 'år',
					}))
				: otherLan;
		return errorAnswer(
			command,
			'no_data',
			yearsWithData.length === 0
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
			resolved,
			{ ...(nearest === undefined ? {} : { nearestYear: nearest }), candidates },
		);
	}
	const values = valuesOf(ds, indicator, year, gender, members);
	const nameOf = (id: string): string => ds.area(id)?.name ?? id;
	const ranked = rankAll(values, descending, nameOf);
	const rows = pickRows(ranked, countOutcome.value, start);
	if (rows.length === 0) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				`Listan har bara ${values.size} kommuner ${year}; **från_plats** ${start} ligger utanför den.`,
				`The list has only ${values.size} kommuner in ${year}; **från_plats** ${start} is past its end.`,
			),
			{ ...resolved, år: year },
		);
	}
	const lastPlace = rows.at(-1)?.place ?? 0;
	const nextPlace = ranked.find((r) => r.place > lastPlace)?.place;
	const places =
		start > 1
			? tr(ctx, `, plats ${rows[0]?.place ?? start}–${lastPlace}`, `, places ${rows[0]?.place ?? start}–${lastPlace}`)
			: '';
	const sources = new Sources();
	for (const r of rows) sources.add(ds.value(indicator.id, r.id, year, gender, 'value')?.provenance.attribution);
	sources.own(ctx);
	const riket = lan ? undefined : riketFigure(ds, indicator, year, 'T');
	addFigureSource(ctx, sources, riket);

	const orderText: Record<Order, readonly [string, string]> = {
		bäst: ['bäst', 'best'],
		sämst: ['sämst', 'worst'],
		högst: ['högst värde', 'highest'],
		lägst: ['lägst värde', 'lowest'],
	};
	const [orderSv, orderEn] = orderText[order];
	const notes: string[] = [coverageText(ctx, coverageOf(ds, indicator, year, gender, members), lan?.name)];
	if (rows.length > countOutcome.value) {
		notes.push(
			tr(
				ctx,
				`Listan har ${rows.length} rader eftersom kommuner med samma värde delar plats.`,
				`The list has ${rows.length} rows because kommuner with equal values share a place.`,
			),
		);
	}
	if (indicator.direction !== null && (order === 'bäst' || order === 'sämst'))
		notes.push(indicator.directionBasis ?? '');
	const label = (r: RankedRow): string => `${r.place}${r.tied ? '=' : ''}. ${nameOf(r.id)}`;
	const chart: ChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, {
			subtitle: tr(
				ctx,
				`${rows.length} kommuner${places}, ${orderSv} först${lan ? ` · ${lan.name}` : ''}`,
				`${rows.length} kommuner${places}, ${orderEn} first${lan ? ` · ${lan.name}` : ''}`,
			),
		}),
		kind: 'bar',
		orientation: 'horizontal',
		bars: rows.map((r) => ({ label: label(r), value: r.value, role: 'other' as const })),
		...riketLine(ctx, indicator, riket),
	};
	return {
		ok: true,
		command,
		title: tr(
			ctx,
			`Topplista: ${indicator.shortTitle} ${year}${places}`,
			`Top list: ${indicator.shortTitle} ${year}${places}`,
		),
		summary: tr(
			ctx,
			`${start > 1 ? `Plats ${rows[0]?.place ?? start}–${lastPlace}: ` : ''}${rows.length === 1 ? 'Den kommun' : `De ${rows.length} kommuner`} med ${orderSv} ${indicator.direction === null || order === 'högst' || order === 'lägst' ? '' : 'resultat '}${lan ? `i ${lan.name} ` : ''}${year}.`.replace(
				/\s+/g,
				' ',
			),
			`${start > 1 ? `Places ${rows[0]?.place ?? start}–${lastPlace}: ` : ''}The ${rows.length} kommuner with the ${orderEn} ${lan ? `in ${lan.name} ` : ''}${year}.`.replace(
				/\s+/g,
				' ',
			),
		),
		fields: riket
			? [{ name: tr(ctx, 'Jämförelse', 'Comparison'), value: figureLine(ctx, indicator, 'Riket', riket, year) }]
			: [],
		table: {
			columns: [
				tr(ctx, 'Plats', 'Rank'),
				tr(ctx, 'Kommun', 'Kommun'),
				tr(ctx, 'Län', 'County'),
				tr(ctx, 'Värde', 'Value'),
			],
			rows: rows.map((r) => [
				`${r.place}${r.tied ? '=' : ''}`,
				nameOf(r.id),
				ds.area(ds.area(r.id)?.lanId ?? '')?.name ?? '',
				formatValue(indicator, r.value),
			]),
			align: ['right', 'left', 'left', 'right'],
		},
		notes: notes.filter((n) => n !== ''),
		sources: sources.list(),
		chart,
		...(parseFlag(query.csv)
			? {
					csv: toCsv(
						`topplista-${indicator.id}-${year}.csv`,
						['plats', 'delad', 'kod', 'kommun', 'län', 'år', valueHeader(indicator), 'enhet'],
						rows.map((r) => [
							r.place,
							r.tied ? 'ja' : 'nej',
							r.id,
							nameOf(r.id),
							ds.area(ds.area(r.id)?.lanId ?? '')?.name ?? '',
							year,
							r.value,
							indicator.unit,
						]),
					),
				}
			: {}),
		resolved: {
			...resolved,
			år: year,
			ordning: order,
			antal: countOutcome.value,
			...(start > 1 ? { från_plats: start } : {}),
		},
		data: { year, order, withData: values.size, rows, nextPlace: nextPlace ?? null, riket: riket ?? null },
	};
}
