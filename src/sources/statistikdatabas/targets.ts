/**
 * Which indicator a statistikdatabas row's measure ("mått") is imported as: a mapping rule for the
 * measure (with its dimension filter), or — unless the mapping says only mapped measures — an
 * indicator the search finds for the measure's name or id without guessing. Rows for other
 * dimension values than the total are filtered out unless a rule selects them.
 */
import type { Dataset } from '../../dataset/dataset.js';
import type { Indicator } from '../../dataset/schema.js';
import type { Search } from '../../search/search.js';
import { tokenKey } from '../excel/cells.js';
import type { MatchHow } from '../excel/indicators.js';
import { headerKey, isTotal, type CsvColumns } from './columns.js';
import type { CsvMapping, MeasureSpec } from './mapping.js';

/** The indicator a measure is imported as, how it was found, and the mapping rule if any. */
export interface MeasureTarget {
	readonly indicator: Indicator;
	readonly how: MatchHow;
	readonly spec?: MeasureSpec;
}

/** What a row's measure comes to: an indicator, a row filtered out or ignored, or an unknown measure. */
export type TargetResult =
	{ readonly kind: 'target'; readonly target: MeasureTarget } | { readonly kind: 'filtered' | 'ignored' | 'unknown' };

function matchesWhere(spec: MeasureSpec | undefined, cells: readonly string[], columns: CsvColumns): boolean {
	const where = new Map(Object.entries(spec?.where ?? {}).map(([k, v]) => [headerKey(k), tokenKey(v)]));
	for (const dim of columns.dimensions) {
		const value = cells[dim.index] ?? '';
		const wanted = where.get(headerKey(dim.name));
		if (wanted !== undefined) {
			if (tokenKey(value) !== wanted) return false;
		} else if (!isTotal(value)) return false;
	}
	return true;
}

/** Finds the indicator of each measure, remembering what the search found per measure name. */
export class MeasureTargets {
	private readonly found = new Map<string, MeasureTarget | undefined>();

	constructor(
		private readonly dataset: Dataset,
		private readonly search: Search,
		private readonly mapping: CsvMapping | undefined,
	) {}

	/** The target of a row with measure `name` (and `id`, when the file has a measure id column). */
	find(name: string, id: string | undefined, cells: readonly string[], columns: CsvColumns): TargetResult {
		const keys = new Set([tokenKey(name), ...(id === undefined ? [] : [tokenKey(id)])]);
		const rules = (this.mapping?.measures ?? []).filter((m) => keys.has(tokenKey(m.matt)));
		if (rules.length > 0) {
			const rule = rules.find((m) => matchesWhere(m, cells, columns));
			if (!rule) return { kind: 'filtered' };
			if (rule.indicator === 'ignore') return { kind: 'ignored' };
			const indicator = this.dataset.indicator(rule.indicator);
			return indicator ? { kind: 'target', target: { indicator, how: 'mapping', spec: rule } } : { kind: 'unknown' };
		}
		if (this.mapping?.onlyMappedMeasures) return { kind: 'unknown' };
		if (!this.found.has(name)) this.found.set(name, this.searchFor(name, id));
		const target = this.found.get(name);
		if (!target) return { kind: 'unknown' };
		return matchesWhere(undefined, cells, columns) ? { kind: 'target', target } : { kind: 'filtered' };
	}

	/** A numeric indicator the search finds for the name or id without a fuzzy guess. */
	private searchFor(name: string, id: string | undefined): MeasureTarget | undefined {
		for (const query of [name, ...(id === undefined ? [] : [id])]) {
			const result = this.search.resolveIndicator(query);
			if (result.status === 'found' && result.tier !== 'fuzzy') {
				const indicator = result.item;
				if (indicator.kind !== 'yesno' && indicator.kind !== 'ordinal') return { indicator, how: result.tier };
			}
		}
		return undefined;
	}
}
