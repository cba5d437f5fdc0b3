/**
 * Discord's message, embed, component and autocomplete limits, and small pure helpers that keep
 * text within them. Everything the bot sends passes through these, so a long indicator title or a
 * big table shortens instead of making Discord refuse the whole message (400 50035).
 */
import { clip } from '../text.js';

/** Limits of one embed and of a message (characters unless noted). */
export const LIMITS = {
	content: 2000,
	embedTitle: 256,
	embedDescription: 4096,
	embedFields: 25,
	fieldName: 256,
	fieldValue: 1024,
	footerText: 2048,
	authorName: 256,
	/** Sum of title, description, field names and values, footer text and author name. */
	embedTotal: 6000,
	customId: 100,
	buttonLabel: 80,
	buttonsPerRow: 5,
	actionRows: 5,
	selectOptions: 25,
	selectOptionLabel: 100,
	selectOptionValue: 100,
	selectOptionDescription: 100,
	selectPlaceholder: 150,
	choices: 25,
	choiceName: 100,
	choiceValue: 100,
} as const;

/** An autocomplete choice as Discord takes it. */
export interface ChoiceLike {
	readonly name: string;
	readonly value: string;
}

/**
 * At most 25 choices with non-empty names of ≤ 100 characters. Values longer than 100 characters
 * would be refused and cannot be shortened without changing their meaning, so those choices are
 * dropped; so are duplicates of a value already offered.
 */
export function clampChoices(choices: readonly ChoiceLike[]): ChoiceLike[] {
	const seen = new Set<string>();
	const out: ChoiceLike[] = [];
	for (const choice of choices) {
		if (out.length >= LIMITS.choices) break;
		const value = choice.value;
		if (value.length === 0 || value.length > LIMITS.choiceValue || seen.has(value)) continue;
		const name = clip(choice.name.trim(), LIMITS.choiceName) || value;
		seen.add(value);
		out.push({ name, value });
	}
	return out;
}
