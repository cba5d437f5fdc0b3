/**
 * Question benchmark: how long interpreting a free-text question takes (parse and mapping, not the
 * answer), p50/p99 over the question test set repeated, the one-off lexicon build, the whole
 * `/fråga` answer including the builder, and the share of the set read as expected.
 */
import { inputFrom } from '../../commands/command.js';
import { findCommand } from '../../commands/index.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { interpretQuestion } from '../../src/question/interpret.js';
import { loadSnapshot } from '../../src/runtime.js';
import { CASES, readAsExpected } from '../../tests/question/cases.js';
import { percentile, type BenchFigure, type BenchSection } from './types.js';

/** The day the test set's relative years ("i fjol") are written for. */
const TODAY = new Date('2026-11-26T12:00:00Z');

/** Samples of interpretation latency (the set repeated until there are at least this many). */
const SAMPLES = 3000;

function timeEach(questions: readonly string[], fn: (q: string) => unknown): number[] {
	return questions.map((q) => {
		const started = performance.now();
		fn(q);
		return performance.now() - started;
	});
}

function shareCorrect(ctx: AnswerContext): number {
	return CASES.filter((c) => readAsExpected(ctx, c).pass).length / CASES.length;
}

/** The question section of `npm run bench`. */
export const questionBench: BenchSection = {
	name: 'question',
	async run(): Promise<BenchFigure[]> {
		const { dataset, search } = await loadSnapshot('data/db.json');
		const ctx: AnswerContext = { dataset, search, locale: 'sv', today: TODAY };
		const buildStart = performance.now();
		interpretQuestion(ctx, 'långvarigt bistånd i Malmö');
		const buildMs = performance.now() - buildStart;
		const questions: string[] = [];
		while (questions.length < SAMPLES) questions.push(...CASES.map((c) => c.q));
		for (const q of questions.slice(0, 300)) interpretQuestion(ctx, q);
		const interpret = timeEach(questions, (q) => interpretQuestion(ctx, q));
		const answer = timeEach(
			CASES.map((c) => c.q),
			(q) => findCommand('fråga')?.answer(ctx, inputFrom({ text: q })),
		);
		const n = `${interpret.length} tolkningar av ${CASES.length} frågor`;
		return [
			{ section: 'question', name: 'lexikon, bygge (en gång per index)', value: buildMs, unit: 'ms' },
			{ section: 'question', name: 'tolkning p50', value: percentile(interpret, 50), unit: 'ms', note: n },
			{
				section: 'question',
				name: 'tolkning p99',
				value: percentile(interpret, 99),
				unit: 'ms',
				target: { op: '<=', value: 5 },
				note: n,
			},
			{
				section: 'question',
				name: '/fråga med svar p99',
				value: percentile(answer, 99),
				unit: 'ms',
				note: `${answer.length} frågor, tolkning + svar`,
			},
			{
				section: 'question',
				name: 'rätt tolkade frågor',
				value: shareCorrect(ctx) * 100,
				unit: '%',
				target: { op: '>=', value: 90 },
				note: `${CASES.length} frågor`,
			},
		];
	},
};
