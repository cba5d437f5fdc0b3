/**
 * Column detection for the statistikdatabas CSV by header names, since the export's exact layout is
 * not documented: år, region (code and/or name), mått, kön, värde, and any other columns as
 * dimensions (ålder, hushållstyp, …) whose "total" value is imported unless a mapping picks another.
 */
import { foldDiacritics } from '../../search/normalize.js';
import { tokenKey } from '../excel/cells.js';

/** Where the known columns are (0-based indexes). */
export interface CsvColumns {
	readonly year: number;
	readonly regionCode?: number;
	readonly regionName?: number;
	readonly measure: number;
	/** A measure id column next to the name, if both exist. */
	readonly measureId?: number;
	readonly gender?: number;
	readonly value: number;
	/** Other columns: dimensions such as Ålder or Hushållstyp. */
	readonly dimensions: readonly { readonly index: number; readonly name: string }[];
}

/** Header comparison form: "Mått_id" → "matt id", "Värde" → "varde". */
export function headerKey(text: string): string {
	return foldDiacritics(tokenKey(text)).replace(/\s+/g, ' ').trim();
}

const YEAR = /^(ar|artal|year|period|tid)$/;
const REGION_CODE =
	/^(region ?id|region ?kod|kommun ?kod|kommun ?id|kommun ?nr|lans? ?kod|omrades ?kod|kod|region ?code)$/;
const REGION_NAME = /^(region|region ?namn|kommun|kommun ?namn|omrade|lan|geografi)$/;
const MEASURE = /^(matt|matt ?namn|matt ?text|statistikmatt|variabel|indikator|measure)$/;
const MEASURE_ID = /^(matt ?id|matt ?kod|indikator ?id|measure ?id)$/;
const GENDER = /^(kon|kon ?id|kon ?kod|sex|gender)$/;
const VALUE = /^(varde|varden|value|antal varde)$/;

/** Finds the known columns; returns the names of the required ones that are missing instead. */
export function detectColumns(headers: readonly string[]): CsvColumns | { readonly missing: readonly string[] } {
	const keys = headers.map(headerKey);
	const find = (re: RegExp): number | undefined => {
		const i = keys.findIndex((k) => re.test(k));
		return i >= 0 ? i : undefined;
	};
	const year = find(YEAR);
	const regionCode = find(REGION_CODE);
	const regionName = find(REGION_NAME);
	const measureName = find(MEASURE);
	const measureId = find(MEASURE_ID);
	const gender = find(GENDER);
	const value = find(VALUE);
	const missing: string[] = [];
	if (year === undefined) missing.push('År');
	if (regionCode === undefined && regionName === undefined) missing.push('Region/Kommun');
	if (measureName === undefined && measureId === undefined) missing.push('Mått');
	if (value === undefined) missing.push('Värde');
	if (year === undefined || value === undefined || (measureName === undefined && measureId === undefined))
		return { missing };
	if (regionCode === undefined && regionName === undefined) return { missing };
	const measure = measureName ?? measureId ?? 0;
	const known = new Set([year, regionCode, regionName, measureName, measureId, gender, value]);
	const dimensions = headers
		.map((name, index) => ({ index, name }))
		.filter((c) => !known.has(c.index) && c.name.trim() !== '');
	return {
		year,
		...(regionCode === undefined ? {} : { regionCode }),
		...(regionName === undefined ? {} : { regionName }),
		measure,
		...(measureName !== undefined && measureId !== undefined ? { measureId } : {}),
		...(gender === undefined ? {} : { gender }),
		value,
		dimensions,
	};
}

const TOTALS = new Set([
	'totalt',
	'total',
	'samtliga',
	'alla',
	'bada konen',
	'bada',
	'alla aldrar',
	'samtliga aldrar',
	'totalt alla aldrar',
	'samtliga hushall',
	'alla hushall',
	'alla hushallstyper',
	'samtliga hushallstyper',
	'samtliga personer',
	'alla personer',
	'',
]);

/** True for a dimension value that means "all" ("Totalt", "Samtliga", "Båda könen"). */
export function isTotal(value: string): boolean {
	return TOTALS.has(headerKey(value));
}

/** Kön as T/K/M, or undefined when the value is not understood. */
export function genderOf(value: string): 'T' | 'K' | 'M' | undefined {
	const key = headerKey(value);
	if (isTotal(value) || key === 't' || key === '1+2' || key === 'bada konen') return 'T';
	if (key === 'kvinnor' || key === 'kvinna' || key === 'flickor' || key === 'k' || key === '2') return 'K';
	if (key === 'man' || key === 'pojkar' || key === 'm' || key === '1') return 'M';
	return undefined;
}
