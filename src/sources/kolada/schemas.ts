/**
 * Zod schemas and inferred types for the Kolada API v3 (`https://api.kolada.se/v3`).
 *
 * The schemas validate at the boundary and are deliberately tolerant where the API has changed
 * between versions (v2 `auspices`, `next_page`, `is_deleted` as 0/1, booleans as 0/1) while staying
 * strict on what the bot depends on: ids are strings (municipality `"0180"` is never coerced to a
 * number), periods are numbers and values are `number | null`. Unknown extra fields are accepted
 * and dropped, so an additive API change never breaks parsing.
 *
 * Every record is untrusted input, held to the shared record schema (`../records.ts`): ids must
 * have Kolada's shapes (KPI `N31807`, area `0180`, group `G92787`), names and titles have a length
 * cap and values must be finite numbers. The client
 * checks the envelope of a page as a whole and each record on its own, so one hostile or broken
 * record is quarantined and counted while the rest of the page is kept.
 */
import { z } from 'zod';

import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '../../dataset/ids.js';
import {
	areaCodeSchema as areaCode,
	groupIdSchema as groupId,
	kpiIdSchema as kpiId,
	nameSchema as name,
} from '../records.js';

const shortCode = z.string().max(8);

/** A boolean that older API versions sent as `0`/`1`; parsed to a real boolean. */
const flagSchema = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);

/** A `YYYY-MM-DD` date or null; an empty string (seen in exported catalogues) is read as null. */
const optionalDateSchema = z
	.string()
	.nullish()
	.transform((v) => (v === undefined || v === null || v === '' ? null : v));

/**
 * The paging envelope shared by every list endpoint.
 *
 * `count` is the number of items on this page (not the total). v3 links the next page with
 * `next_url`; v2 used `next_page`. Both are accepted; `null`, `""` or an absent key all mean
 * "last page".
 */
export function koladaEnvelopeSchema<T extends z.ZodType>(item: T) {
	return z.object({
		count: z.number().optional(),
		values: z.array(item),
		next_url: z.string().nullish(),
		previous_url: z.string().nullish(),
		next_page: z.string().nullish(),
		previous_page: z.string().nullish(),
	});
}

/** A parsed page of any list endpoint, see {@link koladaEnvelopeSchema}. */
export interface KoladaPage<T> {
	count?: number | undefined;
	values: T[];
	next_url?: string | null | undefined;
	previous_url?: string | null | undefined;
	next_page?: string | null | undefined;
	previous_page?: string | null | undefined;
}

/**
 * A KPI (nyckeltal) as served by `/v3/kpi`.
 *
 * All twelve v3 fields are read; `auspice` falls back to v2's `auspices`, `is_divided_by_gender` and
 * `has_ou_data` accept v2's `0`/`1`, and `publ_period` is normalised to a string. Fields beyond
 * `id` and `title` default to neutral values when absent so a thinner response still parses.
 */
export const koladaKpiSchema = z
	.object({
		id: kpiId,
		title: z.string().max(MAX_TITLE_LENGTH, `högst ${MAX_TITLE_LENGTH} tecken`),
		description: z.string().max(MAX_DESCRIPTION_LENGTH).nullish(),
		is_divided_by_gender: flagSchema.optional(),
		municipality_type: z.string().nullish(),
		auspice: z.string().nullish(),
		auspices: z.string().nullish(),
		operating_area: z.string().nullish(),
		perspective: z.string().nullish(),
		prel_publication_date: optionalDateSchema,
		publication_date: optionalDateSchema,
		publ_period: z.union([z.string(), z.number()]).nullish(),
		has_ou_data: flagSchema.optional(),
	})
	.transform((k): KoladaKpi => ({
		id: k.id,
		title: k.title,
		description: k.description ?? '',
		is_divided_by_gender: k.is_divided_by_gender ?? false,
		municipality_type: k.municipality_type ?? null,
		auspice: k.auspice ?? k.auspices ?? null,
		operating_area: k.operating_area ?? null,
		perspective: k.perspective ?? null,
		prel_publication_date: k.prel_publication_date,
		publication_date: k.publication_date,
		publ_period: k.publ_period === undefined || k.publ_period === null ? null : String(k.publ_period),
		has_ou_data: k.has_ou_data ?? false,
	}));

/** A KPI after parsing: the v3 field names with v2 spellings folded in. */
export interface KoladaKpi {
	/** KPI id, e.g. `N31807` (national source) or `U31401` (RKA). */
	id: string;
	/** Swedish title; carries the unit (`andel (%)`, `kr/inv`, `antal`) and categorical coding. */
	title: string;
	/** Definition and original producer (`Källa: …`); `''` when absent. */
	description: string;
	/** Whether K/M (kvinnor/män) rows may exist besides the total T. */
	is_divided_by_gender: boolean;
	/** `K` kommun, `L` region, `A` both; null when absent. */
	municipality_type: string | null;
	/** Regiform code (`T`, `X`, `E`, `P`, `O`, `A`; legend unpublished) or null. */
	auspice: string | null;
	/** Verksamhetsområde, e.g. `Individ- och familjeomsorg`. */
	operating_area: string | null;
	/** `Resurser`, `Kvalitet och resultat`, `Volymer`, `Övrigt` or null. */
	perspective: string | null;
	/** Next preliminary publication, `YYYY-MM-DD`, or null. */
	prel_publication_date: string | null;
	/** Next final publication on municipality level, `YYYY-MM-DD`, or null. */
	publication_date: string | null;
	/** The period the next publication covers, e.g. `"2025"`, or null. */
	publ_period: string | null;
	/** Whether data on organisational-unit level may exist. */
	has_ou_data: boolean;
}

