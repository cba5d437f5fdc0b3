/** Shared test setup: the bundled dataset loaded once per test file, and answer contexts over it. */
import type { AnswerContext } from '../../src/answers/context.js';
import type { Locale } from '../../src/answers/types.js';
import { loadSnapshot, type Snapshot } from '../../src/runtime.js';

let snapshot: Promise<Snapshot> | undefined;

/** The bundled dataset (data/db.json) with its search index. */
export function bundled(): Promise<Snapshot> {
	snapshot ??= loadSnapshot('data/db.json');
	return snapshot;
}

/** A fixed "today" so answers are reproducible. */
export const TODAY = new Date('2026-11-26T12:00:00Z');

/** An answer context over the bundled dataset. */
export async function context(locale: Locale = 'sv'): Promise<AnswerContext> {
	const { dataset, search } = await bundled();
	return { dataset, search, locale, today: TODAY };
}
