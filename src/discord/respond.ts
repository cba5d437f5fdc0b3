/**
 * Sending answers back to Discord, and the one error funnel.
 *
 * Which call to use depends only on the interaction's state: `reply` before any acknowledgement,
 * `editReply` after a defer, `followUp` once something was sent. Errors are always ephemeral: after a
 * public defer the "thinking …" placeholder is deleted first, so the ephemeral follow-up becomes a
 * message of its own (the first follow-up after a defer would otherwise replace the placeholder and
 * stay public). Discord's 10062 (unknown or expired interaction) and 40060 (already acknowledged)
 * on these paths are logged, never thrown.
 */
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { Locale } from '../answers/types.js';
import { textMessage, type OutgoingMessage } from './embeds.js';
import { uiTexts } from './locale.js';
import type { Logger } from './logger.js';

/** Unknown interaction: too late (3 s), or expired. */
export const UNKNOWN_INTERACTION = 10062;
/** The interaction was already acknowledged (by this process or another one on the same token). */
export const ALREADY_ACKNOWLEDGED = 40060;
/** Unknown message (e.g. a placeholder already deleted). */
export const UNKNOWN_MESSAGE = 10008;

/** Discord's JSON error code of an error, if it is a Discord API error. */
export function discordErrorCode(error: unknown): number | undefined {
	if (error instanceof DiscordAPIError) return typeof error.code === 'number' ? error.code : undefined;
	return undefined;
}

/** Whether an error only says the interaction can no longer be answered (10062, 40060). */
export function isUnanswerable(error: unknown): boolean {
	const code = discordErrorCode(error);
	return code === UNKNOWN_INTERACTION || code === ALREADY_ACKNOWLEDGED;
}

/** A short random reference shown to the user and written to the log, e.g. `ab12cd34`. */
export function newRef(): string {
	return randomBytes(4).toString('hex');
}

/** Where a sent message is: `@original` or a follow-up's id. */
export type SentMessage = '@original' | (string & {});

type Payload = Pick<InteractionReplyOptions, 'content' | 'embeds' | 'files' | 'components' | 'allowedMentions'>;

/** The discord.js form of an outgoing message. */
export function toPayload(message: OutgoingMessage): Payload {
	return {
		...(message.content === undefined ? {} : { content: message.content }),
		embeds: [...message.embeds],
		files: message.files.map((f) => ({ attachment: f.data, name: f.name })),
		components: [...message.components] as InteractionReplyOptions['components'],
		allowedMentions: { parse: [] },
	};
}

/**
 * Sends a result by the interaction's state. `ephemeral` applies where the message is created here
 * (reply, follow-up); after a defer the choice made at defer time holds.
 */
export async function sendResult(
	interaction: RepliableInteraction,
	message: OutgoingMessage,
	ephemeral: boolean,
): Promise<SentMessage> {
	const payload = toPayload(message);
	const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
	if (interaction.replied) {
		const sent = await interaction.followUp({ ...payload, ...(flags === undefined ? {} : { flags }) });
		return sent.id;
	}
	if (interaction.deferred) {
		await interaction.editReply(payload);
		return '@original';
	}
	await interaction.reply({ ...payload, ...(flags === undefined ? {} : { flags }) });
	return '@original';
}

/**
 * Sends a message only the user sees, whatever the state: reply ephemerally; after an ephemeral
 * defer edit it; after a public defer delete the placeholder and follow up ephemerally; after a reply
 * follow up ephemerally.
 */
export async function sendPrivate(
	interaction: RepliableInteraction,
	message: OutgoingMessage,
	logger: Logger,
): Promise<SentMessage> {
	const payload = toPayload(message);
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
		return '@original';
	}
	if (interaction.deferred && !interaction.replied) {
		if (interaction.ephemeral === true) {
			await interaction.editReply(payload);
			return '@original';
		}
		try {
			await interaction.deleteReply();
		} catch (error) {
			if (isUnanswerable(error)) throw error;
			if (discordErrorCode(error) !== UNKNOWN_MESSAGE) {
				logger.warn({ err: error, interaction: interaction.id }, 'could not delete the public placeholder');
			}
		}
	}
	const sent = await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
	return sent.id;
}

/** What the funnel logs beside the error. */
export type FailureContext = Readonly<Record<string, unknown>>;

/**
 * The error funnel. 10062/40060 are logged as warnings (nothing can be sent any more); anything else
 * is logged with its context and a reference, and the user gets a short ephemeral message with that
 * reference. Never throws.
 */
export async function reportFailure(
	interaction: RepliableInteraction,
	error: unknown,
	opts: { readonly logger: Logger; readonly locale: Locale; readonly context: FailureContext },
): Promise<void> {
	const { logger, context } = opts;
	const code = discordErrorCode(error);
	if (code === UNKNOWN_INTERACTION || code === ALREADY_ACKNOWLEDGED) {
		logger.warn(
			{ ...context, code, err: error },
			code === UNKNOWN_INTERACTION
				? 'interaction unknown or expired; it cannot be answered'
				: 'interaction already acknowledged; not answered again',
		);
		return;
	}
	const ref = newRef();
	logger.error({ ...context, ref, err: error }, 'unexpected error while answering an interaction');
	try {
		await sendPrivate(interaction, textMessage(uiTexts(opts.locale).internalError(ref)), logger);
	} catch (sendError) {
		const level = isUnanswerable(sendError) ? 'warn' : 'error';
		logger[level]({ ...context, ref, err: sendError }, 'could not tell the user about the error');
	}
}
