import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import {
	choiceComponents,
	decodeChoiceId,
	decodeSelectValue,
	encodeChoiceId,
	offerable,
	PendingChoices,
} from '../../src/discord/components.js';

describe('choice custom ids', () => {
	it('GIVEN a pick THEN encodes and decodes the same key, option and id', () => {
		const id = encodeChoiceId({ key: '3f9a1c0b', option: 'kommun', id: '0114' });
		expect(id).toBe('dym:3f9a1c0b:kommun:0114');
		expect(decodeChoiceId(id ?? '')).toEqual({
			key: '3f9a1c0b',
			pick: { key: '3f9a1c0b', option: 'kommun', id: '0114' },
		});
	});

	it('GIVEN an id with a colon or Swedish option name THEN round-trips', () => {
		const id = encodeChoiceId({ key: '00ff00ff', option: 'jämför_med', id: 'G:123' });
		expect(decodeChoiceId(id ?? '')?.pick).toEqual({ key: '00ff00ff', option: 'jämför_med', id: 'G:123' });
	});

	it('GIVEN an id that would pass 100 characters THEN refuses to encode it', () => {
		expect(encodeChoiceId({ key: '3f9a1c0b', option: 'kommun', id: 'x'.repeat(90) })).toBeUndefined();
	});

	it('GIVEN foreign or malformed custom ids THEN decodes nothing', () => {
		expect(decodeChoiceId('kommun:Malmö')).toBeUndefined();
		expect(decodeChoiceId('dym:XYZ:kommun:0114')).toBeUndefined();
		expect(decodeChoiceId('dym:3f9a1c0b:kommun:')).toBeUndefined();
		expect(decodeChoiceId('dym:3f9a1c0b')).toEqual({ key: '3f9a1c0b' });
	});

	it('GIVEN a select value THEN reads option and id', () => {
		expect(decodeSelectValue('3f9a1c0b', 'indikator:N31814')).toEqual({
			key: '3f9a1c0b',
			option: 'indikator',
			id: 'N31814',
		});
		expect(decodeSelectValue('3f9a1c0b', 'N31814')).toBeUndefined();
	});
});

describe('offerable and choiceComponents', () => {
	const candidates = [
		{ id: '0380', label: 'Uppsala (Uppsala län)', option: 'kommun' },
		{ id: '0114', label: 'Upplands Väsby (Stockholms län)' },
		{ id: '0380', label: 'Uppsala igen', option: 'kommun' },
		{ id: 'x'.repeat(120), label: 'För långt id', option: 'kommun' },
	];

	it('GIVEN candidates with and without an option THEN uses the fallback option and drops duplicates and long ids', () => {
		expect(offerable(candidates, 'kommun')).toEqual([
			{ id: '0380', label: 'Uppsala (Uppsala län)', option: 'kommun' },
			{ id: '0114', label: 'Upplands Väsby (Stockholms län)', option: 'kommun' },
		]);
		expect(offerable(candidates, undefined)).toHaveLength(1);
	});

	it('GIVEN up to five candidates THEN one row of secondary buttons with decodable ids', () => {
		const rows = choiceComponents('3f9a1c0b', offerable(candidates, 'kommun'), 'Välj');
		expect(rows).toHaveLength(1);
		const buttons = rows[0]?.components ?? [];
		expect(buttons.map((b) => [b.type, b.style, b.label, b.custom_id])).toEqual([
			[2, 2, 'Uppsala (Uppsala län)', 'dym:3f9a1c0b:kommun:0380'],
			[2, 2, 'Upplands Väsby (Stockholms län)', 'dym:3f9a1c0b:kommun:0114'],
		]);
	});

	it('GIVEN more than five candidates THEN a select menu with at most 25 options', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({
			id: `U${i}`,
			label: `Indikator ${i} ${'x'.repeat(120)}`,
			option: 'indikator',
		}));
		const rows = choiceComponents('3f9a1c0b', offerable(many, undefined), 'Välj det du menade …');
		const menu = rows[0]?.components[0] as {
			type: number;
			custom_id: string;
			options: { label: string; value: string }[];
		};
		expect(menu.type).toBe(3);
		expect(menu.custom_id).toBe('dym:3f9a1c0b');
		expect(menu.options).toHaveLength(25);
		expect(menu.options[0]?.value).toBe('indikator:U0');
		for (const o of menu.options) expect(o.label.length).toBeLessThanOrEqual(100);
	});

	it('GIVEN a label over 80 characters THEN the button label is shortened', () => {
		const rows = choiceComponents('3f9a1c0b', [{ id: 'U1', label: 'y'.repeat(120), option: 'indikator' }], 'Välj');
		expect(String(rows[0]?.components[0]?.label).length).toBe(80);
	});

	it('GIVEN no candidates THEN no components', () => {
		expect(choiceComponents('3f9a1c0b', [], 'Välj')).toEqual([]);
	});
});

