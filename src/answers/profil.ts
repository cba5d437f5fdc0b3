/**
 * `/profil kommun [år]`: where an area stands on every indicator with data — survey answers as
 * Ja/Nej ticks, numbers as the difference from Riket, judged good or bad by the indicator's
 * desired direction (neutral when there is none).
 */
import { formatDecimal, NBSP } from '../charts/format.js';
import type { ProfileRow } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { figureNote, holdsAnswers, Sources, yearsFor } from './common.js';
import { coverageOf } from './coverage.js';
import { answerLabel, formatValue } from './format.js';
import { parseYear } from './options.js';
import { areaChoices } from './nodata.js';
import { errorAnswer, resolveArea, type Outcome } from './resolve.js';
import { isOwn, riketFigure, sizeIndependent, storedFigure, type GroupFigure } from './stats.js';
import { clip } from '../text.js';
import type { Answer, AnswerTable, ErrorAnswer, OkAnswer } from './types.js';

/** Raw options of `/profil`. */
export interface ProfileQuery {
	readonly area: string;
	readonly year?: string | number | boolean | undefined;
}

/** At most this many rows in the image and table. */
export const MAX_PROFILE_ROWS = 40;

/** Differences smaller than this (percent of Riket) are judged neutral. */
const NEUTRAL_BAND = 2;

/** One indicator in a profile. */
export interface ProfileEntry {
	readonly indicator: Indicator;
	readonly year: number;
	readonly value: number;
	readonly riket: number | null;
	/** Riket's figure when it is the bot's own (a mean of the kommuner), to say how it was arrived at. */
	readonly ownRiket?: GroupFigure;
	/** Relative difference from Riket in percent, for numbers. */
	readonly diff: number | null;
	readonly assessment: 'good' | 'bad' | 'neutral';
}

/** Judges a relative difference by the indicator's direction. */
export function assessDiff(indicator: Indicator, diff: number | null): 'good' | 'bad' | 'neutral' {
	if (diff === null || indicator.direction === null || Math.abs(diff) < NEUTRAL_BAND) return 'neutral';
	const above = diff > 0;
	return above === (indicator.direction === 'higher') ? 'good' : 'bad';
}

/** Judges a survey answer: the desired answer is good, the last one bad. */
export function assessAnswer(indicator: Indicator, code: number): 'good' | 'bad' | 'neutral' {
	const scale = indicator.scale ?? [];
	const index = scale.findIndex((s) => s.code === code);
	if (indicator.direction === null || index < 0) return 'neutral';
	if (index === 0) return 'good';
	return index === scale.length - 1 ? 'bad' : 'neutral';
}

/** The resolved options of `/profil`. */
export interface ProfileInput {
	/** A kommun or stadsdel. */
	readonly area: Area;
	/** The year asked for; without one, each indicator's latest year with data. */
	readonly year: number | undefined;
}

/** How the entries of a profile come out, counted. */
export interface ProfileTally {
	/** Survey answers, and how many of them are the desired (first) answer. */
	readonly answers: number;
	readonly desired: number;
	/** Numbers, how many of them are compared with Riket, and how those are judged. */
	readonly numbers: number;
	readonly compared: number;
	readonly better: number;
	readonly worse: number;
	readonly even: number;
}

/** Every indicator with data for an area, judged, with the attribution of its figures. */
export interface Profile {
	/** Survey answers first, then numbers; within each, by indicator id. */
	readonly entries: readonly ProfileEntry[];
	/** The years the entries come from, ascending. */
	readonly years: readonly number[];
	readonly tally: ProfileTally;
	/** The attribution of the figures, each once, in the order first met. */
	readonly attributions: readonly string[];
	/** Whether anything shown is the bot's own (a Riket mean, a difference, a judged answer). */
	readonly own: boolean;
}

const command = 'profil';

