/**
 * `/fråga text`: a free-text question answered by the matching command — a value, a comparison, a
 * trend, a top list, a breakdown by group or a profile — with the command line it was read as
 * ("Tolkat som: /jämför indikator:N31814 kommuner:Malmö, Göteborg, Lund"). A question that leaves
 * something open gets a short "Menade du …?" with the readings as candidates; each candidate's id
 * is a command line, and a text that starts with `/` is run as that command line, so picking a
 * candidate (or correcting the printed line) answers it.
 */
import { inputFrom, type Command } from '../../commands/command.js';
import {
	commandLine,
	COMMAND_OPTIONS,
	interpretQuestion,
	readingLabel,
	type Interpretation,
	type QuestionCommand,
	type Reading,
} from '../question/interpret.js';
import { MAX_QUESTION_LENGTH } from '../question/text.js';
import { stripInvisible } from '../search/normalize.js';
import { parseLine } from '../shell/parse.js';
import { groupsAnswer } from './grupper.js';
import { compareAnswer } from './jamfor.js';
import { profileAnswer } from './profil.js';
import { tr, type AnswerContext } from './context.js';
import { errorAnswer, quote } from './resolve.js';
import { topListAnswer } from './topplista.js';
import { trendAnswer } from './trend.js';
import type { Answer, Candidate, ErrorAnswer } from './types.js';
import { valueAnswer } from './varde.js';

const COMMAND = 'fråga';

/** The option of `/fråga` a picked candidate goes back into. */
export const QUESTION_OPTION = 'text';

/** Longest candidate id: it must fit a Discord button's custom_id next to the bot's own prefix. */
export const MAX_CANDIDATE_ID = 80;

/** Runs a reading through its answer builder. */
export function answerReading(ctx: AnswerContext, r: Reading): Answer {
	const o = r.options;
	const s = (name: string): string => (o[name] === undefined ? '' : String(o[name]));
	switch (r.command) {
		case 'värde':
			return valueAnswer(ctx, { area: s('kommun'), indicator: s('indikator'), year: o.år, gender: o.kön });
		case 'jämför':
			return compareAnswer(ctx, { indicator: s('indikator'), areas: s('kommuner'), year: o.år });
		case 'trend':
			return trendAnswer(ctx, {
				area: s('kommun'),
				indicator: s('indikator'),
				from: o.från,
				to: o.till,
				compareWith: s('jämför_med'),
				gender: o.kön,
			});
		case 'topplista':
			return topListAnswer(ctx, {
				indicator: s('indikator'),
				year: o.år,
				count: o.antal,
				order: s('ordning'),
				lan: s('län'),
				gender: o.kön,
			});
		case 'grupper':
			return groupsAnswer(ctx, { indicator: s('indikator'), year: o.år, division: s('indelning') });
		case 'profil':
			return profileAnswer(ctx, { area: s('kommun'), year: o.år });
	}
}

/** "Tolkat som: /…" in the reply language. */
export function interpretationLine(ctx: AnswerContext, line: string): string {
	return `${tr(ctx, 'Tolkat som', 'Interpreted as')}: ${line}`;
}

function withInterpretation(answer: Answer, interpretation: string): Answer {
	return { ...answer, interpretation };
}

function candidatesOf(ctx: AnswerContext, readings: readonly Reading[]): Candidate[] {
	return readings
		.map((r) => ({ id: commandLine(ctx, r, 'id'), label: readingLabel(ctx, r), option: QUESTION_OPTION }))
		.filter((c) => c.id.length <= MAX_CANDIDATE_ID);
}

const EXAMPLES_SV =
	't.ex. ”Hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?”, ”Topp 5 kommuner med högst kostnad per invånare” eller ”Hur har biståndshushållen i Uppsala utvecklats sedan 2015?”';
