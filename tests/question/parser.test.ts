/** The parts of the question parser: text, years, intents, places and indicators, interpretation. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { findIndicators, findPlaces } from '../../src/question/entities.js';
import { findIntents } from '../../src/question/intents.js';
import { commandLine, interpretQuestion, readingLabel } from '../../src/question/interpret.js';
import { lexiconFor } from '../../src/question/lexicon.js';
import { parseQuestion } from '../../src/question/parse.js';
import { cleanQuestion, editDistance, stem, tokenize } from '../../src/question/text.js';
import { findYears } from '../../src/question/years.js';
import { context, TODAY } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

const tokens = (text: string) => tokenize(cleanQuestion(text)).tokens;

/** Ids of the places a question names. */
function placeIds(text: string): string[] {
	return parseQuestion(ctx, text).places.map((p) => p.area.id);
}

/** The best indicator a question names. */
function indicatorOf(text: string): string | undefined {
	return parseQuestion(ctx, text).indicators[0]?.indicator.id;
}

function line(text: string): string {
	const i = interpretQuestion(ctx, text);
	return i.status === 'ok' ? commandLine(ctx, i.reading, 'id') : i.status;
}

describe('text', () => {
	it('GIVEN hyphenated names and dashes between years THEN tokens keep the names whole and years become a range', () => {
		const t = tokens('Upplands-Bro  2018 – 2022, FREDA-kortfrågor');
		expect(t.map((x) => x.fold)).toEqual(['upplands-bro', '2018-2022', 'freda-kortfragor']);
		expect(t[2]?.stems).toEqual(['fred', 'kortfrag']);
		expect(t[0]?.capital).toBe(true);
		expect(t[2]?.gap).toBe(', ');
	});
	it('GIVEN definite and plural forms THEN they share a stem', () => {
		expect(new Set(['kostnad', 'kostnaden', 'kostnader'].map(stem))).toEqual(new Set(['kostnad']));
		expect(new Set(['invanare', 'invanarna', 'invanaren'].map(stem))).toEqual(new Set(['invan']));
		expect(new Set(['barn', 'barnen', 'barns'].map(stem))).toEqual(new Set(['barn']));
		expect(new Set(['langvarigt', 'langvariga', 'langvarig'].map(stem))).toEqual(new Set(['langvarig']));
		expect(stem('2022')).toBe('2022');
	});
	it('GIVEN two words THEN the edit distance counts a swap once and stops at the bound', () => {
		expect(editDistance('gotebrog', 'goteborg', 2)).toBe(1);
		expect(editDistance('malmo', 'malmo', 1)).toBe(0);
		expect(editDistance('stockholm', 'ystad', 2)).toBe(3);
	});
	it('GIVEN control characters, zero-width characters and extra spaces THEN they are cleaned away', () => {
		expect(cleanQuestion('\u0000Malmö\u200b   \u202elund\u0007 ')).toBe('Malmö lund');
		expect(cleanQuestion('hur många i\nMalmö\r\noch\tLund?')).toBe('hur många i Malmö och Lund?');
	});
});

