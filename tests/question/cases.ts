/**
 * The question test set: realistic questions (Swedish first, English too) with the command line
 * each should be read as, in the display form the bot prints after "Tolkat som:". `?` expects a
 * clarifying reply (optionally with a candidate id that must be offered), `!` a friendly "I did not
 * understand". Written for the `/fråga` issue; the relative years assume today = 2026-11-26.
 */

import type { AnswerContext } from '../../src/answers/context.js';
import { commandLine, interpretQuestion } from '../../src/question/interpret.js';

/** One question and its expected interpretation. */
export interface QuestionCase {
	readonly q: string;
	readonly expect: string;
}

/** The questions, grouped by what they ask for. */
export const CASES: readonly QuestionCase[] = [
	// Values
	{
		q: 'Hur stor andel av de vuxna biståndsmottagarna i Malmö har långvarigt bistånd?',
		expect: '/värde kommun:Malmö indikator:N31814',
	},
	{ q: 'Vad är kostnaden per invånare i Lund?', expect: '/värde kommun:Lund indikator:U31001' },
	{ q: 'Hur många biståndshushåll finns det i Göteborg?', expect: '/värde kommun:Göteborg indikator:N31910' },
	{
		q: 'Hur många hushåll fick ekonomiskt bistånd i Uppsala 2022?',
		expect: '/värde kommun:Uppsala indikator:N31910 år:2022',
	},
	{ q: 'Utbetalt bistånd per hushåll i Norrköping', expect: '/värde kommun:Norrköping indikator:N31849' },
	{
		q: 'Hur mycket betalades ut i ekonomiskt bistånd i Västerås 2020?',
		expect: '/värde kommun:Västerås indikator:N31857 år:2020',
	},
	{ q: 'Andel invånare med ekonomiskt bistånd i Örebro', expect: '/värde kommun:Örebro indikator:N31807' },
	{ q: 'Hur stor andel av befolkningen i Umeå får försörjningsstöd?', expect: '/värde kommun:Umeå indikator:N31807' },
	{ q: 'Långvarigt bistånd i Helsingborg 2023', expect: '/värde kommun:Helsingborg indikator:N31814 år:2023' },
	{ q: 'Vad var kostnaden per invånare i Gotland i fjol?', expect: '/värde kommun:Gotland indikator:U31001 år:2025' },
	{
		q: 'Hur hög var utbetalningen per hushåll i Kiruna förra året?',
		expect: '/värde kommun:Kiruna indikator:N31849 år:2025',
	},
	{ q: 'Barn i familjer med ekonomiskt bistånd i Botkyrka', expect: '/värde kommun:Botkyrka indikator:U31803' },
	{
		q: 'Hur stor andel unga vuxna har ekonomiskt bistånd i Södertälje?',
		expect: '/värde kommun:Södertälje indikator:U31804',
	},
	{ q: 'Väntetid till beslut i Linköping', expect: '/värde kommun:Linköping indikator:U31402' },
	{ q: 'Andel handläggare med socionomexamen i Växjö', expect: '/värde kommun:Växjö indikator:U31404' },
	{ q: 'malmö långvarigt bistånd', expect: '/värde kommun:Malmö indikator:N31814' },
	{ q: 'Vad är andelen med mycket långvarigt bistånd i Göteborg?', expect: '/värde kommun:Göteborg indikator:U31801' },
	{ q: 'Kostnad per invånare Stockholm 2021', expect: '/värde kommun:Stockholm indikator:U31001 år:2021' },
	{ q: 'Hur många hushåll i Rinkeby-Kista får bistånd?', expect: '/värde kommun:Rinkeby-Kista indikator:N31910' },
	{ q: 'Hur ser långvarigt bistånd ut i Skåne?', expect: '/värde kommun:Skåne län indikator:N31814' },
	{ q: 'Hur stor andel har långvarigt bistånd i Sverige?', expect: '/värde kommun:Riket indikator:N31814' },
	{ q: 'Utbetalt ekonomiskt bistånd totalt i Luleå', expect: '/värde kommun:Luleå indikator:N31857' },
	{ q: 'Hur ligger Malmö till på långvarigt bistånd?', expect: '/värde kommun:Malmö indikator:N31814' },
	{
		q: 'Hur ligger Eskilstuna till när det gäller kostnad per invånare?',
		expect: '/värde kommun:Eskilstuna indikator:U31001',
	},
	{ q: 'Vilken placering har Lund på utbetalt bistånd per hushåll?', expect: '/värde kommun:Lund indikator:N31849' },
	{ q: 'Biståndshushåll i Vara', expect: '/värde kommun:Vara indikator:N31910' },
	{ q: 'Hur många hushåll har bistånd i Mora?', expect: '/värde kommun:Mora indikator:N31910' },
	{ q: 'Kostnad per invånare i Ale kommun', expect: '/värde kommun:Ale indikator:U31001' },
	{ q: 'Hur mycket bistånd per hushåll betalas ut i Bjuv?', expect: '/värde kommun:Bjuv indikator:N31849' },
	{ q: 'Biståndshushåll i Borås 2019', expect: '/värde kommun:Borås indikator:N31910 år:2019' },
	{ q: 'Håbo kostnad per invånare', expect: '/värde kommun:Håbo indikator:U31001' },
	{ q: 'Habo kostnad per invånare', expect: '/värde kommun:Habo indikator:U31001' },
	{
		q: 'Hur stor andel av barnen i Trelleborg lever i familjer med långvarigt bistånd?',
		expect: '/värde kommun:Trelleborg indikator:U31809',
	},
	{
		q: 'Andelen barn i familjer med ekonomiskt bistånd i Landskrona år 2017',
		expect: '/värde kommun:Landskrona indikator:U31803 år:2017',
	},
	{ q: 'Vad är utbetalt per invånare i Halmstad senaste året?', expect: '/värde kommun:Halmstad indikator:U31001' },
	{
		q: 'Hur stor är kostnaden för ekonomiskt bistånd per invånare i Karlstad?',
		expect: '/värde kommun:Karlstad indikator:N31001',
	},
	{ q: 'Nettokostnad för ekonomiskt bistånd i Falun', expect: '/värde kommun:Falun indikator:N31008' },
	{ q: 'Resursindex för Skellefteå', expect: '/värde kommun:Skellefteå indikator:U31002' },
	{ q: 'Vräkningar i Piteå', expect: '/värde kommun:Piteå indikator:U00958' },
	{ q: 'Individuella möten för utredning i Malmö', expect: '/värde kommun:Malmö indikator:OJEB-INDMOTEN' },
	{ q: 'Bor många med långvarigt bistånd i Borås?', expect: '/värde kommun:Borås indikator:N31814' },
	{ q: 'Kan vara bra att veta: biståndshushåll i Vara', expect: '/värde kommun:Vara indikator:N31910' },
	{ q: 'Ale kostnad per invånare 2020', expect: '/värde kommun:Ale indikator:U31001 år:2020' },
	{ q: 'Vad betalar Göteborg ut per hushåll?', expect: '/värde kommun:Göteborg indikator:N31849' },
	{ q: 'Hur var det 2019 i Malmö med biståndshushållen?', expect: '/värde kommun:Malmö indikator:N31910 år:2019' },
	{ q: 'Hur mkt kostar biståndet per invånare i örebro', expect: '/värde kommun:Örebro indikator:U31001' },
	{ q: 'Jämför Malmö med riket på kostnad per invånare', expect: '/värde kommun:Malmö indikator:U31001' },
	{ q: 'Hur står sig Mora mot riket i biståndshushåll?', expect: '/värde kommun:Mora indikator:N31910' },
	// Comparisons
	{
		q: 'hur ligger Malmö till på långvarigt bistånd jämfört med Göteborg och Lund?',
		expect: '/jämför indikator:N31814 kommuner:Malmö, Göteborg, Lund',
	},
	{
		q: 'Jämför kostnad per invånare i Stockholm, Göteborg och Malmö',
		expect: '/jämför indikator:U31001 kommuner:Stockholm, Göteborg, Malmö',
	},
	{ q: 'jämför malmo och goteborg på biståndshushåll', expect: '/jämför indikator:N31910 kommuner:Malmö, Göteborg' },
	{
		q: 'Jämför Malmö med liknande kommuner när det gäller långvarigt bistånd',
		expect: '/jämför indikator:N31814 kommuner:liknande:Malmö',
	},
	{
		q: 'Hur står sig Lund mot liknande kommuner på kostnad per invånare?',
		expect: '/jämför indikator:U31001 kommuner:liknande:Lund',
	},
	{
		q: 'Utbetalt bistånd per hushåll: Uppsala vs Västerås',
		expect: '/jämför indikator:N31849 kommuner:Uppsala, Västerås',
	},
	{ q: 'Jämför storstäderna på långvarigt bistånd', expect: '/jämför indikator:N31814 kommuner:kommungrupp:A1' },
	{
		q: 'Långvarigt bistånd i Norrköping jämfört med Linköping 2022',
		expect: '/jämför indikator:N31814 kommuner:Norrköping, Linköping år:2022',
	},
	{ q: 'Jämför biståndshushåll i kommunerna i Halland', expect: '/jämför indikator:N31910 kommuner:län:Hallands län' },
	{
		q: 'Vilken har högst kostnad per invånare, Malmö eller Helsingborg?',
		expect: '/jämför indikator:U31001 kommuner:Malmö, Helsingborg',
	},
	{
		q: 'Malmö, Lund, Helsingborg och Kristianstad – andel invånare med ekonomiskt bistånd',
		expect: '/jämför indikator:N31807 kommuner:Malmö, Lund, Helsingborg, Kristianstad',
	},
	{
		q: 'Jämför Umeå och Luleå på barn i familjer med ekonomiskt bistånd i fjol',
		expect: '/jämför indikator:U31803 kommuner:Umeå, Luleå år:2025',
	},
	{
		q: 'Hur skiljer sig Botkyrka och Huddinge åt i andel unga vuxna med bistånd?',
		expect: '/jämför indikator:U31804 kommuner:Botkyrka, Huddinge',
	},
	{ q: 'jämför habo och håbo kostnad per invånare', expect: '/jämför indikator:U31001 kommuner:Habo, Håbo' },
	{ q: 'Jämför Vara och Skara på biståndshushåll', expect: '/jämför indikator:N31910 kommuner:Vara, Skara' },
	{
		q: 'Göteborg jämfört med jämförbara kommuner, långvarigt bistånd',
		expect: '/jämför indikator:N31814 kommuner:liknande:Göteborg',
	},
	{
		q: 'Kostnad per invånare i storstäderna jämfört med Uppsala',
		expect: '/jämför indikator:U31001 kommuner:kommungrupp:A1, Uppsala',
	},
	{
		q: 'Jämför Rinkeby-Kista och Bromma på biståndshushåll',
		expect: '/jämför indikator:N31910 kommuner:Rinkeby-Kista, Bromma',
	},
	{
		q: 'Hur ligger Gävle till jämfört med Sundsvall och Östersund när det gäller utbetalt bistånd per hushåll?',
		expect: '/jämför indikator:N31849 kommuner:Gävle, Sundsvall, Östersund',
	},
	{
		q: 'Jämför Kiruna och Gällivare 2020 på kostnad per invånare',
		expect: '/jämför indikator:U31001 kommuner:Kiruna, Gällivare år:2020',
	},
	{ q: 'Har Lund mer långvarigt bistånd än Malmö?', expect: '/jämför indikator:N31814 kommuner:Lund, Malmö' },
	{
		q: 'Skillnaden mellan Solna och Sundbyberg i andel invånare med ekonomiskt bistånd',
		expect: '/jämför indikator:N31807 kommuner:Solna, Sundbyberg',
	},
	{
		q: 'Jämför Trollhättan och Uddevalla – hur många hushåll får bistånd?',
		expect: '/jämför indikator:N31910 kommuner:Trollhättan, Uddevalla',
	},
	{
		q: 'Kostnad per invånare: Nacka, Huddinge, Solna, Täby',
		expect: '/jämför indikator:U31001 kommuner:Nacka, Huddinge, Solna, Täby',
	},
	{
		q: 'Mycket långvarigt bistånd i Eskilstuna jämfört med Västerås och Örebro',
		expect: '/jämför indikator:U31801 kommuner:Eskilstuna, Västerås, Örebro',
	},
	{
		q: 'Vad är skillnaden mellan Ale och Lerum i kostnad per invånare?',
		expect: '/jämför indikator:U31001 kommuner:Ale, Lerum',
	},
	{
		q: 'biståndshushåll i Upplands Väsby och Lilla Edet',
		expect: '/jämför indikator:N31910 kommuner:Upplands Väsby, Lilla Edet',
	},
	{
		q: 'Kostnad per invånare i Malung-Sälen och Dals-Ed',
		expect: '/jämför indikator:U31001 kommuner:Malung-Sälen, Dals-Ed',
	},
	{
		q: 'jamfor malmo lund och helsingborg kostnad per invanare',
		expect: '/jämför indikator:U31001 kommuner:Malmö, Lund, Helsingborg',
	},
	{
		q: 'Hur ligger Göteborg till jämfört med sina liknande kommuner på biståndshushåll?',
		expect: '/jämför indikator:N31910 kommuner:liknande:Göteborg',
	},
	// Trends
	{
		q: 'Hur har långvarigt bistånd utvecklats i Malmö sedan 2015?',
		expect: '/trend kommun:Malmö indikator:N31814 från:2015',
	},
	{
		q: 'Utvecklingen av biståndshushåll i Göteborg 2010–2020',
		expect: '/trend kommun:Göteborg indikator:N31910 från:2010 till:2020',
	},
	{ q: 'Trend för kostnad per invånare i Stockholm', expect: '/trend kommun:Stockholm indikator:U31001' },
	{
		q: 'Hur har antalet biståndshushåll i Uppsala förändrats över tid?',
		expect: '/trend kommun:Uppsala indikator:N31910',
	},
	{
		q: 'Har utbetalt bistånd per hushåll ökat i Örebro de senaste fem åren?',
		expect: '/trend kommun:Örebro indikator:N31849 från:2021',
	},
	{
		q: 'Biståndshushåll i Malmö från 2012 till 2022',
		expect: '/trend kommun:Malmö indikator:N31910 från:2012 till:2022',
	},
	{
		q: 'Utvecklingen för långvarigt bistånd i Malmö jämfört med Göteborg',
		expect: '/trend kommun:Malmö indikator:N31814 jämför_med:Göteborg',
	},
	{
		q: 'Har kostnaden per invånare minskat i Helsingborg sedan 2018?',
		expect: '/trend kommun:Helsingborg indikator:U31001 från:2018',
	},
	{ q: 'Hur har biståndshushållen utvecklats i Sverige?', expect: '/trend kommun:Riket indikator:N31910' },
	{ q: 'Hur har antalet biståndshushåll utvecklats?', expect: '/trend kommun:Riket indikator:N31910' },
	{
		q: 'utveckling biståndshushåll linköping 2015-2022',
		expect: '/trend kommun:Linköping indikator:N31910 från:2015 till:2022',
	},
	{
		q: 'Kostnad per invånare i Gotland mellan 2014 och 2020',
		expect: '/trend kommun:Gotland indikator:U31001 från:2014 till:2020',
	},
	{
		q: 'Hur har utbetalt ekonomiskt bistånd totalt förändrats i Luleå?',
		expect: '/trend kommun:Luleå indikator:N31857',
	},
	{ q: 'Ökar eller minskar biståndshushållen i Borås?', expect: '/trend kommun:Borås indikator:N31910' },
	{
		q: 'Tidsserie för kostnad per invånare i Norrköping och Linköping',
		expect: '/trend kommun:Norrköping indikator:U31001 jämför_med:Linköping',
	},
	{
		q: 'Visa utvecklingen av utbetalt bistånd per hushåll i Västerås fram till 2020',
		expect: '/trend kommun:Västerås indikator:N31849 till:2020',
	},
	{
		q: 'Hur har det långvariga biståndet i Uppsala utvecklats de senaste tre åren?',
		expect: '/trend kommun:Uppsala indikator:N31814 från:2023',
	},
	{ q: 'Trenden för biståndshushåll i Rinkeby-Kista', expect: '/trend kommun:Rinkeby-Kista indikator:N31910' },
	{ q: 'Hur har FREDA-användningen utvecklats i Malmö?', expect: '/trend kommun:Malmö indikator:U31509' },
	{
		q: 'Förändring i kostnad per invånare i Kalmar sedan 2012',
		expect: '/trend kommun:Kalmar indikator:U31001 från:2012',
	},
	{
		q: 'Hur har kostnaden per invånare i Södertälje utvecklats sedan 2012 jämfört med Botkyrka?',
		expect: '/trend kommun:Södertälje indikator:U31001 från:2012 jämför_med:Botkyrka',
	},
	{
		q: 'Utbetalt per hushåll i Uppsala 2018–2022',
		expect: '/trend kommun:Uppsala indikator:N31849 från:2018 till:2022',
	},
	{ q: 'utvekling av biståndshushåll i uppsala', expect: '/trend kommun:Uppsala indikator:N31910' },
	{
		q: 'Hur har biståndshushåll utvecklats i Malmö jämfört med liknande kommuner?',
		expect: '? /jämför indikator:N31910 kommuner:liknande:1280',
	},
	{
		q: 'Har antalet hushåll med bistånd i Gävle ökat sedan 2010?',
		expect: '/trend kommun:Gävle indikator:N31910 från:2010',
	},
	// Rankings
	{ q: 'Vilka kommuner har högst kostnad per invånare?', expect: '/topplista indikator:U31001 ordning:högst' },
	{
		q: 'Topp 5 kommuner med lägst andel långvarigt bistånd',
		expect: '/topplista indikator:N31814 antal:5 ordning:lägst',
	},
	{ q: 'Vilka 10 kommuner har flest biståndshushåll?', expect: '/topplista indikator:N31910 antal:10 ordning:högst' },
	{ q: 'Topplista utbetalt bistånd per hushåll 2020', expect: '/topplista indikator:N31849 år:2020' },
	{ q: 'Högst kostnad per invånare i Skåne', expect: '/topplista indikator:U31001 ordning:högst län:Skåne län' },
	{
		q: 'Vilka kommuner i Västra Götaland har lägst kostnad per invånare?',
		expect: '/topplista indikator:U31001 ordning:lägst län:Västra Götalands län',
	},
	{
		q: 'Topp 3 högst utbetalt per hushåll i Norrbotten',
		expect: '/topplista indikator:N31849 antal:3 ordning:högst län:Norrbottens län',
	},
	{ q: 'Sämst på väntetid till beslut', expect: '/topplista indikator:U31402 ordning:sämst' },
	{ q: 'Vilka kommuner är bäst på kvalitetsindex?', expect: '/topplista indikator:U31401 ordning:bäst' },
	{
		q: 'De fem kommuner som har högst andel handläggare med socionomexamen',
		expect: '/topplista indikator:U31404 antal:5 ordning:högst',
	},
	{ q: 'sämst i Skåne på kostnad per invånare', expect: '? /topplista indikator:U31001 ordning:högst län:0012' },
	{ q: 'Vilken kommun har flest biståndshushåll?', expect: '/topplista indikator:N31910 ordning:högst' },
	{
		q: 'Lägst antal biståndshushåll i Dalarna i fjol',
		expect: '/topplista indikator:N31910 år:2025 ordning:lägst län:Dalarnas län',
	},
	{ q: 'Ranking av kommunerna på kostnad per invånare 2022', expect: '/topplista indikator:U31001 år:2022' },
	{ q: 'topp 10 långvarigt bistånd', expect: '/topplista indikator:N31814 antal:10 ordning:högst' },
	{
		q: 'Vilka 20 kommuner har lägst utbetalt bistånd per invånare?',
		expect: '/topplista indikator:U31001 antal:20 ordning:lägst',
	},
	{ q: 'Lägst väntetid i Stockholms län', expect: '/topplista indikator:U31402 ordning:lägst län:Stockholms län' },
	{ q: 'Bäst på andel socionomer', expect: '/topplista indikator:U31404 ordning:bäst' },
	{ q: 'Vilka kommuner har minst andel unga vuxna med bistånd?', expect: '/topplista indikator:U31804 ordning:lägst' },
	{
		q: 'Vilken kommun i Norrbotten har flest biståndshushåll 2022?',
		expect: '/topplista indikator:N31910 år:2022 ordning:högst län:Norrbottens län',
	},
	{
		q: 'Jämför kommunerna i Skåne på kostnad per invånare',
		expect: '/topplista indikator:U31001 antal:30 län:Skåne län',
	},
	{ q: 'Vilka har sämst väntetider i Skåne?', expect: '/topplista indikator:U31402 ordning:sämst län:Skåne län' },
	{
		q: 'De tio kommunerna med högst andel barn i familjer med ekonomiskt bistånd',
		expect: '/topplista indikator:U31803 antal:10 ordning:högst',
	},
	// Breakdowns by group
	{ q: 'Långvarigt bistånd per kommungrupp', expect: '/grupper indikator:N31814 indelning:kommungrupp' },
	{ q: 'FREDA per kommungrupp 2020', expect: '/grupper indikator:U31509 år:2020 indelning:kommungrupp' },
	{
		q: 'Hur skiljer sig kostnad per invånare mellan kommungrupperna?',
		expect: '/grupper indikator:U31001 indelning:kommungrupp',
	},
	{ q: 'Uppsökande verksamhet per län', expect: '/grupper indikator:U30427 indelning:län' },
	{ q: 'Hushållsekonomisk rådgivning efter kommunstorlek', expect: '/grupper indikator:U31484 indelning:storlek' },
	{
		q: 'Fördelning per kommungrupp för rutin mot vräkning av barnfamiljer',
		expect: '/grupper indikator:U31491 indelning:kommungrupp',
	},
	{ q: 'Hur ser DUDIT ut i olika kommungrupper?', expect: '/grupper indikator:U31511 indelning:kommungrupp' },
	{
		q: 'Överenskommelse med Arbetsförmedlingen per kommungrupp 2022',
		expect: '/grupper indikator:U31476 år:2022 indelning:kommungrupp',
	},
	{ q: 'Biståndshushåll uppdelat på län', expect: '/grupper indikator:N31910 indelning:län' },
	{ q: 'Andel kommuner med FREDA i stora och små kommuner', expect: '/grupper indikator:U31509 indelning:storlek' },
	{ q: 'Vilka kommuner använder FREDA?', expect: '/grupper indikator:U31509' },
	{ q: 'Vilka län har högst kostnad per invånare?', expect: '/grupper indikator:U31001 indelning:län' },
	{
		q: 'Hur skiljer sig långvarigt bistånd mellan stora och små kommuner?',
		expect: '/grupper indikator:N31814 indelning:storlek',
	},
	// Profiles
	{ q: 'Profil för Malmö', expect: '/profil kommun:Malmö' },
	{ q: 'Hur ligger Malmö till?', expect: '/profil kommun:Malmö' },
	{ q: 'Visa en översikt över Göteborg', expect: '/profil kommun:Göteborg' },
	{ q: 'Hur går det för Kiruna?', expect: '/profil kommun:Kiruna' },
	{ q: 'Berätta om Vara kommun', expect: '/profil kommun:Vara' },
	{ q: 'Lund', expect: '/profil kommun:Lund' },
	{ q: 'Profil för Håbo 2020', expect: '/profil kommun:Håbo år:2020' },
	{ q: 'Allt om Borås', expect: '/profil kommun:Borås' },
	{ q: 'Hur står sig Mora?', expect: '/profil kommun:Mora' },
	{ q: 'Malmös profil', expect: '/profil kommun:Malmö' },
	{ q: 'Hur ligger Malmö till på bistånd?', expect: '/profil kommun:Malmö' },
	{ q: 'goteborg', expect: '/profil kommun:Göteborg' },
	// Yes/no survey questions
	{ q: 'Har Malmö FREDA?', expect: '/värde kommun:Malmö indikator:U31509' },
	{ q: 'Använder Göteborg FREDA-kortfrågor?', expect: '/värde kommun:Göteborg indikator:U31509' },
	{
		q: 'Har Lund uppsökande verksamhet för personer som riskerar att förlora boendet?',
		expect: '/värde kommun:Lund indikator:U30427',
	},
	{ q: 'Erbjuder Uppsala hushållsekonomisk rådgivning?', expect: '/värde kommun:Uppsala indikator:U31484' },
	{
		q: 'Har Stockholm en rutin för att förhindra att barnfamiljer vräks?',
		expect: '/värde kommun:Stockholm indikator:U31491',
	},
	{ q: 'Har Örebro överenskommelse med Arbetsförmedlingen?', expect: '/värde kommun:Örebro indikator:U31476' },
	{ q: 'Använder Västerås DUDIT?', expect: '/värde kommun:Västerås indikator:U31511' },
	{ q: 'Har Umeå en rutin vid våld mot vuxen?', expect: '/värde kommun:Umeå indikator:U37535' },
	{
		q: 'Får klienter i Jönköping en plan mot självförsörjning inom tre månader?',
		expect: '/värde kommun:Jönköping indikator:U31512',
	},
	{ q: 'Har Gävle juridiskt stöd?', expect: '/värde kommun:Gävle indikator:OJEB-JURIDISKTSTOD' },
	{ q: 'Har Malmö FREDA 2020?', expect: '/värde kommun:Malmö indikator:U31509 år:2020' },
	// English
	{
		q: 'How does Malmö compare with Gothenburg on long-term assistance?',
		expect: '/jämför indikator:N31814 kommuner:Malmö, Göteborg',
	},
	{ q: 'What is the cost per inhabitant in Lund?', expect: '/värde kommun:Lund indikator:U31001' },
	{
		q: 'Top 5 municipalities with the highest number of households receiving assistance',
		expect: '/topplista indikator:N31910 antal:5 ordning:högst',
	},
	{
		q: 'Trend of long-term social assistance in Uppsala since 2015',
		expect: '/trend kommun:Uppsala indikator:N31814 från:2015',
	},
	{
		q: 'Compare Stockholm, Malmö and Gothenburg on cost per inhabitant',
		expect: '/jämför indikator:U31001 kommuner:Stockholm, Malmö, Göteborg',
	},
	{ q: 'Does Malmö use FREDA?', expect: '/värde kommun:Malmö indikator:U31509' },
	{ q: 'Profile of Umeå', expect: '/profil kommun:Umeå' },
	{
		q: 'Which municipalities in Skåne have the lowest cost per inhabitant?',
		expect: '/topplista indikator:U31001 ordning:lägst län:Skåne län',
	},
	{ q: 'Long-term assistance by municipality group', expect: '/grupper indikator:N31814 indelning:kommungrupp' },
	{
		q: 'How has the number of households on social assistance changed in Gothenburg between 2015 and 2020?',
		expect: '/trend kommun:Göteborg indikator:N31910 från:2015 till:2020',
	},
	{
		q: 'Compare Malmö with similar municipalities on long-term assistance',
		expect: '/jämför indikator:N31814 kommuner:liknande:Malmö',
	},
	{ q: 'Payments per household in Västerås last year', expect: '/värde kommun:Västerås indikator:N31849 år:2025' },
	{ q: 'Worst waiting time for decisions', expect: '/topplista indikator:U31402 ordning:sämst' },
	{ q: 'How is Kiruna doing?', expect: '/profil kommun:Kiruna' },
	{ q: 'Share of residents receiving social assistance in Örebro', expect: '/värde kommun:Örebro indikator:N31807' },
	{
		q: 'Children in families receiving social assistance in Botkyrka',
		expect: '/värde kommun:Botkyrka indikator:U31803',
	},
	{ q: 'FREDA by county', expect: '/grupper indikator:U31509 indelning:län' },
	{ q: 'Lund vs Malmö long-term assistance 2022', expect: '/jämför indikator:N31814 kommuner:Lund, Malmö år:2022' },
	{
		q: 'Show the trend for households receiving assistance in Stockholm',
		expect: '/trend kommun:Stockholm indikator:N31910',
	},
	{
		q: 'Which municipality has the most households on assistance?',
		expect: '/topplista indikator:N31910 ordning:högst',
	},
	{ q: 'Is Malmö better than Lund on waiting times?', expect: '/jämför indikator:U31402 kommuner:Malmö, Lund' },
	{
		q: 'Long-term assistance in Sweden over the last five years',
		expect: '/trend kommun:Riket indikator:N31814 från:2021',
	},
	// Typos, missing diacritics, genitives, names with spaces and hyphens
	{ q: 'langvarigt bistand i malmo', expect: '/värde kommun:Malmö indikator:N31814' },
	{ q: 'kostnad per invanare i goteborg', expect: '/värde kommun:Göteborg indikator:U31001' },
	{ q: 'Långvarit bistånd i Götebrog', expect: '/värde kommun:Göteborg indikator:N31814' },
	{ q: 'biståndshushål i Norrköpping', expect: '/värde kommun:Norrköping indikator:N31910' },
	{ q: 'Helsingborgs kostnad per invånare', expect: '/värde kommun:Helsingborg indikator:U31001' },
	{ q: 'Lunds långvariga bistånd', expect: '/värde kommun:Lund indikator:N31814' },
	{ q: 'kostnad per invånare i upplands-bro', expect: '/värde kommun:Upplands-Bro indikator:U31001' },
	{ q: 'STOCKHOLM LÅNGVARIGT BISTÅND', expect: '/värde kommun:Stockholm indikator:N31814' },
	{ q: 'Hur många biståndshushåll har Östra Göinge?', expect: '/värde kommun:Östra Göinge indikator:N31910' },
	{ q: 'biståndshushåll i boras', expect: '/värde kommun:Borås indikator:N31910' },
	{ q: 'kostnad per invånare i Helsinborg', expect: '/värde kommun:Helsingborg indikator:U31001' },
	{
		q: 'jämför stokholm och malmö på långvarigt bistånd',
		expect: '/jämför indikator:N31814 kommuner:Stockholm, Malmö',
	},
	{ q: 'biståndshushåll i jonkoping', expect: '/värde kommun:Jönköping indikator:N31910' },
	{ q: 'biståndshushåll i orebro', expect: '/värde kommun:Örebro indikator:N31910' },
	{ q: 'hushållsekonomisk rådgivnig i umeå', expect: '/värde kommun:Umeå indikator:U31484' },
	// Relative years and gender
	{ q: 'Biståndshushåll i Malmö i år', expect: '/värde kommun:Malmö indikator:N31910 år:2026' },
	{ q: 'Kostnad per invånare i Lund i förrfjol', expect: '/värde kommun:Lund indikator:U31001 år:2024' },
	{
		q: 'Hur många biståndshushåll hade Göteborg för två år sedan?',
		expect: '/värde kommun:Göteborg indikator:N31910 år:2024',
	},
	{ q: 'Biståndshushåll i Stockholm senaste året', expect: '/värde kommun:Stockholm indikator:N31910' },
	{ q: 'Långvarigt bistånd bland kvinnor i Malmö', expect: '/värde kommun:Malmö indikator:N31814 kön:K' },
	{ q: 'Andel unga vuxna män med bistånd i Göteborg', expect: '/värde kommun:Göteborg indikator:U31804 kön:M' },
	{
		q: 'Trend för långvarigt bistånd för män i Stockholm sedan 2016',
		expect: '/trend kommun:Stockholm indikator:N31814 från:2016 kön:M',
	},
	// Unclear questions: a clarifying reply or a friendly "did not understand"
	{ q: 'Vad kan vara orsaken till att det ökar?', expect: '!' },
	{ q: 'Jämför Malmö och Lund', expect: '? /jämför indikator:N31910 kommuner:1280,1281' },
	{ q: 'Topp 5', expect: '? /topplista indikator:N31910 antal:5' },
	{ q: 'Hur har det utvecklats i Malmö?', expect: '? /trend kommun:1280 indikator:N31910' },
	{ q: 'hej', expect: '!' },
	{ q: 'Vilka kommuner är bäst?', expect: '?' },
	{ q: 'Hur ligger Xyzköping till på långvarigt bistånd?', expect: '?' },
	{ q: 'Hur ligger Qwxzv till på långvarigt bistånd?', expect: '!' },
	{ q: 'Bäst på kostnad per invånare', expect: '? /topplista indikator:U31001 ordning:lägst' },
	{ q: 'Vad tycker du om vädret?', expect: '!' },
	// A second, harder batch: colloquial wordings, lists, regions, English
	{ q: 'vad ligger malmö på när det gäller långvarigt bistånd', expect: '/värde kommun:Malmö indikator:N31814' },
	{ q: 'Hur många får ekonomiskt bistånd i Göteborg?', expect: '/värde kommun:Göteborg indikator:N31848' },
	{
		q: 'Är långvarigt bistånd vanligare i Malmö än i Stockholm?',
		expect: '/jämför indikator:N31814 kommuner:Malmö, Stockholm',
	},
	{
		q: 'Vilken storstad har högst andel långvarigt bistånd?',
		expect: '/jämför indikator:N31814 kommuner:kommungrupp:A1',
	},
	{
		q: 'Hur har kostnaderna för ekonomiskt bistånd utvecklats i Malmö?',
		expect: '/trend kommun:Malmö indikator:N31001',
	},
	{ q: 'Malmö vs Göteborg', expect: '?' },
	{ q: 'Hur många procent av invånarna i Lund har försörjningsstöd?', expect: '/värde kommun:Lund indikator:N31807' },
	{ q: 'Väntetiden för beslut i Uppsala, hur lång är den?', expect: '/värde kommun:Uppsala indikator:U31402' },
	{ q: 'Vilka kommuner har längst väntetid?', expect: '/topplista indikator:U31402 ordning:högst' },
	{
		q: 'Top 10 kommuner kostnad per invånare 2023',
		expect: '/topplista indikator:U31001 år:2023 antal:10 ordning:högst',
	},
	{
		q: 'Kommuner i Jämtland med lägst andel långvarigt bistånd',
		expect: '/topplista indikator:N31814 ordning:lägst län:Jämtlands län',
	},
	{ q: 'Hur ser det ut i Norrbotten?', expect: '/profil kommun:Norrbottens län' },
	{ q: 'Är FREDA vanligt bland storstäderna?', expect: '/jämför indikator:U31509 kommuner:kommungrupp:A1' },
	{ q: 'Hur stor andel av kommunerna använder FREDA?', expect: '/värde kommun:Riket indikator:U31509' },
	{ q: 'Nyköpings profil', expect: '/profil kommun:Nyköping' },
	{
		q: 'Hur mycket kostar ekonomiskt bistånd i Västerås per invånare?',
		expect: '/värde kommun:Västerås indikator:U31001',
	},
	{ q: 'long term assistance malmo', expect: '/värde kommun:Malmö indikator:N31814' },
	{
		q: 'What share of adults in Gothenburg receive long-term assistance?',
		expect: '/värde kommun:Göteborg indikator:N31814',
	},
	{ q: 'Which county has the highest cost per inhabitant?', expect: '/grupper indikator:U31001 indelning:län' },
	{ q: 'Rank municipalities by households receiving assistance', expect: '/topplista indikator:N31910' },
	{
		q: 'Number of households receiving assistance in Malmö 2015 to 2020',
		expect: '/trend kommun:Malmö indikator:N31910 från:2015 till:2020',
	},
	{ q: 'How did long-term assistance develop in Västerås?', expect: '/trend kommun:Västerås indikator:N31814' },
	{
		q: 'Is Uppsala worse than Västerås on cost per inhabitant?',
		expect: '/jämför indikator:U31001 kommuner:Uppsala, Västerås',
	},
	{
		q: 'Stockholm compared to the national average on long-term assistance',
		expect: '/värde kommun:Stockholm indikator:N31814',
	},
	{ q: 'hur ligger lund till jämfört med riket?', expect: '/profil kommun:Lund' },
	{
		q: 'Jämför Malmö, Göteborg, Stockholm, Uppsala, Lund, Helsingborg, Norrköping, Linköping, Örebro, Västerås och Umeå på kostnad per invånare',
		expect:
			'/jämför indikator:U31001 kommuner:Malmö, Göteborg, Stockholm, Uppsala, Lund, Helsingborg, Norrköping, Linköping, Örebro, Västerås, Umeå',
	},
	{ q: 'kostnad/invånare Malmö', expect: '/värde kommun:Malmö indikator:U31001' },
	{ q: 'Malmö 2022 långvarigt', expect: '/värde kommun:Malmö indikator:N31814 år:2022' },
	{ q: 'Hur många hushåll i Skåne har ekonomiskt bistånd?', expect: '/värde kommun:Skåne län indikator:N31910' },
	{
		q: 'Vilken kommun i Skåne har flest hushåll med bistånd?',
		expect: '/topplista indikator:N31910 ordning:högst län:Skåne län',
	},
	{
		q: 'Hur ser utvecklingen ut för långvarigt bistånd i riket sedan 2010?',
		expect: '/trend kommun:Riket indikator:N31814 från:2010',
	},
	{
		q: 'Andel långvarigt bistånd i Göteborg och Malmö 2021',
		expect: '/jämför indikator:N31814 kommuner:Göteborg, Malmö år:2021',
	},
	{ q: 'Hur går det för Göteborg när det gäller biståndshushåll?', expect: '/värde kommun:Göteborg indikator:N31910' },
	{ q: 'Kommer kostnaden per invånare i Malmö att öka?', expect: '/trend kommun:Malmö indikator:U31001' },
	{
		q: 'Hur många barn lever i familjer med ekonomiskt bistånd i Malmö?',
		expect: '/värde kommun:Malmö indikator:U31803',
	},
	{
		q: 'Vilka kommuner har flest barn i familjer med långvarigt bistånd?',
		expect: '/topplista indikator:U31809 ordning:högst',
	},
	{
		q: 'Unga vuxna med bistånd: jämför Uppsala och Linköping',
		expect: '/jämför indikator:U31804 kommuner:Uppsala, Linköping',
	},
	{ q: 'Vad säger statistiken om långvarigt bistånd i Kalmar?', expect: '/värde kommun:Kalmar indikator:N31814' },
	{ q: 'Hur mycket pengar betalade Malmö ut i bistånd 2022?', expect: '/värde kommun:Malmö indikator:N31857 år:2022' },
	{ q: 'Malmö stad långvarigt bistånd', expect: '/värde kommun:Malmö indikator:N31814' },
	{ q: 'Region Skåne kostnad per invånare', expect: '/värde kommun:Skåne län indikator:U31001' },
	{ q: 'i vilken kommun är kostnaden per invånare lägst?', expect: '/topplista indikator:U31001 ordning:lägst' },
	{ q: 'skillnad mellan män och kvinnor i långvarigt bistånd i Malmö', expect: '?' },
	{
		q: 'Hur står sig Malmö i jämförelse med andra storstäder när det gäller kostnad per invånare?',
		expect: '/jämför indikator:U31001 kommuner:Malmö, kommungrupp:A1',
	},
	{ q: 'Topp 5 sämsta kommunerna på väntetid', expect: '/topplista indikator:U31402 antal:5 ordning:sämst' },
	{ q: 'sämsta kommunen på återaktualisering', expect: '/topplista indikator:U31462 ordning:sämst' },
	{ q: 'hur många hushåll får bistånd i hela landet', expect: '/värde kommun:Riket indikator:N31910' },
	{ q: 'Households on welfare in Malmö', expect: '/värde kommun:Malmö indikator:N31910' },
	{ q: 'Malmo long-term assistance trend', expect: '/trend kommun:Malmö indikator:N31814' },
	{ q: 'compare lund and malmo', expect: '?' },
	{ q: "What's the share of long-term recipients in Uppsala?", expect: '/värde kommun:Uppsala indikator:N31814' },
	{ q: 'Best municipalities for quality index', expect: '/topplista indikator:U31401 ordning:bäst' },
	// A third batch, added after the parser was written and not tuned against
	{
		q: 'Hur många hushåll i Borås fick bistånd förra året jämfört med året innan?',
		expect: '/värde kommun:Borås indikator:N31910 år:2025',
	},
	{
		q: 'Vilka är de tre kommunerna med högst kostnad per invånare i Stockholms län?',
		expect: '/topplista indikator:U31001 antal:3 ordning:högst län:Stockholms län',
	},
	{ q: 'Hur ser det ut med FREDA i Göteborg?', expect: '/värde kommun:Göteborg indikator:U31509' },
	{ q: 'Har andelen med långvarigt bistånd i Malmö gått ner?', expect: '/trend kommun:Malmö indikator:N31814' },
	{
		q: 'Kostnad per invånare Lund Malmö Helsingborg',
		expect: '/jämför indikator:U31001 kommuner:Lund, Malmö, Helsingborg',
	},
	{
		q: 'Vad kostar ekonomiskt bistånd Stockholm per invånare och år?',
		expect: '/värde kommun:Stockholm indikator:U31001',
	},
	{
		q: 'Vilken kommun har lägst andel långvarigt bistånd i Västra Götaland?',
		expect: '/topplista indikator:N31814 ordning:lägst län:Västra Götalands län',
	},
	{
		q: 'Biståndshushåll Göteborg vs Malmö vs Stockholm',
		expect: '/jämför indikator:N31910 kommuner:Göteborg, Malmö, Stockholm',
	},
	{ q: 'Hur utvecklas utbetalt bistånd per invånare i Botkyrka?', expect: '/trend kommun:Botkyrka indikator:U31001' },
	{ q: 'Vilka kommuner liknar Malmö?', expect: '?' },
	{
		q: 'Hur ligger Uppsala till bland liknande kommuner på långvarigt bistånd?',
		expect: '/jämför indikator:N31814 kommuner:liknande:Uppsala',
	},
	{ q: 'Ge mig topp 10 för biståndshushåll', expect: '/topplista indikator:N31910 antal:10 ordning:högst' },
	{ q: 'Rutin för skyddade personuppgifter i Malmö', expect: '/värde kommun:Malmö indikator:U31497' },
	{ q: 'Andelen långvariga biståndsmottagare i Kiruna 2019', expect: '/värde kommun:Kiruna indikator:N31814 år:2019' },
	{ q: 'Sveriges kostnad per invånare', expect: '/värde kommun:Riket indikator:U31001' },
	{
		q: 'biståndshushåll malmö göteborg 2015-2020',
		expect: '/trend kommun:Malmö indikator:N31910 från:2015 till:2020 jämför_med:Göteborg',
	},
	{
		q: 'Hur mycket har utbetalningarna per hushåll ökat i Lund sedan 2016?',
		expect: '/trend kommun:Lund indikator:N31849 från:2016',
	},
	{ q: 'hur många hushåll har ekonomiskt bistånd i göteborgs stad', expect: '/värde kommun:Göteborg indikator:N31910' },
	{
		q: 'Trend långvarigt bistånd Malmö Lund Helsingborg',
		expect: '/trend kommun:Malmö indikator:N31814 jämför_med:Lund, Helsingborg',
	},
	{
		q: 'What are the worst municipalities for waiting times in Stockholm county?',
		expect: '/topplista indikator:U31402 ordning:sämst län:Stockholms län',
	},
	{ q: 'Which municipalities use DUDIT?', expect: '/grupper indikator:U31511' },
	{
		q: 'Lund long-term assistance compared with similar municipalities',
		expect: '/jämför indikator:N31814 kommuner:liknande:Lund',
	},
	{ q: 'Show me the profile for Gävle', expect: '/profil kommun:Gävle' },
	{ q: 'evictions in Malmö', expect: '/värde kommun:Malmö indikator:U00958' },
	{ q: 'How many households get assistance in Umeå?', expect: '/värde kommun:Umeå indikator:N31910' },
	{ q: 'Vilket län har lägst andel långvarigt bistånd?', expect: '/grupper indikator:N31814 indelning:län' },
	{
		q: 'Bistånd per hushåll i Malmö, Lund och Göteborg 2020',
		expect: '/jämför indikator:N31849 kommuner:Malmö, Lund, Göteborg år:2020',
	},
	{
		q: 'Vad är skillnaden i väntetid mellan Malmö och Göteborg?',
		expect: '/jämför indikator:U31402 kommuner:Malmö, Göteborg',
	},
	{
		q: 'Hur många hushåll hade bistånd i Malmö 2010 och 2020?',
		expect: '/trend kommun:Malmö indikator:N31910 från:2010 till:2020',
	},
	{ q: 'långvarigt bistånd', expect: '/värde kommun:Riket indikator:N31814' },
	{ q: 'Kvalitetsindex Malmö jämfört med liknande', expect: '/jämför indikator:U31401 kommuner:liknande:Malmö' },
	{ q: 'andel barn i familjer med bistånd per kommungrupp', expect: '/grupper indikator:U31803 indelning:kommungrupp' },
	{ q: 'Hur har Malmö utvecklats?', expect: '?' },
	{ q: 'Jämför Habo med Mullsjö', expect: '?' },
];

/** Whether a question is read as expected, and what it was read as (for failure lists). */
export function readAsExpected(ctx: AnswerContext, c: QuestionCase): { readonly pass: boolean; readonly got: string } {
	const i = interpretQuestion(ctx, c.q);
	const ids = i.status === 'clarify' ? i.candidates.map((r) => commandLine(ctx, r, 'id')) : [];
	const got =
		i.status === 'ok'
			? commandLine(ctx, i.reading, 'display')
			: i.status === 'clarify'
				? `? ${ids.join(' | ')}`
				: i.status;
	if (c.expect.startsWith('?')) {
		const wanted = c.expect.slice(1).trim();
		return { pass: i.status === 'clarify' && (wanted === '' || ids.includes(wanted)), got };
	}
	if (c.expect === '!') return { pass: i.status === 'not_understood' || i.status === 'unknown_place', got };
	return { pass: i.status === 'ok' && got === c.expect, got };
}
