/**
 * `/indikator indikator`: an indicator's definition, unit, kind, source, years with data and direction.
 *
 * Three stages: {@link readInput} resolves the indicator, {@link computeIndicator} finds its years,
 * Riket's latest figure and its Kolada status, and {@link presentIndicator} describes it.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Fact, Indicator } from '../dataset/schema.js';
import { clip } from '../text.js';
import { tr, type AnswerContext } from './context.js';
import { answerLabel, formatShare, formatValue, formatYears } from './format.js';
import { readInput } from './input.js';
import { whereValuesAre } from './nodata.js';
import { directionLabel, kindLabel, sourceLabel } from './labels.js';
import type { Answer, AnswerField, OkAnswer } from './types.js';
import { isCategorical } from '../dataset/dataset.js';

/** What `/indikator` says about an indicator beyond its definition. */
export interface IndicatorResult {
	readonly indicator: Indicator;
	/** Years with any value (ascending). */
	readonly years: readonly number[];
	/** Riket's figure in the latest year with any value. */
	readonly riket: { readonly year: number; readonly value: number } | undefined;
	/** True when Kolada announces a release today or later for an active indicator. */
	readonly releaseAhead: boolean;
	readonly facts: readonly Fact[];
	/** The attribution lines of Riket's figures in the last three years. */
	readonly attributions: readonly string[];
}

/** Describes one indicator. */
export function indicatorAnswer(ctx: AnswerContext, text: string): Answer {
	const input = readInput(ctx, { command: 'indikator', indicator: text });
	if (!input.ok) return input.error;
	return presentIndicator(ctx, computeIndicator(ctx.dataset, input.value.indicator, ctx.today));
}

/** Stage 2: the indicator's years, Riket's latest figure, whether a release is ahead, and its facts. */
export function computeIndicator(ds: Dataset, indicator: Indicator, today: Date): IndicatorResult {
	const years = ds.years(indicator.id);
	const riketArea = ds.area('0000');
	const riketIn = (year: number) =>
		riketArea ? ds.value(indicator.id, riketArea.id, year, 'T', ds.defaultMeasure(indicator, riketArea)) : undefined;
	const latest = years.at(-1);
	const obs = latest === undefined ? undefined : riketIn(latest);
	const k = indicator.kolada;
	const todayIso = today.toISOString().slice(0, 10);
	const attributions = new Set<string>();
	for (const year of years.slice(-3)) {
		const figure = riketIn(year);
		if (figure) attributions.add(figure.provenance.attribution);
	}
	return {
		indicator,
		years,
		riket: latest !== undefined && obs && obs.value !== null ? { year: latest, value: obs.value } : undefined,
		releaseAhead: k?.status === 'active' && !!k.publicationDate && k.publicationDate >= todayIso,
		facts: ds.factsFor(indicator.id),
		attributions: [...attributions],
	};
}

/** Stage 3: the indicator's definition and status as fields, its producer and how survey answers count as notes. */
export function presentIndicator(ctx: AnswerContext, r: IndicatorResult): OkAnswer {
	const { indicator, years } = r;
	const sources = new Set<string>();
	if (indicator.kolada) sources.add('Källa: Kolada');
	for (const line of r.attributions) sources.add(line);
	const notes: string[] = [];
	if (indicator.producer)
		notes.push(tr(ctx, `Ursprunglig producent: ${indicator.producer}.`, `Original producer: ${indicator.producer}.`));
	if (isCategorical(indicator)) {
		notes.push(
			tr(
				ctx,
				'Kommunens svar visas som Ja/Nej; för län, grupper och riket visas andelen kommuner som svarat ja – svaren medelvärdesberäknas aldrig som tal.',
				'A kommun’s answer is shown as yes/no; for län, groups and Sweden the share of kommuner answering yes is shown – answers are never averaged as numbers.',
			),
		);
	}
	return {
		ok: true,
		command: 'indikator',
		title: clip(indicator.title, 256),
		summary: clip(indicator.description || indicator.title, 1500),
		fields: [...definitionFields(ctx, r), ...statusFields(ctx, r)],
		notes,
		sources: [...sources],
		resolved: { indikator: indicator.id },
		data: {
			id: indicator.id,
			title: indicator.title,
			shortTitle: indicator.shortTitle,
			kind: indicator.kind,
			unit: indicator.unit,
			source: indicator.source,
			direction: indicator.direction,
			scale: indicator.scale ?? null,
			genderSplit: indicator.genderSplit,
			years,
			kolada: indicator.kolada ?? null,
		},
	};
}

