import { SlashCommandBuilder } from './discord.js';
import { aboutAnswer } from '../src/answers/om.js';
import type { Command } from './command.js';
import { en, privat } from './options.js';

/** `/om`: sources with dates, counts and attribution. */
export default {
	data: new SlashCommandBuilder()
		.setName('om')
		.setNameLocalizations(en('about'))
		.setDescription('Om boten: källor, datum, antal värden och villkor')
		.setDescriptionLocalizations(en('About the bot: sources, dates, counts and terms'))
		.addBooleanOption(privat),
	defer: 'none',
	example: '/om',
	answer: (ctx) => aboutAnswer(ctx),
} satisfies Command;
