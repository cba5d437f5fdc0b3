/** Shared test helpers for answers: unwrapping an ok answer, and a context over extra values. */
import type { AnswerContext } from '../../src/answers/context.js';
import type { Answer, OkAnswer } from '../../src/answers/types.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { readDataset } from '../../src/dataset/store.js';
import { Search } from '../../src/search/search.js';
import { mergeIntoDataset, type IncomingPoint } from '../../src/sources/merge.js';
import { TODAY } from './bundled.js';

/** The answer when it is ok; otherwise throws with the error code and message. */
export function ok(answer: Answer): OkAnswer {
	if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message}`);
	return answer;
}

/** An answer context over the bundled dataset plus `points` (test data, never written to disk). */
export async function contextWith(points: readonly IncomingPoint[]): Promise<AnswerContext> {
	const base = await readDataset('data/db.json');
	const { dataset } = mergeIntoDataset(base, {
		provenance: [{ kind: 'other', title: 'Testdata', attribution: 'Källa: testdata' }],
		points: [...points],
		record: { kind: 'csv', at: '2026-11-26' },
	});
	const ds = new Dataset(dataset);
	return { dataset: ds, search: new Search(ds), locale: 'sv', today: TODAY };
}
