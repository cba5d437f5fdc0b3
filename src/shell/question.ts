/**
 * Shell lines that are not commands are questions: they go to `/fråga`'s answer, so the shell and
 * `--ask` answer "hur ligger Malmö till?" the same way Discord does. An unexpected failure becomes
 * a friendly error with a reference, never a stack trace on the prompt.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from '../../commands/command.js';
import { tr, type AnswerContext } from '../answers/context.js';
import { questionAnswer } from '../answers/fraga.js';
import { errorAnswer } from '../answers/resolve.js';
import type { Answer } from '../answers/types.js';

/** Answers a line typed without a leading `/` as a question. */
export function answerQuestion(ctx: AnswerContext, commands: readonly Command[], line: string): Answer {
	try {
		return questionAnswer(ctx, line, commands);
	} catch (error) {
		const ref = randomBytes(4).toString('hex');
		process.stderr.write(`[fel ${ref}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		return errorAnswer(
			'fråga',
			'internal',
			tr(ctx, `Något gick fel (ref: ${ref}).`, `Something went wrong (ref: ${ref}).`),
		);
	}
}
