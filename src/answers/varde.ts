/**
 * `/värde kommun indikator [år] [kön]`: one area's value with context — unit and year, Riket, the
 * län, the kommungrupp and the liknande kommuner, rank among kommuner, change since the previous
 * year with data, and a colour band by thirds of the ranking.
 *
 * Three stages: {@link readValueInput} reads the options, {@link computeValue} finds the numbers
 * and {@link presentValue} writes them as text, fields and a chart.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical, type Dataset, type Observation } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import {
	addFigureSource,
	chartBase,
	describeFigure,
	figureLine,
	figureNote,
	holdsAnswers,
	Sources,
	yearsFor,
	riketLine,
} from './common.js';
import { coverageOf, coverageText, defaultYear, type Coverage } from './coverage.js';
import { answerLabel, formatDifference, formatYears } from './format.js';
import { readInput, type RawOption } from './input.js';
import { nearestYear } from './options.js';
import { noDataChoices, noValuesError } from './nodata.js';
import { errorAnswer, type Outcome } from './resolve.js';
import {
	answerBand,
	bandOf,
	bestFirst,
	comparableWithKommun,
	kommunValues,
	meaningfulRank,
	rankOf,
	referencesFor,
	storedFigure,
	valuesOf,
	type FewReference,
	type Rank,
	type Reference,
} from './stats.js';
import type { Answer, AnswerField, Band, ErrorAnswer, OkAnswer } from './types.js';

/** Raw options of `/värde`. */
export interface ValueQuery {
	readonly area: string;
	readonly indicator: string;
	readonly year?: RawOption;
	readonly gender?: RawOption;
}

/** The options of `/värde`, resolved. */
export interface ValueInput {
	readonly area: Area;
	readonly indicator: Indicator;
	readonly gender: Gender;
	/** The year asked for; undefined for the latest year with data. */
	readonly year: number | undefined;
}

/** No figure for the area in the year asked (or in any year). */
export interface ValueGap {
	readonly kind: 'gap';
	/** The years the area has figures for (ascending). */
	readonly years: readonly number[];
	/** The year that has no figure (undefined when none was asked and there is none at all). */
	readonly wanted: number | undefined;
}

/** A rank among the areas of one type (kommuner or län) with data. */
export interface ValueRank extends Rank {
	readonly among: 'kommun' | 'lan';
}

/** Everything `/värde` shows, as numbers and areas. */
export interface ValueResult {
	readonly kind: 'value';
	readonly area: Area;
	readonly indicator: Indicator;
	readonly gender: Gender;
	readonly year: number;
	/** True when no year was asked and the latest year with data is shown. */
	readonly latest: boolean;
	readonly value: number;
	readonly observation: Observation;
	/** The default year of the indicator when it is newer than the latest year the area has. */
	readonly newerBroadYear: number | undefined;
	readonly coverage: Coverage;
	/** The figure of the previous year with data. */
	readonly previous: { readonly year: number; readonly value: number; readonly observation: Observation } | undefined;
	/** Value minus the previous figure (not for a kommun's survey answers). */
	readonly change: number | undefined;
	readonly rank: ValueRank | undefined;
	readonly band: Band | undefined;
	/** Kommuner with values when they are too few for a rank. */
	readonly tooFewToRank: number | undefined;
	readonly refs: readonly Reference[];
	readonly few: readonly FewReference[];
	readonly riket: Area | undefined;
	/** A kommun's survey answer: the liknande kommuner's answers (code, or undefined). */
	readonly peers: readonly { readonly id: string; readonly name: string; readonly value: number | undefined }[];
}

const BAND_TEXT: Record<Band, readonly [string, string]> = {
	green: ['🟢 Bland den bästa tredjedelen av kommunerna', '🟢 In the best third of kommuner'],
	yellow: ['🟡 I den mellersta tredjedelen', '🟡 In the middle third'],
	red: ['🔴 Bland den sämsta tredjedelen', '🔴 In the worst third'],
};

