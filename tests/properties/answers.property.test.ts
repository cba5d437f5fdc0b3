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

function check(command: Command, answer: Answer): void {
	for (const t of texts(answer)) {
		expect(t, `${command.data.name}: leaks internals`).not.toMatch(LEAK);
		expect(t, `${command.data.name}: would mention`).not.toMatch(MENTION);
		expect(t, `${command.data.name}: echoes a code fence`).not.toContain('```');
	}
	if (!answer.ok) {
		expect(answer.error.message.length).toBeLessThanOrEqual(2000);
		expect(answer.error.message.trim().length).toBeGreaterThan(0);
	}
	if (answer.ok) {
		expect(answer.title.length).toBeLessThanOrEqual(256);
		for (const f of answer.fields) expect(f.value.length).toBeLessThanOrEqual(1024);
	}
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
