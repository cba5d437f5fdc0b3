/**
 * `/grupper indikator [år] [indelning]`: an indicator by SKR kommungrupp, size class or län — the
 * share of kommuner answering yes for survey questions, the unweighted mean and median for numbers,
 * with n per group. Where a published figure exists for a group and year (Öppna jämförelser 2020,
 * Tabell 1–3), the published figure is shown as published, exactly.
 */
import type { ChartSpec } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Grouping, GroupingFamily, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { addFigureSource, chartBase, figureNote, Sources, riketLine } from './common.js';
import { toCsv } from './csv.js';
import { coverageOf, coverageText, defaultYear, type Coverage } from './coverage.js';
import { formatShare, formatValue, valueHeader } from './format.js';
import { readInput } from './input.js';
import { yearChoices } from './nodata.js';
import { nearestYear, parseFlag } from './options.js';
import { errorAnswer, fail, type Outcome } from './resolve.js';
import {
	answerShares,
	enoughFor,
	groupFigure,
	median,
	riketFigure,
	valuesOf,
	figureClass,
	MIN_MEMBERS,
	type FewValues,
	type GroupFigure,
	type Method,
} from './stats.js';
import { clip } from '../text.js';
import type { Answer, AnswerField, AnswerTable, CsvAttachment, ErrorAnswer, OkAnswer } from './types.js';

/** Raw options of `/grupper`. */
export interface GroupsQuery {
	readonly indicator: string;
	readonly year?: string | number | boolean | undefined;
	readonly division?: string | undefined;
	readonly csv?: string | number | boolean | undefined;
}

// A Map, not an object: user text like "constructor" must not reach Object.prototype.
const DIVISIONS = new Map<string, GroupingFamily>([
	['kommungrupp', 'kommungrupp'],
	['kommungrupper', 'kommungrupp'],
	['skr', 'kommungrupp'],
	['storlek', 'storlek'],
	['storleksklass', 'storlek'],
	['size', 'storlek'],
	['län', 'lan'],
	['lan', 'lan'],
	['county', 'lan'],
]);

/** The grouping the bot computes with, per family (members known). */
const COMPUTED: Record<Exclude<GroupingFamily, 'liknande'>, string> = {
	kommungrupp: 'kommungrupp2023',
	storlek: 'storleksklass',
	lan: 'lan',
};

/** One group's figure by the aggregation rule, with n and the own median where it may be shown. */
export interface OwnGroupRow {
	readonly id: string;
	readonly name: string;
	readonly members: number;
	readonly n: number;
	/** The group's figure (published, sum, mean, share) or the few values there are. */
	readonly figure: GroupFigure | FewValues | undefined;
	/** The figure's value, or null when there is none to show. */
	readonly value: number | null;
	readonly median: number | null;
	readonly counts: readonly number[];
}

/** One group's published figure. */
export interface PublishedRow {
	readonly id: string;
	readonly name: string;
	readonly value: number;
	readonly source: string;
	readonly title: string;
}

/** Each group's figure for one indicator and year, by the one aggregation rule. */
export function ownGroupRows(ds: Dataset, indicator: Indicator, grouping: Grouping, year: number): OwnGroupRow[] {
	return grouping.groups.map((g) => {
		const values = [...valuesOf(ds, indicator, year, 'T', g.members).values()];
		const area = g.areaId ?? g.lanId;
		const figure = groupFigure(
			ds,
			indicator,
			{ area: area === undefined ? undefined : ds.area(area), members: g.members },
			year,
			'T',
		);
		const shown = figure && figure.method !== 'few' ? figure : undefined;
		return {
			id: g.id,
			name: g.code && grouping.family === 'kommungrupp' ? `${g.code} ${g.name}` : g.name,
			members: g.members.length,
			n: values.length,
			figure,
			value: shown?.value ?? null,
			median: isCategorical(indicator) || !enoughFor(values.length, g.members.length) ? null : median(values),
			counts: isCategorical(indicator) ? answerShares(indicator, values).counts : [],
		};
	});
}

