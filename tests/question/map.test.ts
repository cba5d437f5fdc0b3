import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { commandLine, interpretQuestion } from '../../src/question/interpret.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

/** The command line a question is read as, in the form printed after "Tolkat som:". */
function readAs(question: string): string {
	const i = interpretQuestion(ctx, question);
	return i.status === 'ok' ? commandLine(ctx, i.reading, 'display') : i.status;
}

describe('questions asking for a map', () => {
	it.each([
		['visa en karta över kostnad per invånare i Norrbotten', '/karta indikator:U31001 län:Norrbottens län'],
		['karta över biståndshushåll 2016 med Luleå markerad', '/karta indikator:N31910 år:2016 markera:Luleå'],
		['Kartan för kostnad per invånare', '/karta indikator:U31001'],
		['show a map of cost per inhabitant', '/karta indikator:U31001'],
	])('GIVEN ”%s” THEN it is read as %s', (question, expected) => {
		expect(readAs(question)).toBe(expected);
	});

	it('GIVEN a map question without an indicator THEN the bot asks which indicator', () => {
		const i = interpretQuestion(ctx, 'visa en karta över Skåne');
		expect(i.status).toBe('clarify');
	});
});
