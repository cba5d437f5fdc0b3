import { SlashCommandBuilder } from './discord.js';
import { groupsAnswer } from '../src/answers/grupper.js';
import { text, type Command } from './command.js';
import { csv, en, indikator, privat, year } from './options.js';

/** `/grupper indikator [år] [indelning]`: the indicator by kommungrupp, size class or län. */
export default {
	data: new SlashCommandBuilder()
		.setName('grupper')
		.setNameLocalizations(en('groups'))
		.setDescription('En indikator per kommungrupp, kommunstorlek eller län')
		.setDescriptionLocalizations(en('An indicator by kommungrupp, size class or county'))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addIntegerOption(year())
		.addStringOption((o) =>
			o
				.setName('indelning')
				.setNameLocalizations(en('division'))
				.setDescription('Kommungrupp (standard), storlek eller län')
				.setDescriptionLocalizations(en('Kommungrupp (default), size or county'))
				.addChoices(
					{ name: 'SKR:s kommungrupper', name_localizations: en('SKR kommungrupper'), value: 'kommungrupp' },
					{ name: 'Kommunstorlek', name_localizations: en('Size class'), value: 'storlek' },
					{ name: 'Län', name_localizations: en('County'), value: 'län' },
				),
		)
		.addBooleanOption(csv)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/grupper indikator:FREDA år:2020 indelning:kommungrupp',
	answer: (ctx, input) =>
		groupsAnswer(ctx, {
			indicator: text(input, 'indikator'),
			year: input.get('år'),
			division: text(input, 'indelning'),
			csv: input.get('csv'),
		}),
	autocomplete: (ctx, focused) => ctx.search.suggestIndicators(focused.value),
} satisfies Command;
