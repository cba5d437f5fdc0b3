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
import { Dataset } from '../../dataset/dataset.js';
import type { Area, DatasetFile, Indicator, Measure, Provenance } from '../../dataset/schema.js';
import { Search } from '../../search/search.js';
import type { IncomingPoint } from '../merge.js';
import { silentProgress, type Progress } from '../progress.js';
import type { PreparedImport } from './apply.js';
import { AreaResolver, foldName, rowTypeOf, type RowType } from './areas.js';
import { AnswerDecoder, cleanText, missingTokenSet, numericValue, readCell, tokenKey, type RawCell } from './cells.js';
import { ProblemList, type ImportProblem } from './errors.js';
import { cellAddress, cellAt, columnIndex, columnLetter, type SheetGrid } from './grid.js';
import {
	classifyAreaLabel,
	detectHeader,
	type AreaColumnKind,
	type ColumnHeader,
	type ColumnRole,
	type HeaderLayout,
} from './headers.js';
import {
	indicatorFromSpec,
	inferNewIndicator,
	matchHeader,
	type ColumnEvidence,
	type MatchHow,
	type NewIndicatorResult,
} from './indicators.js';
import { checkMapping, isResultsRole, type ColumnSpec, type Mapping, type SheetSpec } from './mapping.js';
import { TokenTally, type ColumnReport, type IndicatorNote, type RowCounts, type SectionReport } from './report.js';

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

type ColumnObjectSpec = Exclude<ColumnSpec, 'ignore'>;

interface AreaRow {
	readonly row: number;
	readonly area: Area;
	readonly type: RowType;
}

interface SheetPlan {
	readonly grid: SheetGrid;
	readonly spec?: SheetSpec;
	readonly layout: HeaderLayout;
}

interface PlannedColumn {
	readonly header: ColumnHeader;
	readonly spec?: ColumnObjectSpec;
	readonly key: string;
}

interface Candidate {
	readonly point: Omit<IncomingPoint, 'prov'>;
	readonly prov: number;
	readonly priority: number;
	readonly where: string;
}

const YEAR_IN_TEXT = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;

function yearsIn(text: string): number[] {
	return [...text.matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1]));
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const t = cleanText(value);
		return t.length > 0 ? t : undefined;
	}
	if (typeof value === 'number') return String(value);
	return undefined;
}

function emptyRows(): RowCounts {
	return { kommun: 0, stadsdel: 0, lan: 0, riket: 0, skipped: 0 };
}

