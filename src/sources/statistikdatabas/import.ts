/**
 * Statistikdatabas CSV → merge input: register values (measure `value`) per area, year and kön,
 * for the measures ("mått") a mapping file names or whose name resolves uniquely to an indicator.
 * Rows for other dimension values than the total (ålder, hushållstyp, …) are left out unless the
 * mapping selects them. Unknown measures are reported, not imported. Every value keeps its file
 * and row. A record that fails the shared record schema (a name or header over the name limit, a
 * region code without a code's shape, a number that is not finite) is quarantined: left out and
 * counted in the summary while the rest is imported. Any other problem aborts the import and
 * nothing is written.
 */
import type { Area, Gender, Provenance } from '../../dataset/schema.js';
import { clip } from '../../text.js';
import type { IncomingPoint } from '../merge.js';
import { importedValueSchema, nameProblem, numberProblem, recordProblem } from '../records.js';
import type { PreparedImport } from '../excel/apply.js';
import { AreaResolver, rowTypeOf, type CodeMatch, type NameMatch } from '../excel/areas.js';
import { cleanText, parseSwedishNumber, roundNoise, tokenKey } from '../excel/cells.js';
import type { ImportProblem } from '../excel/errors.js';
import type { MatchHow } from '../excel/indicators.js';
import {
	TokenTally,
	type ColumnReport,
	type IndicatorNote,
	type RowCounts,
	type SectionReport,
} from '../excel/report.js';
import {
	emptyRows,
	kommunGateMessage,
	startSession,
	type ImportSession,
	type SessionOptions,
} from '../excel/session.js';
import { detectColumns, genderOf, type CsvColumns } from './columns.js';
import type { CsvTable } from './csv.js';
import { checkCsvMapping, type CsvMapping } from './mapping.js';
import { MeasureTargets, type MeasureTarget } from './targets.js';

/** Socialstyrelsen's statistikdatabas (the export's home). */
export const SDB_URL = 'https://sdb.socialstyrelsen.se/';

/** Options of {@link importStatistikdatabas}; `fileName` is the file given (CSV or ZIP). */
export interface CsvImportOptions extends SessionOptions {
	readonly mapping?: CsvMapping;
	readonly mappingFile?: string;
}

interface MeasureStats {
	readonly section: string;
	readonly measure: string;
	readonly indicator: MeasureTarget['indicator'];
	readonly how: MatchHow;
	considered: number;
	parsed: number;
	readonly tally: TokenTally;
	readonly unparsed: { cell: string; token: string }[];
}

/** One CSV file being read. */
interface TableContext {
	readonly section: string;
	readonly columns: CsvColumns;
	readonly headers: readonly string[];
	readonly rows: RowCounts;
	readonly provIndex: number;
	readonly add: (p: Omit<ImportProblem, 'file'>) => void;
}

/** One CSV record being read. */
interface RowContext {
	readonly t: TableContext;
	readonly cells: readonly string[];
	/** "rad 12". */
	readonly where: string;
	readonly cell: (index: number | undefined) => string;
}

function candidateText(areas: readonly Area[]): string {
	const names = [...new Set(areas.map((a) => `”${a.name}”`))];
	return names.length > 0 ? ` Menade du ${names.join(' eller ')}?` : '';
}

/** Imports parsed statistikdatabas CSV tables into a merge input and a report. */
export function importStatistikdatabas(tables: readonly CsvTable[], options: CsvImportOptions): PreparedImport {
	const mapping = options.mapping;
	const session = startSession(options, mapping);
	if (mapping) {
		for (const p of checkCsvMapping(mapping, options.base, options.mappingFile ?? session.file))
			session.problems.add(p);
		session.problems.throwIfAny(session.file);
	}
	const run = new CsvRun(session, mapping);
	session.progress.start('Läser CSV', tables.length);
	for (const table of tables) {
		run.readTable(table);
		session.progress.tick();
	}
	session.progress.done();
	const columns = run.measureReports();
	run.checkGates();
	session.problems.throwIfAny(session.file);
	return run.prepared(tables.length, columns);
}

