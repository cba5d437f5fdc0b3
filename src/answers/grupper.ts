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
import { coverageOf, coverageText, defaultYear } from './coverage.js';
import { formatShare, formatValue, valueHeader } from './format.js';
import { nearestYear, parseFlag, parseYear } from './options.js';
import { errorAnswer, resolveIndicator } from './resolve.js';
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
import type { Answer, AnswerField } from './types.js';

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

function csvMethod(method: Method | 'few'): string {
	return CSV_METHOD[method];
}

/** Builds the `/grupper` answer. */
export function groupsAnswer(ctx: AnswerContext, query: GroupsQuery): Answer {
	const command = 'grupper';
	const { dataset: ds } = ctx;
	const indicatorOutcome = resolveIndicator(ctx, command, 'indikator', query.indicator);
	if (!indicatorOutcome.ok) return indicatorOutcome.error;
	const indicator = indicatorOutcome.value;
	const yearOutcome = parseYear(ctx, command, 'år', query.year);
	if (!yearOutcome.ok) return yearOutcome.error;
	const family = query.division?.trim() ? DIVISIONS.get(query.division.trim().toLocaleLowerCase('sv')) : 'kommungrupp';
	if (!family || family === 'liknande') {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				'**indelning** kan vara kommungrupp, storlek eller län.',
				'**division** can be kommungrupp, storlek or län.',
			),
		);
	}
	const grouping = ds.grouping(COMPUTED[family]);
	if (!grouping)
		return errorAnswer(
			command,
			'internal',
			tr(ctx, 'Indelningen saknas i datasetet.', 'The division is missing from the dataset.'),
		);
	const resolved = { indikator: indicator.id, indelning: family };
	const years = yearsWithFigures(ds, indicator, family, grouping);
	const year = yearOutcome.value ?? defaultYear(ds, indicator, 'T') ?? years.at(-1);
	const riket = year === undefined ? undefined : riketFigure(ds, indicator, year, 'T');
	if (year === undefined || (!years.includes(year) && !riket)) {
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
			resolved,
			nearest === undefined ? {} : { nearestYear: nearest },
		);
	}

	const categorical = isCategorical(indicator);
	const own = ownGroupRows(ds, indicator, grouping, year);
	const ownWithData = own.filter((r) => r.value !== null);
	const published = publishedRows(ds, indicator, family, year);
	const sources = new Sources();
	for (const p of published) sources.add(p.source);
	addFigureSource(ctx, sources, riket);
	for (const r of ownWithData) if (r.figure && r.figure.method !== 'few') addFigureSource(ctx, sources, r.figure);
	const figureText = (figure: GroupFigure | FewValues | undefined): string => {
		if (!figure) return '—';
		if (figure.method === 'few') return tr(ctx, 'för få värden', 'too few values');
		const value = categorical ? formatShare(figure.value) : formatValue(indicator, figure.value);
		const note =
			figureNote(ctx, figure) ??
			(figureClass(indicator) === 'total' ? tr(ctx, 'totalt, publicerat', 'total, published') : undefined);
		return note ? `${value} (${note})` : value;
	};
	const riketText = figureText(riket);
	// Totals and means per kommun are not drawn side by side: the chart draws the totals when there
	// are any, else the means per kommun; the table writes both, each labelled.
	const anyTotal = own.some((r) => r.figure?.method === 'published' || r.figure?.method === 'sum');
	const drawn = (r: OwnGroupRow): number | null =>
		figureClass(indicator) === 'total' && (r.figure?.method === 'meanPerKommun') === anyTotal ? null : r.value;
	const coverage = coverageOf(ds, indicator, year, 'T');
	const notes: string[] = coverage.n > 0 ? [coverageText(ctx, coverage)] : [];
	const fields: AnswerField[] = [];
	const title = tr(
		ctx,
		`${indicator.shortTitle} ${year} per ${family === 'lan' ? 'län' : family === 'storlek' ? 'kommunstorlek' : 'kommungrupp'}`,
		`${indicator.shortTitle} ${year} by ${family === 'lan' ? 'county' : family === 'storlek' ? 'size' : 'kommungrupp'}`,
	);

	let table;
	let chart: ChartSpec | undefined;
	if (published.length > 0) {
		const publishedTitle = published[0]?.title ?? '';
		const publishedGrouping = ds.area(published[0]?.id ?? '')?.note ?? '';
		notes.push(
			tr(
				ctx,
				`Publicerade siffror: ${publishedTitle}. Andel kommuner och stadsdelar, procent – visade exakt som publicerade.`,
				`Published figures: ${publishedTitle}. Share of kommuner and districts, percent – shown exactly as published.`,
			),
		);
		table = {
			columns: [
				tr(ctx, 'Grupp', 'Group'),
				tr(ctx, categorical ? 'Publicerat (%)' : 'Publicerat', categorical ? 'Published (%)' : 'Published'),
			],
			rows: [
				...published.map((p) => [p.name, categorical ? formatShare(p.value) : formatValue(indicator, p.value)]),
				...(riket ? [['Riket', riketText]] : []),
			],
			align: ['left', 'right'] as const,
		};
		chart = {
			...chartBase(ctx, indicator, String(year), sources, {
				subtitle: tr(ctx, `Publicerade siffror · ${publishedGrouping}`, `Published figures · ${publishedGrouping}`),
				shares: categorical,
			}),
			kind: 'bar',
			orientation: 'horizontal',
			bars: published.map((p) => ({ label: p.name, value: p.value, role: 'other' as const })),
			...riketLine(ctx, indicator, riket),
		};
		if (ownWithData.length > 0) {
			fields.push({
				name: tr(ctx, `Egen beräkning (${grouping.title})`, `Own calculation (${grouping.title})`),
				value: clip(ownWithData.map((r) => `${r.name}: ${figureText(r.figure)}`).join('\n'), 1024),
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
	} else if (own.some((r) => r.n > 0)) {
		notes.push(
			categorical
				? tr(
						ctx,
						`Andel kommuner som svarat ”${indicator.scale?.[0]?.label ?? 'Ja'}”, av dem som svarat (n). Egen beräkning.`,
						`Share of kommuner answering ”${indicator.scale?.[0]?.label ?? 'Ja'}” among those answering (n). Own calculation.`,
					)
				: tr(
						ctx,
						`Publicerad siffra för gruppen där en finns; annars ovägt medel och median av kommunerna med data, bara när minst ${MIN_MEMBERS} och minst hälften av gruppens kommuner har värden (n av antal i gruppen). Egen beräkning.`,
						`A published figure for the group where there is one; else the unweighted mean and median of kommuner with data, only when at least ${MIN_MEMBERS} and at least half of the group have values (n of group size). Own calculation.`,
					),
		);
		table = categorical
			? {
					columns: [
						tr(ctx, 'Grupp', 'Group'),
						'n',
						tr(ctx, `Andel ${indicator.scale?.[0]?.label ?? 'Ja'}`, `Share ${indicator.scale?.[0]?.label ?? 'Ja'}`),
					],
					rows: [
						...own.map((r) => [r.name, `${r.n}/${r.members}`, figureText(r.figure)]),
						...(riket ? [['Riket', '', riketText]] : []),
					],
					align: ['left', 'right', 'right'] as const,
				}
			: {
					columns: [tr(ctx, 'Grupp', 'Group'), 'n', tr(ctx, 'Värde', 'Value'), 'Median'],
					rows: [
						...own.map((r) => [r.name, `${r.n}/${r.members}`, figureText(r.figure), formatValue(indicator, r.median)]),
						...(riket ? [['Riket', '', riketText, '']] : []),
					],
					align: ['left', 'right', 'right', 'right'] as const,
				};
		chart =
			ownWithData.length === 0
				? undefined
				: categorical
					? {
							...chartBase(ctx, indicator, String(year), sources, { subtitle: grouping.title, shares: true }),
							kind: 'categorical',
							variant: 'shares',
							categories: (indicator.scale ?? []).map((s, rank) => ({ label: s.label, rank })),
							groups: own.map((r) => ({ label: r.name, n: r.members, counts: r.counts })),
						}
					: {
							...chartBase(ctx, indicator, String(year), sources, { subtitle: grouping.title }),
							kind: 'bar',
							orientation: 'horizontal',
							bars: own.map((r) => {
								const note = r.figure && r.figure.method !== 'few' ? figureNote(ctx, r.figure) : undefined;
								const value = drawn(r);
								return {
									label: r.name,
									value,
									role: 'other' as const,
									...(value === null ? {} : note ? { note } : {}),
								};
							}),
							...riketLine(ctx, indicator, riket),
						};
	} else {
		notes.push(
			tr(
				ctx,
				`Det finns inga gruppvärden för ${year} – bara riket. Publicerade gruppsiffror finns för andra år eller indelningar: prova /indikator för att se vilka år som har data.`,
				`There are no group figures for ${year} – only Sweden. Try /indikator to see which years have data.`,
			),
		);
		fields.push({
			name: 'Riket',
			value: categorical
				? `${riketText} ${tr(ctx, `svarade ”${indicator.scale?.[0]?.label ?? 'Ja'}”`, `answered ”${indicator.scale?.[0]?.label ?? 'Ja'}”`)}`
				: riketText,
		});
	}
	const wantsCsv = parseFlag(query.csv);
	return {
		ok: true,
		command,
		title,
		fields,
		...(table ? { table } : {}),
		notes,
		sources: sources.list(),
		...(chart ? { chart } : {}),
		...(wantsCsv
			? {
					csv: toCsv(
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
							...published.map((p) => ['publicerat', p.name, year, null, null, p.value, null, p.source]),
							...own.map((r) => [
								r.figure ? csvMethod(r.figure.method) : 'inget värde',
								r.name,
								year,
								r.n,
								r.members,
								r.value,
								r.median,
								r.figure?.method === 'published'
									? r.figure.observation?.provenance.attribution
									: 'ÖJ-botens egen beräkning',
							]),
							...(riket
								? [
										[
											csvMethod(riket.method),
											'Riket',
											year,
											riket.n ?? null,
											riket.of ?? null,
											riket.value,
											null,
											riket.observation?.provenance.attribution ?? 'ÖJ-botens egen beräkning',
										],
									]
								: []),
						],
					),
				}
			: {}),
		resolved: { ...resolved, år: year },
		data: { year, family, grouping: grouping.id, published, own, riket: riket ?? null },
	};
}
