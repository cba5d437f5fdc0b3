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

/** Reads the intent words of a question's tokens; `skip` holds tokens already read as places or years. */
export function findIntents(tokens: readonly Token[], skip: ReadonlySet<number>): Intents {
	const words = tokens.map((t) => (skip.has(t.index) ? '' : (correctIntentWord(t.fold) ?? t.fold)));
	const w = (i: number): string => words[i] ?? '';
	const used = new Set<number>();
	let compare = false;
	let trend = false;
	let rank = false;
	let order: RankOrder | undefined;
	let top = false;
	let count: number | undefined;
	let list = false;
	let profile = false;
	let map = false;
	let standing = false;
	let division: Division | undefined;
	let similar = false;
	let ownGroup = false;
	let kommunerWord = false;
	let gender: Exclude<Gender, 'T'> | undefined;
	let genderToken: number | undefined;
	const genders = new Set<Gender>();

	const countNear = (i: number): void => {
		for (const j of [i + 1, i - 1, i - 2]) {
			const n = asCount(tokens[j]);
			if (n !== undefined && n >= 1 && n <= 30 && !skip.has(j)) {
				count ??= n;
				used.add(j);
				return;
			}
		}
	};

	words.forEach((word, i) => {
		if (word === '') return;
		const norm = tokens[i]?.norm ?? '';
		if ((word.startsWith('jamfor') && !word.startsWith('jamforbar')) || word.startsWith('compar')) {
			if (word.startsWith('comparab')) similar = true;
			else compare = true;
			used.add(i);
		} else if (COMPARE_WORDS.has(word)) {
			compare = true;
			used.add(i);
		} else if (SIMILAR_WORDS.has(word)) {
			similar = true;
			used.add(i);
		} else if (TREND_PREFIXES.some((p) => word.startsWith(p)) || TREND_WORDS.has(word)) {
			trend = true;
			used.add(i);
		} else if ((word === 'over' && (w(i + 1) === 'tid' || w(i + 1) === 'time')) || word === 'tidsserien') {
			trend = true;
			used.add(i).add(i + 1);
		} else if (ORDER_WORDS.has(word)) {
			order ??= ORDER_WORDS.get(word);
			rank = true;
			used.add(i);
			countNear(i);
		} else if (word === 'topp' || word === 'top') {
			top = true;
			rank = true;
			used.add(i);
			countNear(i);
		} else if (/^topp?\d{1,2}$/.test(word)) {
			top = true;
			rank = true;
			count ??= Number(word.replace(/\D/g, ''));
			used.add(i);
		} else if (RANK_WORDS.has(word)) {
			rank = true;
			used.add(i);
		} else if (PROFILE_WORDS.has(word)) {
			profile = true;
			used.add(i);
		} else if (MAP_WORDS.has(word)) {
			map = true;
			used.add(i);
		} else if ((word === 'allt' && w(i + 1) === 'om') || (word === 'beratta' && w(i + 1) === 'om')) {
			profile = true;
			used.add(i).add(i + 1);
		} else if (word === 'tell' && w(i + 1) === 'me' && w(i + 2) === 'about') {
			profile = true;
			used
				.add(i)
				.add(i + 1)
				.add(i + 2);
		} else if (
			(word === 'ligger' && words.slice(i + 1, i + 6).includes('till')) ||
			(word === 'star' && w(i + 1) === 'sig') ||
			(word === 'gar' && w(i + 1) === 'det') ||
			word === 'doing' ||
			word === 'laget'
		) {
			standing = true;
			used.add(i);
		} else if (word === 'kommungrupper' || word === 'kommungrupperna') {
			division ??= 'kommungrupp';
			used.add(i);
		} else if (word === 'kommungrupp' || word === 'kommungruppen' || word === 'kommungrupps') {
			if (DIVISION_PREPS.has(w(i - 1))) division ??= 'kommungrupp';
			else ownGroup = true;
			used.add(i);
		} else if ((word === 'group' || word === 'groups') && w(i - 1) === 'municipality') {
			if (word === 'groups' || DIVISION_PREPS.has(w(i - 2))) division ??= 'kommungrupp';
			else ownGroup = true;
			used.add(i).add(i - 1);
		} else if (
			((word === 'lan' || word === 'county') && DIVISION_PREPS.has(w(i - 1))) ||
			word === 'lansvis' ||
			word === 'lanen' ||
			word === 'counties'
		) {
			if (norm !== 'lån') {
				division ??= 'län';
				used.add(i);
			}
		} else if (
			word.startsWith('kommunstorlek') ||
			word.startsWith('storleksklass') ||
			word.startsWith('storleksgrupp') ||
			((word === 'storlek' || word === 'size') && DIVISION_PREPS.has(w(i - 1))) ||
			(word === 'stora' && w(i + 1) === 'och' && w(i + 2) === 'sma') ||
			(word === 'sma' && w(i + 1) === 'och' && w(i + 2) === 'stora') ||
			(word === 'small' && w(i + 1) === 'and' && w(i + 2) === 'large') ||
			(word === 'large' && w(i + 1) === 'and' && w(i + 2) === 'small')
		) {
			division ??= 'storlek';
			used.add(i);
		} else if (KOMMUNER_WORDS.has(word)) {
			kommunerWord = true;
			if (['vilka', 'which'].includes(w(i - 1)) || ['vilka', 'which'].includes(w(i - 2))) {
				list = true;
				rank = true;
			}
			const n = asCount(tokens[i - 1]);
			if (n !== undefined && n >= 1 && n <= 30 && !skip.has(i - 1)) {
				count ??= n;
				used.add(i - 1);
			}
		} else if ((word === 'kommun' || word === 'municipality') && (w(i - 1) === 'vilken' || w(i - 1) === 'which')) {
			list = true;
			rank = true;
		} else if (['kvinnor', 'kvinnorna', 'kvinnors', 'kvinnliga', 'women', 'female', 'females'].includes(word)) {
			gender ??= 'K';
			genderToken ??= i;
			genders.add('K');
		} else if (['män', 'männen', 'mäns', 'manliga'].includes(norm) || ['men', 'male', 'males'].includes(word)) {
			gender ??= 'M';
			genderToken ??= i;
			genders.add('M');
		}
	});
	return {
		compare,
		trend,
		rank,
		...(order === undefined ? {} : { order }),
		top,
		...(count === undefined ? {} : { count }),
		list,
		profile,
		map,
		standing,
		...(division === undefined ? {} : { division }),
		similar,
		ownGroup,
		kommunerWord,
		...(gender === undefined ? {} : { gender, genderToken: genderToken ?? 0 }),
		bothGenders: genders.size === 2,
		used,
	};
}
