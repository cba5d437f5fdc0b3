/**
 * Merges values from a source (Kolada sync, ÖJ workbook, statistikdatabas CSV) into an existing
 * dataset. Pure: returns a new dataset and a summary; the caller validates and writes it.
 *
 * Rules: an incoming value for an existing key (indicator × area × gender × measure × year)
 * replaces it and is counted; deletions remove a value and are counted; identical values are left
 * alone; everything else in the dataset is kept with its own provenance.
 */
import type {
	Area,
	DatasetFile,
	Gender,
	Grouping,
	ImportRecord,
	Indicator,
	Measure,
	Point,
	Provenance,
	Series,
} from '../dataset/schema.js';
import { seriesKey } from '../dataset/validate.js';

/** One incoming value. `prov` indexes {@link MergeInput.provenance}. */
export interface IncomingPoint {
	readonly indicator: string;
	readonly area: string;
	readonly gender: Gender;
	readonly measure: Measure;
	readonly year: number;
	readonly value: number | null;
	readonly prov: number;
	/** Missing-value token from the source, kept when `value` is null. */
	readonly status?: string;
	/** Cell or row reference inside the source. */
	readonly ref?: string;
	/** True to delete the stored value (Kolada's `isdeleted`). */
	readonly deleted?: boolean;
}

/** What a source hands to {@link mergeIntoDataset}. */
export interface MergeInput {
	/** Provenance records for the incoming values, referenced by index. */
	readonly provenance: readonly Omit<Provenance, 'id'>[];
	readonly points: readonly IncomingPoint[];
	/** New or updated indicators (replace by id; curated keywords of an existing one are kept). */
	readonly indicators?: readonly Indicator[];
	/** New or updated areas (replace by id), e.g. stadsdelar from a workbook. */
	readonly areas?: readonly Area[];
	/** New or updated groupings (replace by id). */
	readonly groupings?: readonly Grouping[];
	/** The import record to append; its summary is filled in by the merge. */
	readonly record: Omit<ImportRecord, 'summary'> & { readonly summary?: ImportRecord['summary'] };
}

/** Counts of what a merge changed. */
export interface MergeSummary {
	readonly added: number;
	readonly replaced: number;
	readonly unchanged: number;
	readonly deleted: number;
	readonly indicatorsAdded: number;
	readonly indicatorsUpdated: number;
	readonly areasAdded: number;
}

/** A key for a provenance record that ignores its id and the order of its fields. */
function provenanceKey(p: Omit<Provenance, 'id'> & { readonly id?: number }): string {
	const entries: [string, unknown][] = Object.entries(p as Record<string, unknown>).filter(
		([k, v]) => k !== 'id' && v !== undefined,
	);
	entries.sort(([a], [b]) => a.localeCompare(b));
	return JSON.stringify(entries);
}

function samePoint(a: Point, b: Point): boolean {
	return a[1] === b[1] && (a[3] ?? '') === (b[3] ?? '');
}

function makePoint(p: IncomingPoint, provId: number): Point {
	if (p.ref !== undefined) return [p.year, p.value, provId, p.status ?? '', p.ref];
	if (p.status !== undefined) return [p.year, p.value, provId, p.status];
	return [p.year, p.value, provId];
}

function replaceById<T extends { readonly id: string }>(
	base: readonly T[],
	incoming: readonly T[] | undefined,
	merge: (old: T, next: T) => T = (_old, next) => next,
): { list: T[]; added: number; updated: number } {
	if (!incoming || incoming.length === 0) return { list: [...base], added: 0, updated: 0 };
	const byId = new Map(base.map((item) => [item.id, item]));
	let added = 0;
	let updated = 0;
	for (const item of incoming) {
		const old = byId.get(item.id);
		if (old) {
			updated += 1;
			byId.set(item.id, merge(old, item));
		} else {
			added += 1;
			byId.set(item.id, item);
		}
	}
	return { list: [...byId.values()], added, updated };
}

/** Keeps hand-curated words when a source updates an indicator's metadata. */
function mergeIndicator(old: Indicator, next: Indicator): Indicator {
	return {
		...next,
		shortTitle: old.shortTitle || next.shortTitle,
		keywords: [...new Set([...old.keywords, ...next.keywords])],
	};
}

/** Everything of a {@link MergeInput} except its values, which a {@link DatasetMerger} takes one by one. */
export type MergeRest = Omit<MergeInput, 'provenance' | 'points'>;

/**
 * An incremental merge: values are applied as they arrive (a sync feeds it response by response),
 * so no list of incoming values is held in memory. Provenance records are appended (identical ones
 * reused); records no longer referenced by anything are dropped when the merge is finished.
 */
