/**
 * `/karta indikator [år] [län] [markera] [kön]`: a map of Sweden's kommuner, or of one län's,
 * coloured by an indicator. Numbers fall into five quantile classes (fewer when values repeat);
 * survey answers keep their own categories. A map with values for fewer than a tenth of its
 * kommuner is refused with the years (and, for the whole country, the län) that do have values.
 */
import { formatDecimal } from '../charts/format.js';
import { MAP_CLASSES, classOf as classIndexOf, quantileClasses } from '../charts/map-classes.js';
import type { MapChartSpec, MapClassItem, MapScheme } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { chartBase, describeFigure, Sources, unitLabel } from './common.js';
import { toCsv } from './csv.js';
import { answerLabel, decimalsFor, formatValue, formatYears } from './format.js';
import { parseFlag, parseGender, parseYear } from './options.js';
import { errorAnswer, resolveArea, resolveIndicator } from './resolve.js';
import { riketFigure, valuesOf } from './stats.js';
import type { Answer, AnswerField } from './types.js';

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

/** Legend and class of every kommun with a value. */
interface Classification {
	readonly classes: MapClassItem[];
	readonly classOf: Map<string, number>;
	/** Inner class limits (numbers only). */
	readonly limits: readonly number[];
	readonly method: string;
}

function classifyNumbers(
	ctx: AnswerContext,
	indicator: Indicator,
	values: ReadonlyMap<string, number>,
): Classification {
	const decimals = decimalsFor(indicator);
	const { limits, ranges } = quantileClasses([...values.values()], MAP_CLASSES, decimals);
	const classOf = new Map<string, number>();
	for (const [id, value] of values) classOf.set(id, classIndexOf(value, limits));
	const number = (v: number): string => formatDecimal(v, decimals);
	return {
		classes: ranges.map((r) => ({
			label: `${r.from === r.to ? number(r.from) : `${number(r.from)}–${number(r.to)}`} (${r.count})`,
			count: r.count,
		})),
		classOf,
		limits,
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

function classifyAnswers(
	ctx: AnswerContext,
	indicator: Indicator,
	values: ReadonlyMap<string, number>,
): Classification {
	const scale = indicator.scale ?? [];
	const classOf = new Map<string, number>();
	const counts = scale.map(() => 0);
	for (const [id, code] of values) {
		const index = scale.findIndex((s) => s.code === code);
		if (index < 0) continue;
		classOf.set(id, index);
		counts[index] = (counts[index] ?? 0) + 1;
	}
	return {
		classes: scale.map((s, i) => ({ label: `${s.label} (${counts[i] ?? 0})`, count: counts[i] ?? 0 })),
		classOf,
		limits: [],
		method: tr(ctx, 'kommunernas svar', "the kommuner's answers"),
	};
}

/** Kommuner shown: those of one län, or all. */
function membersOf(ds: Dataset, lan: Area | undefined): string[] {
	const all = ds.areasOfType('kommun');
	return (lan ? all.filter((a) => a.lanId === lan.id) : all).map((a) => a.id);
}

/**
 * Whether `/karta` would draw a map of `indicator` in `year` (all kommuner, or those of `lanId`):
 * at least a tenth of them have a value. Used to offer a map only where one answers.
 */
export function mapAvailable(ds: Dataset, indicator: Indicator, year: number, gender: Gender, lanId?: string): boolean {
	const lan = lanId === undefined ? undefined : ds.area(lanId);
	if (lanId !== undefined && lan?.type !== 'lan') return false;
	const members = membersOf(ds, lan);
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
		const members = membersOf(ds, lan);
		return enoughForMap(valuesOf(ds, indicator, year, gender, members).size, members.length);
	});
}

/** The refusal when a map would be mostly grey: what has values instead. */
function tooFewValues(
	ctx: AnswerContext,
	indicator: Indicator,
	where: { readonly sv: string; readonly en: string },
	year: number | undefined,
	withValues: number,
	of: number,
	years: readonly number[],
	lans: { readonly year: number | undefined; readonly areas: readonly Area[] },
): string {
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
		sv.push(`Län med värden ${lans.year}: ${names} – välj ett med **län**.`);
		en.push(`Counties with values in ${lans.year}: ${names} – pick one with **county**.`);
	}
	sv.push('Med `/om` ser du vad datasetet täcker; `npm run sync` hämtar kommunvärden från Kolada.');
	en.push('`/om` shows what the dataset covers; `npm run sync` fetches kommun values from Kolada.');
	return tr(ctx, sv.join(' '), en.join(' '));
}

