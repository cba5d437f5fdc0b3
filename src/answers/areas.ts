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

/** Resolves a written list of areas; groupings expand to their kommuner. */
export function parseAreaList(
	ctx: AnswerContext,
	command: string,
	option: string,
	text: string,
	bounds: { min: number; max: number },
): Outcome<AreaList> {
	const areas: Area[] = [];
	const expanded: string[] = [];
	const add = (area: Area): void => {
		if (!areas.some((a) => a.id === area.id)) areas.push(area);
	};
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
	for (const part of parts) {
		const prefixed = PREFIX.exec(part);
		if (!prefixed) {
			const found = resolveArea(ctx, command, option, part, 'place');
			if (!found.ok) return found;
			add(found.value);
			continue;
		}
		const kind = (prefixed[1] ?? '').toLocaleLowerCase('sv');
		const rest = prefixed[2] ?? '';
		if (kind === 'liknande' || kind === 'lik') {
			const kommun = resolveArea(ctx, command, option, rest, 'kommun');
			if (!kommun.ok) return kommun;
			const peers = ctx.dataset.peersOf(kommun.value.id);
			add(kommun.value);
			for (const id of peers?.members ?? []) {
				const peer = ctx.dataset.area(id);
				if (peer) add(peer);
			}
			expanded.push(
				tr(
					ctx,
					`liknande:${kommun.value.name} = ${kommun.value.name} och dess ${peers?.members.length ?? 0} liknande kommuner (Kolada)`,
					`liknande:${kommun.value.name} = ${kommun.value.name} and its ${peers?.members.length ?? 0} similar kommuner (Kolada)`,
				),
			);
		} else if (kind === 'kommungrupp' || kind === 'kg') {
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
			for (const id of group.members) {
				const member = ctx.dataset.area(id);
				if (member) add(member);
			}
			expanded.push(
				tr(
					ctx,
					`kommungrupp:${group.code ?? ''} = ${group.name} (${group.members.length} kommuner, SKR 2023)`,
					`kommungrupp:${group.code ?? ''} = ${group.name} (${group.members.length} kommuner, SKR 2023)`,
				),
			);
		} else {
			const lan = resolveArea(ctx, command, option, rest, 'lan');
			if (!lan.ok) return lan;
			const members =
				ctx.dataset.groupings.find((g) => g.id === 'lan')?.groups.find((g) => g.lanId === lan.value.id)?.members ?? [];
			for (const id of members) {
				const member = ctx.dataset.area(id);
				if (member) add(member);
			}
			expanded.push(
				tr(
					ctx,
					`län:${lan.value.name} = dess ${members.length} kommuner`,
					`län:${lan.value.name} = its ${members.length} kommuner`,
				),
			);
		}
	}
	if (areas.length < bounds.min) {
		return fail(
			ctx,
			command,
			'too_few',
			`Ange minst ${bounds.min} områden i **${option}**, separerade med kommatecken.`,
			`Give at least ${bounds.min} areas in **${option}**, separated by commas.`,
		);
	}
	if (areas.length > bounds.max) {
		return fail(
			ctx,
			command,
			'too_many',
			`Det blev ${areas.length} områden – jämför högst ${bounds.max} åt gången. För fler kommuner: använd /topplista (med län) eller /grupper.`,
			`That is ${areas.length} areas – compare at most ${bounds.max} at a time. For more, use /topplista (with a county) or /grupper.`,
		);
	}
	return { ok: true, value: { areas, expanded } };
}
