/**
 * Posting watch digests: after the dataset was swapped (a sync or import finished), the changes for
 * the watched kommuner are posted as new messages, one digest per channel, never pinging anyone.
 * Only the shard that holds a server posts for it. A channel the bot cannot post in is logged and
 * its watches are kept until someone removes them.
 */
import { clip } from '../text.js';
import { performance } from 'node:perf_hooks';
import { DiscordAPIError, Routes, type APIEmbed, type Client } from 'discord.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Dataset } from '../dataset/dataset.js';
import type { Snapshot } from '../runtime.js';
import { digestsFor, type Digest, type DigestSection } from '../watch/digest.js';
import type { WatchStore } from '../watch/store.js';
import { embedLength, fitEmbed, NO_MENTIONS } from './embeds.js';
import { LIMITS } from './limits.js';
import type { Logger } from './logger.js';

/** Sections drawn with a chart; the rest are text only. */
export const MAX_DIGEST_CHARTS = 4;
/** Sections shown one by one; beyond them the indicators are listed in one closing embed. */
export const MAX_DIGEST_SECTIONS = 20;
/** Embeds per message (Discord allows 10). */
const EMBEDS_PER_MESSAGE = 10;
/** A calm colour for digests. */
const DIGEST_COLOUR = 0x4a6fa5;

/** One message of a digest. */
export interface DigestMessage {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly files: readonly { readonly name: string; readonly data: Buffer }[];
}

function sectionEmbed(section: DigestSection, image: string | undefined): APIEmbed {
	return fitEmbed({
		title: section.title,
		color: DIGEST_COLOUR,
		description: section.lines.join('\n'),
		...(image === undefined ? {} : { image: { url: `attachment://${image}` } }),
		footer: { text: section.sources.join('\n') },
	});
}

/**
 * The messages of a digest: an embed per section (the first {@link MAX_DIGEST_CHARTS} with their
 * chart), packed into as few messages as Discord's limits allow (10 embeds and 6000 characters of
 * embed text per message). Sections past {@link MAX_DIGEST_SECTIONS} are named in one last embed.
 */
export function digestMessages(digest: Digest, pngs: ReadonlyMap<number, Buffer>): DigestMessage[] {
	const items: { embed: APIEmbed; file?: { name: string; data: Buffer } }[] = [];
	digest.sections.slice(0, MAX_DIGEST_SECTIONS).forEach((section, i) => {
		const png = pngs.get(i);
		const name = `bevakning-${i + 1}.png`;
		items.push({ embed: sectionEmbed(section, png ? name : undefined), ...(png ? { file: { name, data: png } } : {}) });
	});
	const rest = digest.sections.slice(MAX_DIGEST_SECTIONS);
	if (rest.length > 0) {
		items.push({
			embed: fitEmbed({
				title: `… och ${rest.length} till med nya värden`,
				color: DIGEST_COLOUR,
				description: clip(rest.map((s) => `• ${s.title}`).join('\n'), LIMITS.embedDescription),
			}),
		});
	}
	const messages: { embeds: APIEmbed[]; files: { name: string; data: Buffer }[]; length: number }[] = [];
	for (const item of items) {
		const length = embedLength(item.embed);
		let current = messages.at(-1);
		if (!current || current.embeds.length >= EMBEDS_PER_MESSAGE || current.length + length > LIMITS.embedTotal) {
			current = { embeds: [], files: [], length: 0 };
			messages.push(current);
		}
		current.embeds.push(item.embed);
		if (item.file) current.files.push(item.file);
		current.length += length;
	}
	return messages.map((m, i) => ({
		...(i === 0 ? { content: 'Nya siffror för det som bevakas i den här kanalen:' } : {}),
		embeds: m.embeds,
		files: m.files,
	}));
}

/** Discord errors that mean "the bot cannot post there": unknown channel, missing access or permissions. */
const CANNOT_POST = new Set([10003, 50001, 50013]);

/** What the poster needs. */
export interface DigestPosterDeps {
	readonly client: Client;
	readonly store: WatchStore;
	readonly render: (spec: ChartSpec) => Promise<Buffer>;
	readonly logger: Logger;
}

/** Posts the digests of a dataset swap. */
export class DigestPoster {
	readonly #deps: DigestPosterDeps;

	constructor(deps: DigestPosterDeps) {
		this.#deps = deps;
	}

	/** Compares the datasets for every watch of a server this shard holds and posts what changed. Never rejects. */
	async afterSwap(before: Dataset, after: Snapshot): Promise<void> {
		const { client, store, logger } = this.#deps;
		try {
			const started = performance.now();
			await store.refresh();
			// Guilds arrive on the shard that holds them, so the cache says which servers are ours.
			const watches = store.all().filter((w) => client.guilds.cache.has(w.guildId));
			if (watches.length === 0) return;
			const ctx = { dataset: after.dataset, search: after.search, locale: 'sv' as const, today: new Date() };
			const digests = digestsFor(ctx, before, watches);
			logger.info(
				{ watches: watches.length, digests: digests.length, ms: Math.round(performance.now() - started) },
				'watches compared with the new dataset',
			);
			for (const digest of digests) await this.#post(digest);
		} catch (error) {
			logger.error({ err: error }, 'digests failed');
		}
	}

	async #post(digest: Digest): Promise<void> {
		const { client, logger, render } = this.#deps;
		const pngs = new Map<number, Buffer>();
		await Promise.all(
			digest.sections.slice(0, MAX_DIGEST_CHARTS).map(async (section, i) => {
				if (!section.chart) return;
				try {
					pngs.set(i, await render(section.chart));
				} catch (error) {
					logger.error(
						{ err: error, channel: digest.channelId },
						'digest chart could not be drawn; posting without it',
					);
				}
			}),
		);
		const messages = digestMessages(digest, pngs);
		const context = { guild: digest.guildId, channel: digest.channelId, sections: digest.sections.length };
		for (const message of messages) {
			try {
				await client.rest.post(Routes.channelMessages(digest.channelId), {
					body: {
						...(message.content === undefined ? {} : { content: message.content }),
						embeds: message.embeds,
						allowed_mentions: NO_MENTIONS,
						attachments: message.files.map((f, i) => ({ id: i, filename: f.name })),
					},
					files: message.files.map((f) => ({ name: f.name, data: f.data, contentType: 'image/png' })),
				});
			} catch (error) {
				const code = error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
				if (code !== undefined && CANNOT_POST.has(code)) {
					logger.warn(
						{ ...context, code, err: error },
						'cannot post the digest in this channel; its watches are kept until removed',
					);
				} else {
					logger.error({ ...context, err: error }, 'digest could not be posted');
				}
				return;
			}
		}
		logger.info({ ...context, messages: messages.length }, 'digest posted');
	}
}
