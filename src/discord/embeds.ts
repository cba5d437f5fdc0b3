/**
 * Platform-neutral answers → Discord message payloads. Pure: the chart PNG is rendered elsewhere and
 * passed in. Every payload stays within Discord's limits ({@link fitEmbed} is the last guard) and
 * never lets echoed text mention anyone.
 */
import { clip } from '../text.js';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AnswerTable, Band, ErrorAnswer, Locale, OkAnswer } from '../answers/types.js';
import { LIMITS } from './limits.js';
import { uiTexts } from './locale.js';

/** A file attached to a message. */
export interface OutgoingFile {
	readonly name: string;
	readonly data: Buffer;
	readonly contentType: string;
}

/** Mentions nobody, whatever the text says. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

/** A message as the bot sends it; `respond.ts` hands it to discord.js. */
export interface OutgoingMessage {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly files: readonly OutgoingFile[];
	/** Raw action rows (buttons, select menus). */
	readonly components: readonly unknown[];
	readonly allowedMentions: typeof NO_MENTIONS;
}

/** Embed colours: the answer's band, or a calm blue. */
export const BAND_COLOURS: Readonly<Record<Band | 'default', number>> = {
	green: 0x2e7d32,
	yellow: 0xe0a100,
	red: 0xc62828,
	default: 0x4a6fa5,
};

/** The embed colour for a band (or none). */
export function bandColour(band: Band | undefined): number {
	return BAND_COLOURS[band ?? 'default'];
}

const FENCE = '```';

/**
 * Text with every link made inert: `scheme://` gets a zero-width space after the colon (Discord no
 * longer links it) and a masked link's `](` is split the same way. The bot never writes links
 * itself, so whatever link reaches a message came from a user or from data.
 */