/** Builds the `/värde` answer. */
export function valueAnswer(ctx: AnswerContext, query: ValueQuery): Answer {
	const input = readValueInput(ctx, query);
	if (!input.ok) return input.error;
	const result = computeValue(ctx.dataset, input.value);
	return result.kind === 'gap' ? valueGapError(ctx, input.value, result) : presentValue(ctx, result);
}

/** Stage 1: reads the area, indicator, year and kön of `/värde`. */
export function readValueInput(ctx: AnswerContext, query: ValueQuery): Outcome<ValueInput> {
	const input = readInput(ctx, {
		command: 'värde',
		area: { option: 'kommun', input: query.area, scope: 'place' },
		indicator: query.indicator,
		years: { år: query.year },
		gender: query.gender,
	});
	if (!input.ok) return input;
	const { area, indicator, gender, years } = input.value;
	return { ok: true, value: { area, indicator, gender, year: years.år } };
}

/** Stage 2: the area's value and everything set against it, or the gap when it has none. */
export function computeValue(ds: Dataset, input: ValueInput): ValueResult | ValueGap {
	const { area, indicator, gender } = input;
	const years = yearsFor(ds, indicator, area, gender);
	const year = input.year ?? years[years.length - 1];
	if (year === undefined || !years.includes(year)) return { kind: 'gap', years, wanted: input.year };
	const observation = storedFigure(ds, indicator, area, year, gender);
	if (!observation || observation.value === null) return { kind: 'gap', years, wanted: year };
	const value = observation.value;
	const broad = input.year === undefined ? defaultYear(ds, indicator, gender) : undefined;
	const previousYear = years.filter((y) => y < year).at(-1);
	const stored = previousYear === undefined ? undefined : storedFigure(ds, indicator, area, previousYear, gender);
	const previous =
		stored?.value !== null && stored?.value !== undefined && previousYear !== undefined
			? { year: previousYear, value: stored.value, observation: stored }
			: undefined;
	const answers = isCategorical(indicator) && holdsAnswers(area);
	return {
		kind: 'value',
		area,
		indicator,
		gender,
		year,
		latest: input.year === undefined,
		value,
		observation,
		newerBroadYear: broad !== undefined && broad > year ? broad : undefined,
		coverage: coverageOf(ds, indicator, year, gender),
		previous,
		change: previous && !answers ? value - previous.value : undefined,
		...rankAndBand(ds, indicator, area, year, gender, value),
		...comparisons(ds, indicator, area, year, gender),
		riket: ds.area('0000'),
		peers: answers ? peerAnswers(ds, indicator, area, year, gender) : [],
	};
}

/** Rank among kommuner (with the colour band) or among län; a kommun's survey answer gets a band of its own. */
function rankAndBand(
	ds: Dataset,
	indicator: Indicator,
	area: Area,
	year: number,
	gender: Gender,
	value: number,
): Pick<ValueResult, 'rank' | 'band' | 'tooFewToRank'> {
	const categorical = isCategorical(indicator);
	if (area.type === 'kommun' && !categorical) {
		const all = kommunValues(ds, indicator, year, gender);
		const rank = meaningfulRank(all, area.id, bestFirst(indicator));
		return {
			rank: rank && { ...rank, among: 'kommun' },
			band: bandOf(indicator, rank),
			tooFewToRank: !rank && all.size > 0 ? all.size : undefined,
		};
	}
	if (area.type === 'lan' && !categorical) {
		const lans = ds.areasOfType('lan').map((a) => a.id);
		const all = valuesOf(ds, indicator, year, gender, lans);
		const rank = all.size >= 3 ? rankOf(all, area.id, bestFirst(indicator)) : undefined;
		return { rank: rank && { ...rank, among: 'lan' }, band: undefined, tooFewToRank: undefined };
	}
	const band = categorical && holdsAnswers(area) ? answerBand(indicator, value) : undefined;
	return { rank: undefined, band, tooFewToRank: undefined };
}

