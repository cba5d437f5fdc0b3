/**
 * `npm run build:data [-- --from data/sources --out data/db.json]`
 *
 * Builds the bundled dataset reproducibly from the public facts and figures in `data/sources/`
 * (each file's origin, date and licence in its README): areas, groupings, the Kolada indicator catalogue for ekonomiskt
 * bistånd, the published ÖJ survey figures (2020 fact sheet Tabell 1–3 and other national
 * figures), and real municipal register values (Regionfakta, Stockholms stad). Nothing is invented:
 * every value carries its provenance, and the same inputs give the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { KEYWORDS } from '../src/dataset/curation.js';
import { indicatorFromKpi } from '../src/dataset/infer.js';
import type {
	Area,
	DatasetFile,
	Fact,
	Gender,
	Grouping,
	Indicator,
	Measure,
	Point,
	Provenance,
	Series,
} from '../src/dataset/schema.js';
import { SCHEMA_VERSION } from '../src/dataset/schema.js';
import { writeDataset } from '../src/dataset/store.js';
import { seriesKey } from '../src/dataset/validate.js';

const OJ_PAGE = 'https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/socialtjanst/ekonomiskt-bistand/';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(name);
	return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const sources = path.resolve(arg('--from', 'data/sources'));
const out = arg('--out', 'data/db.json');

function csv(file: string): Record<string, string>[] {
	return parse(readFileSync(path.join(sources, file), 'utf8'), {
		columns: true,
		skip_empty_lines: true,
		bom: true,
		trim: true,
	});
}

function json(file: string): unknown {
	return JSON.parse(readFileSync(path.join(sources, file), 'utf8'));
}

function need<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`saknas i källdata: ${what}`);
	return value;
}

function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

// --- provenance ------------------------------------------------------------------------------

const provenance: Provenance[] = [];
const provByKey = new Map<string, number>();

function prov(p: Omit<Provenance, 'id'>): number {
	const key = JSON.stringify(p);
	const existing = provByKey.get(key);
	if (existing !== undefined) return existing;
	const id = provenance.length;
	provenance.push({ id, ...p });
	provByKey.set(key, id);
	return id;
}

const P = {
	koladaMeta: prov({
		kind: 'kolada',
		title: 'Kolada API v3: nyckeltal (kpi), kommuner och kommungrupper, ögonblicksbilder 2024-04-06–2026-03-23',
		attribution: 'Källa: Kolada',
		url: 'https://api.kolada.se/v3/',
		date: '2026-03-23',
	}),
	koladaLiknande: prov({
		kind: 'kolada',
		title: 'Kolada: Liknande kommuner ekonomiskt bistånd, 2023',
		attribution: 'Källa: Kolada',
		url: 'https://api.kolada.se/v3/municipality_groups',
		date: '2026-03-23',
	}),
	skrKommungrupp2023: prov({
		kind: 'skr',
		title: 'SKR:s kommungruppsindelning 2023 (Kolada:s kommungrupper)',
		attribution: 'Källa: SKR, kommungruppsindelning 2023',
		url: 'https://skr.se/tjanster/kommunerochregioner/faktakommunerochregioner/kommungruppsindelning.2051.html',
	}),
	skrPopulation: prov({
		kind: 'skr',
		title: 'Invånare per kommun, avrundat till hundratal (SKR:s dataset kommungrupp 2023)',
		attribution: 'Källa: SKR',
		note: 'Folkmängd omkring 31 december 2020, avrundad till hundratal.',
	}),
	factSheetTable1: prov({
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 1 (riket 2018–2020)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg, procent. Enkät Öppna jämförelser Socialtjänst, kommunundersökning.',
	}),
	factSheetTable2: prov({
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 2 (kommunstorlek)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg 2020, procent, efter antal invånare.',
	}),
	factSheetTable3: prov({
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 3 (SKR:s kommungrupper 2017)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg 2020, procent, SKR:s kommungruppsindelning (2017 års indelning).',
	}),
	factSheetText: prov({
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad (löptext)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
	}),
	skr2021: prov({
		kind: 'socialstyrelsen',
		title: 'SKR: Öppna jämförelser 2020: ekonomiskt bistånd (publicerad 8 april 2021)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020 (via SKR)',
		date: '2021-04-08',
	}),
	skr2017: prov({
		kind: 'socialstyrelsen',
		title: 'SKR: Öppna jämförelser: ekonomiskt bistånd 2017 (publicerad 21 juni 2017)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2017 (via SKR)',
		date: '2017-06-21',
	}),
};

// --- areas -----------------------------------------------------------------------------------

const areas: Area[] = [];
const lanRows = csv('lan.csv');
const kommunRows = csv('kommuner.csv');
const lanIdByCode = new Map(lanRows.map((r) => [need(r.lan_kod, 'lan_kod'), need(r.kolada_id, 'kolada_id')]));

const scbRows = csv('befolkning_scb_2024-12-31_utdrag.csv');
const scbProv = (url: string): number =>
	prov({
		kind: 'scb',
		title: 'SCB: Folkmängd i riket, län och kommuner 31 december 2024',
		attribution: 'Källa: SCB',
		url,
	});
const scbPopulation = new Map(
	scbRows.map((r) => {
		const id =
			r.area_type === 'lan' ? need(lanIdByCode.get(need(r.area_id, 'area_id')), 'län') : need(r.area_id, 'area_id');
		return [
			id,
			{ value: Number(r.folkmangd_2024_12_31), year: 2024, rounded: false, prov: scbProv(need(r.source_url, 'url')) },
		];
	}),
);
const skrPopulation = new Map(
	csv('befolkning_skr_kommungrupp2023_avrundad.csv').map((r) => [
		need(r.kommun_id, 'kommun_id'),
		{ value: Number(r.antal_invanare_avrundat), year: 2020, rounded: true, prov: P.skrPopulation },
	]),
);

const riket = scbPopulation.get('0000');
areas.push({
	id: '0000',
	type: 'riket',
	name: 'Riket',
	altNames: ['Sverige', 'Hela landet'],
	...(riket ? { population: riket } : {}),
});
for (const r of lanRows) {
	const id = need(r.kolada_id, 'kolada_id');
	const population = scbPopulation.get(id);
	areas.push({
		id,
		type: 'lan',
		name: need(r.lan_namn, 'lan_namn'),
		altNames: [need(r.kolada_title, 'kolada_title'), need(r.lan_namn_kort, 'lan_namn_kort'), need(r.lan_kod, 'kod')],
		...(population ? { population } : {}),
	});
}
for (const r of kommunRows) {
	const id = need(r.kommun_id, 'kommun_id');
	const official = need(r.kommun_namn_officiellt, 'officiellt namn');
	const population = scbPopulation.get(id) ?? skrPopulation.get(id);
	areas.push({
		id,
		type: 'kommun',
		name: need(r.kommun_namn, 'kommun_namn'),
		altNames: [...new Set([official, official.replace(/ kommun$/, ' stad')])],
		lanId: need(r.kolada_region_id, 'kolada_region_id'),
		...(population ? { population } : {}),
	});
}
const kommunIds = new Set(kommunRows.map((r) => need(r.kommun_id, 'kommun_id')));
if (kommunIds.size !== 290) throw new Error(`väntade 290 kommuner, fick ${kommunIds.size}`);

const sdoRows = csv('stockholm_stadsdelsomraden_ekonomiskt_bistand_2017.csv');
const stadsdelId = (name: string): string => (name === 'Hela staden' ? '0180' : `0180-${slug(name)}`);
for (const r of sdoRows) {
	const name = need(r.stadsdelsomrade, 'stadsdelsomrade');
	if (r.omradestyp === 'kommun') continue;
	areas.push({
		id: stadsdelId(name),
		type: 'stadsdel',
		name,
		altNames: [`${name} stadsdelsområde`],
		lanId: '0001',
		parentId: '0180',
		note:
			r.omradestyp === 'stadsdelsomradesgrupp'
				? 'grupp av stadsdelsområden i Stockholm'
				: 'stadsdelsområde i Stockholm (indelning 2017)',
	});
}

// --- groupings -------------------------------------------------------------------------------

const groupings: Grouping[] = [];
const kg2023 = csv('skr_kommungrupp_2023.csv');
const kgCodes = [...new Set(kg2023.map((r) => need(r.kommungrupp_kod, 'kod')))].sort();
groupings.push({
	id: 'kommungrupp2023',
	family: 'kommungrupp',
	title: 'SKR:s kommungrupper (2023 års indelning)',
	description: 'Nio kommungrupper efter struktur: storstäder, pendlingskommuner, landsbygd m.m.',
	structure: 'partition',
	hasMembers: true,
	year: 2023,
	prov: P.skrKommungrupp2023,
	groups: kgCodes.map((code) => {
		const rows = kg2023.filter((r) => r.kommungrupp_kod === code);
		const first = need(rows[0], code);
		return {
			id: `KG2023-${code}`,
			code,
			name: need(first.kommungrupp_namn, 'namn'),
			members: rows.map((r) => need(r.kommun_id, 'kommun_id')).sort(),
			koladaId: need(first.kolada_group_id, 'kolada_group_id'),
		};
	}),
});

const factSheet = json('oj-2020-tables.json') as {
	tabell1_riket: { years: number[]; rows: { indicator: string; values: number[] }[] };
	tabell2_storleksklass_2020: { columns: string[]; rows: { group: string; values: number[] }[] };
	tabell3_skr_kommungrupp_2020: { columns: string[]; rows: { group: string; values: number[] }[] };
	other_national_2019_2020: { indicator: string; year: number; value: number }[];
};

const kg2017Rows = factSheet.tabell3_skr_kommungrupp_2020.rows.filter((r) => r.group !== 'Riket');
groupings.push({
	id: 'kommungrupp2017',
	family: 'kommungrupp',
	title: 'SKR:s kommungrupper (2017 års indelning)',
	description:
		'Indelningen som Öppna jämförelser 2020 redovisar. Medlemslistan ingår inte i datasetet, så bara publicerade siffror visas.',
	structure: 'partition',
	hasMembers: false,
	year: 2017,
	prov: P.factSheetTable3,
	groups: kg2017Rows.map((r) => {
		const match = need(/^([ABC]\d)\.\s*(.+)$/.exec(r.group) ?? undefined, `kommungrupp ${r.group}`);
		const code = need(match[1], 'kod');
		return { id: `KG2017-${code}`, code, name: need(match[2], 'namn').trim(), members: [], areaId: `KG2017-${code}` };
	}),
});

const sizeRows = kommunRows.map((r) => ({
	id: need(r.kommun_id, 'id'),
	label: need(r.kolada_storleksklass, 'storleksklass'),
	group: need(r.kolada_storleksklass_group_id, 'grupp'),
}));
const sizeLower = (label: string): number => Number(/(\d[\d ]*)/.exec(label)?.[1]?.replace(/ /g, '') ?? '0');
const sizeLabels = [...new Set(sizeRows.map((r) => r.label))].sort((a, b) => sizeLower(a) - sizeLower(b));
groupings.push({
	id: 'storleksklass',
	family: 'storlek',
	title: 'Kommunstorlek (Kolada:s storleksklasser)',
	description: 'Nio klasser efter antal invånare, som Kolada:s grupper ”Kommuner med … invånare”.',
	structure: 'partition',
	hasMembers: true,
	prov: P.koladaMeta,
	groups: sizeLabels.map((label, i) => {
		const rows = sizeRows.filter((r) => r.label === label);
		return {
			id: `SK-${i + 1}`,
			code: String(i + 1),
			name: `${label} invånare`,
			members: rows.map((r) => r.id).sort(),
			koladaId: need(rows[0], label).group,
		};
	}),
});

const ojSizeRows = factSheet.tabell2_storleksklass_2020.rows.filter((r) => r.group !== 'Riket');
groupings.push({
	id: 'storleksklass_oj2020',
	family: 'storlek',
	title: 'Kommunstorlek i Öppna jämförelser 2020',
	description: 'Fem klasser efter antal invånare som faktabladet 2020 redovisar. Bara publicerade siffror finns.',
	structure: 'partition',
	hasMembers: false,
	year: 2020,
	prov: P.factSheetTable2,
	groups: ojSizeRows.map((r, i) => ({
		id: `OJSK-${i + 1}`,
		code: String(i + 1),
		name: `${r.group} invånare`,
		members: [],
		areaId: `OJSK-${i + 1}`,
	})),
});

const municipalityGroups = csv('kolada_municipality_groups.csv');
const lanGroupIds = new Map<string, string>();
for (const r of municipalityGroups) {
	const match = /^(.+) läns kommuner \(ovägt medel\)$/.exec(need(r.group_title, 'titel'));
	if (match) lanGroupIds.set(`${need(match[1], 'län')} län`, need(r.group_id, 'id'));
}
groupings.push({
	id: 'lan',
	family: 'lan',
	title: 'Län',
	description: 'Kommunerna i varje län (ovägt medel av kommunerna).',
	structure: 'partition',
	hasMembers: true,
	prov: P.koladaMeta,
	groups: lanRows.map((l) => {
		const lanId = need(l.kolada_id, 'id');
		const name = need(l.lan_namn, 'namn');
		const koladaId = lanGroupIds.get(name);
		return {
			id: `LAN-${lanId}`,
			code: need(l.lan_kod, 'kod'),
			name,
			members: kommunRows.filter((k) => k.kolada_region_id === lanId).map((k) => need(k.kommun_id, 'id')),
			lanId,
			...(koladaId ? { koladaId } : {}),
		};
	}),
});

const liknande = csv('kolada_liknande_kommuner_ekonomiskt_bistand_2023.csv');
const liknandeByKommun = new Map<string, Record<string, string>[]>();
for (const r of liknande) {
	const list = liknandeByKommun.get(need(r.kommun_id, 'id')) ?? [];
	list.push(r);
	liknandeByKommun.set(need(r.kommun_id, 'id'), list);
}
groupings.push({
	id: 'liknande_eb',
	family: 'liknande',
	title: 'Liknande kommuner ekonomiskt bistånd (Kolada, 2023)',
	description: 'Sju kommuner med liknande förutsättningar för ekonomiskt bistånd, per kommun (Kolada:s likhetsurval).',
	structure: 'peers',
	hasMembers: true,
	year: 2023,
	prov: P.koladaLiknande,
	groups: [...liknandeByKommun.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([kommun, rows]) => ({
			id: `LIK-${kommun}`,
			name: `Liknande kommuner som ${need(rows[0], kommun).kommun_namn ?? kommun}`,
			members: rows
				.sort((a, b) => Number(a.member_order) - Number(b.member_order))
				.map((r) => need(r.member_id, 'member_id')),
			focusId: kommun,
			koladaId: need(rows[0], kommun).kolada_group_id ?? '',
		})),
});
if (liknandeByKommun.size !== 290)
	throw new Error(`väntade liknande kommuner för 290 kommuner, fick ${liknandeByKommun.size}`);

for (const grouping of groupings) {
	for (const group of grouping.groups) {
		if (group.areaId === undefined) continue;
		areas.push({
			id: group.areaId,
			type: 'grupp',
			name: group.name,
			altNames: group.code ? [`${group.code}. ${group.name}`, `${group.code} ${group.name}`] : [],
			groupingId: grouping.id,
			note: grouping.title,
		});
	}
}

// --- indicators ------------------------------------------------------------------------------

interface CatalogKpi {
	id: string;
	title: string;
	description: string;
	operating_area: string;
	perspective: string;
	municipality_type: string;
	is_divided_by_gender: string | number;
	has_ou_data: string | number;
	publ_period: string;
	publication_date: string;
	prel_publication_date: string;
	snapshots_present: string[];
	in_latest_snapshot: boolean;
}
const catalog = json('kolada_kpi_ekonomiskt_bistand.json') as {
	snapshots: Record<string, string>;
	values: CatalogKpi[];
};
const snapshotDate = (commit: string): string | undefined =>
	/^(\d{4}-\d{2}-\d{2})/.exec(catalog.snapshots[commit] ?? '')?.[1];
const truthy = (v: string | number): boolean => v === 'TRUE' || v === 1 || v === '1';

const indicators: Indicator[] = catalog.values.map((k) => {
	const lastSeen = k.snapshots_present
		.map(snapshotDate)
		.filter((d): d is string => d !== undefined)
		.sort()
		.at(-1);
	return indicatorFromKpi(
		{ ...k, genderSplit: truthy(k.is_divided_by_gender) },
		{
			status: k.in_latest_snapshot ? 'active' : 'removed',
			municipalityType: k.municipality_type,
			operatingArea: k.operating_area,
			perspective: k.perspective,
			...(k.publication_date ? { publicationDate: k.publication_date } : {}),
			...(k.prel_publication_date ? { prelPublicationDate: k.prel_publication_date } : {}),
			...(k.publ_period ? { publPeriod: k.publ_period } : {}),
			hasOuData: truthy(k.has_ou_data),
			...(lastSeen ? { lastSeen } : {}),
		},
	);
});

/** ÖJ survey indicators that the published figures cover but Kolada has no KPI for. */
const ownIndicators: Indicator[] = [
	{
		id: 'OJEB-INDMOTEN',
		title: 'Individuella möten med kvinnan och mannen i hushållet för utredning och planering för egen försörjning',
		shortTitle: 'Individuella möten för utredning och planering',
		description:
			'Erbjuder individuella möten med både kvinnan och mannen i biståndshushåll för utredning och planering för egen försörjning. Indikatorn kan uppnås helt, delvis eller inte alls (ny indikator 2020). Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		kind: 'ordinal',
		unit: 'Helt/Delvis/Inte alls',
		scale: [
			{ code: 2, label: 'Helt' },
			{ code: 1, label: 'Delvis' },
			{ code: 0, label: 'Inte alls' },
		],
		direction: 'higher',
		directionBasis: 'ÖJ-indikator: svaret ”Helt” är den önskade riktningen.',
		source: 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: [...(KEYWORDS['OJEB-INDMOTEN'] ?? [])],
	},
	{
		id: 'OJEB-JURIDISKTSTOD',
		title: 'Har tillgång till juridiskt stöd inom ekonomiskt bistånd',
		shortTitle: 'Tillgång till juridiskt stöd',
		description:
			'Kommunen har tillgång till juridiskt stöd i arbetet med ekonomiskt bistånd. Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		kind: 'yesno',
		unit: 'Ja/Nej',
		scale: [
			{ code: 1, label: 'Ja' },
			{ code: 0, label: 'Nej' },
		],
		direction: 'higher',
		directionBasis: 'ÖJ-indikator: svaret ”Ja” är den önskade riktningen.',
		source: 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: [...(KEYWORDS['OJEB-JURIDISKTSTOD'] ?? [])],
	},
	{
		id: 'OJEB-UPPFGRUPP',
		title: 'Följer upp bidragstagarna på gruppnivå',
		shortTitle: 'Uppföljning av bidragstagare på gruppnivå',
		description:
			'Kommunen följer upp bidragstagarna på gruppnivå (ÖJ 2017). Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		kind: 'yesno',
		unit: 'Ja/Nej',
		scale: [
			{ code: 1, label: 'Ja' },
			{ code: 0, label: 'Nej' },
		],
		direction: 'higher',
		directionBasis: 'ÖJ-indikator: svaret ”Ja” är den önskade riktningen.',
		source: 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: [...(KEYWORDS['OJEB-UPPFGRUPP'] ?? [])],
	},
];
indicators.push(...ownIndicators);
const indicatorIds = new Set(indicators.map((i) => i.id));

