/**
 * Option builders shared by the commands, with Swedish names and English localisations, so every
 * command spells `kommun`, `indikator`, `år`, `kön` and `privat` the same way.
 */
import type {
	SlashCommandBooleanOption,
	SlashCommandIntegerOption,
	SlashCommandStringOption,
} from '@discordjs/builders';
import { MAX_YEAR, MIN_YEAR } from '../src/dataset/schema.js';

type Localized = Readonly<Record<'en-US' | 'en-GB', string>>;

/** The same English text for both English locales. */
export function en(text: string): Localized {
	return { 'en-US': text, 'en-GB': text };
}

/** `privat`: show the result only to the user (errors are always private). */
export function privat(o: SlashCommandBooleanOption): SlashCommandBooleanOption {
	return o
		.setName('privat')
		.setNameLocalizations(en('private'))
		.setDescription('Visa svaret bara för dig')
		.setDescriptionLocalizations(en('Show the answer only to you'));
}

/** `csv`: attach the underlying numbers as a CSV file. */
export function csv(o: SlashCommandBooleanOption): SlashCommandBooleanOption {
	return o
		.setName('csv')
		.setDescription('Bifoga siffrorna som CSV-fil')
		.setDescriptionLocalizations(en('Attach the numbers as a CSV file'));
}

/** An area option with autocomplete (`kommun` by default). */
export function area(
	name = 'kommun',
	description = 'Kommun, län eller Riket – namn eller kod',
	english: readonly [string, string] = ['municipality', 'Municipality, county or Sweden – name or code'],
) {
	return (o: SlashCommandStringOption): SlashCommandStringOption =>
		o
			.setName(name)
			.setNameLocalizations(en(english[0]))
			.setDescription(description)
			.setDescriptionLocalizations(en(english[1]))
			.setMaxLength(200)
			.setAutocomplete(true);
}

/** `indikator` with autocomplete. */
export function indikator(o: SlashCommandStringOption): SlashCommandStringOption {
	return o
		.setName('indikator')
		.setNameLocalizations(en('indicator'))
		.setDescription('Indikator – namn, nyckelord eller id, t.ex. långvarigt bistånd')
		.setDescriptionLocalizations(en('Indicator – name, keyword or id'))
		.setMaxLength(200)
		.setAutocomplete(true);
}

/** A year option (`år` by default). */
export function year(
	name = 'år',
	description = 'År (standard: senaste året med data)',
	english: readonly [string, string] = ['year', 'Year (default: latest year with data)'],
) {
	return (o: SlashCommandIntegerOption): SlashCommandIntegerOption =>
		o
			.setName(name)
			.setNameLocalizations(en(english[0]))
			.setDescription(description)
			.setDescriptionLocalizations(en(english[1]))
			.setMinValue(MIN_YEAR)
			.setMaxValue(MAX_YEAR);
}

/** `kön`: totalt, kvinnor or män. */
export function gender(o: SlashCommandStringOption): SlashCommandStringOption {
	return o
		.setName('kön')
		.setNameLocalizations(en('gender'))
		.setDescription('Kön (standard: totalt)')
		.setDescriptionLocalizations(en('Gender (default: total)'))
		.addChoices(
			{ name: 'Totalt', name_localizations: en('Total'), value: 'T' },
			{ name: 'Kvinnor', name_localizations: en('Women'), value: 'K' },
			{ name: 'Män', name_localizations: en('Men'), value: 'M' },
		);
}
