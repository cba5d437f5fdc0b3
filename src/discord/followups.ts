/**
 * Follow-up buttons: an answer's follow-ups (see `answers/followups.ts`) as a row of buttons whose
 * custom_id carries the whole command, so a click works for anyone, after a restart and on any shard.
 *
 * Format (≤ 100 characters): `f1:<command>:<key>=<value>;<key>=<value>…`, e.g.
 * `f1:t:k=0480;i=N31814`. `f1` is the format version: an id of another version is from an older
 * (or newer) bot and gets "run the command again", never a guess. Commands and options have short
 * codes below; values are restricted to ids, numbers and the few separators ids use.
 */
import { clip } from '../text.js';
import type { FollowUp } from '../answers/types.js';
import type { ActionRow, OptionValues } from './components.js';
import { LIMITS } from './limits.js';

/** The current format version of follow-up custom_ids. */
export const FOLLOW_UP_VERSION = 1;

/** Matches the version prefix of any follow-up id, current or not. */
const VERSION_PREFIX = /^f(\d{1,3}):/;

/** Short codes of the commands a follow-up may run. */
const COMMAND_CODES: ReadonlyMap<string, string> = new Map([
	['värde', 'v'],
	['jämför', 'j'],
	['trend', 't'],
	['topplista', 'p'],
	['karta', 'M'],
]);

type Kind = 'text' | 'int' | 'bool';

/** Short codes of the options, with the kind of value each takes. */
const OPTION_CODES: ReadonlyMap<string, { readonly code: string; readonly kind: Kind }> = new Map([
	['kommun', { code: 'k', kind: 'text' }],
	['kommuner', { code: 'K', kind: 'text' }],
	['indikator', { code: 'i', kind: 'text' }],
	['år', { code: 'y', kind: 'int' }],
	['kön', { code: 'g', kind: 'text' }],
	['från', { code: 'f', kind: 'int' }],
	['till', { code: 't', kind: 'int' }],
	['jämför_med', { code: 'm', kind: 'text' }],
	['län', { code: 'l', kind: 'text' }],
	['ordning', { code: 'o', kind: 'text' }],
	['antal', { code: 'n', kind: 'int' }],
	['från_plats', { code: 's', kind: 'int' }],
	['markera', { code: 'h', kind: 'text' }],
	['csv', { code: 'c', kind: 'bool' }],
	['privat', { code: 'P', kind: 'bool' }],
]);

const BY_COMMAND_CODE = new Map([...COMMAND_CODES].map(([name, code]) => [code, name]));
const BY_OPTION_CODE = new Map([...OPTION_CODES].map(([name, o]) => [o.code, { name, kind: o.kind }]));

/** Characters a text value may hold: letters, digits and the separators of ids and lists. */
const TEXT_VALUE = /^[\p{L}\p{N}_.,:-]{1,90}$/u;

/** The custom_id of a follow-up, or undefined when it cannot be carried in one (too long, odd values). */
export function encodeFollowUpId(command: string, values: OptionValues): string | undefined {
	const commandCode = COMMAND_CODES.get(command);
	if (commandCode === undefined) return undefined;
	const parts: string[] = [];
	for (const [name, value] of Object.entries(values)) {
		const option = OPTION_CODES.get(name);
		if (!option) return undefined;
		let text: string;
		if (option.kind === 'bool') {
			if (typeof value !== 'boolean') return undefined;
			text = value ? '1' : '0';
		} else if (option.kind === 'int') {
			if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
			text = String(value);
		} else {
			if (typeof value !== 'string' || !TEXT_VALUE.test(value)) return undefined;
			text = value;
		}
		parts.push(`${option.code}=${text}`);
	}
	const id = `f${FOLLOW_UP_VERSION}:${commandCode}:${parts.join(';')}`;
	return id.length <= LIMITS.customId ? id : undefined;
}

/** What a follow-up custom_id says. */
export type DecodedFollowUp =
	| { readonly kind: 'run'; readonly command: string; readonly values: OptionValues }
	/** A follow-up id of another format version. */
	| { readonly kind: 'outdated'; readonly version: number }
	/** Looks like a follow-up id but is not a valid one (forged or damaged). */
	| { readonly kind: 'invalid' };

/** Whether a custom_id claims to be a follow-up (any version). */
export function isFollowUpId(customId: string): boolean {
	return VERSION_PREFIX.test(customId);
}

/**
 * Reads a follow-up custom_id strictly: a known command, known options at most once each, and values
 * of the right kind. Undefined when the id is not a follow-up id at all.
 */
export function decodeFollowUpId(customId: string): DecodedFollowUp | undefined {
	const version = VERSION_PREFIX.exec(customId);
	if (!version) return undefined;
	if (Number(version[1]) !== FOLLOW_UP_VERSION) return { kind: 'outdated', version: Number(version[1]) };
	if (customId.length > LIMITS.customId) return { kind: 'invalid' };
	const rest = customId.slice(version[0].length);
	const colon = rest.indexOf(':');
	const command = colon < 0 ? undefined : BY_COMMAND_CODE.get(rest.slice(0, colon));
	if (command === undefined) return { kind: 'invalid' };
	const body = rest.slice(colon + 1);
	const values: Record<string, string | number | boolean> = {};
	for (const part of body === '' ? [] : body.split(';')) {
		const eq = part.indexOf('=');
		const option = eq < 0 ? undefined : BY_OPTION_CODE.get(part.slice(0, eq));
		const raw = part.slice(eq + 1);
		if (!option || option.name in values) return { kind: 'invalid' };
		if (option.kind === 'bool') {
			if (raw !== '0' && raw !== '1') return { kind: 'invalid' };
			values[option.name] = raw === '1';
		} else if (option.kind === 'int') {
			if (!/^\d{1,4}$/.test(raw)) return { kind: 'invalid' };
			values[option.name] = Number(raw);
		} else {
			if (!TEXT_VALUE.test(raw)) return { kind: 'invalid' };
			values[option.name] = raw;
		}
	}
	return { kind: 'run', command, values };
}

/**
 * One row of secondary buttons for an answer's follow-ups; those whose command cannot be carried in
 * a custom_id are left out. A private answer's follow-ups answer privately too.
 */
export function followUpComponents(
	followUps: readonly FollowUp[] | undefined,
	opts: { readonly privat: boolean },
): ActionRow[] {
	const buttons: Record<string, unknown>[] = [];
	for (const f of followUps ?? []) {
		const customId = encodeFollowUpId(f.command, opts.privat ? { ...f.values, privat: true } : f.values);
		if (customId === undefined || buttons.some((b) => b['custom_id'] === customId)) continue;
		buttons.push({ type: 2, style: 2, label: clip(f.label, LIMITS.buttonLabel), custom_id: customId });
	}
	return buttons.length === 0 ? [] : [{ type: 1, components: buttons.slice(0, LIMITS.buttonsPerRow) }];
}