/** Published figures for the groups of a family in one year (from groupings without member lists). */
export function publishedRows(ds: Dataset, indicator: Indicator, family: GroupingFamily, year: number): PublishedRow[] {
	const measure = isCategorical(indicator) ? 'share' : 'value';
	const rows: PublishedRow[] = [];
	for (const grouping of ds.groupings) {
		if (grouping.family !== family || grouping.hasMembers) continue;
		for (const g of grouping.groups) {
			if (g.areaId === undefined) continue;
			const obs = ds.value(indicator.id, g.areaId, year, 'T', measure);
			if (obs?.value === null || obs?.value === undefined) continue;
			rows.push({
				id: g.areaId,
				name: g.code && family === 'kommungrupp' ? `${g.code}. ${g.name}` : g.name,
				value: obs.value,
				source: obs.provenance.attribution,
				title: obs.provenance.title,
			});
		}
	}
	return rows;
}

function yearsWithFigures(ds: Dataset, indicator: Indicator, family: GroupingFamily, grouping: Grouping): number[] {
	return ds.years(indicator.id).filter((y) => {
		if (publishedRows(ds, indicator, family, y).length > 0) return true;
		return grouping.groups.some((g) => valuesOf(ds, indicator, y, 'T', g.members).size > 0);
	});
}

const CSV_METHOD: Record<Method | 'few', string> = {
	published: 'publicerat',
	sum: 'summa (egen beräkning)',
	mean: 'medel (egen beräkning)',
	meanPerKommun: 'medel per kommun (egen beräkning)',
	share: 'andel (egen beräkning)',
	few: 'för få värden',
};

/** The resolved options of `/grupper`. */
export interface GroupsInput {
	readonly indicator: Indicator;
	/** The year asked for; without one, the indicator's default year. */
	readonly year: number | undefined;
	readonly family: Exclude<GroupingFamily, 'liknande'>;
	/** The grouping with member lists the bot computes with. */
	readonly grouping: Grouping;
}

/** Every group's figure in one year: published where there are any, the bot's own, and Riket. */
export interface GroupFigures {
	readonly ok: true;
	readonly year: number;
	readonly own: readonly OwnGroupRow[];
	readonly published: readonly PublishedRow[];
	readonly riket: GroupFigure | undefined;
	readonly coverage: Coverage;
}

/** No group figures and no Riket in the year: the years that have figures. */
export interface GroupsShortfall {
	readonly ok: false;
	readonly year: number | undefined;
	/** Years that have group figures (oldest first). */
	readonly years: readonly number[];
}

const command = 'grupper';

/** The first stage of `/grupper`: indicator, year and the division into groups. */
function readGroupsInput(ctx: AnswerContext, query: GroupsQuery): Outcome<GroupsInput> {
	const input = readInput(ctx, {
		command,
		indicator: query.indicator,
		years: { år: query.year },
		yearRanksIndicator: false,
	});
	if (!input.ok) return input;
	const division = query.division?.trim();
	const family = division ? DIVISIONS.get(division.toLocaleLowerCase('sv')) : 'kommungrupp';
	if (!family || family === 'liknande') {
		return fail(
			ctx,
			command,
			'invalid_option',
			'**indelning** kan vara kommungrupp, storlek eller län.',
			'**division** can be kommungrupp, storlek or län.',
		);
	}
	const grouping = ctx.dataset.grouping(COMPUTED[family]);
	if (!grouping)
		return fail(
			ctx,
			command,
			'internal',
			'Indelningen saknas i datasetet.',
			'The division is missing from the dataset.',
		);
	return { ok: true, value: { indicator: input.value.indicator, year: input.value.years.år, family, grouping } };
}

/**
 * The second stage of `/grupper`: each group's figure in the asked (else the default) year — the
 * published figures, the bot's own by the aggregation rule — and Riket; or the years that have any.
 */
export function computeGroups(ds: Dataset, input: GroupsInput): GroupFigures | GroupsShortfall {
	const { indicator, family, grouping } = input;
	const years = yearsWithFigures(ds, indicator, family, grouping);
	const year = input.year ?? defaultYear(ds, indicator, 'T') ?? years.at(-1);
	const riket = year === undefined ? undefined : riketFigure(ds, indicator, year, 'T');
	if (year === undefined || (!years.includes(year) && !riket)) {
		return { ok: false, year, years };
	}
	return {
		ok: true,
		year,
		own: ownGroupRows(ds, indicator, grouping, year),
		published: publishedRows(ds, indicator, family, year),
		riket,
		coverage: coverageOf(ds, indicator, year, 'T'),
	};
}

