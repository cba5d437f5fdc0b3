import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputFrom, type Command } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer } from '../../src/answers/types.js';
import { optionsOf } from '../../commands/line.js';
import { context } from '../helpers/bundled.js';
import { hostileValue, LEAK, MENTION, VALID_OPTIONS } from './hostile.js';

const RUNS = 1000;

const VALID = VALID_OPTIONS;

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

/** Every piece of text an answer could show. */
function texts(answer: Answer): string[] {
	if (!answer.ok)
		return [answer.error.message, ...(answer.error.candidates ?? []).map((c) => c.label), answer.interpretation ?? ''];
	return [
		answer.title,
		answer.summary ?? '',
		...answer.fields.flatMap((f) => [f.name, f.value]),
		...(answer.table ? [...answer.table.columns, ...answer.table.rows.flat()] : []),
		...answer.notes,
		...answer.sources,
		answer.interpretation ?? '',
	];
}

/** What is wrong with an answer to hostile input; empty when it is friendly and within limits. */
function problems(command: Command, answer: Answer): string[] {
	const name = command.data.name;
	const found: string[] = [];
	for (const t of texts(answer)) {
		if (LEAK.test(t)) found.push(`${name}: leaks internals: ${t}`);
		if (MENTION.test(t)) found.push(`${name}: would mention: ${t}`);
		if (t.includes('```')) found.push(`${name}: echoes a code fence: ${t}`);
	}
	if (!answer.ok) {
		if (answer.error.message.length > 2000) found.push(`${name}: error message over 2000 characters`);
		if (answer.error.message.trim() === '') found.push(`${name}: empty error message`);
	} else {
		if (answer.title.length > 256) found.push(`${name}: title over 256 characters`);
		for (const f of answer.fields)
			if (f.value.length > 1024) found.push(`${name}: field ${f.name} over 1024 characters`);
	}
	return found;
}

/** Fails with every problem of the answer (checked as plain conditions: thousands of runs stay fast). */
function check(command: Command, answer: Answer): void {
	const found = problems(command, answer);
	if (found.length > 0) expect(found).toEqual([]);
}

const cases = commands.flatMap((command) =>
	optionsOf(command).map((option) => [command.data.name, option.name, command] as const),
);

describe(`hostile input through the answer layer (${RUNS} runs per option)`, () => {
	it.each(cases)(
		'GIVEN /%s with a hostile %s THEN a friendly answer within limits, nothing leaked or mentioned',
		(_name, option, command) => {
			fc.assert(
				fc.property(hostileValue, (value) => {
					const values = { ...VALID, [option]: value };
					const answer = command.answer(ctx, inputFrom(values));
					check(command, answer);
				}),
				{ numRuns: RUNS },
			);
		},
	);

	it('GIVEN hostile values in every option at once THEN still a friendly answer', () => {
		for (const command of commands) {
			const names = optionsOf(command).map((o) => o.name);
			fc.assert(
				fc.property(fc.array(hostileValue, { minLength: names.length, maxLength: names.length }), (values) => {
					const input = Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
					check(command, command.answer(ctx, inputFrom(input)));
				}),
				{ numRuns: 200 },
			);
		}
	});
});
