import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: real processes (the compiled build) and loopback servers. */
const E2E = ['tests/**/*.e2e.test.ts'];

export default defineConfig({
	test: {
		pool: 'forks',
		// One test file per core. Vitest's default keeps a core back (one worker on a two-core
		// machine), which left half of it idle while the tests ran one file at a time.
		maxWorkers: availableParallelism(),
		// Hang guards only: nothing here asserts how long a test takes (`npm run bench` measures that).
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// `expect(…).toEqualBytes(…)` for comparing files: fast, and a failure names the first differing byte.
		setupFiles: ['tests/helpers/bytes.ts'],
		// Transformed test and source files are kept on disk between runs, keyed by file content, id and
		// configuration (the other caches live beside it): a rerun transforms only what changed.
		experimental: { fsModuleCache: true, fsModuleCachePath: 'node_modules/.cache/oj-boten/vitest' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: E2E,
					// The unit tests mock nothing and set no globals, so the files of one worker share
					// their imports (the dataset, the search index, the chart renderer) instead of loading
					// them again for every file.
					isolate: false,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: E2E,
					// As for the unit tests: nothing is mocked and no globals are set, and what runs under test
					// are child processes; the files of one worker share the fakes and helpers they import.
					isolate: false,
					globalSetup: ['tests/helpers/build.ts'],
				},
			},
		],
	},
});
