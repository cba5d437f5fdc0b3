/**
 * Platform-neutral answers. Every command returns an {@link Answer}; Discord renders it as an embed,
 * the local shell as text, `--json` prints it as is. Nothing here knows about discord.js.
 */
import type { ChartSpec } from '../charts/spec.js';

/** Language of the reply text; data (names, indicator titles) stays Swedish. */
export type Locale = 'sv' | 'en';

/** A label/value pair (an embed field, a line in the shell). */
export interface AnswerField {
	readonly name: string;
	readonly value: string;
	readonly inline?: boolean;
}

/** A table of text cells (shown as a code block in Discord, aligned text in the shell). */
export interface AnswerTable {
	readonly columns: readonly string[];
	readonly rows: readonly (readonly string[])[];
	/** Right-align numeric columns. */
	readonly align?: readonly ('left' | 'right')[];
}

/** Colour band of a value compared with all kommuner (the bot's own classification). */
export type Band = 'green' | 'yellow' | 'red';

/** An attachment with the underlying numbers. */
export interface CsvAttachment {
	readonly filename: string;
	readonly content: string;
}

/** Ids the answer resolved its input to (kommun, län, indikator, år …), for `--json` and tests. */
export type Resolved = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/**
 * A next question that leads on from an answer ("and over time?", "and the similar kommuner?"): a
 * command with the ids the answer resolved, so it runs exactly, wherever and whenever it is asked.
 * Discord shows it as a button, the shell as a numbered line.
 */
export interface FollowUp {
	/** Short label, e.g. "Trend" or "Liknande kommuner". */
	readonly label: string;
	/** The command's Swedish name, e.g. "trend". */
	readonly command: string;
	/** Option values by option name, with resolved ids ("0480", "N31814", "liknande:0480"). */
	readonly values: Readonly<Record<string, string | number | boolean>>;
	/** The command as it could be typed, with names where they read better: `/trend kommun:Nyköping indikator:N31814`. */
	readonly line: string;
}

/** A successful answer. */
export interface OkAnswer {
	readonly ok: true;
	readonly command: string;
	readonly title: string;
	/** One or two sentences that say the essential. */
	readonly summary?: string;
	readonly fields: readonly AnswerField[];
	readonly table?: AnswerTable;
	/** Caveats and explanations (missing data, own calculations, definitions that changed). */
	readonly notes: readonly string[];
	/** Attribution lines, e.g. "Källa: Kolada", "Källa: Socialstyrelsen, Öppna jämförelser 2020". */
	readonly sources: readonly string[];
	readonly band?: Band;
	readonly chart?: ChartSpec;
	readonly csv?: CsvAttachment;
	readonly resolved: Resolved;
	/** The numbers shown, for `--json`. */
	readonly data: Readonly<Record<string, unknown>>;
	/** How a free-text question was understood ("Tolkat som: /jämför …"). */
	readonly interpretation?: string;
	/** Paths of files written by the shell (charts, CSV). */
	readonly files?: readonly string[];
	/** Up to five commands that lead on from this answer. */
	readonly followUps?: readonly FollowUp[];
}

/** Machine-readable reasons an answer could not be given. */
export type ErrorCode =
	| 'empty_input'
	| 'not_found'
	| 'ambiguous'
	| 'no_data'
	| 'invalid_option'
	| 'too_few'
	| 'too_many'
	| 'unknown_command'
	| 'cooldown'
	| 'internal';

/** A candidate offered back when input was ambiguous ("Menade du …?"). */
export interface Candidate {
	readonly id: string;
	readonly label: string;
	/** The option the candidate is for, e.g. "kommun" or "indikator". */
	readonly option?: string;
}

/** An answer that explains, in friendly Swedish (or English), why it could not answer. */
export interface ErrorAnswer {
	readonly ok: false;
	readonly command: string;
	readonly error: {
		readonly code: ErrorCode;
		readonly message: string;
		readonly candidates?: readonly Candidate[];
		/** A year that has data when the asked year has none. */
		readonly nearestYear?: number;
		/** Ready command lines for the candidates, as the shell prints them. */
		readonly lines?: readonly string[];
	};
	readonly resolved: Resolved;
	readonly interpretation?: string;
}

/** Either kind of answer. */
export type Answer = OkAnswer | ErrorAnswer;