/** The first stage of `/profil`: a kommun or stadsdel, and the year. */
function readProfileInput(ctx: AnswerContext, query: ProfileQuery): Outcome<ProfileInput> {
	const area = resolveArea(ctx, command, 'kommun', query.area, 'place');
	if (!area.ok) return area;
	if (!holdsAnswers(area.value)) {
		const { name, id } = area.value;
		const message = tr(
			ctx,
			`Profilen jämför en kommun eller stadsdel med riket. För ${name}, använd /värde eller /grupper.`,
			`The profile compares a kommun or district with Sweden. For ${name}, use /värde or /grupper.`,
		);
		return { ok: false, error: errorAnswer(command, 'invalid_option', message, { kommun: id }) };
	}
	const year = parseYear(ctx, command, 'år', query.year);
	if (!year.ok) return year;
	return { ok: true, value: { area: area.value, year: year.value } };
}

/** One indicator's entry (the asked year, else its latest) and the attribution of its figures. */
function entryFor(
	ds: Dataset,
	indicator: Indicator,
	input: ProfileInput,
): { readonly entry: ProfileEntry; readonly sources: readonly (string | undefined)[] } | undefined {
	const { area } = input;
	const years = yearsFor(ds, indicator, area, 'T');
	const year = input.year === undefined ? years.at(-1) : years.includes(input.year) ? input.year : undefined;
	if (year === undefined) return undefined;
	const obs = storedFigure(ds, indicator, area, year, 'T');
	if (!obs || obs.value === null) return undefined;
	const source = obs.provenance.attribution;
	if (isCategorical(indicator)) {
		const assessment = assessAnswer(indicator, obs.value);
		return { entry: { indicator, year, value: obs.value, riket: null, diff: null, assessment }, sources: [source] };
	}
	const riket = sizeIndependent(indicator) ? riketFigure(ds, indicator, year, 'T') : undefined;
	const own = riket && isOwn(riket) ? riket : undefined;
	const diff = riket && riket.value !== 0 ? ((obs.value - riket.value) / Math.abs(riket.value)) * 100 : null;
	return {
		entry: {
			indicator,
			year,
			value: obs.value,
			riket: riket?.value ?? null,
			...(own ? { ownRiket: own } : {}),
			diff,
			assessment: assessDiff(indicator, diff),
		},
		sources: [source, own ? undefined : riket?.observation?.provenance.attribution],
	};
}

/**
 * The second stage of `/profil`: every indicator with data for the area, survey answers judged by
 * the desired answer and numbers by their difference from Riket, sorted and counted.
 */
export function computeProfile(ds: Dataset, input: ProfileInput): Profile {
	const entries: ProfileEntry[] = [];
	const attributions = new Set<string>();
	for (const id of ds.indicatorsFor(input.area.id)) {
		const indicator = ds.indicator(id);
		const found = indicator && entryFor(ds, indicator, input);
		if (!found) continue;
		entries.push(found.entry);
		for (const line of found.sources) if (line) attributions.add(line);
	}
	// Survey answers first (quality work), then numbers; within each, by id for a stable order.
	entries.sort(
		(a, b) =>
			Number(isCategorical(b.indicator)) - Number(isCategorical(a.indicator)) ||
			a.indicator.id.localeCompare(b.indicator.id),
	);
	const answers = entries.filter((e) => isCategorical(e.indicator));
	const numbers = entries.filter((e) => !isCategorical(e.indicator));
	const compared = numbers.filter((e) => e.diff !== null);
	const count = (a: ProfileEntry['assessment']): number => compared.filter((e) => e.assessment === a).length;
	return {
		entries,
		years: [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b),
		tally: {
			answers: answers.length,
			desired: answers.filter((e) => e.indicator.scale?.[0]?.code === e.value).length,
			numbers: numbers.length,
			compared: compared.length,
			better: count('good'),
			worse: count('bad'),
			even: count('neutral'),
		},
		attributions: [...attributions],
		own: answers.length > 0 || compared.length > 0 || entries.some((e) => e.ownRiket),
	};
}

/** Builds the `/profil` answer. */
export function profileAnswer(ctx: AnswerContext, query: ProfileQuery): Answer {
	const input = readProfileInput(ctx, query);
	if (!input.ok) return input.error;
	const profile = computeProfile(ctx.dataset, input.value);
	if (profile.entries.length === 0) return noProfileError(ctx, input.value);
	return presentProfile(ctx, input.value, profile);
}