/** The comparison figures, by the one aggregation rule; for a län or stadsdel its parent's and Riket's published figures. */
function comparisons(
	ds: Dataset,
	indicator: Indicator,
	area: Area,
	year: number,
	gender: Gender,
): Pick<ValueResult, 'refs' | 'few'> {
	if (area.type === 'kommun') return referencesFor(ds, indicator, area, year, gender);
	const riket = ds.area('0000');
	const refs: Reference[] = [];
	if (area.type === 'riket' || !riket) return { refs, few: [] };
	const parent = area.parentId === undefined ? undefined : ds.area(area.parentId);
	for (const [key, other] of [
		['kommun', parent],
		['riket', riket],
	] as const) {
		if (!other) continue;
		const obs = storedFigure(ds, indicator, other, year, gender);
		if (obs?.value !== null && obs?.value !== undefined) {
			refs.push({ key, label: other.name, value: obs.value, method: 'published', observation: obs });
		}
	}
	return { refs, few: [] };
}

/** The liknande kommuner's survey answers, for a kommun's answer chart. */
function peerAnswers(
	ds: Dataset,
	indicator: Indicator,
	area: Area,
	year: number,
	gender: Gender,
): ValueResult['peers'] {
	const peers = area.type === 'kommun' ? (ds.peersOf(area.id)?.members ?? []) : [];
	const answers = valuesOf(ds, indicator, year, gender, peers);
	return peers.map((id) => ({ id, name: ds.area(id)?.name ?? id, value: answers.get(id) }));
}

/**
 * Explains that an area has no figure for a year (or at all): the years the area does have, where
 * the indicator has values, and up to five choices that answer.
 */
function valueGapError(ctx: AnswerContext, input: ValueInput, gap: ValueGap): ErrorAnswer {
	const { indicator, area, gender } = input;
	const { years, wanted } = gap;
	const resolved = { kommun: area.id, indikator: indicator.id, kön: gender };
	const query = {
		indicator,
		area,
		gender,
		year: wanted,
		options: { area: 'kommun', year: 'år', indicator: 'indikator' },
	};
	if (years.length === 0) return noValuesError(ctx, 'värde', query, resolved);
	const candidates = noDataChoices(ctx, query);
	const nearest = nearestYear(years, wanted ?? years[years.length - 1] ?? 0) ?? 0;
	return errorAnswer(
		'värde',
		'no_data',
		tr(
			ctx,
			`Det finns inget värde för ${area.name} ${String(wanted)} för ”${indicator.shortTitle}”. Närmaste år med data: ${nearest} (${area.name} har värden för ${formatYears(years)}).`,
			`There is no value for ${area.name} in ${String(wanted)} for ”${indicator.shortTitle}”. Nearest year with data: ${nearest} (${area.name} has values for ${formatYears(years)}).`,
		),
		resolved,
		{ nearestYear: nearest, candidates },
	);
}

/** Stage 3: the value in words, its fields, notes, sources and chart. */
export function presentValue(ctx: AnswerContext, r: ValueResult): OkAnswer {
	const { area, indicator, gender, year } = r;
	const sources = valueSources(ctx, r);
	const figure = describeFigure(ctx, indicator, area, r.value);
	const riketRef = r.refs.find((ref) => ref.key === 'riket' && comparableWithKommun(indicator, ref));
	const riketText =
		riketRef && area.type !== 'riket' ? describeFigure(ctx, indicator, r.riket ?? area, riketRef.value) : undefined;
	const sex = gender === 'T' ? '' : ` (${gender === 'K' ? tr(ctx, 'kvinnor', 'women') : tr(ctx, 'män', 'men')})`;
	const chart = valueChart(ctx, r, sources);
	return {
		ok: true,
		command: 'värde',
		title: `${area.name}: ${indicator.shortTitle}`,
		summary: tr(
			ctx,
			`${area.name} ${year}: ${figure}${riketText ? ` (Riket: ${riketText})` : ''}.`,
			`${area.name} ${year}: ${figure}${riketText ? ` (Sweden: ${riketText})` : ''}.`,
		),
		fields: [
			{ name: `${tr(ctx, 'Värde', 'Value')} ${year}${sex}`, value: figure, inline: true },
			...valueFields(ctx, r),
		],
		notes: valueNotes(ctx, r),
		sources: sources.list(),
		...(r.band ? { band: r.band } : {}),
		...(chart ? { chart } : {}),
		resolved: { kommun: area.id, indikator: indicator.id, kön: gender, år: year },
		data: valueData(r),
	};
}

