/**
 * The dataset indexed into memory once at start: Maps for every lookup the answers make, so no
 * query scans arrays. Built from a validated {@link DatasetFile}; immutable afterwards (a new
 * dataset means a new {@link Dataset}, swapped in atomically by the holder).
 */
import type {
	Area,
	AreaType,
	DatasetFile,
	Fact,
	Gender,
	Group,
	Grouping,
	Indicator,
	Measure,
	Point,
	Provenance,
} from './schema.js';

/** One value with its source, as the answers use it. */
export interface Observation {
	readonly year: number;
	/** Null when the source marks the value as missing. */
	readonly value: number | null;
	readonly provenance: Provenance;
	/** Missing-value token from the source ("..", "Missing", "-"), if any. */
	readonly status?: string;
	/** Reference inside the source (cell, table row). */
	readonly ref?: string;
}

const collator = new Intl.Collator('sv');

/** Swedish alphabetical order of area names (Å Ä Ö last, in that order). */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
	return collator.compare(a.name, b.name);
}

function key(indicator: string, area: string, gender: Gender, measure: Measure): string {
	return `${indicator}|${area}|${gender}|${measure}`;
}

function crossKey(indicator: string, gender: Gender, measure: Measure, year: number): string {
	return `${indicator}|${gender}|${measure}|${year}`;
}

/** Whether an indicator holds survey answers (never averaged as numbers). */
export function isCategorical(indicator: Indicator): boolean {
	return indicator.kind === 'yesno' || indicator.kind === 'ordinal';
}

/** The in-memory, indexed dataset. */
export class Dataset {
	/** The validated file the index was built from. */
	readonly file: DatasetFile;
	private readonly areaById = new Map<string, Area>();
	private readonly areasByType = new Map<AreaType, Area[]>();
	private readonly indicatorById = new Map<string, Indicator>();
	private readonly groupingById = new Map<string, Grouping>();
	private readonly groupByMember = new Map<string, Map<string, Group>>();
	private readonly groupById = new Map<string, { grouping: Grouping; group: Group }>();
	private readonly peersByFocus = new Map<string, Group>();
	private readonly provById = new Map<number, Provenance>();
	private readonly points = new Map<string, Map<number, Point>>();
	private readonly cross = new Map<string, Map<string, Point>>();
	private readonly yearsByIndicator = new Map<string, number[]>();
	private readonly indicatorsByArea = new Map<string, Set<string>>();
	private readonly factsByIndicator = new Map<string, Fact[]>();
	private readonly childrenByParent = new Map<string, Area[]>();

	constructor(file: DatasetFile) {
		this.file = file;
		for (const p of file.provenance) this.provById.set(p.id, p);
		for (const area of file.areas) {
			this.areaById.set(area.id, area);
			const list = this.areasByType.get(area.type) ?? [];
			list.push(area);
			this.areasByType.set(area.type, list);
			if (area.parentId !== undefined) {
				const children = this.childrenByParent.get(area.parentId) ?? [];
				children.push(area);
				this.childrenByParent.set(area.parentId, children);
			}
		}
		for (const list of this.areasByType.values()) list.sort(byName);
		for (const indicator of file.indicators) this.indicatorById.set(indicator.id, indicator);
		for (const grouping of file.groupings) {
			this.groupingById.set(grouping.id, grouping);
			const byMember = new Map<string, Group>();
			for (const group of grouping.groups) {
				this.groupById.set(group.id, { grouping, group });
				if (grouping.structure === 'peers') {
					if (group.focusId !== undefined) this.peersByFocus.set(group.focusId, group);
				} else {
					for (const member of group.members) byMember.set(member, group);
				}
			}
			this.groupByMember.set(grouping.id, byMember);
		}
		const years = new Map<string, Set<number>>();
		for (const s of file.series) {
			const byYear = new Map<number, Point>();
			for (const point of s.points) {
				byYear.set(point[0], point);
				const ck = crossKey(s.indicator, s.gender, s.measure, point[0]);
				let section = this.cross.get(ck);
				if (!section) {
					section = new Map();
					this.cross.set(ck, section);
				}
				section.set(s.area, point);
				if (point[1] !== null) {
					let set = years.get(s.indicator);
					if (!set) {
						set = new Set();
						years.set(s.indicator, set);
					}
					set.add(point[0]);
				}
			}
			this.points.set(key(s.indicator, s.area, s.gender, s.measure), byYear);
			let inds = this.indicatorsByArea.get(s.area);
			if (!inds) {
				inds = new Set();
				this.indicatorsByArea.set(s.area, inds);
			}
			inds.add(s.indicator);
		}
		for (const [indicator, set] of years)
			this.yearsByIndicator.set(
				indicator,
				[...set].sort((a, b) => a - b),
			);
		for (const fact of file.facts) {
			for (const id of fact.indicators) {
				const list = this.factsByIndicator.get(id) ?? [];
				list.push(fact);
				this.factsByIndicator.set(id, list);
			}
		}
	}

