/**
 * `/karta indikator [år] [län] [markera] [kön]`: a map of Sweden's kommuner, or of one län's,
 * coloured by an indicator. Numbers fall into five quantile classes (fewer when values repeat);
 * survey answers keep their own categories. A map with values for fewer than a tenth of its
 * kommuner is refused with the years (and, for the whole country, the län) that do have values.
 */
import { formatDecimal } from '../charts/format.js';
import { MAP_CLASSES, classOf as classIndexOf, quantileClasses, type ClassRange } from '../charts/map-classes.js';
import type { MapChartSpec, MapClassItem, MapScheme } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, describeFigure, figureLine, Sources, unitLabel } from './common.js';
import { toCsv } from './csv.js';
import { answerLabel, decimalsFor, formatYears } from './format.js';
import { readInput } from './input.js';
import { parseFlag } from './options.js';
import { errorAnswer, type Outcome } from './resolve.js';
import { kommunIds, riketFigure, valuesOf, type GroupFigure } from './stats.js';
import type { Answer, AnswerField, CsvAttachment, OkAnswer, Resolved } from './types.js';

/** Raw options of `/karta`. */
export interface MapQuery {
	readonly indicator: string;
	readonly year?: string | number | boolean | undefined;
	readonly lan?: string | undefined;
	readonly highlight?: string | undefined;
	readonly gender?: string | number | boolean | undefined;
	readonly csv?: string | number | boolean | undefined;
}

/** A map is drawn only when at least this share of its kommuner has a value. */
export const MIN_MAP_COVERAGE = 0.1;

/** Whether `withValues` of `of` kommuner is enough for a map (at least a tenth). */
export function enoughForMap(withValues: number, of: number): boolean {
	return of > 0 && withValues > 0 && withValues >= of * MIN_MAP_COVERAGE;
}

/** The colour scheme for an indicator: answers get categories, numbers a palette turned by direction. */
export function schemeFor(indicator: Pick<Indicator, 'kind' | 'direction'>): MapScheme {
	if (indicator.kind === 'yesno' || indicator.kind === 'ordinal')
		return indicator.direction === null ? 'answers-neutral' : 'answers';
	if (indicator.direction === 'higher') return 'higher-better';
	if (indicator.direction === 'lower') return 'lower-better';
	return 'neutral';
}

/** The classes of a map: quantile ranges for numbers, the scale's answers for survey questions. */
export type MapClasses =
	| {
			readonly kind: 'quantiles';
			/** Decimals the limits are rounded to. */
			readonly decimals: number;
			/** Inner class limits. */
			readonly limits: readonly number[];
			readonly ranges: readonly ClassRange[];
	  }
	| {
			readonly kind: 'answers';
			/** Kommuner per answer, in the scale's order. */
			readonly counts: readonly number[];
	  };

/** The classes of a map and the class of every kommun with a value. */
export interface Classification {
	readonly classes: MapClasses;
	readonly classOf: ReadonlyMap<string, number>;
}

/** Numbers fall into (up to) five quantile classes, limits rounded as the values are written. */
function classifyNumbers(indicator: Indicator, values: ReadonlyMap<string, number>): Classification {
	const decimals = decimalsFor(indicator);
	const { limits, ranges } = quantileClasses([...values.values()], MAP_CLASSES, decimals);
	const classOf = new Map<string, number>();
	for (const [id, value] of values) classOf.set(id, classIndexOf(value, limits));
	return { classes: { kind: 'quantiles', decimals, limits, ranges }, classOf };
}

/** Survey answers keep their own categories, in the scale's order. */
function classifyAnswers(indicator: Indicator, values: ReadonlyMap<string, number>): Classification {
	const scale = indicator.scale ?? [];
	const classOf = new Map<string, number>();
	const counts = scale.map(() => 0);
	for (const [id, code] of values) {
		const index = scale.findIndex((s) => s.code === code);
		if (index < 0) continue;
		classOf.set(id, index);
		counts[index] = (counts[index] ?? 0) + 1;
	}
	return { classes: { kind: 'answers', counts }, classOf };
}

/** A map's legend: each class with its count, and how the classes were formed, in words. */
interface Legend {
	readonly items: MapClassItem[];
	readonly method: string;
}

