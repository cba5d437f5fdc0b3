/**
 * Renders an answer as plain text for the terminal: title, summary, fields, an aligned table,
 * notes, sources and the paths of written files. Discord Markdown is stripped.
 */
import type { Answer, AnswerTable, FollowUp } from '../answers/types.js';

/** Removes the light Markdown answers use (bold, code, escapes) for plain-text output. */
export function stripMarkdown(text: string): string {
	return text
		.replace(/\*\*(.+?)\*\*/gs, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/\\([\\`*_~|>#[\]()-])/g, '$1')
		.replace(/\u200b/g, '');
}

/** A table with columns padded to equal width; numeric columns right-aligned. */
export function formatTable(table: AnswerTable): string {
	const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
	const cell = (text: string, i: number): string =>
		table.align?.[i] === 'right' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
	const lines = [table.columns.map(cell).join('  '), widths.map((w) => '─'.repeat(w)).join('  ')];
	for (const row of table.rows)
		lines.push(
			row
				.map((c, i) => cell(c, i))
				.join('  ')
				.trimEnd(),
		);
	return lines.join('\n');
}

/** Follow-ups as numbered lines (`1) /trend kommun:Nyköping … – Trend`); typing the number runs one. */
export function followUpLines(followUps: readonly FollowUp[]): string {
	return ['Vidare (skriv siffran):', ...followUps.map((f, i) => `${i + 1}) ${f.line} – ${f.label}`)].join('\n');
}

const BAND: Record<string, string> = { green: '🟢', yellow: '🟡', red: '🔴' };

/** The whole answer as terminal text. */
export function renderText(answer: Answer): string {
	if (!answer.ok) {
		const lines = [`⚠ ${stripMarkdown(answer.error.message)}`];
		const ready = answer.error.lines ?? [];
		if (ready.length > 0) {
			const labels = answer.error.candidates ?? [];
			lines.push(
				'Prova (skriv siffran):',
				...ready.flatMap((l, i) => [`${i + 1}) ${labels[i]?.label ?? ''}`, `   ${l}`]),
			);
		}
		if (answer.interpretation) lines.unshift(stripMarkdown(answer.interpretation));
		return lines.join('\n');
	}
	const out: string[] = [];
	if (answer.interpretation) out.push(stripMarkdown(answer.interpretation), '');
	out.push(`${answer.band ? `${BAND[answer.band] ?? ''} ` : ''}${stripMarkdown(answer.title)}`);
	out.push('═'.repeat(Math.min(80, Math.max(10, answer.title.length))));
	if (answer.summary) out.push(stripMarkdown(answer.summary), '');
	for (const f of answer.fields) {
		const value = stripMarkdown(f.value);
		out.push(value.includes('\n') ? `${f.name}:\n  ${value.replace(/\n/g, '\n  ')}` : `${f.name}: ${value}`);
	}
	if (answer.table) {
		if (out.at(-1) !== '') out.push('');
		out.push(formatTable(answer.table));
	}
	if (answer.notes.length > 0) out.push('', ...answer.notes.map((n) => `※ ${stripMarkdown(n)}`));
	if (answer.sources.length > 0) out.push('', answer.sources.join(' · '));
	for (const file of answer.files ?? []) out.push(`→ ${file}`);
	if (answer.followUps && answer.followUps.length > 0) out.push('', followUpLines(answer.followUps));
	return out.join('\n');
}