	/** An area by id. */
	area(id: string): Area | undefined {
		return this.areaById.get(id);
	}

	/** All areas of one type in Swedish alphabetical order. */
	areasOfType(type: AreaType): readonly Area[] {
		return this.areasByType.get(type) ?? [];
	}

	/** All areas, in file order. */
	get areas(): readonly Area[] {
		return this.file.areas;
	}

	/** Stadsdelar (or other child areas) of a kommun. */
	childrenOf(areaId: string): readonly Area[] {
		return this.childrenByParent.get(areaId) ?? [];
	}

	/** An indicator by id. */
	indicator(id: string): Indicator | undefined {
		return this.indicatorById.get(id);
	}

	/** All indicators, ordered by id. */
	get indicators(): readonly Indicator[] {
		return this.file.indicators;
	}

	/** A grouping by id. */
	grouping(id: string): Grouping | undefined {
		return this.groupingById.get(id);
	}

	/** All groupings. */
	get groupings(): readonly Grouping[] {
		return this.file.groupings;
	}

	/** The group of a partition grouping that a kommun belongs to. */
	groupOf(kommunId: string, groupingId: string): Group | undefined {
		return this.groupByMember.get(groupingId)?.get(kommunId);
	}

	/** A group and its grouping by group id. */
	group(groupId: string): { readonly grouping: Grouping; readonly group: Group } | undefined {
		return this.groupById.get(groupId);
	}

	/** A kommun's "liknande kommuner ekonomiskt bistånd" peer group. */
	peersOf(kommunId: string): Group | undefined {
		return this.peersByFocus.get(kommunId);
	}

	/** A provenance record by id. */
	provenance(id: number): Provenance | undefined {
		return this.provById.get(id);
	}

	/** National facts (context statements) that mention an indicator. */
	factsFor(indicatorId: string): readonly Fact[] {
		return this.factsByIndicator.get(indicatorId) ?? [];
	}

	/**
	 * The measure an area's figures for an indicator are stored in: numbers for numeric indicators,
	 * answers for a kommun's or stadsdel's survey answers, shares of kommuner for larger areas.
	 */
	defaultMeasure(indicator: Indicator, area: Area): Measure {
		if (!isCategorical(indicator)) return 'value';
		return area.type === 'kommun' || area.type === 'stadsdel' ? 'answer' : 'share';
	}

	private observation(point: Point): Observation {
		const provenance = this.provById.get(point[2]);
		if (!provenance) throw new Error(`provenance ${point[2]} missing`);
		const status = point[3];
		const ref = point[4];
		return {
			year: point[0],
			value: point[1],
			provenance,
			...(status ? { status } : {}),
			...(ref ? { ref } : {}),
		};
	}

	/** One value, or undefined when the dataset has nothing for that key. */
	value(indicatorId: string, areaId: string, year: number, gender: Gender, measure: Measure): Observation | undefined {
		const point = this.points.get(key(indicatorId, areaId, gender, measure))?.get(year);
		return point ? this.observation(point) : undefined;
	}

	/** All values of a series ordered by year (empty when there is none). */
	series(indicatorId: string, areaId: string, gender: Gender, measure: Measure): Observation[] {
		const byYear = this.points.get(key(indicatorId, areaId, gender, measure));
		if (!byYear) return [];
		return [...byYear.values()].sort((a, b) => a[0] - b[0]).map((p) => this.observation(p));
	}

	/** Every area's value for one indicator, year, gender and measure (the basis for ranks and means). */
	crossSection(indicatorId: string, year: number, gender: Gender, measure: Measure): ReadonlyMap<string, Point> {
		return this.cross.get(crossKey(indicatorId, gender, measure, year)) ?? new Map<string, Point>();
	}

	/** Observation for a point taken from {@link crossSection}. */
	observe(point: Point): Observation {
		return this.observation(point);
	}

	/** Years in which an indicator has at least one non-missing value, ascending. */
	years(indicatorId: string): readonly number[] {
		return this.yearsByIndicator.get(indicatorId) ?? [];
	}

	/** Ids of the indicators with any series for an area. */
	indicatorsFor(areaId: string): ReadonlySet<string> {
		return this.indicatorsByArea.get(areaId) ?? new Set<string>();
	}

	private usage: Map<number, { count: number; years: Set<number> }> | undefined;

	/** Values per provenance record (count and years), computed once on first use. */
	provenanceUsage(): ReadonlyMap<number, { readonly count: number; readonly years: ReadonlySet<number> }> {
		if (!this.usage) {
			this.usage = new Map();
			for (const s of this.file.series) {
				for (const point of s.points) {
					let entry = this.usage.get(point[2]);
					if (!entry) {
						entry = { count: 0, years: new Set() };
						this.usage.set(point[2], entry);
					}
					entry.count += 1;
					entry.years.add(point[0]);
				}
			}
		}
		return this.usage;
	}

	/** Number of stored values (including those marked missing). */
	get valueCount(): number {
		let n = 0;
		for (const s of this.file.series) n += s.points.length;
		return n;
	}
}
