/**
 * ÖJ workbook → merge input. For every results sheet: detect the header, classify the rows
 * (kommun, stadsdel, län, Riket; headings and summary rows skipped), tie each column to an
 * indicator, read the cells by column role and row type, and collect values with their cell
 * address. Then apply the validation gates (kommun rows, ≥ 90 % parsed per column) and report.
 *
 * Survey answers of kommuner and stadsdelar become measure `answer` (scale codes); numbers on län
 * and Riket rows of a survey indicator become `share` (% of kommuner); numeric indicators become
 * `value`. Any problem aborts the import with every problem listed; nothing is written.
 */
import { MAX_NAME_LENGTH } from '../../dataset/ids.js';
import { clip } from '../../text.js';
import { Dataset } from '../../dataset/dataset.js';
import type { DatasetFile, Indicator, Provenance } from '../../dataset/schema.js';
import { Search } from '../../search/search.js';
import type { IncomingPoint } from '../merge.js';
import { silentProgress, type Progress } from '../progress.js';
import type { PreparedImport } from './apply.js';
import { AreaResolver, foldName } from './areas.js';
import { cellText, missingTokenSet } from './cells.js';
import { gatherEvidence, planColumns, readColumn, type Candidate, type PlannedColumn } from './columns.js';
import { ProblemList, type ImportProblem } from './errors.js';
import { cellAt, columnIndex, type SheetGrid } from './grid.js';
import { detectHeader, type AreaColumnKind } from './headers.js';
import {
	indicatorFromSpec,
	inferNewIndicator,
	matchHeader,
	type MatchHow,
	type NewIndicatorResult,
} from './indicators.js';
import { checkMapping, isResultsRole, type Mapping } from './mapping.js';
import type { ColumnReport, IndicatorNote, RowCounts, SectionReport } from './report.js';
import { classifyRows, type SheetPlan } from './rows.js';

/** Default minimum number of kommun rows for a full workbook (290 kommuner, a few may not answer). */
export const DEFAULT_MIN_KOMMUNER = 250;
/** Default minimum share of a column's cells that must be read. */
export const DEFAULT_MIN_PARSED_SHARE = 0.9;
/** Where Socialstyrelsen publishes the ÖJ Ekonomiskt bistånd workbooks. */
export const OJ_EB_PAGE =
	'https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/socialtjanst/ekonomiskt-bistand/';

/** Options of {@link importWorkbook}. */
export interface WorkbookImportOptions {
	/** File name as shown in provenance and messages. */
	readonly fileName: string;
	/** The dataset to import into. */
	readonly base: DatasetFile;
	readonly mapping?: Mapping;
	/** Name of the mapping file, for messages. */
	readonly mappingFile?: string;
	/** ÖJ year of the values (overrides the mapping and detection). */
	readonly year?: number;
	/** Minimum kommun rows (overrides the mapping; default {@link DEFAULT_MIN_KOMMUNER}). */
	readonly minKommuner?: number;
	readonly minParsedShare?: number;
	readonly now?: () => Date;
	readonly progress?: Progress;
}

const YEAR_IN_TEXT = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;

function yearsIn(text: string): number[] {
	return [...text.matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1]));
}

function emptyRows(): RowCounts {
	return { kommun: 0, stadsdel: 0, lan: 0, riket: 0, skipped: 0 };
}