/** The files of one CSV import and everything read from them so far. */
class CsvRun {
	private readonly resolver: AreaResolver;
	private readonly targets: MeasureTargets;
	private readonly provenance: Omit<Provenance, 'id'>[] = [];
	private readonly points = new Map<string, { point: IncomingPoint; where: string }>();
	private readonly sections: SectionReport[] = [];
	private readonly stats = new Map<string, MeasureStats>();
	private readonly notes = new Map<string, IndicatorNote>();
	private readonly unknownMeasures = new Map<string, number>();
	private readonly codeCache = new Map<string, CodeMatch>();
	private readonly nameCache = new Map<string, NameMatch>();
	private readonly reportedRegions = new Set<string>();
	private readonly reportedGenders = new Set<string>();
	private readonly kommuner = new Set<string>();

	constructor(
		private readonly session: ImportSession,
		mapping: CsvMapping | undefined,
	) {
		this.resolver = new AreaResolver(session.dataset, session.search, { areaNames: { ...(mapping?.areaNames ?? {}) } });
		this.targets = new MeasureTargets(session.dataset, session.search, mapping);
	}

	/** Reads one CSV file into values; a file without the known columns is a problem. */
	readTable(table: CsvTable): void {
		const section = table.name;
		const rows = emptyRows();
		const add = (p: Omit<ImportProblem, 'file'>): void => this.session.add({ file: section, ...p });
		const headers = this.headersOf(table);
		const columns = detectColumns(headers);
		if ('missing' in columns) {
			add({
				message: `hittar inga kolumner för ${columns.missing.join(', ')} (rubriker: ${headers.map((h) => `”${h}”`).join(', ')})`,
			});
			this.sections.push({ name: section, imported: false, note: 'okända kolumner', rows });
			return;
		}
		const provIndex =
			this.provenance.push({
				kind: 'socialstyrelsen',
				title: `Socialstyrelsens statistikdatabas – Ekonomiskt bistånd (${section})`,
				attribution: 'Källa: Socialstyrelsen (statistikdatabasen)',
				url: SDB_URL,
				file: section,
			}) - 1;
		const t: TableContext = { section, columns, headers, rows, provIndex, add };
		for (const { line, cells } of table.rows) {
			const cell = (index: number | undefined): string => (index === undefined ? '' : cleanText(cells[index] ?? ''));
			this.readRow({ t, cells, where: `rad ${line}`, cell });
		}
		this.sections.push({ name: section, imported: true, rows });
	}

	/** The headers, with one over the name limit quarantined and read as "Kolumn N". */
	private headersOf(table: CsvTable): string[] {
		return table.headers.map((header, index) => {
			const problem = nameProblem(header);
			if (problem === undefined) return header;
			this.session.quarantine.add(`${table.name}, kolumn ${index + 1}`, `rubriken ${problem}`);
			return `Kolumn ${index + 1}`;
		});
	}

	private quarantine(r: RowContext, reason: string): undefined {
		this.session.quarantine.add(`${r.t.section}, ${r.where}`, reason);
		return undefined;
	}

	private problem(r: RowContext, message: string): undefined {
		r.t.add({ cell: r.where, message });
		return undefined;
	}

	private readRow(r: RowContext): void {
		const { t, cell } = r;
		const skip = (): void => {
			t.rows.skipped += 1;
		};
		const measureName = cell(t.columns.measure);
		const measureId = t.columns.measureId === undefined ? undefined : cell(t.columns.measureId);
		if (measureName === '' && (measureId ?? '') === '') return skip();
		const longMeasure = nameProblem(measureName) ?? nameProblem(measureId ?? '');
		if (longMeasure !== undefined) return this.quarantine(r, `måttet ${longMeasure}`);
		const found = this.targets.find(measureName, measureId, r.cells, t.columns);
		if (found.kind === 'unknown')
			this.unknownMeasures.set(measureName, (this.unknownMeasures.get(measureName) ?? 0) + 1);
		if (found.kind !== 'target') return skip();
		const { indicator } = found.target;

		const yearText = cell(t.columns.year);
		if (!/^\d{4}$/.test(yearText)) {
			const column = headerName(t, t.columns.year);
			return this.problem(r, `året ”${clip(yearText, 40)}” i kolumnen ${column} är inget årtal`);
		}
		const area = this.areaOf(r);
		if (area === 'skip') return skip();
		if (!area) return;
		const type = rowTypeOf(area);
		if (!type) return skip();
		const gender = this.genderOf(r, indicator.genderSplit);
		if (!gender) return skip();

		const stat = this.statFor(t.section, measureName, found.target);
		const read = this.valueOf(r, stat, found.target, measureName);
		if (!read) return;
		const point: IncomingPoint = {
			indicator: indicator.id,
			area: area.id,
			gender,
			measure: 'value',
			year: Number(yearText),
			value: read.value,
			prov: t.provIndex,
			...(read.status === undefined ? {} : { status: read.status }),
			ref: r.where,
		};
		const key = `${point.indicator}|${point.area}|${point.gender}|${point.year}`;
		const previous = this.points.get(key);
		if (previous) {
			const message = `dubbel rad: ${indicator.id} för ${area.name} ${point.year} (${gender}) finns redan på ${previous.where}`;
			return this.problem(r, message);
		}
		this.points.set(key, { point, where: r.where });
		t.rows[type] += 1;
		if (type === 'kommun') this.kommuner.add(area.id);
	}