// --- values ----------------------------------------------------------------------------------

interface PointInput {
	indicator: string;
	area: string;
	gender?: Gender;
	measure: Measure;
	year: number;
	value: number | null;
	prov: number;
	status?: string;
	ref?: string;
}
const seriesMap = new Map<string, Series>();
const conflicts: string[] = [];

function addPoint(p: PointInput): void {
	if (!indicatorIds.has(p.indicator)) throw new Error(`okänd indikator ${p.indicator}`);
	const base = { indicator: p.indicator, area: p.area, gender: p.gender ?? 'T', measure: p.measure };
	const key = seriesKey(base);
	const series = seriesMap.get(key) ?? { ...base, points: [] };
	seriesMap.set(key, series);
	const existing = series.points.find((pt) => pt[0] === p.year);
	if (existing) {
		if (existing[1] !== p.value) {
			conflicts.push(
				`${key} ${p.year}: ${String(existing[1])} (källa ${existing[2]}) ≠ ${String(p.value)} (källa ${p.prov})`,
			);
		}
		return;
	}
	const point: Point =
		p.ref !== undefined
			? [p.year, p.value, p.prov, p.status ?? '', p.ref]
			: p.status !== undefined
				? [p.year, p.value, p.prov, p.status]
				: [p.year, p.value, p.prov];
	series.points.push(point);
}

