/** The shell's first lines: which dataset is loaded, what it covers, and how a maintainer fills it. */
import { describe, expect, it } from 'vitest';

import { shellBanner } from '../../src/shell/repl.js';
import { bundled } from '../helpers/bundled.js';
import { synced } from '../helpers/synced.js';

describe('shell banner', () => {
	it('GIVEN the bundled dataset THEN it says so, states its thin coverage and how to fill it', async () => {
		const snapshot = { ...(await bundled()), location: { file: 'data/db.json', origin: 'bundled' as const } };
		const lines = shellBanner(snapshot).split('\n');
		expect(lines[1]).toBe('Dataset: Medföljande dataset (uppgifter till och med 2026-03-23) – data/db.json');
		expect(lines[2]).toMatch(
			/^Täckning: \d+ av 290 kommuner har värden, för \d+ av \d+ indikatorer\. Inget år har värden för fler än \d+ kommuner/,
		);
		expect(lines[3]).toBe(
			'Fyll datasetet från Kolada: npm run sync (sparas i data/local/, läses automatiskt i stället för det medföljande).',
		);
	});

	it('GIVEN a synced dataset THEN it names the sync date, full coverage and how to refresh it', async () => {
		const snapshot = { ...(await synced()), location: { file: 'data/local/db.json', origin: 'synced' as const } };
		const lines = shellBanner(snapshot).split('\n');
		expect(lines[1]).toMatch(/^Dataset: Synkat från Kolada \d{4}-\d{2}-\d{2} – data\/local\/db\.json$/);
		expect(lines[2]).toMatch(/^Täckning: 290 av 290 kommuner har värden/);
		expect(lines[3]).toBe('Uppdatera från Kolada: npm run sync.');
	}, 120_000);
});
