import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { compareAnswer } from '../../src/answers/jamfor.js';
import { groupsAnswer } from '../../src/answers/grupper.js';
import { profileAnswer } from '../../src/answers/profil.js';
import { topListAnswer } from '../../src/answers/topplista.js';
import { trendAnswer } from '../../src/answers/trend.js';
import type { Answer, OkAnswer } from '../../src/answers/types.js';
import { valueAnswer } from '../../src/answers/varde.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { context } from '../helpers/bundled.js';
import { FREDA_2021, surveyFixture } from '../helpers/survey-fixture.js';

let bundle: AnswerContext;
let fixture: AnswerContext;
beforeAll(async () => {
	bundle = await context();
	fixture = await surveyFixture();
});

function ok(answer: Answer): OkAnswer {
	if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message}`);
	return answer;
}

describe('/värde', () => {
	it('GIVEN Nyköping and kostnad per invånare THEN value, year, change, rank, län and kommungrupp are shown', () => {
		const a = ok(valueAnswer(bundle, { area: 'Nyköping', indicator: 'kostnad per invånare', year: 2020 }));
		expect(a.resolved).toMatchObject({ kommun: '0480', indikator: 'U31001', år: 2020 });
		expect(a.data.value).toBe(1409);
		expect(a.data.previous).toEqual({ year: 2019, value: 1239 });
		const refs = a.data.references as { key: string; basis: string }[];
		expect(refs.map((r) => r.key)).toEqual(expect.arrayContaining(['kommungrupp', 'lan', 'riket']));
		expect(refs.find((r) => r.key === 'kommungrupp')?.basis).toBe('own');
		expect(a.sources).toContain('Medelvärden, placeringar och färger: ÖJ-botens egen beräkning');
		expect(a.fields.map((f) => f.value).join('\n')).toContain('1\u00a0409\u00a0kr/inv');
	});

	it('GIVEN a count THEN no national total as reference, only means of kommuner where they exist', () => {
		const a = ok(valueAnswer(bundle, { area: 'Gotland', indicator: 'N31910', year: 2024 }));
		expect((a.data.references as { key: string }[]).map((r) => r.key)).not.toContain('riket');
		if (a.chart?.kind !== 'bar') throw new Error('bar chart expected');
		expect(a.chart.referenceLines).toBeUndefined();
		const full = ok(valueAnswer(fixture, { area: 'Malmö', indicator: 'N31814', year: 2022 }));
		expect((full.data.references as { key: string }[]).map((r) => r.key)).toContain('riket');
	});

	it('GIVEN no year THEN the latest year with data is used and said', () => {
		const a = ok(valueAnswer(bundle, { area: 'Gotland', indicator: 'N31910' }));
		expect(a.resolved.år).toBe(2024);
		expect(a.notes.join(' ')).toContain('Senaste året med data för Gotland: 2024');
	});

	it('GIVEN a year without data THEN a friendly no_data error offers the nearest year', () => {
		const a = valueAnswer(bundle, { area: 'Uppsala', indicator: 'N31910', year: 2023 });
		expect(a).toMatchObject({ ok: false, error: { code: 'no_data', nearestYear: 2017 } });
	});

	it('GIVEN a waiting time (lower is better) in a full cross-section THEN rank and a colour band by thirds', () => {
		const first = ok(valueAnswer(fixture, { area: '0114', indicator: 'U31402', year: 2023 }));
		expect(first.band).toBe('green');
		expect(first.data.rank).toMatchObject({ place: 1, of: 290 });
		const last = ok(valueAnswer(fixture, { area: '2584', indicator: 'U31402', year: 2023 }));
		expect(last.band).toBe('red');
	});

	it('GIVEN a kommun answer to a yes/no question THEN "Ja", not 1, and Riket as a share', () => {
		const a = ok(valueAnswer(fixture, { area: 'Malmö', indicator: 'FREDA', year: 2021 }));
		expect(a.fields[0]?.value).toBe('Ja');
		expect(a.band).toBe('green');
		expect(a.chart?.kind).toBe('categorical');
	});

	it('GIVEN kön for an indicator not split by gender THEN it says so instead of guessing', () => {
		expect(valueAnswer(bundle, { area: 'Uppsala', indicator: 'N31910', gender: 'K' })).toMatchObject({
			ok: false,
			error: { code: 'invalid_option' },
		});
	});

	it.each(['-1', '0', '1e9', '2020abc', 'nästa år'])(
		'GIVEN the year %j THEN a friendly invalid_option error',
		(year) => {
			expect(valueAnswer(bundle, { area: 'Uppsala', indicator: 'N31910', year })).toMatchObject({
				ok: false,
				error: { code: 'invalid_option' },
			});
		},
	);
});

describe('/jämför', () => {
	it('GIVEN numbers THEN a bar chart sorted by value with a Riket line', () => {
		const a = ok(compareAnswer(bundle, { indicator: 'U31001', areas: 'Trosa, Vingåker, Nyköping', year: 2020 }));
		expect(a.chart).toMatchObject({ kind: 'bar', referenceLines: [{ label: 'Riket', value: 1155 }] });
		if (a.chart?.kind !== 'bar') throw new Error('bar chart expected');
		expect(a.chart.bars.map((b) => b.label)).toEqual(['Vingåker', 'Nyköping', 'Trosa']);
	});

	it('GIVEN yes/no answers THEN a Ja/Nej table and a category chart, never bars of 0 and 1', () => {
		const a = ok(compareAnswer(fixture, { indicator: 'FREDA', areas: 'Malmö, Göteborg, Håbo, Habo', year: 2021 }));
		expect(a.chart?.kind).toBe('categorical');
		expect(a.table?.rows).toEqual([
			['Malmö', 'Ja'],
			['Göteborg', 'Nej'],
			['Håbo', 'Nej'],
			['Habo', 'Ja'],
		]);
		expect(Object.keys(FREDA_2021)).toContain('0305');
	});

	it('GIVEN liknande:<kommun> THEN the kommun and its 7 peers', () => {
		const a = ok(compareAnswer(fixture, { indicator: 'N31814', areas: 'liknande:Malmö', year: 2022 }));
		expect((a.resolved.kommuner as string[]).length).toBe(8);
		expect((a.resolved.kommuner as string[])[0]).toBe('1280');
	});

	it('GIVEN kommungrupp:A1 THEN the three storstäder', () => {
		const a = ok(compareAnswer(fixture, { indicator: 'N31814', areas: 'kommungrupp:A1', year: 2022 }));
		expect([...(a.resolved.kommuner as string[])].sort()).toEqual(['0180', '1280', '1480']);
	});

	it('GIVEN län:Skåne THEN 33 kommuner is too many and the answer says what to do instead', () => {
		const a = compareAnswer(fixture, { indicator: 'N31814', areas: 'län:Skåne' });
		expect(a).toMatchObject({ ok: false, error: { code: 'too_many' } });
		if (!a.ok) expect(a.error.message).toContain('/topplista');
	});

	it('GIVEN one ambiguous name in the list THEN candidates for that name', () => {
		expect(compareAnswer(fixture, { indicator: 'N31814', areas: 'Malmö, Upplands' })).toMatchObject({
			ok: false,
			error: { code: 'ambiguous' },
		});
	});

	it('GIVEN csv:true THEN a semicolon CSV with decimal commas and a BOM', () => {
		const a = ok(compareAnswer(fixture, { indicator: 'N31814', areas: 'Malmö, Lund', year: 2022, csv: true }));
		expect(a.csv?.content.startsWith('\uFEFFkod;namn;år;värde')).toBe(true);
		expect(a.csv?.content).toMatch(/1280;Malmö;2022;\d+,\d/);
	});
});

describe('/trend', () => {
	it('GIVEN a series with missing years THEN the line has gaps (null), not zeros', () => {
		const a = ok(trendAnswer(bundle, { area: 'Stockholm', indicator: 'N31807' }));
		if (a.chart?.kind !== 'line') throw new Error('line chart expected');
		const stockholm = a.chart.series.find((s) => s.role === 'focus');
		const years = a.chart.years;
		expect(stockholm?.values[years.indexOf(1996)]).toBeNull();
		expect(stockholm?.values[years.indexOf(1995)]).toBe(9.5);
		expect(stockholm?.values.includes(0)).toBe(false);
	});

	it('GIVEN jämför_med THEN Riket is the reference and others are extra lines', () => {
		const a = ok(trendAnswer(bundle, { area: 'Gotland', indicator: 'U31001', compareWith: 'Kiruna' }));
		if (a.chart?.kind !== 'line') throw new Error('line chart expected');
		expect(a.chart.series.map((s) => [s.label, s.role])).toEqual([
			['Gotland', 'focus'],
			['Riket', 'reference'],
			['Kiruna', 'other'],
		]);
	});

	it('GIVEN a count (households) THEN Riket’s total is not drawn beside one kommun, and the answer says why', () => {
		const a = ok(trendAnswer(bundle, { area: 'Gotland', indicator: 'N31910' }));
		if (a.chart?.kind !== 'line') throw new Error('line chart expected');
		expect(a.chart.series.map((s) => s.label)).toEqual(['Gotland']);
		expect(a.notes.join(' ')).toContain('Riket visas inte');
	});

	it('GIVEN från after till THEN a clear error', () => {
		expect(trendAnswer(bundle, { area: 'Gotland', indicator: 'N31910', from: 2020, to: 2010 })).toMatchObject({
			ok: false,
			error: { code: 'invalid_option' },
		});
	});
});

describe('/topplista', () => {
	it('GIVEN ties at the cut THEN the tied kommuner are all listed and marked', () => {
		const a = ok(topListAnswer(fixture, { indicator: 'N31814', year: 2022, count: 2, order: 'högst' }));
		const rows = a.data.rows as { place: number; tied: boolean }[];
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.place === 1 && r.tied)).toBe(true);
		expect(a.table?.rows[0]?.[0]).toBe('1=');
	});

	it('GIVEN lower is better THEN bäst lists the shortest waits first', () => {
		const a = ok(topListAnswer(fixture, { indicator: 'U31402', year: 2023, count: 3 }));
		expect((a.data.rows as { value: number }[]).map((r) => r.value)).toEqual([0, 0.1, 0.2]);
	});

	it('GIVEN a yes/no question THEN no ranking, a pointer to /grupper instead', () => {
		expect(topListAnswer(fixture, { indicator: 'FREDA' })).toMatchObject({
			ok: false,
			error: { code: 'invalid_option' },
		});
	});

	it('GIVEN bäst for an indicator without direction THEN it asks for högst/lägst', () => {
		expect(topListAnswer(fixture, { indicator: 'N31814', order: 'bäst' })).toMatchObject({
			ok: false,
			error: { code: 'invalid_option' },
		});
	});

	it('GIVEN a län THEN only its kommuner', () => {
		const a = ok(topListAnswer(bundle, { indicator: 'N31910', year: 2017, lan: 'Uppsala', count: 30 }));
		expect((a.data.rows as unknown[]).length).toBe(8);
	});
});

describe('/grupper reproduces the 2020 fact sheet', () => {
	const tables = JSON.parse(readFileSync(path.resolve('data/sources/oj-2020-tables.json'), 'utf8')) as {
		tabell2_storleksklass_2020: { rows: { group: string; values: number[] }[] };
		tabell3_skr_kommungrupp_2020: { rows: { group: string; values: number[] }[] };
	};

	it.each([
		['U37535', 0],
		['U31509', 1],
		['U31497', 2],
	] as const)(
		'GIVEN Tabell 3 column %s THEN every kommungrupp and Riket figure is shown exactly as published',
		(id, column) => {
			const a = ok(groupsAnswer(bundle, { indicator: id, year: 2020, division: 'kommungrupp' }));
			const expected = tables.tabell3_skr_kommungrupp_2020.rows.map((r) => [
				r.group,
				`${r.values[column] ?? ''}\u00a0%`,
			]);
			expect(a.table?.rows).toEqual(expected);
		},
	);

	it.each([
		['U31489', 0],
		['U31490', 1],
		['OJEB-INDMOTEN', 2],
	] as const)(
		'GIVEN Tabell 2 column %s THEN every size class and Riket is shown exactly as published',
		(id, column) => {
			const a = ok(groupsAnswer(bundle, { indicator: id, year: 2020, division: 'storlek' }));
			const expected = tables.tabell2_storleksklass_2020.rows.map((r) => [
				r.group === 'Riket' ? 'Riket' : `${r.group} invånare`,
				`${r.values[column] ?? ''}\u00a0%`,
			]);
			expect(a.table?.rows).toEqual(expected);
			expect(a.notes.join(' ')).toContain('visade exakt som publicerade');
		},
	);

	it('GIVEN Tabell 1 (riket only) THEN the Riket figure for each year', () => {
		for (const [year, value] of [
			[2018, 79],
			[2019, 74],
			[2020, 74],
		] as const) {
			const a = ok(groupsAnswer(bundle, { indicator: 'U31484', year }));
			expect((a.data.riket as { value: number }).value).toBe(value);
		}
	});

	it('GIVEN kommun answers in the fixture THEN own shares of Ja with n per group', () => {
		const a = ok(groupsAnswer(fixture, { indicator: 'FREDA', year: 2021 }));
		const a1 = (a.data.own as { id: string; n: number; share: number }[]).find((g) => g.id === 'KG2023-A1');
		expect(a1).toMatchObject({ n: 3, share: (2 / 3) * 100 });
		expect(a.chart).toMatchObject({ kind: 'categorical', variant: 'shares' });
	});

	it('GIVEN numbers THEN unweighted mean and median per group', () => {
		const a = ok(groupsAnswer(fixture, { indicator: 'N31814', year: 2020, division: 'län' }));
		const gotland = (a.data.own as { id: string; n: number; mean: number; median: number }[]).find(
			(g) => g.id === 'LAN-0009',
		);
		expect(gotland?.n).toBe(1);
		expect(gotland?.mean).toBe(gotland?.median);
	});
});

describe('/profil', () => {
	it('GIVEN a kommun THEN numbers as difference from Riket and counts left out of the comparison', () => {
		const a = ok(profileAnswer(bundle, { area: 'Nyköping' }));
		const entries = a.data.entries as { indicator: string; diff: number | null }[];
		expect(entries.find((e) => e.indicator === 'N31910')?.diff).toBeNull();
		expect(entries.find((e) => e.indicator === 'U31001')?.diff).toBeCloseTo(((1409 - 1155) / 1155) * 100, 5);
		expect(a.chart?.kind).toBe('profile');
	});

	it('GIVEN survey answers THEN they appear as ticks judged by the desired answer', () => {
		const a = ok(profileAnswer(fixture, { area: 'Göteborg', year: 2021 }));
		expect(a.table?.rows.find((r) => r[0] === 'FREDA-kortfrågor')).toEqual([
			'FREDA-kortfrågor',
			'2021',
			'Nej',
			'',
			'',
			'✗',
		]);
	});

	it('GIVEN Riket THEN it explains that a profile is for a kommun', () => {
		expect(profileAnswer(bundle, { area: 'Riket' })).toMatchObject({ ok: false, error: { code: 'invalid_option' } });
	});
});
