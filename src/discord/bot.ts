/** The Discord bot (wired up in the Discord issue). */
import type { Config } from '../config.js';
import type { DataRuntime } from '../runtime.js';

/** Starts the bot. */
export function startBot(config: Readonly<Config>, runtime: DataRuntime): Promise<void> {
	return Promise.reject(new Error(`Discord-läget är inte aktiverat ännu (${config.DATA_PATH}, ${runtime.file}).`));
}