/** A municipality, region or Riket as served by `/v3/municipality`. */
export const koladaMunicipalitySchema = z.object({
	id: areaCode,
	title: name,
	type: shortCode,
}) satisfies z.ZodType<KoladaMunicipality>;

/**
 * A municipality after parsing. `id` is the 4-character SCB code as a string (`"0180"`); regions
 * are `"0001"`–`"0025"` and Riket is `"0000"`. `type` is `K` (kommun) or `L` (region, also Riket).
 */
export interface KoladaMunicipality {
	id: string;
	title: string;
	type: string;
}

/** One member of a municipality group (`member_id`/`member_title`, as in v2 clients and v3). */
export const koladaGroupMemberSchema = z.object({
	member_id: areaCode,
	member_title: name,
}) satisfies z.ZodType<KoladaGroupMember>;

/** A group member after parsing. */
export interface KoladaGroupMember {
	member_id: string;
	member_title: string;
}

/** A municipality group (kommungrupp, län, "Liknande kommuner …") from `/v3/municipality_groups`. */
export const koladaMunicipalityGroupSchema = z.object({
	id: groupId,
	title: name,
	members: z.array(koladaGroupMemberSchema),
}) satisfies z.ZodType<KoladaMunicipalityGroup>;

/** A municipality group after parsing. Group ids start with `G` (`"G92787"`). */
export interface KoladaMunicipalityGroup {
	id: string;
	title: string;
	members: KoladaGroupMember[];
}

/**
 * One gender value inside a data row. `value === null` means missing whatever `status` says;
 * `0` is a real value. With `from_date`, v3 adds `isdeleted` (boolean) and v2 `is_deleted` (0/1).
 */
export const koladaDataValueSchema = z.object({
	gender: shortCode,
	count: z.number().nullish(),
	status: z.string().max(MAX_NAME_LENGTH).nullish(),
	value: z.number().nullable(),
	isdeleted: flagSchema.nullish(),
	is_deleted: flagSchema.nullish(),
}) satisfies z.ZodType<KoladaDataValue>;

/** A gender value after parsing; deletion flags are already booleans. */
export interface KoladaDataValue {
	/** `T` total, `K` kvinnor, `M` män; other codes are passed through. */
	gender: string;
	count?: number | null | undefined;
	status?: string | null | undefined;
	value: number | null;
	isdeleted?: boolean | null | undefined;
	is_deleted?: boolean | null | undefined;
}

/**
 * A municipality-level data row from `/v3/data/...`: one KPI, one area, one year. A deletion may be
 * flagged on the row as well as on each value (which one Kolada uses is not documented): both count.
 */
export const koladaDataRowSchema = z.object({
	kpi: kpiId,
	municipality: z.union([areaCode, groupId]),
	period: z.number().int(),
	values: z.array(koladaDataValueSchema).max(10),
	isdeleted: flagSchema.nullish(),
	is_deleted: flagSchema.nullish(),
}) satisfies z.ZodType<KoladaDataRow>;

/** A data row after parsing. `municipality` may also be a group id (`G…`) or `"0000"` (Riket). */
export interface KoladaDataRow {
	kpi: string;
	municipality: string;
	period: number;
	values: KoladaDataValue[];
	/** Deletion flagged on the whole row (v3 spelling, then v2). */
	isdeleted?: boolean | null | undefined;
	is_deleted?: boolean | null | undefined;
}

/** The envelope of any page with its records left unchecked: each is checked on its own by the client. */
export const koladaRawPageSchema = koladaEnvelopeSchema(z.unknown());

/** Page schema for `/v3/kpi`. */
export const koladaKpiPageSchema = koladaEnvelopeSchema(koladaKpiSchema);
/** Page schema for `/v3/municipality`. */
export const koladaMunicipalityPageSchema = koladaEnvelopeSchema(koladaMunicipalitySchema);
/** Page schema for `/v3/municipality_groups`. */
export const koladaMunicipalityGroupPageSchema = koladaEnvelopeSchema(koladaMunicipalityGroupSchema);
/** Page schema for `/v3/data/...`. */
export const koladaDataPageSchema = koladaEnvelopeSchema(koladaDataRowSchema);

/**
 * The URL of the next page, or undefined on the last page: v3 `next_url` first, then v2
 * `next_page`; empty strings and null count as absent.
 */
export function nextPageUrl(page: KoladaPage<unknown>): string | undefined {
	for (const candidate of [page.next_url, page.next_page]) {
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	}
	return undefined;
}
