/**
 * Writes an answer's chart (PNG) and CSV to the output folder and returns the answer with the
 * paths, for the shell and `npm run ask`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderChart } from '../charts/render.js';
import type { Answer } from '../answers/types.js';

let counter = 0;

function baseName(answer: Answer): string {
	const ids = Object.values(answer.resolved)
		.flatMap((v): unknown[] => (Array.isArray(v) ? (v as readonly string[]).slice(0, 3) : [v]))
		.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
		.map((v) => String(v).replace(/[^\p{L}\p{N}-]+/gu, '_'))
		.slice(0, 4);
	counter += 1;
	const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
	return [answer.command, ...ids, `${stamp}${String(counter).padStart(2, '0')}`].join('-');
}

/** Renders the chart and writes chart and CSV (if any) to `outDir`; returns the answer with `files`. */
export async function writeAnswerFiles(answer: Answer, outDir: string): Promise<Answer> {
	if (!answer.ok || (!answer.chart && !answer.csv)) return answer;
	await mkdir(outDir, { recursive: true });
	const base = baseName(answer);
	const files: string[] = [];
	if (answer.chart) {
		const file = path.join(outDir, `${base}.png`);
		await writeFile(file, await renderChart(answer.chart));
		files.push(file);
	}
	if (answer.csv) {
		const file = path.join(outDir, `${base}-${answer.csv.filename}`);
		await writeFile(file, answer.csv.content);
		files.push(file);
	}
	return { ...answer, files };
}
