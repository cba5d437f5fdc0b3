import { beforeAll, describe, expect, it } from 'vitest';
import { botResolver, score, verdict, type Score } from '../../scripts/bench/labelled.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import type { Search } from '../../src/search/search.js';
import { bundled } from '../helpers/bundled.js';
import { LABELLED_QUERIES } from './queries.js';

let dataset: Dataset;
let search: Search;
beforeAll(async () => {
	({ dataset, search } = await bundled());
});

describe('the labelled query set', () => {
	it('GIVEN the set THEN it has at least 400 queries of every kind, each labelled with a known id, ask or none', () => {
		expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(400);
		for (const kind of ['indicator', 'place', 'lan']) expect(LABELLED_QUERIES.some((q) => q.kind === kind)).toBe(true);
		for (const q of LABELLED_QUERIES) {
			if (q.expect === 'ask' || q.expect === 'none') continue;
			const known = q.kind === 'indicator' ? dataset.indicator(q.expect) : dataset.area(q.expect);
			expect(known, `${q.q} → ${q.expect}`).toBeDefined();
		}
	});

	it('GIVEN every kommun of the catalogue THEN each is asked for at least once', () => {
		const asked = new Set(LABELLED_QUERIES.filter((q) => q.kind === 'place').map((q) => q.expect));
		const missing = dataset
			.areasOfType('kommun')
			.filter((k) => !asked.has(k.id))
			.map((k) => k.name);
		expect(missing).toEqual([]);
	});
});

describe('scoring', () => {
	it.each([
		['U31001', { status: 'found', id: 'U31001' }, 'right'],
		['U31001', { status: 'found', id: 'N31001' }, 'silent_wrong'],
		['U31001', { status: 'ask' }, 'needless_ask'],
		['U31001', { status: 'none' }, 'miss'],
		['ask', { status: 'ask' }, 'right'],
		['ask', { status: 'found', id: 'U31001' }, 'silent_wrong'],
		['none', { status: 'none' }, 'right'],
		['none', { status: 'found', id: 'U31001' }, 'silent_wrong'],
	] as const)('GIVEN label %s and outcome %j THEN the verdict is %s', (expect_, outcome, v) => {
		expect(verdict(expect_, outcome)).toBe(v);
	});
});

describe('the bot on the labelled set', () => {
	let bot: Score;
	beforeAll(() => {
		bot = score(LABELLED_QUERIES, botResolver(search));
	});

	it('GIVEN every labelled query THEN ≥ 97 % right, ≤ 2 % needless ask-backs and ≤ 0.5 % silent wrong picks', () => {
		const s = bot;
		const report = s.failures.map(
			(f) => `${f.verdict}: ${f.query.kind} ${JSON.stringify(f.query.q)} → ${JSON.stringify(f.outcome)}`,
		);
		expect(s.right, report.join('\n')).toBeGreaterThanOrEqual(0.97);
		expect(s.needlessAsk, report.join('\n')).toBeLessThanOrEqual(0.02);
		expect(s.silentWrong, report.join('\n')).toBeLessThanOrEqual(0.005);
	});
});
