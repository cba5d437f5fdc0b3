/**
 * Statistikdatabas CSV → merge input: register values (measure `value`) per area, year and kön,
 * for the measures ("mått") a mapping file names or whose name resolves uniquely to an indicator.
 * Rows for other dimension values than the total (ålder, hushållstyp, …) are left out unless the
 * mapping selects them. Unknown measures are reported, not imported. Every value keeps its file
 * and row; any problem aborts the import and nothing is written.
 */
import { Dataset } from '../../dataset/dataset.js';
import type { Area, DatasetFile, Gender, Indicator, Provenance } from '../../dataset/schema.js';
import { Search } from '../../search/search.js';
import type { IncomingPoint } from '../merge.js';
import { silentProgress, type Progress } from '../progress.js';
import type { PreparedImport } from '../excel/apply.js';
import { AreaResolver, rowTypeOf, type CodeMatch, type NameMatch } from '../excel/areas.js';
import { cleanText, missingTokenSet, parseSwedishNumber, roundNoise, tokenKey } from '../excel/cells.js';
import { ProblemList, type ImportProblem } from '../excel/errors.js';
import { DEFAULT_MIN_KOMMUNER, DEFAULT_MIN_PARSED_SHARE } from '../excel/session.js';
import type { MatchHow } from '../excel/indicators.js';
import {
	TokenTally,
	type ColumnReport,
	type IndicatorNote,
	type RowCounts,
	type SectionReport,
} from '../excel/report.js';
import { detectColumns, genderOf, headerKey, isTotal, type CsvColumns } from './columns.js';
import type { CsvTable } from './csv.js';
import { checkCsvMapping, type CsvMapping, type MeasureSpec } from './mapping.js';

/** Socialstyrelsen's statistikdatabas (the export's home). */
export const SDB_URL = 'https://sdb.socialstyrelsen.se/';

/** Options of {@link importStatistikdatabas}. */
export interface CsvImportOptions {
	/** The file given (CSV or ZIP), for the import record. */
	readonly fileName: string;
	readonly base: DatasetFile;
	readonly mapping?: CsvMapping;
	readonly mappingFile?: string;
	readonly minKommuner?: number;
	readonly minParsedShare?: number;
	readonly now?: () => Date;
	readonly progress?: Progress;
}

interface MeasureTarget {
	readonly indicator: Indicator;
	readonly how: MatchHow;
	readonly spec?: MeasureSpec;
}

interface MeasureStats {
	readonly section: string;
	readonly measure: string;
	readonly indicator: Indicator;
	readonly how: MatchHow;
	considered: number;
	parsed: number;
	readonly tally: TokenTally;
	readonly unparsed: { cell: string; token: string }[];
}

function emptyRows(): RowCounts {
	return { kommun: 0, stadsdel: 0, lan: 0, riket: 0, skipped: 0 };
}

function candidateText(areas: readonly Area[]): string {
	const names = [...new Set(areas.map((a) => `”${a.name}”`))];
	return names.length > 0 ? ` Menade du ${names.join(' eller ')}?` : '';
}

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

