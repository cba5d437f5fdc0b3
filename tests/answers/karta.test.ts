import { beforeAll, describe, expect, it } from 'vitest';
import { computeMap, enoughForMap, mapAnswer, schemeFor, type MapInput } from '../../src/answers/karta.js';
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer, OkAnswer } from '../../src/answers/types.js';
import type { MapChartSpec } from '../../src/charts/spec.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { readDataset } from '../../src/dataset/store.js';
import { Search } from '../../src/search/search.js';
import { mergeIntoDataset, type IncomingPoint } from '../../src/sources/merge.js';
import { context, TODAY } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function ok(answer: Answer): OkAnswer & { chart: MapChartSpec } {
	if (!answer.ok) throw new Error(`expected an answer, got: ${answer.error.message}`);
	if (answer.chart?.kind !== 'map') throw new Error('expected a map');
	return answer as OkAnswer & { chart: MapChartSpec };
}

describe('enoughForMap', () => {
	it('GIVEN values for at least a tenth of the kommuner THEN a map is drawn, with fewer it is not', () => {
		expect(enoughForMap(29, 290)).toBe(true);
		expect(enoughForMap(28, 290)).toBe(false);
		expect(enoughForMap(2, 14)).toBe(true);
		expect(enoughForMap(1, 14)).toBe(false);
		expect(enoughForMap(0, 0)).toBe(false);
	});
});

describe('schemeFor', () => {
	it('GIVEN an indicator THEN its direction turns the palette and survey answers get categories', () => {
		expect(schemeFor({ kind: 'kronor', direction: null })).toBe('neutral');
		expect(schemeFor({ kind: 'percent', direction: 'higher' })).toBe('higher-better');
		expect(schemeFor({ kind: 'days', direction: 'lower' })).toBe('lower-better');
		expect(schemeFor({ kind: 'yesno', direction: 'higher' })).toBe('answers');
		expect(schemeFor({ kind: 'ordinal', direction: null })).toBe('answers-neutral');
	});
});