/** The sources in the order the figures are shown: the value, the previous year, the comparisons. */
function valueSources(ctx: AnswerContext, r: ValueResult): Sources {
	const sources = new Sources().add(r.observation.provenance.attribution);
	sources.add(r.previous?.observation.provenance.attribution);
	for (const ref of r.refs) addFigureSource(ctx, sources, ref);
	if (r.rank || r.band) sources.own(ctx);
	return sources;
}

function rankText(ctx: AnswerContext, indicator: Indicator, rank: ValueRank): string {
	const what =
		rank.among === 'kommun'
			? tr(ctx, 'kommuner med data', 'kommuner with data')
			: tr(ctx, 'län med data', 'counties with data');
	const shared = rank.tiedWith > 0 ? tr(ctx, ` (delad med ${rank.tiedWith})`, ` (shared with ${rank.tiedWith})`) : '';
	const order =
		indicator.direction === null ? tr(ctx, 'högst värde först', 'highest first') : tr(ctx, 'bäst först', 'best first');
	return tr(
		ctx,
		`Plats ${rank.place} av ${rank.of} ${what}${shared}, ${order}`,
		`Rank ${rank.place} of ${rank.of} ${what}${shared}, ${order}`,
	);
}

/** The fields after the value: the previous year, the rank, the comparisons and the colour. */
function valueFields(ctx: AnswerContext, r: ValueResult): AnswerField[] {
	const { indicator, previous } = r;
	const fields: AnswerField[] = [];
	if (previous && r.change === undefined) {
		fields.push({
			name: tr(ctx, `Svar ${previous.year}`, `Answer ${previous.year}`),
			value: answerLabel(indicator.scale, previous.value),
			inline: true,
		});
	} else if (previous && r.change !== undefined) {
		const unitText = isCategorical(indicator) ? { ...indicator, kind: 'percent' as const } : indicator;
		fields.push({
			name: tr(ctx, `Förändring sedan ${previous.year}`, `Change since ${previous.year}`),
			value: formatDifference(unitText, r.change, ctx.locale),
			inline: true,
		});
	}
	if (r.rank)
		fields.push({ name: tr(ctx, 'Placering', 'Rank'), value: rankText(ctx, indicator, r.rank), inline: false });
	const compared = [...r.refs, ...r.few];
	if (compared.length > 0) {
		fields.push({
			name: tr(ctx, 'Jämförelse', 'Comparison'),
			value: compared.map((c) => figureLine(ctx, indicator, c.label, c, r.year)).join('\n'),
			inline: false,
		});
	}
	if (r.band) {
		const [sv, en] = BAND_TEXT[r.band];
		fields.push({
			name: tr(ctx, 'Färg (egen beräkning)', 'Colour (own calculation)'),
			value: tr(ctx, sv, en),
			inline: false,
		});
	}
	return fields;
}

