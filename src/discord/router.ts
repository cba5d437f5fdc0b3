/**
 * The one interaction router: slash commands, autocomplete and "Menade du …?" clicks.
 *
 * A slash command is acknowledged first, the way its module asks (`defer`; `privat:true` makes the
 * defer ephemeral, since that choice cannot change later), then answered from memory, then the chart
 * is rendered and the reply edited in. User errors (an {@link ErrorAnswer}) are answered ephemerally;
 * ambiguous input gets candidate buttons whose click re-runs the command with the chosen id. Answers
 * carry follow-up buttons (`followups.ts`) whose click runs their command as a new message, and
 * `/bevaka` is handed to `watch-command.ts`. Everything else goes through the error funnel in
 * `respond.ts`. {@link InteractionRouter.handle} never rejects, so no interaction can take the
 * process down.
 */
import { performance } from 'node:perf_hooks';
import {
	MessageFlags,
	type AutocompleteInteraction,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type CommandInteractionOption,
	type Interaction,
	type RepliableInteraction,
	type StringSelectMenuInteraction,
} from 'discord.js';
import { inputFrom, type Command } from '../../commands/command.js';
import type { ErrorAnswer, ErrorCode, Locale } from '../answers/types.js';
import {
	choiceComponents,
	decodeChoiceId,
	decodeSelectValue,
	offerable,
	PendingChoices,
	type OptionValues,
} from './components.js';
import type { CooldownResult } from './cooldown.js';
import { answerWithChart, type AnswerDeps } from './deliver.js';
import { errorText, textMessage, type OutgoingMessage } from './embeds.js';
import { decodeFollowUpId, followUpComponents, type DecodedFollowUp } from './followups.js';
import { clampChoices, type ChoiceLike } from './limits.js';
import { localeOf, uiTexts } from './locale.js';
import type { Logger } from './logger.js';
import type { WatchCommand, WatchOutcome } from './watch-command.js';
import {
	isUnanswerable,
	reportFailure,
	sendPrivate,
	sendResult,
	toPayload,
	type FailureContext,
	type SentMessage,
} from './respond.js';

/** Where a "Menade du …?" message is, so it can be retired after a pick. */
export interface ChoiceMessage {
	readonly interaction: RepliableInteraction;
	readonly message: SentMessage;
}

/** What the router needs. */
export interface RouterDeps extends AnswerDeps {
	/** Pending "Menade du …?" choices; a fresh store by default. */
	readonly choices?: PendingChoices<Promise<ChoiceMessage | undefined>>;
	/** `/bevaka`, which is about servers and channels and so is answered on the Discord side. */
	readonly watchCommand?: WatchCommand;
}

/** How an interaction ended, for the log. */
type Outcome =
	| 'ok'
	| 'cooldown'
	| 'ambiguous'
	| 'choice_expired'
	| 'not_yours'
	| 'unknown_command'
	| 'follow_up_outdated'
	| 'follow_up_invalid'
	| WatchOutcome
	| ErrorCode;

/** Raw option values of an interaction, nested subcommand options flattened. */
export function optionValues(options: readonly CommandInteractionOption[]): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	const visit = (list: readonly CommandInteractionOption[]): void => {
		for (const option of list) {
			if (option.options) visit(option.options);
			else if (option.value !== undefined) out[option.name] = option.value;
		}
	};
	visit(options);
	return out;
}

/** The name of a command's first autocompleted option (the default target of a candidate without one). */
function firstAutocompleteOption(command: Command): string | undefined {
	const json = command.data.toJSON();
	for (const option of json.options ?? []) {
		if ('autocomplete' in option && option.autocomplete === true) return option.name;
	}
	return undefined;
}

/** A message with action rows added under it. */
function withButtons(message: OutgoingMessage, rows: readonly unknown[]): OutgoingMessage {
	return rows.length === 0 ? message : { ...message, components: [...message.components, ...rows] };
}

/** Interaction ids remembered to drop a second delivery of the same interaction. */
const DUPLICATE_WINDOW_MS = 15 * 60_000;
const DUPLICATE_MAX_IDS = 5000;

/** Routes every interaction; see the module comment. */
export class InteractionRouter {
	readonly #deps: RouterDeps;
	readonly #logger: Logger;
	readonly #commands: ReadonlyMap<string, Command>;
	readonly #fallbackOption: ReadonlyMap<string, string | undefined>;
	readonly #choices: PendingChoices<Promise<ChoiceMessage | undefined>>;
	readonly #seen = new Map<string, number>();
	#inFlight = 0;
	#closed = false;
	#idle: (() => void)[] = [];

