/** Human wording of the dataset's enumerations, in Swedish and English. */
import type { Indicator, IndicatorKind, IndicatorSource } from '../dataset/schema.js';
import { tr, type AnswerContext } from './context.js';

const KIND: Record<IndicatorKind, readonly [string, string]> = {
	yesno: ['Ja/Nej-fråga i kommunenkäten', 'Yes/no survey question'],
	ordinal: ['Flervalsfråga i kommunenkäten', 'Multiple-choice survey question'],
	percent: ['Andel (%)', 'Share (%)'],
	count: ['Antal', 'Count'],
	kronor: ['Kronor', 'Kronor (SEK)'],
	rate: ['Antal per 100 000 invånare', 'Rate per 100,000 inhabitants'],
	days: ['Dagar', 'Days'],
	index: ['Index', 'Index'],
};

const SOURCE: Record<IndicatorSource, readonly [string, string]> = {
	survey: ['Enkät (Öppna jämförelser, kommunenkäten)', 'Survey (Öppna jämförelser)'],
	register: ['Register (Socialstyrelsen, SCB m.fl.)', 'Register data (Socialstyrelsen, SCB et al.)'],
	index: ['Index eller modell (RKA/Kolada)', 'Index or model (RKA/Kolada)'],
};

/** What kind of figure an indicator is. */
export function kindLabel(ctx: AnswerContext, kind: IndicatorKind): string {
	const [sv, en] = KIND[kind];
	return tr(ctx, sv, en);
}

/** Where an indicator's figures come from. */
export function sourceLabel(ctx: AnswerContext, source: IndicatorSource): string {
	const [sv, en] = SOURCE[source];
	return tr(ctx, sv, en);
}

/** The desired direction in words. */
export function directionLabel(ctx: AnswerContext, indicator: Indicator): string {
	const categorical = indicator.kind === 'yesno' || indicator.kind === 'ordinal';
	if (indicator.direction === 'higher') {
		return categorical
			? tr(
					ctx,
					`”${indicator.scale?.[0]?.label ?? 'Ja'}” är önskat`,
					`”${indicator.scale?.[0]?.label ?? 'Ja'}” is desired`,
				)
			: tr(ctx, 'Högre är bättre', 'Higher is better');
	}
	if (indicator.direction === 'lower') return tr(ctx, 'Lägre är bättre', 'Lower is better');
	return tr(ctx, 'Ingen angiven riktning', 'No stated direction');
}
