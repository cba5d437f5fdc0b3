import { SlashCommandBuilder } from './discord.js';
import { valueAnswer } from '../src/answers/varde.js';
import { text, type Command } from './command.js';
import { area, en, gender, indikator, privat, year } from './options.js';

/** `/värde kommun indikator [år] [kön]`: one area's value with comparisons, rank and colour. */
export default {
	data: new SlashCommandBuilder()
		.setName('värde')
		.setNameLocalizations(en('value'))
		.setDescription('En kommuns värde med jämförelser, placering och förändring')
		.setDescriptionLocalizations(en('A kommun’s value with comparisons, rank and change'))
		.addStringOption((o) => area()(o).setRequired(true))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addIntegerOption(year())
		.addStringOption(gender)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/värde kommun:Malmö indikator:långvarigt bistånd',
	fallbackExamples: ['/värde kommun:Nyköping indikator:kostnad per invånare'],
	answer: (ctx, input) =>
		valueAnswer(ctx, {
			area: text(input, 'kommun'),
			indicator: text(input, 'indikator'),
			year: input.get('år'),
			gender: input.get('kön'),
		}),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator' ? ctx.search.suggestIndicators(focused.value) : ctx.search.suggestAreas(focused.value),
} satisfies Command;
