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

/** What the words read so far say about years (optional ones only once found). */
interface Found {
	year?: number;
	from?: number;
	to?: number;
	latest: boolean;
	period: boolean;
	/** Years written on their own ("2019 och 2022"), settled at the end. */
	readonly plain: number[];
	readonly used: Set<number>;
}

/** The tokens of a question and what has been read of them. */
interface Scan {
	readonly tokens: readonly Token[];
	readonly found: Found;
	/** The folded word at index `i` ('' past the ends). */
	readonly f: (i: number) => string;
	readonly use: (...indexes: number[]) => void;
}

/** "2018-2022" as one token; true when the token is such a range (read if its years are valid). */
function readDigitRange({ found, f, use }: Scan, i: number): boolean {
	const range = /^(\d{4})-(\d{4})$/.exec(f(i));
	if (!range) return false;
	const a = Number(range[1]);
	const b = Number(range[2]);
	if (a >= MIN_YEAR && b <= MAX_YEAR && a <= b) {
		found.from = a;
		found.to = b;
		found.period = true;
		use(i);
		if (RANGE_OPENERS.has(f(i - 1))) use(i - 1);
	}
	return true;
}

/** A year `y` at `i`: a range ("2015 till 2020"), a start, an end, or a year on its own; the last index read. */
function readYear({ tokens, found, f, use }: Scan, i: number, y: number): number {
	const second = asYear(tokens[i + 2]);
	if (second !== undefined && RANGE_LINKS.has(f(i + 1)) && second >= y) {
		found.from = y;
		found.to = second;
		found.period = true;
		use(i, i + 1, i + 2);
		if (RANGE_OPENERS.has(f(i - 1))) use(i - 1);
		return i + 2;
	}
	if (FROM_WORDS.has(f(i - 1))) {
		found.from = y;
		found.period = true;
		use(i - 1, i);
	} else if (TO_WORDS.has(f(i - 1))) {
		found.to = y;
		use(i - 1, i);
		if (f(i - 2) === 'fram' || f(i - 2) === 'up') use(i - 2);
	} else {
		found.plain.push(y);
		use(i);
		if (f(i - 1) === 'ar' || f(i - 1) === 'year') use(i - 1);
	}
	return i;
}

/** A year named relative to this year: i fjol, förra året, last year, i år, this year, i förrfjol, för två år sedan. */
function readRelativeYear({ tokens, found, f, use }: Scan, i: number, thisYear: number): boolean {
	const word = f(i);
	const ago = (n: number | undefined, indexes: number[]): void => {
		if (n === undefined || n <= 0 || n >= 50) return;
		found.year = thisYear - n;
		use(...indexes);
	};
	if (word === 'ifjol' || (word === 'fjol' && f(i - 1) === 'i')) ago(1, [i, i - 1]);
	else if (word === 'forrfjol' || word === 'iforrfjol') ago(2, [i, i - 1]);
	else if ((word === 'forra' || word === 'forrforra') && /^(aret|arets|ar)$/.test(f(i + 1)))
		ago(word === 'forra' ? 1 : 2, [i, i + 1]);
	else if ((word === 'last' || word === 'previous') && f(i + 1) === 'year') ago(1, [i, i + 1]);
	else if (word === 'this' && f(i + 1) === 'year') {
		found.year = thisYear;
		use(i, i + 1);
	} else if (tokens[i]?.norm === 'år' && f(i - 1) === 'i' && asYear(tokens[i + 1]) === undefined) {
		found.year = thisYear;
		use(i - 1, i);
	} else if (word === 'for' && f(i + 2) === 'ar' && f(i + 3) === 'sedan')
		ago(asCount(tokens[i + 1]), [i, i + 1, i + 2, i + 3]);
	else if (f(i + 1) === 'years' && f(i + 2) === 'ago') ago(asCount(tokens[i]), [i, i + 1, i + 2]);
	else return false;
	return true;
}

/** "de senaste fem åren", "last 5 years": a period up to now; "senaste året", "just nu": the latest year. */
function readLatest({ tokens, found, f, use }: Scan, i: number, thisYear: number): void {
	const word = f(i);
	if (!LATEST.has(word) && !((word === 'last' || word === 'past') && YEARS_WORDS.has(f(i + 2)))) return;
	const n = asCount(tokens[i + 1]);
	if (n !== undefined && n > 0 && n < 50 && YEARS_WORDS.has(f(i + 2))) {
		found.from = thisYear - n;
		found.period = true;
		use(i, i + 1, i + 2);
		if (f(i - 1) === 'de' || f(i - 1) === 'the') use(i - 1);
	} else if (f(i + 1) === 'aren' || f(i + 1) === 'years') {
		found.period = true;
		use(i, i + 1);
	} else if (word !== 'last' && word !== 'past') {
		found.latest = true;
		use(i);
		if (YEARS_WORDS.has(f(i + 1)) || f(i + 1) === 'year' || f(i + 1) === 'siffrorna') use(i + 1);
		if (f(i - 1) === 'just' || f(i - 1) === 'most' || f(i - 1) === 'det') use(i - 1);
	}
}

/** Years written on their own: two or more make a period, one is the year (or the end of a period begun). */
function settlePlain(found: Found): void {
	const distinct = [...new Set(found.plain)].sort((a, b) => a - b);
	if (distinct.length >= 2 && found.from === undefined && found.to === undefined) {
		found.from = distinct[0];
		found.to = distinct.at(-1);
		found.period = true;
	} else if (distinct.length >= 1 && found.year === undefined) {
		if (found.from !== undefined && found.to === undefined && (distinct.at(-1) ?? 0) > found.from)
			found.to = distinct.at(-1);
		else found.year = distinct[0];
	}
}

/** Finds the years of a question, relative words measured from `today`. */
export function findYears(tokens: readonly Token[], today: Date): YearInfo {
	const thisYear = today.getUTCFullYear();
	const found: Found = { latest: false, period: false, plain: [], used: new Set() };
	const scan: Scan = {
		tokens,
		found,
		f: (i) => tokens[i]?.fold ?? '',
		use: (...indexes) => {
			for (const i of indexes) found.used.add(i);
		},
	};
	for (let i = 0; i < tokens.length; i++) {
		if (found.used.has(i) || readDigitRange(scan, i)) continue;
		const y = asYear(tokens[i]);
		if (y !== undefined) i = readYear(scan, i, y);
		else if (!readRelativeYear(scan, i, thisYear)) readLatest(scan, i, thisYear);
	}
	settlePlain(found);
	const { year, from, to, latest, period, used } = found;
	return {
		...(year === undefined ? {} : { year }),
		...(from === undefined ? {} : { from }),
		...(to === undefined ? {} : { to }),
		latest,
		period,
		used,
	};
}