/** Imports parsed statistikdatabas CSV tables into a merge input and a report. */
export function importStatistikdatabas(tables: readonly CsvTable[], options: CsvImportOptions): PreparedImport {
	const file = options.fileName;
	const mapping = options.mapping;
	const progress = options.progress ?? silentProgress;
	const dataset = new Dataset(options.base);
	const search = new Search(dataset);
	const problems = new ProblemList();
	const warnings: string[] = [];
	if (mapping) {
		for (const p of checkCsvMapping(mapping, options.base, options.mappingFile ?? file)) problems.add(p);
		problems.throwIfAny(file);
	}
	const minKommuner = options.minKommuner ?? mapping?.minKommuner ?? DEFAULT_MIN_KOMMUNER;
	const minShare = options.minParsedShare ?? mapping?.minParsedShare ?? DEFAULT_MIN_PARSED_SHARE;
	const missing = missingTokenSet(mapping?.missingTokens);
	const areaNames: Record<string, string> = { ...(mapping?.areaNames ?? {}) };
	const resolver = new AreaResolver(dataset, search, { areaNames });

	const provenance: Omit<Provenance, 'id'>[] = [];
	const points = new Map<string, { point: IncomingPoint; line: string }>();
	const sections: SectionReport[] = [];
	const stats = new Map<string, MeasureStats>();
	const notes = new Map<string, IndicatorNote>();
	const unknownMeasures = new Map<string, number>();
	const autoTargets = new Map<string, MeasureTarget | undefined>();
	const codeCache = new Map<string, CodeMatch>();
	const nameCache = new Map<string, NameMatch>();
	const reportedRegions = new Set<string>();
	const reportedGenders = new Set<string>();
	const kommuner = new Set<string>();

	const targetFor = (name: string, id: string | undefined, cells: readonly string[], columns: CsvColumns) => {
		const keys = new Set([tokenKey(name), ...(id === undefined ? [] : [tokenKey(id)])]);
		const rules = (mapping?.measures ?? []).filter((m) => keys.has(tokenKey(m.matt)));
		if (rules.length > 0) {
			const rule = rules.find((m) => matchesWhere(m, cells, columns));
			if (!rule) return { kind: 'filtered' as const };
			if (rule.indicator === 'ignore') return { kind: 'ignored' as const };
			const indicator = dataset.indicator(rule.indicator);
			return indicator
				? { kind: 'target' as const, target: { indicator, how: 'mapping' as const, spec: rule } }
				: { kind: 'unknown' as const };
		}
		if (mapping?.onlyMappedMeasures) return { kind: 'unknown' as const };
		if (!autoTargets.has(name)) {
			let target: MeasureTarget | undefined;
			for (const query of [name, ...(id === undefined ? [] : [id])]) {
				const result = search.resolveIndicator(query);
				if (result.status === 'found' && result.tier !== 'fuzzy') {
					const indicator = result.item;
					if (indicator.kind !== 'yesno' && indicator.kind !== 'ordinal') {
						target = { indicator, how: result.tier };
						break;
					}
				}
			}
			autoTargets.set(name, target);
		}
		const target = autoTargets.get(name);
		if (!target) return { kind: 'unknown' as const };
		return matchesWhere(undefined, cells, columns)
			? { kind: 'target' as const, target }
			: { kind: 'filtered' as const };
	};

	progress.start('Läser CSV', tables.length);
	for (const table of tables) {
		const section = table.name;
		const rows = emptyRows();
		const add = (p: Omit<ImportProblem, 'file'>): void => problems.add({ file: section, ...p });
		const columns = detectColumns(table.headers);
		if ('missing' in columns) {
			add({
				message: `hittar inga kolumner för ${columns.missing.join(', ')} (rubriker: ${table.headers.map((h) => `”${h}”`).join(', ')})`,
			});
			sections.push({ name: section, imported: false, note: 'okända kolumner', rows });
			continue;
		}
		const provIndex = provenance.length;
		provenance.push({
			kind: 'socialstyrelsen',
			title: `Socialstyrelsens statistikdatabas – Ekonomiskt bistånd (${section})`,
			attribution: 'Källa: Socialstyrelsen (statistikdatabasen)',
			url: SDB_URL,
			file: section,
		});
		const headerName = (index: number | undefined): string =>
			index === undefined ? '' : cleanText(table.headers[index] ?? '');

		for (const { line, cells } of table.rows) {
			const cell = (index: number | undefined): string => (index === undefined ? '' : cleanText(cells[index] ?? ''));
			const where = `rad ${line}`;
			const measureName = cell(columns.measure);
			const measureId = columns.measureId === undefined ? undefined : cell(columns.measureId);
			if (measureName === '' && (measureId ?? '') === '') {
				rows.skipped += 1;
				continue;
			}
			const found = targetFor(measureName, measureId, cells, columns);
			if (found.kind === 'unknown') {
				unknownMeasures.set(measureName, (unknownMeasures.get(measureName) ?? 0) + 1);
				rows.skipped += 1;
				continue;
			}
			if (found.kind !== 'target') {
				rows.skipped += 1;
				continue;
			}
			const { indicator, how, spec } = found.target;

			const yearText = cell(columns.year);
			if (!/^\d{4}$/.test(yearText)) {
				add({ cell: where, message: `året ”${yearText}” i kolumnen ${headerName(columns.year)} är inget årtal` });
				continue;
			}
			const year = Number(yearText);

			let area: Area | undefined;
			const codeText = cell(columns.regionCode);
			const nameText = cell(columns.regionName);
			if (codeText !== '') {
				let match = codeCache.get(codeText);
				if (!match) {
					match = resolver.byCode({ kind: 'text', text: codeText, token: codeText });
					codeCache.set(codeText, match);
				}
				if (match.kind === 'area') area = match.area;
				else if (nameText === '' && !reportedRegions.has(codeText)) {
					reportedRegions.add(codeText);
					add({ cell: where, message: `okänd regionkod ”${codeText}”` });
				}
			}
			if (!area && nameText !== '') {
				let match = nameCache.get(nameText);
				if (!match) {
					match = resolver.byName(nameText);
					nameCache.set(nameText, match);
				}
				if (match.kind === 'area') area = match.area;
				else if (match.kind === 'skip') {
					rows.skipped += 1;
					continue;
				} else if (!reportedRegions.has(nameText)) {
					reportedRegions.add(nameText);
					add({
						cell: where,
						message: `okänd kommun eller region ”${nameText}”.${candidateText(match.candidates)} Lägg annars till namnet under "areaNames" i mappningsfilen.`,
					});
				}
			}
			if (!area) continue;
			const type = rowTypeOf(area);
			if (!type) {
				rows.skipped += 1;
				continue;
			}

			let gender: Gender = 'T';
			if (columns.gender !== undefined) {
				const genderText = cell(columns.gender);
				const g = genderOf(genderText);
				if (!g) {
					if (!reportedGenders.has(genderText)) {
						reportedGenders.add(genderText);
						warnings.push(`${section}, ${where}: könet ”${genderText}” okänt; sådana rader hoppades över`);
					}
					rows.skipped += 1;
					continue;
				}
				if (g !== 'T' && !indicator.genderSplit) {
					rows.skipped += 1;
					continue;
				}
				gender = g;
			}

			const statsKey = `${section}|${measureName}|${indicator.id}`;
			let stat = stats.get(statsKey);
			if (!stat) {
				stat = {
					section,
					measure: measureName,
					indicator,
					how,
					considered: 0,
					parsed: 0,
					tally: new TokenTally(),
					unparsed: [],
				};
				stats.set(statsKey, stat);
			}
			if (!notes.has(indicator.id + measureName)) {
				notes.set(indicator.id + measureName, {
					indicator: indicator.id,
					title: indicator.title,
					kind: indicator.kind,
					unit: indicator.unit,
					how,
					where: `${section}, mått ”${measureName}”`,
					header: measureName,
					candidates: [],
				});
			}
			stat.considered += 1;
			const valueText = cell(columns.value);
			let value: number | null;
			let status: string | undefined;
			if (missing.has(tokenKey(valueText))) {
				value = null;
				if (valueText !== '') status = valueText;
				stat.tally.token(valueText);
			} else {
				const parsed = parseSwedishNumber(valueText);
				if (!parsed) {
					stat.unparsed.push({ cell: where, token: valueText });
					add({
						cell: where,
						message: `texten ”${valueText}” i sifferkolumnen ${headerName(columns.value)} (mått ”${measureName}”)`,
					});
					continue;
				}
				value = roundNoise(parsed.value * (spec?.factor ?? 1));
				stat.tally.number(value);
			}
			stat.parsed += 1;
			const point: IncomingPoint = {
				indicator: indicator.id,
				area: area.id,
				gender,
				measure: 'value',
				year,
				value,
				prov: provIndex,
				...(status === undefined ? {} : { status }),
				ref: where,
			};
			const key = `${point.indicator}|${point.area}|${point.gender}|${point.year}`;
			const previous = points.get(key);
			if (previous) {
				add({
					cell: where,
					message: `dubbel rad: ${indicator.id} för ${area.name} ${year} (${gender}) finns redan på ${previous.line}`,
				});
				continue;
			}
			points.set(key, { point, line: where });
			rows[type] += 1;
			if (type === 'kommun') kommuner.add(area.id);
		}
		sections.push({ name: section, imported: true, rows });
		progress.tick();
	}
	progress.done();

	const columnsReport: ColumnReport[] = [];
	for (const stat of stats.values()) {
		if (stat.considered > 0 && stat.parsed / stat.considered < minShare) {
			problems.add({
				file: stat.section,
				message: `måttet ”${stat.measure}”: bara ${Math.floor((stat.parsed / stat.considered) * 100)} % av ${stat.considered} värden kunde tolkas (krav ${Math.round(minShare * 100)} %)`,
			});
		}
		columnsReport.push({
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
		});
	}
	if (points.size === 0 && problems.size === 0) {
		const some = [...unknownMeasures.keys()].slice(0, 8).map((m) => `”${m}”`);
		problems.add({
			file,
			message: `inga värden kunde importeras: inget mått kopplades till en indikator${some.length > 0 ? ` (mått: ${some.join(', ')})` : ''}; ange dem under "measures" i en mappningsfil`,
		});
	}
	if (points.size > 0 && kommuner.size < minKommuner) {
		problems.add({
			file,
			message:
				`för få kommuner med värden: ${kommuner.size} (minst ${minKommuner} krävs). ` +
				'Sänk gränsen med --min-kommuner eller "minKommuner" i mappningsfilen om filen medvetet är ofullständig.',
		});
	}
	problems.throwIfAny(file);

	const incoming = [...points.values()].map((p) => p.point);
	const years = [...new Set(incoming.map((p) => p.year))].sort((a, b) => a - b);
	const now = (options.now ?? (() => new Date()))();
	return {
		input: {
			provenance,
			points: incoming,
			areas: resolver.createdAreas,
			record: {
				kind: 'csv',
				at: now.toISOString(),
				file,
				summary: { filer: tables.length, kommuner: kommuner.size, 'okända mått': unknownMeasures.size },
			},
		},
		report: {
			source: 'statistikdatabas',
			file,
			years,
			sections,
			columns: columnsReport,
			indicators: [...notes.values()],
			areasCreated: resolver.createdAreas.map((a) => ({ id: a.id, name: a.name })),
			unknownMeasures: [...unknownMeasures.entries()]
				.map(([token, count]) => ({ token, count }))
				.sort((a, b) => b.count - a.count || a.token.localeCompare(b.token, 'sv')),
			warnings,
			quarantine: { count: 0, examples: [] },
			points: incoming.length,
		},
	};
}
