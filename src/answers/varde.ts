/**
 * `/värde kommun indikator [år] [kön]`: one area's value with context — unit and year, Riket, the
 * län, the kommungrupp and the liknande kommuner, rank among kommuner, change since the previous
 * year with data, and a colour band by thirds of the ranking.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical } from '../dataset/dataset.js';
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
import { coverageOf, coverageText, defaultYear } from './coverage.js';
import { answerLabel, formatDifference, formatYears } from './format.js';
import { readInput } from './input.js';
import { nearestYear } from './options.js';
import { noDataChoices, whereValuesAre } from './nodata.js';
import { errorAnswer } from './resolve.js';
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
	type Rank,
	type Reference,
} from './stats.js';
import type { Answer, AnswerField, Band, ErrorAnswer } from './types.js';

/** Raw options of `/värde`. */
export interface ValueQuery {
	readonly area: string;
	readonly indicator: string;
	readonly year?: string | number | boolean | undefined;
	readonly gender?: string | number | boolean | undefined;
}

const BAND_TEXT: Record<Band, readonly [string, string]> = {
	green: ['🟢 Bland den bästa tredjedelen av kommunerna', '🟢 In the best third of kommuner'],
	yellow: ['🟡 I den mellersta tredjedelen', '🟡 In the middle third'],
	red: ['🔴 Bland den sämsta tredjedelen', '🔴 In the worst third'],
};

/**
 * Explains that an area has no figure for a year (or at all): the years the area does have, where
 * the indicator has values, and up to five choices that answer.
 */
