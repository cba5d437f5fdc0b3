/**
 * Optional mention mode (`MENTION_MODE=true`, off by default): a message that mentions the bot is read
 * as a question and answered the way `/fråga` answers — in a new thread when the channel allows it,
 * otherwise as a reply. The cooldown notice is always a plain reply (it never opens a thread), and
 * once a thread has been started for a message every further send for it goes into that thread, so a
 * failed send is never answered by starting the thread again. Reading messages needs the Message Content and Guild Messages intents, which
 * the bot asks for only in this mode (and which must be enabled for the application in Discord's
 * Developer Portal; Message Content is privileged).
 */
import {
	ChannelType,
	PermissionFlagsBits,
	ThreadAutoArchiveDuration,
	type Message,
	type PublicThreadChannel,
} from 'discord.js';
import { inputFrom } from '../../commands/command.js';
import type { ErrorAnswer } from '../answers/types.js';
import { clip } from '../text.js';
import { answerWithChart, type AnswerDeps } from './deliver.js';
import { breakLinks, errorText, textMessage, type OutgoingMessage } from './embeds.js';
import { localeOf, uiTexts } from './locale.js';
import { newRef, toPayload } from './respond.js';

/** What the mention responder needs (the same parts the interaction router uses). */
export type MentionDeps = AnswerDeps;

/** The question in a message: the bot's mentions removed, whitespace tidied. */
export function questionOf(content: string, botId: string): string {
	return content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a message is addressed to the bot: an explicit mention (not @everyone), from a person, in a server. */
export function isForBot(message: Message, botId: string): boolean {
	if (message.author.bot || !message.inGuild()) return false;
	return botId !== '' && (message.content.includes(`<@${botId}>`) || message.content.includes(`<@!${botId}>`));
}

/** Whether the bot may answer in a new thread under the message. */
function canStartThread(message: Message<true>): boolean {
	if (message.channel.type !== ChannelType.GuildText) return false;
	const me = message.guild.members.me;
	const permissions = me ? message.channel.permissionsFor(me) : null;
	return (
		permissions?.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]) === true
	);
}

/** An error answer as text, with the candidates as `/fråga` lines to copy. */
function notAnswered(answer: ErrorAnswer): OutgoingMessage {
	const candidates = (answer.error.candidates ?? []).map((c) => `\`/fråga text:${c.id}\``).join('\n');
	return textMessage(candidates === '' ? errorText(answer) : `${errorText(answer)}\n${candidates}`);
}

/** Where the answers to one message go: a thread once one is started for it, or replies. */
interface Delivery {
	/** The thread started for the message, if any. */
	thread?: PublicThreadChannel<false> | undefined;
	/** False to answer with a reply even where a thread could be started (the cooldown notice). */
	readonly inThread?: boolean;
}

/** Answers messages that mention the bot. */
export class MentionResponder {
	readonly #deps: MentionDeps;

	constructor(deps: MentionDeps) {
		this.#deps = deps;
	}

	/** Handles one message; never rejects (failures are logged and, where possible, answered with a reference). */
	async handle(message: Message, botId: string): Promise<void> {
		if (!isForBot(message, botId) || !message.inGuild()) return;
		const { logger, cooldown, commands, runtime, render } = this.#deps;
		const locale = localeOf(message.guild.preferredLocale);
		const context = { messageId: message.id, channelId: message.channelId, userId: message.author.id };
		const where: Delivery = {};
		// Whether this message holds the author's chart turn, given back unless a chart is drawn and sent.
		let holdsTurn = false;
		try {
			const question = questionOf(message.content, botId);
			const ask = commands.find((c) => c.data.name === 'fråga');
			if (!ask) return;
			const turn = cooldown.enabled ? cooldown.take(message.author.id) : undefined;
			if (turn && !turn.ok) {
				await this.#send(message, textMessage(uiTexts(locale).cooldown(turn.retryAt, turn.retryInSeconds)), question, {
					inThread: false,
				});
				return;
			}
			holdsTurn = turn !== undefined;
			const answer = ask.answer(runtime.context(locale), inputFrom({ text: question }));
			if (!answer.ok || !answer.chart) cooldown.release(message.author.id);
			const outgoing = answer.ok
				? await answerWithChart(answer, {
						locale,
						render,
						logger,
						context,
						onBusy: () => {
							cooldown.release(message.author.id);
						},
					})
				: notAnswered(answer);
			await this.#send(message, outgoing, question, where);
			logger.info({ ...context, outcome: answer.ok ? 'ok' : answer.error.code }, 'mention answered');
		} catch (error) {
			if (holdsTurn) cooldown.release(message.author.id);
			const ref = newRef();
			logger.error({ ...context, ref, err: error }, 'mention failed');
			await this.#send(message, textMessage(uiTexts(locale).internalError(ref)), '', where).catch(
				(sendError: unknown) => {
					logger.warn({ ...context, ref, err: sendError }, 'could not report the failure');
				},
			);
		}
	}

	/**
	 * Answers in the message's thread: the one already started for it, else a new one when the channel
	 * allows it and `where.inThread` is not false; otherwise as a reply without pinging anyone.
	 */
	async #send(message: Message<true>, outgoing: OutgoingMessage, question: string, where: Delivery): Promise<void> {
		const payload = toPayload(outgoing);
		if (where.thread === undefined && where.inThread !== false && canStartThread(message)) {
			where.thread = await message.startThread({
				name: clip(`ÖJ: ${breakLinks(question) || 'fråga'}`, 100),
				autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
			});
		}
		if (where.thread !== undefined) {
			await where.thread.send(payload);
			return;
		}
		await message.reply({ ...payload, allowedMentions: { parse: [], repliedUser: false } });
	}
}
