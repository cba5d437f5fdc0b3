/**
 * Load benchmark: the real bot process against the loopback Discord fake, 500 interactions within one
 * second (a third charts, the rest text commands and autocomplete), each from its own user with the
 * chart cooldown off. Reports how many were acknowledged within Discord's 3 s window, how many
 * were lost or answered wrongly (the test suite checks correctness of a burst without timing it),
 * the slowest acknowledgement, the answer p99, the bot process's peak RSS, the longest chart render
 * queue and the wall time. Then 1 000 `/profil` at once, for the bot's peak RSS when the render
 * queue is full.
 */
import { runLoad } from '../../tests/discord/load-run.js';
import type { BenchFigure, BenchSection } from './types.js';

const TOTAL = 500;
const PROFIL_BURST = 1000;

/** The load section of `npm run bench`. */
export const loadBench: BenchSection = {
	name: 'load',
	run: async () => {
		const r = await runLoad({ total: TOTAL, spreadMs: 1000 });
		const mix = `${String(r.charts)} charts, ${String(r.texts)} text commands, ${String(r.autocompletes)} autocomplete; sent in ${String(Math.round(r.dispatchMs))} ms`;
		const figures: BenchFigure[] = [
			{
				section: 'load',
				name: 'acknowledged within 3 s',
				value: r.acknowledgedInTime,
				unit: 'st',
				target: { op: '>=', value: TOTAL },
				note: `of ${String(TOTAL)}; ${mix}`,
			},
			{
				section: 'load',
				name: 'interactions lost',
				value: r.lost,
				unit: 'st',
				target: { op: '<=', value: 0 },
			},
			{
				section: 'load',
				name: 'wrong answers',
				value: r.wrong,
				unit: 'st',
				target: { op: '<=', value: 0 },
				note: `bot errors logged: ${String(r.errorLogs.length)}`,
			},
			{
				section: 'load',
				name: 'charts answered without the chart (render queue full)',
				value: r.busy,
				unit: 'st',
				note: `of ${String(r.charts)} charts; each says "många frågar just nu"`,
			},
			{ section: 'load', name: 'max ack', value: r.maxAckMs, unit: 'ms' },
			{ section: 'load', name: 'answer p99', value: r.answerP99Ms, unit: 'ms', note: 'charts included' },
			{
				section: 'load',
				name: 'peak RSS (bot process)',
				value: r.peakRssMb,
				unit: 'MB',
				note: 'VmHWM of the process, render worker threads included',
			},
			{
				section: 'load',
				name: 'max render queue',
				value: r.maxRenderQueue,
				unit: 'st',
				note: 'charts waiting for a worker when one more joined',
			},
			{ section: 'load', name: 'wall time', value: r.wallMs / 1000, unit: 's', note: 'first dispatch to last answer' },
		];
		// The heaviest chart at once from 1 000 users: the bounded render queue must keep memory flat.
		const p = await runLoad({ total: PROFIL_BURST, spreadMs: 0, mix: 'profil', answerTimeoutMs: 120_000 });
		figures.push(
			{
				section: 'load',
				name: `peak RSS, ${String(PROFIL_BURST)} simultaneous /profil`,
				value: p.peakRssMb,
				unit: 'MB',
				target: { op: '<=', value: 300 },
				note: `${String(p.busy)} answered without the chart ("many are asking"), ${String(p.lost)} lost, ${String(p.wrong)} wrong; max render queue ${String(p.maxRenderQueue)}`,
			},
			{
				section: 'load',
				name: `/profil burst answered`,
				value: PROFIL_BURST - p.lost - p.wrong,
				unit: 'st',
				target: { op: '>=', value: PROFIL_BURST },
				note: `acknowledged within 3 s: ${String(p.acknowledgedInTime)}`,
			},
		);
		return figures;
	},
};