// Tabell 1: riket, 2018–2020.
const TABLE1: Record<string, string> = {
	'Erbjuder enklare hushållsekonomisk rådgivning': 'U31484',
	'Uppsökande verksamhet för akut hemlösa': 'U30426',
	'Uppsökande verksamhet för de som riskerar förlora sitt boende': 'U30427',
	'Aktuell rutin för att förhindra avhysning av barnfamiljer med hyresskuld': 'U31491',
};
for (const row of factSheet.tabell1_riket.rows) {
	const indicator = need(TABLE1[row.indicator], `Tabell 1: ${row.indicator}`);
	factSheet.tabell1_riket.years.forEach((year, i) => {
		addPoint({
			indicator,
			area: '0000',
			measure: 'share',
			year,
			value: need(row.values[i], 'värde'),
			prov: P.factSheetTable1,
			ref: `Tabell 1, ${row.indicator}`,
		});
	});
}

// Tabell 2 and 3: columns in the published order, checked against their headings.
const TABLE2 = [
	['Genomfört systematisk uppföljning uppdelat på kön', 'U31489'],
	['Använt resultat från systematisk uppföljning uppdelat på kön till verksamhetsutveckling', 'U31490'],
	['Individuella möten för utredning och planering', 'OJEB-INDMOTEN'],
] as const;
const TABLE3 = [
	['Aktuell, skriftlig och beslutad rutin vid indikation på att en vuxen utsatts för våld', 'U37535'],
	['Använder standardiserade bedömningsmetoden FREDA-kortfrågor', 'U31509'],
	['Aktuell, skriftlig och beslutad rutin för att inte röja skyddade personuppgifter', 'U31497'],
] as const;

