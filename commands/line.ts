/**
 * Parses a shell line like `/värde kommun:Malmö indikator:långvarigt bistånd år:2022` into a command
 * and its raw option values, using the command definitions (option names and types) so values may
 * contain spaces and colons (`kommuner:kommungrupp:A1`) and may be quoted (`kommuner:"Uppsala, Enköping"`).
 * Command and option names may be written without å ä ö (`/jamfor`, `ar:2022`) or in English.
 */
import type {
	APIApplicationCommandOption,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType } from './discord.js';
import type { Dataset } from '../src/dataset/dataset.js';
import { foldDiacritics } from '../src/search/normalize.js';
import type { Command } from './command.js';

/** A parsed line. */
export type ParsedLine =
	| {
			readonly ok: true;
			readonly command: Command;
			readonly values: Readonly<Record<string, string | number | boolean>>;
	  }
	| { readonly ok: false; readonly reason: 'not_command' | 'unknown_command' | 'empty'; readonly name?: string };

const definitions = new WeakMap<Command, RESTPostAPIChatInputApplicationCommandsJSONBody>();

/**
 * A command's Discord definition, built (and checked by the builder) once per command: the
 * builder validates every name and localisation again on each `toJSON()`, which a line parser
 * that looks up names on every call would otherwise pay each time.
 */
function definitionOf(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
	let json = definitions.get(command);
	if (!json) {
		json = command.data.toJSON();
		definitions.set(command, json);
	}
	return json;
}

/** Options of a command as Discord sees them. */
export function optionsOf(command: Command): readonly APIApplicationCommandOption[] {
	return definitionOf(command).options ?? [];
}

/** A command or option name as typed, lower case and without å ä ö ("Värde" → "varde"). */
export function nameKey(name: string): string {
	return foldDiacritics(name.normalize('NFC').toLocaleLowerCase('sv'));
}

/**
 * Finds a command by its Swedish name, written with or without å ä ö ("/varde", "/jamfor"), or
 * by its English name as in Discord ("value" → "värde").
 */
export function commandByName(commands: readonly Command[], name: string): Command | undefined {
	const wanted = name.normalize('NFC').toLocaleLowerCase('sv');
	const names = (c: Command): string[] => {
		const json = definitionOf(c);
		return [json.name, ...Object.values(json.name_localizations ?? {}).filter((n): n is string => !!n)];
	};
	return (
		commands.find((c) => names(c).includes(wanted)) ??
		commands.find((c) => names(c).some((n) => nameKey(n) === nameKey(wanted)))
	);
}

/** Quote pairs accepted around an option value: "…", '…', ”…”, “…”, „…“, «…», ‘…’. */
const QUOTES: Readonly<Record<string, string>> = {
	'"': '"',
	"'": "'",
	'”': '”',
	'“': '”',
	'„': '“',
	'«': '»',
	'‘': '’',
};

/** Spans [start, end) of quoted text in a line, so option names inside quotes are not split at. */
function quotedSpans(text: string): [number, number][] {
	const spans: [number, number][] = [];
	for (let i = 0; i < text.length; i++) {
		const close = QUOTES[text[i] ?? ''];
		// Only a quote that opens a value (after "name:" or a space) starts a span: "Sveriges" or "o'hara" do not.
		if (close === undefined || (i > 0 && !/[:\s]/.test(text[i - 1] ?? ''))) continue;
		const end = text.indexOf(close, i + 1);
		if (end < 0) break;
		spans.push([i, end + 1]);
		i = end;
	}
	return spans;
}

/** A value without the quotes around it (`"Uppsala, Enköping"` → `Uppsala, Enköping`). */
export function unquote(value: string): string {
	const trimmed = value.trim();
	const close = QUOTES[trimmed[0] ?? ''];
	return close !== undefined && trimmed.length >= 2 && trimmed.endsWith(close) ? trimmed.slice(1, -1).trim() : trimmed;
}

function coerce(option: APIApplicationCommandOption | undefined, raw: string): string | number | boolean {
	const value = unquote(raw);
	if (!option) return value;
	if (option.type === ApplicationCommandOptionType.Integer || option.type === ApplicationCommandOptionType.Number) {
		return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
	}
	if (option.type === ApplicationCommandOptionType.Boolean) {
		if (/^(true|ja|yes|1|sant)$/i.test(value)) return true;
		if (/^(false|nej|no|0|falskt)$/i.test(value)) return false;
	}
	return value;
}

/** Parses one line against the command list. */
export function parseLine(commands: readonly Command[], line: string): ParsedLine {
	const trimmed = line.normalize('NFC').trim();
	if (trimmed === '') return { ok: false, reason: 'empty' };
	if (!trimmed.startsWith('/')) return { ok: false, reason: 'not_command' };
	const match = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
	const name = match?.[1] ?? '';
	const command = commandByName(commands, name);
	if (!command) return { ok: false, reason: 'unknown_command', name };
	const options = optionsOf(command);
	const names = new Map<string, APIApplicationCommandOption>();
	const add = (name: string, option: APIApplicationCommandOption): void => {
		names.set(name, option);
		names.set(nameKey(name), option);
	};
	for (const o of options) {
		add(o.name, o);
		for (const localized of Object.values(o.name_localizations ?? {})) if (localized) add(localized, o);
	}
	const rest = match?.[2] ?? '';
	const values: Record<string, string | number | boolean> = {};
	// Split at " name:" where name is a known option of this command.
	const pattern = new RegExp(
		`(?:^|\\s)(${[...names.keys()].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}):`,
		'giu',
	);
	const quoted = quotedSpans(rest);
	const marks =
		names.size === 0
			? []
			: [...rest.matchAll(pattern)].filter((m) => !quoted.some(([start, end]) => m.index > start && m.index < end));
	marks.forEach((m, i) => {
		const option = names.get((m[1] ?? '').toLocaleLowerCase('sv'));
		if (!option) return;
		const start = m.index + m[0].length;
		const end = marks[i + 1]?.index ?? rest.length;
		values[option.name] = coerce(option, rest.slice(start, end));
	});
	return { ok: true, command, values };
}

/** A command line from a command name and option values, the form {@link parseLine} reads back. */
export function formatLine(name: string, values: Readonly<Record<string, string | number | boolean>>): string {
	return [`/${name}`, ...Object.entries(values).map(([option, value]) => `${option}:${String(value)}`)].join(' ');
}

/** Options whose value is one area: a line shown to a user writes the area's name, which always resolves exactly. */
const AREA_OPTIONS: ReadonlySet<string> = new Set(['kommun', 'län', 'markera']);

/** `values` with each single-area option written as the area's name instead of its code (`0480` → `Nyköping`). */
export function withAreaNames(
	dataset: Dataset,
	values: Readonly<Record<string, string | number | boolean>>,
): Record<string, string | number | boolean> {
	return Object.fromEntries(
		Object.entries(values).map(([option, value]) => [
			option,
			AREA_OPTIONS.has(option) && typeof value === 'string' ? (dataset.area(value)?.name ?? value) : value,
		]),
	);
}

/**
 * The options of a command once a choice is taken: the user's values with names replaced by the ids
 * they resolved to (short, and unambiguous), and the choice's option set to its id.
 */
export function pickedValues(
	values: Readonly<Record<string, string | number | boolean>>,
	resolved: Readonly<Record<string, unknown>>,
	pick: { readonly option: string; readonly id: string },
): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = { ...values };
	for (const [option, id] of Object.entries(resolved)) {
		if (option in values && (typeof id === 'string' || typeof id === 'number')) out[option] = id;
	}
	out[pick.option] = pick.id;
	return out;
}
