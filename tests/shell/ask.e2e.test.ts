/**
 * `npm run ask` as a child process: the compiled entry point answers one command line and exits.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compiled } from '../helpers/compiled.js';

const run = promisify(execFile);

describe('npm run ask', () => {
	it('GIVEN --json THEN the answer object with ok, resolved ids and numbers is printed', async () => {
		const { stdout } = await run(process.execPath, [
			compiled('src/index.ts'),
			'--ask',
			'/indikator indikator:långvarigt bistånd',
			'--json',
		]);
		const answer = JSON.parse(stdout) as { ok: boolean; resolved: Record<string, string>; data: { years: number[] } };
		expect(answer.ok).toBe(true);
		expect(answer.resolved.indikator).toBe('N31814');
		expect(Array.isArray(answer.data.years)).toBe(true);
	});

	it('GIVEN an ambiguous name with --json THEN error.code, error.message and the candidates, exit code 2', async () => {
		const result = await run(process.execPath, [
			compiled('src/index.ts'),
			'--ask',
			'/indikator indikator:samordning LSS',
			'--json',
		]).catch((error: unknown) => error as { stdout: string; code: number });
		expect('code' in result ? result.code : 0).toBe(2);
		const answer = JSON.parse(result.stdout) as {
			ok: boolean;
			error: { code: string; message: string; candidates: { id: string }[] };
		};
		expect(answer.ok).toBe(false);
		expect(answer.error.code).toBe('ambiguous');
		expect(answer.error.message).toMatch(/Menade du/);
		expect(answer.error.candidates.map((c) => c.id)).toContain('U31474');
	});
});