function addTable(
	table: { columns: string[]; rows: { group: string; values: number[] }[] },
	columns: readonly (readonly [string, string])[],
	areaOf: (group: string, index: number) => string,
	provId: number,
	label: string,
): void {
	columns.forEach(([heading, indicator], c) => {
		if (table.columns[c] !== heading)
			throw new Error(`${label}: kolumn ${c + 1} är "${table.columns[c] ?? ''}", väntade "${heading}"`);
		table.rows.forEach((row, r) => {
			addPoint({
				indicator,
				area: areaOf(row.group, r),
				measure: 'share',
				year: 2020,
				value: need(row.values[c], 'värde'),
				prov: provId,
				ref: `${label}, ${row.group}`,
			});
		});
	});
}
addTable(
	factSheet.tabell2_storleksklass_2020,
	TABLE2,
	(g, i) => (g === 'Riket' ? '0000' : `OJSK-${i + 1}`),
	P.factSheetTable2,
	'Tabell 2',
);
addTable(
	factSheet.tabell3_skr_kommungrupp_2020,
	TABLE3,
	(g) => (g === 'Riket' ? '0000' : `KG2017-${need(/^([ABC]\d)\./.exec(g)?.[1], g)}`),
	P.factSheetTable3,
	'Tabell 3',
);