	constructor(deps: RouterDeps) {
		this.#deps = deps;
		this.#logger = deps.logger;
		this.#commands = new Map(deps.commands.map((c) => [c.data.name, c]));
		this.#fallbackOption = new Map(deps.commands.map((c) => [c.data.name, firstAutocompleteOption(c)]));
		this.#choices = deps.choices ?? new PendingChoices<Promise<ChoiceMessage | undefined>>();
	}

	/** Interactions being handled right now. */
	get inFlight(): number {
		return this.#inFlight;
	}

	/** Pending "Menade du …?" choices. */
	get choices(): PendingChoices<Promise<ChoiceMessage | undefined>> {
		return this.#choices;
	}

	/** Stops taking new interactions (shutdown); those in flight finish. */
	close(): void {
		this.#closed = true;
	}

	/** Resolves true when nothing is in flight, or false after `timeoutMs`. */
	async drain(timeoutMs: number): Promise<boolean> {
		if (this.#inFlight === 0) return true;
		return new Promise((resolve) => {
			const timer = setTimeout(() => resolve(false), timeoutMs);
			this.#idle.push(() => {
				clearTimeout(timer);
				resolve(true);
			});
		});
	}

	/** Handles one interaction. Never rejects. */
	async handle(interaction: Interaction): Promise<void> {
		if (this.#closed) {
			this.#logger.info({ interaction: interaction.id }, 'shutting down; interaction left unanswered');
			return;
		}
		if (this.#isDuplicate(interaction.id)) {
			this.#logger.warn(
				{ interaction: interaction.id, type: interaction.type },
				'duplicate delivery of an interaction ignored',
			);
			return;
		}
		this.#inFlight++;
		try {
			if (interaction.isAutocomplete()) await this.#autocomplete(interaction);
			else if (interaction.isChatInputCommand()) await this.#command(interaction);
			else if (interaction.isButton() || interaction.isStringSelectMenu()) await this.#component(interaction);
			else this.#logger.debug({ interaction: interaction.id, type: interaction.type }, 'interaction type not handled');
		} catch (error) {
			// The handlers funnel their own errors; this only catches a failure of the funnel itself.
			this.#logger.error({ interaction: interaction.id, err: error }, 'interaction handler failed');
		} finally {
			this.#inFlight--;
			if (this.#inFlight === 0) {
				const waiting = this.#idle;
				this.#idle = [];
				for (const resolve of waiting) resolve();
			}
		}
	}

	#isDuplicate(id: string): boolean {
		const now = Date.now();
		if (this.#seen.has(id)) return true;
		// Oldest first: forget ids past the window, and more while the map is full.
		for (const [key, at] of this.#seen) {
			if (now - at < DUPLICATE_WINDOW_MS && this.#seen.size < DUPLICATE_MAX_IDS) break;
			this.#seen.delete(key);
		}
		this.#seen.set(id, now);
		return false;
	}

	#context(interaction: Interaction, extra: Readonly<Record<string, unknown>>): FailureContext {
		return {
			interaction: interaction.id,
			user: interaction.user.id,
			guild: interaction.guildId ?? undefined,
			locale: interaction.locale,
			...extra,
		};
	}

	async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
		const started = performance.now();
		const values = optionValues(interaction.options.data);
		let choices: ChoiceLike[] = [];
		let focusedName = '';
		try {
			const command = this.#commands.get(interaction.commandName);
			const focused = interaction.options.getFocused(true);
			focusedName = focused.name;
			if (command?.autocomplete) {
				const ctx = this.#deps.runtime.context(localeOf(interaction.locale));
				choices = clampChoices(
					command.autocomplete(ctx, { name: focused.name, value: focused.value }, inputFrom(values)),
				);
			}
		} catch (error) {
			this.#logger.error(
				this.#context(interaction, {
					kind: 'autocomplete',
					command: interaction.commandName,
					options: values,
					err: error,
				}),
				'autocomplete failed; answering with no choices',
			);
			choices = [];
		}
		try {
			await interaction.respond(choices);
		} catch (error) {
			this.#logger[isUnanswerable(error) ? 'warn' : 'error'](
				this.#context(interaction, { kind: 'autocomplete', command: interaction.commandName, err: error }),
				'could not send autocomplete choices',
			);
			return;
		}
		this.#logger.debug(
			{
				kind: 'autocomplete',
				interaction: interaction.id,
				command: interaction.commandName,
				option: focusedName,
				choices: choices.length,
				ms: Math.round(performance.now() - started),
			},
			'autocomplete answered',
		);
	}

	async #command(interaction: ChatInputCommandInteraction): Promise<void> {
		const started = performance.now();
		const locale = localeOf(interaction.locale);
		const values = optionValues(interaction.options.data);
		const context = this.#context(interaction, { kind: 'command', command: interaction.commandName, options: values });
		try {
			const command = this.#commands.get(interaction.commandName);
			let outcome: Outcome;
			if (!command) {
				await sendPrivate(
					interaction,
					textMessage(uiTexts(locale).unknownCommand(interaction.commandName)),
					this.#logger,
				);
				outcome = 'unknown_command';
			} else if (command.data.name === 'bevaka' && this.#deps.watchCommand) {
				outcome = await this.#deps.watchCommand.handle(interaction, locale);
			} else {
				outcome = await this.#run(interaction, command, values, locale, context);
			}
			this.#logger.info({ ...context, outcome, ms: Math.round(performance.now() - started) }, 'command answered');
		} catch (error) {
			await reportFailure(interaction, error, { logger: this.#logger, locale, context });
		}
	}

	async #component(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
		const started = performance.now();
		const locale = localeOf(interaction.locale);
		const texts = uiTexts(locale);
		const followUp = decodeFollowUpId(interaction.customId);
		if (followUp) {
			await this.#followUp(interaction, followUp);
			return;
		}
		let context = this.#context(interaction, { kind: 'choice', customId: interaction.customId });
		try {
			const decoded = decodeChoiceId(interaction.customId);
			if (!decoded) {
				// Not one of ours (e.g. from an older version): acknowledge quietly so the client shows no failure.
				await interaction.deferUpdate();
				this.#logger.info({ ...context, outcome: 'unknown_component' }, 'component ignored');
				return;
			}
			const pick =
				decoded.pick ??
				(interaction.isStringSelectMenu() ? decodeSelectValue(decoded.key, interaction.values[0] ?? '') : undefined);
			const entry = this.#choices.get(decoded.key);
			const command = entry ? this.#commands.get(entry.command) : undefined;
			const candidate = entry?.candidates.find((c) => c.option === pick?.option && c.id === pick.id);
			const wait: CooldownResult =
				command?.chart === true ? this.#deps.cooldown.peek(interaction.user.id) : { ok: true };
			let outcome: Outcome;
			if (!entry || !command || !pick || !candidate) {
				await interaction.update({ ...toPayload(textMessage(texts.choiceExpired)), components: [] });
				outcome = 'choice_expired';
			} else if (entry.userId !== interaction.user.id) {
				await interaction.reply({ ...toPayload(textMessage(texts.choiceNotYours)), flags: MessageFlags.Ephemeral });
				outcome = 'not_yours';
			} else if (!wait.ok) {
				// The buttons stay: the user can pick again once the cooldown is over.
				await this.#cooldownNotice(interaction, wait.retryAt, wait.retryInSeconds, locale);
				outcome = 'cooldown';
			} else {
				this.#choices.delete(decoded.key);
				const values: OptionValues = { ...entry.values, [pick.option]: pick.id };
				context = { ...context, command: command.data.name, options: values };
				const retiring = this.#retire(entry.message, texts.chosen(candidate.label), context);
				try {
					outcome = await this.#run(interaction, command, values, locale, context);
				} finally {
					await retiring;
				}
			}
			this.#logger.info({ ...context, outcome, ms: Math.round(performance.now() - started) }, 'choice answered');
		} catch (error) {
			await reportFailure(interaction, error, { logger: this.#logger, locale, context });
		}
	}

	/**
	 * A follow-up button: runs its command as a new message in the channel, under the same rules as a
	 * typed command (the clicker's cooldown, private errors). Ids of another version or invalid ones
	 * get a private explanation and run nothing.
	 */
	async #followUp(
		interaction: ButtonInteraction | StringSelectMenuInteraction,
		decoded: DecodedFollowUp,
	): Promise<void> {
		const started = performance.now();
		const locale = localeOf(interaction.locale);
		const texts = uiTexts(locale);
		let context = this.#context(interaction, { kind: 'follow_up', customId: interaction.customId });
		try {
			const command = decoded.kind === 'run' ? this.#commands.get(decoded.command) : undefined;
			let outcome: Outcome;
			if (decoded.kind === 'outdated') {
				await sendPrivate(interaction, textMessage(texts.followUpOutdated), this.#logger);
				outcome = 'follow_up_outdated';
			} else if (decoded.kind === 'invalid' || !command) {
				await sendPrivate(interaction, textMessage(texts.followUpRefused), this.#logger);
				outcome = 'follow_up_invalid';
			} else {
				context = { ...context, command: command.data.name, options: decoded.values };
				outcome = await this.#run(interaction, command, decoded.values, locale, context);
			}
			this.#logger.info({ ...context, outcome, ms: Math.round(performance.now() - started) }, 'follow-up answered');
		} catch (error) {
			await reportFailure(interaction, error, { logger: this.#logger, locale, context });
		}
	}

	/** Replaces a "Menade du …?" message with the pick and removes its buttons (best effort). */
	async #retire(
		message: Promise<ChoiceMessage | undefined> | undefined,
		text: string,
		context: FailureContext,
	): Promise<void> {
		try {
			const where = await message;
			if (!where) return;
			await where.interaction.editReply({
				...toPayload(textMessage(text)),
				components: [],
				message: where.message,
			});
		} catch (error) {
			this.#logger.warn({ ...context, err: error }, 'could not update the "Menade du" message');
		}
	}

	/** Acknowledges, answers and replies for one command run (a slash command or a picked candidate). */
	async #run(
		interaction: RepliableInteraction,
		command: Command,
		values: OptionValues,
		locale: Locale,
		context: FailureContext,
	): Promise<Outcome> {
		const cooldown = this.#deps.cooldown;
		const logger = this.#logger;
		const userId = interaction.user.id;
		const ephemeral =
			command.defer === 'ephemeral' || values.privat === true || command.wantsPrivate?.(inputFrom(values)) === true;
		const defer = async (): Promise<void> => {
			await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
		};
		let holdsCooldown = false;
		if (command.chart === true && cooldown.enabled) {
			const turn = cooldown.take(userId);
			if (!turn.ok) {
				await this.#cooldownNotice(interaction, turn.retryAt, turn.retryInSeconds, locale);
				return 'cooldown';
			}
			holdsCooldown = true;
		}
		try {
			if (command.defer !== 'none') await defer();
			const answer = command.answer(this.#deps.runtime.context(locale), inputFrom(values));
			if (!answer.ok) {
				if (holdsCooldown) cooldown.release(userId);
				return await this.#userError(interaction, command, values, answer, locale);
			}
			if (holdsCooldown && !answer.chart) cooldown.release(userId);
			// Rendering takes time: make sure the interaction is acknowledged first.
			if (answer.chart && !interaction.deferred && !interaction.replied) await defer();
			const message = withButtons(
				await answerWithChart(answer, {
					locale,
					render: this.#deps.render,
					logger,
					context,
					onBusy: () => {
						if (holdsCooldown) cooldown.release(userId);
					},
				}),
				followUpComponents(answer.followUps, { privat: ephemeral }),
			);
			await sendResult(interaction, message, ephemeral);
			return 'ok';
		} catch (error) {
			if (holdsCooldown) cooldown.release(userId);
			throw error;
		}
	}

	/** Tells the user when they may ask for a chart again (ephemeral). */
	async #cooldownNotice(
		interaction: RepliableInteraction,
		retryAt: number,
		seconds: number,
		locale: Locale,
	): Promise<void> {
		await sendPrivate(interaction, textMessage(uiTexts(locale).cooldown(retryAt, seconds)), this.#logger);
	}

	/** An error answer, ephemeral; with candidate buttons when the input was ambiguous. */
	async #userError(
		interaction: RepliableInteraction,
		command: Command,
		values: OptionValues,
		answer: ErrorAnswer,
		locale: Locale,
	): Promise<Outcome> {
		const text = errorText(answer);
		const offered = offerable(answer.error.candidates ?? [], this.#fallbackOption.get(command.data.name));
		if (offered.length === 0) {
			await sendPrivate(interaction, textMessage(text), this.#logger);
			return answer.error.code;
		}
		const key = this.#choices.add({
			command: command.data.name,
			values,
			userId: interaction.user.id,
			candidates: offered,
		});
		const components = choiceComponents(key, offered, uiTexts(locale).choosePlaceholder);
		const sending = sendPrivate(interaction, textMessage(text, components), this.#logger);
		const entry = this.#choices.get(key);
		// Set before the send completes: a click can arrive before our own request has returned.
		if (entry) {
			entry.message = sending.then(
				(message) => ({ interaction, message }),
				() => undefined,
			);
		}
		try {
			await sending;
		} catch (error) {
			this.#choices.delete(key);
			throw error;
		}
		return 'ambiguous';
	}
}
