/**
 * ÖJ workbook → merge input. For every results sheet: detect the header, classify the rows
 * (kommun, stadsdel, län, Riket; headings and summary rows skipped), tie each column to an
 * indicator, read the cells by column role and row type, and collect values with their cell
 * address. Then apply the validation gates (kommun rows, ≥ 90 % parsed per column) and report.
 *
 * Survey answers of kommuner and stadsdelar become measure `answer` (scale codes); numbers on län
 * and Riket rows of a survey indicator become `share` (% of kommuner); numeric indicators become
 * `value`. A record from the file that fails the shared record schema (a name or header over the
 * name limit, a code without a code's shape, a number that is not finite) is quarantined: left out
 * and counted in the summary while the rest is imported. Any other problem aborts the import with
 * every problem listed; nothing is written.
 */
import type { SheetGrid } from './grid.js';
import type { PreparedImport } from './apply.js';
import { cellText } from './cells.js';
import { cellAt, columnIndex } from './grid.js';
import { detectHeader, type AreaColumnKind, type HeaderLayout } from './headers.js';
import { checkMapping, isResultsRole, type Mapping, type SheetSpec } from './mapping.js';
import type { SectionReport } from './report.js';
import type { SheetPlan } from './rows.js';
import { emptyRows, kommunGateMessage, startSession, type ImportSession, type SessionOptions } from './session.js';
import { WorkbookRun } from './sheet.js';
import { clip } from '../../text.js';
import { importedAreaSchema, importedValueSchema, recordProblem } from '../records.js';

export { OJ_EB_PAGE } from './sheet.js';

/** Options of {@link importWorkbook}. */
export interface WorkbookImportOptions extends SessionOptions {
	readonly mapping?: Mapping;
	/** Name of the mapping file, for messages. */
	readonly mappingFile?: string;
	/** ÖJ year of the values (overrides the mapping and detection). */
	readonly year?: number;
}

const YEAR_IN_TEXT = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;

function yearsIn(text: string): number[] {
	return [...text.matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1]));
}

/** Imports an ÖJ workbook (already read into grids) into a merge input and a report. */
export function importWorkbook(sheets: readonly SheetGrid[], options: WorkbookImportOptions): PreparedImport {
	const mapping = options.mapping;
	const session = startSession(options, mapping);
	const { file, problems } = session;
	if (mapping) {
		const names = sheets.map((s) => s.name);
		for (const problem of checkMapping(mapping, options.base, names, options.mappingFile ?? file))
			problems.add(problem);
		problems.throwIfAny(file);
	}
	const sections: SectionReport[] = [];
	const plans = planSheets(sheets, mapping, session, sections);
	const year = decideYear(options, plans, session);
	problems.throwIfAny(file);

	const run = new WorkbookRun(session, mapping, year);
	session.progress.start('Läser blad', plans.length);
	for (const plan of plans) {
		run.readSheet(plan);
		session.progress.tick();
	}
	session.progress.done();
	checkGates(run, session);

	for (const plan of plans) {
		const name = plan.grid.name;
		sections.push({ name, imported: true, headerRows: plan.layout.headerRows, rows: run.rowsOf(name) });
	}
	const sheetOrder = new Map(sheets.map((s, i) => [s.name, i]));
	sections.sort((a, b) => (sheetOrder.get(a.name) ?? 0) - (sheetOrder.get(b.name) ?? 0));
	return prepared(session, run, { year, sheets: plans.length, sections });
}

/** What a sheet is to the import: a results sheet to read, one to skip (with why), or a problem. */
type SheetDecision =
	| { readonly kind: 'plan'; readonly plan: SheetPlan }
	| { readonly kind: 'skip'; readonly note: string }
	| { readonly kind: 'problem'; readonly message: string };

/** The results sheets and where their headers are; the other sheets go to `sections` with a note. */
function planSheets(
	sheets: readonly SheetGrid[],
	mapping: Mapping | undefined,
	session: ImportSession,
	sections: SectionReport[],
): SheetPlan[] {
	const plans: SheetPlan[] = [];
	for (const grid of sheets) {
		const key = grid.name.toLocaleLowerCase('sv');
		const spec = mapping?.sheets?.find((s) => s.name.toLocaleLowerCase('sv') === key);
		const decision = decideSheet(grid, spec, mapping?.sheets !== undefined);
		if (decision.kind === 'plan') plans.push(decision.plan);
		else if (decision.kind === 'problem') session.add({ sheet: grid.name, message: decision.message });
		else sections.push({ name: grid.name, imported: false, note: decision.note, rows: emptyRows() });
	}
	session.problems.throwIfAny(session.file);
	if (plans.length === 0) {
		session.add({
			message: 'inget blad med resultat per kommun hittades (kör med --profile och skriv en mappningsfil)',
		});
		session.problems.throwIfAny(session.file);
	}
	return plans;
}

