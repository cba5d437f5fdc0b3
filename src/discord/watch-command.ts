/**
 * `/bevaka` in Discord: add, list and remove a server's watches. Every reply is private. Adding and
 * removing need Manage Server: Discord hides the command from others by `default_member_permissions`,
 * and the member's permissions are checked again here, since a server can override that default.
 */
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { AnswerContext } from '../answers/context.js';
import { tr } from '../answers/context.js';
import { resolveArea, resolveIndicator } from '../answers/resolve.js';
import type { ErrorCode, Locale } from '../answers/types.js';
import { MAX_WATCHES_PER_GUILD, type Watch, type WatchStore } from '../watch/store.js';
import { errorText, textMessage } from './embeds.js';
import type { Logger } from './logger.js';
import { sendPrivate } from './respond.js';

/** What the handler needs. */
export interface WatchCommandDeps {
	/** The watch store, or an error text when the watch file could not be used. */
	readonly store: WatchStore | { readonly broken: string };
	readonly runtime: { context(locale: Locale): AnswerContext };
	readonly logger: Logger;
}

/** How a `/bevaka` interaction ended, for the log. */
export type WatchOutcome =
	| 'watch_added'
	| 'watch_listed'
	| 'watch_removed'
	| 'watch_not_found'
	| 'watch_refused'
	| 'watch_limit'
	| 'watch_duplicate'
	| 'watch_unavailable'
	| ErrorCode;

function watchLine(ctx: AnswerContext, w: Watch): string {
	const area = ctx.dataset.area(w.kommun)?.name ?? w.kommun;
	const indicator =
		w.indikator === undefined
			? tr(ctx, 'alla indikatorer', 'all indicators')
			: (ctx.dataset.indicator(w.indikator)?.shortTitle ?? w.indikator);
	return `**${area}** · ${indicator} → <#${w.channelId}>`;
}

/** What `ta_bort` and `lägg_till` act on, read from the options. */
interface WatchTarget {
	readonly kommun: string;
	readonly indikator?: string;
	readonly channelId?: string;
}

/** A private reply. */
type Reply = (text: string) => Promise<void>;

/** The permissions the bot needs to post a digest in a channel. */
const POST_PERMISSIONS = [
	PermissionFlagsBits.ViewChannel,
	PermissionFlagsBits.SendMessages,
	PermissionFlagsBits.EmbedLinks,
	PermissionFlagsBits.AttachFiles,
];

/** The kommun, indicator and channel of the options, or the error answer's code once it is sent. */
async function readTarget(
	ctx: AnswerContext,
	interaction: ChatInputCommandInteraction,
	reply: Reply,
): Promise<WatchTarget | ErrorCode> {
	const kommun = resolveArea(ctx, 'bevaka', 'kommun', String(interaction.options.get('kommun')?.value ?? ''), 'kommun');
	if (!kommun.ok) {
		await reply(errorText(kommun.error));
		return kommun.error.error.code;
	}
	const rawIndicator = interaction.options.get('indikator')?.value;
	let indikator: string | undefined;
	if (rawIndicator !== undefined && String(rawIndicator).trim() !== '') {
		const found = resolveIndicator(ctx, 'bevaka', 'indikator', String(rawIndicator));
		if (!found.ok) {
			await reply(errorText(found.error));
			return found.error.error.code;
		}
		indikator = found.value.id;
	}
	const rawChannel = interaction.options.get('kanal')?.value;
	return {
		kommun: kommun.value.id,
		...(indikator === undefined ? {} : { indikator }),
		...(typeof rawChannel === 'string' ? { channelId: rawChannel } : {}),
	};
}

/** `lista`: the server's watches. */
async function listWatches(
	ctx: AnswerContext,
	store: WatchStore,
	guildId: string,
	reply: Reply,
): Promise<WatchOutcome> {
	await store.refresh();
	const list = store.list(guildId);
	await reply(
		list.length === 0
			? tr(ctx, 'Servern har inga bevakningar.', 'The server has no watches.')
			: [
					tr(
						ctx,
						`Serverns bevakningar (${list.length} av högst ${MAX_WATCHES_PER_GUILD}):`,
						`The server’s watches (${list.length} of at most ${MAX_WATCHES_PER_GUILD}):`,
					),
					...list.map((w) => `• ${watchLine(ctx, w)}`),
				].join('\n'),
	);
	return 'watch_listed';
}

