import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { OkAnswer } from '../../src/answers/types.js';
import {
	answerEmbed,
	answerMessage,
	asciiFileName,
	BAND_COLOURS,
	chartFileName,
	embedLength,
	errorText,
	fitEmbed,
	splitField,
	tableBlock,
	textMessage,
} from '../../src/discord/embeds.js';
import { LIMITS } from '../../src/discord/limits.js';

function answer(extra: Partial<OkAnswer> = {}): OkAnswer {
	return {
		ok: true,
		command: 'värde',
		title: 'Malmö: Långvarigt bistånd',
		summary: 'Malmö 2023: 4,2 % (Riket: 3,1 %).',
		fields: [{ name: 'Riket', value: '3,1 %', inline: true }],
		notes: ['Senaste året med data: 2023.'],
		sources: ['Källa: Kolada'],
		resolved: { kommun: '1280', indikator: 'N31814', år: 2023 },
		data: {},
		...extra,
	};
}

/** Checks every per-part limit and the 6000 total. */
function expectValid(embed: APIEmbed): void {
	expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
	expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
	expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
	for (const f of embed.fields ?? []) {
		expect(f.name.length).toBeGreaterThan(0);
		expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
		expect(f.value.length).toBeGreaterThan(0);
		expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
	}
	expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
	expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
	const fences = (embed.description ?? '').split('```').length - 1;
	expect(fences % 2).toBe(0);
}

describe('embedLength', () => {
	it('GIVEN title, description, fields, footer and author THEN counts all of them', () => {
		const embed: APIEmbed = {
			title: 'abc',
			description: 'de',
			fields: [{ name: 'f', value: 'gh' }],
			footer: { text: 'ijkl' },
			author: { name: 'm' },
		};
		expect(embedLength(embed)).toBe(3 + 2 + 1 + 2 + 4 + 1);
	});
});

describe('fitEmbed', () => {
	it('GIVEN an embed within every limit THEN returns it unchanged', () => {
		const embed: APIEmbed = {
			title: 'T',
			description: 'D',
			fields: [{ name: 'n', value: 'v' }],
			footer: { text: 'f' },
		};
		expect(fitEmbed(embed)).toEqual(embed);
	});

	it('GIVEN every part over its own limit THEN clamps each part and the total', () => {
		const embed: APIEmbed = {
			title: 'T'.repeat(400),
			description: 'D'.repeat(5000),
			fields: Array.from({ length: 40 }, (_, i) => ({ name: `N${i}`.repeat(100), value: 'V'.repeat(2000) })),
			footer: { text: 'F'.repeat(3000) },
		};
		const fitted = fitEmbed(embed);
		expectValid(fitted);
		expect(fitted.title?.endsWith('…')).toBe(true);
	});

	it('GIVEN a total over 6000 THEN cuts the description to 500 first, then fields from the end, keeping the title', () => {
		const embed: APIEmbed = {
			title: 'Titel',
			description: 'D'.repeat(4000),
			fields: Array.from({ length: 5 }, (_, i) => ({ name: `Fält ${i}`, value: 'V'.repeat(1000) })),
			footer: { text: 'Källa: Kolada' },
		};
		const fitted = fitEmbed(embed);
		expectValid(fitted);
		expect(fitted.title).toBe('Titel');
		expect(fitted.footer?.text).toBe('Källa: Kolada');
		expect(fitted.fields?.map((f) => f.name)).toEqual(['Fält 0', 'Fält 1', 'Fält 2', 'Fält 3', 'Fält 4']);
		expect(fitted.description?.length).toBeLessThan(4000);
	});

	it('GIVEN a description cut inside a code block THEN closes the fence', () => {
		const description = `Intro\n\n\`\`\`\n${'rad\n'.repeat(2000)}\`\`\``;
		const fitted = fitEmbed({ description });
		expectValid(fitted);
		expect(fitted.description?.endsWith('```')).toBe(true);
	});

	it('GIVEN empty field names and values THEN fills them with a placeholder Discord accepts', () => {
		const fitted = fitEmbed({ fields: [{ name: '', value: '' }] });
		expect(fitted.fields?.[0]?.name.length).toBe(1);
		expect(fitted.fields?.[0]?.value.length).toBe(1);
	});

	it('GIVEN many random oversized embeds THEN every result is valid', () => {
		let seed = 7;
		const rand = (n: number): number => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let i = 0; i < 200; i++) {
			const embed: APIEmbed = {
				title: 'x'.repeat(rand(400)),
				description: `${'y'.repeat(rand(3000))}\n\`\`\`\n${'z\n'.repeat(rand(2000))}\`\`\``,
				fields: Array.from({ length: rand(35) }, () => ({
					name: 'n'.repeat(rand(300)),
					value: 'v'.repeat(rand(1500)),
				})),
				footer: { text: 'f'.repeat(rand(2500)) },
			};
			expectValid(fitEmbed(embed));
		}
	});
});

