/**
 * Entry point: configuration → dataset → the Discord bot (when DISCORD_TOKEN is set) or the local
 * shell. `--ask '<command line>' [--json]` answers one command and exits.
 */
import { commands } from '../commands/index.js';
import { writeAnswerFiles } from './shell/files.js';
import { startShell } from './shell/repl.js';
import { runLine } from './shell/run.js';
import { renderText } from './shell/text.js';
import { ConfigError, dataCandidates, loadConfig, loadEnvFile } from './config.js';
import { DatasetError } from './dataset/store.js';
import { DataRuntime } from './runtime.js';

async function main(argv: readonly string[]): Promise<number> {
	loadEnvFile();
	const config = loadConfig();
	const askIndex = argv.indexOf('--ask');
	const json = argv.includes('--json');
	// One command and exit indexes only what that command looks up.
	const runtime = await DataRuntime.open(dataCandidates(config), askIndex >= 0 ? 'lazy' : 'eager');
	if (askIndex >= 0) {
		const line = argv
			.slice(askIndex + 1)
			.filter((a) => a !== '--json')
			.join(' ');
		const answer = await writeAnswerFiles(runLine(runtime.context(), commands, line), config.OUT_DIR);
		process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
		return answer.ok ? 0 : 2;
	}
	if (config.DISCORD_TOKEN !== undefined) {
		const { startBot } = await import('./discord/bot.js');
		await startBot(config, runtime);
		return -1;
	}
	await startShell(runtime, commands, config.OUT_DIR);
	return 0;
}

try {
	const code = await main(process.argv.slice(2));
	if (code >= 0) process.exitCode = code;
} catch (error) {
	if (error instanceof ConfigError || error instanceof DatasetError) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	} else throw error;
}
