import { describe, expect, it } from 'vitest';

import {
	areaIdSchema,
	importedValueSchema,
	indicatorIdSchema,
	kpiIdSchema,
	nameProblem,
	numberProblem,
	parseRecord,
	Quarantine,
	recordProblem,
} from '../../src/sources/records.js';

const value = { indicator: 'U31509', area: '0180', gender: 'T', measure: 'answer', year: 2023, value: 1 };

describe('the record schema', () => {
	it('GIVEN ids of every kind THEN KPI, own indicator and area ids pass and anything with / or .. fails', () => {
		expect(kpiIdSchema.safeParse('N31807').success).toBe(true);
		expect(kpiIdSchema.safeParse('OJEB-INDMOTEN').success).toBe(false);
		expect(indicatorIdSchema.safeParse('OJEB-INDMOTEN').success).toBe(true);
		for (const id of ['0180', '0000', '0180-rinkeby-kista', '1480-askim-frolunda-hogsbo'])
			expect(areaIdSchema.safeParse(id).success, id).toBe(true);
		for (const id of ['180', '0180-', '0180-Rinkeby', '../0180', '0180/x', `0180-${'a'.repeat(60)}`])
			expect(areaIdSchema.safeParse(id).success, id).toBe(false);
	});

	it('GIVEN a name or a number THEN the problem is said without repeating a huge value', () => {
		expect(nameProblem('S'.repeat(200))).toBeUndefined();
		expect(nameProblem('S'.repeat(50_000))).toBe('har 50000 tecken (högst 200)');
		expect(numberProblem(62.5)).toBeUndefined();
		expect(numberProblem(Number('1e309'))).toBe('Infinity är inget ändligt tal');
	});

	it('GIVEN an imported value THEN a bad id or a non-finite number is named by its field, in Swedish', () => {
		expect(recordProblem(importedValueSchema, value)).toBeUndefined();
		expect(recordProblem(importedValueSchema, { ...value, area: `../${'x'.repeat(5000)}` })).toMatch(
			/^område-id "\.\.\/x+…" \(5003 tecken\) ska vara en områdeskod/,
		);
		expect(recordProblem(importedValueSchema, { ...value, value: Infinity })).toBe(
			'värdet Infinity ska vara ett ändligt tal',
		);
	});

	it('GIVEN a valid record THEN its data; GIVEN a failing one THEN each issue carries the input that failed', () => {
		const passed = parseRecord(importedValueSchema, value);
		expect(passed.success && passed.data).toEqual(value);
		const failed = parseRecord(importedValueSchema, { ...value, area: 'x/y' });
		expect(failed.success).toBe(false);
		expect(failed.error?.issues.map((i) => [i.path.join('.'), i.input])).toEqual([['area', 'x/y']]);
	});

	it('GIVEN more failed records than it describes THEN the quarantine counts them all and keeps short lines', () => {
		const quarantine = new Quarantine(2);
		const kept = quarantine.keep(
			[value, { ...value, indicator: 'x/y' }, { ...value, year: 1 }, { ...value, area: '0180' }],
			(v) => recordProblem(importedValueSchema, v),
			(v) => `rad ${v.year}`,
		);
		expect(kept).toHaveLength(2);
		quarantine.add('blad ”A”, cell B2', `namnet\n${'x'.repeat(1000)}`);
		expect(quarantine.count).toBe(3);
		const report = quarantine.report();
		expect(report.count).toBe(3);
		expect(report.examples).toHaveLength(2);
		expect(report.examples[0]).toMatch(/^rad 2023: indikator-id "x\/y" ska vara ett Kolada-id/);
		expect(report.examples.every((line) => !line.includes('\n') && line.length <= 300)).toBe(true);

		// A huge value is stored as one clipped line, never whole.
		const roomy = new Quarantine(5);
		roomy.add('blad ”A”, cell B2', `namnet\n${'x'.repeat(1000)}`);
		const [line] = roomy.report().examples;
		expect(line).toHaveLength(300);
		expect(line).toMatch(/^blad ”A”, cell B2: namnet x+…$/);
	});
});
