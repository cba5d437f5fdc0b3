/**
 * Global set-up of the end-to-end tests: compiles the sources to `dist/` once (`npm run build`,
 * incremental), so every process test runs the same compiled build that `npm start` runs.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from './compiled.js';

/** Runs `tsc -p tsconfig.build.json`; a type error fails the run before any process starts. */
export default function setup(): void {
	const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
	execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
