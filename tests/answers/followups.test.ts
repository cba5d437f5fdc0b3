import { beforeAll, describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { MAX_FOLLOW_UPS } from '../../src/answers/followups.js';
import type { Answer, FollowUp } from '../../src/answers/types.js';
import { choicesOf, nextFollowUps, runInput, runLine } from '../../src/shell/run.js';
import { renderText } from '../../src/shell/text.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function ok(answer: Answer): Extract<Answer, { ok: true }> {
	if (!answer.ok) throw new Error(answer.error.message);
	return answer;
}

/** Runs a follow-up the way the shell and a button do: its command with its values. */
function runFollowUp(f: FollowUp): Answer {
	const command = findCommand(f.command);
	if (!command) throw new Error(`no /${f.command}`);
	return command.answer(ctx, { get: (name) => f.values[name] });
}

describe('follow-ups per command', () => {
	it('GIVEN /värde for a kommun THEN Trend, Liknande kommuner, Länet, Karta and CSV, with resolved ids', () => {
		const answer = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'));
		expect(answer.followUps?.map((f) => f.label)).toEqual(['Trend', 'Liknande kommuner', 'Länet', 'Karta', 'CSV']);
		expect(answer.followUps?.[0]).toEqual({
			label: 'Trend',
			command: 'trend',
			values: { kommun: '0480', indikator: 'N31910' },
			line: '/trend kommun:Nyköping indikator:N31910',
		});
		expect(answer.followUps?.[2]?.values).toMatchObject({ län: '0004', indikator: 'N31910' });
	});

	it('GIVEN any follow-up of /värde THEN it answers, and the CSV one carries a CSV file', () => {
		const answer = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'));
		for (const f of answer.followUps ?? []) expect(runFollowUp(f).ok).toBe(true);
		const csv = ok(runFollowUp(answer.followUps?.find((f) => f.label === 'CSV') as FollowUp));
		expect(csv.csv?.content).toContain('Nyköping');
	});

	it('GIVEN /trend THEN "Jämför med liknande" leads to the peers in the latest year', () => {
		const answer = ok(runLine(ctx, commands, '/trend kommun:Nyköping indikator:N31910'));
		const peers = answer.followUps?.find((f) => f.label === 'Jämför med liknande');
		expect(peers?.values).toEqual({ indikator: 'N31910', kommuner: 'liknande:0480' });
		expect(ok(runFollowUp(peers as FollowUp)).command).toBe('jämför');
	});

	it('GIVEN /jämför of eight THEN a trend of the first six (as many as /trend draws) and Topplista', () => {
		const answer = ok(runLine(ctx, commands, '/jämför indikator:N31910 kommuner:liknande:Nyköping år:2020'));
		const labels = answer.followUps?.map((f) => f.label);
		expect(labels?.slice(0, 2)).toEqual(['Trend, 6 av 8', 'Topplista']);
		const trend = answer.followUps?.[0];
		expect(trend?.values['kommun']).toBe('0480');
		expect(String(trend?.values['jämför_med']).split(',')).toHaveLength(5);
		expect(ok(runFollowUp(trend as FollowUp)).command).toBe('trend');
	});

	it('GIVEN /topplista with more places left THEN "Nästa 10" starts right after the last place shown', () => {
		const first = ok(runLine(ctx, commands, '/topplista indikator:N31910 år:2020'));
		const next = first.followUps?.find((f) => f.label === 'Nästa 10');
		expect(next?.values).toMatchObject({ antal: 10, från_plats: 11, år: 2020 });
		const second = ok(runFollowUp(next as FollowUp));
		const firstRows = (first.data['rows'] as { id: string; place: number }[]).map((r) => r.id);
		const secondRows = second.data['rows'] as { id: string; place: number }[];
		expect(secondRows[0]?.place).toBe(11);
		expect(secondRows.some((r) => firstRows.includes(r.id))).toBe(false);
		expect(second.title).toContain('plats 11–');
	});

	it('GIVEN a place past the end of the list THEN a friendly error, not an empty list', () => {
		const answer = runLine(ctx, commands, '/topplista indikator:N31910 år:2020 från_plats:400');
		expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_option' } });
	});

	it('GIVEN any answer THEN at most five follow-ups; commands without a rule offer none', () => {
		for (const line of ['/värde kommun:Nyköping indikator:N31910', '/topplista indikator:N31910 år:2020']) {
			expect(ok(runLine(ctx, commands, line)).followUps?.length).toBeLessThanOrEqual(MAX_FOLLOW_UPS);
		}
		expect(ok(runLine(ctx, commands, '/indikator indikator:FREDA')).followUps).toBeUndefined();
	});
});

