import { describe, expect, it } from 'vitest';
import { questionOf } from '../../src/discord/mentions.js';

const BOT = '1310000000000000001';

describe('questionOf', () => {
	it('GIVEN both mention forms of the bot THEN they are removed and the whitespace tidied', () => {
		expect(questionOf(`<@${BOT}>  trend för  Lund <@!${BOT}>`, BOT)).toBe('trend för Lund');
	});

	it('GIVEN a mention of someone else or of a role THEN it stays in the question', () => {
		expect(questionOf(`<@${BOT}> fråga <@1310000000000000999> och <@&1310000000000000002>`, BOT)).toBe(
			'fråga <@1310000000000000999> och <@&1310000000000000002>',
		);
	});

	it('GIVEN text that only looks like a pattern THEN it is kept as it is', () => {
		expect(questionOf(`<@${BOT}> vad betyder <@!?.*> och $&?`, BOT)).toBe('vad betyder <@!?.*> och $&?');
	});
});
