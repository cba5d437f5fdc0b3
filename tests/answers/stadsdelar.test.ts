import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { profileAnswer } from '../../src/answers/profil.js';
import { trendAnswer } from '../../src/answers/trend.js';
import { valueAnswer } from '../../src/answers/varde.js';
import { ok } from '../helpers/answers.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

describe('stadsdelar as areas', () => {
	it.each([
		['Järva', ['0180-rinkeby-kista', '0180-spanga-tensta']],
		['Norra innerstaden', ['0180-norrmalm', '0180-ostermalm']],
		['Hägersten-Älvsjö', ['0180-hagersten-liljeholmen', '0180-alvsjo']],
	] as const)(
		'GIVEN %s (formed from areas with data) THEN no data of its own, and its predecessors as choices',
		(name, ids) => {
			const a = valueAnswer(ctx, { area: name, indicator: 'STHLM-SDO-ANDEL' });
			if (a.ok) throw new Error('expected an error answer');
			expect(a.error.code).toBe('no_data');
			expect(a.error.message).toContain(`${name} (stadsdelsområde i Stockholm`);
			expect(a.error.message).toContain('har inga egna värden');
			expect(a.error.candidates?.map((c) => c.id)).toEqual(ids);
		},
	);

	it.each(['Nordost', 'Angered'])(
		'GIVEN the Göteborg area %s THEN it is named as such, never as another kommun',
		(name) => {
			for (const answer of [
				valueAnswer(ctx, { area: name, indicator: 'N31807' }),
				trendAnswer(ctx, { area: name, indicator: 'N31807' }),
				profileAnswer(ctx, { area: name }),
			]) {
				if (answer.ok) throw new Error('expected an error answer');
				expect(answer.error.message).toMatch(new RegExp(`^${name} \\(.*i Göteborg.*\\) har inga egna värden`));
				expect(answer.error.message).not.toMatch(/Nordanstig|Ängelholm|Järfälla/);
			}
		},
	);

	it('GIVEN Nordost THEN the areas it was formed from are named', () => {
		const a = valueAnswer(ctx, { area: 'Nordost', indicator: 'N31807' });
		expect(a.ok ? '' : a.error.message).toContain('bildades av Angered och Östra Göteborg');
	});

	it.each([
		['Rinkeby-Kista', 7.2],
		['Spånga-Tensta', 5.7],
	])('GIVEN %s (with data) THEN its own figure from Stockholms stad', (name, value) => {
		const a = ok(valueAnswer(ctx, { area: name, indicator: 'STHLM-SDO-ANDEL' }));
		expect(a.data.value).toBe(value);
		expect(a.sources).toContain('Källa: Stockholms stad');
	});

	it('GIVEN Rinkeby-Kista THEN /profil draws every row it writes, and its subtitle names only what is there', () => {
		const a = ok(profileAnswer(ctx, { area: 'Rinkeby-Kista' }));
		if (a.chart?.kind !== 'profile') throw new Error('profile chart expected');
		const written = a.table?.rows.map((r) => (r[0] ?? '').replace(/…$/, '')) ?? [];
		expect(a.chart.rows).toHaveLength(written.length);
		a.chart.rows.forEach((row, i) => expect(row.label.startsWith(written[i] ?? '?')).toBe(true));
		expect(a.chart.subtitle).toBe('värden utan riksjämförelse');
		expect(a.chart.subtitle).not.toContain('kommunenkäten');
		for (const row of a.chart.rows) if (row.kind === 'numeric' && row.diff === null) expect(row.text).toMatch(/\d/);
	});
});
