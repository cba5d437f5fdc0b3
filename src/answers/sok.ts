/** `/sök text`: kommuner, län, stadsdelar, groups and indicators that match a free text. */
import { MAX_CHOICE_NAME } from '../search/search.js';
import { clip } from '../text.js';
import { tr, type AnswerContext } from './context.js';
import { examplePair } from './examples.js';
import { errorAnswer, quote } from './resolve.js';
import type { Answer } from './types.js';

const MAX_HITS = 10;

/** Searches areas and indicators for a free text. */
export function searchAnswer(ctx: AnswerContext, text: string): Answer {
	const command = 'sök';
	if (text.trim() === '') {
		return errorAnswer(
			command,
			'empty_input',
			tr(
				ctx,
				'Skriv vad du söker efter, t.ex. ”göteborg” eller ”FREDA”.',
				'Type what you are looking for, e.g. ”göteborg” or ”FREDA”.',
			),
		);
	}
	const { areas, indicators } = ctx.search.search(text, MAX_HITS);
	if (areas.length === 0 && indicators.length === 0) {
		return errorAnswer(
			command,
			'not_found',
			tr(
				ctx,
				`Inga träffar för ”${quote(text)}”. Prova ett kortare ord eller en kommunkod.`,
				`No matches for ”${quote(text)}”. Try a shorter word or a kommun code.`,
			),
			{ text },
		);
	}
	const areaLines = areas.map((a) => clip(`${ctx.search.areaLabel(a)} · ${a.id}`, MAX_CHOICE_NAME));
	const indicatorLines = indicators.map((i) => {
		const suffix = ` · ${i.id} · ${ctx.search.coverageLabel(i.id)}`;
		return `${clip(i.shortTitle, MAX_CHOICE_NAME - suffix.length)}${suffix}`;
	});
	const pair = examplePair(ctx.dataset);
	const example = `/värde kommun:${pair?.kommun.id ?? '0180'} indikator:${pair?.indicator.id ?? 'N31814'}`;
	return {
		ok: true,
		command,
		title: tr(ctx, `Sökresultat för ”${quote(text)}”`, `Search results for ”${quote(text)}”`),
		fields: [
			...(areaLines.length > 0 ? [{ name: tr(ctx, 'Områden', 'Areas'), value: areaLines.join('\n') }] : []),
			...(indicatorLines.length > 0
				? [{ name: tr(ctx, 'Indikatorer', 'Indicators'), value: indicatorLines.join('\n') }]
				: []),
		],
		notes: [
			tr(
				ctx,
				`Använd id:t eller namnet i andra kommandon, t.ex. \`${example}\`.`,
				`Use the id or the name in other commands, e.g. \`${example}\`.`,
			),
		],
		sources: ['Källa: Kolada'],
		resolved: { text },
		data: {
			areas: areas.map((a) => ({ id: a.id, type: a.type, name: a.name, label: ctx.search.areaLabel(a) })),
			indicators: indicators.map((i) => ({
				id: i.id,
				title: i.title,
				shortTitle: i.shortTitle,
				kind: i.kind,
				unit: i.unit,
				coverage: ctx.search.coverageOf(i.id) ?? null,
			})),
		},
	};
}
