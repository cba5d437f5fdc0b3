/**
 * `/profil kommun [år]`: where an area stands on every indicator with data — survey answers as
 * Ja/Nej ticks, numbers as the difference from Riket, judged good or bad by the indicator's
 * desired direction (neutral when there is none).
 */
import type { ProfileRow } from '../charts/spec.js';
import { isCategorical } from '../dataset/dataset.js';
import type { Indicator } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';
import { figureNote, holdsAnswers, Sources, yearsFor } from './common.js';
import { answerLabel, formatValue } from './format.js';
import { parseYear } from './options.js';
import { areaChoices } from './nodata.js';
import { errorAnswer, resolveArea } from './resolve.js';
import { isOwn, riketFigure, sizeIndependent, storedFigure } from './stats.js';
import { coverageOf } from './coverage.js';
import { clip } from '../text.js';
import type { Answer } from './types.js';
import { formatDecimal, NBSP } from '../charts/format.js';

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
	/** How Riket's figure was arrived at, when it is the bot's own ("medel av 200 av 290"). */
	readonly riketNote?: string;
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

/** Builds the `/profil` answer. */
export function profileAnswer(ctx: AnswerContext, query: ProfileQuery): Answer {
	const command = 'profil';
	const { dataset: ds } = ctx;
	const areaOutcome = resolveArea(ctx, command, 'kommun', query.area, 'place');
	if (!areaOutcome.ok) return areaOutcome.error;
	const area = areaOutcome.value;
	if (!holdsAnswers(area)) {
		return errorAnswer(
			command,
			'invalid_option',
			tr(
				ctx,
				`Profilen jämför en kommun eller stadsdel med riket. För ${area.name}, använd /värde eller /grupper.`,
				`The profile compares a kommun or district with Sweden. For ${area.name}, use /värde or /grupper.`,
			),
			{ kommun: area.id },
		);
	}
	const yearOutcome = parseYear(ctx, command, 'år', query.year);
	if (!yearOutcome.ok) return yearOutcome.error;
	const wanted = yearOutcome.value;
	const resolved = { kommun: area.id, år: wanted };

	const entries: ProfileEntry[] = [];
	const sources = new Sources();
	let ownRiket = false;
	for (const id of ds.indicatorsFor(area.id)) {
		const indicator = ds.indicator(id);
		if (!indicator) continue;
		const years = yearsFor(ds, indicator, area, 'T');
		const year = wanted === undefined ? years.at(-1) : years.includes(wanted) ? wanted : undefined;
		if (year === undefined) continue;
		const obs = storedFigure(ds, indicator, area, year, 'T');
		if (!obs || obs.value === null) continue;
		if (isCategorical(indicator)) {
			sources.add(obs.provenance.attribution);
			entries.push({
				indicator,
				year,
				value: obs.value,
				riket: null,
				diff: null,
				assessment: assessAnswer(indicator, obs.value),
			});
			continue;
		}
		sources.add(obs.provenance.attribution);
		const riket = sizeIndependent(indicator) ? riketFigure(ds, indicator, year, 'T') : undefined;
		if (riket && isOwn(riket)) ownRiket = true;
		else sources.add(riket?.observation?.provenance.attribution);
		const diff = riket && riket.value !== 0 ? ((obs.value - riket.value) / Math.abs(riket.value)) * 100 : null;
		entries.push({
			indicator,
			year,
			value: obs.value,
			riket: riket?.value ?? null,
			...(riket && isOwn(riket) ? { riketNote: figureNote(ctx, riket) ?? '' } : {}),
			diff,
			assessment: assessDiff(indicator, diff),
		});
	}
	if (entries.length === 0) {
		const candidates = areaChoices(ctx, area, wanted, { area: 'kommun', year: 'år' });
		return errorAnswer(
			command,
			'no_data',
			wanted === undefined
				? tr(
						ctx,
						`Det inlästa datasetet har inga värden för ${area.name} – /om visar vad det täcker.`,
						`The loaded dataset has no values for ${area.name} – /om shows what it covers.`,
					)
				: tr(
						ctx,
						`Datasetet har inga värden för ${area.name} ${wanted}. Prova utan år för senaste data.`,
						`The dataset has no values for ${area.name} in ${wanted}. Try without a year for the latest data.`,
					),
			resolved,
			{ candidates },
		);
	}
	if (ownRiket || entries.some((e) => e.diff !== null || isCategorical(e.indicator))) sources.own(ctx);

	// Survey answers first (quality work), then numbers; within each, by id for a stable order.
	entries.sort(
		(a, b) =>
			Number(isCategorical(b.indicator)) - Number(isCategorical(a.indicator)) ||
			a.indicator.id.localeCompare(b.indicator.id),
	);
	const shown = entries.slice(0, MAX_PROFILE_ROWS);
	const answers = entries.filter((e) => isCategorical(e.indicator));
	const numbers = entries.filter((e) => !isCategorical(e.indicator));
	const compared = numbers.filter((e) => e.diff !== null);
	const count = (list: readonly ProfileEntry[], a: ProfileEntry['assessment']): number =>
		list.filter((e) => e.assessment === a).length;
	const firstAnswerCount = answers.filter((e) => e.indicator.scale?.[0]?.code === e.value).length;
	const yearsUsed = [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b);

	const summaryParts = [
		tr(
			ctx,
			`${area.name}: ${entries.length} indikatorer med data`,
			`${area.name}: ${entries.length} indicators with data`,
		),
		...(compared.length > 0
			? [
					tr(
						ctx,
						`jämfört med riket ${count(compared, 'good')} bättre, ${count(compared, 'bad')} sämre och ${count(compared, 'neutral')} utan tydlig skillnad eller riktning`,
						`compared with Sweden ${count(compared, 'good')} better, ${count(compared, 'bad')} worse and ${count(compared, 'neutral')} without a clear difference or direction`,
					),
				]
			: []),
		...(numbers.length > compared.length
			? [
					tr(
						ctx,
						`${numbers.length - compared.length} utan jämförelse med riket`,
						`${numbers.length - compared.length} without a comparison with Sweden`,
					),
				]
			: []),
		...(answers.length > 0
			? [
					tr(
						ctx,
						`i enkäten önskat svar på ${firstAnswerCount} av ${answers.length} frågor`,
						`desired answer on ${firstAnswerCount} of ${answers.length} survey questions`,
					),
				]
			: []),
	];
	const coverageCell = (e: ProfileEntry): string => {
		const c = coverageOf(ds, e.indicator, e.year, 'T');
		return `${c.n}/${c.of}`;
	};
	const diffText = (e: ProfileEntry): string =>
		e.diff === null ? '—' : `${formatDecimal(e.diff, 0, { signed: true })}${NBSP}%`;
	const mark = { good: '✓', bad: '✗', neutral: '·' } as const;
	// The chart draws exactly the rows the table writes: a number without a Riket comparison is
	// written where its bar would be, with the reason.
	const noComparison = (e: ProfileEntry): string =>
		`${formatValue(e.indicator, e.value)} (${
			sizeIndependent(e.indicator)
				? tr(ctx, 'inget riksvärde', 'no national figure')
				: e.indicator.kind === 'count'
					? tr(ctx, 'antal, jämförs ej med riket', 'count, not compared with Sweden')
					: tr(ctx, 'summa, jämförs ej med riket', 'total, not compared with Sweden')
		})`;
	const rows: ProfileRow[] = shown.map((e) =>
		isCategorical(e.indicator)
			? {
					kind: 'answer' as const,
					label: e.indicator.shortTitle,
					answer: answerLabel(e.indicator.scale, e.value),
					assessment: e.assessment,
				}
			: {
					kind: 'numeric' as const,
					label: e.indicator.shortTitle,
					diff: e.diff,
					assessment: e.assessment,
					...(e.diff === null ? { text: noComparison(e) } : {}),
				},
	);
	const subtitleParts = [
		...(numbers.some((e) => e.diff !== null) ? [tr(ctx, 'Skillnad mot riket (%)', 'Difference from Sweden (%)')] : []),
		...(numbers.some((e) => e.diff === null)
			? [tr(ctx, 'värden utan riksjämförelse', 'values without a national comparison')]
			: []),
		...(answers.length > 0 ? [tr(ctx, 'svar i kommunenkäten', 'survey answers')] : []),
	];
	const notes = [
		tr(
			ctx,
			`Skillnad = hur mycket över (+) eller under (−) riket kommunens värde ligger, i procent av riksvärdet. ✓ bättre, ✗ sämre enligt indikatorns önskade riktning, · ingen riktning eller under ${NEUTRAL_BAND} %.`,
			`Difference = how far above (+) or below (−) Sweden the value is, in percent of Sweden's value. ✓ better, ✗ worse by the indicator's desired direction, · no direction or under ${NEUTRAL_BAND} %.`,
		),
	];
	notes.push(
		tr(
			ctx,
			'Kommuner = hur många av landets kommuner som har värden för indikatorn det året.',
			'Kommuner = how many of the kommuner have values for the indicator that year.',
		),
	);
	const ownRiketNotes = [...new Set(shown.flatMap((e) => (e.riketNote ? [e.riketNote] : [])))];
	if (ownRiketNotes.length > 0) {
		notes.push(
			tr(
				ctx,
				`* Riket är bottens eget ovägda medel av kommunerna (${ownRiketNotes.join('; ')}).`,
				`* Sweden is the bot's own unweighted mean of the kommuner (${ownRiketNotes.join('; ')}).`,
			),
		);
	}
	if (entries.length > shown.length) {
		notes.push(
			tr(
				ctx,
				`Visar ${shown.length} av ${entries.length} indikatorer.`,
				`Showing ${shown.length} of ${entries.length} indicators.`,
			),
		);
	}
	const yearText = yearsUsed.length === 1 ? String(yearsUsed[0]) : `${yearsUsed[0] ?? ''}–${yearsUsed.at(-1) ?? ''}`;
	return {
		ok: true,
		command,
		title: tr(ctx, `Profil: ${area.name}`, `Profile: ${area.name}`),
		summary: `${summaryParts.join('; ')}.`,
		fields: [],
		table: {
			columns: [
				tr(ctx, 'Indikator', 'Indicator'),
				tr(ctx, 'År', 'Year'),
				tr(ctx, 'Värde', 'Value'),
				tr(ctx, 'Riket', 'Sweden'),
				tr(ctx, 'Skillnad', 'Diff'),
				'',
				tr(ctx, 'Kommuner', 'Kommuner'),
			],
			rows: shown.map((e) => [
				clip(e.indicator.shortTitle, 40),
				String(e.year),
				isCategorical(e.indicator) ? answerLabel(e.indicator.scale, e.value) : formatValue(e.indicator, e.value),
				e.riket === null ? '' : `${formatValue(e.indicator, e.riket)}${e.riketNote ? '*' : ''}`,
				isCategorical(e.indicator) ? '' : diffText(e),
				mark[e.assessment],
				coverageCell(e),
			]),
			align: ['left', 'right', 'right', 'right', 'right', 'left', 'right'],
		},
		notes,
		sources: sources.list(),
		chart: {
			title: tr(ctx, `Profil: ${area.name} · ${yearText}`, `Profile: ${area.name} · ${yearText}`),
			subtitle: subtitleParts.join(tr(ctx, ' · ', ' · ')),
			unit: '%',
			format: { style: 'percent', decimals: 0 },
			source: sources.footer(),
			kind: 'profile',
			rows,
		},
		resolved: { kommun: area.id, år: wanted ?? yearsUsed.at(-1) },
		data: {
			area: { id: area.id, name: area.name },
			years: yearsUsed,
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
