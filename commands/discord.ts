/**
 * Discord's command builders and API constants, loaded as CommonJS. Imported as ES modules, they
 * make Node scan the ~250 CommonJS files of discord-api-types for their export names before
 * anything runs, which about doubles what they cost a one-shot `npm run ask`; discord.js (itself
 * CommonJS) loads the same copies, so a bot process holds one copy of each, not two.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const builders = require('@discordjs/builders') as typeof import('@discordjs/builders');
const api = require('discord-api-types/v10') as typeof import('discord-api-types/v10');

/** The slash command builder of `@discordjs/builders`. */
export const SlashCommandBuilder = builders.SlashCommandBuilder;

/** Constants of the Discord API (`discord-api-types/v10`). */
export const { ApplicationCommandOptionType, ChannelType, InteractionContextType, PermissionFlagsBits } = api;
