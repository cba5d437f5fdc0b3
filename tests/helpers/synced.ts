/**
 * A synced dataset for tests: the bundled dataset after a full sync against the loopback Kolada
 * fake (three years of generated values for every kommun), built in memory once per test file.
 */
import type { AnswerContext } from '../../src/answers/context.js';
import { readDataset } from '../../src/dataset/store.js';
import { indexSnapshot, type Snapshot } from '../../src/runtime.js';
import { syncFromKolada } from '../../src/sources/kolada/sync.js';
import { KoladaFake } from '../fakes/kolada-server.js';
import { fastClient, TODAY as SYNC_DAY } from '../sources/kolada/sync-helpers.js';
import { TODAY } from './bundled.js';

let snapshot: Promise<Snapshot> | undefined;

async function build(): Promise<Snapshot> {
	const fake = await KoladaFake.start({ years: [2020, 2023, 2024] });
	try {
		const { dataset } = await syncFromKolada({
			base: await readDataset('data/db.json'),
			clientOptions: fastClient(fake.baseUrl),
			options: { full: true },
			today: SYNC_DAY,
		});
		return indexSnapshot(dataset, { file: '(synkat i minnet)', origin: 'configured' });
	} finally {
		await fake.close();
	}
}

/** The synced dataset with its search index. */
export function synced(): Promise<Snapshot> {
	snapshot ??= build();
	return snapshot;
}

/** An answer context over the synced dataset. */
export async function syncedContext(): Promise<AnswerContext> {
	const { dataset, search } = await synced();
	return { dataset, search, locale: 'sv', today: TODAY };
}
