/** `/om` states the loaded dataset's origin and coverage, and never tells chat users to run scripts. */
import { describe, expect, it } from 'vitest';

import { aboutAnswer } from '../../src/answers/om.js';
import { context } from '../helpers/bundled.js';
import { syncedContext } from '../helpers/synced.js';

describe('/om', () => {
	it('GIVEN the bundled dataset THEN the Dataset and Täckning fields say so, without maintainer instructions', async () => {
		const answer = aboutAnswer(await context());
		if (!answer.ok) throw new Error(answer.error.message);
		const field = (name: string): string => answer.fields.find((f) => f.name === name)?.value ?? '';
		expect(field('Dataset')).toBe('Medföljande dataset (uppgifter till och med 2026-03-23)');
		expect(field('Täckning')).toMatch(/^\d+ av 290 kommuner har värden, för \d+ av \d+ indikatorer\./);
		expect(JSON.stringify(answer.fields)).not.toMatch(/npm|DATA_PATH|data\/local/);
		expect(field('Senast uppdaterat')).toBe('• 2026-03-23 medföljande dataset');
	});

	it('GIVEN a synced dataset THEN it is named with its sync date', async () => {
		const answer = aboutAnswer(await syncedContext());
		if (!answer.ok) throw new Error(answer.error.message);
		expect(answer.fields.find((f) => f.name === 'Dataset')?.value).toMatch(/^Synkat från Kolada \d{4}-\d{2}-\d{2}$/);
		expect(answer.fields.find((f) => f.name === 'Senast uppdaterat')?.value).toMatch(
			/^• \d{4}-\d{2}-\d{2} synk från Kolada$/m,
		);
	}, 120_000);
});
