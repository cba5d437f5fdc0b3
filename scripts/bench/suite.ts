/**
 * Test-suite benchmark: the wall time of `npm test` (typecheck, lint, unit and end-to-end tests),
 * run once as a child process. The machine's load average before and after is noted beside it,
 * since other work on the machine stretches the figure.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import type { BenchFigure, BenchSection } from './types.js';

/** The lines of Vitest's output that name a failed test or file, and what followed each (colours removed). */
export function failedLines(output: string): string {
	const lines = stripVTControlCharacters(output).split('\n');
	const picked = lines.flatMap((line, i) => (/^\s*FAIL\s/.test(line) ? lines.slice(i, i + 12) : []));
	return picked.length > 0 ? picked.join('\n') : lines.slice(-40).join('\n');
}

/** The suite section of `npm run bench`. */
export const suiteBench: BenchSection = {
	name: 'suite',
	run: () => {
		const before = os.loadavg()[0] ?? 0;
		const started = performance.now();
		const result = spawnSync('npm', ['test'], {
			stdio: ['ignore', 'pipe', 'inherit'],
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		// A failed run says which tests failed, so a rare failure is not lost behind a figure.
		if (result.status !== 0) process.stderr.write(`${failedLines(result.stdout)}\n`);
		const seconds = (performance.now() - started) / 1000;
		const after = os.loadavg()[0] ?? 0;
		const figures: BenchFigure[] = [
			{
				section: 'suite',
				name: 'npm test',
				value: seconds,
				unit: 's',
				target: { op: '<=', value: 150 },
				note: `${result.status === 0 ? 'passed' : `FAILED (exit ${String(result.status)})`}; load average ${before.toFixed(1)} before, ${after.toFixed(1)} after`,
			},
		];
		return Promise.resolve(figures);
	},
};
