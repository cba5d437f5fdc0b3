/** `/fråga`: answers with their interpretation, clarifying replies, command lines, the shell, and hostile input. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputFrom } from '../../commands/command.js';
import { commands, findCommand } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { MAX_CANDIDATE_ID } from '../../src/question/answer.js';
import type { Answer } from '../../src/answers/types.js';
import { parseLine } from '../../commands/line.js';
import { runLine } from '../../src/shell/run.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
let en: AnswerContext;

/** Asks `/fråga` the way Discord and the shell do. */
function questionAnswer(c: AnswerContext, text: string): Answer {
	const fraga = findCommand('fråga');
	if (!fraga) throw new Error('/fråga is missing from the command list');
	return fraga.answer(c, inputFrom({ text }));
}
beforeAll(async () => {
	ctx = await context();
	en = await context('en');
});

/** Every piece of text an answer shows. */
function shownText(a: Answer): string {
	if (!a.ok)
		return [a.error.message, a.interpretation ?? '', ...(a.error.candidates ?? []).map((c) => c.label)].join('\n');
	return [
		a.title,
		a.summary ?? '',
		a.interpretation ?? '',
		...a.fields.map((f) => `${f.name} ${f.value}`),
		...a.notes,
	].join('\n');
}

describe('questionAnswer', () => {
	it('GIVEN the issue example THEN the comparison with "Tolkat som" and a valid command line', () => {
		const a = questionAnswer(ctx, 'hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?');
		expect(a.command).toBe('jämför');
		expect(a.interpretation).toBe('Tolkat som: /jämför indikator:N31814 kommuner:Malmö, Göteborg, Lund');
		const line = (a.interpretation ?? '').replace(/^Tolkat som: /, '');
		expect(parseLine(commands, line)).toMatchObject({
			ok: true,
			values: { indikator: 'N31814', kommuner: 'Malmö, Göteborg, Lund' },
		});
	});
	it('GIVEN a question with data THEN the answer of the matching builder', () => {
		const a = questionAnswer(ctx, 'Hur har biståndshushållen på Gotland utvecklats sedan 2015?');
		expect(a).toMatchObject({ ok: true, command: 'trend', resolved: { kommun: '0980', indikator: 'N31910' } });
		expect(a.interpretation).toBe('Tolkat som: /trend kommun:Gotland indikator:N31910 från:2015');
	});
	it('GIVEN a question whose data is missing THEN the error of the builder, still with the interpretation', () => {
		const a = questionAnswer(ctx, 'långvarigt bistånd i Malmö');
		expect(a).toMatchObject({ ok: false, error: { code: 'no_data' } });
		expect(a.interpretation).toBe('Tolkat som: /värde kommun:Malmö indikator:N31814');
	});
	it('GIVEN an unclear question THEN an ambiguous reply whose candidates are command lines that can be run', () => {
		const a = questionAnswer(ctx, 'Jämför Malmö och Lund');
		expect(a).toMatchObject({ ok: false, command: 'fråga', error: { code: 'ambiguous' } });
		if (a.ok) return;
		const candidates = a.error.candidates ?? [];
		expect(candidates.length).toBeGreaterThan(1);
		expect(candidates[0]).toEqual({
			id: '/jämför indikator:N31910 kommuner:1280,1281',
			label: 'Jämför Malmö, Lund: Biståndshushåll, antal',
			option: 'text',
		});
		for (const c of candidates) {
			expect(c.id.length).toBeLessThanOrEqual(MAX_CANDIDATE_ID);
			expect(c.label.length).toBeLessThanOrEqual(80);
			expect(a.error.message).toContain(c.label);
			const picked = questionAnswer(ctx, c.id);
			expect(picked.command).toBe('jämför');
			expect(picked.interpretation).toMatch(/^Tolkat som: \/jämför indikator:\S+ kommuner:Malmö, Lund$/);
		}
	});
	it('GIVEN best/worst without a direction THEN highest and lowest are offered', () => {
		const a = questionAnswer(ctx, 'sämst i Skåne på kostnad per invånare');
		if (a.ok) throw new Error('expected a question back');
		expect(a.error.candidates?.map((c) => c.id)).toEqual([
			'/topplista indikator:U31001 ordning:högst län:0012',
			'/topplista indikator:U31001 ordning:lägst län:0012',
		]);
		expect(a.error.message).toContain('högst eller lägst');
	});
	it('GIVEN a picked candidate THEN the command runs, through /fråga and without a command list', () => {
		const viaCommand = findCommand('fråga')?.answer(ctx, inputFrom({ text: '/trend kommun:0980 indikator:N31910' }));
		expect(viaCommand).toMatchObject({
			ok: true,
			command: 'trend',
			interpretation: 'Tolkat som: /trend kommun:Gotland indikator:N31910',
		});
		const bare = questionAnswer(ctx, '/topplista indikator:U31001 ordning:lägst län:0012');
		expect(bare).toMatchObject({
			command: 'topplista',
			interpretation: 'Tolkat som: /topplista indikator:U31001 ordning:lägst län:Skåne län',
		});
	});
	it('GIVEN a command line that is not one of ours or nests /fråga THEN a friendly answer, no loop', () => {
		expect(questionAnswer(ctx, '/finnsinte')).toMatchObject({
			ok: false,
			error: { code: 'unknown_command' },
		});
		expect(questionAnswer(ctx, '/finnsinte')).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
		const nested = questionAnswer(ctx, '/fråga text:/fråga text:/fråga text:hej');
		expect(nested.ok).toBe(false);
		const inner = questionAnswer(ctx, '/fråga text:profil för Lund');
		expect(inner).toMatchObject({ command: 'profil', interpretation: 'Tolkat som: /profil kommun:Lund' });
	});
	it('GIVEN English THEN English wording, Swedish command lines', () => {
		const a = questionAnswer(en, 'Profile of Umeå');
		expect(a.interpretation).toBe('Interpreted as: /profil kommun:Umeå');
		const b = questionAnswer(en, 'Compare Malmö and Lund');
		if (b.ok) throw new Error('expected a question back');
		expect(b.error.message).toMatch(/^Which indicator/);
		expect(b.error.candidates?.[0]?.label).toMatch(/^Compare Malmö, Lund/);
	});
	it('GIVEN nothing understandable THEN a friendly "did not understand" with examples', () => {
		const a = questionAnswer(ctx, 'Vad tycker du om vädret?');
		expect(a).toMatchObject({ ok: false, error: { code: 'not_found' } });
		// The example is chosen so it answers on the loaded dataset (the bundled one here).
		if (!a.ok) expect(a.error.message).toContain('t.ex. ”Hur ligger Nyköping till på kostnad per invånare?”');
	});
});