/** Builds the `/grupper` answer. */
export function groupsAnswer(ctx: AnswerContext, query: GroupsQuery): Answer {
	const input = readGroupsInput(ctx, query);
	if (!input.ok) return input.error;
	const figures = computeGroups(ctx.dataset, input.value);
	if (!figures.ok) return noFiguresError(ctx, input.value, figures);
	return presentGroups(ctx, input.value, figures, parseFlag(query.csv));
}

function noFiguresError(ctx: AnswerContext, input: GroupsInput, shortfall: GroupsShortfall): ErrorAnswer {
	const { indicator, family } = input;
	const { year, years } = shortfall;
	const nearest = year === undefined ? undefined : nearestYear(years, year);
	return errorAnswer(
		command,
		'no_data',
		years.length === 0
			? tr(
					ctx,
					`Det finns inga gruppvärden för ”${indicator.shortTitle}” i datasetet.`,
					`There are no group figures for ”${indicator.shortTitle}” in the dataset.`,
				)
			: tr(
					ctx,
					`Inga värden för ”${indicator.shortTitle}” ${String(year)}. Närmaste år med data: ${String(nearest)}.`,
					`No figures for ”${indicator.shortTitle}” in ${String(year)}. Nearest year with data: ${String(nearest)}.`,
				),
		{ indikator: indicator.id, indelning: family },
		nearest === undefined || year === undefined
			? {}
			: { nearestYear: nearest, candidates: yearChoices(years, year, 'år', String) },
	);
}

/** What the published, own or Riket-only part of an answer shows. */
interface GroupsView {
	readonly fields: AnswerField[];
	readonly table?: AnswerTable;
	readonly notes: string[];
	readonly chart?: ChartSpec;
}

/** The third stage of `/grupper`: title, table, notes, the chart and the CSV. */
function presentGroups(ctx: AnswerContext, input: GroupsInput, figures: GroupFigures, wantsCsv: boolean): OkAnswer {
	const { indicator, family } = input;
	const { year, coverage } = figures;
	const sources = new Sources();
	for (const p of figures.published) sources.add(p.source);
	addFigureSource(ctx, sources, figures.riket);
	for (const r of figures.own)
		if (r.value !== null && r.figure?.method !== 'few') addFigureSource(ctx, sources, r.figure);
	const view =
		figures.published.length > 0
			? publishedView(ctx, input, figures, sources)
			: figures.own.some((r) => r.n > 0)
				? ownView(ctx, input, figures, sources)
				: riketView(ctx, input, figures);
	return {
		ok: true,
		command,
		title: tr(
			ctx,
			`${indicator.shortTitle} ${year} per ${family === 'lan' ? 'län' : family === 'storlek' ? 'kommunstorlek' : 'kommungrupp'}`,
			`${indicator.shortTitle} ${year} by ${family === 'lan' ? 'county' : family === 'storlek' ? 'size' : 'kommungrupp'}`,
		),
		fields: view.fields,
		...(view.table ? { table: view.table } : {}),
		notes: [...(coverage.n > 0 ? [coverageText(ctx, coverage)] : []), ...view.notes],
		sources: sources.list(),
		...(view.chart ? { chart: view.chart } : {}),
		...(wantsCsv ? { csv: groupsCsv(input, figures) } : {}),
		resolved: { indikator: indicator.id, indelning: family, år: year },
		data: {
			year,
			family,
			grouping: input.grouping.id,
			published: figures.published,
			own: figures.own,
			riket: figures.riket ?? null,
		},
	};
}

/** A group's figure as the table writes it: "42 %", "1 057 kr/inv (medel av 20 av 27)", "för få värden". */
function figureText(ctx: AnswerContext, indicator: Indicator, figure: GroupFigure | FewValues | undefined): string {
	if (!figure) return '—';
	if (figure.method === 'few') return tr(ctx, 'för få värden', 'too few values');
	const value = isCategorical(indicator) ? formatShare(figure.value) : formatValue(indicator, figure.value);
	const note =
		figureNote(ctx, figure) ??
		(figureClass(indicator) === 'total' ? tr(ctx, 'totalt, publicerat', 'total, published') : undefined);
	return note ? `${value} (${note})` : value;
}

