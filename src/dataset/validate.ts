/**
 * Integrity checks beyond the zod shape: references between tables, unique keys, and that survey
 * answers are stored as answers or shares, never as numbers to average.
 */
import type { Area, DatasetFile, Indicator, Series } from './schema.js';

const KOMMUN_ID = /^\d{4}$/;

/** The key of a series: indicator × area × gender × measure. */
export function seriesKey(s: {
	readonly indicator: string;
	readonly area: string;
	readonly gender: string;
	readonly measure: string;
}): string {
	return `${s.indicator}|${s.area}|${s.gender}|${s.measure}`;
}

function duplicates(ids: readonly string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) dup.add(id);
		seen.add(id);
	}
	return [...dup];
}

type Report = (message: string) => void;

/** The records a check looks things up in. */
interface Lookup {
	readonly areas: ReadonlyMap<string, Area>;
	readonly indicators: ReadonlyMap<string, Indicator>;
	readonly provs: ReadonlySet<number>;
}

function checkUniqueIds(data: DatasetFile, report: Report): void {
	for (const id of duplicates(data.areas.map((a) => a.id))) report(`områdes-id förekommer flera gånger: ${id}`);
	for (const id of duplicates(data.indicators.map((i) => i.id))) report(`indikator-id förekommer flera gånger: ${id}`);
	for (const id of duplicates(data.groupings.map((g) => g.id))) report(`indelnings-id förekommer flera gånger: ${id}`);
	for (const id of duplicates(data.provenance.map((p) => String(p.id))))
		report(`källa-id förekommer flera gånger: ${id}`);
}

function checkAreas(data: DatasetFile, lookup: Lookup, report: Report): void {
	const { areas: areaIds, provs: provIds } = lookup;
	for (const area of data.areas) {
		if (area.type === 'kommun' && !KOMMUN_ID.test(area.id)) report(`kommunkod ska ha fyra siffror: "${area.id}"`);
		if (area.lanId !== undefined && areaIds.get(area.lanId)?.type !== 'lan') {
			report(`område ${area.id}: okänt län ${area.lanId}`);
		}
		if (area.type === 'stadsdel' && areaIds.get(area.parentId ?? '')?.type !== 'kommun') {
			report(`stadsdel ${area.id}: saknar giltig kommun (parentId)`);
		}
		if (area.type === 'grupp' && !data.groupings.some((g) => g.id === area.groupingId)) {
			report(`grupp-område ${area.id}: okänd indelning ${area.groupingId ?? '(saknas)'}`);
		}
		if (area.population && !provIds.has(area.population.prov)) report(`område ${area.id}: okänd källa för befolkning`);
		if (area.prov !== undefined && !provIds.has(area.prov)) report(`område ${area.id}: okänd källa ${area.prov}`);
	}
}

function checkGroupings(data: DatasetFile, lookup: Lookup, report: Report): void {
	const { areas: areaIds, provs: provIds } = lookup;
	for (const grouping of data.groupings) {
		if (!provIds.has(grouping.prov)) report(`indelning ${grouping.id}: okänd källa ${grouping.prov}`);
		for (const id of duplicates(grouping.groups.map((g) => g.id)))
			report(`indelning ${grouping.id}: grupp ${id} dubblerad`);
		for (const group of grouping.groups) {
			for (const member of group.members) {
				if (areaIds.get(member)?.type !== 'kommun') {
					report(`indelning ${grouping.id}, grupp ${group.id}: okänd kommun ${member}`);
				}
			}
			if (group.areaId !== undefined && !areaIds.has(group.areaId)) {
				report(`indelning ${grouping.id}, grupp ${group.id}: okänt område ${group.areaId}`);
			}
		}
	}
}

/** One series: known indicator and area, a measure that fits the indicator, points in year order. */
function checkSeries(s: Series, key: string, lookup: Lookup, report: Report): void {
	const indicator = lookup.indicators.get(s.indicator);
	const area = lookup.areas.get(s.area);
	if (!indicator) {
		report(`serie ${key}: okänd indikator`);
		return;
	}
	if (!area) {
		report(`serie ${key}: okänt område`);
		return;
	}
	const categorical = indicator.kind === 'yesno' || indicator.kind === 'ordinal';
	if (categorical && s.measure === 'value') report(`serie ${key}: Ja/Nej-indikator lagrad som tal`);
	if (!categorical && s.measure !== 'value')
		report(`serie ${key}: mått ${s.measure} passar inte en numerisk indikator`);
	if (s.measure === 'answer' && area.type !== 'kommun' && area.type !== 'stadsdel') {
		report(`serie ${key}: enkätsvar kan bara höra till en kommun eller stadsdel`);
	}
	const codes = new Set(indicator.scale?.map((step) => step.code));
	let lastYear = -Infinity;
	for (const point of s.points) {
		const [year, value, prov] = point;
		if (year <= lastYear) report(`serie ${key}: år ${year} i fel ordning eller dubblerat`);
		lastYear = year;
		if (!lookup.provs.has(prov)) report(`serie ${key}, ${year}: okänd källa ${prov}`);
		if (value === null) continue;
		if (s.measure === 'answer' && !codes.has(value))
			report(`serie ${key}, ${year}: svarskod ${value} finns inte i skalan`);
		if ((s.measure === 'share' || s.measure === 'shareAny') && (value < 0 || value > 100)) {
			report(`serie ${key}, ${year}: andel ${value} utanför 0–100`);
		}
	}
}

/**
 * Returns every integrity problem found (empty when the dataset is consistent), worded so a
 * maintainer can find the offending record.
 */
export function checkIntegrity(data: DatasetFile, limit = 25): string[] {
	const problems: string[] = [];
	const report = (message: string): void => {
		if (problems.length < limit) problems.push(message);
	};
	const lookup: Lookup = {
		areas: new Map(data.areas.map((a) => [a.id, a])),
		indicators: new Map(data.indicators.map((i) => [i.id, i])),
		provs: new Set(data.provenance.map((p) => p.id)),
	};
	checkUniqueIds(data, report);
	checkAreas(data, lookup, report);
	checkGroupings(data, lookup, report);
	const keys = new Set<string>();
	for (const s of data.series) {
		const key = seriesKey(s);
		if (keys.has(key)) report(`dubblerad serie: ${key}`);
		keys.add(key);
		checkSeries(s, key, lookup, report);
	}
	return problems;
}
