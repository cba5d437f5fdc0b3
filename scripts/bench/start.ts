/**
 * Start-up benchmark: `npm run ask -- '/hjälp'` (the compiled entry point loads the dataset, answers
 * one command and exits) against `npm --version`, the least any npm command costs on this machine.
 * The two alternate so that a change in the machine's load touches both; medians are reported.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { percentile, type BenchFigure, type BenchSection } from './types.js';

const RUNS = 9;

/** Wall time of one npm command in ms; throws when it fails. */
function timeNpm(args: readonly string[]): number {
	const started = performance.now();
	const result = spawnSync('npm', args, { stdio: 'ignore' });
	if (result.status !== 0) throw new Error(`npm ${args.join(' ')} avslutades med ${String(result.status)}`);
	return performance.now() - started;
}

/** The start section of `npm run bench`. */
export const startBench: BenchSection = {
	name: 'start',
	run: () => {
		const ask: number[] = [];
		const npm: number[] = [];
		const load = os.loadavg()[0] ?? 0;
		timeNpm(['run', '--silent', 'ask', '--', '/hjälp']); // warm the file cache
		for (let i = 0; i < RUNS; i++) {
			npm.push(timeNpm(['--version']));
			ask.push(timeNpm(['run', '--silent', 'ask', '--', '/hjälp']));
		}
		const askMs = percentile(ask, 50);
		const npmMs = percentile(npm, 50);
		const note = `median of ${String(RUNS)}; load average ${load.toFixed(1)} at start`;
		const figures: BenchFigure[] = [
			{ section: 'start', name: "npm run ask -- '/hjälp'", value: askMs, unit: 'ms', note },
			{ section: 'start', name: 'npm --version', value: npmMs, unit: 'ms', note },
			{
				section: 'start',
				name: 'ask / npm --version',
				value: askMs / npmMs,
				unit: '×',
				target: { op: '<=', value: 2.5 },
			},
		];
		return Promise.resolve(figures);
	},
};
