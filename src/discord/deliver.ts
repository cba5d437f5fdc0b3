/**
 * The one path from an answer to a message, shared by slash commands, picked candidates, follow-up
 * clicks and mentions: the answer's chart is drawn by the bot's renderer, and when it cannot be, the
 * message says why — "many are asking right now" for a full render queue, a reference for a failure.
 */
import type { Command } from '../../commands/command.js';
import type { AnswerContext } from '../answers/context.js';
import type { Locale, OkAnswer } from '../answers/types.js';
import { RenderBusyError } from '../charts/render-errors.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Cooldown } from './cooldown.js';
import { answerMessage, type AnswerMessageOptions, type OutgoingMessage } from './embeds.js';
import type { Logger } from './logger.js';
import { newRef } from './respond.js';

/** Chart renderer (spec → PNG), in the bot the render pool in `charts/pool.ts`. */
export type Render = (spec: ChartSpec) => Promise<Buffer>;

/** What answering needs, in the interaction router and the mention responder alike. */
export interface AnswerDeps {
	/** Answer contexts over the current dataset (swapped on reload). */
	readonly runtime: { context(locale: Locale, today?: Date): AnswerContext };
	readonly commands: readonly Command[];
	readonly logger: Logger;
	readonly cooldown: Cooldown;
	/** Chart renderer (spec → PNG). */
	readonly render: Render;
}

/** What {@link answerWithChart} needs. */
export interface DeliveryOptions {
	readonly locale: Locale;
	readonly render: Render;
	readonly logger: Logger;
	/** Logged beside a chart that could not be drawn. */
	readonly context: Readonly<Record<string, unknown>>;
	/** Called when the render queue refused the chart (the user may ask again at once). */
	readonly onBusy?: () => void;
}

/** The chart of an answer as message options: the PNG, or why there is none. */
async function chartOptions(spec: ChartSpec, opts: DeliveryOptions): Promise<AnswerMessageOptions> {
	const { locale, logger, context } = opts;
	try {
		return { locale, png: await opts.render(spec) };
	} catch (error) {
		if (error instanceof RenderBusyError) {
			opts.onBusy?.();
			logger.warn({ ...context }, 'render queue full; answering without the chart');
			return { locale, chartBusy: true };
		}
		const chartError = newRef();
		logger.error({ ...context, ref: chartError, err: error }, 'chart rendering failed; answering without it');
		return { locale, chartError };
	}
}

/** The message of a successful answer, with its chart rendered when it has one. Never rejects on a render failure. */
export async function answerWithChart(answer: OkAnswer, opts: DeliveryOptions): Promise<OutgoingMessage> {
	const options = answer.chart ? await chartOptions(answer.chart, opts) : { locale: opts.locale };
	return answerMessage(answer, options);
}