describe('tableBlock', () => {
	const table = {
		columns: ['Plats', 'Kommun', 'Värde'],
		rows: Array.from({ length: 30 }, (_, i) => [String(i + 1), `Kommun ${i + 1}`, `${i},5 %`]),
		align: ['right', 'left', 'right'] as const,
	};

	it('GIVEN a table that fits THEN renders a monospace code block with aligned columns', () => {
		const block = tableBlock({ ...table, rows: table.rows.slice(0, 2) }, 4096, 'sv');
		expect(block).toBe(
			[
				'```',
				'Plats  Kommun    Värde',
				'-----  --------  -----',
				'    1  Kommun 1  0,5 %',
				'    2  Kommun 2  1,5 %',
				'```',
			].join('\n'),
		);
	});

	it('GIVEN a budget too small for every row THEN keeps whole rows and says how many were left out', () => {
		const block = tableBlock(table, 400, 'sv');
		expect(block.length).toBeLessThanOrEqual(400);
		expect(block).toMatch(/```\n… och \d+ rader till$/);
		const shown = block.split('\n').filter((l) => /^\s+\d+ {2}Kommun/.test(l)).length;
		expect(block).toContain(`och ${30 - shown} rader till`);
	});

	it('GIVEN English THEN the remark is English', () => {
		expect(tableBlock(table, 400, 'en')).toMatch(/… and \d+ more rows$/);
	});

	it('GIVEN a cell with backticks THEN it cannot end the code block early', () => {
		const block = tableBlock({ columns: ['A'], rows: [['x```y']] }, 4096, 'sv');
		expect(block.split('```').length - 1).toBe(2);
	});
});

describe('splitField', () => {
	it('GIVEN a value over 1024 characters THEN splits at line breaks into continued fields', () => {
		const value = Array.from({ length: 100 }, (_, i) => `Rad ${i} ${'x'.repeat(20)}`).join('\n');
		const parts = splitField({ name: 'Källor', value }, ' (forts.)');
		expect(parts.length).toBeGreaterThan(1);
		expect(parts[0]?.name).toBe('Källor');
		expect(parts[1]?.name).toBe('Källor (forts.)');
		for (const p of parts) expect(p.value.length).toBeLessThanOrEqual(1024);
		expect(parts.map((p) => p.value).join('\n')).toBe(value);
	});

	it('GIVEN one line longer than 1024 THEN splits it hard', () => {
		const parts = splitField({ name: 'A', value: 'z'.repeat(2500) }, ' (forts.)');
		expect(parts.map((p) => p.value.length)).toEqual([1024, 1024, 452]);
	});
});

describe('answerEmbed and answerMessage', () => {
	it('GIVEN a plain answer THEN maps title, summary, fields, notes and sources', () => {
		const embed = answerEmbed(answer(), { locale: 'sv' });
		expect(embed.title).toBe('Malmö: Långvarigt bistånd');
		expect(embed.description).toBe('Malmö 2023: 4,2 % (Riket: 3,1 %).\n\n• Senaste året med data: 2023.');
		expect(embed.fields).toEqual([{ name: 'Riket', value: '3,1 %', inline: true }]);
		expect(embed.footer?.text).toBe('Källa: Kolada');
		expect(embed.color).toBe(BAND_COLOURS.default);
		expect(embed.image).toBeUndefined();
	});

	it('GIVEN each band THEN the colour follows it', () => {
		for (const band of ['green', 'yellow', 'red'] as const) {
			expect(answerEmbed(answer({ band }), { locale: 'sv' }).color).toBe(BAND_COLOURS[band]);
		}
	});

	it('GIVEN a PNG and a CSV THEN attaches both and shows the chart in the embed by its file name', () => {
		const png = Buffer.from('png');
		const message = answerMessage(answer({ csv: { filename: 'jämför-N31814-2023.csv', content: 'a;b\n1;2\n' } }), {
			locale: 'sv',
			png,
		});
		expect(message.files.map((f) => [f.name, f.contentType])).toEqual([
			['varde-1280-N31814-2023.png', 'image/png'],
			['jamfor-N31814-2023.csv', 'text/csv'],
		]);
		expect(message.embeds[0]?.image?.url).toBe('attachment://varde-1280-N31814-2023.png');
		expect(message.allowedMentions).toEqual({ parse: [] });
	});

	it('GIVEN an interpretation THEN it is the message content above the embed', () => {
		const message = answerMessage(answer({ interpretation: 'Tolkat som: /värde kommun:Malmö' }), { locale: 'sv' });
		expect(message.content).toBe('Tolkat som: /värde kommun:Malmö');
	});

	it('GIVEN a chart that failed to render THEN adds a note with the reference', () => {
		const embed = answerEmbed(answer(), { locale: 'sv', chartError: 'ab12cd34' });
		expect(embed.description).toContain('Diagrammet kunde inte ritas (ref: ab12cd34).');
	});

	it('GIVEN a huge answer THEN the embed stays within every limit and the table is cut by rows', () => {
		const big = answer({
			title: 'T'.repeat(300),
			summary: 'S'.repeat(1500),
			fields: Array.from({ length: 30 }, (_, i) => ({ name: `Fält ${i}`, value: 'v'.repeat(300) })),
			table: { columns: ['Kommun', 'Värde'], rows: Array.from({ length: 290 }, (_, i) => [`Kommun ${i}`, `${i}`]) },
			notes: Array.from({ length: 10 }, () => 'n'.repeat(200)),
			sources: Array.from({ length: 40 }, (_, i) => `Källa ${i}: ${'k'.repeat(60)}`),
		});
		const embed = answerEmbed(big, { locale: 'sv' });
		expectValid(embed);
		expect(embed.fields?.length).toBeLessThanOrEqual(25);
	});

	it('GIVEN more than 25 fields THEN keeps 24 and says how many more there were', () => {
		const many = answer({ fields: Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: 'v' })) });
		const embed = answerEmbed(many, { locale: 'sv' });
		expect(embed.fields).toHaveLength(25);
		expect(embed.fields?.[24]?.value).toBe('6 fält till får inte plats.');
	});
});