	/**
	 * The row's area: by region code, else by name. An unknown region is a problem (once per code or
	 * name); a name over the name limit or a code of no code's shape quarantines the row.
	 */
	private areaOf(r: RowContext): Area | 'skip' | undefined {
		const codeText = r.cell(r.t.columns.regionCode);
		const nameText = r.cell(r.t.columns.regionName);
		const longName = nameProblem(nameText);
		if (longName !== undefined) return this.quarantine(r, `regionnamnet ${longName}`);
		if (codeText !== '') {
			const match = cached(this.codeCache, codeText, () =>
				this.resolver.byCode({ kind: 'text', text: codeText, token: codeText }),
			);
			if (match.kind === 'area') return match.area;
			if (nameText === '' && match.kind === 'invalid')
				return this.quarantine(r, `regionkoden ”${clip(codeText, 40)}” har inte formen av en regionkod`);
			if (nameText === '' && this.firstReport(codeText)) this.problem(r, `okänd regionkod ”${codeText}”`);
		}
		if (nameText === '') return undefined;
		const match = cached(this.nameCache, nameText, () => this.resolver.byName(nameText));
		if (match.kind === 'area') return match.area;
		if (match.kind === 'skip') return 'skip';
		if (!this.firstReport(nameText)) return undefined;
		return this.problem(
			r,
			`okänd kommun eller region ”${nameText}”.${candidateText(match.candidates)} Lägg annars till namnet under "areaNames" i mappningsfilen.`,
		);
	}

	private firstReport(region: string): boolean {
		if (this.reportedRegions.has(region)) return false;
		this.reportedRegions.add(region);
		return true;
	}

	/** The row's kön: T without a kön column; undefined (row skipped) for an unknown or unwanted one. */
	private genderOf(r: RowContext, split: boolean): Gender | undefined {
		if (r.t.columns.gender === undefined) return 'T';
		const genderText = r.cell(r.t.columns.gender);
		const gender = genderOf(genderText);
		if (!gender && !this.reportedGenders.has(genderText)) {
			this.reportedGenders.add(genderText);
			this.session.warnings.push(
				`${r.t.section}, ${r.where}: könet ”${clip(genderText, 40)}” okänt; sådana rader hoppades över`,
			);
		}
		if (!gender || (gender !== 'T' && !split)) return undefined;
		return gender;
	}

	private statFor(section: string, measure: string, target: MeasureTarget): MeasureStats {
		const { indicator, how } = target;
		const key = `${section}|${measure}|${indicator.id}`;
		let stat = this.stats.get(key);
		if (!stat) {
			const tally = new TokenTally();
			stat = { section, measure, indicator, how, considered: 0, parsed: 0, tally, unparsed: [] };
			this.stats.set(key, stat);
		}
		if (!this.notes.has(indicator.id + measure)) {
			this.notes.set(indicator.id + measure, {
				indicator: indicator.id,
				title: indicator.title,
				kind: indicator.kind,
				unit: indicator.unit,
				how,
				where: `${section}, mått ”${measure}”`,
				header: measure,
				candidates: [],
			});
		}
		return stat;
	}