function noProfileError(ctx: AnswerContext, input: ProfileInput): ErrorAnswer {
	const { area, year } = input;
	const candidates = areaChoices(ctx, area, year, { area: 'kommun', year: 'år' });
	return errorAnswer(
		command,
		'no_data',
		year === undefined
			? tr(
					ctx,
					`Det inlästa datasetet har inga värden för ${area.name} – /om visar vad det täcker.`,
					`The loaded dataset has no values for ${area.name} – /om shows what it covers.`,
				)
			: tr(
					ctx,
					`Datasetet har inga värden för ${area.name} ${year}. Prova utan år för senaste data.`,
					`The dataset has no values for ${area.name} in ${year}. Try without a year for the latest data.`,
				),
		{ kommun: area.id, år: year },
		{ candidates },
	);
}

/** The third stage of `/profil`: summary, table, notes and the profile chart. */
function presentProfile(ctx: AnswerContext, input: ProfileInput, profile: Profile): OkAnswer {
	const { area } = input;
	const { entries, years } = profile;
	const sources = new Sources();
	for (const line of profile.attributions) sources.add(line);
	if (profile.own) sources.own(ctx);
	const shown = entries.slice(0, MAX_PROFILE_ROWS);
	const yearText = years.length === 1 ? String(years[0]) : `${years[0] ?? ''}–${years.at(-1) ?? ''}`;
	return {
		ok: true,
		command,
		title: tr(ctx, `Profil: ${area.name}`, `Profile: ${area.name}`),
		summary: profileSummary(ctx, area, profile),
		fields: [],
		table: profileTable(ctx, shown),
		notes: profileNotes(ctx, profile, shown),
		sources: sources.list(),
		chart: {
			title: tr(ctx, `Profil: ${area.name} · ${yearText}`, `Profile: ${area.name} · ${yearText}`),
			subtitle: profileSubtitle(ctx, profile.tally),
			unit: '%',
			format: { style: 'percent', decimals: 0 },
			source: sources.footer(),
			kind: 'profile',
			rows: shown.map((e) => profileRow(ctx, e)),
		},
		resolved: { kommun: area.id, år: input.year ?? years.at(-1) },
		data: {
			area: { id: area.id, name: area.name },
			years,
			entries: entries.map((e) => ({
				indicator: e.indicator.id,
				year: e.year,
				value: e.value,
				riket: e.riket,
				diff: e.diff,
				assessment: e.assessment,
			})),
		},
	};
}

function profileSummary(ctx: AnswerContext, area: Area, profile: Profile): string {
	const { answers, desired, numbers, compared, better, worse, even } = profile.tally;
	const parts = [
		tr(
			ctx,
			`${area.name}: ${profile.entries.length} indikatorer med data`,
			`${area.name}: ${profile.entries.length} indicators with data`,
		),
	];
	if (compared > 0)
		parts.push(
			tr(
				ctx,
				`jämfört med riket ${better} bättre, ${worse} sämre och ${even} utan tydlig skillnad eller riktning`,
				`compared with Sweden ${better} better, ${worse} worse and ${even} without a clear difference or direction`,
			),
		);
	if (numbers > compared)
		parts.push(
			tr(
				ctx,
				`${numbers - compared} utan jämförelse med riket`,
				`${numbers - compared} without a comparison with Sweden`,
			),
		);
	if (answers > 0)
		parts.push(
			tr(
				ctx,
				`i enkäten önskat svar på ${desired} av ${answers} frågor`,
				`desired answer on ${desired} of ${answers} survey questions`,
			),
		);
	return `${parts.join('; ')}.`;
}

const MARK = { good: '✓', bad: '✗', neutral: '·' } as const;

