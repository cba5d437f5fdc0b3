/** The year options of every command accept the years the dataset stores, and no others. */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { optionsOf } from '../../commands/line.js';
import { MAX_YEAR, MIN_YEAR } from '../../src/dataset/schema.js';

describe('year options', () => {
	it('GIVEN every year option of every command THEN its range is the range of years the dataset stores', () => {
		const years = commands.flatMap((c) =>
			optionsOf(c)
				.filter((o) => o.type === ApplicationCommandOptionType.Integer && ['år', 'från', 'till'].includes(o.name))
				.map((o) => ({ label: `/${c.data.name} ${o.name}`, o })),
		);
		expect(years.length).toBeGreaterThanOrEqual(8);
		for (const { label, o } of years) {
			const range = 'min_value' in o ? [o.min_value, o.max_value] : [];
			expect(range, label).toEqual([MIN_YEAR, MAX_YEAR]);
		}
	});
});
