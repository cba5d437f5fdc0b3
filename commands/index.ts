/** The explicit list of slash commands: deployed by `npm run deploy`, routed by Discord and the shell. */
import { withFollowUps } from '../src/answers/followups.js';
import type { Command } from './command.js';
import bevaka from './bevaka.js';
import { questionCommand } from './fraga.js';
import { helpCommand } from './hjalp.js';
import grupper from './grupper.js';
import indikator from './indikator.js';
import jamfor from './jamfor.js';
import karta from './karta.js';
import om from './om.js';
import profil from './profil.js';
import sok from './sok.js';
import topplista from './topplista.js';
import trend from './trend.js';
import varde from './varde.js';

/**
 * The command with the suggested next questions (`src/answers/followups.ts`) attached to its
 * answers, so every front end and `/fråga` get them from this one place.
 */
function offeringFollowUps(command: Command): Command {
	return { ...command, answer: (ctx, input) => withFollowUps(ctx, command.answer(ctx, input)) };
}

/** Every command, in the order `/hjälp` lists them. */
export const commands: readonly Command[] = [
	varde,
	jamfor,
	trend,
	topplista,
	karta,
	grupper,
	profil,
	questionCommand(() => commands),
	sok,
	indikator,
	bevaka,
	om,
	helpCommand(() => commands),
].map(offeringFollowUps);

/** A command by its (Swedish) name. */
export function findCommand(name: string): Command | undefined {
	return commands.find((c) => c.data.name === name);
}
