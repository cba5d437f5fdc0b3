import { describe, expect, it } from 'vitest';
import { MISSING_ANSWER_LABEL } from '../../../src/charts/style.js';
import { build, drawnTexts } from '../../helpers/chart-config.js';
import { EXAMPLES } from '../../helpers/chart-specs.js';

const sharesSpec = EXAMPLES.shares;

describe('categoricalSharesConfig', () => {
	it('GIVEN shares per group THEN each group adds up to 100 % and n is shown', () => {
		const config = build(sharesSpec);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Ja', 'Nej', MISSING_ANSWER_LABEL]);
		const totals = [0, 1].map((g) =>
			config.data.datasets.reduce((sum, d) => sum + ((d.data[g] as number | null) ?? 0), 0),
		);
		expect(totals[0]).toBeCloseTo(100);
		expect(totals[1]).toBeCloseTo(100);
		const groupLabel = config.options.scales.y!.ticks.callback;
		expect(groupLabel('', 0, [])).toEqual(['Storstäder', 'n = 3']);
		expect(drawnTexts(config)).toContain('100\u00A0%');
	});
});
