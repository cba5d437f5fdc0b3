/**
 * The versioned schema of the dataset stored in `data/db.json`.
 *
 * One file holds everything the bot answers from: areas (kommuner, län, Riket, stadsdelar and
 * group pseudo-areas), groupings, indicators, values grouped into series, and the provenance of
 * every value. The zod schemas here validate the file on load and every new dataset before it
 * replaces the old one.
 */
import { z } from 'zod';

import { excerptOf, INDICATOR_ID, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './ids.js';

/** A name from data: at most {@link MAX_NAME_LENGTH} characters, so no answer or chart has to carry more. */
const name = z.string().min(1).max(MAX_NAME_LENGTH);
/** An id that may end up in a file name or a URL: letters, digits and hyphens only. */
const safeId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/, 'bara bokstäver a–z, siffror och bindestreck');

/** Current schema version; a file with another version is rejected with a clear message. */
export const SCHEMA_VERSION = 1;

/** Kinds of area. `grupp` is a pseudo-area that carries published figures for a group of kommuner. */
export const AREA_TYPES = ['riket', 'lan', 'kommun', 'stadsdel', 'grupp'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/** Kön: T totalt, K kvinnor, M män (Kolada's codes). */
export const GENDERS = ['T', 'K', 'M'] as const;
export type Gender = (typeof GENDERS)[number];

/** Indicator kinds. `yesno` and `ordinal` are survey answers that are never averaged as numbers. */
export const INDICATOR_KINDS = ['yesno', 'ordinal', 'percent', 'count', 'kronor', 'rate', 'days', 'index'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Where an indicator's figures come from. */
export const INDICATOR_SOURCES = ['survey', 'register', 'index'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/**
 * What the numbers of a series mean.
 * - `value`: the figure itself (numeric indicators);
 * - `answer`: a survey answer code of one kommun or stadsdel, decoded with the indicator's scale;
 * - `share`: percent (0–100) of responding units that gave the first (desired) answer of the scale;
 * - `shareAny`: percent that gave any answer except the last one (e.g. "helt eller delvis").
 */
export const MEASURES = ['value', 'answer', 'share', 'shareAny'] as const;
export type Measure = (typeof MEASURES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'ISO-datum (ÅÅÅÅ-MM-DD)');
/**
 * The earliest year the bot stores, reads in a question or accepts as an option: before every
 * stored figure (Stockholm stad's from 1995), after the kommun codes that look like years (Västmanland's
 * 1904–1984), so "Kungsör 1960" names a kommun.
 */
export const MIN_YEAR = 1990;

/** The latest year the bot stores, reads in a question or accepts as an option. */
export const MAX_YEAR = 2100;

const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

/** A population figure with its year and source. */
export const populationSchema = z.object({
	value: z.number().int().nonnegative(),
	year,
	/** True when the source publishes the figure rounded (e.g. to hundreds). */
	rounded: z.boolean(),
	/** Provenance id of the figure. */
	prov: z.number().int().nonnegative(),
});

/** A geographic area or a group pseudo-area. */
export const areaSchema = z.object({
	/** Stable id: Kolada/SCB code for kommun ("0180"), län ("0001"), Riket ("0000"); slugs otherwise. */
	id: safeId,
	type: z.enum(AREA_TYPES),
	/** Display name ("Stockholm", "Stockholms län", "Rinkeby-Kista", "Storstäder"). */
	name,
	/** Other names users may type: official name, Kolada's title, "Region Stockholm", … */
	altNames: z.array(name),
	/** Län of a kommun or stadsdel (Kolada region id). */
	lanId: z.string().optional(),
	/** Kommun a stadsdel belongs to; stadsdelar never replace their kommun's figures. */
	parentId: z.string().optional(),
	/** Grouping that a group pseudo-area belongs to. */
	groupingId: z.string().optional(),
	/** Extra qualifier shown with the name, e.g. "stadsdelsområde" or "kommungrupp 2017". */
	note: z.string().optional(),
	population: populationSchema.optional(),
	/**
	 * Ids of the earlier areas a stadsdel was formed from ("Järva" from Rinkeby-Kista and
	 * Spånga-Tensta); offered instead when the area has no figures of its own.
	 */
	predecessors: z.array(z.string().min(1)).optional(),
	/** Provenance id of what is said about the area (its note and predecessors). */
	prov: z.number().int().nonnegative().optional(),
});
export type Area = z.infer<typeof areaSchema>;

/** A group of kommuner inside a grouping. */
export const groupSchema = z.object({
	id: z.string().min(1),
	/** Short code, e.g. "A1" or "5". */
	code: z.string().optional(),
	name,
	/** Member kommun ids; empty when only published figures exist for the group. */
	members: z.array(z.string()),
	/** Pseudo-area holding published figures for the group, if any. */
	areaId: z.string().optional(),
	/** For peer groups ("liknande kommuner"): the kommun the group was made for. */
	focusId: z.string().optional(),
	/** Län (Kolada region id) for län groupings. */
	lanId: z.string().optional(),
	/** Kolada municipality group id, when the group exists in Kolada. */
	koladaId: z.string().optional(),
});
export type Group = z.infer<typeof groupSchema>;

/** Families of groupings offered to users by `/grupper`. */
export const GROUPING_FAMILIES = ['kommungrupp', 'storlek', 'lan', 'liknande'] as const;
export type GroupingFamily = (typeof GROUPING_FAMILIES)[number];

/** A way of grouping kommuner (SKR kommungrupper, size classes, län, peers). */
export const groupingSchema = z.object({
	id: z.string().min(1),
	family: z.enum(GROUPING_FAMILIES),
	title: z.string().min(1),
	description: z.string(),
	/** `partition`: every member in one group; `peers`: one group per focus kommun. */
	structure: z.enum(['partition', 'peers']),
	/** True when membership is known, so the bot can compute its own group figures. */
	hasMembers: z.boolean(),
	/** Year of the revision or of the peer groups. */
	year: year.optional(),
	prov: z.number().int().nonnegative(),
	groups: z.array(groupSchema),
});
export type Grouping = z.infer<typeof groupingSchema>;

/** One answer of a survey indicator's scale, listed best (desired) first. */
export const scaleStepSchema = z.object({ code: z.number(), label: z.string().min(1) });
export type ScaleStep = z.infer<typeof scaleStepSchema>;

/** Kolada metadata kept for an indicator that exists (or existed) in Kolada. */
export const koladaMetaSchema = z.object({
	/** `active`: in Kolada's latest catalogue; `removed`: dropped by Kolada (still has history). */
	status: z.enum(['active', 'removed']),
	municipalityType: z.string().optional(),
	operatingArea: z.string().optional(),
	perspective: z.string().optional(),
	publicationDate: isoDate.optional(),
	prelPublicationDate: isoDate.optional(),
	publPeriod: z.string().optional(),
	hasOuData: z.boolean().optional(),
	/** Last catalogue snapshot the KPI was seen in (date). */
	lastSeen: isoDate.optional(),
});

/** An indicator (nyckeltal). */
export const indicatorSchema = z.object({
	/** Kolada KPI id ("N31807", "U31509") or the project's own id for ÖJ figures Kolada lacks ("OJEB-…"). */
	id: z.string().regex(INDICATOR_ID, 'Kolada-id (N31807) eller eget id med versaler, siffror och bindestreck'),
	title: z.string().min(1).max(MAX_TITLE_LENGTH),
	shortTitle: z.string().min(1).max(MAX_TITLE_LENGTH),
	description: z.string(),
	kind: z.enum(INDICATOR_KINDS),
	/** Unit as shown ("%", "kr/inv", "kr/hushåll", "tkr", "antal", "dagar", "index", "Ja/Nej"). */
	unit: z.string(),
	/** Survey answer scale for `yesno`/`ordinal`, best answer first. */
	scale: z.array(scaleStepSchema).optional(),
	/**
	 * Desired direction: `higher` (numeric: higher is better; survey: the first answer is desired),
	 * `lower`, or null when unknown (no colour band is shown then).
	 */
	direction: z.enum(['higher', 'lower']).nullable(),
	/** Why the direction is what it is, in Swedish (shown with the colour band). */
	directionBasis: z.string().optional(),
	source: z.enum(INDICATOR_SOURCES),
	genderSplit: z.boolean(),
	/** Last year of a discontinued series, from titles such as "(- 2024)". */
	discontinuedAfter: year.optional(),
	/** Original producer named in the description ("Socialstyrelsen", "SCB"). */
	producer: z.string().optional(),
	/** Words users search with ("FREDA", "långvarigt bistånd"). */
	keywords: z.array(z.string()),
	kolada: koladaMetaSchema.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * One value: `[year, value, provenance id]`, optionally followed by a status for a missing value
 * (e.g. "..", "Missing", "-") and a reference inside the source (cell "B12", CSV row).
 */
export const pointSchema = z.union([
	z.tuple([year, z.number().nullable(), z.number().int().nonnegative()]),
	z.tuple([year, z.number().nullable(), z.number().int().nonnegative(), z.string()]),
	z.tuple([year, z.number().nullable(), z.number().int().nonnegative(), z.string(), z.string()]),
]);
export type Point = z.infer<typeof pointSchema>;

/** All values of one indicator for one area, gender and measure, ordered by year. */
export const seriesSchema = z.object({
	indicator: z.string().min(1),
	area: z.string().min(1),
	gender: z.enum(GENDERS),
	measure: z.enum(MEASURES),
	points: z.array(pointSchema).min(1),
});
export type Series = z.infer<typeof seriesSchema>;

/** Source kinds, each with its attribution rule. */
export const SOURCE_KINDS = ['kolada', 'socialstyrelsen', 'regionfakta', 'stockholm', 'skr', 'scb', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where a value or a piece of reference data comes from. */
export const provenanceSchema = z.object({
	id: z.number().int().nonnegative(),
	kind: z.enum(SOURCE_KINDS),
	/** What the source is ("Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 3"). */
	title: z.string().min(1),
	/** The attribution line to show ("Källa: Socialstyrelsen, Öppna jämförelser 2020"). */
	attribution: z.string().min(1),
	url: z.string().optional(),
	/** File name for imported files. */
	file: z.string().optional(),
	sheet: z.string().optional(),
	/** When the figures were published, retrieved or the page last updated. */
	date: isoDate.optional(),
	note: z.string().optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** A statement from a source that is context, not a value (approximate or without a clear year). */
export const factSchema = z.object({
	year: year.nullable(),
	text: z.string().min(1),
	indicators: z.array(z.string()),
	prov: z.number().int().nonnegative(),
});
export type Fact = z.infer<typeof factSchema>;

/** One run of a build, sync or import that produced the dataset. */
export const importRecordSchema = z.object({
	kind: z.enum(['bundle', 'kolada-sync', 'excel', 'csv']),
	at: z.string().min(1),
	file: z.string().optional(),
	summary: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** The whole dataset as stored in `data/db.json`. */
export const datasetSchema = z.object({
	schemaVersion: z.literal(SCHEMA_VERSION),
	/** Date of the newest input, not of the build run, so the same inputs give the same file. */
	builtFrom: z.string().min(1),
	provenance: z.array(provenanceSchema),
	areas: z.array(areaSchema),
	groupings: z.array(groupingSchema),
	indicators: z.array(indicatorSchema),
	series: z.array(seriesSchema),
	facts: z.array(factSchema),
	imports: z.array(importRecordSchema),
});
export type DatasetFile = z.infer<typeof datasetSchema>;

/**
 * The same shape with the points of each series left to {@link checkPoint}: hundreds of thousands
 * of tuples validate an order of magnitude faster in a plain loop than through zod.
 */
export const datasetEnvelopeSchema = datasetSchema.extend({
	series: z.array(seriesSchema.extend({ points: z.array(z.unknown()).min(1) })),
});

/** Checks one point against {@link pointSchema}; returns a problem description or undefined. */
export function checkPoint(point: unknown): string | undefined {
	if (!Array.isArray(point) || point.length < 3 || point.length > 5)
		return 'ska vara [år, värde, källa, status?, ref?]';
	const [y, value, prov, status, ref] = point as unknown[];
	if (typeof y !== 'number' || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR)
		return `år ${excerptOf(y)} är ogiltigt`;
	if (typeof value === 'number' && !Number.isFinite(value)) return `värdet ${excerptOf(value)} är inget ändligt tal`;
	if (value !== null && typeof value !== 'number') return `värdet ${excerptOf(value)} är inget tal`;
	if (typeof prov !== 'number' || !Number.isInteger(prov) || prov < 0) return `källa ${excerptOf(prov)} är ogiltig`;
	if (status !== undefined && typeof status !== 'string') return 'status ska vara text';
	if (ref !== undefined && typeof ref !== 'string') return 'referensen ska vara text';
	return undefined;
}