/** Imports an ÖJ workbook (already read into grids) into a merge input and a report. */
export function importWorkbook(sheets: readonly SheetGrid[], options: WorkbookImportOptions): PreparedImport {
	const file = options.fileName;
	const mapping = options.mapping;
	const progress = options.progress ?? silentProgress;
	const dataset = new Dataset(options.base);
	const search = new Search(dataset);
	const problems = new ProblemList();
	const warnings: string[] = [];
	const add = (problem: Omit<ImportProblem, 'file'>): void => problems.add({ file, ...problem });

	if (mapping) {
		for (const problem of checkMapping(
			mapping,
			options.base,
			sheets.map((s) => s.name),
			options.mappingFile ?? file,
		))
			problems.add(problem);
		problems.throwIfAny(file);
	}
	const minKommuner = options.minKommuner ?? mapping?.minKommuner ?? DEFAULT_MIN_KOMMUNER;
	const minShare = options.minParsedShare ?? mapping?.minParsedShare ?? DEFAULT_MIN_PARSED_SHARE;
	const missing = missingTokenSet(mapping?.missingTokens);
	const synonyms = mapping?.answers ?? {};
	const resolver = new AreaResolver(dataset, search, mapping?.areaNames ? { areaNames: mapping.areaNames } : {});
	const sections: SectionReport[] = [];
	const sectionRows = new Map<string, RowCounts>();

	// 1. Which sheets, and where their headers are.
	const plans: SheetPlan[] = [];
	for (const grid of sheets) {
		const spec = mapping?.sheets?.find((s) => s.name.toLocaleLowerCase('sv') === grid.name.toLocaleLowerCase('sv'));
		if (mapping?.sheets && !spec) {
			sections.push({ name: grid.name, imported: false, note: 'inte med i mappningsfilen', rows: emptyRows() });
			continue;
		}
		if (!spec && grid.state !== 'visible') {
			sections.push({
				name: grid.name,
				imported: false,
				note: 'dolt blad; ange det i mappningsfilen för att läsa det',
				rows: emptyRows(),
			});
			continue;
		}
		if (spec && !isResultsRole(spec.role)) {
			sections.push({ name: grid.name, imported: false, note: `roll ${spec.role}`, rows: emptyRows() });
			continue;
		}
		const areaColumns: Partial<Record<AreaColumnKind, number>> = {};
		for (const [kind, letter] of Object.entries(spec?.areaColumns ?? {})) {
			const col = columnIndex(letter);
			if (col !== undefined) areaColumns[kind as AreaColumnKind] = col;
		}
		const layout = detectHeader(grid, {
			...(spec?.headerRows ? { headerRows: spec.headerRows } : {}),
			...(spec?.dataStartRow === undefined ? {} : { dataStartRow: spec.dataStartRow }),
			...(Object.keys(areaColumns).length > 0 ? { areaColumns } : {}),
		});
		const hasAreaColumn =
			layout?.areaColumns.code !== undefined ||
			layout?.areaColumns.name !== undefined ||
			layout?.areaColumns.stadsdel !== undefined;
		if (!layout || !hasAreaColumn) {
			const note = 'ingen rubrikrad med kommun/kod hittades';
			if (spec) add({ sheet: grid.name, message: `${note}; ange headerRows och areaColumns i mappningsfilen` });
			else sections.push({ name: grid.name, imported: false, note, rows: emptyRows() });
			continue;
		}
		if (layout.columns.length === 0) {
			const note = 'inga indikatorkolumner';
			if (spec) add({ sheet: grid.name, message: note });
			else sections.push({ name: grid.name, imported: false, note, rows: emptyRows() });
			continue;
		}
		plans.push({ grid, ...(spec ? { spec } : {}), layout });
	}
	problems.throwIfAny(file);
	if (plans.length === 0) {
		add({ message: 'inget blad med resultat per kommun hittades (kör med --profile och skriv en mappningsfil)' });
		problems.throwIfAny(file);
	}

	// 2. The year.
	const year = decideYear(options, plans, file, add);
	problems.throwIfAny(file);

	const provenance: Omit<Provenance, 'id'>[] = [];
	const candidates = new Map<string, Candidate>();
	const columnsReport: ColumnReport[] = [];
	const notes: IndicatorNote[] = [];
	const created = new Map<string, Indicator>();
	const createdByTitle = new Map<string, Indicator>();
	const taken = new Set(options.base.indicators.map((i) => i.id));
	const kommuner = new Set<string>();
	const lanSeen = new Set<string>();
	let riketSeen = false;

	progress.start('Läser blad', plans.length);
	for (const plan of plans) {
		const sheet = plan.grid.name;
		const rows = emptyRows();
		sectionRows.set(sheet, rows);
		const columns = planColumns(plan, add, warnings);
		const valueCols = columns.map((c) => c.header.col);
		const areaRows = classifyRows(plan, valueCols, resolver, missing, rows, add, warnings);
		for (const r of areaRows) {
			if (r.type === 'kommun') kommuner.add(r.area.id);
			if (r.type === 'lan') lanSeen.add(r.area.id);
			if (r.type === 'riket') riketSeen = true;
		}
		const provIndex = provenance.length;
		provenance.push(sheetProvenance(mapping, file, sheet, year));

		const groups = new Map<string, PlannedColumn[]>();
		for (const column of columns) {
			const list = groups.get(column.key) ?? [];
			list.push(column);
			groups.set(column.key, list);
		}
		const lastParts = new Map<string, number>();
		for (const group of groups.values()) {
			const last = group[0]?.header.titleParts.at(-1) ?? '';
			lastParts.set(foldName(last), (lastParts.get(foldName(last)) ?? 0) + 1);
		}

		for (const group of groups.values()) {
			const first = group[0];
			if (!first) continue;
			const letters =
				group.length === 1
					? first.header.letter
					: `${first.header.letter}–${group[group.length - 1]?.header.letter ?? ''}`;
			const where = `blad ”${sheet}”, kolumn ${letters}`;
			if (first.header.title.length > MAX_NAME_LENGTH) {
				// A header from the file is untrusted: one this long is no indicator title, and would become one.
				warnings.push(
					`${where} hoppades över: rubriken har ${first.header.title.length} tecken (högst ${MAX_NAME_LENGTH}) – ”${clip(first.header.title, 60)}”`,
				);
				continue;
			}
			const spec = group.find((c) => c.spec)?.spec;
			const evidence = gatherEvidence(plan.grid, group, areaRows, missing, synonyms, minShare);
			const origin = { fileName: file, sheet, columns: letters, year };
			let indicator: Indicator | undefined;
			let how: MatchHow;
			let candidatesFound: readonly Indicator[] = [];
			if (spec?.indicator !== undefined) {
				indicator = dataset.indicator(spec.indicator);
				how = 'mapping';
			} else if (spec?.new) {
				const existing = created.get(spec.new.id ?? '') ?? createdByTitle.get(foldName(spec.new.title));
				const result: NewIndicatorResult = existing
					? { ok: true, indicator: existing, unitGuessed: false }
					: indicatorFromSpec(spec.new, evidence, origin, taken);
				if (!result.ok) {
					add({ sheet, cell: `${first.header.letter}${plan.layout.headerRows[0] ?? ''}`, message: result.reason });
					continue;
				}
				indicator = result.indicator;
				how = 'mapping-new';
			} else {
				const match = matchHeader(dataset, search, first.header.titleParts);
				if (match.kind === 'found') {
					indicator = match.indicator;
					how = match.how;
				} else {
					candidatesFound = match.candidates;
					const last = first.header.titleParts.at(-1) ?? first.header.title;
					const title = (lastParts.get(foldName(last)) ?? 0) > 1 ? first.header.title : last;
					const existing = createdByTitle.get(foldName(title));
					const result: NewIndicatorResult = existing
						? { ok: true, indicator: existing, unitGuessed: false }
						: inferNewIndicator(title, evidence, origin, taken);
					if (!result.ok) {
						warnings.push(`${where} (”${first.header.title}”) hoppades över: ${result.reason}`);
						continue;
					}
					if (result.unitGuessed)
						warnings.push(`${where}: enheten för ”${title}” gick inte att läsa ut; antog ”antal” – bekräfta`);
					indicator = result.indicator;
					how = 'created';
				}
			}
			if (!indicator) continue;
			if ((how === 'created' || how === 'mapping-new') && !created.has(indicator.id)) {
				created.set(indicator.id, indicator);
				taken.add(indicator.id);
				createdByTitle.set(foldName(indicator.title), indicator);
			}
			notes.push({
				indicator: indicator.id,
				title: indicator.title,
				kind: indicator.kind,
				unit: indicator.unit,
				how,
				where,
				header: first.header.title,
				candidates: candidatesFound.map((c) => ({ id: c.id, title: c.shortTitle })),
			});

			for (const column of group) {
				const report = readColumn({
					plan,
					column,
					indicator,
					how,
					areaRows,
					year,
					provIndex,
					missing,
					synonyms,
					add,
					candidates,
					minShare,
					warnings,
				});
				columnsReport.push(report);
			}
		}
		progress.tick();
	}
	progress.done();

	// 3. Gates.
	if (kommuner.size < minKommuner) {
		add({
			message:
				`för få kommunrader: ${kommuner.size} (minst ${minKommuner} krävs). ` +
				'Är det rätt blad? Sänk gränsen med --min-kommuner eller "minKommuner" i mappningsfilen om filen medvetet är ofullständig.',
		});
	}
	problems.throwIfAny(file);
	if (lanSeen.size > 0 && lanSeen.size < 21) warnings.push(`${lanSeen.size} län hittades (21 väntas)`);
	if (lanSeen.size > 0 && !riketSeen) warnings.push('ingen rad för riket hittades');

	for (const plan of plans) {
		const rows = sectionRows.get(plan.grid.name) ?? emptyRows();
		sections.push({ name: plan.grid.name, imported: true, headerRows: plan.layout.headerRows, rows });
	}
	const sheetOrder = new Map(sheets.map((s, i) => [s.name, i]));
	sections.sort((a, b) => (sheetOrder.get(a.name) ?? 0) - (sheetOrder.get(b.name) ?? 0));

	const points: IncomingPoint[] = [...candidates.values()].map((c) => ({ ...c.point, prov: c.prov }));
	const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
	const areasCreated = resolver.createdAreas;
	const now = (options.now ?? (() => new Date()))();
	return {
		input: {
			provenance,
			points,
			indicators: [...created.values()],
			areas: areasCreated,
			record: {
				kind: 'excel',
				at: now.toISOString(),
				file,
				summary: {
					år: year,
					blad: plans.length,
					kommuner: kommuner.size,
					'nya indikatorer': [...created.values()].filter((i) => dataset.indicator(i.id) === undefined).length,
					'nya områden': areasCreated.length,
				},
			},
		},
		report: {
			source: 'excel',
			file,
			years: years.length > 0 ? years : [year],
			sections,
			columns: columnsReport,
			indicators: notes,
			areasCreated: areasCreated.map((a) => ({
				id: a.id,
				name: a.name,
				...(a.parentId === undefined ? {} : { parentId: a.parentId }),
			})),
			unknownMeasures: [],
			warnings,
			points: points.length,
		},
	};
}

