/**
 * The kommun and indicator that "t.ex." texts in answers use, chosen so the example answers on the
 * loaded dataset: the first well-known pair that has values, else the indicator with values for the
 * most kommuner and its first kommun.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import { yearsFor } from './common.js';
import { kommunerByYear } from './coverage.js';

/** A kommun with values for an indicator, and a word that finds the indicator. */
export interface ExamplePair {
	readonly kommun: Area;
	readonly indicator: Indicator;
	/** What a user would type for the indicator ("långvarigt bistånd"); its id when no word is known. */
	readonly word: string;
}

/** Preferred pairs: kommun id, indicator id, the word users type. */
const PREFERRED: readonly (readonly [string, string, string])[] = [
	['1280', 'N31814', 'långvarigt bistånd'],
	['1480', 'N31910', 'biståndshushåll'],
	['0480', 'U31001', 'kostnad per invånare'],
	['0480', 'N31910', 'biståndshushåll'],
];

const cache = new WeakMap<Dataset, ExamplePair | null>();

function choose(ds: Dataset): ExamplePair | null {
	for (const [kommunId, indicatorId, word] of PREFERRED) {
		const kommun = ds.area(kommunId);
		const indicator = ds.indicator(indicatorId);
		if (kommun && indicator && yearsFor(ds, indicator, kommun, 'T').length > 0) return { kommun, indicator, word };
	}
	let best: { indicator: Indicator; kommunId: string; count: number } | undefined;
	for (const indicator of ds.indicators) {
		const widest = [...kommunerByYear(ds, indicator)].sort((a, b) => b.ids.length - a.ids.length)[0];
		const first = widest?.ids[0];
		if (widest && first !== undefined && (!best || widest.ids.length > best.count))
			best = { indicator, kommunId: first, count: widest.ids.length };
	}
	const kommun = best ? ds.area(best.kommunId) : undefined;
	return best && kommun ? { kommun, indicator: best.indicator, word: best.indicator.id } : null;
}

/** The example pair for the dataset (computed once per dataset); undefined when no kommun has any value. */
export function examplePair(ds: Dataset): ExamplePair | undefined {
	if (!cache.has(ds)) cache.set(ds, choose(ds));
	return cache.get(ds) ?? undefined;
}