// Other national figures in the seeds (SKR pages 2017 and 2021, the 2020 fact sheet's text).
const OTHER: Record<string, { indicator: string; measure: Measure; prov: number }> = {
	'Använder FREDA-kortfrågor': { indicator: 'U31509', measure: 'share', prov: P.factSheetText },
	'Aktuell, skriftlig och beslutad rutin vid indikation på att en vuxen utsatts för våld': {
		indicator: 'U37535',
		measure: 'share',
		prov: P.factSheetText,
	},
	'Överenskommelse om samverkan i enskilda ärenden med primärvården': {
		indicator: 'U31478',
		measure: 'share',
		prov: P.skr2021,
	},
	'Överenskommelse om samverkan i enskilda ärenden med vuxenpsykiatrin': {
		indicator: 'U31479',
		measure: 'share',
		prov: P.skr2021,
	},
	'Individuella möten för utredning och planering (helt eller delvis)': {
		indicator: 'OJEB-INDMOTEN',
		measure: 'shareAny',
		prov: P.skr2021,
	},
	'Använder bedömningsmetoden DUDIT': { indicator: 'U31511', measure: 'share', prov: P.skr2021 },
	'Erbjuder arbetsmarknadsinsatser i kommunal regi till alla unga inom en månad': {
		indicator: 'U31482',
		measure: 'share',
		prov: P.skr2021,
	},
	'Använt resultat från systematisk uppföljning för verksamhetsutveckling': {
		indicator: 'U31488',
		measure: 'share',
		prov: P.skr2021,
	},
	'Erbjuder enklare hushållsekonomisk rådgivning': { indicator: 'U31484', measure: 'share', prov: P.skr2017 },
	'Har tillgång till juridiskt stöd': { indicator: 'OJEB-JURIDISKTSTOD', measure: 'share', prov: P.skr2017 },
	'Följer upp bidragstagarna på gruppnivå': { indicator: 'OJEB-UPPFGRUPP', measure: 'share', prov: P.skr2017 },
};
for (const row of factSheet.other_national_2019_2020) {
	const map = need(OTHER[row.indicator], `övrig nationell siffra: ${row.indicator}`);
	addPoint({
		indicator: map.indicator,
		area: '0000',
		measure: map.measure,
		year: row.year,
		value: row.value,
		prov: map.prov,
		ref: row.indicator,
	});
}

