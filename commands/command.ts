/**
 * The shape of a slash command module: a Discord definition, a platform-neutral `answer`, and an
 * optional `autocomplete`. Discord's router and the local shell both run commands through this.
 */
import type { SharedSlashCommand } from '@discordjs/builders';
import type { AnswerContext } from '../src/answers/context.js';
import type { Answer } from '../src/answers/types.js';
import type { Choice } from '../src/search/search.js';

/** Raw option values as they arrived (Discord may send anything; answers validate). */
export interface CommandInput {
	get(name: string): string | number | boolean | undefined;
}

/** The option being typed in an autocomplete request. */
export interface Focused {
	readonly name: string;
	readonly value: string;
}

/** One slash command. */
export interface Command {
	/** The Discord definition (names, localisations, options); its `toJSON()` is what is deployed. */
	readonly data: SharedSlashCommand;
	/** How the router acknowledges before answering: visibly, ephemerally, or not at all (fast answers). */
	readonly defer: 'public' | 'ephemeral' | 'none';
	/** True for commands that render a chart (subject to the per-user chart cooldown). */
	readonly chart?: boolean;
	/** One example for `/hjälp` (and the README). */
	readonly example: string;
	/**
	 * Examples shown instead when {@link example} does not answer on the loaded dataset (the bundled
	 * dataset has values for fewer kommuner than a synced one); the first that answers is used.
	 */
	readonly fallbackExamples?: readonly string[];
	/** Builds the answer. Pure: reads only the context and the input. */
	answer(ctx: AnswerContext, input: CommandInput): Answer;
	/** Choices for the focused option (≤ 25), answered from memory. */
	autocomplete?(ctx: AnswerContext, focused: Focused, input: CommandInput): Choice[];
	/**
	 * Whether the input asks for a private answer beyond the `privat` option itself, e.g. a command
	 * line with `privat:ja` given to `/fråga`. The router decides before it acknowledges.
	 */
	wantsPrivate?(input: CommandInput): boolean;
}

/** A CommandInput over a plain record (the shell, tests). */
export function inputFrom(values: Readonly<Record<string, string | number | boolean | undefined>>): CommandInput {
	return { get: (name) => values[name] };
}

/** Reads a string option ('' when absent). Numbers are turned into text. */
export function text(input: CommandInput, name: string): string {
	const value = input.get(name);
	return value === undefined ? '' : String(value);
}
