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
	it.each([
		['/varde kommun:Malmö indikator:kostnad', 'värde'],
		['/jamfor kommuner:Malmö, Lund indikator:kostnad', 'jämför'],
		['/fraga text:kostnad i Malmö', 'fråga'],
		['/hjalp', 'hjälp'],
		['/sok text:malmö', 'sök'],
		['/VÄRDE kommun:Malmö', 'värde'],
		['/value municipality:Malmö', 'värde'],
		['/compare municipalities:Malmö, Lund', 'jämför'],
		['/ask text:kostnad', 'fråga'],
	])('GIVEN the command written as in %j THEN it is /%s', (line, name) => {
		const parsed = parseLine(commands, line);
		expect(parsed.ok && parsed.command.data.name).toBe(name);
	});
	it.each([
		['/jämför kommuner:"Uppsala, Enköping" indikator:kostnad', 'Uppsala, Enköping'],
		["/jämför kommuner:'Uppsala, Enköping' indikator:kostnad", 'Uppsala, Enköping'],
		['/jämför kommuner:”Uppsala, Enköping” indikator:kostnad', 'Uppsala, Enköping'],
		['/jämför kommuner:“Uppsala, Enköping” indikator:kostnad', 'Uppsala, Enköping'],
		['/jämför kommuner: "Uppsala" indikator:kostnad', 'Uppsala'],
	])('GIVEN a quoted option value in %j THEN the value comes without its quotes', (line, value) => {
		expect(parseLine(commands, line)).toMatchObject({ ok: true, values: { kommuner: value, indikator: 'kostnad' } });
	});
	it('GIVEN an option name inside a quoted value THEN the value is not split there', () => {
		expect(parseLine(commands, '/sök text:"indikator:kostnad"')).toMatchObject({
			ok: true,
			values: { text: 'indikator:kostnad' },
		});
	});
	it('GIVEN an option name without å ä ö THEN it is the option (ar → år)', () => {
		expect(parseLine(commands, '/värde kommun:Malmö indikator:kostnad ar:2020')).toMatchObject({
			ok: true,
			values: { kommun: 'Malmö', indikator: 'kostnad', år: 2020 },
		});
	});
	it('GIVEN a quote inside a name THEN it is kept', () => {
		expect(parseLine(commands, "/sök text:Sveriges 'bästa'")).toMatchObject({
			ok: true,
			values: { text: "Sveriges 'bästa'" },
		});
	});
	it('GIVEN a line without a slash or an unknown command THEN it says why', () => {
		expect(parseLine(commands, 'hej')).toEqual({ ok: false, reason: 'not_command' });
		expect(parseLine(commands, '/finnsinte')).toMatchObject({ ok: false, reason: 'unknown_command' });
	});
});

describe('runLine', () => {
	it('GIVEN /jämför with two quoted kommuner THEN both are compared', () => {
		const a = runLine(ctx, commands, '/jämför kommuner:"Uppsala, Enköping" indikator:kostnad');
		expect(a).toMatchObject({ ok: true });
		if (a.ok) expect(a.table?.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Uppsala', 'Enköping']));
	});
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
