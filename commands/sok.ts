import { SlashCommandBuilder } from './discord.js';
import { searchAnswer } from '../src/answers/sok.js';
import { text, type Command } from './command.js';
import { en, privat } from './options.js';

/** `/sök text`: find kommuner, län and indicators. */
export default {
	data: new SlashCommandBuilder()
		.setName('sök')
		.setNameLocalizations(en('search'))
		.setDescription('Sök kommuner, län och indikatorer')
		.setDescriptionLocalizations(en('Search kommuner, counties and indicators'))
		.addStringOption((o) =>
			o
				.setName('text')
				.setDescription('Vad du söker, t.ex. göteborg eller FREDA')
				.setDescriptionLocalizations(en('What to look for, e.g. göteborg or FREDA'))
				.setRequired(true)
				.setMaxLength(200),
		)
		.addBooleanOption(privat),
	defer: 'none',
	example: '/sök text:goteborg',
	answer: (ctx, input) => searchAnswer(ctx, text(input, 'text')),
} satisfies Command;
