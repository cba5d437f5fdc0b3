import { SlashCommandBuilder } from './discord.js';
import { helpAnswer } from '../src/answers/hjalp.js';
import type { Command } from './command.js';
import { workingExample } from './examples.js';
import { en, privat } from './options.js';

/** `/hjälp`: every command with one example that answers on the loaded dataset. Takes the command list lazily to avoid an import cycle. */
export function helpCommand(list: () => readonly Command[]): Command {
	return {
		data: new SlashCommandBuilder()
			.setName('hjälp')
			.setNameLocalizations(en('help'))
			.setDescription('Visa kommandona med ett exempel var')
			.setDescriptionLocalizations(en('List the commands with an example each'))
			.addBooleanOption(privat),
		defer: 'none',
		example: '/hjälp',
		answer: (ctx) =>
			helpAnswer(
				ctx,
				list().map((c) => ({
					name: c.data.name,
					description:
						(ctx.locale === 'en' ? c.data.description_localizations?.['en-US'] : undefined) ?? c.data.description,
					example: workingExample(ctx, c, list()),
				})),
			),
	};
}
