/**
 * The compiled build the process tests run, as the npm scripts do (`npm start` is
 * `node dist/src/index.js`). `tests/helpers/build.ts` compiles it once before the end-to-end tests.
 */
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The compiled JavaScript of a TypeScript entry point: `src/index.ts` → `<root>/dist/src/index.js`. */
export function compiled(entry: string): string {
	return path.join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));
}
