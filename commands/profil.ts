import { SlashCommandBuilder } from './discord.js';
import { profileAnswer } from '../src/answers/profil.js';
import { text, type Command } from './command.js';
import { area, en, privat, year } from './options.js';

/** `/profil kommun [år]`: where a kommun stands on every indicator with data. */
export default {
	data: new SlashCommandBuilder()
		.setName('profil')
		.setNameLocalizations(en('profile'))
		.setDescription('En kommuns läge på alla indikatorer med data, jämfört med riket')
		.setDescriptionLocalizations(en('A kommun’s standing on every indicator with data, compared with Sweden'))
		.addStringOption((o) => area()(o).setRequired(true))
		.addIntegerOption(
			year('år', 'År (standard: senaste året per indikator)', ['year', 'Year (default: latest per indicator)']),
		)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/profil kommun:Nyköping',
	fallbackExamples: ['/profil kommun:Eskilstuna'],
	answer: (ctx, input) => profileAnswer(ctx, { area: text(input, 'kommun'), year: input.get('år') }),
	autocomplete: (ctx, focused) => ctx.search.suggestAreas(focused.value),
} satisfies Command;