export function breakLinks(text: string): string {
	return text.replace(/:\/\//g, ':\u200b//').replace(/\]\(/g, ']\u200b(');
}

/** Text from an answer outside its table: links made inert and code fences turned into plain quotes. */
function inert(text: string): string {
	return breakLinks(text.replaceAll(FENCE, "'''"));
}
const MAX_CELL = 48;
/** Room always left for the description when deciding how much of it fits beside the fields. */
const MIN_DESCRIPTION_BUDGET = 1000;

/** Characters counted towards Discord's 6000-character embed total. */
export function embedLength(embed: APIEmbed): number {
	let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
	total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
	for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
	return total;
}

/** Cuts text that may hold a code block, closing a fence the cut left open. */
function truncateMarkdown(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = clip(text, max);
	const fences = cut.split(FENCE).length - 1;
	if (fences % 2 === 1) {
		cut = `${clip(text, Math.max(0, max - FENCE.length - 1))}\n${FENCE}`;
		if ((cut.split(FENCE).length - 1) % 2 === 1) return clip(text.replaceAll(FENCE, "'''"), max);
	}
	return cut;
}

/**
 * Makes any embed valid: title ≤ 256, description ≤ 4096, ≤ 25 fields with names ≤ 256 and values
 * ≤ 1024 (empty ones get a placeholder), footer ≤ 2048 and everything together ≤ 6000. When the total
 * is too large it cuts, in this order: the description down to 500 characters, fields from the end,
 * the footer down to 100 characters, the rest of the description, then the title.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
	const out: APIEmbed = { ...embed };
	if (out.title !== undefined) out.title = breakLinks(out.title);
	if (out.description !== undefined) out.description = breakLinks(out.description);
	if (out.footer) out.footer = { ...out.footer, text: breakLinks(out.footer.text) };
	if (out.author) out.author = { ...out.author, name: breakLinks(out.author.name) };
	if (out.fields) out.fields = out.fields.map((f) => ({ ...f, name: breakLinks(f.name), value: breakLinks(f.value) }));
	if (out.title !== undefined) out.title = clip(out.title, LIMITS.embedTitle);
	if (out.description !== undefined) out.description = truncateMarkdown(out.description, LIMITS.embedDescription);
	if (out.footer) out.footer = { ...out.footer, text: clip(out.footer.text, LIMITS.footerText) };
	if (out.author) out.author = { ...out.author, name: clip(out.author.name, LIMITS.authorName) };
	if (out.fields) {
		out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
			...f,
			name: clip(f.name, LIMITS.fieldName) || '\u200b',
			value: clip(f.value, LIMITS.fieldValue) || '\u200b',
		}));
	}
	let over = embedLength(out) - LIMITS.embedTotal;
	if (over <= 0) return out;
	const cutDescription = (keep: number): void => {
		const length = out.description?.length ?? 0;
		if (over <= 0 || out.description === undefined || length <= keep) return;
		const next = truncateMarkdown(out.description, Math.max(keep, length - over));
		over -= length - next.length;
		out.description = next;
	};
	cutDescription(500);
	while (over > 0 && out.fields && out.fields.length > 0) {
		const dropped = out.fields[out.fields.length - 1];
		out.fields = out.fields.slice(0, -1);
		over -= (dropped?.name.length ?? 0) + (dropped?.value.length ?? 0);
	}
	if (over > 0 && out.footer && out.footer.text.length > 100) {
		const length = out.footer.text.length;
		const text = clip(out.footer.text, Math.max(100, length - over));
		over -= length - text.length;
		out.footer = { ...out.footer, text };
	}
	cutDescription(0);
	if (over > 0 && out.title !== undefined) out.title = clip(out.title, Math.max(1, out.title.length - over));
	return out;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
	return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/**
 * A table as a monospace code block of at most `max` characters. Rows that do not fit are left out
 * and counted in a line under the block; returns '' when not even the header fits.
 */
export function tableBlock(table: AnswerTable, max: number, locale: Locale): string {
	const clean = (cell: string): string => clip(cell.replace(/\s+/g, ' ').replaceAll(FENCE, "'''"), MAX_CELL);
	const header = table.columns.map(clean);
	const rows = table.rows.map((r) => header.map((_, i) => clean(r[i] ?? '')));
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
	const line = (cells: readonly string[]): string =>
		cells
			.map((c, i) => pad(c, widths[i] ?? 0, table.align?.[i] ?? 'left'))
			.join('  ')
			.trimEnd();
	const head = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
	const body = rows.map(line);
	const render = (n: number): string => {
		const block = `${FENCE}\n${[...head, ...body.slice(0, n)].join('\n')}\n${FENCE}`;
		return n < body.length ? `${block}\n${uiTexts(locale).moreRows(body.length - n)}` : block;
	};
	let n = body.length;
	let text = render(n);
	while (text.length > max && n > 0) {
		// Drop roughly as many rows as the overshoot needs, then step one at a time.
		const avg = Math.max(1, Math.round((text.length - head.join('\n').length) / Math.max(1, n)));
		n = Math.max(0, Math.min(n - 1, n - Math.floor((text.length - max) / avg)));
		text = render(n);
	}
	return text.length <= max ? text : '';
}

/** Splits a field whose value is longer than Discord allows into continued fields, at line breaks when possible. */
export function splitField(field: APIEmbedField, continued: string): APIEmbedField[] {
	const name = clip(field.name.trim(), LIMITS.fieldName) || '\u200b';
	const value = field.value.trim() || '—';
	if (value.length <= LIMITS.fieldValue) return [{ ...field, name, value }];
	const chunks: string[] = [];
	let current = '';
	for (const raw of value.split('\n')) {
		let lineText = raw;
		while (lineText.length > LIMITS.fieldValue) {
			if (current) chunks.push(current);
			current = '';
			chunks.push(lineText.slice(0, LIMITS.fieldValue));
			lineText = lineText.slice(LIMITS.fieldValue);
		}
		const next = current ? `${current}\n${lineText}` : lineText;
		if (next.length > LIMITS.fieldValue) {
			chunks.push(current);
			current = lineText;
		} else current = next;
	}
	if (current) chunks.push(current);
	const nextName = clip(`${field.name.trim()}${continued}`, LIMITS.fieldName);
	return chunks.map((chunk, i) => ({
		...(field.inline === undefined ? {} : { inline: field.inline }),
		name: i === 0 ? name : nextName,
		value: chunk,
	}));
}

/** Keeps only ASCII letters, digits, dot, dash and underscore, so `attachment://` references always resolve. */
export function asciiFileName(name: string, fallback: string): string {
	const ascii = name
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|-+$/g, '');
	return ascii.length === 0 ? fallback : ascii.slice(-80).replace(/^[-.]+/, '') || fallback;
}

