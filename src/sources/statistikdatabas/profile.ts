/**
 * The `--profile` view of a statistikdatabas CSV: its headers, the columns detection found and the
 * distinct values per column, so a maintainer can write the measure mapping.
 */
import { cleanText } from '../excel/cells.js';
import { formatTokens, TokenTally, type NumberSummary, type TokenCount } from '../excel/report.js';
import { detectColumns } from './columns.js';
import type { CsvTable } from './csv.js';

/** One CSV file. */
export interface CsvProfile {
	readonly name: string;
	readonly rows: number;
	readonly headers: readonly string[];
	/** Detected roles by header ("År" → "år"); `missing` lists required columns not found. */
	readonly roles: Readonly<Record<string, string>>;
	readonly missing: readonly string[];
	readonly columns: readonly {
		readonly header: string;
		readonly tokens: readonly TokenCount[];
		readonly distinct: number;
		readonly numbers: NumberSummary;
	}[];
}

/** Profiles parsed CSV tables. */
export function profileCsv(tables: readonly CsvTable[], maxTokens = 25): CsvProfile[] {
	return tables.map((table) => {
		const columns = detectColumns(table.headers);
		const roles: Record<string, string> = {};
		if (!('missing' in columns)) {
			const put = (index: number | undefined, role: string): void => {
				if (index !== undefined) roles[table.headers[index] ?? String(index)] = role;
			};
			put(columns.year, 'år');
			put(columns.regionCode, 'regionkod');
			put(columns.regionName, 'regionnamn');
			put(columns.measure, 'mått');
			put(columns.measureId, 'mått-id');
			put(columns.gender, 'kön');
			put(columns.value, 'värde');
			for (const d of columns.dimensions) put(d.index, 'dimension');
		}
		return {
			name: table.name,
			rows: table.rows.length,
			headers: table.headers,
			roles,
			missing: 'missing' in columns ? columns.missing : [],
			columns: table.headers.map((header, index) => {
				const tally = new TokenTally();
				const distinct = new Set<string>();
				for (const row of table.rows) {
					const value = cleanText(row.cells[index] ?? '');
					distinct.add(value);
					const number = /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : undefined;
					if (number === undefined) tally.token(value);
					else tally.number(number);
				}
				return {
					header,
					tokens: tally.tokenCounts.slice(0, maxTokens),
					distinct: distinct.size,
					numbers: tally.numbers,
				};
			}),
		};
	});
}

/** The CSV profile as Swedish text. */
export function formatCsvProfile(profiles: readonly CsvProfile[]): string {
	const lines: string[] = [];
	for (const p of profiles) {
		lines.push(`Fil ”${p.name}”: ${p.rows} rader, kolumner ${p.headers.map((h) => `”${h}”`).join(', ')}`);
		if (p.missing.length > 0) lines.push(`  Saknade kolumner: ${p.missing.join(', ')}`);
		for (const column of p.columns) {
			const role = p.roles[column.header];
			lines.push(`  ”${column.header}”${role ? ` [${role}]` : ''}: ${column.distinct} olika värden`);
			const tokens = formatTokens(column.tokens, column.numbers, 15);
			if (tokens) lines.push(`      ${tokens}`);
		}
	}
	return lines.join('\n');
}
