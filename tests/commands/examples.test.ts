/**
 * Every example the bot and the README show answers on the dataset that is loaded: the bundled one,
 * and one synced from the loopback Kolada fake.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

import { commands } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer } from '../../src/answers/types.js';
import { runLine } from '../../src/shell/run.js';
import { context } from '../helpers/bundled.js';
import { syncedContext } from '../helpers/synced.js';

const README = readFileSync('README.md', 'utf8');

/** README lines typed at the shell prompt, with whether the README shows an error after them. */
const shellLines = [...README.matchAll(/^öj> (.+)\n(.*)$/gm)]
	.map((m) => ({ line: m[1] ?? '', error: (m[2] ?? '').startsWith('⚠') }))
	// A bare number picks a follow-up of the answer before it; it is no lookup of its own.
	.filter((l) => !/^\d+$/.test(l.line));

/**
 * Commands whose example is not a lookup: /bevaka sets up a watch in a Discord server for figures
 * still to come, and in the shell only explains that.
 */
const NOT_LOOKUPS = new Set(['bevaka']);

/** `npm run ask -- '…'` lines with the `"ok"` of the JSON shown after them. */
const askLines = [...README.matchAll(/^npm run ask -- '([^']+)'.*\n```\n\n```json\n\{\n {2}"ok": (true|false)/gm)].map(
	(m) => ({ line: m[1] ?? '', error: m[2] === 'false' }),
);

function failure(answer: Answer): string {
	return answer.ok ? '' : `${answer.error.code}: ${answer.error.message}`;
}

/** The command lines quoted in a text: `/…` in backticks, or ”…” questions. */
function quoted(text: string): string[] {
	return [...text.matchAll(/`(\/[^`]+)`|”([^”]+\?)”/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('examples chosen from the dataset', () => {
	it('GIVEN a synced dataset THEN /hjälp shows the preferred examples; GIVEN the bundled one THEN fallbacks that answer there', async () => {
		const shown = (ctx: AnswerContext): string => {
			const help = runLine(ctx, commands, '/hjälp');
			return help.ok ? help.fields.map((f) => f.value).join('\n') : '';
		};
		expect(shown(await syncedContext())).toContain('/värde kommun:Malmö indikator:långvarigt bistånd');
		const bundled = shown(await context());
		expect(bundled).not.toContain('/värde kommun:Malmö indikator:långvarigt bistånd');
		expect(bundled).toContain('/värde kommun:Nyköping indikator:kostnad per invånare');
	}, 120_000);
});

describe.each([
	['the bundled dataset', context],
	['a synced dataset', syncedContext],
])('examples on %s', (_name, makeContext) => {
	let ctx: AnswerContext;

	beforeAll(async () => {
		ctx = await makeContext();
	}, 120_000);

	it('GIVEN /hjälp THEN every example it shows answers', () => {
		const help = runLine(ctx, commands, '/hjälp');
		expect(help.ok).toBe(true);
		const examples = help.ok ? help.fields.map((f) => /`([^`]+)`/.exec(f.value)?.[1] ?? '') : [];
		expect(examples).toHaveLength(commands.length);
		for (const example of examples.filter((e) => !NOT_LOOKUPS.has(e.slice(1).split(' ')[0] ?? ''))) {
			const answer = runLine(ctx, commands, example);
			expect(failure(answer), example).toBe('');
		}
	});

	it('GIVEN the "t.ex." of /fråga, /sök and the shell THEN each example answers', () => {
		const texts = [
			runLine(ctx, commands, '/fråga text:'),
			runLine(ctx, commands, '/fråga text:blä blä'),
			runLine(ctx, commands, '/sök text:malmö'),
			runLine(
				ctx,
				commands.filter((c) => c.data.name !== 'fråga'),
				'kommun:Malmö',
			),
		].map((a) => (a.ok ? a.notes.join(' ') : a.error.message));
		const examples = texts.flatMap(quoted);
		expect(examples.length).toBeGreaterThanOrEqual(4);
		for (const example of examples) {
			const answer = runLine(ctx, commands, example);
			expect(failure(answer), example).toBe('');
		}
	});

	it('GIVEN the README THEN its example lines answer, and its error examples stay errors', () => {
		const lines = [...shellLines, ...askLines];
		expect(lines.length).toBeGreaterThanOrEqual(5);
		for (const { line, error } of lines) {
			const answer = runLine(ctx, commands, line);
			if (error) expect(answer.ok, line).toBe(false);
			else expect(failure(answer), line).toBe('');
		}
	});
});
