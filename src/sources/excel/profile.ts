/**
 * The `--profile` view of a workbook: sheets, used ranges, merged cells, the first rows, header-row
 * candidates, the detected header and the distinct cell tokens per column — what a maintainer
 * needs to confirm the layout and write a mapping file. Reads nothing into the dataset.
 */
import { cleanText, missingTokenSet, readCell } from './cells.js';
import { cellAt, columnLetter, formatRange, type SheetGrid } from './grid.js';
import { detectHeader, headerCandidates, type AreaColumnKind } from './headers.js';
import { TokenTally, formatTokens, type NumberSummary, type TokenCount } from './report.js';

/** Distinct values of one column below the header. */
export interface ColumnProfile {
	readonly letter: string;
	readonly header?: string;
	readonly role?: string;
	readonly year?: number;
	readonly tokens: readonly TokenCount[];
	readonly distinctTokens: number;
	readonly numbers: NumberSummary;
}

/** One sheet. */
export interface SheetProfile {
	readonly name: string;
	readonly state: string;
	/** Used range ("A1:H320"), or "" for an empty sheet. */
	readonly range: string;
	readonly merges: readonly string[];
	/** The first rows as "address: text" cells. */
	readonly firstRows: readonly { readonly row: number; readonly cells: readonly string[] }[];
	readonly headerCandidates: readonly { readonly row: number; readonly labels: readonly string[] }[];
	readonly header?: {
		readonly rows: readonly number[];
		readonly dataStartRow: number;
		readonly areaColumns: Readonly<Partial<Record<AreaColumnKind, string>>>;
	};
	readonly columns: readonly ColumnProfile[];
}

/** The whole workbook. */
export interface WorkbookProfile {
	readonly file: string;
	readonly sheets: readonly SheetProfile[];
}

function cellText(value: unknown, numFmt: string | undefined): string {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'string') return cleanText(value);
	if (typeof value === 'number' || typeof value === 'boolean') {
		return `${String(value)}${numFmt !== undefined && numFmt !== 'General' ? ` [${numFmt}]` : ''}`;
	}
	return '';
}

/** Profiles every sheet of a workbook. */
export function profileWorkbook(
	sheets: readonly SheetGrid[],
	file: string,
	options: {
		readonly previewRows?: number;
		readonly maxTokens?: number;
		readonly missingTokens?: readonly string[];
	} = {},
): WorkbookProfile {
	const previewRows = options.previewRows ?? 15;
	const maxTokens = options.maxTokens ?? 25;
	const missing = missingTokenSet(options.missingTokens);
	return {
		file,
		sheets: sheets.map((grid): SheetProfile => {
			const firstRows: { row: number; cells: string[] }[] = [];
			for (let row = 1; row <= Math.min(grid.rowCount, previewRows); row++) {
				const cells: string[] = [];
				for (let col = 1; col <= grid.colCount; col++) {
					const cell = cellAt(grid, row, col);
					if (!cell) continue;
					const text = cell.error ?? cellText(cell.value, cell.numFmt);
					cells.push(`${cell.address}: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`);
				}
				if (cells.length > 0) firstRows.push({ row, cells });
			}
			const layout = detectHeader(grid);
			const dataStart = layout?.dataStartRow ?? 1;
			const headers = new Map(layout?.columns.map((c) => [c.col, c]) ?? []);
			const columns: ColumnProfile[] = [];
			for (let col = 1; col <= grid.colCount; col++) {
				const tally = new TokenTally();
				for (let row = dataStart; row <= grid.rowCount; row++) {
					const cell = cellAt(grid, row, col);
					const raw = readCell(cell, missing);
					// Texts are shown as written ("0180" stays "0180"); only real numbers are summarised.
					if (raw.kind === 'number' && typeof cell?.value === 'number') tally.number(raw.value, raw.percentFormat);
					else if (!(raw.kind === 'missing' && raw.token === '')) tally.token(raw.token);
				}
				const header = headers.get(col);
				const areaKind = Object.entries(layout?.areaColumns ?? {}).find(([, c]) => c === col)?.[0];
				const tokens = tally.tokenCounts;
				if (tokens.length === 0 && tally.numbers.count === 0 && !header) continue;
				columns.push({
					letter: columnLetter(col),
					...(header
						? { header: header.parts.join(' – ') }
						: areaKind
							? { header: `(områdeskolumn: ${areaKind})` }
							: {}),
					...(header?.roleHint ? { role: header.roleHint } : {}),
					...(header?.year === undefined ? {} : { year: header.year }),
					tokens: tokens.slice(0, maxTokens),
					distinctTokens: tokens.length,
					numbers: tally.numbers,
				});
			}
			const areaColumns: Partial<Record<AreaColumnKind, string>> = {};
			for (const [kind, col] of Object.entries(layout?.areaColumns ?? {}))
				areaColumns[kind as AreaColumnKind] = columnLetter(col);
			return {
				name: grid.name,
				state: grid.state,
				range:
					grid.rowCount > 0 && grid.colCount > 0
						? formatRange({ top: 1, left: 1, bottom: grid.rowCount, right: grid.colCount })
						: '',
				merges: grid.merges.map(formatRange),
				firstRows,
				headerCandidates: headerCandidates(grid).map((c) => ({
					row: c.row,
					labels: c.labels.map((l) => `${columnLetter(l.col)}=${l.kind} ”${l.text}”`),
				})),
				...(layout ? { header: { rows: layout.headerRows, dataStartRow: layout.dataStartRow, areaColumns } } : {}),
				columns,
			};
		}),
	};
}

