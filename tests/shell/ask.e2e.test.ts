/**
 * `npm run ask` and `npm start` without a token as child processes: the compiled entry point answers
 * one command line and exits, or runs the local shell on what is typed into it.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** Runs the shell (no DISCORD_TOKEN) with `lines` typed in, one after another, and returns what it printed. */
async function shell(lines: readonly string[]): Promise<{ code: number | null; stdout: string }> {
	const out = await mkdtemp(path.join(os.tmpdir(), 'oj-shell-'));
	try {
		const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: out, NO_COLOR: '1' };
		delete env['DISCORD_TOKEN'];
		const child = spawn(process.execPath, [compiled('src/index.ts')], { env, stdio: ['pipe', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stdin.end(`${lines.join('\n')}\n`);
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		return { code, stdout };
	} finally {
		await rm(out, { recursive: true, force: true });
	}
}

describe('npm start without a token (the shell)', () => {
	it('GIVEN an answer without figures THEN its choices are numbered, and typing 1 runs the first', async () => {
		const { code, stdout } = await shell([
			'/värde kommun:Nyköping indikator:kostnad per invånare år:2023',
			'1',
			'/avsluta',
		]);
		expect(code).toBe(0);
		expect(stdout).toContain('Prova (skriv siffran):\n1) Nyköping 2020\n');
		// From the bundled dataset (Socialstyrelsen via Regionfakta): Nyköping 2020, 1 409 kr per invånare
		// (numbers and units are joined by non-breaking spaces).
		expect(stdout).toContain('Nyköping 2020: 1\u00a0409\u00a0kr/inv');
	});
});
