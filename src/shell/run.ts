/**
 * Runs one shell line through the same command modules Discord uses and returns the answer
 * (errors become friendly error answers, never a stack trace).
 */
import { randomBytes } from 'node:crypto';
import { inputFrom, type Command } from '../../commands/command.js';
import { tr, type AnswerContext } from '../answers/context.js';
import { errorAnswer, quote } from '../answers/resolve.js';
import type { Answer, FollowUp } from '../answers/types.js';
import { workingExample } from '../../commands/examples.js';
import { formatLine, parseLine, withAreaNames } from '../../commands/line.js';

/** Runs a line (`/kommando namn:värde …`) and returns the answer. */
export function runLine(ctx: AnswerContext, commands: readonly Command[], line: string): Answer {
	const parsed = parseLine(commands, line);
	if (!parsed.ok) {
		switch (parsed.reason) {
			case 'empty':
				return errorAnswer(
					'',
					'empty_input',
					tr(ctx, 'Skriv ett kommando, t.ex. /hjälp.', 'Type a command, e.g. /hjälp.'),
				);
			case 'not_command': {
				// A line without a leading slash is a question, answered as /fråga would.
				const question = commands.find((c) => c.data.name === 'fråga');
				return question ? runCommand(ctx, question, { text: line }) : notACommand(ctx, commands);
			}
			case 'unknown_command':
				return errorAnswer(
					parsed.name ?? '',
					'unknown_command',
					tr(
						ctx,
						`Okänt kommando /${quote(parsed.name ?? '')}. Skriv /hjälp för att se alla.`,
						`Unknown command /${quote(parsed.name ?? '')}. Type /hjälp to see all.`,
					),
				);
		}
	}
	return runCommand(ctx, parsed.command, parsed.values);
}

/**
 * Runs the line, unless it is just the number of one of the previous answer's follow-ups: then that
 * follow-up's command runs with its resolved ids.
 */
export function runInput(
	ctx: AnswerContext,
	commands: readonly Command[],
	line: string,
	previous: readonly FollowUp[],
): Answer {
	const number = /^\s*(\d{1,2})\s*\)?\s*$/.exec(line);
	if (!number) return runLine(ctx, commands, line);
	const picked = previous[Number(number[1]) - 1];
	const command = picked ? commands.find((c) => c.data.name === picked.command) : undefined;
	if (!picked || !command) {
		return errorAnswer(
			'',
			'invalid_option',
			previous.length === 0
				? tr(ctx, 'Det finns inga förslag att välja bland just nu.', 'There are no suggestions to pick from right now.')
				: tr(
						ctx,
						`Välj ett förslag mellan 1 och ${previous.length}.`,
						`Pick a suggestion between 1 and ${previous.length}.`,
					),
		);
	}
	return runCommand(ctx, command, picked.values);
}

/** Runs a command; an unexpected failure becomes a friendly error with a reference. */
function runCommand(
	ctx: AnswerContext,
	command: Command,
	values: Readonly<Record<string, string | number | boolean>>,
): Answer {
	try {
		return withLines(ctx, command.data.name, values, command.answer(ctx, inputFrom(values)));
	} catch (error) {
		const ref = randomBytes(4).toString('hex');
		process.stderr.write(`[fel ${ref}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		return errorAnswer(
			command.data.name,
			'internal',
			tr(ctx, `Något gick fel (ref: ${ref}).`, `Something went wrong (ref: ${ref}).`),
		);
	}
}

/**
 * A "no data" answer's choices as ready command lines: the same command with the choice's option
 * changed (a `/fråga` choice already is a command line). Areas are written by name, not code.
 */
export function withLines(
	ctx: AnswerContext,
	name: string,
	values: Readonly<Record<string, string | number | boolean>>,
	answer: Answer,
): Answer {
	if (answer.ok || answer.error.code !== 'no_data' || !answer.error.candidates?.length) return answer;
	const lines = answer.error.candidates.map((c) =>
		c.option === 'text' && c.id.startsWith('/')
			? c.id
			: formatLine(name, withAreaNames(ctx.dataset, { ...values, [c.option ?? '']: c.id })),
	);
	return { ...answer, error: { ...answer.error, lines } };
}

/**
 * A "no data" answer's ready lines as follow-ups, numbered as the shell prints them, so that typing a
 * choice's number runs that line. None when a line does not read back, so a number never runs
 * another choice than the one printed beside it.
 */
export function choicesOf(commands: readonly Command[], answer: Answer): FollowUp[] {
	if (answer.ok) return [];
	const labels = answer.error.candidates ?? [];
	const choices: FollowUp[] = [];
	for (const [i, line] of (answer.error.lines ?? []).entries()) {
		const parsed = parseLine(commands, line);
		if (!parsed.ok) return [];
		choices.push({ label: labels[i]?.label ?? line, command: parsed.command.data.name, values: parsed.values, line });
	}
	return choices;
}

/**
 * What a number typed next runs: the follow-ups of an answer, or the choices of an answer without
 * figures; after any other error (a typo) the previous numbers still work.
 */
export function nextFollowUps(
	commands: readonly Command[],
	answer: Answer,
	previous: readonly FollowUp[],
): readonly FollowUp[] {
	if (answer.ok) return answer.followUps ?? [];
	const choices = choicesOf(commands, answer);
	return choices.length > 0 ? choices : previous;
}

function notACommand(ctx: AnswerContext, commands: readonly Command[]): Answer {
	const value = commands.find((c) => c.data.name === 'värde');
	const example = value ? workingExample(ctx, value, commands) : '/hjälp';
	return errorAnswer(
		'',
		'unknown_command',
		tr(
			ctx,
			`Kommandon börjar med /, t.ex. \`${example}\`. Skriv /hjälp för alla.`,
			`Commands start with /, e.g. \`${example}\`. Type /hjälp for all.`,
		),
	);
}
