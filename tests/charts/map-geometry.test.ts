import { readFileSync, statSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { geoArea, geoBounds } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEOMETRY_FILES, projectMap, readKommunGeometry, type KommunGeometry } from '../../src/charts/map-geometry.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { bundled } from '../helpers/bundled.js';

/** Planar area in degrees² of a (multi)polygon, whatever its winding: exterior rings less holes. */
function planarArea(g: Polygon | MultiPolygon): number {
	const ring = (r: Position[]): number => {
		let sum = 0;
		for (let i = 0, j = r.length - 1; i < r.length; j = i++)
			sum += (r[j]?.[0] ?? 0) * (r[i]?.[1] ?? 0) - (r[i]?.[0] ?? 0) * (r[j]?.[1] ?? 0);
		return Math.abs(sum / 2);
	};
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	return polygons.reduce((n, [outer = [], ...holes]) => n + ring(outer) - holes.reduce((m, h) => m + ring(h), 0), 0);
}

const SOURCE = JSON.parse(readFileSync('data/sources/sverige_kommuner_okfse.geojson', 'utf8')) as FeatureCollection<
	Polygon | MultiPolygon,
	{ id: string }
>;
const SOURCE_AREA = new Map(SOURCE.features.map((f) => [f.properties.id, planarArea(f.geometry)]));

/** How far a kommun's area may drift from the source's by simplification, per level of detail. */
const AREA_TOLERANCE: Record<string, number> = { [GEOMETRY_FILES.lan]: 0.02, [GEOMETRY_FILES.sverige]: 0.35 };

let geometry: KommunGeometry;
let ds: Dataset;
beforeAll(async () => {
	geometry = readKommunGeometry(GEOMETRY_FILES.lan);
	ds = (await bundled()).dataset;
});

describe.each(Object.values(GEOMETRY_FILES))('the bundled kommun shapes in %s', (file) => {
	let geometry: KommunGeometry;
	beforeAll(() => {
		geometry = readKommunGeometry(file);
	});

	it('GIVEN the dataset THEN every kommun has exactly one shape and every shape is a kommun of the same län', () => {
		const kommuner = ds.areasOfType('kommun');
		const shapes = new Map(geometry.kommuner.map((k) => [k.properties.id, k]));
		expect(geometry.kommuner).toHaveLength(shapes.size);
		expect([...shapes.keys()].sort()).toEqual(kommuner.map((k) => k.id).sort());
		for (const kommun of kommuner) expect(shapes.get(kommun.id)?.properties.lan, kommun.name).toBe(kommun.lanId);
	});

	it('GIVEN the source boundaries THEN every kommun keeps its area within the tolerance of its level of detail', () => {
		for (const shape of geometry.kommuner) {
			const source = SOURCE_AREA.get(shape.properties.id) ?? 0;
			const drift = Math.abs(planarArea(shape.geometry) / source - 1);
			expect(drift, shape.properties.name).toBeLessThan(AREA_TOLERANCE[file] ?? 0);
		}
	});

	it('GIVEN the rings as d3-geo reads them THEN no kommun covers more than a sliver of the globe (rings rewound)', () => {
		for (const shape of geometry.kommuner) {
			// A wrongly wound ring is read as the whole globe minus the kommun: area near 4π steradians.
			expect(geoArea(shape), shape.properties.name).toBeLessThan(0.001);
			const [[west, south], [east, north]] = geoBounds(shape);
			expect(west).toBeGreaterThan(10);
			expect(east).toBeLessThan(25);
			expect(south).toBeGreaterThan(55);
			expect(north).toBeLessThan(70);
		}
	});
});

describe('the bundled geometry files', () => {
	it('GIVEN both levels of detail THEN together they stay compact', () => {
		const total = Object.values(GEOMETRY_FILES).reduce((n, file) => n + statSync(file).size, 0);
		expect(total).toBeLessThan(300 * 1024);
	});
});

describe('projectMap', () => {
	const box = { width: 600, height: 900 };

	function extent(coords: number[][]): { minX: number; maxX: number; minY: number; maxY: number } {
		const xs = coords.map((p) => p[0] ?? 0);
		const ys = coords.map((p) => p[1] ?? 0);
		return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
	}

	function points(map: ReturnType<typeof projectMap>): number[][] {
		return map.kommuner.flatMap((k) =>
			k.geometry.type === 'Polygon' ? k.geometry.coordinates.flat() : k.geometry.coordinates.flat(2),
		);
	}

	it('GIVEN the whole country THEN the shapes fill the box, north up, with län borders', () => {
		const map = projectMap(geometry, undefined, box);
		expect(map.kommuner).toHaveLength(290);
		expect(map.lanBorders.coordinates.length).toBeGreaterThan(0);
		const e = extent(points(map));
		expect(e.minX).toBeGreaterThanOrEqual(-0.5);
		expect(e.maxX).toBeLessThanOrEqual(box.width + 0.5);
		expect(e.minY).toBeGreaterThanOrEqual(-0.5);
		expect(e.maxY).toBeLessThanOrEqual(box.height + 0.5);
		// Sweden is tall: the fit is limited by the height.
		expect(e.maxY - e.minY).toBeGreaterThan(box.height - 2);
		const kiruna = map.kommuner.find((k) => k.properties.id === '2584');
		const malmo = map.kommuner.find((k) => k.properties.id === '1280');
		const y = (k: typeof kiruna): number => extent(points({ ...map, kommuner: k ? [k] : [] })).minY;
		expect(y(kiruna)).toBeLessThan(y(malmo));
	});

	it('GIVEN one län THEN only its kommuner are shown, zoomed to fill the box, without län borders', () => {
		const map = projectMap(geometry, '0012', box);
		expect(map.kommuner).toHaveLength(33);
		expect(map.kommuner.every((k) => k.properties.lan === '0012')).toBe(true);
		expect(map.lanBorders.coordinates).toHaveLength(0);
		expect(map.outline.coordinates.length).toBeGreaterThan(0);
		const e = extent(points(map));
		// Skåne is wide: the fit is limited by the width.
		expect(e.maxX - e.minX).toBeGreaterThan(box.width - 2);
	});

	it('GIVEN a län without kommuner THEN it throws a RangeError', () => {
		expect(() => projectMap(geometry, '0099', box)).toThrow(RangeError);
	});
});
