/**
 * The one search module: fuzzy, tiered lookup of areas (kommuner, län, Riket, stadsdelar, groups)
 * and indicators, built once per dataset, plus autocomplete choices for Discord and the shell.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Area, AreaType, Indicator } from '../dataset/schema.js';
import { clip } from '../text.js';
import { TieredIndex, type Resolution, type SearchDoc } from './tiered.js';

/** An autocomplete choice: a readable name (≤ 100 characters) and a stable id as value. */
export interface Choice {
	readonly name: string;
	readonly value: string;
}

/** Discord's limits for autocomplete. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;

/** Which areas a lookup accepts. */
export type AreaScope = 'all' | 'kommun' | 'lan' | 'place';

/** An area lookup: a {@link Resolution}, or an exact hit on an area the scope does not accept. */
export type AreaResolution = Resolution<Area> | { readonly status: 'wrong_scope'; readonly item: Area };

const SCOPE_TYPES: Record<AreaScope, readonly AreaType[]> = {
	all: ['riket', 'lan', 'kommun', 'stadsdel', 'grupp'],
	kommun: ['kommun'],
	lan: ['lan'],
	place: ['riket', 'lan', 'kommun', 'stadsdel'],
};

/** Indicators offered when the indicator field is still empty. */
const POPULAR_INDICATORS = [
	'N31807',
	'N31814',
	'U31801',
	'U31803',
	'U31809',
	'U31804',
	'N31849',
	'U31001',
	'N31910',
	'N31857',
	'U31402',
	'U31404',
	'U31401',
	'U31509',
	'U31484',
	'U30427',
	'U31491',
	'U31476',
	'U37535',
	'U31512',
	'U31489',
	'OJEB-INDMOTEN',
];

/** Cuts a label to Discord's 100 characters with an ellipsis. */
export function clampLabel(label: string, max = MAX_CHOICE_NAME): string {
	return clip(label, max);
}

function areaDoc(area: Area): SearchDoc<Area> {
	return { item: area, id: area.id, primary: [area.name], aliases: area.altNames };
}

/** A search doc for an indicator: title and short title identify it; keywords find it. */
export function indicatorDoc(
	indicator: Pick<Indicator, 'id' | 'title' | 'shortTitle' | 'keywords'>,
): SearchDoc<Indicator> {
	return {
		item: indicator as Indicator,
		id: indicator.id,
		primary: [indicator.shortTitle, indicator.title],
		aliases: indicator.keywords,
	};
}

/** Fuzzy search over one dataset. */
export class Search {
	private readonly dataset: Dataset;
	private readonly areaIndexes = new Map<AreaScope, TieredIndex<Area>>();
	private readonly indicatorIndex: TieredIndex<Indicator>;
	private readonly defaultAreaChoices: Choice[];
	private readonly defaultIndicatorChoices: Choice[];

	constructor(dataset: Dataset, indicators: readonly Indicator[] = dataset.indicators) {
		this.dataset = dataset;
		for (const scope of Object.keys(SCOPE_TYPES) as AreaScope[]) {
			const types = new Set(SCOPE_TYPES[scope]);
			this.areaIndexes.set(scope, new TieredIndex(dataset.areas.filter((a) => types.has(a.type)).map(areaDoc)));
		}
		this.indicatorIndex = new TieredIndex(indicators.map(indicatorDoc));
		const largest = [...dataset.areasOfType('kommun')]
			.sort((a, b) => (b.population?.value ?? 0) - (a.population?.value ?? 0))
			.slice(0, MAX_CHOICES - 1);
		const riket = dataset.area('0000');
		this.defaultAreaChoices = [...(riket ? [riket] : []), ...largest].map((a) => this.areaChoice(a));
		this.defaultIndicatorChoices = POPULAR_INDICATORS.map((id) => dataset.indicator(id))
			.filter((i): i is Indicator => i !== undefined)
			.map((i) => this.indicatorChoice(i));
	}

	/** Number of indicators indexed. */
	get indicatorCount(): number {
		return this.indicatorIndex.size;
	}