describe('years (today = 2026-11-26)', () => {
	const years = (text: string) => {
		const y = findYears(tokens(text), TODAY);
		return { year: y.year, from: y.from, to: y.to, latest: y.latest, period: y.period };
	};
	it('GIVEN a plain year THEN it is the year asked about', () => {
		expect(years('Malmö 2022')).toMatchObject({ year: 2022, period: false });
		expect(years('år 2017 i Lund')).toMatchObject({ year: 2017 });
	});
	it('GIVEN ranges in several wordings THEN from and to are set', () => {
		for (const text of [
			'2018–2022',
			'2018-2022',
			'mellan 2018 och 2022',
			'från 2018 till 2022',
			'between 2018 and 2022',
			'2018 to 2022',
		]) {
			expect(years(text), text).toMatchObject({ from: 2018, to: 2022, period: true });
		}
		expect(years('2010 och 2020')).toMatchObject({ from: 2010, to: 2020, period: true });
	});
	it('GIVEN "sedan", "since" and "fram till" THEN an open period', () => {
		expect(years('sedan 2015')).toMatchObject({ from: 2015, to: undefined, period: true });
		expect(years('since 2015')).toMatchObject({ from: 2015, period: true });
		expect(years('fram till 2020')).toMatchObject({ to: 2020, from: undefined });
	});
	it('GIVEN relative years THEN they count from today', () => {
		expect(years('i fjol')).toMatchObject({ year: 2025 });
		expect(years('förra året')).toMatchObject({ year: 2025 });
		expect(years('last year')).toMatchObject({ year: 2025 });
		expect(years('i år')).toMatchObject({ year: 2026 });
		expect(years('i förrfjol')).toMatchObject({ year: 2024 });
		expect(years('för två år sedan')).toMatchObject({ year: 2024 });
		expect(years('3 years ago')).toMatchObject({ year: 2023 });
		expect(years('de senaste fem åren')).toMatchObject({ from: 2021, period: true });
		expect(years('the last 5 years')).toMatchObject({ from: 2021, period: true });
	});
	it('GIVEN "senaste året" THEN the latest year with data, no year option', () => {
		expect(years('senaste året')).toMatchObject({ latest: true, year: undefined });
	});
	it('GIVEN numbers that are no years THEN no year', () => {
		expect(years('unga vuxna 18-24')).toMatchObject({ year: undefined, from: undefined });
		expect(years('topp 5 med mer än 14 dagar')).toMatchObject({ year: undefined });
		expect(years('vad är det i Malmö')).toMatchObject({ year: undefined });
	});
});

describe('intents', () => {
	const intents = (text: string) => findIntents(tokens(text), new Set());
	it('GIVEN comparison words in Swedish and English THEN compare', () => {
		for (const text of ['jämför', 'jämfört med', 'compare', 'compared with', 'Lund vs Malmö', 'skillnaden mellan']) {
			expect(intents(text).compare, text).toBe(true);
		}
	});
	it('GIVEN words about change THEN trend, also with a typo', () => {
		for (const text of [
			'utveckling',
			'hur har det utvecklats',
			'trenden',
			'har det ökat',
			'kommer det att öka',
			'changed',
			'över tid',
			'utvekling',
		]) {
			expect(intents(text).trend, text).toBe(true);
		}
	});
	it('GIVEN rankings THEN order and count', () => {
		expect(intents('topp 5')).toMatchObject({ rank: true, top: true, count: 5 });
		expect(intents('topp5')).toMatchObject({ top: true, count: 5 });
		expect(intents('de tio sämsta')).toMatchObject({ order: 'sämst', count: 10 });
		expect(intents('vilka 20 kommuner har lägst')).toMatchObject({ order: 'lägst', count: 20, list: true });
		expect(intents('flest')).toMatchObject({ order: 'högst' });
		expect(intents('top five highest')).toMatchObject({ order: 'högst', count: 5 });
		expect(intents('worst')).toMatchObject({ order: 'sämst' });
	});
	it('GIVEN breakdowns THEN the division', () => {
		expect(intents('per kommungrupp').division).toBe('kommungrupp');
		expect(intents('i olika kommungrupper').division).toBe('kommungrupp');
		expect(intents('per län').division).toBe('län');
		expect(intents('vilka län har').division).toBe('län');
		expect(intents('efter kommunstorlek').division).toBe('storlek');
		expect(intents('stora och små kommuner').division).toBe('storlek');
		expect(intents('by county').division).toBe('län');
		expect(intents('by municipality group').division).toBe('kommungrupp');
		expect(intents('sin kommungrupp')).toMatchObject({ ownGroup: true });
		expect(intents('sin kommungrupp').division).toBeUndefined();
	});
	it('GIVEN profile, similar and standing words THEN they are read', () => {
		expect(intents('profil').profile).toBe(true);
		expect(intents('allt om').profile).toBe(true);
		expect(intents('tell me about').profile).toBe(true);
		expect(intents('hur ligger Malmö till').standing).toBe(true);
		expect(intents('liknande kommuner').similar).toBe(true);
		expect(intents('similar municipalities').similar).toBe(true);
	});
	it('GIVEN gender words THEN the gender, and "man" (one) is no gender', () => {
		expect(intents('bland kvinnor')).toMatchObject({ gender: 'K' });
		expect(intents('för män')).toMatchObject({ gender: 'M' });
		expect(intents('kan man se').gender).toBeUndefined();
		expect(intents('kvinnor och män')).toMatchObject({ bothGenders: true });
	});
});

