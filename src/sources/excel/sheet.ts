/**
 * Reading one results sheet of an ÖJ workbook: classify its rows, group its columns by indicator,
 * tie each group to an indicator (mapping, the dataset through the search, or a new indicator
 * inferred from the cells) and read the cells into candidate values. A column whose header is over
 * the name limit is quarantined (left out and counted), the rest of the sheet kept.
 */
import type { Indicator, Provenance } from '../../dataset/schema.js';
import { clip } from '../../text.js';
import { nameProblem } from '../records.js';
import { AreaResolver, foldName } from './areas.js';
import { gatherEvidence, planColumns, readColumn, type Candidate, type PlannedColumn } from './columns.js';
import type { ColumnEvidence, IndicatorOrigin, MatchHow, NewIndicatorResult } from './indicators.js';
import { indicatorFromSpec, inferNewIndicator, matchHeader } from './indicators.js';
import type { Mapping, NewIndicatorSpec } from './mapping.js';
import type { ColumnReport, IndicatorNote, RowCounts } from './report.js';
import { classifyRows, type AreaRow, type SheetPlan } from './rows.js';
import { emptyRows, type ImportSession } from './session.js';

/** Where Socialstyrelsen publishes the ÖJ Ekonomiskt bistånd workbooks. */
export const OJ_EB_PAGE =
	'https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/socialtjanst/ekonomiskt-bistand/';

/** The indicator a column group is read as, and how it was found. */
interface Choice {
	readonly indicator: Indicator;
	readonly how: MatchHow;
	/** Existing indicators the search suggested when the header did not match uniquely. */
	readonly candidates: readonly Indicator[];
}

/** A column group being tied to an indicator. */
interface GroupContext {
	readonly plan: SheetPlan;
	readonly group: readonly PlannedColumn[];
	readonly first: PlannedColumn;
	readonly letters: string;
	readonly where: string;
	readonly areaRows: readonly AreaRow[];
	/** How many groups of the sheet share each folded last header part. */
	readonly lastParts: ReadonlyMap<string, number>;
}

/** Columns of one indicator together, in sheet order. */
function groupColumns(columns: readonly PlannedColumn[]): PlannedColumn[][] {
	const groups = new Map<string, PlannedColumn[]>();
	for (const column of columns) groups.set(column.key, [...(groups.get(column.key) ?? []), column]);
	return [...groups.values()];
}

function countLastParts(groups: readonly (readonly PlannedColumn[])[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const group of groups) {
		const last = foldName(group[0]?.header.titleParts.at(-1) ?? '');
		counts.set(last, (counts.get(last) ?? 0) + 1);
	}
	return counts;
}

function lettersOf(group: readonly PlannedColumn[]): string {
	const first = group[0]?.header.letter ?? '';
	return group.length === 1 ? first : `${first}–${group[group.length - 1]?.header.letter ?? ''}`;
}

/** The provenance of one sheet's values. */
export function sheetProvenance(
	mapping: Mapping | undefined,
	file: string,
	sheet: string,
	year: number,
): Omit<Provenance, 'id'> {
	const source = mapping?.source;
	const title = `${source?.title ?? `Öppna jämförelser ${year} – Ekonomiskt bistånd (${file})`}, blad ”${sheet}”`;
	return {
		kind: 'socialstyrelsen',
		title,
		attribution: `Källa: Socialstyrelsen, Öppna jämförelser ${year}`,
		url: source?.url ?? OJ_EB_PAGE,
		file,
		sheet,
		...(source?.published === undefined ? {} : { date: source.published }),
		...(source?.artikelnummer === undefined ? {} : { note: `Artikelnummer ${source.artikelnummer}` }),
	};
}

/** The sheets of one workbook import and everything read from them so far. */
export class WorkbookRun {
	readonly resolver: AreaResolver;
	readonly provenance: Omit<Provenance, 'id'>[] = [];
	readonly candidates = new Map<string, Candidate>();
	readonly columns: ColumnReport[] = [];
	readonly notes: IndicatorNote[] = [];
	readonly kommuner = new Set<string>();
	readonly lan = new Set<string>();
	riket = false;
	/** Indicators created by this import, by id and by folded title. */
	readonly created = new Map<string, Indicator>();
	private readonly createdByTitle = new Map<string, Indicator>();
	private readonly taken: Set<string>;
	private readonly rowCounts = new Map<string, RowCounts>();
	private readonly synonyms: Readonly<Record<string, number | string>>;

	constructor(
		private readonly session: ImportSession,
		private readonly mapping: Mapping | undefined,
		private readonly year: number,
	) {
		this.resolver = new AreaResolver(
			session.dataset,
			session.search,
			mapping?.areaNames ? { areaNames: mapping.areaNames } : {},
		);
		this.synonyms = mapping?.answers ?? {};
		this.taken = new Set(session.dataset.indicators.map((i) => i.id));
	}

	/** Row counts of a sheet read. */
	rowsOf(sheet: string): RowCounts {
		return this.rowCounts.get(sheet) ?? emptyRows();
	}

