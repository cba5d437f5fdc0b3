import type { SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from './discord.js';
import { tr } from '../src/answers/context.js';
import { errorAnswer } from '../src/answers/resolve.js';
import type { Command } from './command.js';
import { area, en, indikator } from './options.js';

/** The channel a digest goes to (default: the channel the command is run in). */
function channel(
	sub: SlashCommandSubcommandBuilder,
	description: string,
	english: string,
): SlashCommandSubcommandBuilder {
	return sub.addChannelOption((o) =>
		o
			.setName('kanal')
			.setNameLocalizations(en('channel'))
			.setDescription(description)
			.setDescriptionLocalizations(en(english))
			.addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
	);
}

/**
 * `/bevaka lägg_till|lista|ta_bort`: watches that post new figures for a kommun (and indicator) in a
 * channel after every sync or import. Needs Manage Server to change (checked again when run); the
 * Discord side handles it, since it is about servers and channels. In the shell it only explains that.
 */
export default {
	data: new SlashCommandBuilder()
		.setName('bevaka')
		.setNameLocalizations(en('watch'))
		.setDescription('Posta nya siffror för en kommun i en kanal efter varje uppdatering av datan')
		.setDescriptionLocalizations(en('Post new figures for a kommun in a channel after every data update'))
		.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
		.setContexts(InteractionContextType.Guild)
		.addSubcommand((sub) =>
			channel(
				sub
					.setName('lägg_till')
					.setNameLocalizations(en('add'))
					.setDescription('Bevaka en kommun (och en indikator)')
					.setDescriptionLocalizations(en('Watch a kommun (and an indicator)'))
					.addStringOption((o) =>
						area('kommun', 'Kommunen som bevakas', ['municipality', 'The kommun to watch'])(o).setRequired(true),
					)
					.addStringOption((o) =>
						indikator(o)
							.setDescription('Bara den här indikatorn (standard: alla)')
							.setDescriptionLocalizations(en('Only this indicator (default: all)')),
					),
				'Kanalen nya siffror postas i (standard: den här)',
				'Channel to post new figures in (default: this one)',
			),
		)
		.addSubcommand((sub) =>
			sub
				.setName('lista')
				.setNameLocalizations(en('list'))
				.setDescription('Visa serverns bevakningar')
				.setDescriptionLocalizations(en('List the server’s watches')),
		)
		.addSubcommand((sub) =>
			channel(
				sub
					.setName('ta_bort')
					.setNameLocalizations(en('remove'))
					.setDescription('Sluta bevaka en kommun (och indikator)')
					.setDescriptionLocalizations(en('Stop watching a kommun (and indicator)'))
					.addStringOption((o) => area('kommun', 'Kommunen', ['municipality', 'The kommun'])(o).setRequired(true))
					.addStringOption((o) =>
						indikator(o)
							.setDescription('Bara bevakningen av den här indikatorn (standard: alla för kommunen)')
							.setDescriptionLocalizations(en('Only the watch of this indicator (default: all for the kommun)')),
					),
				'Bara bevakningen i den här kanalen',
				'Only the watch in this channel',
			),
		),
	defer: 'ephemeral',
	example: '/bevaka lägg_till kommun:Nyköping indikator:långvarigt bistånd',
	answer: (ctx) =>
		errorAnswer(
			'bevaka',
			'invalid_option',
			tr(
				ctx,
				'Bevakningar ställs in i en Discord-server: de postar nya siffror i en kanal efter varje synk eller import.',
				'Watches are set up in a Discord server: they post new figures in a channel after every sync or import.',
			),
		),
	autocomplete: (ctx, focused) =>
		focused.name === 'indikator'
			? ctx.search.suggestIndicators(focused.value)
			: ctx.search.suggestAreas(focused.value, 'kommun'),
} satisfies Command;