function legendOf(ctx: AnswerContext, indicator: Indicator, classes: MapClasses): Legend {
	if (classes.kind === 'answers') {
		const count = (i: number): number => classes.counts[i] ?? 0;
		return {
			items: (indicator.scale ?? []).map((s, i) => ({ label: `${s.label} (${count(i)})`, count: count(i) })),
			method: tr(ctx, 'kommunernas svar', "the kommuner's answers"),
		};
	}
	const { ranges, decimals } = classes;
	const number = (v: number): string => formatDecimal(v, decimals);
	return {
		items: ranges.map((r) => ({
			label: `${r.from === r.to ? number(r.from) : `${number(r.from)}–${number(r.to)}`} (${r.count})`,
			count: r.count,
		})),
		method:
			ranges.length === MAP_CLASSES
				? tr(ctx, `${MAP_CLASSES} klasser efter kvantiler`, `${MAP_CLASSES} quantile classes`)
				: tr(
						ctx,
						`${ranges.length} klasser efter kvantiler (lika värden delar klass)`,
						`${ranges.length} quantile classes (equal values share a class)`,
					),
	};
}

/**
 * Whether `/karta` would draw a map of `indicator` in `year` (all kommuner, or those of `lanId`):
 * at least a tenth of them have a value. Used to offer a map only where one answers.
 */
export function mapAvailable(ds: Dataset, indicator: Indicator, year: number, gender: Gender, lanId?: string): boolean {
	const lan = lanId === undefined ? undefined : ds.area(lanId);
	if (lanId !== undefined && lan?.type !== 'lan') return false;
	const members = kommunIds(ds, lan);
	return enoughForMap(valuesOf(ds, indicator, year, gender, members).size, members.length);
}

/** Years where the shown kommuner have enough values for a map. */
function mapYears(ds: Dataset, indicator: Indicator, gender: Gender, members: readonly string[]): number[] {
	return ds
		.years(indicator.id)
		.filter((y) => enoughForMap(valuesOf(ds, indicator, y, gender, members).size, members.length));
}

/** Län that have enough values for a map in `year`, by name. */
function lanWithValues(ds: Dataset, indicator: Indicator, year: number, gender: Gender): Area[] {
	return ds.areasOfType('lan').filter((lan) => {
		const members = kommunIds(ds, lan);
		return enoughForMap(valuesOf(ds, indicator, year, gender, members).size, members.length);
	});
}

/** The refusal when a map would be mostly grey: what has values instead. */
function tooFewValues(ctx: AnswerContext, input: MapInput, shortfall: MapShortfall): string {
	const { indicator, lan } = input;
	const { year, withValues, of, years, lans } = shortfall;
	const where = lan ? { sv: `i ${lan.name}`, en: `in ${lan.name}` } : { sv: 'i landet', en: 'in Sweden' };
	const sv: string[] = [];
	const en: string[] = [];
	if (year === undefined) {
		sv.push(
			`Det finns inga år där minst en tiondel av kommunerna ${where.sv} har värden för ”${indicator.shortTitle}”.`,
		);
		en.push(`No year has values for at least a tenth of the kommuner ${where.en} on ”${indicator.shortTitle}”.`);
	} else if (withValues === 0) {
		sv.push(`${year} har ingen av de ${of} kommunerna ${where.sv} värden för ”${indicator.shortTitle}”.`);
		en.push(`In ${year} none of the ${of} kommuner ${where.en} have values for ”${indicator.shortTitle}”.`);
	} else {
		sv.push(
			`${year} har bara ${withValues} av ${of} kommuner ${where.sv} värden för ”${indicator.shortTitle}” – för lite för en karta (minst en tiondel behövs).`,
		);
		en.push(
			`In ${year} only ${withValues} of ${of} kommuner ${where.en} have values for ”${indicator.shortTitle}” – too few for a map (at least a tenth is needed).`,
		);
	}
	if (years.length > 0) {
		sv.push(`År med tillräckligt många värden: ${formatYears(years)}.`);
		en.push(`Years with enough values: ${formatYears(years)}.`);
	}
	if (lans.year !== undefined && lans.areas.length > 0) {
		const names = lans.areas.map((l) => l.name).join(', ');
		sv.push(`Län med värden ${lans.year}: ${names} – ange ett av dem i fältet **län**.`);
		en.push(`Counties with values in ${lans.year}: ${names} – give one of them in **county**.`);
	}
	sv.push('`/om` visar vad datasetet täcker.');
	en.push('`/om` shows what the dataset covers.');
	return tr(ctx, sv.join(' '), en.join(' '));
}