describe('/karta on the bundled dataset', () => {
	it('GIVEN biståndshushåll 2016 for the whole country THEN 48 of 290 kommuner (those Regionfakta publishes for 2016) fall into 5 quantile classes', () => {
		const answer = ok(mapAnswer(ctx, { indicator: 'N31910', year: 2016 }));
		const { chart } = answer;
		expect(chart.lanId).toBeUndefined();
		expect(chart.subtitle).toBe('Värden för 48 av 290 kommuner · 5 klasser efter kvantiler');
		expect(chart.title).toBe('Biståndshushåll, antal · 2016');
		expect(chart.scheme).toBe('neutral');
		expect(chart.classes).toHaveLength(5);
		expect(chart.classes.reduce((n, c) => n + c.count, 0)).toBe(48);
		expect(chart.areas).toHaveLength(48);
		expect(chart.missingLabel).toBe('Uppgift saknas (242)');
		// Limits in Swedish number format: a no-break space groups thousands.
		expect(chart.classes.at(-1)?.label).toMatch(/^\d[\d\u00A0]*–\d{1,2}\u00A0\d{3} \(\d+\)$/);
		expect(chart.source).toContain('Källa:');
	});

	it('GIVEN a kommun to mark in a län THEN the map zooms to the län and names the kommun with its value', () => {
		const answer = ok(mapAnswer(ctx, { indicator: 'N31910', lan: 'Norrbotten', highlight: 'Luleå' }));
		expect(answer.chart.lanId).toBe('0025');
		expect(answer.chart.areas.every((a) => ctx.dataset.area(a.id)?.lanId === '0025')).toBe(true);
		const lulea = ctx.dataset.value('N31910', '2580', 2020, 'T', 'value')?.value;
		expect(lulea).toBeTypeOf('number');
		expect(answer.chart.highlight).toEqual({
			id: '2580',
			label: `Luleå: ${(lulea ?? 0).toLocaleString('sv-SE').replace(/\s/g, '\u00A0')}`,
		});
		expect(answer.resolved).toMatchObject({ indikator: 'N31910', län: '0025', markera: '2580', år: 2020 });
	});

	it('GIVEN a register indicator with a published Riket figure THEN the legend notes Riket with its unit', () => {
		const answer = ok(mapAnswer(ctx, { indicator: 'U31001', year: 2020 }));
		expect(answer.chart.notes).toContain('Riket: 1\u00A0155\u00A0kr/inv');
		expect(answer.fields).toContainEqual({ name: 'Jämförelse', value: 'Riket: 1\u00A0155\u00A0kr/inv', inline: true });
	});

	it('GIVEN csv:true THEN every kommun of the map is a row, with an empty value where it has none', () => {
		const answer = ok(mapAnswer(ctx, { indicator: 'N31910', year: 2016, csv: true }));
		const content = answer.csv?.content ?? '';
		expect(content.startsWith('\uFEFFkod;kommun;län;år;värde;enhet;klass\r\n')).toBe(true);
		const rows = content.trim().split('\r\n').slice(1);
		expect(rows).toHaveLength(290);
		expect(rows.filter((r) => r.includes(';2016;;antal;'))).toHaveLength(242);
		// A row with a value carries its class as the legend writes it ("52–116").
		expect(
			rows.filter((r) => /^\d{4};[^;]+;[^;]+ län;2016;\d+;antal;\d[\d\u00A0]*(–\d[\d\u00A0]*)?$/.test(r)),
		).toHaveLength(48);
	});

	it('GIVEN a year where fewer than a tenth of the kommuner have values THEN the map is refused, naming years and län with values', () => {
		const answer = mapAnswer(ctx, { indicator: 'N31910', year: 2019 });
		expect(answer.ok).toBe(false);
		if (answer.ok) return;
		expect(answer.error.code).toBe('no_data');
		expect(answer.error.message).toContain('2019 har bara 15 av 290 kommuner');
		expect(answer.error.message).toContain('År med tillräckligt många värden: 2010–2017, 2020.');
		expect(answer.error.message).toMatch(
			/Län med värden 2019: .*Norrbottens län.* – ange ett av dem i fältet \*\*län\*\*\./,
		);
		// A chat answer: what the dataset covers, never a maintainer's command.
		expect(answer.error.message).toMatch(/`\/om` visar vad datasetet täcker\.$/);
		expect(answer.error.message).not.toContain('npm');
	});

	it('GIVEN a län without values THEN the refusal names the län that have them', () => {
		const answer = mapAnswer(ctx, { indicator: 'N31910', year: 2016, lan: 'Skåne' });
		expect(answer.ok).toBe(false);
		if (answer.ok) return;
		expect(answer.error.message).toContain('2016 har ingen av de 33 kommunerna i Skåne län värden');
		expect(answer.error.message).toContain('Hallands län');
	});

	it('GIVEN a marked kommun outside the chosen län THEN the answer says so', () => {
		const answer = mapAnswer(ctx, { indicator: 'N31910', lan: 'Skåne', highlight: 'Luleå' });
		expect(answer.ok).toBe(false);
		if (answer.ok) return;
		expect(answer.error.code).toBe('invalid_option');
		expect(answer.error.message).toContain('Luleå ligger inte i Skåne län');
	});

	it('GIVEN bad input THEN each option gets a friendly error, never a crash', () => {
		for (const query of [
			{ indicator: '' },
			{ indicator: 'N31910', year: 'igår' },
			{ indicator: 'N31910', lan: 'Atlantis' },
			{ indicator: 'N31910', highlight: 'constructor' },
		]) {
			const answer = mapAnswer(ctx, query);
			expect(answer.ok, JSON.stringify(query)).toBe(false);
		}
	});
});

