import { SlashCommandBuilder } from './discord.js';
import { indicatorAnswer } from '../src/answers/indikator.js';
import { text, type Command } from './command.js';
import { en, indikator, privat } from './options.js';

/** `/indikator indikator`: an indicator's definition, unit, kind, source and years. */
export default {
	data: new SlashCommandBuilder()
		.setName('indikator')
		.setNameLocalizations(en('indicator'))
		.setDescription('Visa en indikators definition, enhet, källa och år med data')
		.setDescriptionLocalizations(en('Show an indicator’s definition, unit, source and years'))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addBooleanOption(privat),
	defer: 'none',
	example: '/indikator indikator:FREDA',
	answer: (ctx, input) => indicatorAnswer(ctx, text(input, 'indikator')),
	autocomplete: (ctx, focused) => ctx.search.suggestIndicators(focused.value),
} satisfies Command;
