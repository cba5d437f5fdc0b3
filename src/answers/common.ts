/**
 * Pieces several answers share: how a figure is written for an area (a number, a survey answer or a
 * share of kommuner), chart headers, and collecting attribution lines.
 */
import type { ChartSpecBase } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { ownCalculation, tr, type AnswerContext } from './context.js';
import { answerLabel, formatShare, formatValue, numberFormatFor } from './format.js';

/** Whether figures of this area are survey answers (kommun, stadsdel) rather than shares. */
export function holdsAnswers(area: Area): boolean {
	return area.type === 'kommun' || area.type === 'stadsdel';
}

/** A figure as text: "4,2 %", "Ja", or "62 % svarade Ja" for a share of kommuner. */
export function describeFigure(ctx: AnswerContext, indicator: Indicator, area: Area, value: number | null): string {
	if (!isCategorical(indicator)) return formatValue(indicator, value);
	if (holdsAnswers(area)) return answerLabel(indicator.scale, value);
	return shareText(ctx, indicator, value);
}

/** "62 % svarade Ja" – a share of kommuner with the first (desired) answer. */
export function shareText(ctx: AnswerContext, indicator: Indicator, value: number | null): string {
	const first = indicator.scale?.[0]?.label ?? 'Ja';
	return tr(ctx, `${formatShare(value)} svarade ”${first}”`, `${formatShare(value)} answered ”${first}”`);
}

/** Years with a non-missing figure for one area (ascending). */
export function yearsFor(ds: Dataset, indicator: Indicator, area: Area, gender: Gender): number[] {
	return ds
		.series(indicator.id, area.id, gender, ds.defaultMeasure(indicator, area))
		.filter((o) => o.value !== null)
		.map((o) => o.year);
}

/** The unit shown in titles: "%", "kr/inv", or "andel kommuner (%)" for survey shares. */
export function unitLabel(ctx: AnswerContext, indicator: Indicator, shares: boolean): string {
	if (isCategorical(indicator)) return shares ? tr(ctx, 'andel kommuner (%)', 'share of kommuner (%)') : indicator.unit;
	return indicator.unit;
}

/** Collects attribution lines in order, without duplicates. */
export class Sources {
	private readonly lines: string[] = [];

	/** Adds a line (ignored when already present or empty). */
	add(line: string | undefined): this {
		if (line && !this.lines.includes(line)) this.lines.push(line);
		return this;
	}

	/** Adds the bot's own-calculation line. */
	own(ctx: AnswerContext): this {
		return this.add(ownCalculation(ctx));
	}

	/** The lines collected. */
	list(): string[] {
		return [...this.lines];
	}

	/** One footer line for a chart. */
	footer(): string {
		return this.lines
			.map((l) => l.replace(/^Källa: /, ''))
			.join(' · ')
			.replace(/^/, 'Källa: ');
	}
}

/** The common part of a chart spec for an indicator. */
export function chartBase(
	ctx: AnswerContext,
	indicator: Indicator,
	yearText: string,
	sources: Sources,
	options: { subtitle?: string; shares?: boolean } = {},
): ChartSpecBase {
	const unit = unitLabel(ctx, indicator, options.shares ?? false);
	const shares = isCategorical(indicator);
	const saysUnit = unit === '' || indicator.shortTitle.toLocaleLowerCase('sv').includes(unit.toLocaleLowerCase('sv'));
	return {
		title: `${indicator.shortTitle}${saysUnit ? '' : `, ${unit}`} · ${yearText}`,
		...(options.subtitle ? { subtitle: options.subtitle } : {}),
		unit: shares ? '%' : indicator.unit,
		format: shares ? { style: 'percent', decimals: 0 } : numberFormatFor(indicator),
		source: sources.footer(),
	};
}

/** The Riket reference line of a bar chart; an own mean is labelled as such. Empty when there is no Riket figure. */
export function riketLine(
	ctx: AnswerContext,
	riket: { readonly value: number; readonly own: boolean } | undefined,
): { referenceLines?: { label: string; value: number }[] } {
	if (!riket) return {};
	return {
		referenceLines: [{ label: riket.own ? tr(ctx, 'Riket (medel)', 'Sweden (mean)') : 'Riket', value: riket.value }],
	};
}
