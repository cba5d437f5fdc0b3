/**
 * The one search module: fuzzy, tiered lookup of areas (kommuner, län, Riket, stadsdelar, groups)
 * and indicators, built once per dataset, plus autocomplete choices for Discord and the shell.
 */
import type { Dataset } from '../dataset/dataset.js';
import type { Area, AreaType, Indicator } from '../dataset/schema.js';
import { clip } from '../text.js';
import vocabularyFile from '../../data/vocabulary.json' with { type: 'json' };
import { TieredIndex, type Resolution, type ResolveHints, type SearchDoc } from './tiered.js';

/** Everyday names kept as data (data/vocabulary.json): id → names people use. */
export interface Vocabulary {
	readonly indicators: Readonly<Record<string, readonly string[]>>;
	readonly areas: Readonly<Record<string, readonly string[]>>;
	/** Short forms in indicator titles and queries, written out ("inv" → "invånare"). */
	readonly abbreviations: Readonly<Record<string, string>>;
}

/** The bundled vocabulary of everyday names for indicators and areas. */
export const VOCABULARY: Vocabulary = vocabularyFile;

/** What an indicator lookup may know beyond the text: the area and year asked about. */
export interface IndicatorContext {
	readonly areaId?: string;
	readonly year?: number;
}

/** Where an indicator has values: its first and last year, and how many kommuner have any. */
export interface Coverage {
	readonly from: number;
	readonly to: number;
	readonly kommuner: number;
}

/** Words in a place query that say a län is meant ("Uppsala län", "Region Skåne", "county"). */
const LAN_WORDS = /(^|[^\p{L}])(län|lan|läns|lans|region|regionen|county|landsting)([^\p{L}]|$)/iu;

/** The fuzzy-score penalty of a län where the text does not say län: a kommun wins a near-tie. */
const LAN_PENALTY = 0.12;

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

function areaDoc(area: Area, vocabulary: Vocabulary): SearchDoc<Area> {
	return {
		item: area,
		id: area.id,
		primary: [area.name],
		aliases: [...area.altNames, ...(vocabulary.areas[area.id] ?? [])],
	};
}

/** A search doc for an indicator: title and short title identify it; keywords and everyday names find it. */
export function indicatorDoc(
	indicator: Pick<Indicator, 'id' | 'title' | 'shortTitle' | 'keywords'>,
	vocabulary: Vocabulary = VOCABULARY,
): SearchDoc<Indicator> {
	return {
		item: indicator as Indicator,
		id: indicator.id,
		primary: [indicator.shortTitle, indicator.title],
		aliases: [...indicator.keywords, ...(vocabulary.indicators[indicator.id] ?? [])],
	};
}

/** Fuzzy search over one dataset. */
export class Search {
	private readonly dataset: Dataset;
	private readonly vocabulary: Vocabulary;
	/** Area indexes by scope, each built on the first lookup in that scope. */
	private readonly areaIndexes = new Map<AreaScope, TieredIndex<Area>>();
	private readonly indicatorIndex: TieredIndex<Indicator>;
	private readonly defaultAreaChoices: Choice[];
	private readonly defaultIndicatorChoices: Choice[];
	private readonly coverage = new Map<string, Coverage>();
	/** Choices made once per indicator (cutting a long title to Discord's 100 characters costs). */
	private readonly indicatorChoices = new WeakMap<Indicator, Choice>();
	/** Kommuner with values that make an indicator count as having values when no area is asked. */
	private readonly broadCoverage: number;

