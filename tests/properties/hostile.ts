/**
 * Generators of hostile user input for property tests: empty and huge strings, control and
 * zero-width characters, right-to-left text, emoji, Markdown and code fences, Discord mentions,
 * URLs, SQL- and shell-like text, numbers where names are expected, odd years, mixed NFC/NFD.
 */
import fc from 'fast-check';

const SPECIAL = [
	'',
	' ',
	'\u200b',
	'\u0000',
	'\u202e',
	'\u2066',
	'\ufeff',
	'\n\n',
	'@everyone',
	'@here',
	'<@123456789012345678>',
	'<@&123456789012345678>',
	'<#123456789012345678>',
	'</värde:123>',
	'```js\nprocess.exit(1)\n```',
	'**fet** __under__ ~~struket~~ ||spoiler|| > citat',
	'[länk](https://example.com)',
	'https://discord.gg/abc',
	"'; DROP TABLE kommuner; --",
	'$(rm -rf /)',
	'`cat /etc/passwd`',
	'${process.env.DISCORD_TOKEN}',
	'__proto__',
	'constructor',
	'-1',
	'0',
	'1e9',
	'2020abc',
	'99999999999999999999',
	'NaN',
	'Infinity',
	'0180',
	'180',
	'Ha\u030abo',
	'H\u00e5bo',
	'مرحبا',
	'שלום',
	'🙂🙂🙂',
	'👩‍👩‍👧‍👦',
	'Malmö'.repeat(300),
];

/** One hostile string: a known nasty value, random unicode, a huge string, or a mix. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
	{ weight: 1, arbitrary: fc.constantFrom('x', 'ö', '🙂', '@', '`').map((c) => c.repeat(6000)) },
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom(...SPECIAL), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...SPECIAL))
			.map(([a, b, c]) => `${a}${b}${c}`),
	},
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.normalize('NFD')) },
);

/** A hostile value as Discord or the shell might deliver it: usually text, sometimes a number or boolean. */
export const hostileValue: fc.Arbitrary<string | number | boolean> = fc.oneof(
	{ weight: 8, arbitrary: hostileString },
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1e9, Number.MAX_SAFE_INTEGER)) },
	{ weight: 1, arbitrary: fc.boolean() },
);

/** Text that must never appear in a reply: stack frames and paths of the machine. */
export const LEAK = /\bat\s+\S+\s+\(.*:\d+:\d+\)|\/work\/|\/root\/|\/home\/|node_modules|\.ts:\d+|Error: /;

/** A mention that Discord would act on, anywhere in a text. */
export const MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;

/** A valid value for every option of the commands, so a run can vary some options and keep the rest meaningful. */
export const VALID_OPTIONS: Readonly<Record<string, string | number | boolean>> = {
	kommun: 'Nyköping',
	indikator: 'kostnad per invånare',
	kommuner: 'Nyköping, Trosa',
	text: 'malmö',
	år: 2020,
	från: 2016,
	till: 2020,
	jämför_med: 'Trosa',
	antal: 5,
	ordning: 'högst',
	län: 'Södermanland',
	indelning: 'län',
	kön: 'T',
	csv: false,
	privat: false,
};
