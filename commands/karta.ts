import { SlashCommandBuilder } from './discord.js';
import { mapAnswer } from '../src/answers/karta.js';
import { text, type Command } from './command.js';
import { area, csv, en, gender, indikator, privat, year } from './options.js';

/** `/karta indikator [år] [län] [markera]`: a map of all kommuner, or of one län, coloured by an indicator. */
export default {
	data: new SlashCommandBuilder()
		.setName('karta')
		.setNameLocalizations(en('map'))
		.setDescription('Karta över kommunerna, eller ett län, färgade efter en indikator')
		.setDescriptionLocalizations(en('Map of the kommuner, or of one county, coloured by an indicator'))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addIntegerOption(year())
		.addStringOption((o) =>
			area('län', 'Bara ett läns kommuner, inzoomat', ['county', "Only one county's kommuner, zoomed in"])(o),
		)
		.addStringOption((o) =>
			area('markera', 'En kommun att rama in och visa värdet för', ['highlight', 'A kommun to outline with its value'])(
				o,
			),
		)
		.addStringOption(gender)
		.addBooleanOption(csv)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/karta indikator:kostnad per invånare län:Norrbotten markera:Luleå',
	answer: (ctx, input) =>
		mapAnswer(ctx, {
			indicator: text(input, 'indikator'),
			year: input.get('år'),
			lan: text(input, 'län'),
			highlight: text(input, 'markera'),
			gender: input.get('kön'),
			csv: input.get('csv'),
		}),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator'
			? ctx.search.suggestIndicators(focused.value)
			: ctx.search.suggestAreas(focused.value, focused.name === 'län' ? 'lan' : 'kommun'),
} satisfies Command;
