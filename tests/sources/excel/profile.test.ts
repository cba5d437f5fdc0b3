import { describe, expect, it } from 'vitest';

import { formatProfile, profileWorkbook } from '../../../src/sources/excel/profile.js';
import { readWorkbook } from '../../../src/sources/excel/workbook.js';
import { mappedLayout, twoRowLayout, workbookBuffer } from '../../fixtures/oj-workbooks.js';

describe('--profile', () => {
	it('GIVEN the two-row layout THEN sheets, range, merges, header rows and tokens per column are listed', async () => {
		const grids = await readWorkbook(await workbookBuffer(twoRowLayout()), 'resultat.xlsx');
		const profile = profileWorkbook(grids, 'resultat.xlsx');
		const sheet = profile.sheets[0];
		expect(sheet?.range).toBe('A1:H45');
		expect(sheet?.merges).toEqual(expect.arrayContaining(['A1:H1', 'C4:D4', 'A4:A5']));
		expect(sheet?.header).toEqual({ rows: [4, 5], dataStartRow: 6, areaColumns: { code: 'A', name: 'B' } });
		expect(sheet?.headerCandidates[0]?.row).toBe(4);
		const c = sheet?.columns.find((col) => col.letter === 'C');
		expect(c).toMatchObject({ header: 'FREDA-kortfrågor – Ja/Nej', role: 'answer' });
		expect(c?.tokens).toEqual([
			{ token: 'Ja', count: 17 },
			{ token: 'Nej', count: 17 },
		]);
		expect(sheet?.columns.find((col) => col.letter === 'D')?.numbers.percentFormatted).toBe(4);

		const text = formatProfile(profile);
		expect(text).toContain('Blad ”Kommuner, län och riket”: område A1:H45');
		expect(text).toContain('Sammanfogade celler (6)');
		expect(text).toContain('rad 4: A=code ”Kod”, B=name ”Kommun/län”');
		expect(text).toContain('Tolkad rubrik: rad 4–5, data från rad 6');
		expect(text).toContain('C ”FREDA-kortfrågor – Ja/Nej” [answer]');
		expect(text).toContain('”Ja” 17, ”Nej” 17');
	});

	it('GIVEN a sheet without recognisable headers THEN the profile says so and still lists the values as written', async () => {
		const grids = await readWorkbook(await workbookBuffer(mappedLayout()), 'blad.xlsx');
		const text = formatProfile(profileWorkbook(grids, 'blad.xlsx'));
		expect(text).toContain('Profil av blad.xlsx: 2 blad');
		expect(text).toContain('Rubrikrader: ingen rad med kommun/kod hittades');
		expect(text).toContain('”0180” 1');
		expect(text).toContain('3: A3: Löpnr | B3: Svarande enhet | C3: Fråga 12a | D3: Fråga 13 | E3: Anteckning');
	});
});
