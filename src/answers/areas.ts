/**
 * Parses a list of areas as users write it in `/jämför` and `/trend`: names or codes separated by
 * commas (or "och"), and groupings — `liknande:<kommun>`, `kommungrupp:<kod|namn>`, `län:<namn>`.
 */
import type { Area, Group } from '../dataset/schema.js';
import { foldDiacritics, normalizeQuery } from '../search/normalize.js';
import { tr, type AnswerContext } from './context.js';
import { fail, quote, resolveArea, type Outcome } from './resolve.js';

/** A parsed list: the areas in order, and how groupings were expanded (for the answer's notes). */
export interface AreaList {
	readonly areas: readonly Area[];
	readonly expanded: readonly string[];
}

const PREFIX = /^(liknande|lik|kommungrupp|kg|län|lan)\s*:\s*(.*)$/iu;

function findKommungrupp(ctx: AnswerContext, text: string): Group | undefined {
	const grouping = ctx.dataset.grouping('kommungrupp2023');
	const wanted = foldDiacritics(normalizeQuery(text));
	return grouping?.groups.find(
		(g) =>
			foldDiacritics(normalizeQuery(g.code ?? '')) === wanted ||
			foldDiacritics(normalizeQuery(g.name)) === wanted ||
			foldDiacritics(normalizeQuery(`${g.code ?? ''} ${g.name}`)) === wanted,
	);
}

/** Splits "Malmö, Göteborg och Lund" into its parts. */
export function splitList(text: string): string[] {
	return text
		.split(/[,;\n]|\s+och\s+|\s+and\s+|\s+&\s+/iu)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}

/** One part of a list, resolved: the areas it stands for and, for a grouping, how it was expanded. */
interface Part {
	readonly areas: readonly Area[];
	readonly expanded?: string;
}

/** Resolves a written list of areas; groupings expand to their kommuner. */
export function parseAreaList(
	ctx: AnswerContext,
	command: string,
	option: string,
	text: string,
	bounds: { min: number; max: number },
): Outcome<AreaList> {
	const parts = splitList(text);
	if (parts.length === 0) {
		return fail(
			ctx,
			command,
			'empty_input',
			`Skriv kommuner i fältet **${option}**, t.ex. ”Malmö, Göteborg, Lund” eller ”liknande:Malmö”.`,
			`List kommuner in **${option}**, e.g. ”Malmö, Göteborg, Lund” or ”liknande:Malmö”.`,
		);
	}
	const areas: Area[] = [];
	const expanded: string[] = [];
	for (const written of parts) {
		const part = resolvePart(ctx, command, option, written);
		if (!part.ok) return part;
		for (const area of part.value.areas) if (!areas.some((a) => a.id === area.id)) areas.push(area);
		if (part.value.expanded !== undefined) expanded.push(part.value.expanded);
	}
	const counted = checkCount(ctx, command, option, areas.length, bounds);
	return counted.ok ? { ok: true, value: { areas, expanded } } : counted;
}

/** A name or code, or a grouping: `liknande:`, `kommungrupp:` (`kg:`) or `län:`. */
function resolvePart(ctx: AnswerContext, command: string, option: string, part: string): Outcome<Part> {
	const prefixed = PREFIX.exec(part);
	if (!prefixed) {
		const found = resolveArea(ctx, command, option, part, 'place');
		return found.ok ? { ok: true, value: { areas: [found.value] } } : found;
	}
	const kind = (prefixed[1] ?? '').toLocaleLowerCase('sv');
	const rest = prefixed[2] ?? '';
	if (kind === 'liknande' || kind === 'lik') return expandPeers(ctx, command, option, rest);
	if (kind === 'kommungrupp' || kind === 'kg') return expandKommungrupp(ctx, command, rest);
	return expandLan(ctx, command, option, rest);
}

function areasOf(ctx: AnswerContext, ids: readonly string[]): Area[] {
	return ids.flatMap((id) => ctx.dataset.area(id) ?? []);
}

/** `liknande:<kommun>`: the kommun and its liknande kommuner (Kolada). */
function expandPeers(ctx: AnswerContext, command: string, option: string, rest: string): Outcome<Part> {
	const kommun = resolveArea(ctx, command, option, rest, 'kommun');
	if (!kommun.ok) return kommun;
	const { name } = kommun.value;
	const members = ctx.dataset.peersOf(kommun.value.id)?.members ?? [];
	return {
		ok: true,
		value: {
			areas: [kommun.value, ...areasOf(ctx, members)],
			expanded: tr(
				ctx,
				`liknande:${name} = ${name} och dess ${members.length} liknande kommuner (Kolada)`,
				`liknande:${name} = ${name} and its ${members.length} similar kommuner (Kolada)`,
			),
		},
	};
}

/** `kommungrupp:<kod|namn>`: the kommuner of an SKR kommungrupp (2023). */
function expandKommungrupp(ctx: AnswerContext, command: string, rest: string): Outcome<Part> {
	const group = findKommungrupp(ctx, rest);
	if (!group) {
		const codes =
			ctx.dataset
				.grouping('kommungrupp2023')
				?.groups.map((g) => g.code)
				.join(', ') ?? '';
		return fail(
			ctx,
			command,
			'not_found',
			`Okänd kommungrupp ”${quote(rest)}”. Använd en kod (${codes}) eller ett namn som ”Storstäder”.`,
			`Unknown kommungrupp ”${quote(rest)}”. Use a code (${codes}) or a name like ”Storstäder”.`,
		);
	}
	const named = `kommungrupp:${group.code ?? ''} = ${group.name} (${group.members.length} kommuner, SKR 2023)`;
	return { ok: true, value: { areas: areasOf(ctx, group.members), expanded: named } };
}

/** `län:<namn>`: the kommuner of a län. */
function expandLan(ctx: AnswerContext, command: string, option: string, rest: string): Outcome<Part> {
	const lan = resolveArea(ctx, command, option, rest, 'lan');
	if (!lan.ok) return lan;
	const members =
		ctx.dataset.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === lan.value.id)?.members ?? [];
	return {
		ok: true,
		value: {
			areas: areasOf(ctx, members),
			expanded: tr(
				ctx,
				`län:${lan.value.name} = dess ${members.length} kommuner`,
				`län:${lan.value.name} = its ${members.length} kommuner`,
			),
		},
	};
}

/** Refuses a list with fewer or more areas than the command takes. */
function checkCount(
	ctx: AnswerContext,
	command: string,
	option: string,
	count: number,
	bounds: { min: number; max: number },
): Outcome<number> {
	if (count < bounds.min) {
		return fail(
			ctx,
			command,
			'too_few',
			`Ange minst ${bounds.min} områden i **${option}**, separerade med kommatecken.`,
			`Give at least ${bounds.min} areas in **${option}**, separated by commas.`,
		);
	}
	if (count > bounds.max) {
		return fail(
			ctx,
			command,
			'too_many',
			`Det blev ${count} områden – jämför högst ${bounds.max} åt gången. För fler kommuner: använd /topplista (med län) eller /grupper.`,
			`That is ${count} areas – compare at most ${bounds.max} at a time. For more, use /topplista (with a county) or /grupper.`,
		);
	}
	return { ok: true, value: count };
}