describe('follow-ups in the shell', () => {
	it('GIVEN an answer with follow-ups THEN they are printed as numbered lines', () => {
		const text = renderText(runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'));
		expect(text).toContain('1) /trend kommun:Nyköping indikator:N31910 – Trend');
	});

	it('GIVEN the number of a follow-up THEN that command runs; a number out of range is explained', () => {
		const answer = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'));
		const picked = ok(runInput(ctx, commands, '1', answer.followUps ?? []));
		expect(picked).toMatchObject({ command: 'trend', resolved: { kommun: '0480', indikator: 'N31910' } });
		expect(runInput(ctx, commands, '9', answer.followUps ?? [])).toMatchObject({
			ok: false,
			error: { message: 'Välj ett förslag mellan 1 och 5.' },
		});
	});
});

describe('choices of an answer without figures in the shell', () => {
	const line = '/värde kommun:Nyköping indikator:kostnad per invånare år:2023';

	it('GIVEN a year without a value THEN the choices are printed as numbered lines', () => {
		const text = renderText(runLine(ctx, commands, line));
		expect(text).toContain(
			'Prova (skriv siffran):\n1) Nyköping 2020\n   /värde kommun:Nyköping indikator:kostnad per invånare år:2020',
		);
	});

	it('GIVEN the number of a choice THEN that choice runs, as its printed line would', () => {
		const choices = choicesOf(commands, runLine(ctx, commands, line));
		expect(choices.slice(0, 2).map((c) => [c.label, c.command, c.values['år']])).toEqual([
			['Nyköping 2020', 'värde', 2020],
			['Nyköping 2019', 'värde', 2019],
		]);
		const picked = ok(runInput(ctx, commands, '1', choices));
		expect(picked).toMatchObject({ command: 'värde', resolved: { kommun: '0480' } });
		expect(picked.title).toBe(ok(runLine(ctx, commands, choices[0]?.line ?? '')).title);
	});

	it('GIVEN an answer that works, or an error without choices THEN no choices', () => {
		expect(choicesOf(commands, runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'))).toEqual([]);
		expect(choicesOf(commands, runLine(ctx, commands, '/värde kommun:Atlantis indikator:N31910'))).toEqual([]);
	});

	it('GIVEN answers one after another THEN a number runs what was printed last, and a typo keeps it', () => {
		const worked = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:N31910'));
		let numbers = nextFollowUps(commands, worked, []);
		expect(numbers).toEqual(worked.followUps);
		numbers = nextFollowUps(commands, runLine(ctx, commands, line), numbers);
		expect(numbers[0]?.line).toBe('/värde kommun:Nyköping indikator:kostnad per invånare år:2020');
		const typo = runLine(ctx, commands, '/värde kommun:Atlantis indikator:N31910');
		expect(nextFollowUps(commands, typo, numbers)).toBe(numbers);
	});

	it('GIVEN a choice line that does not read back THEN no choice is numbered, so no number runs the wrong one', () => {
		const answer = runLine(ctx, commands, line);
		if (answer.ok) throw new Error('expected no figures');
		const lines = [...(answer.error.lines ?? [])];
		lines[0] = '/inget-kommando';
		expect(choicesOf(commands, { ...answer, error: { ...answer.error, lines } })).toEqual([]);
	});
});

describe('map follow-ups', () => {
	it('GIVEN /värde in a year a map can be drawn THEN "Karta" outlines the kommun on the whole map', () => {
		const answer = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:U31001 år:2020'));
		const map = answer.followUps?.find((f) => f.label === 'Karta');
		expect(map?.values).toEqual({ indikator: 'U31001', år: 2020, markera: '0480' });
		expect(map?.line).toBe('/karta indikator:U31001 år:2020 markera:Nyköping');
		expect(ok(runFollowUp(map as FollowUp)).command).toBe('karta');
	});

	it('GIVEN /värde in a year with values for fewer than a tenth of the kommuner THEN no "Karta"', () => {
		// Gotland is the only kommun with a 2024 value in the bundled dataset.
		const answer = ok(runLine(ctx, commands, '/värde kommun:Gotland indikator:U31001 år:2024'));
		expect(answer.followUps?.map((f) => f.label)).toContain('Trend');
		expect(answer.followUps?.some((f) => f.label === 'Karta')).toBe(false);
	});

	it('GIVEN /topplista THEN "Karta" maps the same indicator and year, and its answer leads back to a top list', () => {
		const list = ok(runLine(ctx, commands, '/topplista indikator:U31001 år:2020'));
		const map = list.followUps?.find((f) => f.label === 'Karta');
		expect(map?.values).toEqual({ indikator: 'U31001', år: 2020 });
		const drawn = ok(runFollowUp(map as FollowUp));
		expect(drawn.followUps?.map((f) => f.label)).toEqual(['Topplista', 'CSV']);
	});

	it('GIVEN /karta with a marked kommun THEN its Trend follow-up is for that kommun', () => {
		const map = ok(runLine(ctx, commands, '/karta indikator:U31001 år:2020 markera:Nyköping'));
		expect(map.followUps?.find((f) => f.label === 'Trend')?.values).toEqual({ kommun: '0480', indikator: 'U31001' });
	});
});

describe('follow-ups of /fråga', () => {
	it('GIVEN a question read as /värde THEN its answer carries the same follow-ups as /värde itself', () => {
		const asked = ok(runLine(ctx, commands, 'kostnad per invånare i Nyköping'));
		const direct = ok(runLine(ctx, commands, '/värde kommun:Nyköping indikator:U31001'));
		expect(asked.command).toBe('värde');
		expect(asked.followUps?.length).toBeGreaterThan(0);
		expect(asked.followUps).toEqual(direct.followUps);
	});
});
