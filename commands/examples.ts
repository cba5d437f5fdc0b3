/**
 * Examples that answer on the loaded dataset: a command's own example when it answers, else the
 * first of its fallbacks that does. Checked by running the example line through the command, once
 * per dataset (a sync swaps in a new dataset, and the examples are chosen again).
 */
import type { AnswerContext } from '../src/answers/context.js';
import type { Dataset } from '../src/dataset/dataset.js';
import { inputFrom, type Command } from './command.js';
import { parseLine } from './line.js';

const chosen = new WeakMap<Dataset, Map<string, string>>();

/** Whether a command line answers (ok) on the context's dataset. */
export function answers(ctx: AnswerContext, commands: readonly Command[], line: string): boolean {
	const parsed = parseLine(commands, line);
	if (!parsed.ok) return false;
	try {
		return parsed.command.answer(ctx, inputFrom(parsed.values)).ok;
	} catch {
		return false;
	}
}

/**
 * The command's example if it answers on the loaded dataset, else the first fallback that does;
 * the command's own example when none does. `commands` is the list the example lines are read
 * against (`/fråga` dispatches to the others).
 */
export function workingExample(ctx: AnswerContext, command: Command, commands: readonly Command[]): string {
	let byCommand = chosen.get(ctx.dataset);
	if (!byCommand) {
		byCommand = new Map();
		chosen.set(ctx.dataset, byCommand);
	}
	const name = command.data.name;
	const known = byCommand.get(name);
	if (known !== undefined) return known;
	// Set first: `/hjälp`'s own example runs `/hjälp`, which asks for the examples again.
	byCommand.set(name, command.example);
	const pick =
		[command.example, ...(command.fallbackExamples ?? [])].find((line) => answers(ctx, commands, line)) ??
		command.example;
	byCommand.set(name, pick);
	return pick;
}
