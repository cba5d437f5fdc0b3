/**
 * The reply language for a Discord user, and the bot's own short texts in Swedish and English.
 * Answers bring their own text; these are the few lines the Discord side writes itself (errors,
 * cooldown, "Menade du …?" follow-ups, table and field remarks).
 */
import type { Locale } from '../answers/types.js';

/**
 * The answer locale for a Discord client locale: `en-US`, `en-GB` (anything starting with `en`)
 * gives English; everything else, including a missing locale, gives Swedish.
 */
export function localeOf(discordLocale: string | null | undefined): Locale {
	return discordLocale?.toLowerCase().startsWith('en') === true ? 'en' : 'sv';
}

/** The bot's own user-facing texts. */
export interface UiTexts {
	/** Reply to an unexpected error, with the reference that is also in the log. */
	readonly internalError: (ref: string) => string;
	/** The per-user chart cooldown is running; `retryAt` in epoch milliseconds. */
	readonly cooldown: (retryAt: number, seconds: number) => string;
	/** The "Menade du …?" buttons are older than the bot remembers. */
	readonly choiceExpired: string;
	/** Someone else pressed the buttons (only possible on a shared message). */
	readonly choiceNotYours: string;
	/** Replaces the "Menade du …?" message once a candidate is picked. */
	readonly chosen: (label: string) => string;
	/** Placeholder of the candidate select menu. */
	readonly choosePlaceholder: string;
	/** Under a table that had to be shortened. */
	readonly moreRows: (n: number) => string;
	/** Name suffix of a field continued in the next one. */
	readonly continued: string;
	/** Last field when fields had to be left out. */
	readonly moreFields: (n: number) => string;
	/** Note when the chart could not be drawn. */
	readonly chartFailed: (ref: string) => string;
	/** The command is not known to this version of the bot (stale registration). */
	readonly unknownCommand: (name: string) => string;
	/** Heading of the notes block. */
	readonly notes: string;
	/** A follow-up button from another version of the bot. */
	readonly followUpOutdated: string;
	/** A button id that claims to be a follow-up but is not a valid one. */
	readonly followUpRefused: string;
}

const sv: UiTexts = {
	internalError: (ref) => `Något gick fel (ref: ${ref}).`,
	cooldown: (retryAt, seconds) =>
		`Vänta lite – du kan be om ett nytt diagram <t:${Math.ceil(retryAt / 1000)}:R> (om ${seconds} s).`,
	choiceExpired: 'Det här valet har gått ut. Kör kommandot igen.',
	choiceNotYours: 'Det här valet hör till någon annan. Kör kommandot själv för att välja.',
	chosen: (label) => `Du valde **${label}**.`,
	choosePlaceholder: 'Välj det du menade …',
	moreRows: (n) => `… och ${n} rader till`,
	continued: ' (forts.)',
	moreFields: (n) => `${n} fält till får inte plats.`,
	chartFailed: (ref) => `Diagrammet kunde inte ritas (ref: ${ref}).`,
	unknownCommand: (name) => `Kommandot /${name} finns inte längre. Skriv /hjälp för att se alla.`,
	notes: 'Att notera',
	followUpOutdated: 'Den här knappen kommer från en äldre version av boten. Kör kommandot igen.',
	followUpRefused: 'Den här knappen känns inte igen, så den körs inte. Skriv kommandot i stället.',
};

const en: UiTexts = {
	internalError: (ref) => `Something went wrong (ref: ${ref}).`,
	cooldown: (retryAt, seconds) =>
		`Please wait – you can ask for a new chart <t:${Math.ceil(retryAt / 1000)}:R> (in ${seconds} s).`,
	choiceExpired: 'This choice has expired. Please run the command again.',
	choiceNotYours: 'This choice belongs to someone else. Run the command yourself to choose.',
	chosen: (label) => `You chose **${label}**.`,
	choosePlaceholder: 'Pick what you meant …',
	moreRows: (n) => `… and ${n} more rows`,
	continued: ' (cont.)',
	moreFields: (n) => `${n} more fields did not fit.`,
	chartFailed: (ref) => `The chart could not be drawn (ref: ${ref}).`,
	unknownCommand: (name) => `The command /${name} no longer exists. Type /hjälp to see them all.`,
	notes: 'Notes',
	followUpOutdated: 'This button comes from an older version of the bot. Please run the command again.',
	followUpRefused: 'This button is not recognised, so it was not run. Please type the command instead.',
};

/** The texts for a locale. */
export function uiTexts(locale: Locale): UiTexts {
	return locale === 'en' ? en : sv;
}