function decideYear(
	options: WorkbookImportOptions,
	plans: readonly SheetPlan[],
	file: string,
	add: (p: Omit<ImportProblem, 'file'>) => void,
): number {
	if (options.year !== undefined) return options.year;
	if (options.mapping?.year !== undefined) return options.mapping.year;
	const fromTitles = new Set<number>();
	for (const plan of plans) {
		const firstHeader = plan.layout.headerRows[0] ?? 1;
		for (let row = 1; row < firstHeader; row++) {
			for (let col = 1; col <= plan.grid.colCount; col++) {
				const text = cellText(cellAt(plan.grid, row, col)?.value);
				if (text !== undefined && typeof cellAt(plan.grid, row, col)?.value === 'string')
					for (const y of yearsIn(text)) fromTitles.add(y);
			}
		}
		for (const y of yearsIn(plan.grid.name)) fromTitles.add(y);
	}
	if (fromTitles.size === 1) return [...fromTitles][0] ?? 0;
	const fromFile = new Set(yearsIn(file));
	if (fromFile.size === 1) return [...fromFile][0] ?? 0;
	const seen = [...new Set([...fromTitles, ...fromFile])].sort();
	add({
		message:
			`kunde inte avgöra vilket år värdena gäller${seen.length > 0 ? ` (hittade ${seen.join(', ')})` : ''}; ` +
			'ange --year eller "year" i mappningsfilen',
	});
	return 0;
}

function sheetProvenance(
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
