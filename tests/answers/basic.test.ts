import { beforeAll, describe, expect, it } from 'vitest';
import { aboutAnswer, datasetStatus } from '../../src/answers/om.js';
import { indicatorAnswer } from '../../src/answers/indikator.js';
import { quote } from '../../src/answers/resolve.js';
import { searchAnswer } from '../../src/answers/sok.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer, OkAnswer } from '../../src/answers/types.js';
import { context, TODAY } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function ok(answer: Answer): OkAnswer {
	if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message}`);
	return answer;
}

describe('/sök', () => {
	it('GIVEN "goteborg" THEN Göteborg is the first area hit', () => {
		const a = ok(searchAnswer(ctx, 'goteborg'));
		expect((a.data.areas as { id: string }[])[0]?.id).toBe('1480');
		expect(a.fields[0]?.value).toContain('Göteborg (Västra Götalands län) · 1480');
	});

	it('GIVEN "FREDA" THEN the FREDA indicators are found', () => {
		const a = ok(searchAnswer(ctx, 'FREDA'));
		expect((a.data.indicators as { id: string }[]).map((i) => i.id)).toContain('U31509');
	});

	it('GIVEN an empty or nonsense text THEN a friendly error, not an empty list', () => {
		expect(searchAnswer(ctx, '  ')).toMatchObject({ ok: false, error: { code: 'empty_input' } });
		expect(searchAnswer(ctx, 'qqqzzzxxx')).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});

describe('/indikator', () => {
	it('GIVEN "FREDA" THEN kind, unit, source, direction, years and the Riket share are shown', () => {
		const a = ok(indicatorAnswer(ctx, 'FREDA'));
		expect(a.resolved.indikator).toBe('U31509');
		const text = a.fields.map((f) => `${f.name}: ${f.value}`).join('\n');
		expect(text).toContain('Ja/Nej-fråga i kommunenkäten');
		expect(text).toContain('År med data i boten: 2019–2020');
		expect(text).toContain('Riket 2020: 75\u00a0% av kommunerna svarade ”Ja”');
		expect(a.sources).toContain('Källa: Socialstyrelsen, Öppna jämförelser 2020');
	});

	it('GIVEN a removed KPI THEN no past publication date is announced as next', () => {
		const a = ok(indicatorAnswer(ctx, 'U31509'));
		expect(a.fields.find((f) => f.name === 'Kolada')?.value).not.toMatch(/nästa publicering/);
	});

	it('GIVEN an ambiguous name THEN candidates come back with ids, not a guess', () => {
		const a = indicatorAnswer(ctx, 'samordning LSS');
		expect(a).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
		if (!a.ok) expect(a.error.candidates?.map((c) => c.id)).toEqual(expect.arrayContaining(['U28439', 'U31474']));
	});

	it('GIVEN English locale THEN the labels are English', () => {
		const a = ok(indicatorAnswer({ ...ctx, locale: 'en' }, 'N31814'));
		expect(a.fields.map((f) => f.name)).toContain('Unit');
	});
});

describe('/om', () => {
	it('GIVEN the bundle THEN counts, sources with years and the terms are shown', () => {
		const a = ok(aboutAnswer(ctx));
		const text = a.fields.map((f) => f.value).join('\n');
		expect(text).toContain('290 kommuner, 21 län');
		expect(text).toMatch(/Socialstyrelsen via Regionfakta: .* värden, 2007–/);
		expect(text).toContain('Källa: Kolada');
	});

	it('GIVEN today THEN only future Kolada publication dates are listed', () => {
		const status = datasetStatus(ctx.dataset, TODAY);
		for (const p of status.nextPublications) expect(p.date >= '2026-11-26').toBe(true);
	});
});

describe('quote', () => {
	it('GIVEN text with mentions, Markdown and control characters THEN it cannot mention or format', () => {
		const q = quote('@everyone **fet** <@&123> `kod`\u0000\u202e');
		expect(q).not.toContain('@everyone');
		expect(q).not.toContain('<@&');
		expect(q).toContain('\\*\\*fet\\*\\*');
		expect(q.includes('\u0000') || q.includes('\u202e')).toBe(false);
	});
	it('GIVEN a very long text THEN it is cut with an ellipsis', () => {
		expect(quote('a'.repeat(6000)).length).toBeLessThanOrEqual(60);
	});
	it('GIVEN words on separate lines THEN they stay apart, on one line', () => {
		expect(quote('Malmö\nLund\r\n\tKiruna')).toBe('Malmö Lund Kiruna');
	});
});
