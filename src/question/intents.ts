/**
 * What a question asks for, from its wording (Swedish and English): a comparison ("jämför",
 * "jämfört med", "vs"), a development ("utveckling", "trend", "har … ökat"), a ranking ("bäst",
 * "sämst", "topp 5", "vilka kommuner har högst"), a profile ("profil", "hur ligger Malmö till"),
 * a breakdown by group ("per kommungrupp", "per län", "efter kommunstorlek"), similar kommuner
 * ("liknande kommuner"), and a gender ("bland kvinnor").
 */
import type { Gender } from '../dataset/schema.js';
import { editDistance, type Token } from './text.js';
import { asCount } from './years.js';

/** Sort orders of a ranking, as `/topplista` names them. */
export type RankOrder = 'bäst' | 'sämst' | 'högst' | 'lägst';

/** Breakdowns `/grupper` offers. */
export type Division = 'kommungrupp' | 'storlek' | 'län';

/** The intent words of a question. */
export interface Intents {
	readonly compare: boolean;
	readonly trend: boolean;
	/** A ranking was asked for (an order word, "topp", "topplista", "vilka kommuner"). */
	readonly rank: boolean;
	readonly order?: RankOrder;
	/** "topp"/"top" without an order word: the top of the list, best or highest. */
	readonly top: boolean;
	/** "topp 5", "de tio sämsta". */
	readonly count?: number;
	/** "vilka kommuner …", "which municipalities …": a list rather than one place. */
	readonly list: boolean;
	/** An explicit profile word ("profil", "översikt", "allt om"). */
	readonly profile: boolean;
	/** A map was asked for ("karta", "kartan", "map"). */
	readonly map: boolean;
	/** "hur ligger X till", "hur står sig X", "how is X doing": a value with an indicator, a profile without. */
	readonly standing: boolean;
	readonly division?: Division;
	/** "liknande kommuner", "similar municipalities". */
	readonly similar: boolean;
	/** "sin kommungrupp", "kommungruppen": the kommun's own group, which `/värde` shows. */
	readonly ownGroup: boolean;
	/** The word "kommunerna"/"kommuner" (with a län: its kommuner). */
	readonly kommunerWord: boolean;
	readonly gender?: Exclude<Gender, 'T'>;
	/** True when both women and men are named ("skillnaden mellan kvinnor och män"). */
	readonly bothGenders: boolean;
	/** Index of the token that named the gender. */
	readonly genderToken?: number;
	/** Indexes of the tokens read as intent words. */
	readonly used: ReadonlySet<number>;
}

/** Intent words that a typo ("utvekling", "jämfär") is corrected to. */
const INTENT_WORDS = [
	'utveckling',
	'utvecklingen',
	'utvecklats',
	'utvecklat',
	'jamfor',
	'jamfort',
	'jamfora',
	'jamforelse',
	'profil',
	'kommungrupp',
	'kommungrupper',
	'kommungrupperna',
	'topplista',
	'liknande',
	'forandring',
	'forandrats',
	'tidsserie',
	'minskat',
	'develop',
	'developed',
	'compare',
	'compared',
	'similar',
];

const INTENT_SET = new Set(INTENT_WORDS);

/** The intent word a typo is one edit away from, if exactly one. */
export function correctIntentWord(fold: string): string | undefined {
	if (fold.length < 6 || INTENT_SET.has(fold)) return undefined;
	const hits = INTENT_WORDS.filter((w) => editDistance(fold, w, 1) <= 1);
	return hits.length === 1 ? hits[0] : undefined;
}

const TREND_PREFIXES = [
	'utveckl',
	'trend',
	'tidsserie',
	'tidsutveckling',
	'forandr',
	'okat',
	'okar',
	'okning',
	'okade',
	'minskat',
	'minskar',
	'minskning',
	'minskade',
	'historik',
	'develop',
	'chang',
	'increas',
	'decreas',
	'evolution',
	'vuxit',
	'sjunkit',
	'stigit',
	'grown',
];

