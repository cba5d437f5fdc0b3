/**
 * Writes an answer's chart (PNG) and CSV to the output folder and returns the answer with the
 * paths, for the shell and `npm run ask`.
 *
 * File names come partly from data (indicator and area ids, the CSV's name), so they are built
 * from a small safe alphabet (a–z, A–Z, 0–9, `-`, `_`), and every path is resolved and checked to
 * lie directly inside the output folder before anything is written. A folder that cannot be
 * written to gives a note on the answer, never a crash.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFailureReason } from '../dataset/store.js';
import type { Answer } from '../answers/types.js';

let counter = 0;

/** The longest piece of a file name taken from one id or name. */
const MAX_PART = 40;

/**
 * `text` reduced to the safe alphabet: letters lose their accents (å → a), anything else becomes
 * `_`, runs collapse and the result is at most {@link MAX_PART} characters (never empty).
 */
export function safeFilePart(text: string): string {
	const ascii = text
		.slice(0, 4 * MAX_PART)
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^A-Za-z0-9-]+/g, '_')
		.replace(/^[_-]+|[_-]+$/g, '')
		.slice(0, MAX_PART);
	return ascii === '' ? 'x' : ascii;
}

function baseName(answer: Answer): string {
	const ids = Object.values(answer.resolved)
		.flatMap((v): unknown[] => (Array.isArray(v) ? (v as readonly string[]).slice(0, 3) : [v]))
		.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
		.map((v) => safeFilePart(String(v)))
		.slice(0, 4);
	counter += 1;
	const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
	return [safeFilePart(answer.command), ...ids, `${stamp}${String(counter).padStart(2, '0')}`].join('-');
}

/** `name` inside `outDir`, or an error when the joined path would land anywhere else. */
export function pathInside(outDir: string, name: string): string {
	const root = path.resolve(outDir);
	const file = path.resolve(root, name);
	if (path.dirname(file) !== root || path.basename(file) !== name) {
		throw new Error(`file name ${JSON.stringify(name.slice(0, 80))} leaves the output folder`);
	}
	return file;
}

/** The CSV's own name in the safe alphabet, always ending in `.csv`. */
function csvName(filename: string): string {
	return `${safeFilePart(filename.replace(/\.csv$/i, ''))}.csv`;
}

/** Why the output folder could not be written, in Swedish, one line. */
function writeFailure(outDir: string, error: unknown): string {
	const reason = error instanceof Error && 'code' in error ? writeFailureReason(error) : 'oväntat fel';
	return `Kunde inte spara diagram eller CSV i ${outDir} (${reason}). Ändra OUT_DIR till en mapp du kan skriva i.`;
}

/**
 * Renders the chart and writes chart and CSV (if any) to `outDir`; returns the answer with `files`.
 * When the folder cannot be written, the answer comes back with a note saying so instead.
 */
export async function writeAnswerFiles(answer: Answer, outDir: string): Promise<Answer> {
	if (!answer.ok || (!answer.chart && !answer.csv)) return answer;
	const files: string[] = [];
	try {
		await mkdir(outDir, { recursive: true });
		const base = baseName(answer);
		if (answer.chart) {
			const file = pathInside(outDir, `${base}.png`);
			// The renderer (canvas, Chart.js, fonts) loads only for an answer with a chart.
			const { renderChart } = await import('../charts/render.js');
			await writeFile(file, await renderChart(answer.chart));
			files.push(file);
		}
		if (answer.csv) {
			const file = pathInside(outDir, `${base}-${csvName(answer.csv.filename)}`);
			await writeFile(file, answer.csv.content);
			files.push(file);
		}
	} catch (error) {
		return { ...answer, files, notes: [...answer.notes, writeFailure(outDir, error)] };
	}
	return { ...answer, files };
}