describe('file names and text messages', () => {
	it('GIVEN Swedish letters and spaces THEN asciiFileName keeps a safe ASCII name', () => {
		expect(asciiFileName('jämför Malmö/Lund 2023.csv', 'data.csv')).toBe('jamfor-Malmo-Lund-2023.csv');
		expect(asciiFileName('äöå', 'x.csv')).toBe('aoa');
		expect(asciiFileName('///', 'data.csv')).toBe('data.csv');
	});

	it('GIVEN resolved ids THEN chartFileName names the command and the ids', () => {
		expect(chartFileName({ command: 'jämför', resolved: { kommuner: ['1280', '1281', '0180'], år: 2023 } })).toBe(
			'jamfor-1280-1281-2023.png',
		);
		expect(chartFileName({ command: '', resolved: {} })).toBe('diagram.png');
	});

	it('GIVEN a long text THEN textMessage clamps it to 2000 and mentions nobody', () => {
		const message = textMessage('@everyone '.repeat(300));
		expect(message.content?.length).toBeLessThanOrEqual(2000);
		expect(message.allowedMentions).toEqual({ parse: [] });
	});

	it('GIVEN an error answer with an interpretation THEN errorText puts it first', () => {
		expect(
			errorText({
				ok: false,
				command: 'fråga',
				interpretation: 'Tolkat som: /värde',
				error: { code: 'not_found', message: 'Hittar inte.' },
				resolved: {},
			}),
		).toBe('Tolkat som: /värde\n\nHittar inte.');
	});
});

describe('text from data in embeds', () => {
	const link = '[Klicka här](https://evil.example/x)';
	const hostile = answer({
		title: `Malmö ${link}`,
		summary: `Malmö \`\`\`js\nalert(1)\n\`\`\` ${link} https://evil.example`,
		fields: [{ name: `Grupp ${link}`, value: '```x```', inline: true }],
		notes: [`Not ${link}`],
		sources: ['Källa: https://evil.example'],
		table: { columns: ['kommun', 'värde'], rows: [[`Lund ${link}`, '```']] },
		interpretation: 'Tolkat som: /värde kommun:https://evil.example',
	});

	it('GIVEN names with Markdown links, bare URLs and code fences THEN none of them stays a link or opens a code block', () => {
		const message = answerMessage(hostile, { locale: 'sv' });
		const embed = message.embeds[0]!;
		const texts = [
			message.content ?? '',
			embed.title ?? '',
			embed.description ?? '',
			embed.footer?.text ?? '',
			...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
		];
		for (const text of texts) {
			expect(text).not.toMatch(/\]\(/);
			expect(text).not.toMatch(/https?:\/\//);
		}
		// The table is the description's only code block.
		expect((embed.description ?? '').split('```').length - 1).toBe(2);
		expect(embed.fields?.[0]?.value).not.toContain('```');
		expectValid(embed);
	});

	it('GIVEN a plain text message with a user URL THEN the URL is not a link', () => {
		expect(textMessage('Se https://evil.example och [x](http://y)').content).toBe(
			'Se https:\u200b//evil.example och [x]\u200b(http:\u200b//y)',
		);
	});
});
