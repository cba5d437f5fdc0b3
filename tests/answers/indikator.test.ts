import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { computeIndicator } from '../../src/answers/indikator.js';
import type { Indicator } from '../../src/dataset/schema.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

function indicator(id: string): Indicator {
	const found = ctx.dataset.indicator(id);
	if (!found) throw new Error(`${id} missing`);
	return found;
}

describe('computeIndicator', () => {
	// data/db.json, N31910 (biståndshushåll, antal): values 2007–2022 and 2024 (none 2023); Riket 2024
	// 145456; Riket's last three years from Socialstyrelsen via Regionfakta; Kolada publishes 2026-06-10.
	it('GIVEN biståndshushåll THEN its years, Riket’s figure in the latest year and the sources of Riket’s last three', () => {
		const r = computeIndicator(ctx.dataset, indicator('N31910'), new Date('2026-11-26T12:00:00Z'));
		expect(r.years).toEqual([
			2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024,
		]);
		expect(r.riket).toEqual({ year: 2024, value: 145456 });
		expect(r.attributions).toEqual(['Källa: Socialstyrelsen via Regionfakta']);
		expect(r.facts).toEqual([]);
	});

	it('GIVEN Kolada’s next release on 2026-06-10 THEN it is ahead up to and on that day, not after', () => {
		const n31910 = indicator('N31910');
		expect(computeIndicator(ctx.dataset, n31910, new Date('2026-03-01T12:00:00Z')).releaseAhead).toBe(true);
		expect(computeIndicator(ctx.dataset, n31910, new Date('2026-06-10T12:00:00Z')).releaseAhead).toBe(true);
		expect(computeIndicator(ctx.dataset, n31910, new Date('2026-06-11T12:00:00Z')).releaseAhead).toBe(false);
	});

	// OJEB-INDMOTEN: Riket's share answering "Helt" 2020 11, 2022 17, 2023 21; not in Kolada.
	it('GIVEN a survey indicator outside Kolada THEN Riket’s latest share and no release ahead', () => {
		const r = computeIndicator(ctx.dataset, indicator('OJEB-INDMOTEN'), new Date('2026-03-01T12:00:00Z'));
		expect(r.years).toEqual([2020, 2022, 2023]);
		expect(r.riket).toEqual({ year: 2023, value: 21 });
		expect(r.releaseAhead).toBe(false);
	});

	// One national fact, from 2019, names U31491.
	it('GIVEN an indicator named by a national fact THEN the fact comes with it', () => {
		const r = computeIndicator(ctx.dataset, indicator('U31491'), new Date('2026-11-26T12:00:00Z'));
		expect(r.facts.map((f) => f.year)).toEqual([2019]);
	});
});
