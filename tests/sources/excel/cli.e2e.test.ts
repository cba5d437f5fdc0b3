import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { copyDataset, type DatasetCopy } from '../../fixtures/dataset-copy.js';
import {
	namesLayout,
	stadsdelColumnLayout,
	statistikdatabasCsv,
	statistikdatabasZip,
	workbookBuffer,
	writeFixture,
} from '../../fixtures/oj-workbooks.js';
import { compiled, ROOT } from '../../helpers/compiled.js';

function cli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
	const env = { ...process.env };
	delete env.DATA_PATH;
	const result = spawnSync(process.execPath, [compiled('scripts/import.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env,
		timeout: 60_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let copy: DatasetCopy;

beforeEach(async () => {
	copy = await copyDataset('oj-cli-');
});

afterEach(async () => {
	await copy.cleanup();
});

describe('npm run import (child process)', () => {
	it('GIVEN a workbook THEN --profile and the dry run exit 0 without writing, --apply writes, and errors exit non-zero', async () => {
		const good = await writeFixture(copy.dir, 'namn.xlsx', await workbookBuffer(namesLayout()));
		const bad = await writeFixture(copy.dir, 'fel.xlsx', await workbookBuffer(namesLayout([['Okändby', 'Ja', 'Ja']])));
		const trash = await writeFixture(copy.dir, 'trasig.xlsx', 'inte en arbetsbok');
		const flags = ['--data', copy.dataPath, '--year', '2023', '--min-kommuner', '5'];

		const profile = cli([good, '--profile']);
		expect(profile.status).toBe(0);
		expect(profile.stdout).toContain('Profil av namn.xlsx: 1 blad');

		const dry = cli([good, ...flags]);
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain('torrkörning, inget skrivs');
		expect(await copy.bytes()).toEqualBytes(copy.original);

		const refused = cli([bad, ...flags, '--apply']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('fel.xlsx, blad ”Kommuner”, cell A12: okänd kommun eller område ”Okändby”');
		expect(await copy.bytes()).toEqualBytes(copy.original);

		const unreadable = cli([trash, ...flags, '--apply']);
		expect(unreadable.status).toBe(1);
		expect(unreadable.stderr).toContain('trasig.xlsx: filen är inte en läsbar Excel-arbetsbok');

		const usage = cli([]);
		expect(usage.status).toBe(2);
		expect(usage.stderr).toContain('Användning: npm run import');

		const applied = cli([good, ...flags, '--apply', '--json']);
		expect(applied.status).toBe(0);
		const outcome = JSON.parse(applied.stdout) as { applied: boolean; summary: { added: number } };
		expect(outcome.applied).toBe(true);
		expect(outcome.summary.added).toBe(20);
		expect(await copy.bytes()).not.toEqualBytes(copy.original);
	});

	it('GIVEN the statistikdatabas ZIP THEN it is unpacked and imported', async () => {
		const zip = await writeFixture(
			copy.dir,
			'statistikdatabasen-ekonomiskt bistand.zip',
			statistikdatabasZip(statistikdatabasCsv()),
		);
		const result = cli([zip, '--data', copy.dataPath, '--apply']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(
			'Fil ”statistikdatabasen-ekonomiskt bistand.zip/statistikdatabasen-ekonomiskt bistand.csv”',
		);
		expect(result.stdout).toContain('skrivet till');
		expect((await copy.json()).imports.at(-1)?.kind).toBe('csv');
	});

	it('GIVEN a workbook with a 50 000-character stadsdel name THEN --apply imports the rest and names the quarantined row in one line, no stack', async () => {
		const sheet = stadsdelColumnLayout()[0]!;
		const rows = [...sheet.rows, ['Stockholm', 'S'.repeat(50_000), 'Ja']];
		const file = await writeFixture(copy.dir, 'sdf.xlsx', await workbookBuffer([{ ...sheet, rows }]));
		const result = cli([file, '--data', copy.dataPath, '--year', '2023', '--min-kommuner', '2', '--apply']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(
			'\n  - blad ”Kommuner och stadsdelar”, cell B7: stadsdelsnamnet har 50000 tecken (högst 200)\n',
		);
		expect(result.stdout).toMatch(/; 1 post i karantän$/m);
		expect(result.stdout.length).toBeLessThan(10_000);
		for (const output of [result.stdout, result.stderr]) expect(output).not.toMatch(/\bat .*:\d+:\d+\)?$/m);
		expect((await copy.json()).imports.at(-1)?.summary).toMatchObject({ karantän: 1 });
	});
});
