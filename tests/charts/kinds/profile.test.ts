import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/charts/style.js';
import { build, drawnTexts } from '../../helpers/chart-config.js';
import { EXAMPLES } from '../../helpers/chart-specs.js';

const profileSpec = EXAMPLES.profile;

describe('profileConfig', () => {
	it('GIVEN an extreme difference THEN the bar is clipped but its label tells the real value with ✓/✗', () => {
		const config = build(profileSpec);
		const data = config.data.datasets[0]?.data as (number | null)[];
		expect(data[1]).toBeLessThan(340);
		const texts = drawnTexts(config);
		expect(texts).toEqual(expect.arrayContaining(['✓ \u221212\u00A0%', '+340\u00A0% ✗', '+20\u00A0%', '✓ Ja', '—']));
	});

	it('GIVEN good, bad and neutral rows THEN colours differ and the axis is symmetric around zero', () => {
		const config = build(profileSpec);
		const colors = config.data.datasets[0]?.backgroundColor as string[];
		expect(colors.slice(0, 3)).toEqual([COLORS.good, COLORS.bad, COLORS.neutral]);
		const x = config.options.scales.x!;
		expect(x.min).toBe(-(x.max ?? 0));
		expect(x.ticks.callback(50, 0, [])).toBe('+50\u00A0%');
	});

	it('GIVEN answer and missing rows THEN their bars are null, not zero', () => {
		const data = build(profileSpec).data.datasets[0]?.data;
		expect(data?.[3]).toBeNull();
		expect(data?.[4]).toBeNull();
	});
});
