import { SlashCommandBuilder } from 'discord.js';
import { questionAnswer } from '../src/answers/fraga.js';
import { MAX_QUESTION_LENGTH } from '../src/question/text.js';
import { text, type Command } from './command.js';
import { en, privat } from './options.js';

/**
 * `/fråga text`: a question in your own words, answered by the matching command with the command
 * line it was read as. A `text` that is a command line (a picked "Menade du …?" candidate) is run
 * as it stands. Takes the command list lazily to avoid an import cycle.
 */
export function questionCommand(list: () => readonly Command[]): Command {
	return {
		data: new SlashCommandBuilder()
			.setName('fråga')
			.setNameLocalizations(en('ask'))
			.setDescription('Fråga med egna ord, t.ex. ”hur ligger Malmö till på långvarigt bistånd?”')
			.setDescriptionLocalizations(en('Ask in your own words, e.g. ”how is Malmö doing on long-term assistance?”'))
			.addStringOption((o) =>
				o
					.setName('text')
					.setNameLocalizations(en('text'))
					.setDescription('Din fråga, på svenska eller engelska')
					.setDescriptionLocalizations(en('Your question, in Swedish or English'))
					.setRequired(true)
					.setMaxLength(MAX_QUESTION_LENGTH),
			)
			.addBooleanOption(privat),
		defer: 'public',
		chart: true,
		example: '/fråga text:hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?',
		answer: (ctx, input) => questionAnswer(ctx, text(input, 'text'), list()),
	};
}