/** Published figures: a table and chart of them, and the own figures as a field beside. */
function publishedView(ctx: AnswerContext, input: GroupsInput, figures: GroupFigures, sources: Sources): GroupsView {
	const { indicator, grouping } = input;
	const { published, riket, year } = figures;
	const categorical = isCategorical(indicator);
	const ownWithData = figures.own.filter((r) => r.value !== null);
	const publishedTitle = published[0]?.title ?? '';
	const publishedGrouping = ctx.dataset.area(published[0]?.id ?? '')?.note ?? '';
	const notes = [
		tr(
			ctx,
			`Publicerade siffror: ${publishedTitle}. Andel kommuner och stadsdelar, procent – visade exakt som publicerade.`,
			`Published figures: ${publishedTitle}. Share of kommuner and districts, percent – shown exactly as published.`,
		),
	];
	const fields: AnswerField[] = [];
	if (ownWithData.length > 0) {
		fields.push({
			name: tr(ctx, `Egen beräkning (${grouping.title})`, `Own calculation (${grouping.title})`),
			value: clip(ownWithData.map((r) => `${r.name}: ${figureText(ctx, indicator, r.figure)}`).join('\n'), 1024),
		});
	} else {
		notes.push(
			tr(
				ctx,
				'Kommunvisa svar för året finns inte i datasetet, så boten kan inte räkna egna gruppvärden – de publicerade siffrorna visas.',
				'Per-kommun answers for the year are not in the dataset, so the bot cannot compute its own group figures – the published ones are shown.',
			),
		);
	}
	const table: AnswerTable = {
		columns: [
			tr(ctx, 'Grupp', 'Group'),
			tr(ctx, categorical ? 'Publicerat (%)' : 'Publicerat', categorical ? 'Published (%)' : 'Published'),
		],
		rows: [
			...published.map((p) => [p.name, categorical ? formatShare(p.value) : formatValue(indicator, p.value)]),
			...(riket ? [['Riket', figureText(ctx, indicator, riket)]] : []),
		],
		align: ['left', 'right'],
	};
	const chart: ChartSpec = {
		...chartBase(ctx, indicator, String(year), sources, {
			subtitle: tr(ctx, `Publicerade siffror · ${publishedGrouping}`, `Published figures · ${publishedGrouping}`),
			shares: categorical,
		}),
		kind: 'bar',
		orientation: 'horizontal',
		bars: published.map((p) => ({ label: p.name, value: p.value, role: 'other' as const })),
		...riketLine(ctx, indicator, riket),
	};
	return { fields, table, notes, chart };
}

/** The bot's own group figures: shares of answers, or published/mean and median with n. */
function ownView(ctx: AnswerContext, input: GroupsInput, figures: GroupFigures, sources: Sources): GroupsView {
	const { indicator } = input;
	const { own, riket } = figures;
	const first = indicator.scale?.[0]?.label ?? 'Ja';
	const riketText = figureText(ctx, indicator, riket);
	const text = (r: OwnGroupRow): string => figureText(ctx, indicator, r.figure);
	const chart = own.some((r) => r.value !== null) ? ownChart(ctx, input, figures, sources) : undefined;
	if (isCategorical(indicator)) {
		const note = tr(
			ctx,
			`Andel kommuner som svarat ”${first}”, av dem som svarat (n). Egen beräkning.`,
			`Share of kommuner answering ”${first}” among those answering (n). Own calculation.`,
		);
		const table: AnswerTable = {
			columns: [tr(ctx, 'Grupp', 'Group'), 'n', tr(ctx, `Andel ${first}`, `Share ${first}`)],
			rows: [...own.map((r) => [r.name, `${r.n}/${r.members}`, text(r)]), ...(riket ? [['Riket', '', riketText]] : [])],
			align: ['left', 'right', 'right'],
		};
		return { fields: [], table, notes: [note], ...(chart ? { chart } : {}) };
	}
	const note = tr(
		ctx,
		`Publicerad siffra för gruppen där en finns; annars ovägt medel och median av kommunerna med data, bara när minst ${MIN_MEMBERS} och minst hälften av gruppens kommuner har värden (n av antal i gruppen). Egen beräkning.`,
		`A published figure for the group where there is one; else the unweighted mean and median of kommuner with data, only when at least ${MIN_MEMBERS} and at least half of the group have values (n of group size). Own calculation.`,
	);
	const table: AnswerTable = {
		columns: [tr(ctx, 'Grupp', 'Group'), 'n', tr(ctx, 'Värde', 'Value'), 'Median'],
		rows: [
			...own.map((r) => [r.name, `${r.n}/${r.members}`, text(r), formatValue(indicator, r.median)]),
			...(riket ? [['Riket', '', riketText, '']] : []),
		],
		align: ['left', 'right', 'right', 'right'],
	};
	return { fields: [], table, notes: [note], ...(chart ? { chart } : {}) };
}

