/** `/hjälp`: the commands, one example each, and how to type names. */
import { tr, type AnswerContext } from './context.js';
import type { Answer } from './types.js';

/** What `/hjälp` lists for one command. */
export interface HelpEntry {
	readonly name: string;
	readonly description: string;
	readonly example: string;
}

/** Lists the commands with one example each. */
export function helpAnswer(ctx: AnswerContext, entries: readonly HelpEntry[]): Answer {
	return {
		ok: true,
		command: 'hjälp',
		title: tr(ctx, 'Så använder du ÖJ-boten', 'How to use ÖJ-boten'),
		summary: tr(
			ctx,
			'Skriv kommuner och indikatorer med namn, kod eller nyckelord – stavfel och saknade å, ä, ö går bra. Är ett namn tvetydigt frågar boten vad du menade.',
			'Type kommuner and indicators by name, code or keyword – typos and missing å, ä, ö are fine. If a name is ambiguous the bot asks what you meant.',
		),
		fields: entries.map((e) => ({ name: `/${e.name}`, value: `${e.description}\n\`${e.example}\`` })),
		notes: [
			tr(
				ctx,
				'Lägg till privat:true för att bara du ska se svaret. Siffrorna kommer från Kolada och Socialstyrelsen; medelvärden och placeringar är botens egen beräkning.',
				'Add private:true to see the answer yourself only. Figures come from Kolada and Socialstyrelsen; averages and ranks are the bot’s own calculation.',
			),
		],
		sources: ['Källa: Kolada', 'Källa: Socialstyrelsen, Öppna jämförelser'],
		resolved: {},
		data: { commands: entries },
	};
}