	/** The row's value (null with the token as status for a missing marker); text is a problem. */
	private valueOf(
		r: RowContext,
		stat: MeasureStats,
		target: MeasureTarget,
		measure: string,
	): { value: number | null; status?: string } | undefined {
		const valueText = r.cell(r.t.columns.value);
		if (this.session.missing.has(tokenKey(valueText))) {
			stat.considered += 1;
			stat.parsed += 1;
			stat.tally.token(valueText);
			return { value: null, ...(valueText === '' ? {} : { status: valueText }) };
		}
		const parsed = parseSwedishNumber(valueText);
		const value = parsed && roundNoise(parsed.value * (target.spec?.factor ?? 1));
		const infinite = value === undefined ? undefined : numberProblem(value);
		if (infinite !== undefined) return this.quarantine(r, `värdet ${infinite}`);
		stat.considered += 1;
		if (value === undefined) {
			stat.unparsed.push({ cell: r.where, token: valueText });
			const column = headerName(r.t, r.t.columns.value);
			const message = `texten ”${clip(valueText, 80)}” i sifferkolumnen ${column} (mått ”${measure}”)`;
			return this.problem(r, message);
		}
		stat.parsed += 1;
		stat.tally.number(value);
		return { value };
	}

	/** One report per measure; too few values read stops the import. */
	measureReports(): ColumnReport[] {
		const { minShare, problems } = this.session;
		return [...this.stats.values()].map((stat) => {
			if (stat.considered > 0 && stat.parsed / stat.considered < minShare) {
				problems.add({
					file: stat.section,
					message: `måttet ”${stat.measure}”: bara ${Math.floor((stat.parsed / stat.considered) * 100)} % av ${stat.considered} värden kunde tolkas (krav ${Math.round(minShare * 100)} %)`,
				});
			}
			return {
				section: stat.section,
				column: 'Mått',
				header: stat.measure,
				indicator: stat.indicator.id,
				how: stat.how,
				role: 'value',
				considered: stat.considered,
				parsed: stat.parsed,
				ignored: 0,
				tokens: stat.tally.tokenCounts,
				numbers: stat.tally.numbers,
				unparsed: stat.unparsed.slice(0, 5),
			};
		});
	}

	/** No value at all, or too few kommuner, stops the import. */
	checkGates(): void {
		const { file, problems, minKommuner } = this.session;
		if (this.points.size === 0 && problems.size === 0) {
			const some = [...this.unknownMeasures.keys()].slice(0, 8).map((m) => `”${m}”`);
			problems.add({
				file,
				message: `inga värden kunde importeras: inget mått kopplades till en indikator${some.length > 0 ? ` (mått: ${some.join(', ')})` : ''}; ange dem under "measures" i en mappningsfil`,
			});
		}
		if (this.points.size > 0 && this.kommuner.size < minKommuner) {
			problems.add({ file, message: kommunGateMessage('kommuner med värden', this.kommuner.size, minKommuner) });
		}
	}

	/** The merge input and report; values that fail the record schema are quarantined here. */
	prepared(files: number, columns: readonly ColumnReport[]): PreparedImport {
		const { file, quarantine } = this.session;
		const kept = quarantine.keep(
			[...this.points.values()],
			(p) => recordProblem(importedValueSchema, p.point),
			(p) => `${file}, ${p.where}`,
		);
		const incoming = kept.map((p) => p.point);
		const years = [...new Set(incoming.map((p) => p.year))].sort((a, b) => a - b);
		const areas = this.resolver.createdAreas;
		return {
			input: {
				provenance: this.provenance,
				points: incoming,
				areas,
				record: {
					kind: 'csv',
					at: this.session.now.toISOString(),
					file,
					summary: {
						filer: files,
						kommuner: this.kommuner.size,
						'okända mått': this.unknownMeasures.size,
						...(quarantine.count > 0 ? { karantän: quarantine.count } : {}),
					},
				},
			},
			report: {
				source: 'statistikdatabas',
				file,
				years,
				sections: this.sections,
				columns,
				indicators: [...this.notes.values()],
				areasCreated: areas.map((a) => ({ id: a.id, name: a.name })),
				unknownMeasures: [...this.unknownMeasures.entries()]
					.map(([token, count]) => ({ token, count }))
					.sort((a, b) => b.count - a.count || a.token.localeCompare(b.token, 'sv')),
				warnings: this.session.warnings,
				quarantine: quarantine.report(),
				points: incoming.length,
			},
		};
	}
}

function headerName(t: TableContext, index: number | undefined): string {
	return index === undefined ? '' : cleanText(t.headers[index] ?? '');
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
}
