import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { readInput } from '../../src/answers/input.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

describe('readInput', () => {
	it('GIVEN a kommun, an indicator, a year and kön THEN all four come back resolved', () => {
		const input = readInput(ctx, {
			command: 'värde',
			area: { option: 'kommun', input: 'Nyköping', scope: 'place' },
			indicator: 'N31814',
			years: { år: '2020' },
			gender: 'kvinnor',
		});
		expect(input.ok).toBe(true);
		if (!input.ok) return;
		expect(input.value.area.id).toBe('0480');
		expect(input.value.indicator.id).toBe('N31814');
		expect(input.value.years.år).toBe(2020);
		expect(input.value.gender).toBe('K');
	});

	it('GIVEN no year and no kön THEN the year is undefined and kön is totalt', () => {
		const input = readInput(ctx, { command: 'karta', indicator: 'N31814', years: { år: undefined } });
		expect(input.ok && input.value.years.år).toBe(undefined);
		expect(input.ok && input.value.gender).toBe('T');
	});

	it('GIVEN år and yearRanksIndicator false THEN the indicator is read as without a year', () => {
		// ”kostnad” finds U31001 alone; with år 2010 ranking the ties it is N31001 or U31001.
		const spec = { command: 'topplista', indicator: 'kostnad', years: { år: 2010 } } as const;
		const ranked = readInput(ctx, spec);
		expect(!ranked.ok && ranked.error.error.code).toBe('ambiguous');
		// The year ranks the same when it arrives as text, as the shell and follow-up buttons send it.
		const typed = readInput(ctx, { ...spec, years: { år: ' 2010 ' } });
		expect(!typed.ok && typed.error.error.code).toBe('ambiguous');
		const alone = readInput(ctx, { ...spec, yearRanksIndicator: false });
		expect(alone.ok && alone.value.indicator.id).toBe('U31001');
		expect(alone.ok && alone.value.years.år).toBe(2010);
	});

	it('GIVEN an unknown kommun and a bad year THEN the kommun error comes first', () => {
		const input = readInput(ctx, {
			command: 'värde',
			area: { option: 'kommun', input: 'Xyzzyqvist', scope: 'place' },
			indicator: 'N31814',
			years: { år: 'igår' },
		});
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(input.error.error.code).toBe('not_found');
		expect(input.error.error.message).toContain('Xyzzyqvist');
	});

	it('GIVEN från and till THEN each year option is read under its own name', () => {
		const input = readInput(ctx, {
			command: 'trend',
			indicator: 'N31814',
			years: { från: 2015, till: 'nästa år' },
		});
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(input.error.command).toBe('trend');
		expect(input.error.error.message).toContain('**till**');
	});

	it('GIVEN kön:män on an indicator without a split THEN the answer says it is total only', () => {
		const input = readInput(ctx, { command: 'topplista', indicator: 'N00702', gender: 'män' });
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(input.error.error.message).toContain('redovisas inte uppdelat på kön');
	});

	it('GIVEN an empty optional län and a given markera THEN only markera is resolved', () => {
		const input = readInput(ctx, {
			command: 'karta',
			indicator: 'N31814',
			places: {
				lan: { option: 'län', input: '  ', scope: 'lan' },
				highlight: { option: 'markera', input: 'Luleå', scope: 'kommun' },
			},
		});
		expect(input.ok).toBe(true);
		if (!input.ok) return;
		expect(input.value.places.lan).toBe(undefined);
		expect(input.value.places.highlight?.id).toBe('2580');
	});

	it('GIVEN a län where a kommun is needed THEN the option names what it needs', () => {
		const input = readInput(ctx, {
			command: 'karta',
			indicator: 'N31814',
			places: { highlight: { option: 'markera', input: 'Norrbottens län', scope: 'kommun' } },
		});
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(input.error.error.message).toContain('**markera**');
	});
});
