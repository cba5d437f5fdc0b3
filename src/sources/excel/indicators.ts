/**
 * Column header → indicator. A header is matched to an existing indicator through the mapping
 * file or through the search module when it resolves uniquely (id, exact name, alias or unique
 * folded name — never a fuzzy hit); otherwise a new indicator is defined from the header, with its
 * kind read off the values found (Ja/Nej → yesno, known ordinal wordings → ordinal, numbers →
 * percent/count by header). Every created or uncertain mapping is reported for confirmation.
 */
import type { Dataset } from '../../dataset/dataset.js';
import { inferIndicator, shortenTitle } from '../../dataset/infer.js';
import type { Indicator, IndicatorKind, ScaleStep } from '../../dataset/schema.js';
import type { Search } from '../../search/search.js';
import { familyFor } from './cells.js';
import type { NewIndicatorSpec } from './mapping.js';

/** How a column's indicator was decided. */
export type MatchHow = 'mapping' | 'mapping-new' | 'id' | 'exact' | 'alias' | 'folded' | 'created';

/** Swedish wording of {@link MatchHow} for reports. */
export const MATCH_LABELS: Readonly<Record<MatchHow, string>> = {
	mapping: 'mappningsfilen',
	'mapping-new': 'ny i mappningsfilen',
	id: 'id i rubriken',
	exact: 'exakt namn',
	alias: 'alias',
	folded: 'namn utan å/ä/ö',
	created: 'NY – bekräfta',
};

/** A header that matched an existing indicator, or the search's candidates when it did not. */
export type HeaderMatch =
	| { readonly kind: 'found'; readonly indicator: Indicator; readonly how: 'id' | 'exact' | 'alias' | 'folded' }
	| { readonly kind: 'none'; readonly candidates: readonly Indicator[] };

const ID_IN_TEXT = /\b([NU]\d{5}|OJEB-[A-Z0-9-]+)\b/;

/**
 * Matches header texts (most specific last) to an existing indicator: an id written in the header,
 * then the whole title, then its last part, each through {@link Search.resolveIndicator}.
 */
export function matchHeader(dataset: Dataset, search: Search, titleParts: readonly string[]): HeaderMatch {
	const title = titleParts.join(' – ');
	const id = ID_IN_TEXT.exec(title)?.[1];
	const byId = id === undefined ? undefined : dataset.indicator(id);
	if (byId) return { kind: 'found', indicator: byId, how: 'id' };
	const last = titleParts[titleParts.length - 1] ?? title;
	// The title as written, its most specific part, and that part without codings such as "(Ja=1, Nej=0)".
	const queries = [...new Set([title, last, shortenTitle(last)])].filter((q) => q !== '');
	const candidates: Indicator[] = [];
	for (const query of queries) {
		const result = search.resolveIndicator(query);
		if (result.status === 'found' && result.tier !== 'fuzzy') {
			const how = result.tier === 'id' ? 'id' : result.tier;
			return { kind: 'found', indicator: result.item, how };
		}
		if (result.status === 'found') candidates.push(result.item);
		if (result.status === 'ambiguous' || result.status === 'not_found') candidates.push(...result.candidates);
	}
	return { kind: 'none', candidates: [...new Map(candidates.map((c) => [c.id, c])).values()].slice(0, 3) };
}

function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36).toUpperCase().slice(0, 4);
}

/**
 * A stable id for a new indicator: "OJEB-" + the title's slug in capitals, cut at 40 characters
 * on a word boundary with a short hash of the whole title when cut or when the id is taken.
 */
export function newIndicatorId(title: string, taken: ReadonlySet<string> = new Set()): string {
	const slug = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const base = slug.length > 0 ? slug : 'INDIKATOR';
	let id = `OJEB-${base}`;
	if (id.length > 40) id = `${id.slice(0, 40).replace(/-[^-]*$/, '')}-${fnv1a(title)}`;
	if (taken.has(id)) id = `${id}-${fnv1a(title)}`;
	let n = 2;
	const start = id;
	while (taken.has(id)) id = `${start}-${n++}`;
	return id;
}

/** What the values of a column group say about its kind. */
export interface ColumnEvidence {
	/** Answer-like text tokens at kommun/stadsdel rows with counts (keys from `tokenKey`, synonyms applied). */
	readonly answerCounts: ReadonlyMap<string, number>;
	/** Share of those cells a recognised answer family must cover. */
	readonly minCoverage: number;
	/** Numeric cells at kommun/stadsdel rows. */
	readonly kommunNumbers: number;
	/** Numeric cells at län/Riket rows. */
	readonly lanNumbers: number;
	/** Numeric cells with percent format. */
	readonly percentFormatted: number;
}

/** Where a new indicator comes from, for its description. */
export interface IndicatorOrigin {
	readonly fileName: string;
	readonly sheet: string;
	readonly columns: string;
	readonly year: number;
}

/** A new indicator, or why one cannot be defined from the values. */
export type NewIndicatorResult =
	| { readonly ok: true; readonly indicator: Indicator; readonly unitGuessed: boolean }
	| { readonly ok: false; readonly reason: string };

