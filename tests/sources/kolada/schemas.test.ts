import { describe, expect, it } from 'vitest';

import { chunk, parseRetryAfter } from '../../../src/sources/kolada/client.js';
import {
	koladaDataPageSchema,
	koladaKpiSchema,
	koladaDataRowSchema,
	koladaMunicipalityGroupSchema,
	koladaMunicipalityPageSchema,
	koladaMunicipalitySchema,
	nextPageUrl,
} from '../../../src/sources/kolada/schemas.js';

const v3Kpi = {
	id: 'N31807',
	title: 'Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.',
	description: 'Antal invånare … Källa: Socialstyrelsen.',
	is_divided_by_gender: false,
	municipality_type: 'A',
	auspice: 'T',
	operating_area: 'Individ- och familjeomsorg',
	perspective: 'Volymer',
	prel_publication_date: null,
	publication_date: '2026-06-10',
	publ_period: '2025',
	has_ou_data: false,
};

describe('Kolada schemas', () => {
	it('GIVEN a real v3 KPI THEN it parses unchanged', () => {
		expect(koladaKpiSchema.parse(v3Kpi)).toEqual(v3Kpi);
	});

	it('GIVEN a v2-style KPI with auspices, 0/1 flags, a numeric publ_period and extra fields THEN it is normalised', () => {
		const rest = Object.fromEntries(Object.entries(v3Kpi).filter(([key]) => key !== 'auspice'));
		const parsed = koladaKpiSchema.parse({
			...rest,
			auspices: 'E',
			is_divided_by_gender: 1,
			has_ou_data: 0,
			publ_period: 2025,
			ou_publication_date: '2026-01-01',
			brand_new_field: { nested: true },
		});
		expect(parsed.auspice).toBe('E');
		expect(parsed.is_divided_by_gender).toBe(true);
		expect(parsed.has_ou_data).toBe(false);
		expect(parsed.publ_period).toBe('2025');
		expect(parsed).not.toHaveProperty('brand_new_field');
	});

	it('GIVEN a thin KPI with only id and title THEN neutral defaults fill the rest', () => {
		expect(koladaKpiSchema.parse({ id: 'U00001', title: 'x', publication_date: '' })).toMatchObject({
			description: '',
			auspice: null,
			publication_date: null,
			is_divided_by_gender: false,
		});
	});

	it('GIVEN municipality ids THEN "0180" stays a string and a numeric id is rejected', () => {
		const ok = koladaMunicipalityPageSchema.parse({ values: [{ id: '0180', title: 'Stockholm', type: 'K' }] });
		expect(ok.values[0]?.id).toBe('0180');
		expect(
			koladaMunicipalityPageSchema.safeParse({ values: [{ id: 180, title: 'Stockholm', type: 'K' }] }).success,
		).toBe(false);
	});

	it('GIVEN data values THEN null and 0 are kept and both deletion spellings become booleans', () => {
		const page = koladaDataPageSchema.parse({
			count: 1,
			values: [
				{
					kpi: 'N31807',
					municipality: '0000',
					period: 2023,
					extra: 'ignored',
					values: [
						{ gender: 'T', count: 1, status: 'Missing', value: null, isdeleted: true },
						{ gender: 'K', value: 0, is_deleted: 0 },
						{ gender: 'M', value: 1.5, is_deleted: 1 },
					],
				},
			],
			next_url: null,
		});
		const values = page.values[0]?.values ?? [];
		expect(values.map((v) => v.value)).toEqual([null, 0, 1.5]);
		expect(values.map((v) => v.isdeleted ?? v.is_deleted)).toEqual([true, false, true]);
	});

	it('GIVEN next links in either spelling THEN nextPageUrl finds them and treats "" and null as the end', () => {
		expect(nextPageUrl({ values: [], next_url: 'https://x/v3/kpi?page=2' })).toBe('https://x/v3/kpi?page=2');
		expect(nextPageUrl({ values: [], next_page: 'https://x/v2/kpi?page=2' })).toBe('https://x/v2/kpi?page=2');
		expect(nextPageUrl({ values: [], next_url: '', next_page: null })).toBeUndefined();
		expect(nextPageUrl({ values: [], next_url: null })).toBeUndefined();
		expect(nextPageUrl({ values: [] })).toBeUndefined();
	});
});

describe('Kolada client helpers', () => {
	it('GIVEN Retry-After in seconds or as an HTTP date THEN it is read as milliseconds', () => {
		const now = Date.parse('2026-03-23T12:00:00Z');
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter('0.25', now)).toBe(250);
		expect(parseRetryAfter('Mon, 23 Mar 2026 12:00:10 GMT', now)).toBe(10_000);
		expect(parseRetryAfter('Mon, 23 Mar 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(null, now)).toBeUndefined();
	});

	it('GIVEN 60 ids THEN chunk splits them 25 + 25 + 10', () => {
		const ids = Array.from({ length: 60 }, (_, i) => String(i));
		expect(chunk(ids).map((c) => c.length)).toEqual([25, 25, 10]);
	});
});

describe('Kolada records are untrusted', () => {
	it.each(['../../etc/passwd', 'N3180', 'n31807', 'N31807/..', 'N31807 ', 'OJEB-X'])(
		'GIVEN the KPI id %j THEN the KPI is rejected',
		(id) => {
			expect(koladaKpiSchema.safeParse({ ...v3Kpi, id }).success).toBe(false);
		},
	);

	it('GIVEN names of 200 and 201 characters THEN the first is kept and the second rejected', () => {
		const m = { id: '0180', title: 'S'.repeat(200), type: 'K' };
		expect(koladaMunicipalitySchema.safeParse(m).success).toBe(true);
		expect(koladaMunicipalitySchema.safeParse({ ...m, title: 'S'.repeat(201) }).success).toBe(false);
		const group = { id: 'G92787', title: 'Grupp', members: [{ member_id: '0180', member_title: 'x'.repeat(201) }] };
		expect(koladaMunicipalityGroupSchema.safeParse(group).success).toBe(false);
		expect(koladaMunicipalityGroupSchema.safeParse({ ...group, id: 'G../1', members: [] }).success).toBe(false);
	});

	it('GIVEN area ids that are not four digits or a group id THEN the row is rejected', () => {
		const row = { kpi: 'N31807', municipality: '0180', period: 2023, values: [{ gender: 'T', value: 1 }] };
		expect(koladaDataRowSchema.safeParse(row).success).toBe(true);
		for (const municipality of ['180', '../0180', '0180\n', 'G'])
			expect(koladaDataRowSchema.safeParse({ ...row, municipality }).success).toBe(false);
	});

	it('GIVEN a non-finite value THEN the row is rejected', () => {
		const row: unknown = JSON.parse(
			'{"kpi":"N31807","municipality":"0180","period":2023,"values":[{"gender":"T","value":1e309}]}',
		);
		expect(koladaDataRowSchema.safeParse(row).success).toBe(false);
	});

	it('GIVEN a deletion flagged on the row THEN both spellings are read as booleans', () => {
		const row = { kpi: 'N31807', municipality: '0180', period: 2023, values: [{ gender: 'T', value: null }] };
		expect(koladaDataRowSchema.parse({ ...row, isdeleted: true }).isdeleted).toBe(true);
		expect(koladaDataRowSchema.parse({ ...row, is_deleted: 1 }).is_deleted).toBe(true);
	});
});