describe('places over n-grams', () => {
	it('GIVEN "Habo" and "Håbo" THEN two different kommuner, diacritics decide', () => {
		expect(placeIds('kostnad i Habo')).toEqual(['0643']);
		expect(placeIds('kostnad i Håbo')).toEqual(['0305']);
		expect(placeIds('kostnad i habo')).toEqual(['0643']);
		expect(placeIds('jämför Habo och Håbo')).toEqual(['0643', '0305']);
	});
	it('GIVEN "vara" as a verb THEN no place; Vara the kommun THEN Vara', () => {
		expect(placeIds('Vad kan vara orsaken?')).toEqual([]);
		expect(placeIds('det skulle vara bra med siffror för Malmö')).toEqual(['1280']);
		expect(placeIds('biståndshushåll i Vara')).toEqual(['1470']);
		expect(placeIds('biståndshushåll i vara')).toEqual(['1470']);
		expect(placeIds('vara kommun')).toEqual(['1470']);
		expect(placeIds('Vara och Skara')).toEqual(['1470', '1495']);
		expect(placeIds('Kan vara bra att veta: biståndshushåll i Vara')).toEqual(['1470']);
	});
	it('GIVEN words that are also kommun names THEN only with a sign of a place', () => {
		expect(placeIds('how are things')).toEqual([]);
		expect(placeIds('kostnad i Åre')).toEqual(['2321']);
		expect(placeIds('I drink ale')).toEqual([]);
		expect(placeIds('Ale kostnad per invånare')).toEqual(['1440']);
		expect(placeIds('på mark och vatten')).toEqual([]);
		expect(placeIds('Mora')).toEqual(['2062']);
		expect(placeIds('biståndshushåll i bjuv')).toEqual(['1260']);
	});
	it('GIVEN genitives, missing diacritics and names in several words THEN the kommun', () => {
		expect(placeIds('Lunds långvariga bistånd')).toEqual(['1281']);
		expect(placeIds('Lund')).toEqual(['1281']);
		expect(placeIds('boras och malmo')).toEqual(['1490', '1280']);
		expect(placeIds('Upplands Väsby och Lilla Edet')).toEqual(['0114', '1462']);
		expect(placeIds('Stockholms län')).toEqual(['0001']);
		expect(placeIds('Stockholms kostnad')).toEqual(['0180']);
		expect(placeIds('i orebro')).toEqual(['1880']);
		expect(placeIds('Gothenburg')).toEqual(['1480']);
		expect(placeIds('hela landet')).toEqual(['0000']);
	});
	it('GIVEN typos of names THEN the kommun when the search agrees; ordinary words stay words', () => {
		expect(placeIds('Långvarit bistånd i Götebrog')).toEqual(['1480']);
		expect(placeIds('biståndshushåll i norrköpping')).toEqual(['0581']);
		expect(placeIds('jämför stokholm och malmö')).toEqual(['0180', '1280']);
		expect(placeIds('vad säger statistiken')).toEqual([]);
	});
	it('GIVEN kommungrupper THEN their codes', () => {
		const lex = lexiconFor(ctx.dataset, ctx.search);
		const found = findPlaces(ctx, lex, tokenize(cleanQuestion('storstäderna och landsbygdskommuner')), new Set());
		expect(found.groups.map((g) => g.code)).toEqual(['A1', 'C8']);
	});
});