	constructor(
		dataset: Dataset,
		indicators: readonly Indicator[] = dataset.indicators,
		vocabulary: Vocabulary = VOCABULARY,
	) {
		this.dataset = dataset;
		this.vocabulary = vocabulary;
		this.indicatorIndex = new TieredIndex(
			indicators.map((i) => indicatorDoc(i, vocabulary)),
			{},
			'words',
			vocabulary.abbreviations,
		);
		// Kommuner with values per indicator, in one pass over the kommuner.
		const kommuner = dataset.areasOfType('kommun');
		const counts = new Map<string, number>();
		for (const kommun of kommuner) {
			for (const id of dataset.indicatorsFor(kommun.id)) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		this.broadCoverage = Math.max(1, Math.ceil(kommuner.length / 10));
		for (const indicator of indicators) {
			const years = dataset.years(indicator.id);
			const from = years[0];
			const to = years.at(-1);
			if (from === undefined || to === undefined) continue;
			this.coverage.set(indicator.id, { from, to, kommuner: counts.get(indicator.id) ?? 0 });
		}
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

	/**
	 * The area index of a scope. Built on first use: a one-shot command (`npm run ask`) needs one
	 * or two of the scopes, a running bot warms them all at load ({@link warm}).
	 */
	private areaIndex(scope: AreaScope): TieredIndex<Area> {
		let index = this.areaIndexes.get(scope);
		if (!index) {
			const types = Object.hasOwn(SCOPE_TYPES, scope) ? SCOPE_TYPES[scope] : undefined;
			if (!types) throw new Error(`unknown area scope ${scope}`);
			const docs = this.dataset.areas.filter((a) => types.includes(a.type)).map((a) => areaDoc(a, this.vocabulary));
			index = new TieredIndex(docs);
			this.areaIndexes.set(scope, index);
		}
		return index;
	}

	/** Builds every index now, so no lookup pays for building one (a long-running bot). */
	warm(): this {
		for (const scope of Object.keys(SCOPE_TYPES) as AreaScope[]) this.areaIndex(scope);
		return this;
	}

	/**
	 * Resolves free text (a name, an official name, a code) to an area of the scope. An exact hit
	 * on an area outside the scope ("Stockholms län" where a kommun is needed) is reported as
	 * `wrong_scope` rather than fuzzy-matched to something else.
	 */
	resolveArea(query: string, scope: AreaScope = 'place'): AreaResolution {
		const hints: ResolveHints<Area> =
			scope !== 'lan' && !LAN_WORDS.test(query) ? { bias: (a) => (a.type === 'lan' ? LAN_PENALTY : 0) } : {};
		const scoped = this.areaIndex(scope).resolve(query, hints);
		if (scope === 'all' || (scoped.status === 'found' && scoped.tier !== 'fuzzy')) return scoped;
		const any = this.areaIndex('all').exactItem(query, hints);
		if (any && !SCOPE_TYPES[scope].includes(any.type)) return { status: 'wrong_scope', item: any };
		return scoped;
	}

	/**
	 * Resolves free text (an id, a title, a keyword, an everyday name) to an indicator. Between
	 * equally close indicators, the one with values (for the area and year, when given) wins.
	 */
	resolveIndicator(query: string, context: IndicatorContext = {}): Resolution<Indicator> {
		return this.indicatorIndex.resolve(query, { prefer: (i) => this.hasValues(i.id, context) });
	}

	/** Where an indicator has values in the dataset, or undefined when it has none. */
	coverageOf(indicatorId: string): Coverage | undefined {
		return this.coverage.get(indicatorId);
	}

	/**
	 * True when the dataset has values for the indicator: for the area (and year) when given,
	 * else for at least a tenth of the kommuner (values for one kommun's districts do not make an
	 * indicator the one people mean).
	 */
	hasValues(indicatorId: string, context: IndicatorContext = {}): boolean {
		const coverage = this.coverage.get(indicatorId);
		if (!coverage) return false;
		if (context.year !== undefined && !this.dataset.years(indicatorId).includes(context.year)) return false;
		if (context.areaId !== undefined) return this.dataset.indicatorsFor(context.areaId).has(indicatorId);
		return coverage.kommuner >= this.broadCoverage;
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
		return `${clip(indicator.shortTitle, MAX_CHOICE_NAME - suffix.length)}${suffix}`;
	}

	/** Where an indicator has values, as text: "2015–2023, 290 kommuner", or "inga värden". */
	coverageLabel(indicatorId: string): string {
		const c = this.coverage.get(indicatorId);
		if (!c) return 'inga värden';
		const years = c.from === c.to ? String(c.from) : `${c.from}–${c.to}`;
		if (c.kommuner === 0) return `${years}, inga kommunvärden`;
		return `${years}, ${c.kommuner} ${c.kommuner === 1 ? 'kommun' : 'kommuner'}`;
	}

	/** An autocomplete choice for an area. */
	areaChoice(area: Area): Choice {
		return { name: clip(this.areaLabel(area), MAX_CHOICE_NAME), value: area.id };
	}

	/** An autocomplete choice for an indicator: short title, unit, id, and the years and kommuner with values. */
	indicatorChoice(indicator: Indicator): Choice {
		const known = this.indicatorChoices.get(indicator);
		if (known) return known;
		const suffix = ` (${indicator.unit || indicator.kind}, ${indicator.id}) · ${this.coverageLabel(indicator.id)}`;
		const choice = {
			name: `${clip(indicator.shortTitle, MAX_CHOICE_NAME - suffix.length)}${suffix}`,
			value: indicator.id,
		};
		this.indicatorChoices.set(indicator, choice);
		return choice;
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
		return this.indicatorIndex
			.suggest(query, limit, (i) => this.coverage.has(i.id))
			.map((s) => this.indicatorChoice(s.item));
	}

	/** Everything that matches a free text: areas and indicators, best first (for `/sök`). */
	search(query: string, limit = 10): { areas: Area[]; indicators: Indicator[] } {
		return {
			areas: this.areaIndex('all')
				.suggest(query, limit)
				.map((s) => s.item),
			indicators: this.indicatorIndex.suggest(query, limit, (i) => this.coverage.has(i.id)).map((s) => s.item),
		};
	}
}
