import { describe, expect, it } from 'vitest';
import { decodeChoiceId } from '../../src/discord/components.js';
import { decodeFollowUpId, encodeFollowUpId, followUpComponents } from '../../src/discord/followups.js';

describe('follow-up custom_ids', () => {
	it('GIVEN a command with resolved ids THEN the id is short, versioned and reads back to the same values', () => {
		const values = { kommun: '0480', indikator: 'N31814', år: 2023, csv: true, kön: 'K' };
		const id = encodeFollowUpId('värde', values);
		expect(id).toBe('f1:v:k=0480;i=N31814;y=2023;c=1;g=K');
		expect(decodeFollowUpId(id ?? '')).toEqual({ kind: 'run', command: 'värde', values });
		expect(decodeChoiceId(id ?? '')).toBeUndefined();
	});

	it('GIVEN a map with a marked kommun THEN its id reads back to /karta with markera', () => {
		const values = { indikator: 'U31001', år: 2020, markera: '0480' };
		const id = encodeFollowUpId('karta', values);
		expect(id).toBe('f1:M:i=U31001;y=2020;h=0480');
		expect(decodeFollowUpId(id ?? '')).toEqual({ kind: 'run', command: 'karta', values });
	});

	it('GIVEN ten kommuner THEN the id still fits in 100 characters', () => {
		const kommuner = ['0180', '1480', '1280', '0380', '0580', '1880', '0680', '2480', '1283', '0480'].join(',');
		const id = encodeFollowUpId('jämför', { indikator: 'OJEB-JURIDISKTSTOD', kommuner, år: 2024, csv: true });
		expect(id?.length).toBeLessThanOrEqual(100);
		expect(decodeFollowUpId(id ?? '')).toMatchObject({ kind: 'run', values: { kommuner } });
	});

	it('GIVEN values that cannot be carried (too long, separators, unknown option) THEN no id', () => {
		expect(encodeFollowUpId('jämför', { indikator: 'N1', kommuner: 'x'.repeat(95) })).toBeUndefined();
		expect(encodeFollowUpId('värde', { kommun: 'a;i=N2' })).toBeUndefined();
		expect(encodeFollowUpId('värde', { okänd: 'x' })).toBeUndefined();
		expect(encodeFollowUpId('hjälp', {})).toBeUndefined();
	});

	it('GIVEN an id of another version THEN outdated; GIVEN forged ones THEN invalid; GIVEN foreign ones THEN not ours', () => {
		expect(decodeFollowUpId('f0:v:k=0480;i=N31814')).toEqual({ kind: 'outdated', version: 0 });
		expect(decodeFollowUpId('f2:v:k=0480')).toEqual({ kind: 'outdated', version: 2 });
		for (const forged of [
			'f1:x:k=0480',
			'f1:v:k=0480;k=0481',
			'f1:v:z=1',
			'f1:v:y=tjugo',
			'f1:v:c=ja',
			'f1:v:k=<@123>',
			'f1:v',
			'f1:v:k',
		]) {
			expect(decodeFollowUpId(forged), forged).toEqual({ kind: 'invalid' });
		}
		expect(decodeFollowUpId('dym:3f9a1c0b:kommun:0114')).toBeUndefined();
		expect(decodeFollowUpId('något-annat')).toBeUndefined();
	});

	it('GIVEN follow-ups of a private answer THEN the buttons answer privately too', () => {
		const rows = followUpComponents(
			[{ label: 'Trend', command: 'trend', values: { kommun: '0480', indikator: 'N31814' }, line: '' }],
			{ privat: true },
		);
		expect(rows).toEqual([
			{ type: 1, components: [{ type: 2, style: 2, label: 'Trend', custom_id: 'f1:t:k=0480;i=N31814;P=1' }] },
		]);
		expect(followUpComponents([], { privat: false })).toEqual([]);
	});
});