function profileTable(ctx: AnswerContext, shown: readonly ProfileEntry[]): AnswerTable {
	const coverageCell = (e: ProfileEntry): string => {
		const c = coverageOf(ctx.dataset, e.indicator, e.year, 'T');
		return `${c.n}/${c.of}`;
	};
	const diffText = (e: ProfileEntry): string =>
		e.diff === null ? '—' : `${formatDecimal(e.diff, 0, { signed: true })}${NBSP}%`;
	return {
		columns: [
			tr(ctx, 'Indikator', 'Indicator'),
			tr(ctx, 'År', 'Year'),
			tr(ctx, 'Värde', 'Value'),
			tr(ctx, 'Riket', 'Sweden'),
			tr(ctx, 'Skillnad', 'Diff'),
			'',
			'Kommuner',
		],
		rows: shown.map((e) => [
			clip(e.indicator.shortTitle, 40),
			String(e.year),
			isCategorical(e.indicator) ? answerLabel(e.indicator.scale, e.value) : formatValue(e.indicator, e.value),
			e.riket === null ? '' : `${formatValue(e.indicator, e.riket)}${e.ownRiket ? '*' : ''}`,
			isCategorical(e.indicator) ? '' : diffText(e),
			MARK[e.assessment],
			coverageCell(e),
		]),
		align: ['left', 'right', 'right', 'right', 'right', 'left', 'right'],
	};
}

/**
 * One row of the profile chart: exactly what the table writes. A number without a Riket
 * comparison is written where its bar would be, with the reason.
 */
function profileRow(ctx: AnswerContext, e: ProfileEntry): ProfileRow {
	if (isCategorical(e.indicator))
		return {
			kind: 'answer',
			label: e.indicator.shortTitle,
			answer: answerLabel(e.indicator.scale, e.value),
			assessment: e.assessment,
		};
	const reason = sizeIndependent(e.indicator)
		? tr(ctx, 'inget riksvärde', 'no national figure')
		: e.indicator.kind === 'count'
			? tr(ctx, 'antal, jämförs ej med riket', 'count, not compared with Sweden')
			: tr(ctx, 'summa, jämförs ej med riket', 'total, not compared with Sweden');
	return {
		kind: 'numeric',
		label: e.indicator.shortTitle,
		diff: e.diff,
		assessment: e.assessment,
		...(e.diff === null ? { text: `${formatValue(e.indicator, e.value)} (${reason})` } : {}),
	};
}

function profileSubtitle(ctx: AnswerContext, tally: ProfileTally): string {
	return [
		...(tally.compared > 0 ? [tr(ctx, 'Skillnad mot riket (%)', 'Difference from Sweden (%)')] : []),
		...(tally.numbers > tally.compared
			? [tr(ctx, 'värden utan riksjämförelse', 'values without a national comparison')]
			: []),
		...(tally.answers > 0 ? [tr(ctx, 'svar i kommunenkäten', 'survey answers')] : []),
	].join(' · ');
}

function profileNotes(ctx: AnswerContext, profile: Profile, shown: readonly ProfileEntry[]): string[] {
	const notes = [
		tr(
			ctx,
			`Skillnad = hur mycket över (+) eller under (−) riket kommunens värde ligger, i procent av riksvärdet. ✓ bättre, ✗ sämre enligt indikatorns önskade riktning, · ingen riktning eller under ${NEUTRAL_BAND} %.`,
			`Difference = how far above (+) or below (−) Sweden the value is, in percent of Sweden's value. ✓ better, ✗ worse by the indicator's desired direction, · no direction or under ${NEUTRAL_BAND} %.`,
		),
		tr(
			ctx,
			'Kommuner = hur många av landets kommuner som har värden för indikatorn det året.',
			'Kommuner = how many of the kommuner have values for the indicator that year.',
		),
	];
	const ownRiket = [...new Set(shown.flatMap((e) => (e.ownRiket ? [figureNote(ctx, e.ownRiket) ?? ''] : [])))];
	if (ownRiket.length > 0) {
		notes.push(
			tr(
				ctx,
				`* Riket är bottens eget ovägda medel av kommunerna (${ownRiket.join('; ')}).`,
				`* Sweden is the bot's own unweighted mean of the kommuner (${ownRiket.join('; ')}).`,
			),
		);
	}
	const all = profile.entries.length;
	if (all > shown.length)
		notes.push(
			tr(ctx, `Visar ${shown.length} av ${all} indikatorer.`, `Showing ${shown.length} of ${all} indicators.`),
		);
	return notes;
}