/** Id, kind, unit, source, direction, answers, split by kön and the years with data. */
function definitionFields(ctx: AnswerContext, r: IndicatorResult): AnswerField[] {
	const { indicator, years } = r;
	return [
		{ name: 'Id', value: indicator.id, inline: true },
		{ name: tr(ctx, 'Typ', 'Kind'), value: kindLabel(ctx, indicator.kind), inline: true },
		{ name: tr(ctx, 'Enhet', 'Unit'), value: indicator.unit || '–', inline: true },
		{
			name: tr(ctx, 'Källa', 'Source'),
			// A producer of its own (Stockholms stad) is named instead of the generic register wording.
			value:
				indicator.source === 'register' && indicator.producer && !indicator.kolada
					? tr(ctx, `Register (${indicator.producer})`, `Register data (${indicator.producer})`)
					: sourceLabel(ctx, indicator.source),
			inline: true,
		},
		{
			name: tr(ctx, 'Önskad riktning', 'Desired direction'),
			value: `${directionLabel(ctx, indicator)}${indicator.directionBasis ? ` – ${indicator.directionBasis}` : ''}`,
			inline: false,
		},
		...(indicator.scale
			? [
					{
						name: tr(ctx, 'Svarsalternativ', 'Answers'),
						value: indicator.scale.map((s) => `${s.label} = ${s.code}`).join(', '),
						inline: true,
					},
				]
			: []),
		{
			name: tr(ctx, 'Uppdelat på kön', 'Split by gender'),
			value: indicator.genderSplit ? tr(ctx, 'Ja (K/M/T)', 'Yes (K/M/T)') : tr(ctx, 'Nej', 'No'),
			inline: true,
		},
		{
			name: tr(ctx, 'År med data i boten', 'Years with data'),
			value:
				years.length > 0
					? // The span alone would suggest broad coverage that one kommun can give: say how many per year.
						`${formatYears(years)}\n${whereValuesAre(ctx, indicator)}`
					: tr(ctx, 'Inga värden i datasetet ännu', 'No values in the dataset yet'),
			inline: false,
		},
	];
}

/** Riket's latest figure, the Kolada status, whether the series ended, and national facts. */
function statusFields(ctx: AnswerContext, r: IndicatorResult): AnswerField[] {
	const { indicator, riket } = r;
	const fields: AnswerField[] = [];
	if (riket) {
		const first = answerLabel(indicator.scale, indicator.scale?.[0]?.code ?? null);
		const share = formatShare(riket.value);
		fields.push({
			name: tr(ctx, `Riket ${riket.year}`, `Sweden ${riket.year}`),
			value: isCategorical(indicator)
				? tr(ctx, `${share} av kommunerna svarade ”${first}”`, `${share} of kommuner answered ”${first}”`)
				: formatValue(indicator, riket.value),
			inline: true,
		});
	}
	const k = indicator.kolada;
	if (k) {
		const status =
			k.status === 'active'
				? tr(ctx, 'Finns i Kolada', 'Available in Kolada')
				: tr(
						ctx,
						`Borttagen ur Kolada (senast sedd ${k.lastSeen ?? 'okänt'})`,
						`Removed from Kolada (last seen ${k.lastSeen ?? 'unknown'})`,
					);
		const period = k.publPeriod ? tr(ctx, ` (avser ${k.publPeriod})`, ` (for ${k.publPeriod})`) : '';
		const next = r.releaseAhead
			? tr(
					ctx,
					` · nästa publicering ${k.publicationDate ?? ''}${period}`,
					` · next release ${k.publicationDate ?? ''}${period}`,
				)
			: '';
		fields.push({ name: 'Kolada', value: `${status}${next}`, inline: false });
	}
	if (indicator.discontinuedAfter !== undefined) {
		fields.push({
			name: tr(ctx, 'Serien har upphört', 'Series discontinued'),
			value: tr(ctx, `Sista år: ${indicator.discontinuedAfter}`, `Last year: ${indicator.discontinuedAfter}`),
			inline: true,
		});
	}
	if (r.facts.length > 0) {
		fields.push({
			name: tr(ctx, 'Nationella fakta', 'National facts'),
			value: clip(r.facts.map((f) => `• ${f.year ?? ''} ${f.text}`.trim()).join('\n'), 1000),
			inline: false,
		});
	}
	return fields;
}
