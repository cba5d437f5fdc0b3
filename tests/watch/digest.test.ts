import { describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/answers/context.js';
import { Dataset } from '../../src/dataset/dataset.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { readDataset } from '../../src/dataset/store.js';
import { digestMessages, MAX_DIGEST_CHARTS, MAX_DIGEST_SECTIONS } from '../../src/discord/digests.js';
import { embedLength } from '../../src/discord/embeds.js';
import { Search } from '../../src/search/search.js';
import { changedFigures, digestsFor, type Digest } from '../../src/watch/digest.js';
import type { Watch } from '../../src/watch/store.js';

const base: DatasetFile = await readDataset('data/db.json');
const before = new Dataset(base);

/** A copy of the bundled dataset with one value of a series changed (or a year added). */
function withValue(indicator: string, area: string, year: number, value: number): Dataset {
	const copy = structuredClone(base);
	const series = copy.series.find((s) => s.indicator === indicator && s.area === area && s.gender === 'T');
	if (!series) throw new Error(`no series ${indicator} ${area}`);
	const point = series.points.find((p) => p[0] === year);
	if (point) point[1] = value;
	else series.points.push([year, value, series.points[0]?.[2] ?? 0]);
	return new Dataset(copy);
}

function ctxOf(dataset: Dataset): AnswerContext {
	return { dataset, search: new Search(dataset), locale: 'sv', today: new Date('2026-12-01') };
}

const WATCH: Watch = {
	id: '0123abcd',
	guildId: '1310000000000000100',
	channelId: '1310000000000000200',
	kommun: '0480',
	indikator: 'N31910',
	createdBy: '1310000000000000300',
	createdAt: '2026-12-01T10:00:00.000Z',
};

describe('changedFigures', () => {
	it('GIVEN the same dataset THEN nothing changed, and no digest', () => {
		expect(changedFigures(before, new Dataset(base), WATCH)).toEqual([]);
		expect(digestsFor(ctxOf(new Dataset(base)), before, [WATCH])).toEqual([]);
	});

	it('GIVEN a revised figure THEN it is reported with the value it replaces', () => {
		const old = before.value('N31910', '0480', 2020, 'T', 'value')?.value;
		const after = withValue('N31910', '0480', 2020, 1400);
		expect(changedFigures(before, after, WATCH)).toMatchObject([
			{
				kommun: '0480',
				indikator: 'N31910',
				year: 2020,
				value: 1400,
				previous: { year: 2020, value: old, revised: true },
			},
		]);
	});

	it('GIVEN a new year THEN it is reported with the latest earlier year; other kommuner and indicators are not', () => {
		const after = withValue('N31910', '0480', 2021, 1500);
		const [digest] = digestsFor(ctxOf(after), before, [
			WATCH,
			{ ...WATCH, id: '0123abce', kommun: '0180', channelId: '1310000000000000201' },
		]);
		expect(digest?.channelId).toBe(WATCH.channelId);
		expect(digest?.sections).toHaveLength(1);
		expect(digest?.sections[0]?.lines).toHaveLength(1);
		expect(digest?.sections[0]?.lines[0]).toMatch(/^\*\*2021\*\*: 1\s500 \(nytt år; 2020: 1\s343\)$/u);
		expect(digest?.sections[0]?.chart?.kind).toBe('line');
	});
});

describe('digestMessages', () => {
	function digestOf(n: number): Digest {
		return {
			guildId: WATCH.guildId,
			channelId: WATCH.channelId,
			sections: Array.from({ length: n }, (_, i) => ({
				kommun: '0480',
				indikator: `N${i}`,
				title: `Nyköping: indikator ${i}`,
				lines: Array.from({ length: 6 }, (_, y) => `**${2024 - y}**: ${'1 234 '.repeat(20)}`),
				sources: ['Källa: Kolada (2026-12-01)'],
			})),
		};
	}

	it('GIVEN one section THEN one message with one embed and its chart', () => {
		const [message, ...rest] = digestMessages(digestOf(1), new Map([[0, Buffer.from('png')]]));
		expect(rest).toEqual([]);
		expect(message?.embeds).toHaveLength(1);
		expect(message?.embeds[0]?.image?.url).toBe('attachment://bevakning-1.png');
		expect(message?.files.map((f) => f.name)).toEqual(['bevakning-1.png']);
	});

	it('GIVEN many sections THEN split into messages within Discord’s limits, the rest named in one embed', () => {
		const pngs = new Map(Array.from({ length: MAX_DIGEST_CHARTS }, (_, i) => [i, Buffer.from('png')] as const));
		const messages = digestMessages(digestOf(MAX_DIGEST_SECTIONS + 7), pngs);
		expect(messages.length).toBeGreaterThan(1);
		for (const m of messages) {
			expect(m.embeds.length).toBeLessThanOrEqual(10);
			expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
		}
		const embeds = messages.flatMap((m) => m.embeds);
		expect(embeds).toHaveLength(MAX_DIGEST_SECTIONS + 1);
		expect(embeds.at(-1)?.title).toBe('… och 7 till med nya värden');
		expect(messages.flatMap((m) => m.files)).toHaveLength(MAX_DIGEST_CHARTS);
		expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
	});
});