	/** Reads one sheet: its rows, then each column group. */
	readSheet(plan: SheetPlan): void {
		const { session } = this;
		const sheet = plan.grid.name;
		const rows = emptyRows();
		this.rowCounts.set(sheet, rows);
		const columns = planColumns(plan, session.add, session.warnings);
		const valueCols = columns.map((c) => c.header.col);
		const areaRows = classifyRows(plan, valueCols, this.resolver, session.missing, rows, session);
		for (const r of areaRows) {
			if (r.type === 'kommun') this.kommuner.add(r.area.id);
			if (r.type === 'lan') this.lan.add(r.area.id);
			if (r.type === 'riket') this.riket = true;
		}
		const provIndex = this.provenance.push(sheetProvenance(this.mapping, session.file, sheet, this.year)) - 1;
		const groups = groupColumns(columns);
		const lastParts = countLastParts(groups);
		for (const group of groups) {
			const first = group[0];
			if (!first) continue;
			const letters = lettersOf(group);
			const where = `blad ”${sheet}”, kolumn ${letters}`;
			this.readGroup({ plan, group, first, letters, where, areaRows, lastParts }, provIndex);
		}
	}

	private readGroup(g: GroupContext, provIndex: number): void {
		const header = g.first.header.title;
		const tooLong = nameProblem(header);
		if (tooLong !== undefined) {
			// A header from the file is untrusted: one this long is no indicator title, and would become one.
			this.session.quarantine.add(g.where, `rubriken ${tooLong} – ”${clip(header, 60)}”`);
			return;
		}
		const choice = this.choose(g);
		if (!choice) return;
		const { indicator, how } = choice;
		this.notes.push({
			indicator: indicator.id,
			title: indicator.title,
			kind: indicator.kind,
			unit: indicator.unit,
			how,
			where: g.where,
			header,
			candidates: choice.candidates.map((c) => ({ id: c.id, title: c.shortTitle })),
		});
		const { session, year, candidates } = this;
		for (const column of g.group) {
			this.columns.push(
				readColumn({
					plan: g.plan,
					column,
					indicator,
					how,
					areaRows: g.areaRows,
					year,
					provIndex,
					candidates,
					missing: session.missing,
					synonyms: this.synonyms,
					minShare: session.minShare,
					add: session.add,
					warnings: session.warnings,
					quarantine: session.quarantine,
				}),
			);
		}
	}

	/** The indicator of a column group: the mapping's, a new one the mapping defines, or from the header. */
	private choose(g: GroupContext): Choice | undefined {
		const spec = g.group.find((c) => c.spec)?.spec;
		if (spec?.indicator !== undefined) {
			const indicator = this.session.dataset.indicator(spec.indicator);
			return indicator && { indicator, how: 'mapping', candidates: [] };
		}
		const { session } = this;
		const evidence = gatherEvidence(g.plan.grid, g.group, g.areaRows, session.missing, this.synonyms, session.minShare);
		const choice = spec?.new ? this.fromSpec(g, spec.new, evidence) : this.fromHeader(g, evidence);
		if (
			choice &&
			!this.created.has(choice.indicator.id) &&
			(choice.how === 'created' || choice.how === 'mapping-new')
		) {
			this.created.set(choice.indicator.id, choice.indicator);
			this.taken.add(choice.indicator.id);
			this.createdByTitle.set(foldName(choice.indicator.title), choice.indicator);
		}
		return choice;
	}

	private origin(g: GroupContext): IndicatorOrigin {
		return { fileName: this.session.file, sheet: g.plan.grid.name, columns: g.letters, year: this.year };
	}

	private fromSpec(g: GroupContext, spec: NewIndicatorSpec, evidence: ColumnEvidence): Choice | undefined {
		const existing = this.created.get(spec.id ?? '') ?? this.createdByTitle.get(foldName(spec.title));
		const result: NewIndicatorResult = existing
			? { ok: true, indicator: existing, unitGuessed: false }
			: indicatorFromSpec(spec, evidence, this.origin(g), this.taken);
		if (result.ok) return { indicator: result.indicator, how: 'mapping-new', candidates: [] };
		const cell = `${g.first.header.letter}${g.plan.layout.headerRows[0] ?? ''}`;
		this.session.add({ sheet: g.plan.grid.name, cell, message: result.reason });
		return undefined;
	}

	private fromHeader(g: GroupContext, evidence: ColumnEvidence): Choice | undefined {
		const { header } = g.first;
		const match = matchHeader(this.session.dataset, this.session.search, header.titleParts);
		if (match.kind === 'found') return { indicator: match.indicator, how: match.how, candidates: [] };
		const last = header.titleParts.at(-1) ?? header.title;
		const title = (g.lastParts.get(foldName(last)) ?? 0) > 1 ? header.title : last;
		const existing = this.createdByTitle.get(foldName(title));
		const result: NewIndicatorResult = existing
			? { ok: true, indicator: existing, unitGuessed: false }
			: inferNewIndicator(title, evidence, this.origin(g), this.taken);
		if (!result.ok) {
			this.session.warnings.push(`${g.where} (”${header.title}”) hoppades över: ${result.reason}`);
			return undefined;
		}
		if (result.unitGuessed)
			this.session.warnings.push(`${g.where}: enheten för ”${title}” gick inte att läsa ut; antog ”antal” – bekräfta`);
		return { indicator: result.indicator, how: 'created', candidates: match.candidates };
	}
}