// National facts from Socialstyrelsen's ÖJ pages: exact figures become values, the rest facts.
interface NationalFact {
	oj_year: number | null;
	data_type: string;
	statement: string;
	value: number | null;
	value_previous?: number;
	unit: string | null;
	related_kpi?: string[];
	source_url: string;
}
const national = json('oj_ekonomiskt_bistand_nationella_fakta.json') as { values: NationalFact[] };
/** Statements whose figures are exact shares of kommuner for one indicator: prefix → indicator, measure. */
const NATIONAL_VALUES: readonly (readonly [string, string, Measure])[] = [
	['73 procent av kommunerna använder bedömningsmetoden FREDA', 'U31509', 'share'],
	['Andelen kommuner med uppsökande verksamhet riktad till personer som riskerar', 'U30427', 'share'],
	['Andelen kommuner som använder en strukturerad utredningsmall', 'U31485', 'share'],
	['40 procent av kommunerna har upprättat en plan mot självförsörjning', 'U31512', 'share'],
	['Andelen kommuner med aktuell, skriftlig och på ledningsnivå beslutad överenskommelse', 'U31476', 'share'],
	['Andelen kommuner med överenskommelse med Arbetsförmedlingen', 'U31476', 'share'],
	['50 procent av kommunerna har upprättat en plan för självförsörjning', 'U31512', 'share'],
	['Andelen kommuner som genomfört separata möten med kvinnan och mannen', 'OJEB-INDMOTEN', 'share'],
];
const facts: Fact[] = [];
for (const f of national.values) {
	const provId = prov({
		kind: f.data_type.startsWith('Kolada') ? 'skr' : 'socialstyrelsen',
		title:
			f.oj_year === null
				? `Webbsida: ${f.source_url}`
				: `Socialstyrelsen: Öppna jämförelser av ekonomiskt bistånd, webbsidan ${f.oj_year}`,
		attribution:
			f.oj_year === null
				? f.data_type.startsWith('Kolada')
					? 'Källa: SKR'
					: 'Källa: Socialstyrelsen'
				: `Källa: Socialstyrelsen, Öppna jämförelser ${f.oj_year}`,
		url: f.source_url,
	});
	const mapping = NATIONAL_VALUES.find(([prefix]) => f.statement.startsWith(prefix));
	if (mapping && f.oj_year !== null && f.value !== null) {
		const [, indicator, measure] = mapping;
		addPoint({ indicator, area: '0000', measure, year: f.oj_year, value: f.value, prov: provId, ref: f.statement });
		if (f.value_previous !== undefined) {
			addPoint({
				indicator,
				area: '0000',
				measure,
				year: f.oj_year - 1,
				value: f.value_previous,
				prov: provId,
				ref: f.statement,
			});
		}
		continue;
	}
	facts.push({
		year: f.oj_year,
		text: f.statement,
		indicators: (f.related_kpi ?? []).filter((id) => indicatorIds.has(id)),
		prov: provId,
	});
}

