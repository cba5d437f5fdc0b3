/**
 * Infers an indicator's kind, unit, answer scale, source and desired direction from its Kolada
 * title and description. Kolada has no field for these; the title states most of them
 * ("(Ja=1, Nej=0)", "andel (%)", "kr/inv", "(- 2024)").
 */
import { KEYWORDS, SHORT_TITLES } from './curation.js';
import type { Indicator, IndicatorKind, IndicatorSource, ScaleStep } from './schema.js';

/** What can be read off a KPI's title and description. */
export interface InferredIndicator {
	readonly kind: IndicatorKind;
	readonly unit: string;
	readonly scale?: ScaleStep[];
	readonly source: IndicatorSource;
	readonly direction: 'higher' | 'lower' | null;
	readonly directionBasis: string;
	readonly discontinuedAfter?: number;
	readonly producer?: string;
	readonly shortTitle: string;
}

/** The input the inference needs: Kolada's own fields. */
export interface KpiText {
	readonly id: string;
	readonly title: string;
	readonly description?: string | undefined;
	readonly perspective?: string | null | undefined;
}

const CODING_PAREN = /\(([^()]*=[^()]*)\)/g;

/**
 * Parses an answer coding such as "Ja=1, Nej=0", "Ja, för alla=2, Ja, men inte för alla=1, Nej=0"
 * or "2018- 2=Ja, 1=Delvis och 0=Nej" into steps in the order the title lists them.
 */
export function parseScale(coding: string): ScaleStep[] | undefined {
	// A coding that changed over time lists the current one last ("-2017 Ja=1, Nej=0. 2018- 2=Ja, …").
	const sentences = coding.split(/\.\s+/);
	const current = (sentences[sentences.length - 1] ?? coding).replace(/^\s*-?\d{4}\s*-?\s*/, '');
	if (/skala/i.test(current)) return undefined;
	const labelFirst = [...current.matchAll(/\s*([^=,]+?(?:,\s*[^=,\d]+?)*)\s*=\s*(-?\d+)\s*(?:,|$)/g)].map((m) => ({
		code: Number(m[2]),
		label: cleanLabel(m[1] ?? ''),
	}));
	if (labelFirst.length >= 2 && labelFirst.every((s) => s.label.length > 0)) return labelFirst;
	const codeFirst = [...current.matchAll(/(-?\d+)\s*=\s*([^,=]+?)(?=\s*(?:,|\boch\b|$))/g)].map((m) => ({
		code: Number(m[1]),
		label: cleanLabel(m[2] ?? ''),
	}));
	if (codeFirst.length >= 2 && codeFirst.every((s) => s.label.length > 0)) return codeFirst;
	return undefined;
}

function cleanLabel(label: string): string {
	const trimmed = label.replace(/^[\s,.]+|[\s,.]+$/g, '').replace(/^och\s+/i, '');
	return trimmed.charAt(0).toLocaleUpperCase('sv') + trimmed.slice(1);
}

/** Finds the answer coding in a title, if any. */
export function findScale(title: string): ScaleStep[] | undefined {
	for (const match of title.matchAll(CODING_PAREN)) {
		const scale = parseScale(match[1] ?? '');
		if (scale) return scale;
	}
	return undefined;
}

/** Reads "(- 2024)" or "(-2021)" at the end of a title: the last year of a discontinued series. */
export function findDiscontinued(title: string): number | undefined {
	const match = /\(\s*-\s*(\d{4})\s*\)/.exec(title);
	return match ? Number(match[1]) : undefined;
}

/** Reads the producer from "Källa: Socialstyrelsen (statistikdatabasen) & SCB." in a description. */
export function findProducer(description: string | undefined): string | undefined {
	if (!description) return undefined;
	const match = /Källa:\s*([^.]+)\./.exec(description);
	return match?.[1]?.trim();
}

function numericKind(title: string): { kind: IndicatorKind; unit: string } {
	const t = title.toLocaleLowerCase('sv');
	if (/\/\s*100\s*000\s*inv/.test(t)) return { kind: 'rate', unit: 'per 100 000 inv' };
	if (/kr\/inv/.test(t)) return { kind: 'kronor', unit: 'kr/inv' };
	if (/kr\/hushåll/.test(t)) return { kind: 'kronor', unit: 'kr/hushåll' };
	if (/\(%\)|andel|%/.test(t)) return { kind: 'percent', unit: '%' };
	if (/väntetid/.test(t) && /dagar/.test(t)) return { kind: 'days', unit: 'dagar' };
	if (/\btkr\b/.test(t)) return { kind: 'kronor', unit: 'tkr' };
	if (/\bkr\b/.test(t)) return { kind: 'kronor', unit: 'kr' };
	if (/skala\s*1\s*-\s*8/.test(t)) return { kind: 'index', unit: 'skala 1–8' };
	if (/index/.test(t)) return { kind: 'index', unit: 'index' };
	if (/\bantal\b|antal svar/.test(t)) return { kind: 'count', unit: 'antal' };
	return { kind: 'index', unit: '' };
}

function sourceOf(title: string, description: string, hasScale: boolean): IndicatorSource {
	if (hasScale || /enkät/i.test(description) || /brukarbedömning/i.test(title)) return 'survey';
	if (/index|sorteringsnyckel|modellberäknad|strukturjusterad/i.test(title)) return 'index';
	return 'register';
}

