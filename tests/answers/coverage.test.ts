import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { defaultYear } from '../../src/answers/coverage.js';
import { groupsAnswer } from '../../src/answers/grupper.js';
import { topListAnswer } from '../../src/answers/topplista.js';
import { valueAnswer } from '../../src/answers/varde.js';
import { contextWith, ok } from '../helpers/answers.js';
import { context } from '../helpers/bundled.js';

let bundle: AnswerContext;
/** The bundle plus kostnad per invånare 2039 for 200 kommuner, Nyköping not among them. */
let broad: AnswerContext;
beforeAll(async () => {
	bundle = await context();
	const kommuner = bundle.dataset.areasOfType('kommun').filter((a) => a.id !== '0480');
	broad = await contextWith(
		kommuner.slice(0, 200).map((a, i) => ({
			indicator: 'U31001',
			area: a.id,
			gender: 'T' as const,
			measure: 'value' as const,
			year: 2039,
			value: 1000 + i,
			prov: 0,
		})),
	);
});

describe('the default year', () => {
	it('GIVEN kostnad per invånare where 2024 has only Gotland THEN /topplista takes the best-covered year and says its coverage', () => {
		const a = ok(topListAnswer(bundle, { indicator: 'kostnad per invånare' }));
		// 2024 has Gotland alone; no year reaches half of the kommuner, so the year with the most wins.
		expect(a.resolved.år).toBe(2017);
		expect(a.table?.rows).toHaveLength(10);
		expect(a.notes.join(' ')).toContain('41 av 290 kommuner har värden 2017.');
	});

	it('GIVEN a year with values for at least half of the kommuner THEN that year is the default', () => {
		const indicator = broad.dataset.indicator('U31001');
		if (!indicator) throw new Error('U31001 missing');
		expect(defaultYear(broad.dataset, indicator, 'T')).toBe(2039);
		expect(ok(topListAnswer(broad, { indicator: 'U31001' })).resolved.år).toBe(2039);
		const g = ok(groupsAnswer(broad, { indicator: 'U31001' }));
		expect(g.resolved.år).toBe(2039);
		expect(g.notes).toContain('200 av 290 kommuner har värden 2039.');
	});

	it('GIVEN /värde without år THEN the area’s latest year, with a note when that is older than the broad year', () => {
		const a = ok(valueAnswer(broad, { area: 'Nyköping', indicator: 'U31001' }));
		expect(a.resolved.år).toBe(2020);
		expect(a.notes.join(' ')).toContain('Det är äldre än 2039');
	});

	it('GIVEN /värde for Gotland’s lone 2024 value THEN the year is 2024 and the answer says 1 av 290', () => {
		const a = ok(valueAnswer(bundle, { area: 'Gotland', indicator: 'U31001' }));
		expect(a.resolved.år).toBe(2024);
		expect(a.notes).toContain('1 av 290 kommuner har värden 2024.');
	});
});