function candidateList(areas: readonly { readonly name: string }[]): string {
	const names = [...new Set(areas.map((a) => a.name))];
	if (names.length === 0) return '';
	const quoted = names.map((n) => `”${n}”`);
	const last = quoted.pop();
	return ` Menade du ${quoted.length > 0 ? `${quoted.join(', ')} eller ${last ?? ''}` : (last ?? '')}?`;
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
				const text = textOf(cellAt(plan.grid, row, col)?.value);
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

function keyMatches(key: string, header: ColumnHeader): boolean {
	if (key.toUpperCase() === header.letter) return true;
	const texts = new Set([header.title, header.parts.join(' – '), ...header.parts].map(tokenKey));
	return texts.has(tokenKey(key));
}

function specFor(spec: SheetSpec | undefined, header: ColumnHeader): ColumnSpec | undefined {
	const columns = Object.entries(spec?.columns ?? {});
	return (
		columns.find(([key]) => key.toUpperCase() === header.letter)?.[1] ??
		columns.find(([key]) => keyMatches(key, header))?.[1]
	);
}

function planColumns(
	plan: SheetPlan,
	add: (p: Omit<ImportProblem, 'file'>) => void,
	warnings: string[],
): PlannedColumn[] {
	const sheet = plan.grid.name;
	const out: PlannedColumn[] = [];
	for (const header of plan.layout.columns) {
		const spec = specFor(plan.spec, header);
		if (spec === 'ignore') continue;
		if (spec === undefined && plan.spec?.onlyMappedColumns) continue;
		if (spec === undefined && header.parts.some((p) => classifyAreaLabel(p) !== undefined)) continue;
		const key =
			spec?.indicator !== undefined
				? `id:${spec.indicator}`
				: spec?.new
					? `new:${spec.new.id ?? foldName(spec.new.title)}`
					: `title:${foldName(header.title)}`;
		out.push({ header, ...(spec ? { spec } : {}), key });
	}
	for (const key of Object.keys(plan.spec?.columns ?? {})) {
		const letter = columnIndex(key);
		const found =
			(letter !== undefined && letter <= plan.grid.colCount) ||
			plan.layout.columns.some((header) => keyMatches(key, header));
		if (!found) add({ sheet, message: `mappningsfilen nämner kolumn ”${key}”, som inte finns bland bladets rubriker` });
	}
	for (const col of plan.layout.unlabeled) {
		const letter = columnLetter(col);
		const header: ColumnHeader = { col, letter, parts: [letter], titleParts: [letter], title: `Kolumn ${letter}` };
		const spec = specFor(plan.spec, header);
		if (spec === undefined) {
			warnings.push(
				`blad ”${sheet}”, kolumn ${letter}: har värden men ingen rubrik och importeras inte (ange den under "columns" i mappningsfilen)`,
			);
			continue;
		}
		if (spec === 'ignore') continue;
		const key =
			spec.indicator !== undefined
				? `id:${spec.indicator}`
				: `new:${spec.new?.id ?? foldName(spec.new?.title ?? letter)}`;
		out.push({ header, spec, key });
	}
	return out;
}

/** Finds the parent kommun a heading such as "Stadsdelar i Stockholm" introduces, if any. */
function headingParent(text: string, resolver: AreaResolver): string | undefined {
	const key = foldName(text);
	if (!/stadsdel|forvaltning|\bsdn\b|\bsdo\b|\bsdf\b/.test(key)) return undefined;
	return resolver.districtParents.find((p) => new RegExp(`\\b${foldName(p.name)}s?\\b`).test(key))?.id;
}

function sameName(area: Area, text: string): boolean {
	const key = foldName(text);
	return [area.name, ...area.altNames].some((n) => foldName(n) === key);
}

function classifyRows(
	plan: SheetPlan,
	valueCols: readonly number[],
	resolver: AreaResolver,
	missing: ReadonlySet<string>,
	counts: RowCounts,
	add: (p: Omit<ImportProblem, 'file'>) => void,
	warnings: string[],
): AreaRow[] {
	const { grid, layout, spec } = plan;
	const sheet = grid.name;
	const { code: codeCol, name: nameCol, stadsdel: stadsdelCol } = layout.areaColumns;
	const last = Math.min(spec?.dataEndRow ?? grid.rowCount, grid.rowCount);
	const out: AreaRow[] = [];
	const seen = new Map<string, number>();
	let context: string | undefined = spec?.stadsdelParent;
	const fixedContext = spec?.stadsdelParent !== undefined;
	const codeWarned = new Set<string>();

	for (let row = layout.dataStartRow; row <= last; row++) {
		const hasValues = valueCols.some((col) => cellAt(grid, row, col) !== undefined);
		const codeCell = codeCol === undefined ? undefined : cellAt(grid, row, codeCol);
		const codeRaw: RawCell = readCell(codeCell, missing);
		const nameText = nameCol === undefined ? undefined : textOf(cellAt(grid, row, nameCol)?.value);
		const stadsdelText = stadsdelCol === undefined ? undefined : textOf(cellAt(grid, row, stadsdelCol)?.value);
		const nameAddress = nameCol === undefined ? undefined : cellAddress(row, nameCol);
		const codeAddress = codeCol === undefined ? undefined : cellAddress(row, codeCol);

		if (codeRaw.kind === 'missing' && nameText === undefined && stadsdelText === undefined) {
			if (hasValues) {
				counts.skipped += 1;
				warnings.push(`blad ”${sheet}”, rad ${row}: värden utan område hoppades över`);
			}
			continue;
		}

		const code = resolver.byCode(codeRaw);
		let codeArea: Area | undefined;
		if (code.kind === 'area') codeArea = code.area;
		else if (code.kind === 'unknown') {
			if (hasValues) {
				add({
					sheet,
					cell: codeAddress,
					message: `okänd kod ”${code.token}” (område ${code.id} finns inte i datasetet)`,
				});
				continue;
			}
		} else if (code.kind === 'invalid' && nameText === undefined && stadsdelText === undefined) {
			if (hasValues)
				add({
					sheet,
					cell: codeAddress,
					message: `koden ”${code.token}” går inte att tolka som kommun-, läns- eller rikskod`,
				});
			continue;
		} else if (code.kind === 'invalid' && !codeWarned.has(code.token) && hasValues) {
			codeWarned.add(code.token);
			warnings.push(
				`blad ”${sheet}”, cell ${codeAddress ?? ''}: koden ”${code.token}” kunde inte tolkas; namnet används`,
			);
		}

		let area: Area | undefined;
		if (stadsdelText !== undefined) {
			let parent = codeArea;
			if (!parent && nameText !== undefined) {
				const byName = resolver.byName(nameText);
				if (byName.kind === 'area') parent = byName.area;
			}
			if (parent?.type === 'kommun') area = resolver.stadsdel(parent.id, stadsdelText);
			else if (hasValues) {
				add({
					sheet,
					cell: stadsdelCol === undefined ? undefined : cellAddress(row, stadsdelCol),
					message: `stadsdelen ”${stadsdelText}” saknar kommun (kod eller kommunnamn på raden)`,
				});
				continue;
			}
		} else if (nameText !== undefined && codeArea) {
			if (sameName(codeArea, nameText)) area = codeArea;
			else {
				const parentContext =
					codeArea.type === 'kommun' && resolver.districtParents.some((p) => p.id === codeArea.id)
						? codeArea.id
						: undefined;
				const byName = resolver.byName(nameText, parentContext);
				if (byName.kind === 'area') {
					if (byName.area.id === codeArea.id) area = codeArea;
					else if (byName.area.type === 'stadsdel' && byName.area.parentId === codeArea.id) area = byName.area;
					else {
						if (hasValues)
							add({
								sheet,
								cell: nameAddress,
								message: `koden ”${codeRaw.kind === 'missing' ? '' : codeRaw.token}” (${codeArea.name}) och namnet ”${nameText}” (${byName.area.name}) pekar på olika områden`,
							});
						continue;
					}
				} else {
					area = codeArea;
					if (hasValues)
						warnings.push(
							`blad ”${sheet}”, cell ${nameAddress ?? ''}: namnet ”${nameText}” stämmer inte med koden (${codeArea.id} ${codeArea.name}); koden används`,
						);
				}
			}
		} else if (nameText !== undefined) {
			const byName = resolver.byName(nameText, context);
			if (byName.kind === 'skip') {
				counts.skipped += 1;
				if (hasValues) warnings.push(`blad ”${sheet}”, rad ${row}: ”${nameText}” hoppades över (${byName.reason})`);
				continue;
			}
			if (byName.kind === 'unknown') {
				if (hasValues) {
					add({
						sheet,
						cell: nameAddress,
						message: `okänd kommun eller område ”${nameText}”.${candidateList(byName.candidates)} Lägg annars till namnet under "areaNames" i mappningsfilen.`,
					});
				} else {
					counts.skipped += 1;
					if (!fixedContext) context = headingParent(nameText, resolver) ?? context;
				}
				continue;
			}
			area = byName.area;
		} else {
			area = codeArea;
		}
		if (!area) continue;
		const type = rowTypeOf(area);
		if (!type) {
			counts.skipped += 1;
			continue;
		}
		if (!hasValues) {
			counts.skipped += 1;
			if (!fixedContext) context = type === 'kommun' || type === 'lan' || type === 'riket' ? undefined : context;
			if (!fixedContext && nameText !== undefined) context = headingParent(nameText, resolver) ?? context;
			continue;
		}
		const previous = seen.get(area.id);
		if (previous !== undefined) {
			add({
				sheet,
				cell: nameAddress ?? codeAddress,
				message: `dubbla rader för ${area.name} (${area.id}): rad ${previous} och rad ${row}`,
			});
			continue;
		}
		seen.set(area.id, row);
		counts[type] += 1;
		out.push({ row, area, type });
	}
	return out;
}

function roleHintOf(column: PlannedColumn): ColumnRole | undefined {
	return column.spec?.role ?? column.header.roleHint;
}

function synonymKey(token: string, synonyms: Readonly<Record<string, number | string>>): string {
	const key = tokenKey(token);
	for (const [from, to] of Object.entries(synonyms)) {
		if (tokenKey(from) === key && typeof to === 'string') return tokenKey(to);
	}
	return key;
}

function gatherEvidence(
	grid: SheetGrid,
	group: readonly PlannedColumn[],
	areaRows: readonly AreaRow[],
	missing: ReadonlySet<string>,
	synonyms: Readonly<Record<string, number | string>>,
	minCoverage: number,
): ColumnEvidence {
	const answerCounts = new Map<string, number>();
	let kommunNumbers = 0;
	let lanNumbers = 0;
	let percentFormatted = 0;
	for (const column of group) {
		const hint = roleHintOf(column);
		for (const r of areaRows) {
			const raw = readCell(cellAt(grid, r.row, column.header.col), missing);
			if (raw.kind === 'missing') continue;
			if (raw.kind === 'number' && raw.percentFormat) percentFormatted += 1;
			const unit = r.type === 'kommun' || r.type === 'stadsdel';
			if (unit && hint !== 'share' && hint !== 'shareAny') {
				if (raw.kind === 'text') {
					const key = synonymKey(raw.text, synonyms);
					answerCounts.set(key, (answerCounts.get(key) ?? 0) + 1);
				} else kommunNumbers += 1;
			} else if (!unit && raw.kind === 'number') lanNumbers += 1;
		}
	}
	return { answerCounts, kommunNumbers, lanNumbers, percentFormatted, minCoverage };
}

interface ReadColumnArgs {
	readonly plan: SheetPlan;
	readonly column: PlannedColumn;
	readonly indicator: Indicator;
	readonly how: MatchHow;
	readonly areaRows: readonly AreaRow[];
	readonly year: number;
	readonly provIndex: number;
	readonly missing: ReadonlySet<string>;
	readonly synonyms: Readonly<Record<string, number | string>>;
	readonly add: (p: Omit<ImportProblem, 'file'>) => void;
	readonly candidates: Map<string, Candidate>;
	readonly minShare: number;
	readonly warnings: string[];
}

function pointKey(p: Omit<IncomingPoint, 'prov'>): string {
	return `${p.indicator}|${p.area}|${p.gender}|${p.measure}|${p.year}`;
}

function readColumn(args: ReadColumnArgs): ColumnReport {
	const { plan, column, indicator, areaRows, missing, add } = args;
	const grid = plan.grid;
	const sheet = grid.name;
	const categorical = indicator.kind === 'yesno' || indicator.kind === 'ordinal';
	const hint = roleHintOf(column);
	const role: ColumnRole = categorical ? (hint === 'share' || hint === 'shareAny' ? hint : 'answer') : 'value';
	const year = column.spec?.year ?? column.header.year ?? args.year;
	const factor = column.spec?.factor ?? 1;
	const decoder = categorical
		? new AnswerDecoder(indicator.scale ?? [], column.spec?.answers, args.synonyms)
		: undefined;
	const tally = new TokenTally();
	const shareTally = new TokenTally();
	const unparsed: { cell: string; token: string }[] = [];
	let considered = 0;
	let parsed = 0;
	let ignored = 0;

	const push = (
		r: AreaRow,
		measure: Measure,
		value: number | null,
		token: string,
		cell: string,
		priority: number,
	): void => {
		const point: Omit<IncomingPoint, 'prov'> = {
			indicator: indicator.id,
			area: r.area.id,
			gender: 'T',
			measure,
			year,
			value,
			...(value === null && token !== '' ? { status: token } : {}),
			ref: cell,
		};
		const key = pointKey(point);
		const where = `blad ”${sheet}” cell ${cell}`;
		const existing = args.candidates.get(key);
		if (!existing || existing.priority < priority) {
			args.candidates.set(key, { point, prov: args.provIndex, priority, where });
			return;
		}
		if (existing.priority > priority) return;
		if (existing.point.value === point.value && (existing.point.status ?? '') === (point.status ?? '')) return;
		add({
			sheet,
			cell,
			message: `två olika värden för ${indicator.id}, ${r.area.name} ${year}: ${existing.where} och ${where}`,
		});
	};
	const shareMeasure: Measure = role === 'shareAny' ? 'shareAny' : 'share';
	const readShare = (r: AreaRow, raw: Extract<RawCell, { kind: 'number' }>, cell: string, priority: number): void => {
		const value = numericValue(raw, factor);
		shareTally.number(value, raw.percentFormat);
		if (value < 0 || value > 100) {
			add({ sheet, cell, message: `andelen ${raw.token} blir ${value} %, utanför 0–100` });
			return;
		}
		push(r, shareMeasure, value, raw.token, cell, priority);
	};

	for (const r of areaRows) {
		const cell = cellAddress(r.row, column.header.col);
		const raw = readCell(cellAt(grid, r.row, column.header.col), missing);
		const unit = r.type === 'kommun' || r.type === 'stadsdel';
		const primary = role === 'value' || (role === 'answer' ? unit : !unit);
		const secondary = role === 'answer' && !unit;
		if (!primary && !secondary) {
			if (!(raw.kind === 'missing' && raw.token === '')) ignored += 1;
			continue;
		}
		if (secondary) {
			if (raw.kind === 'missing') continue;
			considered += 1;
			if (raw.kind === 'number') {
				parsed += 1;
				readShare(r, raw, cell, 1);
			} else {
				tally.token(raw.token);
				unparsed.push({ cell, token: raw.token });
			}
			continue;
		}
		considered += 1;
		if (raw.kind === 'missing') {
			parsed += 1;
			tally.token(raw.token);
			const measure: Measure = role === 'answer' ? 'answer' : role === 'value' ? 'value' : shareMeasure;
			push(r, measure, null, raw.token, cell, 2);
			continue;
		}
		if (role === 'answer') {
			const token = raw.token;
			tally.token(token);
			const code = decoder?.decode(token);
			if (code === undefined) unparsed.push({ cell, token });
			else {
				parsed += 1;
				push(r, 'answer', code, token, cell, 2);
			}
			continue;
		}
		if (raw.kind === 'text') {
			tally.token(raw.token);
			add({
				sheet,
				cell,
				message: `texten ”${raw.token}” i en sifferkolumn (${indicator.id} ”${indicator.shortTitle}”); ange den som saknat värde ("missingTokens") i mappningsfilen om den betyder det`,
			});
			continue;
		}
		parsed += 1;
		if (role === 'value') {
			const value = numericValue(raw, factor);
			tally.number(value, raw.percentFormat);
			push(r, 'value', value, raw.token, cell, 2);
		} else readShare(r, raw, cell, 2);
	}

	const header = column.header.parts.join(' – ');
	const label = `blad ”${sheet}”, kolumn ${column.header.letter} (”${header}”)`;
	if (considered > 0 && parsed / considered < args.minShare) {
		const unknown = tally.tokenCounts.filter((t) =>
			unparsed.some((u) => u.token === (t.token === '(tom)' ? '' : t.token)),
		);
		add({
			sheet,
			cell: column.header.letter,
			message:
				`bara ${Math.floor((parsed / considered) * 100)} % av ${considered} celler kunde tolkas (krav ${Math.round(args.minShare * 100)} %); ` +
				`okända värden: ${unknown.map((t) => `”${t.token}” (${t.count})`).join(', ')}. ` +
				`Ange dem under "answers" eller "missingTokens" i mappningsfilen, eller rätt indikator för kolumnen.`,
		});
	} else if (unparsed.length > 0) {
		args.warnings.push(
			`${label}: ${unparsed.length} celler kunde inte tolkas och hoppades över: ${unparsed
				.slice(0, 5)
				.map((u) => `${u.cell} ”${u.token}”`)
				.join(', ')}${unparsed.length > 5 ? ' …' : ''}`,
		);
	}
	if (considered === 0) args.warnings.push(`${label}: inga celler att läsa för ${indicator.id}`);
	const shareNumbers = shareTally.numbers;
	if (
		factor === 1 &&
		shareNumbers.count >= 3 &&
		shareNumbers.percentFormatted === 0 &&
		shareNumbers.max !== null &&
		shareNumbers.max <= 1
	) {
		args.warnings.push(
			`${label}: alla andelar ligger mellan 0 och 1 utan procentformat – är de bråk? Ange i så fall "factor": 100 för kolumnen i mappningsfilen`,
		);
	}
	const numbers = tally.numbers.count > 0 ? tally.numbers : shareNumbers;
	return {
		section: sheet,
		column: column.header.letter,
		header,
		indicator: indicator.id,
		how: args.how,
		role,
		...(year === args.year ? {} : { year }),
		considered,
		parsed,
		ignored,
		tokens: tally.tokenCounts,
		numbers,
		unparsed: unparsed.slice(0, 5),
	};
}