export function noDataError(
	ctx: AnswerContext,
	command: string,
	indicator: Indicator,
	area: Area,
	years: readonly number[],
	wanted: number | undefined,
	resolved: Record<string, string | number | undefined>,
	gender: Gender = 'T',
): ErrorAnswer {
	const candidates = noDataChoices(ctx, {
		indicator,
		area,
		gender,
		year: wanted,
		options: { area: 'kommun', year: 'år', indicator: 'indikator' },
	});
	const where = whereValuesAre(ctx, indicator, area);
	if (years.length === 0) {
		return errorAnswer(
			command,
			'no_data',
			tr(
				ctx,
				`Det finns inga värden för ${area.name} för ”${indicator.shortTitle}”. ${where}`,
				`There are no values for ${area.name} for ”${indicator.shortTitle}”. ${where}`,
			),
			resolved,
			{ candidates },
		);
	}
	const nearest = nearestYear(years, wanted ?? years[years.length - 1] ?? 0) ?? 0;
	return errorAnswer(
		command,
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

function rankText(ctx: AnswerContext, indicator: Indicator, rank: Rank, what: string): string {
	const shared = rank.tiedWith > 0 ? tr(ctx, ` (delad med ${rank.tiedWith})`, ` (shared with ${rank.tiedWith})`) : '';
	const order =
		indicator.direction === null ? tr(ctx, 'högst värde först', 'highest first') : tr(ctx, 'bäst först', 'best first');
	return tr(
		ctx,
		`Plats ${rank.place} av ${rank.of} ${what}${shared}, ${order}`,
		`Rank ${rank.place} of ${rank.of} ${what}${shared}, ${order}`,
	);
}

/** Builds the `/värde` answer. */
export function valueAnswer(ctx: AnswerContext, query: ValueQuery): Answer {
	const command = 'värde';
	const { dataset: ds } = ctx;
	const input = readInput(ctx, {
		command,
		area: { option: 'kommun', input: query.area, scope: 'place' },
		indicator: query.indicator,
		years: { år: query.year },
		gender: query.gender,
	});
	if (!input.ok) return input.error;
	const { area, indicator, gender } = input.value;
	const asked = input.value.years.år;
	const resolved = { kommun: area.id, indikator: indicator.id, kön: gender };

	const years = yearsFor(ds, indicator, area, gender);
	const year = asked ?? years[years.length - 1];
	if (year === undefined || !years.includes(year)) {
		return noDataError(ctx, command, indicator, area, years, asked, resolved, gender);
	}
	const observation = storedFigure(ds, indicator, area, year, gender);
	if (!observation || observation.value === null)
		return noDataError(ctx, command, indicator, area, years, year, resolved, gender);
	const value = observation.value;
	const categorical = isCategorical(indicator);
	const sources = new Sources().add(observation.provenance.attribution);
	const notes: string[] = [];
	const fields: AnswerField[] = [];
	if (asked === undefined) {
		notes.push(
			tr(ctx, `Senaste året med data för ${area.name}: ${year}.`, `Latest year with data for ${area.name}: ${year}.`),
		);
		const broad = defaultYear(ds, indicator, gender);
		if (broad !== undefined && broad > year) {
			notes.push(
				tr(
					ctx,
					`Det är äldre än ${broad}, det senaste år då minst hälften av kommunerna har värden.`,
					`That is older than ${broad}, the latest year in which at least half of the kommuner have values.`,
				),
			);
		}
	}
	const coverage = coverageOf(ds, indicator, year, gender);
	if (coverage.n > 0) notes.push(coverageText(ctx, coverage));

	// Change since the previous year with data.
	const previousYear = years.filter((y) => y < year).at(-1);
	const previous = previousYear === undefined ? undefined : storedFigure(ds, indicator, area, previousYear, gender);
	let change: number | undefined;
	if (previous?.value !== null && previous?.value !== undefined && previousYear !== undefined) {
		if (categorical && holdsAnswers(area)) {
			fields.push({
				name: tr(ctx, `Svar ${previousYear}`, `Answer ${previousYear}`),
				value: answerLabel(indicator.scale, previous.value),
				inline: true,
			});
		} else {
			change = value - previous.value;
			const unitText = categorical ? { ...indicator, kind: 'percent' as const } : indicator;
			fields.push({
				name: tr(ctx, `Förändring sedan ${previousYear}`, `Change since ${previousYear}`),
				value: formatDifference(unitText, change, ctx.locale),
				inline: true,
			});
		}
		sources.add(previous.provenance.attribution);
	}

	// Rank among areas of the same type, and the colour band for kommuner.
	let rank: Rank | undefined;
	let band: Band | undefined;
	if (area.type === 'kommun' && !categorical) {
		const all = kommunValues(ds, indicator, year, gender);
		rank = meaningfulRank(all, area.id, bestFirst(indicator));
		band = bandOf(indicator, rank);
		if (!rank && all.size > 0) {
			notes.push(
				tr(
					ctx,
					`Bara ${all.size} ${all.size === 1 ? 'kommun har' : 'kommuner har'} värden ${year} – för få för en placering.`,
					`Only ${all.size} kommuner have values in ${year} – too few to rank.`,
				),
			);
		}
		if (rank)
			fields.push({
				name: tr(ctx, 'Placering', 'Rank'),
				value: rankText(ctx, indicator, rank, tr(ctx, 'kommuner med data', 'kommuner with data')),
				inline: false,
			});
	} else if (area.type === 'lan' && !categorical) {
		const all = valuesOf(
			ds,
			indicator,
			year,
			gender,
			ds.areasOfType('lan').map((a) => a.id),
		);
		rank = all.size >= 3 ? rankOf(all, area.id, bestFirst(indicator)) : undefined;
		if (rank)
			fields.push({
				name: tr(ctx, 'Placering', 'Rank'),
				value: rankText(ctx, indicator, rank, tr(ctx, 'län med data', 'counties with data')),
				inline: false,
			});
	} else if (categorical && holdsAnswers(area)) {
		band = answerBand(indicator, value);
	}

	// Comparisons, by the one aggregation rule.
	const riket = ds.area('0000');
	const { refs, few } =
		area.type === 'kommun' ? referencesFor(ds, indicator, area, year, gender) : { refs: [] as Reference[], few: [] };
	if (area.type !== 'kommun' && area.type !== 'riket' && riket) {
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
	}
	for (const ref of refs) addFigureSource(ctx, sources, ref);
	if (refs.length + few.length > 0) {
		fields.push({
			name: tr(ctx, 'Jämförelse', 'Comparison'),
			value: [...refs, ...few].map((r) => figureLine(ctx, indicator, r.label, r, year)).join('\n'),
			inline: false,
		});
	}
	if (rank || band) sources.own(ctx);
	if (band) {
		const [sv, en] = BAND_TEXT[band];
		fields.push({
			name: tr(ctx, 'Färg (egen beräkning)', 'Colour (own calculation)'),
			value: tr(ctx, sv, en),
			inline: false,
		});
		if (indicator.directionBasis) notes.push(indicator.directionBasis);
	} else if (indicator.direction === null && area.type === 'kommun') {
		notes.push(
			tr(
				ctx,
				'Ingen färgmarkering: indikatorn har ingen angiven önskad riktning.',
				'No colour: the indicator has no stated desired direction.',
			),
		);
	}
	if (categorical && !holdsAnswers(area)) {
		notes.push(
			tr(
				ctx,
				'Andelen avser kommuner (och stadsdelar) som svarat i enkäten.',
				'The share refers to kommuner (and districts) that answered the survey.',
			),
		);
	}

	const figure = describeFigure(ctx, indicator, area, value);
	const riketRef = refs.find((r) => r.key === 'riket' && comparableWithKommun(indicator, r));
	const summary = tr(
		ctx,
		`${area.name} ${year}: ${figure}${riketRef && area.type !== 'riket' ? ` (Riket: ${describeFigure(ctx, indicator, riket ?? area, riketRef.value)})` : ''}.`,
		`${area.name} ${year}: ${figure}${riketRef && area.type !== 'riket' ? ` (Sweden: ${describeFigure(ctx, indicator, riket ?? area, riketRef.value)})` : ''}.`,
	);
	fields.unshift({
		name: `${tr(ctx, 'Värde', 'Value')} ${year}${gender === 'T' ? '' : ` (${gender === 'K' ? tr(ctx, 'kvinnor', 'women') : tr(ctx, 'män', 'men')})`}`,
		value: figure,
		inline: true,
	});

	return {
		ok: true,
		command,
		title: `${area.name}: ${indicator.shortTitle}`,
		summary,
		fields,
		notes,
		sources: sources.list(),
		...(band ? { band } : {}),
		...(buildChart(ctx, indicator, area, year, gender, value, refs, sources) ?? {}),
		resolved: { ...resolved, år: year },
		data: {
			area: { id: area.id, name: area.name, type: area.type },
			indicator: { id: indicator.id, unit: indicator.unit, kind: indicator.kind },
			year,
			gender,
			value,
			answer: categorical && holdsAnswers(area) ? answerLabel(indicator.scale, value) : null,
			previous: previousYear === undefined || !previous ? null : { year: previousYear, value: previous.value },
			change: change ?? null,
			rank: rank ?? null,
			band: band ?? null,
			references: refs.map((r) => ({
				key: r.key,
				label: r.label,
				value: r.value,
				method: r.method,
				n: r.n ?? null,
				of: r.of ?? null,
			})),
			source: observation.provenance.attribution,
		},
	};
}

function buildChart(
	ctx: AnswerContext,
	indicator: Indicator,
	area: Area,
	year: number,
	gender: Gender,
	value: number,
	refs: readonly Reference[],
	sources: Sources,
): { chart: ChartSpec } | undefined {
	const { dataset: ds, search } = ctx;
	if (isCategorical(indicator)) {
		if (!holdsAnswers(area) || !indicator.scale) return undefined;
		const peers = area.type === 'kommun' ? (ds.peersOf(area.id)?.members ?? []) : [];
		const answers = valuesOf(ds, indicator, year, gender, peers);
		const categories = indicator.scale.map((s, rank) => ({ label: s.label, rank }));
		const toCategory = (code: number | undefined): { label: string; rank: number } | null => {
			const index = indicator.scale?.findIndex((s) => s.code === code) ?? -1;
			return index < 0 ? null : (categories[index] ?? null);
		};
		return {
			chart: {
				...chartBase(ctx, indicator, String(year), sources, {
					subtitle: tr(
						ctx,
						`${search.areaLabel(area)} och liknande kommuner`,
						`${search.areaLabel(area)} and similar kommuner`,
					),
				}),
				kind: 'categorical',
				variant: 'areas',
				categories,
				rows: [
					{ label: area.name, answer: toCategory(value), role: 'focus' as const },
					...peers.map((id) => ({
						label: ds.area(id)?.name ?? id,
						answer: toCategory(answers.get(id)),
						role: 'other' as const,
					})),
				],
			},
		};
	}
	const riket = refs.find((r) => r.key === 'riket');
	const comparable = refs.filter((r) => r.key !== 'riket' && comparableWithKommun(indicator, r));
	return {
		chart: {
			...chartBase(ctx, indicator, String(year), sources, { subtitle: search.areaLabel(area) }),
			kind: 'bar',
			orientation: 'vertical',
			bars: [
				{ label: area.name, value, role: 'focus' as const },
				...comparable.map((r) => {
					const note = figureNote(ctx, r);
					return { label: r.label, value: r.value, role: 'reference' as const, ...(note ? { note } : {}) };
				}),
			],
			...riketLine(ctx, indicator, riket),
		},
	};
}
