/**
 * Test-suite benchmark: the wall time of `npm test` (typecheck, lint, unit and end-to-end tests),
 * run once as a child process. The machine's load average before and after is noted beside it,
 * since other work on the machine stretches the figure.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { BenchFigure, BenchSection } from './types.js';

/** The suite section of `npm run bench`. */
export const suiteBench: BenchSection = {
	name: 'suite',
	run: () => {
		const before = os.loadavg()[0] ?? 0;
		const started = performance.now();
		const result = spawnSync('npm', ['test'], { stdio: ['ignore', 'ignore', 'inherit'] });
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