describe('/karta with survey answers', () => {
	let survey: AnswerContext;
	beforeAll(async () => {
		// Test data: answers Helt/Delvis/Inte alls (codes 2/1/0) for the first 60 kommuner by name.
		const base = await readDataset('data/db.json');
		const points: IncomingPoint[] = base.areas
			.filter((a) => a.type === 'kommun')
			.slice(0, 60)
			.map((a, i) => ({
				indicator: 'OJEB-INDMOTEN',
				area: a.id,
				gender: 'T' as const,
				measure: 'answer' as const,
				year: 2023,
				value: i % 3,
				prov: 0,
			}));
		const { dataset } = mergeIntoDataset(base, {
			provenance: [{ kind: 'other', title: 'Testdata', attribution: 'Källa: testdata' }],
			points,
			record: { kind: 'csv', at: '2026-11-26' },
		});
		const ds = new Dataset(dataset);
		survey = { dataset: ds, search: new Search(ds), locale: 'sv', today: TODAY };
	});

	it('GIVEN answers from 60 kommuner THEN each answer is a category with its count, best first, never averaged', () => {
		const answer = ok(mapAnswer(survey, { indicator: 'OJEB-INDMOTEN', year: 2023, highlight: '0114' }));
		expect(answer.chart.scheme).toBe('answers');
		expect(answer.chart.classes).toEqual([
			{ label: 'Helt (20)', count: 20 },
			{ label: 'Delvis (20)', count: 20 },
			{ label: 'Inte alls (20)', count: 20 },
		]);
		expect(answer.chart.subtitle).toBe('Svar från 60 av 290 kommuner · kommunernas svar');
		expect(answer.chart.missingLabel).toBe('Uppgift saknas (230)');
		expect(answer.data['limits']).toEqual([]);
	});
});

describe('computeMap', () => {
	// Values from data/db.json: Biståndshushåll, antal (N31910) 2016 for the six kommuner of Hallands
	// län — Hylte 384, Halmstad 1 626, Laholm 512, Falkenberg 872, Varberg 746, Kungsbacka 716.
	const halland2016 = { '1315': 384, '1380': 1626, '1381': 512, '1382': 872, '1383': 746, '1384': 716 };

	function input(over: Partial<MapInput> = {}): MapInput {
		const indicator = ctx.dataset.indicator('N31910');
		if (!indicator) throw new Error('N31910 missing from the bundle');
		return { indicator, gender: 'T', year: 2016, lan: undefined, highlight: undefined, ...over };
	}

	it('GIVEN biståndshushåll 2016 in Hallands län THEN all six kommuner are classed, Hylte lowest and Halmstad highest', () => {
		const map = computeMap(ctx.dataset, input({ lan: ctx.dataset.area('0013'), highlight: ctx.dataset.area('1383') }));
		if (!map.ok) throw new Error('expected a map');
		expect(map.year).toBe(2016);
		expect([...map.members].sort()).toEqual(Object.keys(halland2016));
		expect(Object.fromEntries(map.values)).toEqual(halland2016);
		expect(map.highlightValue).toBe(746);
		const { classes, classOf } = map.classification;
		if (classes.kind !== 'quantiles') throw new Error('expected quantile classes');
		expect(classes.ranges[0]?.from).toBe(384);
		expect(classes.ranges.at(-1)?.to).toBe(1626);
		expect(classes.ranges.reduce((n, r) => n + r.count, 0)).toBe(6);
		expect(classOf.get('1315')).toBe(0);
		expect(classOf.get('1380')).toBe(classes.ranges.length - 1);
		// Riket 2016 is published: 220 112 households.
		expect(map.riket).toMatchObject({ method: 'published', value: 220112 });
	});

	it('GIVEN 2021, when only Gotland has a value THEN the shortfall names the mappable years and Gotlands län', () => {
		const map = computeMap(ctx.dataset, input({ year: 2021 }));
		if (map.ok) throw new Error('expected a shortfall');
		expect(map).toMatchObject({ year: 2021, withValues: 1, of: 290 });
		// At least 29 of 290 kommuner: 32–48 in 2010–2017 and 35 in 2020; 15–26 in 2007–2009 and 2018–2019.
		expect(map.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2020]);
		expect(map.lans.year).toBe(2021);
		expect(map.lans.areas.map((a) => a.id)).toEqual(['0009']);
	});
});
