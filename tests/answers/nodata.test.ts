/**
 * "No data" that helps, on the bundled dataset (where most lookups have no value): the answer says
 * where values are, per year, and every choice it offers answers — as a Discord pick (one option
 * changed) and as the shell's ready line.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { commands } from '../../commands/index.js';
import { pickedValues, parseLine } from '../../commands/line.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { datasetCoverage, datasetCoverageText } from '../../src/answers/dataset-coverage.js';
import { MAX_CHOICES } from '../../src/answers/nodata.js';
import type { Answer, ErrorAnswer } from '../../src/answers/types.js';
import { runLine } from '../../src/shell/run.js';
import { context } from '../helpers/bundled.js';
import { syncedContext } from '../helpers/synced.js';
import { inputFrom } from '../../commands/command.js';

const PLACES = ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Habo', 'Bjurholm'];
const INDICATORS = ['långvarigt bistånd', 'unga vuxna', 'barn', 'kostnad per invånare', 'FREDA'];
const LOOKUPS = [
	...new Set([
		...PLACES.flatMap((p) =>
			INDICATORS.flatMap((i) => [
				`/värde kommun:${p} indikator:${i}`,
				`/värde kommun:${p} indikator:${i} år:2023`,
				`/trend kommun:${p} indikator:${i}`,
				`/profil kommun:${p}`,
				`/profil kommun:${p} år:2023`,
			]),
		),
		...INDICATORS.flatMap((i) => [`/topplista indikator:${i} år:2023`, `/topplista indikator:${i} län:Skåne`]),
	]),
];

let ctx: AnswerContext;

beforeAll(async () => {
	ctx = await context();
});

function noData(answer: Answer): ErrorAnswer | undefined {
	return !answer.ok && answer.error.code === 'no_data' ? answer : undefined;
}

/** Runs a line the way a Discord pick does: the same command with one option changed. */
function pick(line: string, answer: ErrorAnswer, option: string, id: string): Answer {
	const parsed = parseLine(commands, line);
	if (!parsed.ok) throw new Error(line);
	return parsed.command.answer(ctx, inputFrom(pickedValues(parsed.values, answer.resolved, { option, id })));
}

describe('"no data" on the bundled dataset', () => {
	const answers = (): [string, ErrorAnswer][] =>
		LOOKUPS.flatMap((line) => {
			const a = noData(runLine(ctx, commands, line));
			return a ? [[line, a] as [string, ErrorAnswer]] : [];
		});

	it('GIVEN the lookups a new user tries THEN most have no value here, and none tells the user to run a script', () => {
		expect(answers().length).toBeGreaterThan(LOOKUPS.length / 2);
		for (const [line, a] of answers()) expect(a.error.message, line).not.toMatch(/npm run|administratör/);
	});

	it('GIVEN no value THEN every offered choice answers, as a pick and as the shell line', () => {
		let offered = 0;
		for (const [line, a] of answers()) {
			const choices = a.error.candidates ?? [];
			expect(choices.length, line).toBeLessThanOrEqual(MAX_CHOICES);
			expect(a.error.lines ?? [], line).toHaveLength(choices.length);
			choices.forEach((c, i) => {
				offered += 1;
				const picked = pick(line, a, c.option ?? '', c.id);
				expect(picked.ok, `${line} → ${c.option}:${c.id}`).toBe(true);
				const ready = a.error.lines?.[i] ?? '';
				expect(runLine(ctx, commands, ready).ok, ready).toBe(true);
			});
		}
		expect(offered).toBeGreaterThan(40);
	});

	it('GIVEN an indicator with values for some kommuner THEN the answer counts kommuner per year and names some', () => {
		const a = noData(runLine(ctx, commands, '/värde kommun:Habo indikator:kostnad per invånare'));
		expect(a?.error.message).toMatch(
			/Värden finns för 1 kommun 2024 \(Gotland\), 35 kommuner 2020 och 41 kommuner 2017 \(bl\.a\. \S+ och \S+\); övriga år \(.+\) högst 16 kommuner\./,
		);
	});

	it('GIVEN a year without a value for the area THEN the nearest years with data are offered first', () => {
		const line = '/värde kommun:Nyköping indikator:kostnad per invånare år:2023';
		const a = noData(runLine(ctx, commands, line));
		expect(a?.error.candidates?.slice(0, 2)).toEqual([
			{ id: '2020', label: 'Nyköping 2020', option: 'år' },
			{ id: '2019', label: 'Nyköping 2019', option: 'år' },
		]);
		expect(a?.error.lines?.[0]).toBe('/värde kommun:Nyköping indikator:kostnad per invånare år:2020');
	});

	it('GIVEN an area without a value THEN nearby areas with values come first (same län)', () => {
		const a = noData(runLine(ctx, commands, '/värde kommun:Nyköping indikator:biståndshushåll år:2016'));
		const areas = (a?.error.candidates ?? []).filter((c) => c.option === 'kommun');
		expect(areas.length).toBeGreaterThan(0);
		for (const c of areas) expect(ctx.dataset.area(c.id)?.lanId).toBe('0004');
	});

	it('GIVEN /fråga with no value THEN its choices are command lines for its text option', () => {
		const a = noData(runLine(ctx, commands, 'hur ligger Nyköping till på kostnad per invånare 2023?'));
		expect(a?.error.candidates?.length).toBeGreaterThan(0);
		for (const c of a?.error.candidates ?? []) {
			expect(c.option).toBe('text');
			expect(runLine(ctx, commands, `/fråga text:${c.id}`).ok, c.id).toBe(true);
		}
	});

	it('GIVEN /fråga about a kommun without values THEN the choice lines name the kommuner they offer, not their codes', () => {
		const a = noData(runLine(ctx, commands, 'hur många får bistånd i Malmö?'));
		const choices = a?.error.candidates ?? [];
		expect(choices.length).toBeGreaterThan(0);
		for (const c of choices) expect(c.id, c.label).toBe(`/profil kommun:${c.label}`);
	});
});

describe('coverage', () => {
	it('GIVEN the bundled dataset THEN coverage names its source and never claims broad coverage', () => {
		const coverage = datasetCoverage(ctx.dataset);
		expect(coverage.origin).toBe('bundled');
		const text = datasetCoverageText(ctx, coverage);
		expect(text).toMatch(
			/^\d+ av 290 kommuner har värden, för \d+ av \d+ indikatorer\. Inget år har värden för fler än \d+ kommuner/,
		);
		expect(text).not.toContain('minst hälften');
	});

	it('GIVEN a synced dataset THEN it is named as synced, with every kommun and the years of broad coverage', async () => {
		const synced = await syncedContext();
		const coverage = datasetCoverage(synced.dataset);
		expect(coverage.origin).toBe('synced');
		expect(coverage.kommunerWithValues).toBe(290);
		expect(datasetCoverageText(synced, coverage)).toContain(
			'År med värden för minst hälften av kommunerna: 2020, 2023–2024',
		);
	}, 120_000);
});
