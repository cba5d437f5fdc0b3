/**
 * `/fråga text`: a free-text question answered by the matching command — a value, a comparison, a
 * trend, a top list, a breakdown by group or a profile — with the command line it was read as
 * ("Tolkat som: /jämför indikator:N31814 kommuner:Malmö, Göteborg, Lund"). A question that leaves
 * something open gets a short "Menade du …?" with the readings as candidates; each candidate's id
 * is a command line. This module only reads questions; the `/fråga` command runs a reading (or a
 * command line typed or picked in its place) through the command list.
 */
import { tr, type AnswerContext } from '../answers/context.js';
import { examplePair } from '../answers/examples.js';
import { errorAnswer, quote } from '../answers/resolve.js';
import type { Candidate, ErrorAnswer, ErrorCode } from '../answers/types.js';
import { stripInvisible } from '../search/normalize.js';
import { clip } from '../text.js';
import {
	commandLine,
	interpretQuestion,
	isQuestionCommand,
	readingLabel,
	type Interpretation,
	type Reading,
} from './interpret.js';
import { MAX_QUESTION_LENGTH } from './text.js';

const COMMAND = 'fråga';

/** The option of `/fråga` a picked candidate goes back into. */
export const QUESTION_OPTION = 'text';

/** Longest candidate id: it must fit a Discord button's custom_id next to the bot's own prefix. */
export const MAX_CANDIDATE_ID = 80;

/** "Tolkat som: /…" in the reply language. */
export function interpretationLine(ctx: AnswerContext, line: string): string {
	return `${tr(ctx, 'Tolkat som', 'Interpreted as')}: ${line}`;
}

function candidatesOf(ctx: AnswerContext, readings: readonly Reading[]): Candidate[] {
	return readings
		.map((r) => ({ id: commandLine(ctx, r, 'id'), label: readingLabel(ctx, r), option: QUESTION_OPTION }))
		.filter((c) => c.id.length <= MAX_CANDIDATE_ID);
}

/** Example questions that answer on the loaded dataset ("t.ex. …"). */
function examples(ctx: AnswerContext): string {
	const pair = examplePair(ctx.dataset);
	const place = pair?.kommun.name ?? 'Stockholm';
	const word = pair?.word ?? 'biståndshushåll';
	return tr(
		ctx,
		`t.ex. ”Hur ligger ${place} till på ${word}?” eller ”Hur har ${word} i ${place} utvecklats?”`,
		`e.g. ”How is ${place} doing on ${word}?” or ”How has ${word} in ${place} developed?”`,
	);
}

function clarify(ctx: AnswerContext, i: Extract<Interpretation, { status: 'clarify' }>): ErrorAnswer {
	const candidates = candidatesOf(ctx, i.candidates);
	const list = candidates.map((c) => `• ${c.label}`).join('\n');
	const subject = i.subject === undefined ? '' : quote(i.subject);
	const intro: Record<typeof i.reason, readonly [string, string]> = {
		indicator: [
			'Frågan kan gälla flera indikatorer. Vilken menade du?',
			'The question could be about several indicators. Which one did you mean?',
		],
		missing_indicator: [
			'Vilken indikator menar du? Välj en här, eller skriv den i frågan (t.ex. ”långvarigt bistånd”).',
			'Which indicator do you mean? Pick one, or name it in the question (e.g. ”long-term assistance”).',
		],
		order: [
			`”${subject}” har ingen angiven önskad riktning, så bäst och sämst går inte att avgöra. Menade du högst eller lägst värde?`,
			`”${subject}” has no stated desired direction, so best and worst can't be decided. Did you mean highest or lowest?`,
		],
		trend_or_group: [
			'Menade du jämförelsen med gruppen eller utvecklingen över tid?',
			'Did you mean the comparison with the group or the development over time?',
		],
		gender: [
			'Svaret visar ett kön i taget. Vilket vill du se?',
			'The answer shows one gender at a time. Which one do you want?',
		],
		place: [
			`”${subject}” kan vara flera platser. Menade du …?`,
			`”${subject}” could be several places. Did you mean …?`,
		],
		unsure: ['Jag är inte säker på att jag förstod frågan. Menade du …?', "I'm not sure I understood. Did you mean …?"],
	};
	const [sv, en] = intro[i.reason];
	return errorAnswer(COMMAND, 'ambiguous', `${tr(ctx, sv, en)}${list === '' ? '' : `\n${list}`}`, {}, { candidates });
}