function directionOf(
	kpi: KpiText,
	kind: IndicatorKind,
	source: IndicatorSource,
	scale: ScaleStep[] | undefined,
): { direction: 'higher' | 'lower' | null; basis: string } {
	const t = kpi.title.toLocaleLowerCase('sv');
	const description = kpi.description ?? '';
	if (scale) {
		const first = scale[0]?.label.toLocaleLowerCase('sv') ?? '';
		const isQualityQuestion =
			kpi.perspective === 'Kvalitet och resultat' || /öppna jämförelser|kommunenkät/i.test(description + kpi.title);
		if (source === 'survey' && isQualityQuestion && /^(ja|max|inom)/.test(first)) {
			return {
				direction: 'higher',
				basis: `ÖJ-indikator: svaret ”${scale[0]?.label ?? 'Ja'}” är den önskade riktningen.`,
			};
		}
		return { direction: null, basis: 'Svaren har ingen angiven önskad riktning.' };
	}
	if (/längre än 14 dagar/.test(t)) return { direction: 'lower', basis: 'Lägre andel som väntat länge är bättre.' };
	if (kind === 'days' && /väntetid/.test(t)) return { direction: 'lower', basis: 'Kortare väntetid är bättre.' };
	if (/brukarbedömning/.test(t) && kind === 'percent' && !/svarsfrekvens/.test(t)) {
		return { direction: 'higher', basis: 'Högre andel positiva brukarsvar är bättre.' };
	}
	if (/kvalitetsindex|effektivitetsindex/.test(t))
		return { direction: 'higher', basis: 'Högre index är bättre (RKA).' };
	if (/ej återaktualiserade/.test(t))
		return { direction: 'higher', basis: 'Fler som klarar sig utan nytt bistånd är bättre.' };
	if (/socionomexamen/.test(t)) return { direction: 'higher', basis: 'Högre andel med socionomexamen är bättre.' };
	if (source === 'register') {
		return { direction: null, basis: 'Registermått som belyser omfattningen; ingen önskad riktning anges.' };
	}
	return { direction: null, basis: 'Ingen önskad riktning anges.' };
}

/** Removes codings, end-of-series marks and source notes from a title to get a short display title. */
export function shortenTitle(title: string): string {
	let short = title
		.replace(/\.\s*Källa:.*$/s, '')
		.replace(CODING_PAREN, '')
		.replace(/\(\s*-\s*\d{4}\s*\)/g, '')
		.replace(/\(skala[^)]*\)\.?/gi, '')
		.replace(/\s+inom (verksamhetsområdet )?ekonomiskt bistånd/gi, '')
		.replace(/\s+/g, ' ')
		.replace(/[\s,.]+$/, '')
		.trim();
	if (short.length > 90) short = `${short.slice(0, 89).replace(/\s+\S*$/, '')}…`;
	return short;
}

/** Infers everything the title and description say about a KPI. */
export function inferIndicator(kpi: KpiText): InferredIndicator {
	const scale = findScale(kpi.title);
	const description = kpi.description ?? '';
	const source = sourceOf(kpi.title, description, scale !== undefined);
	const { kind, unit } = scale
		? { kind: (scale.length === 2 ? 'yesno' : 'ordinal') as IndicatorKind, unit: scale.map((s) => s.label).join('/') }
		: numericKind(kpi.title);
	const { direction, basis } = directionOf(kpi, kind, source, scale);
	const discontinuedAfter = findDiscontinued(kpi.title);
	const producer = findProducer(description);
	return {
		kind,
		unit: scale && scale.length === 2 && scale.every((s) => /^(ja|nej)$/i.test(s.label)) ? 'Ja/Nej' : unit,
		...(scale ? { scale } : {}),
		source,
		direction,
		directionBasis: basis,
		...(discontinuedAfter === undefined ? {} : { discontinuedAfter }),
		...(producer === undefined ? {} : { producer }),
		shortTitle: shortenTitle(kpi.title),
	};
}

/**
 * An indicator for a Kolada KPI: what the title says (kind, unit, scale, direction, source), the
 * curated short title and keywords, and the Kolada metadata given. The one place both the bundle
 * build and the sync turn a KPI into an indicator.
 */
export function indicatorFromKpi(
	kpi: KpiText & { readonly description: string; readonly genderSplit: boolean },
	kolada: Indicator['kolada'],
): Indicator {
	const inferred = inferIndicator(kpi);
	return {
		id: kpi.id,
		title: kpi.title.trim(),
		shortTitle: SHORT_TITLES[kpi.id] ?? inferred.shortTitle,
		description: kpi.description.trim(),
		kind: inferred.kind,
		unit: inferred.unit,
		...(inferred.scale ? { scale: inferred.scale } : {}),
		direction: inferred.direction,
		directionBasis: inferred.directionBasis,
		source: inferred.source,
		genderSplit: kpi.genderSplit,
		...(inferred.discontinuedAfter === undefined ? {} : { discontinuedAfter: inferred.discontinuedAfter }),
		...(inferred.producer === undefined ? {} : { producer: inferred.producer }),
		keywords: [...(KEYWORDS[kpi.id] ?? [])],
		...(kolada ? { kolada } : {}),
	};
}