/** The profile as Swedish text. */
export function formatProfile(profile: WorkbookProfile): string {
	const lines: string[] = [`Profil av ${profile.file}: ${profile.sheets.length} blad`];
	for (const sheet of profile.sheets) {
		lines.push('');
		const state = sheet.state === 'visible' ? '' : ` (${sheet.state === 'hidden' ? 'dolt' : 'mycket dolt'})`;
		lines.push(`Blad ”${sheet.name}”${state}: område ${sheet.range || '(tomt)'}`);
		if (sheet.merges.length > 0) {
			const shown = sheet.merges.slice(0, 30).join(', ');
			lines.push(`  Sammanfogade celler (${sheet.merges.length}): ${shown}${sheet.merges.length > 30 ? ' …' : ''}`);
		}
		lines.push('  Första raderna:');
		for (const row of sheet.firstRows) lines.push(`    ${row.row}: ${row.cells.join(' | ')}`);
		if (sheet.headerCandidates.length === 0) lines.push('  Rubrikrader: ingen rad med kommun/kod hittades');
		else {
			lines.push('  Möjliga rubrikrader:');
			for (const c of sheet.headerCandidates) lines.push(`    rad ${c.row}: ${c.labels.join(', ')}`);
		}
		if (sheet.header) {
			const area = Object.entries(sheet.header.areaColumns)
				.map(([kind, letter]) => `${kind}=${letter}`)
				.join(', ');
			lines.push(
				`  Tolkad rubrik: rad ${sheet.header.rows.join('–')}, data från rad ${sheet.header.dataStartRow}; områdeskolumner ${area}`,
			);
		}
		lines.push('  Kolumner (värden under rubriken):');
		for (const column of sheet.columns) {
			const extra = [column.role, column.year].filter((x) => x !== undefined).join(', ');
			lines.push(`    ${column.letter} ”${column.header ?? '(ingen rubrik)'}”${extra ? ` [${extra}]` : ''}`);
			const tokens = formatTokens(column.tokens, column.numbers, 15);
			const distinct = column.distinctTokens > 15 ? ` (${column.distinctTokens} olika texter)` : '';
			if (tokens) lines.push(`        ${tokens}${distinct}`);
		}
	}
	return lines.join('\n');
}
