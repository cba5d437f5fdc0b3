/**
 * Kommun shapes for maps: read once from the TopoJSON that `npm run build:data` writes, projected
 * with a transverse Mercator centred on 15° E (as SWEREF 99 TM) and fitted to a box, once per
 * län and box size. Drawing then needs no further projection: the projected shapes are planar
 * pixel coordinates that the renderer draws through d3's identity transform.
 */
import { readFileSync } from 'node:fs';
import { geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Where `npm run build:data` writes the kommun shapes (relative to the working directory): with
 * detail for one län zoomed to fill the image, and simplified further for the whole country.
 */
export const GEOMETRY_FILES = {
	lan: 'data/kommuner.topo.json',
	sverige: 'data/kommuner-sverige.topo.json',
} as const;

/** Level of detail of the shapes. */
export type Detail = keyof typeof GEOMETRY_FILES;

/** Properties of a kommun shape. */
export interface KommunShapeProperties {
	/** Kommun code, e.g. "0180". */
	readonly id: string;
	readonly name: string;
	/** Kolada län id, e.g. "0001". */
	readonly lan: string;
}

/** A kommun's shape. */
export type KommunShape = Feature<Polygon | MultiPolygon, KommunShapeProperties>;

/** The kommun topology as `npm run build:data` writes it. */
export type KommunTopology = Topology<{ kommuner: GeometryCollection<KommunShapeProperties> }>;

/** The kommun shapes in longitude/latitude, with the topology their shared borders come from. */
export interface KommunGeometry {
	readonly topology: KommunTopology;
	readonly kommuner: readonly KommunShape[];
}

/** Reads and decodes the kommun shapes from `file`. */
export function readKommunGeometry(file: string = GEOMETRY_FILES.lan): KommunGeometry {
	const topology = JSON.parse(readFileSync(file, 'utf8')) as KommunTopology;
	const collection = feature(topology, topology.objects.kommuner) as FeatureCollection<
		Polygon | MultiPolygon,
		KommunShapeProperties
	>;
	return { topology, kommuner: collection.features };
}

const loaded = new Map<Detail, KommunGeometry>();

/** The kommun shapes at one level of detail, read on first use and kept. */
export function kommunGeometry(detail: Detail = 'lan'): KommunGeometry {
	let geometry = loaded.get(detail);
	if (!geometry) {
		geometry = readKommunGeometry(GEOMETRY_FILES[detail]);
		loaded.set(detail, geometry);
	}
	return geometry;
}

/** A box to fit a map into, in pixels. */
export interface MapBox {
	readonly width: number;
	readonly height: number;
}

/** Shapes projected to pixels inside a {@link MapBox}. */
export interface ProjectedMap {
	readonly box: MapBox;
	/** The shown kommuner, in the order of the geometry file. */
	readonly kommuner: readonly KommunShape[];
	/** Borders between two shown kommuner, each once. */
	readonly inner: MultiLineString;
	/** Borders between kommuner of different län (empty for a map of one län). */
	readonly lanBorders: MultiLineString;
	/** The outer edge of the shown kommuner (coast, national and län border). */
	readonly outline: MultiLineString;
}

/** Sweden as Swedes know it: transverse Mercator on 15° E, as SWEREF 99 TM. */
export function swedishProjection(): GeoProjection {
	return geoTransverseMercator().rotate([-15, 0]);
}

function projectRing(ring: readonly Position[], projection: GeoProjection): Position[] {
	return ring.map((p) => projection([p[0] ?? 0, p[1] ?? 0]) ?? [0, 0]);
}

function projectShape(shape: KommunShape, projection: GeoProjection): KommunShape {
	const g = shape.geometry;
	const geometry: Polygon | MultiPolygon =
		g.type === 'Polygon'
			? { type: 'Polygon', coordinates: g.coordinates.map((r) => projectRing(r, projection)) }
			: { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => projectRing(r, projection))) };
	return { ...shape, geometry };
}

function lanOf(g: { readonly properties?: unknown }): string {
	return (g.properties as KommunShapeProperties).lan;
}

/** Borders of the shown kommuner, as meshes of the topology (shared borders once). */
function bordersOf(topology: KommunTopology, lanId: string | undefined) {
	const object = topology.objects.kommuner;
	const shown = (g: { readonly properties?: unknown }): boolean => lanId === undefined || lanOf(g) === lanId;
	return {
		inner: mesh(topology, object, (a, b) => a !== b && shown(a) && shown(b)),
		lanBorders:
			lanId === undefined
				? mesh(topology, object, (a, b) => a !== b && lanOf(a) !== lanOf(b))
				: ({ type: 'MultiLineString', coordinates: [] } satisfies MultiLineString),
		outline: mesh(topology, object, (a, b) => (a === b ? shown(a) : shown(a) !== shown(b))),
	};
}

function projectLines(lines: MultiLineString, projection: GeoProjection): MultiLineString {
	return { type: 'MultiLineString', coordinates: lines.coordinates.map((line) => projectRing(line, projection)) };
}

/**
 * Projects the kommuner of one län (or all of Sweden) and their borders into `box`, fitted so the
 * shapes fill it. Pure; {@link projectedMap} caches the result.
 *
 * @throws RangeError when no kommun lies in `lanId`.
 */
export function projectMap(geometry: KommunGeometry, lanId: string | undefined, box: MapBox): ProjectedMap {
	const shown = lanId === undefined ? geometry.kommuner : geometry.kommuner.filter((k) => k.properties.lan === lanId);
	if (shown.length === 0) throw new RangeError(`Inga kommunformer för län ${String(lanId)}.`);
	const projection = swedishProjection().fitSize([box.width, box.height], {
		type: 'FeatureCollection',
		features: [...shown],
	});
	const borders = bordersOf(geometry.topology, lanId);
	return {
		box,
		kommuner: shown.map((k) => projectShape(k, projection)),
		inner: projectLines(borders.inner, projection),
		lanBorders: projectLines(borders.lanBorders, projection),
		outline: projectLines(borders.outline, projection),
	};
}

const projected = new Map<string, ProjectedMap>();

/** {@link projectMap} of the bundled shapes, computed once per län and box size. */
export function projectedMap(lanId: string | undefined, box: MapBox): ProjectedMap {
	const key = `${lanId ?? 'riket'}:${box.width}x${box.height}`;
	let map = projected.get(key);
	if (!map) {
		map = projectMap(kommunGeometry(lanId === undefined ? 'sverige' : 'lan'), lanId, box);
		projected.set(key, map);
	}
	return map;
}
