/**
 * Validation of raw option values shared by the answers: years, kön, counts. Discord may deliver
 * anything (the shell and hostile clients too), so every value is checked and a friendly error
 * explains what is accepted.
 */
import { GENDERS, MAX_YEAR, MIN_YEAR, type Gender, type Indicator } from '../dataset/schema.js';
import type { AnswerContext } from './context.js';
import { fail, quote, type Outcome } from './resolve.js';

/** Parses an optional year; undefined when not given. */
export function parseYear(
	ctx: AnswerContext,
	command: string,
	option: string,
	raw: string | number | boolean | undefined,
): Outcome<number | undefined> {
	if (raw === undefined || raw === '') return { ok: true, value: undefined };
	const text = String(raw).trim();
	const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
		return fail(
			ctx,
			command,
			'invalid_option',
			`”${quote(text, 20)}” är inget giltigt år i fältet **${option}**. Skriv ett år mellan ${MIN_YEAR} och ${MAX_YEAR}, t.ex. 2023.`,
			`”${quote(text, 20)}” is not a valid year in **${option}**. Use a year between ${MIN_YEAR} and ${MAX_YEAR}, e.g. 2023.`,
		);
	}
	return { ok: true, value: year };
}

/** Parses an optional whole number within bounds. */
export function parseCount(
	ctx: AnswerContext,
	command: string,
	option: string,
	raw: string | number | boolean | undefined,
	bounds: { min: number; max: number; fallback: number },
): Outcome<number> {
	if (raw === undefined || raw === '') return { ok: true, value: bounds.fallback };
	const text = String(raw).trim();
	const n = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
		return fail(
			ctx,
			command,
			'invalid_option',
			`Fältet **${option}** ska vara ett heltal mellan ${bounds.min} och ${bounds.max}.`,
			`**${option}** must be a whole number between ${bounds.min} and ${bounds.max}.`,
		);
	}
	return { ok: true, value: n };
}

// A Map, not an object: user text like "constructor" must not reach Object.prototype.
const GENDER_WORDS = new Map<string, Gender>([
	['t', 'T'],
	['totalt', 'T'],
	['total', 'T'],
	['alla', 'T'],
	['k', 'K'],
	['kvinnor', 'K'],
	['kvinna', 'K'],
	['women', 'K'],
	['m', 'M'],
	['män', 'M'],
	['man', 'M'],
	['men', 'M'],
]);

/** Parses `kön` (T/K/M or the words) and checks that the indicator is split by gender. */
export function parseGender(
	ctx: AnswerContext,
	command: string,
	raw: string | number | boolean | undefined,
	indicator: Indicator,
): Outcome<Gender> {
	if (raw === undefined || raw === '') return { ok: true, value: 'T' };
	const gender = GENDER_WORDS.get(String(raw).trim().toLocaleLowerCase('sv'));
	if (!gender || !GENDERS.includes(gender)) {
		return fail(
			ctx,
			command,
			'invalid_option',
			'Fältet **kön** kan vara totalt, kvinnor eller män.',
			'**gender** can be total, women or men.',
		);
	}
	if (gender !== 'T' && !indicator.genderSplit) {
		return fail(
			ctx,
			command,
			'invalid_option',
			`”${indicator.shortTitle}” redovisas inte uppdelat på kön – bara totalt.`,
			`”${indicator.shortTitle}” is not split by gender – total only.`,
		);
	}
	return { ok: true, value: gender };
}

/** Parses a boolean option (`true`/`false`, "ja"/"nej"). */
export function parseFlag(raw: string | number | boolean | undefined): boolean {
	if (typeof raw === 'boolean') return raw;
	return typeof raw === 'string' && /^(true|ja|yes|1)$/i.test(raw.trim());
}

/** The year in `years` closest to `wanted` (the later one on a tie). */
export function nearestYear(years: readonly number[], wanted: number): number | undefined {
	let best: number | undefined;
	for (const y of years) {
		if (
			best === undefined ||
			Math.abs(y - wanted) < Math.abs(best - wanted) ||
			(Math.abs(y - wanted) === Math.abs(best - wanted) && y > best)
		) {
			best = y;
		}
	}
	return best;
}
