import { describe, expect, it } from 'vitest';
import { COLORS, MISSING_ANSWER_LABEL } from '../../../src/charts/style.js';
import { build } from '../../helpers/chart-config.js';
import { EXAMPLES } from '../../helpers/chart-specs.js';

const areasSpec = EXAMPLES.areas;

describe('categoricalAreasConfig', () => {
	it('GIVEN answers per area THEN columns are ordered best to worst with a column for missing answers', () => {
		const config = build(areasSpec);
		expect(config.type).toBe('scatter');
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Ja', 'Delvis', 'Nej', MISSING_ANSWER_LABEL]);
		expect(config.data.datasets[0]?.backgroundColor).toBe(COLORS.good);
		expect(config.data.datasets[2]?.backgroundColor).toBe(COLORS.bad);
	});

	it('GIVEN answers per area THEN each area is a point in its answer column and its own row, in order', () => {
		const config = build(areasSpec);
		expect(config.data.datasets[0]?.data).toEqual([{ x: 0, y: 0 }]);
		expect(config.data.datasets[2]?.data).toEqual([{ x: 2, y: 1 }]);
		expect(config.data.datasets[3]?.data).toEqual([{ x: 3, y: 2 }]);
		expect(config.data.datasets[1]?.data).toEqual([{ x: 1, y: 3 }]);
		const rowLabel = config.options.scales.y!.ticks.callback;
		expect(areasSpec.rows.map((_, i) => rowLabel(i, i, []))).toEqual([['Håbo'], ['Habo'], ['Ånge'], ['Aneby']]);
		const header = config.options.scales.x!.ticks.callback;
		expect(header(0, 0, [])).toBe('Ja (1)');
	});
});