function decideSheet(grid: SheetGrid, spec: SheetSpec | undefined, mappedSheets: boolean): SheetDecision {
	if (mappedSheets && !spec) return { kind: 'skip', note: 'inte med i mappningsfilen' };
	if (!spec && grid.state !== 'visible')
		return { kind: 'skip', note: 'dolt blad; ange det i mappningsfilen för att läsa det' };
	if (spec && !isResultsRole(spec.role)) return { kind: 'skip', note: `roll ${spec.role}` };
	const layout = layoutOf(grid, spec);
	const { code, name, stadsdel } = layout?.areaColumns ?? {};
	if (!layout || (code === undefined && name === undefined && stadsdel === undefined)) {
		const note = 'ingen rubrikrad med kommun/kod hittades';
		return spec
			? { kind: 'problem', message: `${note}; ange headerRows och areaColumns i mappningsfilen` }
			: { kind: 'skip', note };
	}
	if (layout.columns.length === 0) {
		const note = 'inga indikatorkolumner';
		return spec ? { kind: 'problem', message: note } : { kind: 'skip', note };
	}
	return { kind: 'plan', plan: { grid, ...(spec ? { spec } : {}), layout } };
}

function layoutOf(grid: SheetGrid, spec: SheetSpec | undefined): HeaderLayout | undefined {
	const areaColumns: Partial<Record<AreaColumnKind, number>> = {};
	for (const [kind, letter] of Object.entries(spec?.areaColumns ?? {})) {
		const col = columnIndex(letter);
		if (col !== undefined) areaColumns[kind as AreaColumnKind] = col;
	}
	return detectHeader(grid, {
		...(spec?.headerRows ? { headerRows: spec.headerRows } : {}),
		...(spec?.dataStartRow === undefined ? {} : { dataStartRow: spec.dataStartRow }),
		...(Object.keys(areaColumns).length > 0 ? { areaColumns } : {}),
	});
}

function decideYear(options: WorkbookImportOptions, plans: readonly SheetPlan[], session: ImportSession): number {
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
	const fromFile = new Set(yearsIn(session.file));
	if (fromFile.size === 1) return [...fromFile][0] ?? 0;
	const seen = [...new Set([...fromTitles, ...fromFile])].sort();
	session.add({
		message:
			`kunde inte avgöra vilket år värdena gäller${seen.length > 0 ? ` (hittade ${seen.join(', ')})` : ''}; ` +
			'ange --year eller "year" i mappningsfilen',
	});
	return 0;
}

/** The kommun gate stops the import; few län or no Riket row are warnings. */
function checkGates(run: WorkbookRun, session: ImportSession): void {
	if (run.kommuner.size < session.minKommuner) {
		session.add({
			message: kommunGateMessage('kommunrader', run.kommuner.size, session.minKommuner, 'Är det rätt blad? '),
		});
	}
	session.problems.throwIfAny(session.file);
	if (run.lan.size > 0 && run.lan.size < 21) session.warnings.push(`${run.lan.size} län hittades (21 väntas)`);
	if (run.lan.size > 0 && !run.riket) session.warnings.push('ingen rad för riket hittades');
}

/** The merge input and report; values and areas that fail the record schema are quarantined here. */
function prepared(
	session: ImportSession,
	run: WorkbookRun,
	found: { readonly year: number; readonly sheets: number; readonly sections: readonly SectionReport[] },
): PreparedImport {
	const { file, quarantine, dataset } = session;
	const candidates = quarantine.keep(
		[...run.candidates.values()],
		(c) => recordProblem(importedValueSchema, c.point),
		(c) => c.where,
	);
	const points = candidates.map((c) => ({ ...c.point, prov: c.prov }));
	const areas = quarantine.keep(
		run.resolver.createdAreas,
		(a) => recordProblem(importedAreaSchema, a),
		(a) => `stadsdelen ”${clip(a.name, 60)}”`,
	);
	const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
	const indicators = [...run.created.values()];
	return {
		input: {
			provenance: run.provenance,
			points,
			indicators,
			areas,
			record: {
				kind: 'excel',
				at: session.now.toISOString(),
				file,
				summary: {
					år: found.year,
					blad: found.sheets,
					kommuner: run.kommuner.size,
					'nya indikatorer': indicators.filter((i) => dataset.indicator(i.id) === undefined).length,
					'nya områden': areas.length,
					...(quarantine.count > 0 ? { karantän: quarantine.count } : {}),
				},
			},
		},
		report: {
			source: 'excel',
			file,
			years: years.length > 0 ? years : [found.year],
			sections: found.sections,
			columns: run.columns,
			indicators: run.notes,
			areasCreated: areas.map((a) => ({
				id: a.id,
				name: a.name,
				...(a.parentId === undefined ? {} : { parentId: a.parentId }),
			})),
			unknownMeasures: [],
			warnings: session.warnings,
			quarantine: quarantine.report(),
			points: points.length,
		},
	};
}
