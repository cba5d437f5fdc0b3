/**
 * What every answer builder gets: the indexed dataset, the search over it, the reply language and
 * the clock. Pure data; answers never touch the disk or the network.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Search } from '../search/search.js';
import type { Locale } from './types.js';

/** Inputs shared by all answer builders. */
export interface AnswerContext {
	readonly dataset: Dataset;
	readonly search: Search;
	readonly locale: Locale;
	/** Today's date (injected so answers are reproducible in tests). */
	readonly today: Date;
}

/** Picks the Swedish or English text for the context's locale. */
export function tr(ctx: Pick<AnswerContext, 'locale'>, sv: string, en: string): string {
	return ctx.locale === 'en' ? en : sv;
}

/** Attribution line for figures the bot computes itself (averages, ranks, colour bands). */
export function ownCalculation(ctx: Pick<AnswerContext, 'locale'>): string {
	return tr(
		ctx,
		'Medelvärden, placeringar och färger: ÖJ-botens egen beräkning',
		'Averages, ranks and colours: calculated by ÖJ-boten',
	);
}