const EXAMPLES_EN =
	'e.g. ”How does Malmö compare with Gothenburg on long-term assistance?” or ”Top 5 municipalities with the highest cost per inhabitant”';

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
	const short = clean.length > 100 ? `${clean.slice(0, 99)}…` : clean;
	return short
		.replace(/([\\*_~|>#[\]()])/g, '\\$1')
		.replace(/@/g, '@\u200b')
		.replace(/</g, '<\u200b');
}

/** Options that hold whole numbers (codes such as "0012" stay text). */
const NUMBER_OPTIONS = new Set(['år', 'från', 'till', 'antal']);

/** Splits a command line of one of the answer commands at its option names (when no command list is given). */
function readCommandLine(line: string): Reading | undefined {
	const match = /^\/(\S+)\s*([\s\S]*)$/u.exec(line);
	const name = (match?.[1] ?? '').toLocaleLowerCase('sv') as QuestionCommand;
	if (!Object.hasOwn(COMMAND_OPTIONS, name)) return undefined;
	const names = COMMAND_OPTIONS[name];
	const rest = match?.[2] ?? '';
	const pattern = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'giu');
	const marks = [...rest.matchAll(pattern)];
	const options: Record<string, string | number> = {};
	marks.forEach((m, i) => {
		const option = (m[1] ?? '').toLocaleLowerCase('sv');
		const value = rest.slice(m.index + m[0].length, marks[i + 1]?.index ?? rest.length).trim();
		options[option] = NUMBER_OPTIONS.has(option) && /^\d{1,4}$/.test(value) ? Number(value) : value;
	});
	return { command: name, options };
}

/** The display form of a command line, when it is one of the answer commands. */
function displayLine(ctx: AnswerContext, command: string, values: Readonly<Record<string, unknown>>): string {
	if (Object.hasOwn(COMMAND_OPTIONS, command)) {
		const options: Record<string, string | number> = {};
		for (const name of COMMAND_OPTIONS[command as QuestionCommand]) {
			const v = values[name];
			if (typeof v === 'string' || typeof v === 'number') options[name] = typeof v === 'string' ? safeValue(v) : v;
		}
		return commandLine(ctx, { command: command as QuestionCommand, options }, 'display');
	}
	const parts = Object.entries(values)
		.filter(([name]) => name !== 'privat')
		.map(([name, v]) => `${name}:${safeValue(String(v))}`);
	return [`/${command}`, ...parts].join(' ');
}

/** Runs a command line given as the question (a picked candidate, or a corrected interpretation). */
function runCommandLine(ctx: AnswerContext, line: string, commands: readonly Command[] | undefined): Answer {
	const unknown = (name: string): ErrorAnswer =>
		errorAnswer(
			COMMAND,
			'unknown_command',
			tr(
				ctx,
				`Okänt kommando /${quote(name)}. Skriv en fråga med egna ord, eller ett kommando som /värde eller /jämför.`,
				`Unknown command /${quote(name)}. Ask in your own words, or use a command such as /värde or /jämför.`,
			),
		);
	if (commands) {
		const parsed = parseLine(commands, line);
		if (!parsed.ok) return unknown(parsed.name ?? '');
		const name = parsed.command.data.name;
		if (name === COMMAND) {
			// "/fråga text:…" inside /fråga: answer the inner question, never another command line.
			const inner = typeof parsed.values[QUESTION_OPTION] === 'string' ? parsed.values[QUESTION_OPTION] : '';
			return inner.trim().startsWith('/') ? unknown(COMMAND) : questionAnswer(ctx, inner);
		}
		const answer = parsed.command.answer(ctx, inputFrom(parsed.values));
		return withInterpretation(answer, interpretationLine(ctx, displayLine(ctx, name, parsed.values)));
	}
	const r = readCommandLine(line);
	if (!r) return unknown(/^\/(\S*)/u.exec(line)?.[1] ?? '');
	return withInterpretation(answerReading(ctx, r), interpretationLine(ctx, displayLine(ctx, r.command, r.options)));
}

/**
 * Answers a free-text question, or runs a command line given in its place. `commands` is the bot's
 * command list, used for command lines (without it, the six answer commands are understood).
 */
export function questionAnswer(ctx: AnswerContext, text: string, commands?: readonly Command[]): Answer {
	const trimmed = stripInvisible(text.slice(0, MAX_QUESTION_LENGTH * 4)).trim();
	if (trimmed.startsWith('/') && trimmed.length <= MAX_QUESTION_LENGTH) return runCommandLine(ctx, trimmed, commands);
	const i = interpretQuestion(ctx, text);
	switch (i.status) {
		case 'empty':
			return errorAnswer(
				COMMAND,
				'empty_input',
				tr(ctx, `Skriv en fråga, ${EXAMPLES_SV}.`, `Please type a question, ${EXAMPLES_EN}.`),
			);
		case 'too_long':
			return errorAnswer(
				COMMAND,
				'invalid_option',
				tr(
					ctx,
					`Frågan är för lång – skriv den kortare (högst ${MAX_QUESTION_LENGTH} tecken).`,
					`The question is too long – please shorten it (at most ${MAX_QUESTION_LENGTH} characters).`,
				),
			);
		case 'not_understood':
			return errorAnswer(
				COMMAND,
				'not_found',
				tr(
					ctx,
					`Jag förstod inte frågan. Nämn en kommun och vad du vill veta, ${EXAMPLES_SV}. Kommandona finns i /hjälp.`,
					`I didn't understand the question. Name a kommun and what you want to know, ${EXAMPLES_EN}. See /hjälp for the commands.`,
				),
			);
		case 'unknown_place':
			return errorAnswer(
				COMMAND,
				'not_found',
				tr(
					ctx,
					`Jag hittar ingen kommun, inget län och ingen stadsdel som heter ”${quote(i.word)}”. Prova namnet eller koden (t.ex. 0180 för Stockholm).`,
					`I can't find a kommun, county or district called ”${quote(i.word)}”. Try its name or code (e.g. 0180 for Stockholm).`,
				),
			);
		case 'clarify':
			return clarify(ctx, i);
		case 'ok':
			return withInterpretation(
				answerReading(ctx, i.reading),
				interpretationLine(ctx, commandLine(ctx, i.reading, 'display')),
			);
	}
}
