import { SlashCommandBuilder } from './discord.js';
import { topListAnswer } from '../src/answers/topplista.js';
import { text, type Command } from './command.js';
import { area, csv, en, gender, indikator, privat, year } from './options.js';

/** `/topplista indikator [år] [antal] [ordning] [län]`: the top or bottom N kommuner. */
export default {
	data: new SlashCommandBuilder()
		.setName('topplista')
		.setNameLocalizations(en('toplist'))
		.setDescription('De bästa eller sämsta kommunerna på en indikator')
		.setDescriptionLocalizations(en('The best or worst kommuner on an indicator'))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addIntegerOption(year())
		.addIntegerOption((o) =>
			o
				.setName('antal')
				.setNameLocalizations(en('count'))
				.setDescription('Antal kommuner (1–30, standard 10)')
				.setDescriptionLocalizations(en('Number of kommuner (1–30, default 10)'))
				.setMinValue(1)
				.setMaxValue(30),
		)
		.addStringOption((o) =>
			o
				.setName('ordning')
				.setNameLocalizations(en('order'))
				.setDescription('Bäst/sämst (när riktning finns) eller högst/lägst')
				.setDescriptionLocalizations(en('Best/worst (when a direction exists) or highest/lowest'))
				.addChoices(
					{ name: 'Bäst först', name_localizations: en('Best first'), value: 'bäst' },
					{ name: 'Sämst först', name_localizations: en('Worst first'), value: 'sämst' },
					{ name: 'Högst värde först', name_localizations: en('Highest first'), value: 'högst' },
					{ name: 'Lägst värde först', name_localizations: en('Lowest first'), value: 'lägst' },
				),
		)
		.addIntegerOption((o) =>
			o
				.setName('från_plats')
				.setNameLocalizations(en('from_rank'))
				.setDescription('Börja listan på den här platsen (standard 1), t.ex. 11 för nästa tio')
				.setDescriptionLocalizations(en('Start the list at this place (default 1), e.g. 11 for the next ten'))
				.setMinValue(1)
				.setMaxValue(400),
		)
		.addStringOption((o) => area('län', 'Bara kommuner i ett län', ['county', 'Only kommuner in one county'])(o))
		.addStringOption(gender)
		.addBooleanOption(csv)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/topplista indikator:kostnad per invånare antal:10 län:Skåne',
	fallbackExamples: ['/topplista indikator:kostnad per invånare antal:10 län:Norrbotten'],
	answer: (ctx, input) =>
		topListAnswer(ctx, {
			indicator: text(input, 'indikator'),
			year: input.get('år'),
			count: input.get('antal'),
			order: text(input, 'ordning'),
			lan: text(input, 'län'),
			gender: input.get('kön'),
			csv: input.get('csv'),
			start: input.get('från_plats'),
		}),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator'
			? ctx.search.suggestIndicators(focused.value)
			: ctx.search.suggestAreas(focused.value, 'lan'),
} satisfies Command;