/** Infinitives that ask about a change ("kommer X att öka?"); as prefixes they would catch other words. */
const TREND_WORDS = new Set(['oka', 'minska', 'sjunka', 'stiga', 'vaxa', 'rise', 'fall', 'grow']);

const ORDER_WORDS: ReadonlyMap<string, RankOrder> = new Map([
	['bast', 'bäst'],
	['basta', 'bäst'],
	['best', 'bäst'],
	['samst', 'sämst'],
	['samsta', 'sämst'],
	['worst', 'sämst'],
	['botten', 'sämst'],
	['bottom', 'sämst'],
	['hogst', 'högst'],
	['hogsta', 'högst'],
	['flest', 'högst'],
	['mest', 'högst'],
	['storst', 'högst'],
	['storsta', 'högst'],
	['highest', 'högst'],
	['most', 'högst'],
	['largest', 'högst'],
	['biggest', 'högst'],
	['langst', 'högst'],
	['langsta', 'högst'],
	['dyrast', 'högst'],
	['lagst', 'lägst'],
	['kortast', 'lägst'],
	['kortasta', 'lägst'],
	['billigast', 'lägst'],
	['lagsta', 'lägst'],
	['farst', 'lägst'],
	['minst', 'lägst'],
	['minsta', 'lägst'],
	['lowest', 'lägst'],
	['least', 'lägst'],
	['fewest', 'lägst'],
	['smallest', 'lägst'],
]);

const RANK_WORDS = new Set([
	'topplista',
	'topplistan',
	'ranking',
	'rankning',
	'rangordning',
	'rangordna',
	'rangordnade',
	'rangordnat',
	'rank',
	'ranka',
	'rankade',
	'ranked',
	'lista',
]);

const COMPARE_WORDS = new Set([
	'vs',
	'versus',
	'skillnad',
	'skillnaden',
	'skillnader',
	'skiljer',
	'differ',
	'differs',
	'difference',
	'battre',
	'samre',
	'better',
	'worse',
]);

const SIMILAR_WORDS = new Set([
	'liknande',
	'liknar',
	'jamforbara',
	'jamforbar',
	'likartade',
	'likvardiga',
	'similar',
	'comparable',
]);

const PROFILE_WORDS = new Set([
	'profil',
	'profilen',
	'profile',
	'oversikt',
	'oversikten',
	'overview',
	'sammanfattning',
	'summary',
	'sammanstallning',
]);

const MAP_WORDS = new Set(['karta', 'kartan', 'kartor', 'map']);

const DIVISION_PREPS = new Set([
	'per',
	'efter',
	'by',
	'across',
	'olika',
	'varje',
	'alla',
	'vilka',
	'pa',
	'each',
	'every',
	'which',
	'all',
]);

