/**
 * What an import found and would change, shared by the ÖJ workbook and the statistikdatabas
 * importers: per-section row counts, per-column token counts and parse rates, indicator decisions
 * (matched, created, uncertain), created areas and warnings; and its Swedish text form for the
 * dry run.
 */
import type { MergeSummary } from '../merge.js';
import type { QuarantineReport } from '../records.js';
import { MATCH_LABELS, type MatchHow } from './indicators.js';

/** A token and how often it occurred. */
export interface TokenCount {
	readonly token: string;
	readonly count: number;
}

/** Numeric cells of a column. */
export interface NumberSummary {
	readonly count: number;
	readonly min: number | null;
	readonly max: number | null;
	readonly percentFormatted: number;
}

/** One imported column (workbook) or measure (CSV). */
export interface ColumnReport {
	/** Sheet or CSV file. */
	readonly section: string;
	/** Column letter, or the measure name for CSV. */
	readonly column: string;
	readonly header: string;
	readonly indicator: string;
	readonly how: MatchHow;
	/** How values are read: answer, share, shareAny or value. */
	readonly role: string;
	readonly year?: number;
	/** Cells the column is expected to fill. */
	readonly considered: number;
	/** Of those, cells read as a value or a known missing token. */
	readonly parsed: number;
	/** Cells left alone (e.g. a "%" column's kommun rows). */
	readonly ignored: number;
	readonly tokens: readonly TokenCount[];
	readonly numbers: NumberSummary;
	/** The first cells that could not be read. */
	readonly unparsed: readonly { readonly cell: string; readonly token: string }[];
}

/** Rows of a sheet or CSV file by what they are. */
export interface RowCounts {
	kommun: number;
	stadsdel: number;
	lan: number;
	riket: number;
	skipped: number;
}

/** One sheet or CSV file. */
export interface SectionReport {
	readonly name: string;
	readonly imported: boolean;
	/** Why a section was not imported, or its role. */
	readonly note?: string;
	readonly headerRows?: readonly number[];
	readonly rows: RowCounts;
}

/** How one column group or measure was tied to an indicator. */
export interface IndicatorNote {
	readonly indicator: string;
	readonly title: string;
	readonly kind: string;
	readonly unit: string;
	readonly how: MatchHow;
	/** "blad ”Kommuner”, kolumn C–D". */
	readonly where: string;
	/** Header text as written. */
	readonly header: string;
	/** Existing indicators the search suggested when the header did not match uniquely. */
	readonly candidates: readonly { readonly id: string; readonly title: string }[];
}

/** Everything an import reports. */
export interface ImportReport {
	readonly source: 'excel' | 'statistikdatabas';
	readonly file: string;
	readonly years: readonly number[];
	readonly sections: readonly SectionReport[];
	readonly columns: readonly ColumnReport[];
	readonly indicators: readonly IndicatorNote[];
	readonly areasCreated: readonly { readonly id: string; readonly name: string; readonly parentId?: string }[];
	/** Measures (CSV) that no indicator was found for, with row counts. */
	readonly unknownMeasures: readonly TokenCount[];
	readonly warnings: readonly string[];
	/** Records that failed the record schema: left out, counted, the first few described. */
	readonly quarantine: QuarantineReport;
	/** Values handed to the merge. */
	readonly points: number;
}

/** The result of a dry run or an applied import. */
export interface ImportOutcome {
	readonly report: ImportReport;
	readonly summary: MergeSummary;
	readonly applied: boolean;
	readonly dataPath: string;
}

/** Counts tokens and numbers of one column. */
export class TokenTally {
	private readonly tokens = new Map<string, number>();
	private count = 0;
	private min = Infinity;
	private max = -Infinity;
	private percent = 0;

	/** Counts a text or missing-value token ("" counts as "(tom)"). */
	token(token: string): void {
		const key = token === '' ? '(tom)' : token;
		this.tokens.set(key, (this.tokens.get(key) ?? 0) + 1);
	}

	/** Counts a number. */
	number(value: number, percentFormatted = false): void {
		this.count += 1;
		this.min = Math.min(this.min, value);
		this.max = Math.max(this.max, value);
		if (percentFormatted) this.percent += 1;
	}

	/** Tokens, most frequent first. */
	get tokenCounts(): TokenCount[] {
		return [...this.tokens.entries()]
			.map(([token, count]) => ({ token, count }))
			.sort((a, b) => b.count - a.count || a.token.localeCompare(b.token, 'sv'));
	}

	/** Numbers seen. */
	get numbers(): NumberSummary {
		return {
			count: this.count,
			min: this.count > 0 ? this.min : null,
			max: this.count > 0 ? this.max : null,
			percentFormatted: this.percent,
		};
	}
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
	answer: 'svar',
	share: 'andel kommuner',
	shareAny: 'andel helt/delvis',
	value: 'värde',
};

function formatNumber(n: number): string {
	return n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
}

/** Token counts as "Ja 210, Nej 78, ”-” 2, tal 22 (0–100)". */
export function formatTokens(tokens: readonly TokenCount[], numbers: NumberSummary, limit = 8): string {
	const parts = tokens.slice(0, limit).map((t) => `”${t.token}” ${t.count}`);
	if (tokens.length > limit) parts.push(`… ${tokens.length - limit} till`);
	if (numbers.count > 0 && numbers.min !== null && numbers.max !== null) {
		const pct = numbers.percentFormatted > 0 ? `, ${numbers.percentFormatted} i procentformat` : '';
		parts.push(`tal ${numbers.count} (${formatNumber(numbers.min)}–${formatNumber(numbers.max)}${pct})`);
	}
	return parts.join(', ');
}

