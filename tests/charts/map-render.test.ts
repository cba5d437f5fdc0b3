import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { mapColors, MISSING_FILL } from '../../src/charts/map-classes.js';
import { readKommunGeometry } from '../../src/charts/map-geometry.js';
import { CHART_SIZES, chartSizeFor, renderChart } from '../../src/charts/render.js';
import type { MapChartSpec } from '../../src/charts/spec.js';
import { shareBars } from '../helpers/chart-specs.js';

const kommuner = readKommunGeometry().kommuner;

/** A whole-country map: every third kommun without a value, the others spread over five classes. */
const sweden: MapChartSpec = {
	kind: 'map',
	title: 'Utbetalt ekonomiskt bistånd per invånare, kr/inv · 2023',
	subtitle: 'Värden för 193 av 290 kommuner · 5 klasser efter kvantiler',
	unit: 'kr/inv',
	format: { style: 'unit', decimals: 0, unit: 'kr/inv' },
	source: 'Källa: testdata',
	scheme: 'lower-better',
	legendTitle: 'kr/inv',
	classes: ['200–499', '500–799', '800–1 099', '1 100–1 399', '1 400–2 000'].map((label) => ({
		label: `${label} (40)`,
		count: 40,
	})),
	areas: kommuner.filter((_, i) => i % 3 !== 0).map((k, i) => ({ id: k.properties.id, classIndex: i % 5 })),
	missingLabel: 'Uppgift saknas (97)',
	highlight: { id: '2580', label: 'Luleå: 733 kr/inv' },
	notes: ['Riket: 1 033 kr/inv'],
};

/** Pixel colours of a PNG as #RRGGBB with their counts. */
async function colours(png: Buffer): Promise<{ width: number; height: number; counts: Map<string, number> }> {
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const g = canvas.getContext('2d');
	g.drawImage(image, 0, 0);
	const data = g.getImageData(0, 0, image.width, image.height).data;
	const counts = new Map<string, number>();
	for (let i = 0; i < data.length; i += 4) {
		const hex =
			`#${[data[i], data[i + 1], data[i + 2]].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
		counts.set(hex, (counts.get(hex) ?? 0) + 1);
	}
	return { width: image.width, height: image.height, counts };
}

describe('renderChart (maps)', () => {
	it('GIVEN a renderer of another size was built first THEN the map still finds the choropleth controller', async () => {
		// Every size has its own copy of Chart.js; the map renderer must register with its own.
		const bar = await renderChart(shareBars([{ label: 'Luleå', value: 1.3, role: 'focus' }]));
		expect(bar.length).toBeGreaterThan(0);
		expect((await renderChart(sweden)).length).toBeGreaterThan(0);
	});

	it('GIVEN a whole-country map THEN the PNG has the map size, every class colour, the missing grey and is not blank', async () => {
		expect(chartSizeFor(sweden)).toBe('map');
		const { width, height, counts } = await colours(await renderChart(sweden));
		expect({ width, height }).toEqual(CHART_SIZES.map);
		const total = width * height;
		expect((counts.get('#FFFFFF') ?? 0) / total).toBeLessThan(0.85);
		for (const colour of mapColors('lower-better', 5)) expect(counts.get(colour) ?? 0, colour).toBeGreaterThan(200);
		expect(counts.get(MISSING_FILL) ?? 0).toBeGreaterThan(200);
	});

	it('GIVEN a map of one län THEN its kommuner are drawn large and the others not at all', async () => {
		const skane: MapChartSpec = {
			...sweden,
			lanId: '0012',
			scheme: 'neutral',
			classes: sweden.classes.slice(0, 3),
			areas: kommuner
				.filter((k) => k.properties.lan === '0012')
				.map((k, i) => ({ id: k.properties.id, classIndex: i % 3 })),
			highlight: { id: '1280', label: 'Malmö: 1 234 kr/inv' },
		};
		const { counts } = await colours(await renderChart(skane));
		const [light, middle, dark] = mapColors('neutral', 3);
		// 33 kommuner fill a large part of the image; each class covers many pixels.
		for (const colour of [light, middle, dark]) expect(counts.get(colour ?? '') ?? 0).toBeGreaterThan(5000);
		expect(counts.get(MISSING_FILL) ?? 0).toBeLessThan(2000);
	});

	it('GIVEN a spec for a län that has no shapes THEN rendering rejects with a RangeError', async () => {
		await expect(renderChart({ ...sweden, lanId: '0099' })).rejects.toThrow(RangeError);
	});
});