const KOMMUNER_WORDS = new Set(['kommuner', 'kommunerna', 'kommunernas', 'municipalities']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The intents read so far, filled in word by word (an optional one only once found). */
type Found = Mutable<Omit<Intents, 'used' | 'bothGenders'>> & {
	/** The genders named. */
	readonly genders: Set<Gender>;
	readonly used: Set<number>;
};

/** One word of the question, with its neighbours. */
interface At {
	readonly i: number;
	/** The folded word, a typo of an intent word corrected. */
	readonly word: string;
	readonly norm: string;
	/** The word `k` places after this one (before it when `k` is negative); '' past the ends and for skipped tokens. */
	readonly w: (k: number) => string;
	/** The small count ("5", "fem") `k` places after this one, unless that token is skipped. */
	readonly countAt: (k: number) => number | undefined;
}

/**
 * Reads one word into `f` when it is an intent word of its kind; true when it was (the words
 * after it are then not tried).
 */
type WordReader = (f: Found, at: At) => boolean;

function use(f: Found, ...indexes: number[]): void {
	for (const i of indexes) f.used.add(i);
}

/** "topp 5", "de fem bästa": the first count of 1–30 at one of the offsets. */
function takeCount(f: Found, at: At, offsets: readonly number[]): void {
	for (const k of offsets) {
		const n = at.countAt(k);
		if (n !== undefined && n >= 1 && n <= 30) {
			f.count ??= n;
			f.used.add(at.i + k);
			return;
		}
	}
}

const readCompare: WordReader = (f, { i, word }) => {
	if ((word.startsWith('jamfor') && !word.startsWith('jamforbar')) || word.startsWith('compar')) {
		if (word.startsWith('comparab')) f.similar = true;
		else f.compare = true;
	} else if (COMPARE_WORDS.has(word)) f.compare = true;
	else if (SIMILAR_WORDS.has(word)) f.similar = true;
	else return false;
	use(f, i);
	return true;
};

const readTrend: WordReader = (f, { i, word, w }) => {
	if (TREND_PREFIXES.some((p) => word.startsWith(p)) || TREND_WORDS.has(word)) use(f, i);
	else if ((word === 'over' && (w(1) === 'tid' || w(1) === 'time')) || word === 'tidsserien') use(f, i, i + 1);
	else return false;
	f.trend = true;
	return true;
};

const readRank: WordReader = (f, at) => {
	const { i, word } = at;
	const order = ORDER_WORDS.get(word);
	const top = word === 'topp' || word === 'top';
	if (order !== undefined) f.order ??= order;
	else if (top) f.top = true;
	else if (/^topp?\d{1,2}$/.test(word)) {
		f.top = true;
		f.count ??= Number(word.replace(/\D/g, ''));
	} else if (!RANK_WORDS.has(word)) return false;
	f.rank = true;
	use(f, i);
	if (order !== undefined || top) takeCount(f, at, [1, -1, -2]);
	return true;
};

const readMap: WordReader = (f, { i, word }) => {
	if (!MAP_WORDS.has(word)) return false;
	f.map = true;
	use(f, i);
	return true;
};

const readProfile: WordReader = (f, { i, word, w }) => {
	if (PROFILE_WORDS.has(word)) use(f, i);
	else if ((word === 'allt' || word === 'beratta') && w(1) === 'om') use(f, i, i + 1);
	else if (word === 'tell' && w(1) === 'me' && w(2) === 'about') use(f, i, i + 1, i + 2);
	else return false;
	f.profile = true;
	return true;
};

const readStanding: WordReader = (f, { i, word, w }) => {
	const standing =
		(word === 'ligger' && [1, 2, 3, 4, 5].some((k) => w(k) === 'till')) ||
		(word === 'star' && w(1) === 'sig') ||
		(word === 'gar' && w(1) === 'det') ||
		word === 'doing' ||
		word === 'laget';
	if (standing) {
		f.standing = true;
		use(f, i);
	}
	return standing;
};

const readGroupDivision: WordReader = (f, { i, word, w }) => {
	let division: boolean;
	if (word === 'kommungrupper' || word === 'kommungrupperna') {
		division = true;
		use(f, i);
	} else if (word === 'kommungrupp' || word === 'kommungruppen' || word === 'kommungrupps') {
		division = DIVISION_PREPS.has(w(-1));
		use(f, i);
	} else if ((word === 'group' || word === 'groups') && w(-1) === 'municipality') {
		division = word === 'groups' || DIVISION_PREPS.has(w(-2));
		use(f, i, i - 1);
	} else return false;
	// "per kommungrupp" divides; "sin kommungrupp" is the kommun's own group.
	if (division) f.division ??= 'kommungrupp';
	else f.ownGroup = true;
	return true;
};

/** Word pairs that divide by size ("stora och små", "small and large"): first word → the two after it. */
const SIZE_PAIRS: ReadonlyMap<string, readonly [string, string]> = new Map([
	['stora', ['och', 'sma']],
	['sma', ['och', 'stora']],
	['small', ['and', 'large']],
	['large', ['and', 'small']],
]);

const readLanDivision: WordReader = (f, { i, word, norm, w }) => {
	const lan =
		((word === 'lan' || word === 'county') && DIVISION_PREPS.has(w(-1))) ||
		word === 'lansvis' ||
		word === 'lanen' ||
		word === 'counties';
	// "lån" (a loan) folds to "lan" too: it is read, as nothing.
	if (lan && norm !== 'lån') {
		f.division ??= 'län';
		use(f, i);
	}
	return lan;
};

const readSizeDivision: WordReader = (f, { i, word, w }) => {
	const pair = SIZE_PAIRS.get(word);
	const size =
		word.startsWith('kommunstorlek') ||
		word.startsWith('storleksklass') ||
		word.startsWith('storleksgrupp') ||
		((word === 'storlek' || word === 'size') && DIVISION_PREPS.has(w(-1))) ||
		(pair !== undefined && w(1) === pair[0] && w(2) === pair[1]);
	if (size) {
		f.division ??= 'storlek';
		use(f, i);
	}
	return size;
};

const readKommuner: WordReader = (f, at) => {
	const { word, w } = at;
	if (KOMMUNER_WORDS.has(word)) {
		f.kommunerWord = true;
		if (['vilka', 'which'].includes(w(-1)) || ['vilka', 'which'].includes(w(-2))) {
			f.list = true;
			f.rank = true;
		}
		takeCount(f, at, [-1]);
		return true;
	}
	if ((word === 'kommun' || word === 'municipality') && (w(-1) === 'vilken' || w(-1) === 'which')) {
		f.list = true;
		f.rank = true;
		return true;
	}
	return false;
};

const WOMEN = new Set(['kvinnor', 'kvinnorna', 'kvinnors', 'kvinnliga', 'women', 'female', 'females']);
const MEN = new Set(['män', 'männen', 'mäns', 'manliga']);
const MEN_FOLDED = new Set(['men', 'male', 'males']);

const readGender: WordReader = (f, { i, word, norm }) => {
	const gender = WOMEN.has(word) ? 'K' : MEN.has(norm) || MEN_FOLDED.has(word) ? 'M' : undefined;
	if (gender === undefined) return false;
	f.gender ??= gender;
	f.genderToken ??= i;
	f.genders.add(gender);
	return true;
};

/** The readers in the order they are tried: the first that reads a word has it. */
const READERS: readonly WordReader[] = [
	readCompare,
	readTrend,
	readRank,
	readProfile,
	readMap,
	readStanding,
	readGroupDivision,
	readLanDivision,
	readSizeDivision,
	readKommuner,
	readGender,
];

/** Reads the intent words of a question's tokens; `skip` holds tokens already read as places or years. */
export function findIntents(tokens: readonly Token[], skip: ReadonlySet<number>): Intents {
	const words = tokens.map((t) => (skip.has(t.index) ? '' : (correctIntentWord(t.fold) ?? t.fold)));
	const f: Found = {
		compare: false,
		trend: false,
		rank: false,
		top: false,
		list: false,
		profile: false,
		map: false,
		standing: false,
		similar: false,
		ownGroup: false,
		kommunerWord: false,
		genders: new Set(),
		used: new Set(),
	};
	words.forEach((word, i) => {
		if (word === '') return;
		const at: At = {
			i,
			word,
			norm: tokens[i]?.norm ?? '',
			w: (k) => words[i + k] ?? '',
			countAt: (k) => (skip.has(i + k) ? undefined : asCount(tokens[i + k])),
		};
		READERS.some((read) => read(f, at));
	});
	return intentsOf(f);
}

function intentsOf(f: Found): Intents {
	const { genders, ...found } = f;
	return { ...found, bothGenders: genders.size === 2 };
}
