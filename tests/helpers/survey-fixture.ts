/**
 * A test-only dataset: the bundle plus synthetic survey answers and register values for a handful of
 * kommuner, so answers can be tested on shapes the bundle lacks (kommun-level Ja/Nej answers, a full
 * cross-section). Never written to disk, never shipped.
 */
import type { AnswerContext } from '../../src/answers/context.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { readDataset } from '../../src/dataset/store.js';
import { Search } from '../../src/search/search.js';
import { mergeIntoDataset, type IncomingPoint } from '../../src/sources/merge.js';
import { TODAY } from './bundled.js';

let cached: Promise<AnswerContext> | undefined;

/** Kommuner given FREDA (U31509) answers for 2021 in the fixture: code 1 = Ja, 0 = Nej. */
export const FREDA_2021: Readonly<Record<string, number>> = {
	'1280': 1, // Malmö
	'1480': 0, // Göteborg
	'0180': 1, // Stockholm
	'1281': 1, // Lund
	'0305': 0, // Håbo
	'0643': 1, // Habo
};

/** An answer context over the bundle plus the synthetic values. */
export function surveyFixture(): Promise<AnswerContext> {
	cached ??= (async () => {
		const base = await readDataset('data/db.json');
		const points: IncomingPoint[] = Object.entries(FREDA_2021).map(([area, value]) => ({
			indicator: 'U31509',
			area,
			gender: 'T',
			measure: 'answer',
			year: 2021,
			value,
			prov: 0,
		}));
		// A full cross-section of a register share for every kommun: 1.0 + index/100, with ties at the top.
		base.areas
			.filter((a) => a.type === 'kommun')
			.forEach((a, i) => {
				points.push({
					indicator: 'N31814',
					area: a.id,
					gender: 'T',
					measure: 'value',
					year: 2022,
					value: i < 3 ? 50 : 10 + i / 10,
					prov: 0,
				});
				points.push({
					indicator: 'N31814',
					area: a.id,
					gender: 'T',
					measure: 'value',
					year: 2020,
					value: 5 + i / 10,
					prov: 0,
				});
				// Waiting time in days (lower is better): kommun i waits i/10 days.
				points.push({
					indicator: 'U31402',
					area: a.id,
					gender: 'T',
					measure: 'value',
					year: 2023,
					value: i / 10,
					prov: 0,
				});
			});
		const { dataset } = mergeIntoDataset(base, {
			provenance: [{ kind: 'other', title: 'Testdata', attribution: 'Källa: testdata' }],
			points,
			record: { kind: 'csv', at: '2026-11-26' },
		});
		const ds = new Dataset(dataset);
		return { dataset: ds, search: new Search(ds), locale: 'sv', today: TODAY };
	})();
	return cached;
}
