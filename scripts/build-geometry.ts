/**
 * `npm run build:data` (second step) – builds `data/kommuner.topo.json` from the kommun boundaries
 * in `data/sources/` (see its README for provenance).
 *
 * Steps: check the input (290 kommuner with unique 4-digit codes, the län of every kommun among the
 * 21 län of the län file), rewind rings for d3-geo (exterior clockwise, holes counter-clockwise; the
 * input follows RFC 7946, the opposite), build a TopoJSON topology so shared borders are stored
 * once, simplify on the sphere keeping every kommun's largest ring, and quantize. The same input
 * always gives the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { quantize } from 'topojson-client';
import { GEOMETRY_FILES, type KommunShapeProperties } from '../src/charts/map-geometry.js';

const KOMMUNER_FILE = 'data/sources/sverige_kommuner_okfse.geojson';
const LAN_FILE = 'data/sources/sverige_lan_okfse.geojson';

/**
 * Share of the points kept (by spherical weight, `quantile` of topojson-simplify) per level of
 * detail: enough for a län zoomed to fill the image, and far fewer for the whole country, where a
 * pixel is about 1,6 km and every point costs drawing time.
 */
const LEVELS = [
	{ file: GEOMETRY_FILES.lan, keep: 0.8 },
	{ file: GEOMETRY_FILES.sverige, keep: 0.3 },
] as const;
/** Grid of the quantized coordinates per axis. */
const QUANTIZE = 1e5;

type Shape = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** Twice the signed planar area of a ring in lon/lat; positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x1 = 0, y1 = 0] = ring[j] ?? [];
		const [x2 = 0, y2 = 0] = ring[i] ?? [];
		sum += x1 * y2 - x2 * y1;
	}
	return sum;
}

/** A polygon wound as d3-geo expects: exterior clockwise, holes counter-clockwise. */
function rewindPolygon(rings: readonly (readonly Position[])[]): Position[][] {
	return rings.map((ring, i) => {
		const clockwise = signedArea(ring) < 0;
		const wanted = i === 0;
		return clockwise === wanted ? [...ring] : [...ring].reverse();
	});
}

function rewind(feature: Shape): Polygon | MultiPolygon {
	const g = feature.geometry;
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: rewindPolygon(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(rewindPolygon) };
}

function readCollection(file: string): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
	return JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
}

function kommunFeatures(): Feature<Polygon | MultiPolygon, KommunShapeProperties>[] {
	const lanCodes = new Set(readCollection(LAN_FILE).features.map((f) => String(f.properties['l_id']).padStart(2, '0')));
	if (lanCodes.size !== 21) throw new Error(`${LAN_FILE}: väntade 21 län, fick ${lanCodes.size}`);
	const seen = new Set<string>();
	const features = readCollection(KOMMUNER_FILE).features.map((f) => {
		const text = (key: string): string => {
			const value = f.properties[key];
			return typeof value === 'string' ? value : '';
		};
		const id = text('id');
		const name = text('kom_namn');
		const lanCode = text('lan_code');
		if (!/^\d{4}$/.test(id) || seen.has(id)) throw new Error(`${KOMMUNER_FILE}: ogiltig eller dubblerad kod "${id}"`);
		if (!lanCodes.has(lanCode)) throw new Error(`${KOMMUNER_FILE}: ${id} har okänd länskod "${lanCode}"`);
		seen.add(id);
		const properties: KommunShapeProperties = { id, name, lan: `00${lanCode}` };
		return { type: 'Feature' as const, id, properties, geometry: rewind(f) };
	});
	if (features.length !== 290) throw new Error(`${KOMMUNER_FILE}: väntade 290 kommuner, fick ${features.length}`);
	return features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

/** Builds the simplified, quantized topology with one object, `kommuner`, keeping `keep` of the points. */
function buildTopology(keep: number): Topology<{ kommuner: GeometryCollection<KommunShapeProperties> }> {
	const collection: FeatureCollection<Polygon | MultiPolygon, KommunShapeProperties> = {
		type: 'FeatureCollection',
		features: kommunFeatures(),
	};
	const weighted = presimplify(topology({ kommuner: collection }) as Parameters<typeof presimplify>[0]);
	const simplified = simplify(weighted, quantile(weighted, keep));
	// Drops islands too small to see at the map's scale.
	const filtered = filter(simplified, filterWeight(simplified, quantile(weighted, keep)));
	const built = quantize(filtered as Parameters<typeof quantize>[0], QUANTIZE) as Topology<{
		kommuner: GeometryCollection<KommunShapeProperties>;
	}>;
	const kept = built.objects.kommuner.geometries.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon');
	if (kept.length !== collection.features.length)
		throw new Error(`förenklingen tog bort ${collection.features.length - kept.length} kommuner helt`);
	return built;
}

/** The topology as JSON, without the per-point weights that presimplify adds to arc points. */
function serialise(topo: Topology): string {
	return JSON.stringify({ ...topo, arcs: topo.arcs.map((arc) => arc.map((point) => point.slice(0, 2))) });
}

for (const { file, keep } of LEVELS) {
	const topo = buildTopology(keep);
	const text = serialise(topo);
	writeFileSync(file, `${text}\n`);
	console.log(`${file}: ${topo.objects.kommuner.geometries.length} kommuner, ${(text.length / 1024).toFixed(0)} kB`);
}
