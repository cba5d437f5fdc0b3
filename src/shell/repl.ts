/**
 * The local shell started by `npm start` without a Discord token: type the bot's slash commands,
 * Tab completes command names and option values from the same fuzzy index, answers print as text
 * and charts are written to the output folder.
 */
import { createInterface, type CompleterResult } from 'node:readline';
import { inputFrom, type Command } from '../../commands/command.js';
import { datasetCoverage, datasetCoverageText, originText } from '../answers/dataset-coverage.js';
import type { DataRuntime, Snapshot } from '../runtime.js';
import { writeAnswerFiles } from './files.js';
import { commandByName, nameKey, optionsOf, parseLine } from '../../commands/line.js';
import type { FollowUp } from '../answers/types.js';
import { nextFollowUps, runInput } from './run.js';
import { renderText } from './text.js';

/** Completes `/kom` → command names and `kommun:malm` → option values (ids) via the command's autocomplete. */
export function complete(
	runtime: DataRuntime,
	commands: readonly Command[],
	line: string,
	print: (text: string) => void,
): CompleterResult {
	const commandMatch = /^\/(\S*)$/.exec(line);
	if (commandMatch) {
		const prefix = commandMatch[1] ?? '';
		// "/jam" and "/jäm" both complete to "/jämför".
		const hits = commands.map((c) => `/${c.data.name} `).filter((n) => nameKey(n).startsWith(nameKey(`/${prefix}`)));
		return [hits, line];
	}
	const head = /^\/(\S+)\s/.exec(line);
	const command = head ? commandByName(commands, head[1] ?? '') : undefined;
	if (!command) return [[], line];
	const options = optionsOf(command);
	const optionMatch = /(?:^|\s)([\p{L}_]+):([^:]*)$/u.exec(line);
	if (!optionMatch) {
		const last = /(\S*)$/.exec(line)?.[1] ?? '';
		return [options.map((o) => `${o.name}:`).filter((n) => n.startsWith(last)), last];
	}
	const [, optionName = '', partial = ''] = optionMatch;
	if (!command.autocomplete || !options.some((o) => o.name === optionName)) return [[], line];
	const parsed = parseLine(commands, line);
	const choices = command.autocomplete(
		runtime.context(),
		{ name: optionName, value: partial },
		inputFrom(parsed.ok ? parsed.values : {}),
	);
	const token = `${optionName}:${partial}`;
	if (choices.length === 1) return [[`${optionName}:${choices[0]?.value ?? ''} `], token];
	if (choices.length > 1) print(`\n${choices.map((c) => `  ${c.value.padEnd(14)} ${c.name}`).join('\n')}\n`);
	return [[], token];
}

/**
 * The shell's greeting: which dataset is loaded (file, origin, date), what it covers, and — for the
 * maintainer at the keyboard — how to fill or refresh it.
 */
export function shellBanner(snapshot: Snapshot): string {
	const sv = { locale: 'sv' } as const;
	const coverage = datasetCoverage(snapshot.dataset);
	const fill =
		snapshot.location.origin === 'configured'
			? `Fyll på eller uppdatera från Kolada: npm run sync (skriver till ${snapshot.location.file}).`
			: coverage.origin === 'synced'
				? 'Uppdatera från Kolada: npm run sync.'
				: 'Fyll datasetet från Kolada: npm run sync (sparas i data/local/, läses automatiskt i stället för det medföljande).';
	return [
		'ÖJ-boten – lokalt skal.',
		`Dataset: ${originText(sv, coverage)} – ${snapshot.location.file}`,
		`Täckning: ${datasetCoverageText(sv, coverage)}`,
		fill,
		'Skriv /hjälp för kommandona, Tab för förslag, /avsluta eller Ctrl+D för att sluta.',
	].join('\n');
}

/** Starts the interactive shell; resolves when the user quits. */
export async function startShell(runtime: DataRuntime, commands: readonly Command[], outDir: string): Promise<void> {
	process.stdout.write(`${shellBanner(runtime.current)}\n`);
	const rl = createInterface({
		input: process.stdin,
		output: process.stdout,
		prompt: 'öj> ',
		completer: (line: string): CompleterResult => complete(runtime, commands, line, (t) => process.stdout.write(t)),
	});
	rl.prompt();
	let followUps: readonly FollowUp[] = [];
	for await (const line of rl) {
		const trimmed = line.trim();
		if (trimmed === '/avsluta' || trimmed === '/exit' || trimmed === '/quit') break;
		if (trimmed !== '') {
			const answer = await writeAnswerFiles(runInput(runtime.context(), commands, trimmed, followUps), outDir);
			followUps = nextFollowUps(commands, answer, followUps);
			process.stdout.write(`${renderText(answer)}\n\n`);
		}
		rl.prompt();
	}
	rl.close();
}
