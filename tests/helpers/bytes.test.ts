import { describe, expect, it } from 'vitest';
import { firstDifference } from './bytes.js';

describe('toEqualBytes', () => {
	it('GIVEN the same bytes THEN it passes, and .not fails', () => {
		expect(Buffer.from('åäö')).toEqualBytes(Buffer.from('åäö'));
		expect(() => expect(Buffer.from('abc')).not.toEqualBytes(Buffer.from('abc'))).toThrow(/same 3 bytes/);
	});

	it('GIVEN one byte changed THEN it fails naming that byte and both lengths', () => {
		expect(() => expect(Buffer.from('abcdef')).toEqualBytes(Buffer.from('abcXef'))).toThrow(
			'expected the same bytes: 6 bytes against 6, first difference at byte 3: "abcdef" against "abcXef"',
		);
	});

	it('GIVEN one file the start of the other THEN the difference is at the shorter length', () => {
		expect(firstDifference(Buffer.from('abc'), Buffer.from('abcd'))).toBe(3);
		expect(() => expect(Buffer.from('abc')).toEqualBytes(Buffer.from('abcd'))).toThrow(/3 bytes against 4/);
	});
});
