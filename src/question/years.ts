/**
 * Years in a question: "2022", "år 2022", ranges ("2018–2022", "mellan 2015 och 2020", "från 2012
 * till 2022"), starts ("sedan 2015", "de senaste fem åren"), ends ("fram till 2020") and words
 * relative to today ("i år", "i fjol", "förra året", "i förrfjol", "för två år sedan", "last year").
 * "Senaste året" asks for the latest year with data, which is what every answer shows by default.
 */
import { MAX_YEAR, MIN_YEAR } from '../dataset/schema.js';
import type { Token } from './text.js';
import { NUMBER_WORDS } from './vocabulary.js';

/** What a question says about years. */
export interface YearInfo {
	/** One year asked about. */
	readonly year?: number;
	/** First and last year of a period. */
	readonly from?: number;
	readonly to?: number;
	/** True when the question asks for the latest year ("senaste året", "just nu"). */
	readonly latest: boolean;
	/** True when the wording asks for a development over years (a period, "sedan", "de senaste åren"). */
	readonly period: boolean;
	/** Indexes of the tokens that were read as years. */
	readonly used: ReadonlySet<number>;
}

const FROM_WORDS = new Set(['sedan', 'since', 'fran', 'from', 'efter', 'after', 'fr', 'fom']);
const TO_WORDS = new Set(['till', 'to', 'until', 'tom', 'through', 'thru']);
const RANGE_LINKS = new Set(['till', 'to', 'och', 'and', 'until', 'tom']);
const RANGE_OPENERS = new Set(['mellan', 'between', 'fran', 'from']);
const LATEST = new Set(['senaste', 'senast', 'latest', 'nu', 'idag', 'currently', 'now', 'recent']);
const YEARS_WORDS = new Set(['ar', 'aren', 'years', 'aret']);

function asYear(token: Token | undefined): number | undefined {
	if (!token?.numeric || token.raw.length !== 4) return undefined;
	const year = Number(token.raw);
	return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

/** A small count written as digits or as a word ("5", "fem", "five"). */
export function asCount(token: Token | undefined): number | undefined {
	if (!token) return undefined;
	if (token.numeric && token.raw.length <= 2) return Number(token.raw);
	return NUMBER_WORDS.get(token.fold);
}

/** Finds the years of a question, relative words measured from `today`. */
export function findYears(tokens: readonly Token[], today: Date): YearInfo {
	const thisYear = today.getUTCFullYear();
	const used = new Set<number>();
	const plain: number[] = [];
	let from: number | undefined;
	let to: number | undefined;
	let year: number | undefined;
	let latest = false;
	let period = false;
	const f = (i: number): string => tokens[i]?.fold ?? '';
	const use = (...indexes: number[]): void => {
		for (const i of indexes) used.add(i);
	};

	for (let i = 0; i < tokens.length; i++) {
		if (used.has(i)) continue;
		const token = tokens[i] as Token;
		const word = token.fold;
		const range = /^(\d{4})-(\d{4})$/.exec(word);
		if (range) {
			const a = Number(range[1]);
			const b = Number(range[2]);
			if (a >= MIN_YEAR && b <= MAX_YEAR && a <= b) {
				from = a;
				to = b;
				period = true;
				use(i);
				if (RANGE_OPENERS.has(f(i - 1))) use(i - 1);
			}
			continue;
		}
		const y = asYear(token);
		if (y !== undefined) {
			const second = asYear(tokens[i + 2]);
			if (second !== undefined && RANGE_LINKS.has(f(i + 1)) && second >= y) {
				from = y;
				to = second;
				period = true;
				use(i, i + 1, i + 2);
				if (RANGE_OPENERS.has(f(i - 1))) use(i - 1);
				i += 2;
			} else if (FROM_WORDS.has(f(i - 1))) {
				from = y;
				period = true;
				use(i - 1, i);
			} else if (TO_WORDS.has(f(i - 1))) {
				to = y;
				use(i - 1, i);
				if (f(i - 2) === 'fram' || f(i - 2) === 'up') use(i - 2);
			} else {
				plain.push(y);
				use(i);
				if (f(i - 1) === 'ar' || f(i - 1) === 'year') use(i - 1);
			}
			continue;
		}
		// i fjol, förra året, last year, i år, this year, i förrfjol
		if (word === 'ifjol' || (word === 'fjol' && f(i - 1) === 'i')) {
			year = thisYear - 1;
			use(i, i - 1);
		} else if (word === 'forrfjol' || word === 'iforrfjol') {
			year = thisYear - 2;
			use(i, i - 1);
		} else if ((word === 'forra' || word === 'forrforra') && /^(aret|arets|ar)$/.test(f(i + 1))) {
			year = thisYear - (word === 'forra' ? 1 : 2);
			use(i, i + 1);
		} else if ((word === 'last' || word === 'previous') && f(i + 1) === 'year') {
			year = thisYear - 1;
			use(i, i + 1);
		} else if (word === 'this' && f(i + 1) === 'year') {
			year = thisYear;
			use(i, i + 1);
		} else if (token.norm === 'år' && f(i - 1) === 'i' && asYear(tokens[i + 1]) === undefined) {
			year = thisYear;
			use(i - 1, i);
		} else if (
			(word === 'for' && f(i + 2) === 'ar' && f(i + 3) === 'sedan') ||
			(f(i + 1) === 'years' && f(i + 2) === 'ago')
		) {
			const n = asCount(word === 'for' ? tokens[i + 1] : token);
			if (n !== undefined && n > 0 && n < 50) {
				year = thisYear - n;
				use(...(word === 'for' ? [i, i + 1, i + 2, i + 3] : [i, i + 1, i + 2]));
			}
		} else if (LATEST.has(word) || ((word === 'last' || word === 'past') && YEARS_WORDS.has(f(i + 2)))) {
			// "de senaste fem åren", "last 5 years": a period up to now; "senaste året": the latest year.
			const n = asCount(tokens[i + 1]);
			if (n !== undefined && n > 0 && n < 50 && YEARS_WORDS.has(f(i + 2))) {
				from = thisYear - n;
				period = true;
				use(i, i + 1, i + 2);
				if (f(i - 1) === 'de' || f(i - 1) === 'the') use(i - 1);
			} else if (f(i + 1) === 'aren' || f(i + 1) === 'years') {
				period = true;
				use(i, i + 1);
			} else if (word !== 'last' && word !== 'past') {
				latest = true;
				use(i);
				if (YEARS_WORDS.has(f(i + 1)) || f(i + 1) === 'year' || f(i + 1) === 'siffrorna') use(i + 1);
				if (f(i - 1) === 'just' || f(i - 1) === 'most' || f(i - 1) === 'det') use(i - 1);
			}
		}
	}
	const distinct = [...new Set(plain)].sort((a, b) => a - b);
	if (distinct.length >= 2 && from === undefined && to === undefined) {
		from = distinct[0];
		to = distinct.at(-1);
		period = true;
	} else if (distinct.length >= 1 && year === undefined) {
		if (from !== undefined && to === undefined && (distinct.at(-1) ?? 0) > from) to = distinct.at(-1);
		else year = distinct[0];
	}
	return {
		...(year === undefined ? {} : { year }),
		...(from === undefined ? {} : { from }),
		...(to === undefined ? {} : { to }),
		latest,
		period,
		used,
	};
}
