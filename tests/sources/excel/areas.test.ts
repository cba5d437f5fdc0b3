import { describe, expect, it } from 'vitest';

import { Dataset } from '../../../src/dataset/dataset.js';
import { Search } from '../../../src/search/search.js';
import { AreaResolver, codeToId, stripFootnotes } from '../../../src/sources/excel/areas.js';
import { bundledDataset } from '../../fixtures/dataset-copy.js';

function resolver(areaNames = {}): AreaResolver {
	const dataset = new Dataset(bundledDataset());
	return new AreaResolver(dataset, new Search(dataset), { areaNames });
}

function idOf(match: ReturnType<AreaResolver['byName']>): string {
	return match.kind === 'area' ? match.area.id : match.kind;
}

describe('codes', () => {
	it('GIVEN codes as Excel stores them THEN they become Kolada ids', () => {
		expect(codeToId('180')).toBe('0180');
		expect(codeToId('0180')).toBe('0180');
		expect(codeToId('1')).toBe('0001');
		expect(codeToId('01')).toBe('0001');
		expect(codeToId('0')).toBe('0000');
		expect(codeToId('00')).toBe('0000');
		expect(codeToId('Stockholm')).toBeUndefined();
		expect(codeToId('12345')).toBeUndefined();
	});

	it('GIVEN a code cell THEN known ids resolve and unknown ones are reported', () => {
		const r = resolver();
		expect(r.byCode({ kind: 'number', value: 180, token: '180', percentFormat: false })).toMatchObject({
			kind: 'area',
			area: { id: '0180' },
		});
		expect(r.byCode({ kind: 'text', text: '14', token: '14' })).toMatchObject({ kind: 'area', area: { id: '0014' } });
		expect(r.byCode({ kind: 'text', text: '9999', token: '9999' })).toEqual({
			kind: 'unknown',
			id: '9999',
			token: '9999',
		});
		expect(r.byCode({ kind: 'missing', token: '' })).toEqual({ kind: 'none' });
	});
});

describe('names', () => {
	it('GIVEN kommun names with and without å/ä/ö THEN Habo and Håbo stay apart', () => {
		const r = resolver();
		expect(idOf(r.byName('Habo'))).toBe('0643');
		expect(idOf(r.byName('Håbo'))).toBe('0305');
		expect(idOf(r.byName('Malmo'))).toBe('1280');
		expect(idOf(r.byName('Goteborg'))).toBe('1480');
		expect(idOf(r.byName('Upplands-Väsby'))).toBe('0114');
		expect(idOf(r.byName('Stockholms stad'))).toBe('0180');
		expect(idOf(r.byName('Lund*'))).toBe('1281');
		expect(idOf(r.byName('Kiruna 2)'))).toBe('2584');
	});

	it('GIVEN län and Riket rows THEN they are recognised', () => {
		const r = resolver();
		expect(idOf(r.byName('Stockholms län'))).toBe('0001');
		expect(idOf(r.byName('Region Skåne'))).toBe('0012');
		expect(idOf(r.byName('Riket'))).toBe('0000');
		expect(idOf(r.byName('Hela riket'))).toBe('0000');
		expect(idOf(r.byName('Sverige'))).toBe('0000');
	});

	it('GIVEN stadsdelar written with their city THEN they link to the kommun, reusing existing ones', () => {
		const r = resolver();
		expect(idOf(r.byName('Stockholm – Rinkeby-Kista'))).toBe('0180-rinkeby-kista');
		expect(idOf(r.byName('Stockholms stad, Skärholmen'))).toBe('0180-skarholmen');
		expect(idOf(r.byName('Rinkeby-Kista (Stockholm)'))).toBe('0180-rinkeby-kista');
		expect(idOf(r.byName('Rinkeby-Kista'))).toBe('0180-rinkeby-kista');
		const centrum = r.byName('Göteborg Centrum');
		expect(centrum).toMatchObject({
			kind: 'area',
			area: { id: '1480-centrum', name: 'Centrum', parentId: '1480', type: 'stadsdel' },
		});
		expect(idOf(r.byName('Göteborgs Stad – Socialförvaltning Hisingen'))).toBe('1480-hisingen');
		expect(idOf(r.byName('Stockholm – Järva'))).toBe('0180-jarva');
		// Göteborg's stadsområden and Järva are known areas of the bundle (data/sources/stadsdelar.json).
		expect(r.createdAreas.map((a) => a.id)).toEqual([]);
		expect(idOf(r.byName('Stockholm totalt'))).toBe('0180');
		expect(idOf(r.byName('Göteborg, hela staden'))).toBe('1480');
	});

	it('GIVEN summary, note and group rows THEN they are skipped; unknown names get suggestions', () => {
		const r = resolver();
		expect(r.byName('Medelvärde')).toEqual({ kind: 'skip', reason: 'sammanfattning' });
		expect(r.byName('Källa: Socialstyrelsen')).toEqual({ kind: 'skip', reason: 'anmärkning' });
		expect(r.byName('Storstäder')).toEqual({ kind: 'skip', reason: 'grupp' });
		const unknown = r.byName('Stokholm');
		expect(unknown.kind).toBe('unknown');
		if (unknown.kind === 'unknown') expect(unknown.candidates.map((a) => a.id)).toContain('0180');
	});

	it('GIVEN a section parent THEN bare district names become its stadsdelar, but kommuner stay kommuner', () => {
		const r = resolver();
		expect(idOf(r.byName('Sydväst', '1480'))).toBe('1480-sydvast');
		expect(idOf(r.byName('Stockholm', '1480'))).toBe('0180');
	});

	it('GIVEN mapping overrides THEN they win', () => {
		const r = resolver({
			'Sthlm stad': '0180',
			'SDF Angered': { stadsdel: 'Angered', parent: '1480' },
			Totalt: 'skip',
		});
		expect(idOf(r.byName('sthlm  stad'))).toBe('0180');
		expect(idOf(r.byName('SDF Angered'))).toBe('1480-angered');
		expect(r.byName('Totalt')).toEqual({ kind: 'skip', reason: 'mappning' });
	});

	it('GIVEN footnote marks THEN they are removed', () => {
		expect(stripFootnotes('Göteborg¹')).toBe('Göteborg');
		expect(stripFootnotes('Lund (3)')).toBe('Lund');
	});
});
