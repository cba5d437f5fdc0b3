import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { parseLine } from '../../commands/line.js';
import { runLine } from '../../src/shell/run.js';
import { formatTable, renderText, stripMarkdown } from '../../src/shell/text.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

describe('parseLine', () => {
	it('GIVEN option values with spaces and colons THEN they are split at known option names only', () => {
		const parsed = parseLine(commands, '/sök text:kommungrupp:A1 storstäder privat:ja');
		expect(parsed).toMatchObject({ ok: true, values: { text: 'kommungrupp:A1 storstäder', privat: true } });
	});
	it('GIVEN an English command name THEN the Swedish command is found', () => {
		expect(parseLine(commands, '/search text:malmö')).toMatchObject({ ok: true, values: { text: 'malmö' } });
	});
	it('GIVEN a line without a slash or an unknown command THEN it says why', () => {
		expect(parseLine(commands, 'hej')).toEqual({ ok: false, reason: 'not_command' });
		expect(parseLine(commands, '/finnsinte')).toMatchObject({ ok: false, reason: 'unknown_command' });
	});
});

describe('runLine', () => {
	it('GIVEN /indikator indikator:FREDA THEN the FREDA indicator answer', () => {
		expect(runLine(ctx, commands, '/indikator indikator:FREDA')).toMatchObject({
			ok: true,
			resolved: { indikator: 'U31509' },
		});
	});
	it('GIVEN an unknown command THEN a friendly error pointing at /hjälp', () => {
		const a = runLine(ctx, commands, '/finnsinte');
		expect(a).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
		if (!a.ok) expect(a.error.message).toContain('/hjälp');
	});
	it('GIVEN /hjälp THEN every command is listed with an example', () => {
		const a = runLine(ctx, commands, '/hjälp');
		if (!a.ok) throw new Error(a.error.message);
		expect(a.fields.map((f) => f.name)).toEqual(commands.map((c) => `/${c.data.name}`));
		for (const f of a.fields) expect(f.value).toMatch(/`\/\S+/);
	});
});

describe('text rendering', () => {
	it('GIVEN Markdown THEN the shell shows plain text', () => {
		expect(stripMarkdown('**fet** `kod` \\*')).toBe('fet kod *');
	});
	it('GIVEN a table THEN numeric columns are right-aligned', () => {
		const text = formatTable({
			columns: ['Kommun', 'Värde'],
			rows: [
				['Ale', '1,2'],
				['Göteborg', '12,3'],
			],
			align: ['left', 'right'],
		});
		expect(text.split('\n')[2]).toBe(`${'Ale'.padEnd(8)}  ${'1,2'.padStart(5)}`);
	});
	it('GIVEN an error answer THEN it is one warning line', () => {
		expect(
			renderText({ ok: false, command: 'x', error: { code: 'not_found', message: 'Hittade **inget**' }, resolved: {} }),
		).toBe('⚠ Hittade inget');
	});
});