/**
 * The chart of own group figures. Totals and means per kommun are not drawn side by side: the chart
 * draws the totals when there are any, else the means per kommun; the table writes both, each labelled.
 */
function ownChart(ctx: AnswerContext, input: GroupsInput, figures: GroupFigures, sources: Sources): ChartSpec {
	const { indicator, grouping } = input;
	const { own, year } = figures;
	if (isCategorical(indicator)) {
		return {
			...chartBase(ctx, indicator, String(year), sources, { subtitle: grouping.title, shares: true }),
			kind: 'categorical',
			variant: 'shares',
			categories: (indicator.scale ?? []).map((s, rank) => ({ label: s.label, rank })),
			groups: own.map((r) => ({ label: r.name, n: r.members, counts: r.counts })),
		};
	}
	const anyTotal = own.some((r) => r.figure?.method === 'published' || r.figure?.method === 'sum');
	const drawn = (r: OwnGroupRow): number | null =>
		figureClass(indicator) === 'total' && (r.figure?.method === 'meanPerKommun') === anyTotal ? null : r.value;
	return {
		...chartBase(ctx, indicator, String(year), sources, { subtitle: grouping.title }),
		kind: 'bar',
		orientation: 'horizontal',
		bars: own.map((r) => {
			const note = r.figure && r.figure.method !== 'few' ? figureNote(ctx, r.figure) : undefined;
			const value = drawn(r);
			return { label: r.name, value, role: 'other' as const, ...(value === null ? {} : note ? { note } : {}) };
		}),
		...riketLine(ctx, indicator, figures.riket),
	};
}

/** No group figures in the year, only Riket. */
function riketView(ctx: AnswerContext, input: GroupsInput, figures: GroupFigures): GroupsView {
	const { indicator } = input;
	const first = indicator.scale?.[0]?.label ?? 'Ja';
	const riketText = figureText(ctx, indicator, figures.riket);
	return {
		fields: [
			{
				name: 'Riket',
				value: isCategorical(indicator)
					? `${riketText} ${tr(ctx, `svarade ”${first}”`, `answered ”${first}”`)}`
					: riketText,
			},
		],
		notes: [
			tr(
				ctx,
				`Det finns inga gruppvärden för ${figures.year} – bara riket. Publicerade gruppsiffror finns för andra år eller indelningar: prova /indikator för att se vilka år som har data.`,
				`There are no group figures for ${figures.year} – only Sweden. Try /indikator to see which years have data.`,
			),
		],
	};
}

/** One row per published figure, per own group figure and for Riket, each with how it was arrived at. */
function groupsCsv(input: GroupsInput, figures: GroupFigures): CsvAttachment {
	const { indicator } = input;
	const { year, riket } = figures;
	const categorical = isCategorical(indicator);
	const own = 'ÖJ-botens egen beräkning';
	return toCsv(
		`grupper-${indicator.id}-${year}.csv`,
		[
			'typ',
			'grupp',
			'år',
			'n',
			'antal_i_gruppen',
			categorical ? 'andel (%)' : valueHeader(indicator),
			categorical ? 'median' : valueHeader(indicator, 'median'),
			'källa',
		],
		[
			...figures.published.map((p) => ['publicerat', p.name, year, null, null, p.value, null, p.source]),
			...figures.own.map((r) => [
				r.figure ? CSV_METHOD[r.figure.method] : 'inget värde',
				r.name,
				year,
				r.n,
				r.members,
				r.value,
				r.median,
				r.figure?.method === 'published' ? r.figure.observation?.provenance.attribution : own,
			]),
			...(riket
				? [
						[
							CSV_METHOD[riket.method],
							'Riket',
							year,
							riket.n ?? null,
							riket.of ?? null,
							riket.value,
							null,
							riket.observation?.provenance.attribution ?? own,
						],
					]
				: []),
		],
	);
}
