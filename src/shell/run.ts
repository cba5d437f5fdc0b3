/**
 * Runs one shell line through the same command modules Discord uses and returns the answer
 * (errors become friendly error answers, never a stack trace).
 */
import { randomBytes } from 'node:crypto';
import { inputFrom, type Command } from '../../commands/command.js';
import { tr, type AnswerContext } from '../answers/context.js';
import { errorAnswer, quote } from '../answers/resolve.js';
import type { Answer } from '../answers/types.js';
import { parseLine } from './parse.js';
import { answerQuestion } from './question.js';

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
			case 'not_command':
				return answerQuestion(ctx, commands, line);
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
	try {
		return parsed.command.answer(ctx, inputFrom(parsed.values));
	} catch (error) {
		const ref = randomBytes(4).toString('hex');
		process.stderr.write(`[fel ${ref}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		return errorAnswer(
			parsed.command.data.name,
			'internal',
			tr(ctx, `Något gick fel (ref: ${ref}).`, `Something went wrong (ref: ${ref}).`),
		);
	}
}
