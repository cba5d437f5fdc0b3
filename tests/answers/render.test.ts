import { loadImage, createCanvas } from 'canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { inputFrom } from '../../commands/command.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { renderChart } from '../../src/charts/render.js';
import { surveyFixture } from '../helpers/survey-fixture.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await surveyFixture();
});

/** Width, height and the number of distinct colours of a PNG. */
async function inspect(png: Buffer): Promise<{ width: number; height: number; colours: number; signature: boolean }> {
	const signature = png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const g = canvas.getContext('2d');
	g.drawImage(image, 0, 0);
	const data = g.getImageData(0, 0, image.width, image.height).data;
	const colours = new Set<number>();
	for (let i = 0; i < data.length; i += 4 * 7)
		colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
	return { width, height, colours: colours.size, signature };
}

const CASES: readonly [string, Record<string, string | number | boolean>, string][] = [
	['värde', { kommun: 'Malmö', indikator: 'N31814', år: 2022 }, 'bar'],
	['värde', { kommun: 'Göteborg', indikator: 'FREDA', år: 2021 }, 'categorical'],
	['jämför', { indikator: 'N31814', kommuner: 'liknande:Malmö', år: 2022 }, 'bar'],
	['jämför', { indikator: 'FREDA', kommuner: 'Malmö, Göteborg, Lund, Håbo', år: 2021 }, 'categorical'],
	['trend', { kommun: 'Stockholm', indikator: 'STHLM-EB-TAGARE-ANDEL', jämför_med: 'Göteborg' }, 'line'],
	['topplista', { indikator: 'U31402', år: 2023, antal: 15 }, 'bar'],
	['grupper', { indikator: 'FREDA', år: 2020 }, 'bar'],
	['grupper', { indikator: 'FREDA', år: 2021 }, 'categorical'],
	['profil', { kommun: 'Göteborg' }, 'profile'],
];

describe('charts of every chart command', () => {
	it('GIVEN each command THEN a real PNG that opens, has the expected size, is not blank, and differs from the others', async () => {
		const seen = new Set<string>();
		for (const [name, options, kind] of CASES) {
			const command = commands.find((c) => c.data.name === name);
			if (!command) throw new Error(`command ${name} missing`);
			const answer = command.answer(ctx, inputFrom(options));
			if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
			expect(answer.chart?.kind, name).toBe(kind);
			if (!answer.chart) continue;
			const png = await renderChart(answer.chart);
			const info = await inspect(png);
			expect(info.signature, name).toBe(true);
			expect(info.width, name).toBeGreaterThanOrEqual(800);
			expect(info.height, name).toBeGreaterThanOrEqual(400);
			expect(info.colours, `${name} has content`).toBeGreaterThan(20);
			const digest = png.toString('base64');
			expect(seen.has(digest), `${name} differs from the others`).toBe(false);
			seen.add(digest);
		}
	});
});
