import { ApplicationCommandOptionType, SlashCommandBuilder } from './discord.js';
import type { AnswerContext } from '../src/answers/context.js';
import {
	displayLine,
	interpretationLine,
	MAX_CANDIDATE_ID,
	QUESTION_OPTION,
	readQuestion,
	unknownCommandAnswer,
} from '../src/question/answer.js';
import type { Answer } from '../src/answers/types.js';
import { MAX_QUESTION_LENGTH } from '../src/question/text.js';
import { stripInvisible } from '../src/search/normalize.js';
import { inputFrom, text, type Command } from './command.js';
import { formatLine, optionsOf, parseLine, pickedValues, withAreaNames } from './line.js';
import { en, privat } from './options.js';

/** The options of a command that carry a value (not the switches `csv` and `privat`), as its definition lists them. */
function valueOptions(command: Command): string[] {
	return optionsOf(command)
		.filter((o) => o.type !== ApplicationCommandOptionType.Boolean)
		.map((o) => o.name);
}

/**
 * A "no data" answer's choices re-aimed at `/fråga`: each becomes the full command line it stands
 * for (areas by name), so a pick runs it through `text` (the only option `/fråga` has).
 */
function asQuestionChoices(
	ctx: AnswerContext,
	name: string,
	values: Readonly<Record<string, string | number | boolean>>,
	answer: Answer,
): Answer {
	if (answer.ok || !answer.error.candidates?.length) return answer;
	const candidates = answer.error.candidates
		.map((c) => ({
			id: formatLine(
				name,
				withAreaNames(ctx.dataset, pickedValues(values, answer.resolved, { option: c.option ?? '', id: c.id })),
			),
			label: c.label,
			option: QUESTION_OPTION,
		}))
		.filter((c) => c.id.length <= MAX_CANDIDATE_ID);
	return { ...answer, error: { ...answer.error, candidates } };
}

/**
 * `/fråga text`: a question in your own words, answered by the matching command with the command
 * line it was read as. A `text` that is a command line (a picked "Menade du …?" candidate, or a
 * corrected interpretation) is run as it stands. Takes the command list lazily to avoid an import
 * cycle.
 */
export function questionCommand(list: () => readonly Command[]): Command {
	/** Runs one of the bot's commands with options, showing how the question was understood. */
	const run = (
		ctx: AnswerContext,
		name: string,
		values: Readonly<Record<string, string | number | boolean>>,
		interpretation: string,
	): Answer => {
		const command = list().find((c) => c.data.name === name);
		if (!command) return unknownCommandAnswer(ctx, name);
		return { ...asQuestionChoices(ctx, name, values, command.answer(ctx, inputFrom(values))), interpretation };
	};
	const ask = (ctx: AnswerContext, question: string): Answer => {
		const read = readQuestion(ctx, question);
		return read.ok ? run(ctx, read.reading.command, read.reading.options, read.interpretation) : read.error;
	};
	return {
		data: new SlashCommandBuilder()
			.setName('fråga')
			.setNameLocalizations(en('ask'))
			.setDescription('Fråga med egna ord, t.ex. ”hur ligger Nyköping till på kostnad per invånare?”')
			.setDescriptionLocalizations(en('Ask in your own words, e.g. ”how is Nyköping doing on cost per inhabitant?”'))
			.addStringOption((o) =>
				o
					.setName('text')
					.setNameLocalizations(en('text'))
					.setDescription('Din fråga, på svenska eller engelska')
					.setDescriptionLocalizations(en('Your question, in Swedish or English'))
					.setRequired(true)
					.setMaxLength(MAX_QUESTION_LENGTH),
			)
			.addBooleanOption(privat),
		defer: 'public',
		chart: true,
		example: '/fråga text:hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?',
		wantsPrivate: (input) => {
			const line = stripInvisible(text(input, 'text')).trim();
			if (!line.startsWith('/') || line.length > MAX_QUESTION_LENGTH) return false;
			const parsed = parseLine(list(), line);
			return parsed.ok && parsed.values.privat === true;
		},
		fallbackExamples: [
			'/fråga text:hur ligger Örebro till på kostnad per invånare jämfört med Eskilstuna och Nyköping?',
		],
		answer: (ctx, input) => {
			const question = text(input, 'text');
			const line = stripInvisible(question).trim();
			if (!line.startsWith('/') || line.length > MAX_QUESTION_LENGTH) return ask(ctx, question);
			const parsed = parseLine(list(), line);
			if (!parsed.ok) return unknownCommandAnswer(ctx, parsed.name ?? '');
			const name = parsed.command.data.name;
			if (name === 'fråga') {
				// "/fråga text:…" inside /fråga: answer the inner question once, never another command line.
				const inner = String(parsed.values.text ?? '');
				return stripInvisible(inner).trim().startsWith('/') ? unknownCommandAnswer(ctx, name) : ask(ctx, inner);
			}
			const shown = displayLine(ctx, name, parsed.values, valueOptions(parsed.command));
			return run(ctx, name, parsed.values, interpretationLine(ctx, shown));
		},
	};
}