// Register values from Regionfakta (Socialstyrelsen's statistics).
const REGIONFAKTA: Record<string, string> = {
	bistandshushall_antal: 'N31910',
	utbetalt_ek_bistand_tkr: 'N31857',
	bistandsbelopp_per_hushall_kr: 'N31849',
	kostnad_per_invanare_kr: 'U31001',
};
const regionfaktaProv = (url: string, updated: string | undefined): number => {
	const lan = /regionfakta\.com\/([^/]+)\//i.exec(url)?.[1]?.replace(/-/g, ' ') ?? 'Regionfakta';
	return prov({
		kind: 'regionfakta',
		title: `Regionfakta: Ekonomiskt bistånd (${lan.charAt(0).toUpperCase()}${lan.slice(1).toLowerCase()})`,
		attribution: 'Källa: Socialstyrelsen via Regionfakta',
		url,
		...(updated ? { date: updated } : {}),
	});
};
const areaIdOf = (row: Record<string, string>): string => {
	const id = need(row.area_id, 'area_id');
	if (!areas.some((a) => a.id === id)) throw new Error(`Regionfakta: okänt område ${id}`);
	return id;
};
csv('socialstyrelsen_ekonomiskt_bistand_regionfakta.csv').forEach((r, i) => {
	const provId = regionfaktaProv(need(r.source_url, 'url'), r.source_page_updated);
	for (const [column, indicator] of Object.entries(REGIONFAKTA)) {
		const raw = r[column] ?? '';
		addPoint({
			indicator,
			area: areaIdOf(r),
			measure: 'value',
			year: Number(r.year),
			value: raw === '' ? null : Number(raw),
			prov: provId,
			...(raw === '' ? { status: '..' } : {}),
			ref: `rad ${i + 2}`,
		});
	}
});
csv('socialstyrelsen_ekonomiskt_bistand_regionfakta_tidsserier.csv').forEach((r, i) => {
	const indicator = need(REGIONFAKTA[need(r.metric, 'metric')], `Regionfakta-mått ${r.metric ?? ''}`);
	const raw = r.value ?? '';
	addPoint({
		indicator,
		area: areaIdOf(r),
		measure: 'value',
		year: Number(r.year),
		value: raw === '' ? null : Number(raw),
		prov: regionfaktaProv(need(r.source_url, 'url'), r.source_page_updated),
		...(raw === '' ? { status: '..' } : {}),
		ref: `tidsserie rad ${i + 2}`,
	});
});