/** Builds the `/karta` answer. */
export function mapAnswer(ctx: AnswerContext, query: MapQuery): Answer {
	const command = 'karta';
	const { dataset: ds } = ctx;
	const indicatorOutcome = resolveIndicator(ctx, command, 'indikator', query.indicator);
	if (!indicatorOutcome.ok) return indicatorOutcome.error;
	const indicator = indicatorOutcome.value;
	const yearOutcome = parseYear(ctx, command, 'år', query.year);
	if (!yearOutcome.ok) return yearOutcome.error;
	const genderOutcome = parseGender(ctx, command, query.gender, indicator);
	if (!genderOutcome.ok) return genderOutcome.error;
	const gender = genderOutcome.value;
	let lan: Area | undefined;
	if (query.lan?.trim()) {
		const lanOutcome = resolveArea(ctx, command, 'län', query.lan, 'lan');
		if (!lanOutcome.ok) return lanOutcome.error;
		lan = lanOutcome.value;
	}
	let highlight: Area | undefined;
	if (query.highlight?.trim()) {
		const highlightOutcome = resolveArea(ctx, command, 'markera', query.highlight, 'kommun');
		if (!highlightOutcome.ok) return highlightOutcome.error;
		highlight = highlightOutcome.value;
		if (lan && highlight.lanId !== lan.id) {
			return errorAnswer(
				command,
				'invalid_option',
				tr(
					ctx,
					`${highlight.name} ligger inte i ${lan.name}, så den kan inte markeras på länets karta. Ta bort **län** eller välj en kommun i ${lan.name}.`,
					`${highlight.name} is not in ${lan.name}, so it can't be marked on that county's map. Drop **county** or pick a kommun in ${lan.name}.`,
				),
				{ indikator: indicator.id, län: lan.id, markera: highlight.id },
			);
		}
	}

	const members = membersOf(ds, lan);
	const where = lan ? { sv: `i ${lan.name}`, en: `in ${lan.name}` } : { sv: 'i landet', en: 'in Sweden' };
	const years = mapYears(ds, indicator, gender, members);
	const year = yearOutcome.value ?? years.at(-1);
	const resolved = {
		indikator: indicator.id,
		län: lan?.id,
		markera: highlight?.id,
		år: year,
		...(gender === 'T' ? {} : { kön: gender }),
	};
	const values = year === undefined ? new Map<string, number>() : valuesOf(ds, indicator, year, gender, members);
	if (year === undefined || !enoughForMap(values.size, members.length)) {
		// The län that could be mapped instead: in the asked year, else in the indicator's latest year.
		const lanYear = year ?? ds.years(indicator.id).at(-1);
		const lans = {
			year: lanYear,
			areas: lanYear === undefined ? [] : lanWithValues(ds, indicator, lanYear, gender).filter((l) => l.id !== lan?.id),
		};
		return errorAnswer(
			command,
			'no_data',
			tooFewValues(ctx, indicator, where, year, values.size, members.length, years, lans),
			resolved,
		);
	}

	const categorical = isCategorical(indicator);
	const classification = categorical
		? classifyAnswers(ctx, indicator, values)
		: classifyNumbers(ctx, indicator, values);
	const nameOf = (id: string): string => ds.area(id)?.name ?? id;
	const sources = new Sources();
	for (const id of values.keys())
		sources.add(ds.value(indicator.id, id, year, gender, categorical ? 'answer' : 'value')?.provenance.attribution);
	sources.own(ctx);
	const riket = riketFigure(ds, indicator, year, gender);
	if (riket && !riket.own) sources.add(riket.attribution);
	const riketArea = ds.area('0000');
	const riketText =
		riket && riketArea
			? `${describeFigure(ctx, indicator, riketArea, riket.value)}${
					riket.own
						? tr(
								ctx,
								` (${categorical ? 'andel' : 'ovägt medel'} av ${riket.n ?? 0} kommuner, egen beräkning)`,
								` (${categorical ? 'share' : 'unweighted mean'} of ${riket.n ?? 0} kommuner, own calculation)`,
							)
						: ''
				}`
			: undefined;
	const highlightValue = highlight ? (values.get(highlight.id) ?? null) : null;
	const highlightText = highlight ? describeFigure(ctx, indicator, highlight, highlightValue) : undefined;
	const missing = members.length - values.size;
	const coverage = tr(
		ctx,
		`${categorical ? 'Svar från' : 'Värden för'} ${values.size} av ${members.length} kommuner${lan ? ` i ${lan.name}` : ''}`,
		`${categorical ? 'Answers from' : 'Values for'} ${values.size} of ${members.length} kommuner${lan ? ` in ${lan.name}` : ''}`,
	);
	const unit = unitLabel(ctx, indicator, false);
	const chart: MapChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, {
			subtitle: `${coverage} · ${classification.method}`,
		}),
		kind: 'map',
		...(lan ? { lanId: lan.id } : {}),
		scheme: schemeFor(indicator),
		legendTitle: categorical ? tr(ctx, 'Svar', 'Answer') : unit,
		classes: classification.classes,
		areas: [...classification.classOf].map(([id, classIndex]) => ({ id, classIndex })),
		missingLabel: tr(ctx, `Uppgift saknas (${missing})`, `No value (${missing})`),
		...(highlight && highlightText
			? { highlight: { id: highlight.id, label: `${highlight.name}: ${highlightText}` } }
			: {}),
		notes: [
			tr(ctx, 'Inom parentes: antal kommuner.', 'In brackets: number of kommuner.'),
			...(riketText ? [`Riket: ${riketText}`] : []),
			...(indicator.direction !== null && !categorical
				? [
						indicator.direction === 'higher'
							? tr(ctx, 'Blått är bättre (högre värde).', 'Blue is better (higher value).')
							: tr(ctx, 'Blått är bättre (lägre värde).', 'Blue is better (lower value).'),
					]
				: []),
		],
	};
	const fields: AnswerField[] = [];
	if (riketText) fields.push({ name: 'Riket', value: riketText, inline: true });
	if (highlight && highlightText) fields.push({ name: highlight.name, value: highlightText, inline: true });
	const notes: string[] = [
		tr(
			ctx,
			`${coverage} ${year}; ${missing === 0 ? 'alla har uppgift.' : `${missing} saknar uppgift och är grå och streckade.`}`,
			`${coverage} in ${year}; ${missing === 0 ? 'all have values.' : `${missing} have none and are grey and hatched.`}`,
		),
	];
	if (!categorical)
		notes.push(
			tr(
				ctx,
				'Kvantilklasser: kommunerna delas i lika stora grupper efter värde, så färgerna visar ordningen, inte avståndet mellan värdena.',
				'Quantile classes: the kommuner are split into equal-sized groups by value, so colours show order, not distance.',
			),
		);
	if (indicator.direction !== null && indicator.directionBasis) notes.push(indicator.directionBasis);
	const valueText = (id: string): string =>
		categorical ? answerLabel(indicator.scale, values.get(id) ?? null) : formatValue(indicator, values.get(id));
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
			`${coverage} ${year}, färgade efter ${classification.method}.`,
			`${coverage} in ${year}, coloured by ${classification.method}.`,
		),
		fields,
		table: {
			columns: [tr(ctx, 'Klass', 'Class'), tr(ctx, 'Kommuner', 'Kommuner')],
			rows: [
				...classification.classes.map((c) => [c.label.replace(/ \(\d+\)$/, ''), String(c.count)]),
				[tr(ctx, 'Uppgift saknas', 'No value'), String(missing)],
			],
			align: ['left', 'right'],
		},
		notes,
		sources: sources.list(),
		chart,
		...(parseFlag(query.csv)
			? {
					csv: toCsv(
						`karta-${indicator.id}-${year}${lan ? `-${lan.id}` : ''}.csv`,
						['kod', 'kommun', 'län', 'år', categorical ? 'svar' : 'värde', 'enhet', 'klass'],
						members.map((id) => {
							const cls = classification.classOf.get(id);
							return [
								id,
								nameOf(id),
								nameOf(ds.area(id)?.lanId ?? ''),
								year,
								categorical ? (values.has(id) ? valueText(id) : null) : (values.get(id) ?? null),
								categorical ? '' : indicator.unit,
								cls === undefined ? '' : (classification.classes[cls]?.label.replace(/ \(\d+\)$/, '') ?? ''),
							];
						}),
					),
				}
			: {}),
		resolved,
		data: {
			year,
			withData: values.size,
			of: members.length,
			limits: classification.limits,
			classes: classification.classes,
			riket: riket ?? null,
		},
	};
}
