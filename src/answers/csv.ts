/**
 * CSV attachments with the numbers behind an answer, in the form Swedish spreadsheets open
 * directly: semicolon-separated, decimal comma, UTF-8 with BOM, codes kept as text.
 */
import type { CsvAttachment } from './types.js';

/** A cell: text is quoted when needed; numbers get a decimal comma; null is empty. */
function cell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
	// Leading characters a spreadsheet would treat as a formula are neutralised.
	const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
	return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Builds a CSV attachment from a header and rows. */
export function toCsv(
	filename: string,
	header: readonly string[],
	rows: readonly (readonly (string | number | null | undefined)[])[],
): CsvAttachment {
	const lines = [header.map(cell).join(';'), ...rows.map((r) => r.map(cell).join(';'))];
	return { filename, content: `\uFEFF${lines.join('\r\n')}\r\n` };
}
