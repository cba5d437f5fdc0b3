/**
 * Answer building without charts: every command's `answer` over the bundled dataset with a spread
 * of realistic inputs. Target: p99 ≤ 5 ms.
 */
import { inputFrom } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { loadSnapshot } from '../../src/runtime.js';
import { percentile, type BenchFigure, type BenchSection } from './types.js';

type Options = Record<string, string | number | boolean>;

/** A mix of inputs per command, built from areas that have data in the bundle. */
function workload(kommuner: readonly string[]): [string, Options][] {
	const out: [string, Options][] = [];
	kommuner.forEach((k, i) => {
		out.push([
			'värde',
			{ kommun: k, indikator: ['N31910', 'U31001', 'N31849', 'kostnad per invånare'][i % 4] ?? 'N31910' },
		]);
		out.push([
			'jämför',
			{ indikator: 'U31001', kommuner: `${k}, ${kommuner[(i + 7) % kommuner.length] ?? 'Malmö'}, Riket` },
		]);
		out.push(['trend', { kommun: k, indikator: 'N31910', jämför_med: 'Uppsala' }]);
		out.push(['profil', { kommun: k }]);
	});
	out.push(['topplista', { indikator: 'U31001', år: 2017 }], ['topplista', { indikator: 'N31910', län: 'Uppsala' }]);
	out.push(
		['grupper', { indikator: 'FREDA', år: 2020 }],
		['grupper', { indikator: 'U31001', år: 2020, indelning: 'län' }],
	);
	out.push(
		['sök', { text: 'goteborg' }],
		['indikator', { indikator: 'långvarigt bistånd' }],
		['värde', { kommun: 'Riket', indikator: 'FREDA' }],
	);
	return out;
}

/** The answers section of `npm run bench`. */
export const answersBench: BenchSection = {
	name: 'answers',
	async run(): Promise<BenchFigure[]> {
		const { dataset, search } = await loadSnapshot('data/db.json');
		const ctx = { dataset, search, locale: 'sv' as const, today: new Date() };
		const withData = dataset
			.areasOfType('kommun')
			.filter((a) => dataset.indicatorsFor(a.id).size > 0)
			.map((a) => a.name);
		const work = workload(withData);
		const run = ([name, options]: [string, Options]): void => {
			const command = commands.find((c) => c.data.name === name);
			if (!command) throw new Error(`unknown command ${name}`);
			command.answer(ctx, inputFrom(options));
		};
		for (const w of work) run(w);
		const samples: number[] = [];
		const perCommand = new Map<string, number[]>();
		for (let round = 0; round < 10; round++) {
			for (const w of work) {
				const t = performance.now();
				run(w);
				const ms = performance.now() - t;
				samples.push(ms);
				const list = perCommand.get(w[0]) ?? [];
				list.push(ms);
				perCommand.set(w[0], list);
			}
		}
		const note = `${samples.length} svar, ${withData.length} kommuner med data`;
		return [
			{ section: 'answers', name: 'svar utan diagram p50', value: percentile(samples, 50), unit: 'ms', note },
			{
				section: 'answers',
				name: 'svar utan diagram p99',
				value: percentile(samples, 99),
				unit: 'ms',
				target: { op: '<=', value: 5 },
				note,
			},
			...[...perCommand.entries()].map(([name, list]) => ({
				section: 'answers',
				name: `/${name} p99`,
				value: percentile(list, 99),
				unit: 'ms',
			})),
		];
	},
};