	private areaIndex(scope: AreaScope): TieredIndex<Area> {
		const index = this.areaIndexes.get(scope);
		if (!index) throw new Error(`unknown area scope ${scope}`);
		return index;
	}

	/**
	 * Resolves free text (a name, an official name, a code) to an area of the scope. An exact hit
	 * on an area outside the scope ("Stockholms län" where a kommun is needed) is reported as
	 * `wrong_scope` rather than fuzzy-matched to something else.
	 */
	resolveArea(query: string, scope: AreaScope = 'place'): AreaResolution {
		const scoped = this.areaIndex(scope).resolve(query);
		if (scope === 'all' || (scoped.status === 'found' && scoped.tier !== 'fuzzy')) return scoped;
		const any = this.areaIndex('all').resolve(query);
		if (any.status === 'found' && any.tier !== 'fuzzy' && !SCOPE_TYPES[scope].includes(any.item.type)) {
			return { status: 'wrong_scope', item: any.item };
		}
		return scoped;
	}

	/** Resolves free text (an id, a title, a keyword) to an indicator. */
	resolveIndicator(query: string): Resolution<Indicator> {
		return this.indicatorIndex.resolve(query);
	}

	/** A readable label that says what the area is: "Håbo (Uppsala län)", "Rinkeby-Kista (stadsdel i Stockholm)". */
	areaLabel(area: Area): string {
		switch (area.type) {
			case 'kommun': {
				const lan = area.lanId === undefined ? undefined : this.dataset.area(area.lanId);
				return lan ? `${area.name} (${lan.name})` : area.name;
			}
			case 'lan':
				return `${area.name} (${area.altNames[0] ?? 'län'})`;
			case 'riket':
				return 'Riket (hela Sverige)';
			case 'stadsdel': {
				const parent = area.parentId === undefined ? undefined : this.dataset.area(area.parentId);
				return `${area.name} (stadsdel i ${parent?.name ?? 'kommunen'})`;
			}
			case 'grupp':
				return `${area.name} (${area.note ?? 'grupp'})`;
		}
	}

	/** A readable label for an indicator: short title, unit and id. */
	indicatorLabel(indicator: Indicator): string {
		const suffix = ` (${indicator.unit || indicator.kind}, ${indicator.id})`;
		return `${clampLabel(indicator.shortTitle, MAX_CHOICE_NAME - suffix.length)}${suffix}`;
	}

	/** An autocomplete choice for an area. */
	areaChoice(area: Area): Choice {
		return { name: clampLabel(this.areaLabel(area)), value: area.id };
	}

	/** An autocomplete choice for an indicator. */
	indicatorChoice(indicator: Indicator): Choice {
		return { name: clampLabel(this.indicatorLabel(indicator)), value: indicator.id };
	}

	/** Up to 25 area choices for what has been typed so far; the largest kommuner when nothing is typed. */
	suggestAreas(query: string, scope: AreaScope = 'place', limit = MAX_CHOICES): Choice[] {
		const types = new Set(SCOPE_TYPES[scope]);
		if (query.trim() === '') {
			return this.defaultAreaChoices
				.filter((c) => types.has(this.dataset.area(c.value)?.type ?? 'grupp'))
				.slice(0, limit);
		}
		return this.areaIndex(scope)
			.suggest(query, limit)
			.map((s) => this.areaChoice(s.item));
	}

	/** Up to 25 indicator choices for what has been typed so far; the most used when nothing is typed. */
	suggestIndicators(query: string, limit = MAX_CHOICES): Choice[] {
		if (query.trim() === '') return this.defaultIndicatorChoices.slice(0, limit);
		return this.indicatorIndex.suggest(query, limit).map((s) => this.indicatorChoice(s.item));
	}

	/** Everything that matches a free text: areas and indicators, best first (for `/sök`). */
	search(query: string, limit = 10): { areas: Area[]; indicators: Indicator[] } {
		return {
			areas: this.areaIndex('all')
				.suggest(query, limit)
				.map((s) => s.item),
			indicators: this.indicatorIndex.suggest(query, limit).map((s) => s.item),
		};
	}
}