/** Which year is shown and how well it is covered, why there is no rank or colour, what a share means. */
function valueNotes(ctx: AnswerContext, r: ValueResult): string[] {
	const { area, indicator, year } = r;
	const notes: string[] = [];
	if (r.latest) {
		notes.push(
			tr(ctx, `Senaste året med data för ${area.name}: ${year}.`, `Latest year with data for ${area.name}: ${year}.`),
		);
	}
	if (r.newerBroadYear !== undefined) {
		notes.push(
			tr(
				ctx,
				`Det är äldre än ${r.newerBroadYear}, det senaste år då minst hälften av kommunerna har värden.`,
				`That is older than ${r.newerBroadYear}, the latest year in which at least half of the kommuner have values.`,
			),
		);
	}
	if (r.coverage.n > 0) notes.push(coverageText(ctx, r.coverage));
	const few = r.tooFewToRank;
	if (few !== undefined) {
		notes.push(
			tr(
				ctx,
				`Bara ${few} ${few === 1 ? 'kommun har' : 'kommuner har'} värden ${year} – för få för en placering.`,
				`Only ${few} kommuner have values in ${year} – too few to rank.`,
			),
		);
	}
	if (r.band && indicator.directionBasis) notes.push(indicator.directionBasis);
	if (!r.band && indicator.direction === null && area.type === 'kommun') {
		notes.push(
			tr(
				ctx,
				'Ingen färgmarkering: indikatorn har ingen angiven önskad riktning.',
				'No colour: the indicator has no stated desired direction.',
			),
		);
	}
	if (isCategorical(indicator) && !holdsAnswers(area)) {
		notes.push(
			tr(
				ctx,
				'Andelen avser kommuner (och stadsdelar) som svarat i enkäten.',
				'The share refers to kommuner (and districts) that answered the survey.',
			),
		);
	}
	return notes;
}

/** The numbers shown, for `--json`. */
function valueData(r: ValueResult): Record<string, unknown> {
	const { area, indicator } = r;
	return {
		area: { id: area.id, name: area.name, type: area.type },
		indicator: { id: indicator.id, unit: indicator.unit, kind: indicator.kind },
		year: r.year,
		gender: r.gender,
		value: r.value,
		answer: isCategorical(indicator) && holdsAnswers(area) ? answerLabel(indicator.scale, r.value) : null,
		previous: r.previous ? { year: r.previous.year, value: r.previous.value } : null,
		change: r.change ?? null,
		rank: r.rank ? { place: r.rank.place, of: r.rank.of, tiedWith: r.rank.tiedWith } : null,
		band: r.band ?? null,
		references: r.refs.map((ref) => ({
			key: ref.key,
			label: ref.label,
			value: ref.value,
			method: ref.method,
			n: ref.n ?? null,
			of: ref.of ?? null,
		})),
		source: r.observation.provenance.attribution,
	};
}

/** A kommun's survey answer among its liknande kommuner's, or the value beside its comparisons. */
function valueChart(ctx: AnswerContext, r: ValueResult, sources: Sources): ChartSpec | undefined {
	const { area, indicator, year } = r;
	const areaLabel = ctx.search.areaLabel(area);
	if (isCategorical(indicator)) {
		const scale = indicator.scale;
		if (!holdsAnswers(area) || !scale) return undefined;
		const categories = scale.map((s, rank) => ({ label: s.label, rank }));
		const toCategory = (code: number | undefined): { label: string; rank: number } | null => {
			const index = scale.findIndex((s) => s.code === code);
			return index < 0 ? null : (categories[index] ?? null);
		};
		return {
			...chartBase(ctx, indicator, String(year), sources, {
				subtitle: tr(ctx, `${areaLabel} och liknande kommuner`, `${areaLabel} and similar kommuner`),
			}),
			kind: 'categorical',
			variant: 'areas',
			categories,
			rows: [
				{ label: area.name, answer: toCategory(r.value), role: 'focus' as const },
				...r.peers.map((p) => ({ label: p.name, answer: toCategory(p.value), role: 'other' as const })),
			],
		};
	}
	const riket = r.refs.find((ref) => ref.key === 'riket');
	const comparable = r.refs.filter((ref) => ref.key !== 'riket' && comparableWithKommun(indicator, ref));
	return {
		...chartBase(ctx, indicator, String(year), sources, { subtitle: areaLabel }),
		kind: 'bar',
		orientation: 'vertical',
		bars: [
			{ label: area.name, value: r.value, role: 'focus' as const },
			...comparable.map((ref) => {
				const note = figureNote(ctx, ref);
				return { label: ref.label, value: ref.value, role: 'reference' as const, ...(note ? { note } : {}) };
			}),
		],
		...riketLine(ctx, indicator, riket),
	};
}