// Stockholms stad: city totals 1995–2017 and stadsdelsområden 2017.
const STHLM_TOTALS: Record<string, string> = {
	ekonomiskt_bistand_tkr: 'N31857',
	bistandshushall: 'N31910',
	bistandstagare: 'N31848',
	bistandstagare_pct_av_folkmangden: 'N31807',
	medelbidrag_kr_per_hushall_och_ar: 'N31849',
};
const sthlmTotals = csv('stockholm_stad_ekonomiskt_bistand_1995_2017.csv');
const sthlmProv = (url: string, title: string): number =>
	prov({ kind: 'stockholm', title, attribution: 'Källa: Stockholms stad', url });
for (const r of sthlmTotals) {
	const indicator = STHLM_TOTALS[need(r.metric, 'metric')];
	if (!indicator) continue;
	addPoint({
		indicator,
		area: need(r.kommun_id, 'kommun_id'),
		measure: 'value',
		year: Number(r.year),
		value: Number(r.value),
		prov: sthlmProv(
			need(r.source_url, 'url'),
			'Stockholms stad: Ekonomiskt bistånd 1995–2017 (statistik.stockholm.se, tabell b161)',
		),
		ref: r.metric ?? '',
	});
}
const STHLM_SDO: Record<string, string> = {
	bistandstagare_samtliga: 'N31848',
	andel_av_befolkningen_pct_samtliga: 'N31807',
	bistandstagare_barn: 'N31836',
	andel_av_befolkningen_pct_barn: 'U31803',
	andel_av_befolkningen_pct_18_24: 'U31804',
	bistandstagare_25_29: 'N31839',
	bistandstagare_65plus: 'N31847',
	andel_av_befolkningen_pct_65plus: 'N31882',
};
for (const r of sdoRows) {
	const provId = prov({
		kind: 'stockholm',
		title: 'Stockholms stad: Personer med ekonomiskt bistånd efter ålder och stadsdelsområde 2017 (tabell b021)',
		attribution: 'Källa: Stockholms stad',
		url: need(r.source_url, 'url'),
		note: need(r.source_note, 'not'),
	});
	for (const [column, indicator] of Object.entries(STHLM_SDO)) {
		addPoint({
			indicator,
			area: stadsdelId(need(r.stadsdelsomrade, 'stadsdelsomrade')),
			measure: 'value',
			year: Number(r.year),
			value: Number(need(r[column], column)),
			prov: provId,
			ref: column,
		});
	}
}

if (conflicts.length > 0) {
	throw new Error(`motstridiga värden för samma nyckel:\n  ${conflicts.join('\n  ')}`);
}

// --- assemble --------------------------------------------------------------------------------

const series = [...seriesMap.values()]
	.map((s) => ({ ...s, points: [...s.points].sort((a, b) => a[0] - b[0]) }))
	.sort((a, b) => seriesKey(a).localeCompare(seriesKey(b)));
const pointCount = series.reduce((n, s) => n + s.points.length, 0);
const builtFrom = '2026-03-23';

const dataset: DatasetFile = {
	schemaVersion: SCHEMA_VERSION,
	builtFrom,
	provenance,
	areas,
	groupings,
	indicators: indicators.sort((a, b) => a.id.localeCompare(b.id)),
	series,
	facts,
	imports: [
		{
			kind: 'bundle',
			at: builtFrom,
			summary: {
				områden: areas.length,
				indikatorer: indicators.length,
				serier: series.length,
				värden: pointCount,
				fakta: facts.length,
			},
		},
	],
};

await writeDataset(out, dataset);
console.log(
	`Skrev ${out}: ${areas.length} områden, ${groupings.length} indelningar, ${indicators.length} indikatorer, ${series.length} serier med ${pointCount} värden, ${facts.length} fakta, ${provenance.length} källor.`,
);
