/**
 * "Menade du …?": when an option was ambiguous, the bot offers the candidates as buttons (up to 5)
 * or a select menu (more than 5). The original options are kept in memory under a short random key
 * for a while; a click re-runs the same command with the chosen candidate's id in that option.
 *
 * custom_id formats (always ≤ 100 characters):
 * - button: `dym:<key>:<option>:<id>`, e.g. `dym:3f9a1c0b:kommun:0114`
 * - select: `dym:<key>`, with option values `<option>:<id>`, e.g. `indikator:N31814`
 */
import { clip } from '../text.js';
import { randomBytes } from 'node:crypto';
import type { Candidate } from '../answers/types.js';
import { LIMITS } from './limits.js';

/** Prefix of every "Menade du …?" custom_id. */
export const CHOICE_PREFIX = 'dym';

/** What a clicked button or picked select option says. */
export interface ChoicePick {
	readonly key: string;
	readonly option: string;
	readonly id: string;
}

const KEY_PATTERN = /^[0-9a-f]{8}$/;
const OPTION_PATTERN = /^[-_'\p{L}\p{N}]{1,32}$/u;

/** The custom_id of a candidate button, or undefined when it would be longer than Discord allows. */
export function encodeChoiceId(pick: ChoicePick): string | undefined {
	const id = `${CHOICE_PREFIX}:${pick.key}:${pick.option}:${pick.id}`;
	return id.length <= LIMITS.customId && pick.id.length > 0 && OPTION_PATTERN.test(pick.option) ? id : undefined;
}

/** Reads a custom_id; undefined when it is not a "Menade du …?" button or select of this bot. */
export function decodeChoiceId(customId: string): { readonly key: string; readonly pick?: ChoicePick } | undefined {
	const [prefix, key, option, ...rest] = customId.split(':');
	if (prefix !== CHOICE_PREFIX || key === undefined || !KEY_PATTERN.test(key)) return undefined;
	if (option === undefined) return { key };
	const id = rest.join(':');
	if (!OPTION_PATTERN.test(option) || id.length === 0) return undefined;
	return { key, pick: { key, option, id } };
}

/** Reads a select option value `<option>:<id>` picked from the menu `dym:<key>`. */
export function decodeSelectValue(key: string, value: string): ChoicePick | undefined {
	const index = value.indexOf(':');
	if (index <= 0) return undefined;
	const option = value.slice(0, index);
	const id = value.slice(index + 1);
	return OPTION_PATTERN.test(option) && id.length > 0 ? { key, option, id } : undefined;
}

/** A candidate with the option it belongs to. */
export interface OfferedCandidate {
	readonly id: string;
	readonly label: string;
	readonly option: string;
}

/**
 * The candidates that can be offered: each needs an option (the candidate's own, else `fallback`)
 * and an id that fits in a custom_id. Duplicates are dropped.
 */
export function offerable(candidates: readonly Candidate[], fallback: string | undefined): OfferedCandidate[] {
	const seen = new Set<string>();
	const out: OfferedCandidate[] = [];
	for (const c of candidates) {
		const option = c.option ?? fallback;
		if (option === undefined) continue;
		const value = `${option}:${c.id}`;
		if (seen.has(value) || value.length > LIMITS.selectOptionValue) continue;
		if (encodeChoiceId({ key: '00000000', option, id: c.id }) === undefined) continue;
		seen.add(value);
		out.push({ id: c.id, label: c.label, option });
	}
	return out.slice(0, LIMITS.selectOptions);
}

/** A raw action row as Discord takes it. */
export interface ActionRow {
	readonly type: 1;
	readonly components: readonly Record<string, unknown>[];
}

/**
 * Action rows for the candidates: one row of up to 5 secondary buttons, or a select menu with up to
 * 25 options when there are more than 5. Empty when there is nothing to offer.
 */
export function choiceComponents(
	key: string,
	candidates: readonly OfferedCandidate[],
	placeholder: string,
): ActionRow[] {
	if (candidates.length === 0) return [];
	if (candidates.length <= LIMITS.buttonsPerRow) {
		return [
			{
				type: 1,
				components: candidates.map((c) => ({
					type: 2,
					style: 2,
					label: clip(c.label, LIMITS.buttonLabel),
					custom_id: encodeChoiceId({ key, option: c.option, id: c.id }),
				})),
			},
		];
	}
	return [
		{
			type: 1,
			components: [
				{
					type: 3,
					custom_id: `${CHOICE_PREFIX}:${key}`,
					placeholder: clip(placeholder, LIMITS.selectPlaceholder),
					min_values: 1,
					max_values: 1,
					options: candidates.slice(0, LIMITS.selectOptions).map((c) => ({
						label: clip(c.label, LIMITS.selectOptionLabel),
						value: `${c.option}:${c.id}`,
					})),
				},
			],
		},
	];
}

/** Raw option values of a command, by option name. */
export type OptionValues = Readonly<Record<string, string | number | boolean>>;

/** What the bot remembers about one "Menade du …?" message. */
export interface PendingChoice<TMessage = unknown> {
	/** Command name. */
	readonly command: string;
	/** The options as the user sent them. */
	readonly values: OptionValues;
	/** The user who ran the command. */
	readonly userId: string;
	readonly candidates: readonly OfferedCandidate[];
	/** Where the "Menade du …?" message is, so it can be retired once a candidate is picked. */
	message?: TMessage;
	readonly expiresAt: number;
}

/** Default lifetime of a pending choice: as long as the interaction token that can edit the message. */
export const CHOICE_TTL_MS = 15 * 60_000;

/**
 * In-memory pending choices with a time to live and a size bound (the oldest go first). Keys are
 * 8 random hex digits; a clock can be injected for tests.
 */
export class PendingChoices<TMessage = unknown> {
	readonly #entries = new Map<string, PendingChoice<TMessage>>();

	constructor(
		private readonly ttlMs = CHOICE_TTL_MS,
		private readonly maxEntries = 10_000,
		private readonly now: () => number = Date.now,
	) {}

	/** Remembers a choice and returns its key. */
	add(entry: Omit<PendingChoice<TMessage>, 'expiresAt'>): string {
		this.sweep();
		let key: string;
		do key = randomBytes(4).toString('hex');
		while (this.#entries.has(key));
		while (this.#entries.size >= this.maxEntries) {
			const oldest = this.#entries.keys().next();
			if (oldest.done === true) break;
			this.#entries.delete(oldest.value);
		}
		this.#entries.set(key, { ...entry, expiresAt: this.now() + this.ttlMs });
		return key;
	}

	/** The live entry for a key, or undefined when unknown or expired. */
	get(key: string): PendingChoice<TMessage> | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}

	/** Forgets a key (after a pick, so a second click finds nothing). */
	delete(key: string): void {
		this.#entries.delete(key);
	}

	/** Entries currently held (expired ones included until the next sweep). */
	get size(): number {
		return this.#entries.size;
	}

	/** Drops expired entries. Insertion order equals expiry order, so it stops at the first live one. */
	sweep(): void {
		const now = this.now();
		for (const [key, entry] of this.#entries) {
			if (entry.expiresAt > now) break;
			this.#entries.delete(key);
		}
	}
}
