/**
 * Chart spec fixtures shared by the chart tests and the chart benchmark: each builder fills in the
 * title, unit, format and source of one chart as the bot draws it, and takes the data.
 */
import type {
	AnswerCategory,
	BarChartSpec,
	BarItem,
	ChartSpec,
	CategoricalAreasSpec,
	CategoricalRow,
	CategoricalSharesSpec,
	LineChartSpec,
	LineSeries,
	ProfileChartSpec,
	ProfileRow,
	ShareGroup,
} from '../../src/charts/spec.js';

/** The source line of charts with figures computed by the bot. */
export const SOURCE = 'Källa: Kolada · Medelvärden: ÖJ-botens egen beräkning';

/** The answers Ja, Delvis and Nej, best first. */
export const JA_DELVIS_NEJ: readonly AnswerCategory[] = [
	{ label: 'Ja', rank: 0 },
	{ label: 'Delvis', rank: 1 },
	{ label: 'Nej', rank: 2 },
];

/** Vertical bars of a share (long-term assistance, 2023) for Håbo and similar kommuner, with Riket as a line. */
export function shareBars(bars: readonly BarItem[], extra: Partial<BarChartSpec> = {}): BarChartSpec {
	return {
		kind: 'bar',
		orientation: 'vertical',
		title: 'Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2023',
		subtitle: 'Håbo jämfört med liknande kommuner',
		unit: '%',
		format: { style: 'percent', decimals: 1 },
		source: SOURCE,
		bars,
		referenceLines: [{ label: 'Riket', value: 1.8 }],
		...extra,
	};
}

/** A horizontal top list of kronor per invånare in 2023. */
export function kronorTopList(bars: readonly BarItem[], extra: Partial<BarChartSpec> = {}): BarChartSpec {
	return {
		kind: 'bar',
		orientation: 'horizontal',
		title: 'Utbetalt ekonomiskt bistånd per invånare, kronor · 2023',
		unit: 'kr',
		format: { style: 'unit', decimals: 0, unit: 'kr' },
		source: 'Källa: Kolada',
		bars,
		...extra,
	};
}

/** A trend of the long-term assistance share over `years`. */
export function shareTrend(years: readonly number[], series: readonly LineSeries[]): LineChartSpec {
	return {
		kind: 'line',
		title: `Vuxna med långvarigt ekonomiskt bistånd, andel (%) · ${years[0]}–${years.at(-1)}`,
		unit: '%',
		format: { style: 'percent', decimals: 1 },
		source: SOURCE,
		years,
		series,
	};
}

const SURVEY = {
	title: 'Rutin för att upptäcka våld i nära relationer · 2023',
	source: 'Källa: Socialstyrelsen, Öppna jämförelser',
} as const;

/** Answers per area to the survey question on violence in close relationships. */
export function surveyAreas(
	rows: readonly CategoricalRow[],
	categories: readonly AnswerCategory[] = JA_DELVIS_NEJ,
): CategoricalAreasSpec {
	return {
		kind: 'categorical',
		variant: 'areas',
		...SURVEY,
		unit: '',
		format: { style: 'number', decimals: 0 },
		categories,
		rows,
	};
}

/** Shares of answers per kommun group to the survey question on violence in close relationships. */
export function surveyShares(
	groups: readonly ShareGroup[],
	categories: readonly AnswerCategory[] = JA_DELVIS_NEJ,
): CategoricalSharesSpec {
	return {
		kind: 'categorical',
		variant: 'shares',
		...SURVEY,
		unit: '%',
		format: { style: 'percent', decimals: 0 },
		categories,
		groups,
	};
}

/** Håbo's profile against Riket in 2023. */
export function haboProfile(rows: readonly ProfileRow[]): ProfileChartSpec {
	return {
		kind: 'profile',
		title: 'Håbo jämfört med riket · 2023',
		unit: '%',
		format: { style: 'percent', decimals: 0 },
		source: SOURCE,
		rows,
	};
}

/** Small examples of every chart kind, each with the cases its tests look at (gaps, notes, long names). */
export const EXAMPLES = {
	bar: shareBars([
		{ label: 'Östra Göinge', value: 2.6, role: 'other' },
		{ label: 'Upplands Väsby', value: 1.9, role: 'other' },
		{ label: 'Riket', value: 1.8, role: 'reference' },
		{ label: 'Håbo', value: 1.4, role: 'focus' },
		{ label: 'Malung-Sälen', value: null, role: 'other', note: 'saknas' },
	]),
	topList: kronorTopList(
		Array.from({ length: 15 }, (_, i) => ({
			label: i === 4 ? 'Landsbygdskommuner med besöksnäring i norra och västra delarna av Sverige' : `Kommun ${i}`,
			value: 4321 - i * 170,
			role: i === 2 ? ('focus' as const) : ('other' as const),
		})),
	),
	line: shareTrend(
		[2019, 2020, 2021, 2022, 2023],
		[
			{ label: 'Håbo', role: 'focus', values: [1.8, null, 2.1, null, 1.4] },
			{ label: 'Riket', role: 'reference', values: [2.1, 2.2, 2.3, 2.0, 1.8] },
			{ label: 'Habo', role: 'other', values: [0.9, 1.0, null, 0.8, null] },
		],
	),
	areas: surveyAreas(
		[
			{ label: 'Håbo', answer: { label: 'Ja', rank: 0 }, role: 'focus' },
			{ label: 'Habo', answer: { label: 'Nej', rank: 2 }, role: 'other' },
			{ label: 'Ånge', answer: null, role: 'other' },
			{ label: 'Aneby', answer: { label: 'Delvis', rank: 1 }, role: 'other' },
		],
		// Not in rank order: the chart orders the columns.
		[
			{ label: 'Nej', rank: 2 },
			{ label: 'Ja', rank: 0 },
			{ label: 'Delvis', rank: 1 },
		],
	),
	shares: surveyShares(
		[
			{ label: 'Storstäder', n: 3, counts: [3, 0] },
			{ label: 'Pendlingskommun nära storstad', n: 49, counts: [30, 15], role: 'focus' },
		],
		[
			{ label: 'Ja', rank: 0 },
			{ label: 'Nej', rank: 1 },
		],
	),
	profile: haboProfile([
		{ kind: 'numeric', label: 'Långvarigt bistånd', diff: -12, assessment: 'good' },
		{ kind: 'numeric', label: 'Utbetalt per invånare', diff: 340, assessment: 'bad' },
		{ kind: 'numeric', label: 'Unga vuxna', diff: 20, assessment: 'neutral' },
		{ kind: 'numeric', label: 'Hushåll', diff: null, assessment: 'neutral' },
		{ kind: 'answer', label: 'Rutin för samverkan', answer: 'Ja', assessment: 'good' },
	]),
} as const satisfies Record<string, ChartSpec>;