function rowSummary(rows: RowCounts): string {
	const parts = [`${rows.kommun} kommuner`, `${rows.stadsdel} stadsdelar`, `${rows.lan} län`, `${rows.riket} riket`];
	if (rows.skipped > 0) parts.push(`${rows.skipped} ${rows.skipped === 1 ? 'rad' : 'rader'} hoppades över`);
	return parts.join(', ');
}

function quarantined(count: number): string {
	return `${count} ${count === 1 ? 'post' : 'poster'}`;
}

/** The quarantined records: how many, and the first few, each on one line. */
function quarantineLines(quarantine: QuarantineReport): string[] {
	if (quarantine.count === 0) return [];
	const lines = ['', `Karantän (${quarantined(quarantine.count)} i fel form, importeras inte – resten importeras):`];
	for (const example of quarantine.examples) lines.push(`  - ${example}`);
	const more = quarantine.count - quarantine.examples.length;
	if (more > 0) lines.push(`  … och ${quarantined(more)} till`);
	return lines;
}

/** The dry-run (or applied) report as Swedish text. */
export function formatReport(outcome: ImportOutcome): string {
	const { report, summary } = outcome;
	const lines: string[] = [];
	const mode = outcome.applied ? 'skrivet till' : 'torrkörning, inget skrivs till';
	lines.push(`Import av ${report.file} (${report.years.join(', ') || 'okänt år'}) – ${mode} ${outcome.dataPath}`);
	lines.push('');
	for (const section of report.sections) {
		const header = section.headerRows ? `, rubrikrad ${section.headerRows.join('–')}` : '';
		if (!section.imported) {
			lines.push(
				`${report.source === 'excel' ? 'Blad' : 'Fil'} ”${section.name}”: importeras inte (${section.note ?? ''})`,
			);
			continue;
		}
		lines.push(`${report.source === 'excel' ? 'Blad' : 'Fil'} ”${section.name}”${header}: ${rowSummary(section.rows)}`);
		for (const column of report.columns.filter((c) => c.section === section.name)) {
			const year = column.year === undefined ? '' : ` ${column.year}`;
			const rate = column.considered > 0 ? `${column.parsed}/${column.considered} tolkade` : 'inga celler att tolka';
			lines.push(
				`  ${column.column} ”${column.header}” → ${column.indicator}${year} [${ROLE_LABELS[column.role] ?? column.role}, ${MATCH_LABELS[column.how]}]: ${rate}`,
			);
			const tokens = formatTokens(column.tokens, column.numbers);
			if (tokens) lines.push(`      ${tokens}${column.ignored > 0 ? `; ${column.ignored} celler används inte` : ''}`);
			if (column.unparsed.length > 0) {
				lines.push(`      kunde inte tolkas: ${column.unparsed.map((u) => `${u.cell} ”${u.token}”`).join(', ')}`);
			}
		}
	}
	const created = report.indicators.filter((n) => n.how === 'created' || n.how === 'mapping-new');
	if (created.length > 0) {
		lines.push('');
		lines.push('Nya indikatorer (bekräfta, eller ange befintligt id i mappningsfilen):');
		for (const note of created) {
			lines.push(`  ${note.indicator} ”${note.title}” (${note.kind}, ${note.unit}) – ${note.where}`);
			if (note.candidates.length > 0) {
				lines.push(`      liknar: ${note.candidates.map((c) => `${c.id} ”${c.title}”`).join('; ')}`);
			}
		}
	}
	if (report.unknownMeasures.length > 0) {
		lines.push('');
		lines.push('Mått utan indikator (importeras inte; lägg till i mappningsfilen om de behövs):');
		for (const m of report.unknownMeasures.slice(0, 40)) lines.push(`  ”${m.token}” (${m.count} rader)`);
		if (report.unknownMeasures.length > 40) lines.push(`  … ${report.unknownMeasures.length - 40} till`);
	}
	if (report.areasCreated.length > 0) {
		lines.push('');
		lines.push('Nya områden:');
		for (const area of report.areasCreated)
			lines.push(`  ${area.id} ”${area.name}”${area.parentId === undefined ? '' : ` (del av ${area.parentId})`}`);
	}
	if (report.warnings.length > 0) {
		lines.push('');
		lines.push('Varningar:');
		for (const warning of report.warnings) lines.push(`  - ${warning}`);
	}
	lines.push(...quarantineLines(report.quarantine));
	lines.push('');
	lines.push(
		`Värden: ${summary.added} nya, ${summary.replaced} ersatta, ${summary.unchanged} oförändrade` +
			` (${report.points} i filen); indikatorer: ${summary.indicatorsAdded} nya, ${summary.indicatorsUpdated} uppdaterade; områden: ${summary.areasAdded} nya` +
			(report.quarantine.count > 0 ? `; ${quarantined(report.quarantine.count)} i karantän` : ''),
	);
	if (!outcome.applied) lines.push(`Kör igen med --apply för att skriva till ${outcome.dataPath}.`);
	return lines.join('\n');
}