describe('PendingChoices', () => {
	const entry = { command: 'värde', values: { kommun: 'upp' }, userId: '1', candidates: [] };

	it('GIVEN an entry THEN it is found by its 8-hex-digit key until the TTL passes', () => {
		let now = 1000;
		const store = new PendingChoices(60_000, 100, () => now);
		const key = store.add(entry);
		expect(key).toMatch(/^[0-9a-f]{8}$/);
		expect(store.get(key)?.values).toEqual({ kommun: 'upp' });
		now += 59_999;
		expect(store.get(key)).toBeDefined();
		now += 1;
		expect(store.get(key)).toBeUndefined();
		expect(store.size).toBe(0);
	});

	it('GIVEN more entries than the bound THEN the oldest go first', () => {
		const store = new PendingChoices(60_000, 3);
		const keys = Array.from({ length: 5 }, () => store.add(entry));
		expect(store.size).toBe(3);
		expect(store.get(keys[0] ?? '')).toBeUndefined();
		expect(store.get(keys[4] ?? '')).toBeDefined();
	});

	it('GIVEN a deleted key THEN it is gone', () => {
		const store = new PendingChoices();
		const key = store.add(entry);
		store.delete(key);
		expect(store.get(key)).toBeUndefined();
	});
});

describe('Cooldown', () => {
	it('GIVEN 5 seconds THEN a second take within them is refused with the time left, and allowed after', () => {
		let now = 1_000_000;
		const cooldown = new Cooldown(5, () => now);
		expect(cooldown.take('u1')).toEqual({ ok: true });
		now += 1200;
		expect(cooldown.take('u1')).toEqual({ ok: false, retryAt: 1_005_000, retryInSeconds: 4 });
		expect(cooldown.take('u2')).toEqual({ ok: true });
		now += 3800;
		expect(cooldown.take('u1')).toEqual({ ok: true });
	});

	it('GIVEN peek THEN it reports a running cooldown without starting one', () => {
		let now = 0;
		const cooldown = new Cooldown(5, () => now);
		expect(cooldown.peek('u1')).toEqual({ ok: true });
		expect(cooldown.take('u1')).toEqual({ ok: true });
		now = 2000;
		expect(cooldown.peek('u1')).toEqual({ ok: false, retryAt: 5000, retryInSeconds: 3 });
		expect(cooldown.peek('u2')).toEqual({ ok: true });
		expect(cooldown.take('u2')).toEqual({ ok: true });
	});

	it('GIVEN 0 seconds THEN it is disabled and never refuses', () => {
		const cooldown = new Cooldown(0);
		expect(cooldown.enabled).toBe(false);
		expect(cooldown.take('u1')).toEqual({ ok: true });
		expect(cooldown.take('u1')).toEqual({ ok: true });
	});

	it('GIVEN a released turn THEN the user may go again at once', () => {
		const cooldown = new Cooldown(30);
		cooldown.take('u1');
		cooldown.release('u1');
		expect(cooldown.take('u1').ok).toBe(true);
	});

	it('GIVEN ended cooldowns THEN active counts only running ones and sweep forgets the rest', () => {
		let now = 0;
		const cooldown = new Cooldown(1, () => now);
		cooldown.take('a');
		cooldown.take('b');
		expect(cooldown.active).toBe(2);
		now = 1000;
		expect(cooldown.active).toBe(0);
		cooldown.sweep();
		expect(cooldown.take('a').ok).toBe(true);
	});
});
