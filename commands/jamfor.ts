import { SlashCommandBuilder } from './discord.js';
import { compareAnswer } from '../src/answers/jamfor.js';
import { splitList } from '../src/answers/areas.js';
import { MAX_CHOICE_NAME, type Choice } from '../src/search/search.js';
import { clip } from '../src/text.js';
import { text, type Command } from './command.js';
import { csv, en, indikator, privat, year } from './options.js';

/**
 * Autocomplete for a comma-separated list: completes the last part and keeps the earlier ones,
 * so the value stays a list of ids ("1280,1480,1281") that resolves exactly.
 */
export function suggestListPart(suggest: (query: string) => Choice[], typed: string): Choice[] {
	const parts = splitList(typed);
	const endsWithSeparator = /[,;]\s*$/.test(typed);
	const done = endsWithSeparator ? parts : parts.slice(0, -1);
	const last = endsWithSeparator ? '' : (parts.at(-1) ?? '');
	if (/^[\p{L}]+\s*:/u.test(last)) return [{ name: clip(typed, MAX_CHOICE_NAME), value: typed.slice(0, 100) }];
	const prefixValue = done.join(',');
	const prefixName = done.join(', ');
	return suggest(last)
		.map((c) => ({
			name: clip(prefixName ? `${prefixName}, ${c.name}` : c.name, MAX_CHOICE_NAME),
			value: prefixValue ? `${prefixValue},${c.value}` : c.value,
		}))
		.filter((c) => c.value.length <= 100);
}

/** `/jämför indikator kommuner [år]`: 2–10 areas side by side with Riket as reference. */
export default {
	data: new SlashCommandBuilder()
		.setName('jämför')
		.setNameLocalizations(en('compare'))
		.setDescription('Jämför 2–10 kommuner (eller liknande:/kommungrupp:/län:) med riket som referens')
		.setDescriptionLocalizations(en('Compare 2–10 kommuner (or liknande:/kommungrupp:/län:) with Sweden as reference'))
		.addStringOption((o) => indikator(o).setRequired(true))
		.addStringOption((o) =>
			o
				.setName('kommuner')
				.setNameLocalizations(en('municipalities'))
				.setDescription('Kommaseparerat, t.ex. Malmö, Göteborg, Lund – eller liknande:Malmö, kommungrupp:A1, län:Skåne')
				.setDescriptionLocalizations(
					en('Comma-separated, e.g. Malmö, Göteborg, Lund – or liknande:Malmö, kommungrupp:A1, län:Skåne'),
				)
				.setRequired(true)
				.setMaxLength(500)
				.setAutocomplete(true),
		)
		.addIntegerOption(year())
		.addBooleanOption(csv)
		.addBooleanOption(privat),
	defer: 'public',
	chart: true,
	example: '/jämför indikator:långvarigt bistånd kommuner:Malmö, Göteborg, Stockholm',
	fallbackExamples: ['/jämför indikator:kostnad per invånare kommuner:Nyköping, Eskilstuna, Örebro'],
	answer: (ctx, input) =>
		compareAnswer(ctx, {
			indicator: text(input, 'indikator'),
			areas: text(input, 'kommuner'),
			year: input.get('år'),
			csv: input.get('csv'),
		}),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator'
			? ctx.search.suggestIndicators(focused.value)
			: suggestListPart((q) => ctx.search.suggestAreas(q), focused.value),
} satisfies Command;