function numericKind(title: string, evidence: ColumnEvidence): { kind: IndicatorKind; unit: string; guessed: boolean } {
	if (evidence.percentFormatted > 0 || /%|\bandel\b|\bprocent\b/i.test(title))
		return { kind: 'percent', unit: '%', guessed: false };
	const inferred = inferIndicator({ id: 'X', title });
	if (!inferred.scale && !(inferred.kind === 'index' && inferred.unit === ''))
		return { kind: inferred.kind, unit: inferred.unit, guessed: false };
	return { kind: 'count', unit: 'antal', guessed: true };
}

function scaleFromEvidence(evidence: ColumnEvidence): { scale: ScaleStep[]; unit: string } | undefined {
	const family = familyFor(evidence.answerCounts, evidence.minCoverage);
	return family ? { scale: [...family.scale], unit: family.unit } : undefined;
}

function listTokens(evidence: ColumnEvidence): string {
	return [...evidence.answerCounts.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 8)
		.map(([key, count]) => `”${key}” (${count})`)
		.join(', ');
}

function describe(origin: IndicatorOrigin): string {
	return (
		`Skapad vid import av ${origin.fileName} (blad ”${origin.sheet}”, kolumn ${origin.columns}), ` +
		`Öppna jämförelser ${origin.year}. Bekräfta definitionen mot Socialstyrelsens indikatorbeskrivning.`
	);
}

const UNCONFIRMED_DIRECTION = 'Önskad riktning är inte bekräftad (indikatorn skapades vid import).';

/** Defines a new indicator from a header and the values found under it. */
export function inferNewIndicator(
	title: string,
	evidence: ColumnEvidence,
	origin: IndicatorOrigin,
	taken: ReadonlySet<string>,
): NewIndicatorResult {
	let kind: IndicatorKind;
	let unit: string;
	let scale: ScaleStep[] | undefined;
	let unitGuessed = false;
	if (evidence.answerCounts.size > 0) {
		const found = scaleFromEvidence(evidence);
		if (!found) {
			const tokens = listTokens(evidence);
			return {
				ok: false,
				reason: `okända svarsalternativ ${tokens}; ange indikatorn eller en skala (new.scale) i mappningsfilen`,
			};
		}
		scale = found.scale;
		unit = found.unit;
		kind = scale.length === 2 ? 'yesno' : 'ordinal';
	} else if (evidence.kommunNumbers > 0) {
		const numeric = numericKind(title, evidence);
		kind = numeric.kind;
		unit = numeric.unit;
		unitGuessed = numeric.guessed;
	} else if (evidence.lanNumbers > 0) {
		return {
			ok: false,
			reason: 'kolumnen har bara andelar för län/riket och inga kommunsvar; ange indikatorn i mappningsfilen',
		};
	} else {
		return { ok: false, reason: 'kolumnen har inga värden' };
	}
	const indicator: Indicator = {
		id: newIndicatorId(title, taken),
		title,
		shortTitle: shortenTitle(title) || title.slice(0, 90),
		description: describe(origin),
		kind,
		unit,
		...(scale ? { scale } : {}),
		direction: null,
		directionBasis: UNCONFIRMED_DIRECTION,
		source: 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: [],
	};
	return { ok: true, indicator, unitGuessed };
}

/** Builds the indicator a mapping file defines, filling in what it leaves out from the values. */
export function indicatorFromSpec(
	spec: NewIndicatorSpec,
	evidence: ColumnEvidence,
	origin: IndicatorOrigin,
	taken: ReadonlySet<string>,
): NewIndicatorResult {
	const categorical = spec.kind === 'yesno' || spec.kind === 'ordinal';
	let scale = spec.scale;
	let unit = spec.unit;
	if (categorical && !scale) {
		const found = scaleFromEvidence(evidence);
		if (!found) {
			return {
				ok: false,
				reason: `svaren ${listTokens(evidence) || '(inga)'} passar ingen känd skala; ange "scale" för den nya indikatorn`,
			};
		}
		scale = found.scale;
		unit ??= found.unit;
	}
	if (categorical && scale && (spec.kind === 'yesno') !== (scale.length === 2)) {
		return { ok: false, reason: `typen ${spec.kind} passar inte en skala med ${scale.length} steg` };
	}
	const direction = spec.direction ?? null;
	const indicator: Indicator = {
		id: spec.id ?? newIndicatorId(spec.title, taken),
		title: spec.title,
		shortTitle: spec.shortTitle ?? (shortenTitle(spec.title) || spec.title.slice(0, 90)),
		description: spec.description ?? describe(origin),
		kind: spec.kind,
		unit: unit ?? (scale ? scale.map((s) => s.label).join('/') : numericKind(spec.title, evidence).unit),
		...(categorical && scale ? { scale: [...scale] } : {}),
		direction,
		directionBasis: spec.directionBasis ?? (direction === null ? UNCONFIRMED_DIRECTION : 'Angiven i mappningsfilen.'),
		source: spec.source ?? 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: spec.keywords ?? [],
	};
	return { ok: true, indicator, unitGuessed: false };
}
