import { SlashCommandBuilder } from './discord.js';
import { trendAnswer } from '../src/answers/trend.js';
import { text, type Command } from './command.js';
import { suggestListPart } from './jamfor.js';
import { area, en, gender, indikator, privat, year } from './options.js';

/** `/trend kommun indikator [från] [till] [jämför_med]`: a line over all years with data. */
export default {
	data: new SlashCommandBuilder()
		.setName('trend')
		.setNameLocalizations(en('trend'))
		.setDescription('Utvecklingen över tid för en kommun, med riket som referens')
		.setDescriptionLocalizations(en('Development over time for a kommun, with Sweden as reference'))
		.addStringOption((o) => area()(o).setRequired(true))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addIntegerOption(
			year('från', 'Första år (standard: första året med data)', [
				'from',
				'First year (default: first year with data)',
			]),
		)
		.addIntegerOption(
			year('till', 'Sista år (standard: senaste året med data)', ['to', 'Last year (default: latest year with data)']),
		)
		.addStringOption((o) =>
			o
				.setName('jämför_med')
				.setNameLocalizations(en('compare_with'))
				.setDescription('Andra områden, kommaseparerade, t.ex. Göteborg, Lund')
				.setDescriptionLocalizations(en('Other areas, comma-separated, e.g. Göteborg, Lund'))
				.setMaxLength(300)
				.setAutocomplete(true),
		)
		.addStringOption(gender)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/trend kommun:Gotland indikator:biståndshushåll jämför_med:Uppsala',
	fallbackExamples: ['/trend kommun:Gotland indikator:biståndshushåll jämför_med:Eskilstuna'],
	answer: (ctx, input) =>
		trendAnswer(ctx, {
			area: text(input, 'kommun'),
			indicator: text(input, 'indikator'),
			from: input.get('från'),
			to: input.get('till'),
			compareWith: text(input, 'jämför_med'),
			gender: input.get('kön'),
		}),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator'
			? ctx.search.suggestIndicators(focused.value)
			: focused.name === 'jämför_med'
				? suggestListPart((q) => ctx.search.suggestAreas(q), focused.value)
				: ctx.search.suggestAreas(focused.value),
} satisfies Command;