/** The resolved options of `/karta`. */
export interface MapInput {
	readonly indicator: Indicator;
	readonly gender: Gender;
	/** The year asked for; without one, the latest year with enough values. */
	readonly year: number | undefined;
	readonly lan: Area | undefined;
	readonly highlight: Area | undefined;
}

/** A map that can be drawn: the kommuner shown, their values and classes, and Riket. */
export interface MapFigures {
	readonly ok: true;
	readonly year: number;
	/** Every kommun shown, with a value or without. */
	readonly members: readonly string[];
	readonly values: ReadonlyMap<string, number>;
	readonly classification: Classification;
	readonly riket: GroupFigure | undefined;
	/** The marked kommun's value; null when it has none (or none is marked). */
	readonly highlightValue: number | null;
	/** The attribution of the kommuner's values, each once. */
	readonly attributions: readonly string[];
}

/** A map that would be mostly grey, and what has values instead. */
export interface MapShortfall {
	readonly ok: false;
	readonly year: number | undefined;
	readonly withValues: number;
	readonly of: number;
	/** Years where the kommuner shown have enough values for a map. */
	readonly years: readonly number[];
	/** Other län that have enough values, in `year` (the asked year, else the latest). */
	readonly lans: { readonly year: number | undefined; readonly areas: readonly Area[] };
}

const command = 'karta';

/** The first stage of `/karta`: indicator, year, kön, län and the kommun to mark (which must lie in the län). */
function readMapInput(ctx: AnswerContext, query: MapQuery): Outcome<MapInput> {
	const input = readInput(ctx, {
		command,
		indicator: query.indicator,
		years: { år: query.year },
		yearRanksIndicator: false,
		gender: query.gender,
		places: {
			lan: { option: 'län', input: query.lan, scope: 'lan' },
			highlight: { option: 'markera', input: query.highlight, scope: 'kommun' },
		},
	});
	if (!input.ok) return input;
	const { indicator, gender } = input.value;
	const { lan, highlight } = input.value.places;
	if (lan && highlight && highlight.lanId !== lan.id) {
		const message = tr(
			ctx,
			`${highlight.name} ligger inte i ${lan.name}, så den kan inte markeras på länets karta. Ta bort **län** eller välj en kommun i ${lan.name}.`,
			`${highlight.name} is not in ${lan.name}, so it can't be marked on that county's map. Drop **county** or pick a kommun in ${lan.name}.`,
		);
		const resolved = { indikator: indicator.id, län: lan.id, markera: highlight.id };
		return { ok: false, error: errorAnswer(command, 'invalid_option', message, resolved) };
	}
	return { ok: true, value: { indicator, gender, year: input.value.years.år, lan, highlight } };
}

/**
 * The second stage of `/karta`: the values of the kommuner shown in the asked (else the latest
 * mappable) year, classified, with Riket — or, when fewer than a tenth have values, what has.
 */
export function computeMap(ds: Dataset, input: MapInput): MapFigures | MapShortfall {
	const { indicator, gender, lan, highlight } = input;
	const members = kommunIds(ds, lan);
	const years = mapYears(ds, indicator, gender, members);
	const year = input.year ?? years.at(-1);
	const values = year === undefined ? new Map<string, number>() : valuesOf(ds, indicator, year, gender, members);
	if (year === undefined || !enoughForMap(values.size, members.length)) {
		// The län that could be mapped instead: in the asked year, else in the indicator's latest year.
		const lanYear = year ?? ds.years(indicator.id).at(-1);
		const areas =
			lanYear === undefined ? [] : lanWithValues(ds, indicator, lanYear, gender).filter((l) => l.id !== lan?.id);
		return { ok: false, year, withValues: values.size, of: members.length, years, lans: { year: lanYear, areas } };
	}
	const categorical = isCategorical(indicator);
	const measure = categorical ? 'answer' : 'value';
	const attributions = [...values.keys()].map(
		(id) => ds.value(indicator.id, id, year, gender, measure)?.provenance.attribution ?? '',
	);
	return {
		ok: true,
		year,
		members,
		values,
		classification: categorical ? classifyAnswers(indicator, values) : classifyNumbers(indicator, values),
		riket: riketFigure(ds, indicator, year, gender),
		highlightValue: highlight ? (values.get(highlight.id) ?? null) : null,
		attributions: [...new Set(attributions)].filter((line) => line !== ''),
	};
}

