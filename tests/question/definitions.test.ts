/** Readings and the command lines shown for them follow the command definitions: their option names, in their order. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inputFrom } from '../../commands/command.js';
import { findCommand } from '../../commands/index.js';
import { optionsOf } from '../../commands/line.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer } from '../../src/answers/types.js';
import { interpretQuestion, QUESTION_COMMANDS, type Reading } from '../../src/question/interpret.js';
import { context } from '../helpers/bundled.js';
import { CASES } from './cases.js';

let ctx: AnswerContext;
let en: AnswerContext;
beforeAll(async () => {
	ctx = await context();
	en = await context('en');
});

/** The option names of a command's definition, in its order. */
function definedOptions(name: string): string[] {
	const command = findCommand(name);
	if (!command) throw new Error(`/${name} is missing from the command list`);
	return optionsOf(command).map((o) => o.name);
}

/** The labelled questions, and map questions (the labelled set has none), with one of each option. */
const QUESTIONS = [
	...CASES.map((c) => c.q),
	'karta över kostnad per invånare bland kvinnor i Norrbotten 2019 med Luleå markerad',
	'visa en karta över Skåne',
];

/** Every reading a question gives: the reading with its alternatives, or the candidates to choose from. */
function readingsOf(c: AnswerContext, question: string): readonly Reading[] {
	const i = interpretQuestion(c, question);
	if (i.status === 'ok') return [i.reading, ...i.alternatives];
	return i.status === 'clarify' ? i.candidates : [];
}

function ask(c: AnswerContext, text: string): Answer {
	const fraga = findCommand('fråga');
	if (!fraga) throw new Error('/fråga is missing from the command list');
	return fraga.answer(c, inputFrom({ text }));
}

describe('readings and command definitions', () => {
	it('GIVEN every command a question can become THEN the command list defines it', () => {
		for (const name of QUESTION_COMMANDS) expect(findCommand(name), name).toBeDefined();
	});

	it('GIVEN every labelled question THEN each reading names only options of its command, in the definition order', () => {
		const seen = new Set<string>();
		for (const c of [ctx, en]) {
			for (const q of QUESTIONS) {
				for (const r of readingsOf(c, q)) {
					seen.add(r.command);
					const names = Object.keys(r.options);
					const defined = definedOptions(r.command);
					expect(
						names.every((n) => defined.includes(n)),
						`${q} → /${r.command} ${names.join(' ')}`,
					).toBe(true);
					expect(names, q).toEqual(defined.filter((n) => names.includes(n)));
				}
			}
		}
		expect([...seen].sort()).toEqual([...QUESTION_COMMANDS].sort());
	});

	it('GIVEN a command line typed in any order THEN "Tolkat som" lists its value options as the definition does, without the switches', () => {
		const a = ask(ctx, '/topplista från_plats:11 csv:ja år:2020 indikator:U31001 privat:ja');
		expect(a.interpretation).toBe('Tolkat som: /topplista indikator:U31001 år:2020 från_plats:11');
		const b = ask(ctx, '/trend indikator:N31910 kommun:Gotland från:2015 jämför_med:Malmö,Lund');
		expect(b.interpretation).toBe(
			'Tolkat som: /trend kommun:Gotland indikator:N31910 från:2015 jämför_med:Malmö, Lund',
		);
	});
});
