/**
 * Global set-up of the end-to-end tests: compiles the sources to `dist/` once (`npm run build`,
 * `tsc -b`), so every process test runs the same compiled build that `npm start` runs. Build mode
 * sees from its build info that nothing changed in well under a second; `tsc -p` took 4–5 s to find
 * the same.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from './compiled.js';

/** Runs `tsc -b tsconfig.build.json`; a type error fails the run before any process starts. */
export default function setup(): void {
	const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
	execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
