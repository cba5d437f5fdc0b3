import { describe, expect, it } from 'vitest';
import { failedLines } from '../../scripts/bench/suite.js';

describe('failedLines', () => {
	it('GIVEN coloured Vitest output with a failed test THEN the FAIL line and what follows it, without colours', () => {
		const output = [
			' \u001b[32m✓\u001b[39m tests/a.test.ts (3 tests)',
			' \u001b[41m FAIL \u001b[49m tests/b.test.ts > chart cooldown > GIVEN a chart',
			'Error: timed out after 10000 ms',
			' Test Files  1 failed | 1 passed (2)',
		].join('\n');
		const picked = failedLines(output);
		expect(
			picked.startsWith('  FAIL  tests/b.test.ts > chart cooldown > GIVEN a chart\nError: timed out after 10000 ms'),
		).toBe(true);
		expect(picked).not.toContain('tests/a.test.ts');
	});

	it('GIVEN a failure before any test ran THEN the last 40 lines', () => {
		const output = Array.from({ length: 50 }, (_, i) => `line ${String(i)}`).join('\n');
		const picked = failedLines(output).split('\n');
		expect(picked).toHaveLength(40);
		expect(picked[0]).toBe('line 10');
	});
});