describe('indicators over n-grams', () => {
	it('GIVEN wordings of indicators THEN the indicator, more specific phrases first', () => {
		expect(indicatorOf('långvarigt bistånd')).toBe('N31814');
		expect(indicatorOf('det långvariga biståndet')).toBe('N31814');
		expect(indicatorOf('mycket långvarigt bistånd')).toBe('U31801');
		expect(indicatorOf('barn i familjer med långvarigt bistånd')).toBe('U31809');
		expect(indicatorOf('kostnaden per invånare')).toBe('U31001');
		expect(indicatorOf('kostnad/invånare')).toBe('U31001');
		expect(indicatorOf('hur många hushåll')).toBe('N31910');
		expect(indicatorOf('FREDA-kortfrågor')).toBe('U31509');
		expect(indicatorOf('vräkningar')).toBe('U00958');
		expect(indicatorOf('rutin mot vräkning av barnfamiljer')).toBe('U31491');
		expect(indicatorOf('long-term assistance')).toBe('N31814');
		expect(indicatorOf('cost per inhabitant')).toBe('U31001');
	});
	it('GIVEN typos and missing diacritics THEN the indicator, marked as corrected when a word was fixed', () => {
		expect(indicatorOf('langvarigt bistand')).toBe('N31814');
		const typo = parseQuestion(ctx, 'långvarit bistånd').indicators[0];
		expect(typo?.indicator.id).toBe('N31814');
		expect(typo?.corrected).toBe(true);
	});
	it('GIVEN only general words THEN no indicator', () => {
		const lex = lexiconFor(ctx.dataset, ctx.search);
		expect(findIndicators(lex, tokens('hur ligger det till'), new Set())).toEqual([]);
	});
});

describe('interpretation', () => {
	it('GIVEN the issue example THEN /jämför with the three kommuner', () => {
		expect(line('hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?')).toBe(
			'/jämför indikator:N31814 kommuner:1280,1480,1281',
		);
	});
	it('GIVEN each kind of question THEN the matching command', () => {
		expect(line('långvarigt bistånd i Malmö')).toBe('/värde kommun:1280 indikator:N31814');
		expect(line('utveckling av biståndshushåll i Malmö sedan 2015')).toBe(
			'/trend kommun:1280 indikator:N31910 från:2015',
		);
		expect(line('topp 5 lägst kostnad per invånare i Skåne')).toBe(
			'/topplista indikator:U31001 antal:5 ordning:lägst län:0012',
		);
		expect(line('FREDA per kommungrupp')).toBe('/grupper indikator:U31509 indelning:kommungrupp');
		expect(line('profil för Malmö')).toBe('/profil kommun:1280');
		expect(line('jämför Malmö med liknande kommuner på kostnad per invånare')).toBe(
			'/jämför indikator:U31001 kommuner:liknande:1280',
		);
	});
	it('GIVEN best/worst of an indicator without a desired direction THEN highest or lowest is asked, not guessed', () => {
		const i = interpretQuestion(ctx, 'sämst kostnad per invånare');
		expect(i.status).toBe('clarify');
		if (i.status !== 'clarify') return;
		expect(i.reason).toBe('order');
		expect(i.candidates.map((r) => r.options.ordning)).toEqual(['högst', 'lägst']);
	});
	it('GIVEN two indicators that fit equally THEN both are offered', () => {
		const i = interpretQuestion(ctx, 'utbetalt bistånd i Malmö');
		expect(i.status).toBe('clarify');
		if (i.status === 'clarify') expect(i.candidates.length).toBeGreaterThan(1);
	});
	it('GIVEN a reading THEN both command-line forms and a label under 80 characters', () => {
		const i = interpretQuestion(ctx, 'Kostnad per invånare i Upplands-Bro och Skåne län 2020');
		if (i.status !== 'ok') throw new Error(i.status);
		expect(commandLine(ctx, i.reading, 'id')).toBe('/jämför indikator:U31001 kommuner:0139,0012 år:2020');
		expect(commandLine(ctx, i.reading, 'display')).toBe(
			'/jämför indikator:U31001 kommuner:Upplands-Bro, Skåne län år:2020',
		);
		expect(readingLabel(ctx, i.reading).length).toBeLessThanOrEqual(80);
		expect(readingLabel(ctx, i.reading)).toContain('Jämför Upplands-Bro, Skåne län 2020');
	});
});