/** Makes a value typed by a user safe to show inside a command line (no mentions, no Markdown, no code breaks). */
function safeValue(value: string): string {
	const clean = stripInvisible(value).replace(/\s+/g, ' ').trim().replace(/`/g, "'");
	const short = clip(clean, 100);
	return short
		.replace(/([\\*_~|>#[\]()])/g, '\\$1')
		.replace(/@/g, '@\u200b')
		.replace(/</g, '<\u200b');
}

/**
 * The display form of a command line typed or picked in place of a question. For the commands a
 * question can become, `valueOptions` are the names of the command's options that carry a value
 * (not the switches `csv` and `privat`), in the order its definition lists them.
 */
export function displayLine(
	ctx: AnswerContext,
	command: string,
	values: Readonly<Record<string, unknown>>,
	valueOptions: readonly string[],
): string {
	if (isQuestionCommand(command)) {
		const options: Record<string, string | number> = {};
		for (const name of valueOptions) {
			const v = values[name];
			if (typeof v === 'string' || typeof v === 'number') options[name] = typeof v === 'string' ? safeValue(v) : v;
		}
		return commandLine(ctx, { command, options }, 'display');
	}
	const parts = Object.entries(values)
		.filter(([name]) => name !== 'privat')
		.map(([name, v]) => `${name}:${safeValue(String(v))}`);
	return [`/${command}`, ...parts].join(' ');
}

/** "Okänt kommando" for a command line given to `/fråga` that names no command of the bot. */
export function unknownCommandAnswer(ctx: AnswerContext, name: string): ErrorAnswer {
	return errorAnswer(
		COMMAND,
		'unknown_command',
		tr(
			ctx,
			`Okänt kommando /${quote(name)}. Skriv en fråga med egna ord, eller ett kommando som /värde eller /jämför.`,
			`Unknown command /${quote(name)}. Ask in your own words, or use a command such as /värde or /jämför.`,
		),
	);
}

/** A question read into one command and its options, with the line it was read as, or why it could not be. */
export type QuestionReading =
	| { readonly ok: true; readonly reading: Reading; readonly interpretation: string }
	| { readonly ok: false; readonly error: ErrorAnswer };

/** Why a question could not be read into a command, as the error answer says it. */
function unreadable(ctx: AnswerContext, i: Exclude<Interpretation, { status: 'ok' }>): ErrorAnswer {
	const say = (code: ErrorCode, sv: string, en: string): ErrorAnswer => errorAnswer(COMMAND, code, tr(ctx, sv, en));
	switch (i.status) {
		case 'empty':
			return say('empty_input', `Skriv en fråga, ${examples(ctx)}.`, `Please type a question, ${examples(ctx)}.`);
		case 'too_long':
			return say(
				'invalid_option',
				`Frågan är för lång – skriv den kortare (högst ${MAX_QUESTION_LENGTH} tecken).`,
				`The question is too long – please shorten it (at most ${MAX_QUESTION_LENGTH} characters).`,
			);
		case 'not_understood':
			return say(
				'not_found',
				`Jag förstod inte frågan. Nämn en kommun och vad du vill veta, ${examples(ctx)}. Kommandona finns i /hjälp.`,
				`I didn't understand the question. Name a kommun and what you want to know, ${examples(ctx)}. See /hjälp for the commands.`,
			);
		case 'unknown_place':
			return say(
				'not_found',
				`Jag hittar ingen kommun, inget län och ingen stadsdel som heter ”${quote(i.word)}”. Prova namnet eller koden (t.ex. 0180 för Stockholm).`,
				`I can't find a kommun, county or district called ”${quote(i.word)}”. Try its name or code (e.g. 0180 for Stockholm).`,
			);
		case 'clarify':
			return clarify(ctx, i);
	}
}

/** Reads a free-text question into one of the answer commands. */
export function readQuestion(ctx: AnswerContext, text: string): QuestionReading {
	const i = interpretQuestion(ctx, text);
	if (i.status !== 'ok') return { ok: false, error: unreadable(ctx, i) };
	return {
		ok: true,
		reading: i.reading,
		interpretation: interpretationLine(ctx, commandLine(ctx, i.reading, 'display')),
	};
}