describe('the /fråga command and the shell', () => {
	it('GIVEN the command list THEN /fråga is there with its English name, a required text and privat', () => {
		const command = findCommand('fråga');
		expect(command).toMatchObject({ defer: 'public', chart: true });
		const json = command?.data.toJSON();
		expect(json?.name_localizations?.['en-US']).toBe('ask');
		expect(json?.options?.map((o) => [o.name, o.required ?? false])).toEqual([
			['text', true],
			['privat', false],
		]);
	});
	it('GIVEN a shell line without a slash THEN it is answered as a question; slash lines are unchanged', () => {
		expect(runLine(ctx, commands, 'profil för Malmö')).toMatchObject({
			command: 'profil',
			interpretation: 'Tolkat som: /profil kommun:Malmö',
		});
		expect(runLine(ctx, commands, '/indikator indikator:FREDA')).toMatchObject({
			ok: true,
			resolved: { indikator: 'U31509' },
		});
		expect(runLine(ctx, commands, '/indikator indikator:FREDA').interpretation).toBeUndefined();
		expect(runLine(ctx, commands, 'hej')).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});

describe('hostile input', () => {
	const hostile: readonly [string, string][] = [
		['empty', ''],
		['blank', '   \n\t '],
		['6 000 characters', 'Malmö långvarigt bistånd '.repeat(240)],
		['6 000 characters without spaces', 'x'.repeat(6000)],
		['emoji only', '🔥🔥🔥💸🇸🇪'],
		['emoji in a question', '🔥 långvarigt bistånd i Malmö 💸?'],
		['markdown', '**Malmö** `långvarigt` _bistånd_ # rubrik > citat [länk](http://x)'],
		['@everyone', '@everyone hur ligger @here Malmö till'],
		['a mention in a name', 'Jämför <@123456789> och Lund på kostnad per invånare'],
		['control characters', '\u0000\u0007Malmö\u001b[31m långvarigt\u007f bistånd'],
		['bidi and zero-width', '\u202eMalmö\u200b\u2066 långvarigt bistånd'],
		['only punctuation', '?!.,;:–—()'],
		['a slash only', '/'],
		['a hostile command line', '/värde kommun:@everyone indikator:**x** år:abc'],
		['years everywhere', '1990 2100 2018-2022 9999 0000 1280'],
		['unicode oddities', 'Ｍａｌｍö ﬁ \uFFFD \uD800 långvarigt'],
	];
	it.each(hostile)('GIVEN %s THEN a friendly answer, never a crash or a mention', (_name, text) => {
		for (const c of [ctx, en]) {
			const a = questionAnswer(c, text);
			expect(a.command.length).toBeGreaterThan(0);
			const shown = shownText(a);
			expect(shown).not.toMatch(/@(everyone|here)/);
			expect(shown).not.toMatch(/<@\d/);
			if (!a.ok) expect(a.error.message.length).toBeGreaterThan(0);
		}
	});
	it('GIVEN the empty question and the long one THEN they say what to do', () => {
		expect(questionAnswer(ctx, '')).toMatchObject({ ok: false, error: { code: 'empty_input' } });
		expect(questionAnswer(ctx, 'a'.repeat(6000))).toMatchObject({
			ok: false,
			error: { code: 'invalid_option' },
		});
	});
	it('GIVEN arbitrary text THEN interpretation never throws (its speed is measured by the bench)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
				const a = questionAnswer(ctx, text);
				expect(typeof a.ok).toBe('boolean');
			}),
			{ numRuns: 300 },
		);
	});
	it('GIVEN arbitrary words from the vocabulary THEN interpretation never throws', () => {
		const words = [
			'Malmö',
			'i',
			'jämför',
			'topp',
			'5',
			'2020',
			'sedan',
			'liknande',
			'Vara',
			'och',
			'per',
			'län',
			'kvinnor',
			'storstäder',
			'FREDA',
			'långvarigt',
			'bistånd',
			'Skåne',
			'vs',
			'profil',
			'/',
			',',
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...words), { maxLength: 25 }), (parts) => {
				const a = questionAnswer(ctx, parts.join(' '));
				expect(typeof a.ok).toBe('boolean');
			}),
			{ numRuns: 300 },
		);
	});
});