export class DatasetMerger {
	readonly #base: DatasetFile;
	readonly #provenance: Provenance[];
	readonly #provMap: readonly number[];
	readonly #series = new Map<string, Map<number, Point>>();
	readonly #meta = new Map<string, Omit<Series, 'points'>>();
	#added = 0;
	#replaced = 0;
	#unchanged = 0;
	#deleted = 0;

	/** Starts a merge into `base` of values whose `prov` index `provenance`. */
	constructor(base: DatasetFile, provenance: readonly Omit<Provenance, 'id'>[]) {
		this.#base = base;
		this.#provenance = [...base.provenance];
		const byContent = new Map(this.#provenance.map((p) => [provenanceKey(p), p.id]));
		let nextId = this.#provenance.reduce((max, p) => Math.max(max, p.id), -1) + 1;
		this.#provMap = provenance.map((p) => {
			const key = provenanceKey(p);
			const existing = byContent.get(key);
			if (existing !== undefined) return existing;
			const id = nextId++;
			this.#provenance.push({ id, ...p });
			byContent.set(key, id);
			return id;
		});
		for (const s of base.series) {
			const key = seriesKey(s);
			this.#series.set(key, new Map(s.points.map((p) => [p[0], p])));
			this.#meta.set(key, { indicator: s.indicator, area: s.area, gender: s.gender, measure: s.measure });
		}
	}

	/** Applies one incoming value: added, replacing, unchanged or deleted. */
	add(p: IncomingPoint): void {
		const provId = this.#provMap[p.prov];
		if (provId === undefined) throw new Error(`incoming value refers to unknown provenance ${p.prov}`);
		const key = seriesKey(p);
		let byYear = this.#series.get(key);
		if (!byYear) {
			byYear = new Map();
			this.#series.set(key, byYear);
			this.#meta.set(key, { indicator: p.indicator, area: p.area, gender: p.gender, measure: p.measure });
		}
		const old = byYear.get(p.year);
		if (p.deleted) {
			if (old) {
				byYear.delete(p.year);
				this.#deleted += 1;
			}
			return;
		}
		const point = makePoint(p, provId);
		if (!old) {
			this.#added += 1;
			byYear.set(p.year, point);
		} else if (samePoint(old, point)) {
			this.#unchanged += 1;
		} else {
			this.#replaced += 1;
			byYear.set(p.year, point);
		}
	}

	/** Builds the merged dataset with the other updates and the import record, and says what changed. */
	finish(rest: MergeRest): { dataset: DatasetFile; summary: MergeSummary } {
		const base = this.#base;
		const keyed: [string, Series][] = [];
		for (const [key, byYear] of this.#series) {
			if (byYear.size === 0) continue;
			const m = this.#meta.get(key);
			if (!m) continue;
			keyed.push([key, { ...m, points: [...byYear.values()].sort((a, b) => a[0] - b[0]) }]);
		}
		// In the order of `localeCompare` on the series keys, each key built once.
		const collator = new Intl.Collator();
		keyed.sort(([a], [b]) => collator.compare(a, b));
		const mergedSeries = keyed.map(([, series]) => series);

		const indicators = replaceById(base.indicators, rest.indicators, mergeIndicator);
		const areas = replaceById(base.areas, rest.areas);
		const groupings = replaceById(base.groupings, rest.groupings);

		const used = new Set<number>();
		for (const s of mergedSeries) for (const p of s.points) used.add(p[2]);
		for (const a of areas.list) {
			if (a.population) used.add(a.population.prov);
			if (a.prov !== undefined) used.add(a.prov);
		}
		for (const g of groupings.list) used.add(g.prov);
		for (const f of base.facts) used.add(f.prov);

		const summary: MergeSummary = {
			added: this.#added,
			replaced: this.#replaced,
			unchanged: this.#unchanged,
			deleted: this.#deleted,
			indicatorsAdded: indicators.added,
			indicatorsUpdated: indicators.updated,
			areasAdded: areas.added,
		};
		const record: ImportRecord = {
			...rest.record,
			summary: {
				...(rest.record.summary ?? {}),
				tillagda: summary.added,
				ersatta: summary.replaced,
				oforandrade: summary.unchanged,
				borttagna: summary.deleted,
			},
		};
		return {
			dataset: {
				...base,
				provenance: this.#provenance.filter((p) => used.has(p.id)),
				areas: areas.list,
				groupings: groupings.list,
				indicators: indicators.list.sort((a, b) => a.id.localeCompare(b.id)),
				series: mergedSeries,
				imports: [...base.imports, record],
			},
			summary,
		};
	}
}

/** Merges `input` into `base`, returning the new dataset and what changed (see {@link DatasetMerger}). */
export function mergeIntoDataset(
	base: DatasetFile,
	input: MergeInput,
): { dataset: DatasetFile; summary: MergeSummary } {
	const merger = new DatasetMerger(base, input.provenance);
	for (const p of input.points) merger.add(p);
	return merger.finish(input);
}