/** The chart's file name: command and resolved ids, e.g. `varde-1280-N31814.png`. */
export function chartFileName(answer: Pick<OkAnswer, 'command' | 'resolved'>): string {
	const ids = Object.values(answer.resolved)
		.flatMap((v): unknown[] => (Array.isArray(v) ? (v as readonly unknown[]).slice(0, 2) : [v]))
		.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
		.slice(0, 3)
		.map(String);
	const base = asciiFileName([answer.command, ...ids].join('-').slice(0, 60), 'diagram');
	return `${base}.png`;
}

/** Options of {@link answerMessage}. */
export interface AnswerMessageOptions {
	readonly locale: Locale;
	/** The rendered chart, when the answer has one and it could be drawn. */
	readonly png?: Buffer;
	/** Reference of a chart that failed to render; adds a note. */
	readonly chartError?: string;
	/** The chart was refused because the render queue is full; adds a note. */
	readonly chartBusy?: boolean;
}

/** The embed of a successful answer (without attachments). */
export function answerEmbed(answer: OkAnswer, opts: AnswerMessageOptions): APIEmbed {
	const texts = uiTexts(opts.locale);
	const title = clip(inert(answer.title), LIMITS.embedTitle);
	const footer = clip(inert(answer.sources.join('\n')), LIMITS.footerText);
	let fields = answer.fields
		.map((f) => ({ ...f, name: inert(f.name), value: inert(f.value) }))
		.flatMap((f) => splitField(f, texts.continued));
	if (fields.length > LIMITS.embedFields) {
		const left = fields.length - (LIMITS.embedFields - 1);
		fields = [...fields.slice(0, LIMITS.embedFields - 1), { name: '…', value: texts.moreFields(left) }];
	}
	const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
	const budget = Math.min(
		LIMITS.embedDescription,
		Math.max(MIN_DESCRIPTION_BUDGET, LIMITS.embedTotal - title.length - footer.length - fieldsLength),
	);
	const notes = [
		...answer.notes,
		...(opts.chartError === undefined ? [] : [texts.chartFailed(opts.chartError)]),
		...(opts.chartBusy === true ? [texts.busy] : []),
	];
	const notesText = notes.length === 0 ? '' : notes.map((n) => `• ${inert(n)}`).join('\n');
	const summary = inert(answer.summary?.trim() ?? '');
	const fixed = [summary, notesText].filter((s) => s.length > 0).join('\n\n').length;
	const separators = 2 * 2;
	const table = answer.table ? tableBlock(answer.table, Math.max(0, budget - fixed - separators), opts.locale) : '';
	const description = [summary, table, notesText].filter((s) => s.length > 0).join('\n\n');
	return fitEmbed({
		title,
		color: bandColour(answer.band),
		...(description ? { description } : {}),
		...(fields.length > 0 ? { fields } : {}),
		...(opts.png ? { image: { url: `attachment://${chartFileName(answer)}` } } : {}),
		...(footer ? { footer: { text: footer } } : {}),
	});
}

/**
 * The message for a successful answer: the interpretation (for free-text questions) above the embed,
 * the chart as a PNG shown in the embed, and the CSV as a second attachment.
 */
export function answerMessage(answer: OkAnswer, opts: AnswerMessageOptions): OutgoingMessage {
	const files: OutgoingFile[] = [];
	if (opts.png) files.push({ name: chartFileName(answer), data: opts.png, contentType: 'image/png' });
	if (answer.csv) {
		files.push({
			name: asciiFileName(answer.csv.filename, 'data.csv'),
			data: Buffer.from(answer.csv.content, 'utf8'),
			contentType: 'text/csv',
		});
	}
	const interpretation = answer.interpretation?.trim();
	return {
		...(interpretation ? { content: clip(breakLinks(interpretation), LIMITS.content) } : {}),
		embeds: [answerEmbed(answer, opts)],
		files,
		components: [],
		allowedMentions: NO_MENTIONS,
	};
}

/** A plain-text message (errors, cooldown), with optional components. */
export function textMessage(content: string, components: readonly unknown[] = []): OutgoingMessage {
	return {
		content: clip(breakLinks(content), LIMITS.content),
		embeds: [],
		files: [],
		components,
		allowedMentions: NO_MENTIONS,
	};
}

/** The text of an error answer: the interpretation (if any) and the friendly message. */
export function errorText(answer: ErrorAnswer): string {
	const interpretation = answer.interpretation?.trim();
	return interpretation ? `${interpretation}\n\n${answer.error.message}` : answer.error.message;
}