/** Builds the `/karta` answer. */
export function mapAnswer(ctx: AnswerContext, query: MapQuery): Answer {
	const input = readMapInput(ctx, query);
	if (!input.ok) return input.error;
	const figures = computeMap(ctx.dataset, input.value);
	if (!figures.ok)
		return errorAnswer(
			command,
			'no_data',
			tooFewValues(ctx, input.value, figures),
			mapResolved(input.value, figures.year),
		);
	return presentMap(ctx, input.value, figures, parseFlag(query.csv));
}

function mapResolved(input: MapInput, year: number | undefined): Resolved {
	return {
		indikator: input.indicator.id,
		län: input.lan?.id,
		markera: input.highlight?.id,
		år: year,
		...(input.gender === 'T' ? {} : { kön: input.gender }),
	};
}

/** What a map answer says in several places: coverage, legend, missing values, Riket and the marked kommun. */
interface MapWords {
	readonly coverage: string;
	readonly legend: Legend;
	readonly missing: number;
	readonly riket: string | undefined;
	readonly highlight: string | undefined;
}

function mapWords(ctx: AnswerContext, input: MapInput, figures: MapFigures): MapWords {
	const { indicator, lan, highlight } = input;
	const { values, members, riket } = figures;
	const categorical = isCategorical(indicator);
	return {
		coverage: tr(
			ctx,
			`${categorical ? 'Svar från' : 'Värden för'} ${values.size} av ${members.length} kommuner${lan ? ` i ${lan.name}` : ''}`,
			`${categorical ? 'Answers from' : 'Values for'} ${values.size} of ${members.length} kommuner${lan ? ` in ${lan.name}` : ''}`,
		),
		legend: legendOf(ctx, indicator, figures.classification.classes),
		missing: members.length - values.size,
		riket: riket ? figureLine(ctx, indicator, 'Riket', riket, figures.year) : undefined,
		highlight: highlight ? describeFigure(ctx, indicator, highlight, figures.highlightValue) : undefined,
	};
}

/** The third stage of `/karta`: title, summary, legend table, notes, the map and the CSV. */
function presentMap(ctx: AnswerContext, input: MapInput, figures: MapFigures, wantsCsv: boolean): OkAnswer {
	const { indicator, lan, highlight } = input;
	const { year } = figures;
	const words = mapWords(ctx, input, figures);
	const sources = new Sources();
	for (const line of figures.attributions) sources.add(line);
	sources.own(ctx);
	addFigureSource(ctx, sources, figures.riket);
	const fields: AnswerField[] = [];
	if (words.riket) fields.push({ name: tr(ctx, 'Jämförelse', 'Comparison'), value: words.riket, inline: true });
	if (highlight && words.highlight) fields.push({ name: highlight.name, value: words.highlight, inline: true });
	return {
		ok: true,
		command,
		title: tr(
			ctx,
			`Karta: ${indicator.shortTitle} ${year}${lan ? `, ${lan.name}` : ''}`,
			`Map: ${indicator.shortTitle} ${year}${lan ? `, ${lan.name}` : ''}`,
		),
		summary: tr(
			ctx,
			`${words.coverage} ${year}, färgade efter ${words.legend.method}.`,
			`${words.coverage} in ${year}, coloured by ${words.legend.method}.`,
		),
		fields,
		table: {
			columns: [tr(ctx, 'Klass', 'Class'), tr(ctx, 'Kommuner', 'Kommuner')],
			rows: [
				...words.legend.items.map((c) => [withoutCount(c.label), String(c.count)]),
				[tr(ctx, 'Uppgift saknas', 'No value'), String(words.missing)],
			],
			align: ['left', 'right'],
		},
		notes: mapNotes(ctx, indicator, words, year),
		sources: sources.list(),
		chart: mapChart(ctx, input, figures, words, sources),
		...(wantsCsv ? { csv: mapCsv(ctx, input, figures, words.legend) } : {}),
		resolved: mapResolved(input, year),
		data: {
			year,
			withData: figures.values.size,
			of: figures.members.length,
			limits: figures.classification.classes.kind === 'quantiles' ? figures.classification.classes.limits : [],
			classes: words.legend.items,
			riket: figures.riket ?? null,
		},
	};
}