/** `ta_bort`: removes the watches that match the target. */
async function removeWatches(
	ctx: AnswerContext,
	store: WatchStore,
	guildId: string,
	target: WatchTarget,
	reply: Reply,
): Promise<WatchOutcome> {
	const removed = await store.remove(guildId, target);
	await reply(
		removed.length === 0
			? tr(ctx, 'Ingen bevakning matchade.', 'No watch matched.')
			: [tr(ctx, 'Borttaget:', 'Removed:'), ...removed.map((w) => `• ${watchLine(ctx, w)}`)].join('\n'),
	);
	return removed.length === 0 ? 'watch_not_found' : 'watch_removed';
}

/** `lägg_till`: adds a watch, in the command's channel unless another is named. */
async function addWatch(
	ctx: AnswerContext,
	store: WatchStore,
	interaction: ChatInputCommandInteraction,
	guildId: string,
	target: WatchTarget,
	reply: Reply,
): Promise<WatchOutcome> {
	const added = await store.add({
		guildId,
		channelId: target.channelId ?? interaction.channelId,
		kommun: target.kommun,
		...(target.indikator === undefined ? {} : { indikator: target.indikator }),
		createdBy: interaction.user.id,
	});
	if (!added.ok) {
		await reply(
			added.reason === 'limit'
				? tr(
						ctx,
						`Servern har redan ${MAX_WATCHES_PER_GUILD} bevakningar, det högsta antalet. Ta bort någon med /bevaka ta_bort först.`,
						`The server already has ${MAX_WATCHES_PER_GUILD} watches, the most allowed. Remove one with /bevaka ta_bort first.`,
					)
				: tr(ctx, 'Det finns redan en sådan bevakning.', 'That watch already exists.'),
		);
		return added.reason === 'limit' ? 'watch_limit' : 'watch_duplicate';
	}
	// Discord tells the bot its permissions in the channel of the command only.
	const cannotPost =
		added.watch.channelId === interaction.channelId && !interaction.appPermissions.has(POST_PERMISSIONS);
	const warning = cannotPost
		? tr(
				ctx,
				'\nObs: boten får inte posta här ännu. Ge den behörigheterna Visa kanal, Skicka meddelanden, Bädda in länkar och Bifoga filer i kanalen.',
				'\nNote: the bot may not post here yet. Give it View Channel, Send Messages, Embed Links and Attach Files in the channel.',
			)
		: '';
	await reply(
		tr(
			ctx,
			`Bevakning tillagd: ${watchLine(ctx, added.watch)}\nNya och ändrade siffror postas där efter varje synk eller import.${warning}`,
			`Watch added: ${watchLine(ctx, added.watch)}\nNew and changed figures are posted there after every sync or import.${warning}`,
		),
	);
	return 'watch_added';
}

/** Handles `/bevaka`. */
export class WatchCommand {
	readonly #deps: WatchCommandDeps;

	constructor(deps: WatchCommandDeps) {
		this.#deps = deps;
	}

	/** Answers one `/bevaka` interaction privately; the router's error funnel catches what throws. */
	async handle(interaction: ChatInputCommandInteraction, locale: Locale): Promise<WatchOutcome> {
		const ctx = this.#deps.runtime.context(locale);
		const reply: Reply = async (text) => {
			await sendPrivate(interaction, textMessage(text), this.#deps.logger);
		};
		const guildId = interaction.guildId;
		if (guildId === null) {
			await reply(tr(ctx, 'Bevakningar finns bara i servrar.', 'Watches only exist in servers.'));
			return 'watch_refused';
		}
		const { store } = this.#deps;
		if ('broken' in store) {
			await reply(
				tr(
					ctx,
					'Bevakningarna kan inte användas just nu: filen med dem går inte att läsa. En administratör behöver se över den (se loggen).',
					'Watches are unavailable: their file cannot be read. An administrator needs to look at it (see the log).',
				),
			);
			return 'watch_unavailable';
		}
		const sub = interaction.options.getSubcommand(false);
		if (sub === 'lista') return listWatches(ctx, store, guildId, reply);
		if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
			await reply(
				tr(
					ctx,
					'Det krävs behörigheten Hantera server för att lägga till eller ta bort bevakningar.',
					'You need the Manage Server permission to add or remove watches.',
				),
			);
			return 'watch_refused';
		}
		const target = await readTarget(ctx, interaction, reply);
		if (typeof target === 'string') return target;
		if (sub === 'ta_bort') return removeWatches(ctx, store, guildId, target, reply);
		return addWatch(ctx, store, interaction, guildId, target, reply);
	}
}