/** A legend label without its count: "12–34 (58)" → "12–34". */
function withoutCount(label: string): string {
	return label.replace(/ \(\d+\)$/, '');
}

function mapNotes(ctx: AnswerContext, indicator: Indicator, words: MapWords, year: number): string[] {
	const { coverage, missing } = words;
	const notes: string[] = [
		tr(
			ctx,
			`${coverage} ${year}; ${missing === 0 ? 'alla har uppgift.' : `${missing} saknar uppgift och är grå och streckade.`}`,
			`${coverage} in ${year}; ${missing === 0 ? 'all have values.' : `${missing} have none and are grey and hatched.`}`,
		),
	];
	if (!isCategorical(indicator))
		notes.push(
			tr(
				ctx,
				'Kvantilklasser: kommunerna delas i lika stora grupper efter värde, så färgerna visar ordningen, inte avståndet mellan värdena.',
				'Quantile classes: the kommuner are split into equal-sized groups by value, so colours show order, not distance.',
			),
		);
	if (indicator.direction !== null && indicator.directionBasis) notes.push(indicator.directionBasis);
	return notes;
}

function mapChart(
	ctx: AnswerContext,
	input: MapInput,
	figures: MapFigures,
	words: MapWords,
	sources: Sources,
): MapChartSpec {
	const { indicator, lan, highlight } = input;
	const categorical = isCategorical(indicator);
	return {
		...chartBase(ctx, indicator, String(figures.year), sources, {
			subtitle: `${words.coverage} · ${words.legend.method}`,
		}),
		kind: 'map',
		...(lan ? { lanId: lan.id } : {}),
		scheme: schemeFor(indicator),
		legendTitle: categorical ? tr(ctx, 'Svar', 'Answer') : unitLabel(ctx, indicator, false),
		classes: words.legend.items,
		areas: [...figures.classification.classOf].map(([id, classIndex]) => ({ id, classIndex })),
		missingLabel: tr(ctx, `Uppgift saknas (${words.missing})`, `No value (${words.missing})`),
		...(highlight && words.highlight
			? { highlight: { id: highlight.id, label: `${highlight.name}: ${words.highlight}` } }
			: {}),
		notes: [
			tr(ctx, 'Inom parentes: antal kommuner.', 'In brackets: number of kommuner.'),
			...(words.riket ? [words.riket] : []),
			...(indicator.direction !== null && !categorical
				? [
						indicator.direction === 'higher'
							? tr(ctx, 'Blått är bättre (högre värde).', 'Blue is better (higher value).')
							: tr(ctx, 'Blått är bättre (lägre värde).', 'Blue is better (lower value).'),
					]
				: []),
		],
	};
}

/** One row per kommun shown: code, name, län, year, value or answer, unit and class. */
function mapCsv(ctx: AnswerContext, input: MapInput, figures: MapFigures, legend: Legend): CsvAttachment {
	const { dataset: ds } = ctx;
	const { indicator, lan } = input;
	const { year, values, classification } = figures;
	const categorical = isCategorical(indicator);
	const nameOf = (id: string): string => ds.area(id)?.name ?? id;
	return toCsv(
		`karta-${indicator.id}-${year}${lan ? `-${lan.id}` : ''}.csv`,
		['kod', 'kommun', 'län', 'år', categorical ? 'svar' : 'värde', 'enhet', 'klass'],
		figures.members.map((id) => {
			const cls = classification.classOf.get(id);
			const value = values.get(id);
			return [
				id,
				nameOf(id),
				nameOf(ds.area(id)?.lanId ?? ''),
				year,
				categorical ? (value === undefined ? null : answerLabel(indicator.scale, value)) : (value ?? null),
				categorical ? '' : indicator.unit,
				cls === undefined ? '' : withoutCount(legend.items[cls]?.label ?? ''),
			];
		}),
	);
}
