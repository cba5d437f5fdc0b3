/**
 * `npm run build:data [-- --from data/sources --out data/db.json]`
 *
 * Builds the bundled dataset reproducibly from the public facts and figures in `data/sources/`
 * (each file's origin, date and licence in its README): areas, groupings, the Kolada indicator catalogue for ekonomiskt
 * bistånd, the published ÖJ survey figures (2020 fact sheet Tabell 1–3 and other national
 * figures), and real municipal register values (Regionfakta, Stockholms stad). Nothing is invented:
 * every value carries its provenance, and the same inputs give the same file.
 *
 * One function per step, run in order by `main()` at the bottom: provenance, areas, groupings,
 * indicators, values, assembly. The order matters: provenance ids are handed out as sources are
 * first met, and the first value of a key wins.
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
import { ANSWER_FAMILIES } from '../src/sources/excel/cells.js';

const OJ_PAGE = 'https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/socialtjanst/ekonomiskt-bistand/';

/** The date the bundled sources were last checked; stamped on the dataset. */
const BUILT_FROM = '2026-03-23';

// --- reading the sources ---------------------------------------------------------------------

type Row = Record<string, string>;

/** The source files of one build, read from one folder. */
interface Sources {
	csv(file: string): Row[];
	json(file: string): unknown;
}

function readSources(dir: string): Sources {
	return {
		csv: (file) =>
			parse(readFileSync(path.join(dir, file), 'utf8'), {
				columns: true,
				skip_empty_lines: true,
				bom: true,
				trim: true,
			}),
		json: (file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown,
	};
}

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(name);
	return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
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

type ProvenanceContent = Omit<Provenance, 'id'>;

/** Every source of the dataset, numbered in the order first met; the same content gets the same id. */
class ProvenanceTable {
	readonly list: Provenance[] = [];
	private readonly byKey = new Map<string, number>();

	add(p: ProvenanceContent): number {
		const key = JSON.stringify(p);
		const existing = this.byKey.get(key);
		if (existing !== undefined) return existing;
		const id = this.list.length;
		this.list.push({ id, ...p });
		this.byKey.set(key, id);
		return id;
	}
}

/** The sources every build starts with, in this order (ids 0, 1, …). */
const BASE_PROVENANCE = {
	koladaMeta: {
		kind: 'kolada',
		title: 'Kolada API v3: nyckeltal (kpi), kommuner och kommungrupper, ögonblicksbilder 2024-04-06–2026-03-23',
		attribution: 'Källa: Kolada',
		url: 'https://api.kolada.se/v3/',
		date: '2026-03-23',
	},
	koladaLiknande: {
		kind: 'kolada',
		title: 'Kolada: Liknande kommuner ekonomiskt bistånd, 2023',
		attribution: 'Källa: Kolada',
		url: 'https://api.kolada.se/v3/municipality_groups',
		date: '2026-03-23',
	},
	skrKommungrupp2023: {
		kind: 'skr',
		title: 'SKR:s kommungruppsindelning 2023 (Kolada:s kommungrupper)',
		attribution: 'Källa: SKR, kommungruppsindelning 2023',
		url: 'https://skr.se/tjanster/kommunerochregioner/faktakommunerochregioner/kommungruppsindelning.2051.html',
	},
	skrPopulation: {
		kind: 'skr',
		title: 'Invånare per kommun, avrundat till hundratal (SKR:s dataset kommungrupp 2023)',
		attribution: 'Källa: SKR',
		note: 'Folkmängd omkring 31 december 2020, avrundad till hundratal.',
	},
	factSheetTable1: {
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 1 (riket 2018–2020)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg, procent. Enkät Öppna jämförelser Socialtjänst, kommunundersökning.',
	},
	factSheetTable2: {
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 2 (kommunstorlek)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg 2020, procent, efter antal invånare.',
	},
	factSheetTable3: {
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad, Tabell 3 (SKR:s kommungrupper 2017)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
		note: 'Andel kommuner och stadsdelar i Stockholm och Göteborg 2020, procent, SKR:s kommungruppsindelning (2017 års indelning).',
	},
	factSheetText: {
		kind: 'socialstyrelsen',
		title: 'Öppna jämförelser 2020 – Ekonomiskt bistånd, faktablad (löptext)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020',
		url: OJ_PAGE,
	},
	skr2021: {
		kind: 'socialstyrelsen',
		title: 'SKR: Öppna jämförelser 2020: ekonomiskt bistånd (publicerad 8 april 2021)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2020 (via SKR)',
		date: '2021-04-08',
	},
	skr2017: {
		kind: 'socialstyrelsen',
		title: 'SKR: Öppna jämförelser: ekonomiskt bistånd 2017 (publicerad 21 juni 2017)',
		attribution: 'Källa: Socialstyrelsen, Öppna jämförelser 2017 (via SKR)',
		date: '2017-06-21',
	},
} satisfies Record<string, ProvenanceContent>;

type BaseProvenance = Record<keyof typeof BASE_PROVENANCE, number>;

function registerBaseProvenance(provs: ProvenanceTable): BaseProvenance {
	const entries = Object.entries(BASE_PROVENANCE).map(([name, p]) => [name, provs.add(p)]);
	return Object.fromEntries(entries) as BaseProvenance;
}

// --- the build's inputs ----------------------------------------------------------------------

interface FactSheetTable {
	columns: string[];
	rows: { group: string; values: number[] }[];
}

/** The published figures of the 2020 fact sheet and other national figures. */
interface FactSheet {
	tabell1_riket: { years: number[]; rows: { indicator: string; values: number[] }[] };
	tabell2_storleksklass_2020: FactSheetTable;
	tabell3_skr_kommungrupp_2020: FactSheetTable;
	other_national_2019_2020: { indicator: string; year: number; value: number }[];
}

/** What every step reads: the sources, the provenance table and the files several steps share. */
interface Build {
	readonly src: Sources;
	readonly provs: ProvenanceTable;
	readonly P: BaseProvenance;
	readonly factSheet: FactSheet;
	readonly lanRows: Row[];
	readonly kommunRows: Row[];
	/** Stockholm's stadsdelsområden 2017 with their figures. */
	readonly sdoRows: Row[];
}

function startBuild(sourceDir: string): Build {
	const src = readSources(sourceDir);
	const provs = new ProvenanceTable();
	return {
		src,
		provs,
		P: registerBaseProvenance(provs),
		factSheet: src.json('oj-2020-tables.json') as FactSheet,
		lanRows: src.csv('lan.csv'),
		kommunRows: src.csv('kommuner.csv'),
		sdoRows: src.csv('stockholm_stadsdelsomraden_ekonomiskt_bistand_2017.csv'),
	};
}

// --- areas -----------------------------------------------------------------------------------

type Population = NonNullable<Area['population']>;

/** SCB's population of riket, län and kommuner (31 December 2024). */
function scbPopulation(b: Build): Map<string, Population> {
	const lanIdByCode = new Map(b.lanRows.map((r) => [need(r.lan_kod, 'lan_kod'), need(r.kolada_id, 'kolada_id')]));
	return new Map(
		b.src.csv('befolkning_scb_2024-12-31_utdrag.csv').map((r) => {
			const id =
				r.area_type === 'lan' ? need(lanIdByCode.get(need(r.area_id, 'area_id')), 'län') : need(r.area_id, 'area_id');
			const prov = b.provs.add({
				kind: 'scb',
				title: 'SCB: Folkmängd i riket, län och kommuner 31 december 2024',
				attribution: 'Källa: SCB',
				url: need(r.source_url, 'url'),
			});
			return [id, { value: Number(r.folkmangd_2024_12_31), year: 2024, rounded: false, prov }];
		}),
	);
}

/** SKR's rounded population per kommun (2020), for kommuner SCB's extract lacks. */
function skrPopulation(b: Build): Map<string, Population> {
	return new Map(
		b.src
			.csv('befolkning_skr_kommungrupp2023_avrundad.csv')
			.map((r) => [
				need(r.kommun_id, 'kommun_id'),
				{ value: Number(r.antal_invanare_avrundat), year: 2020, rounded: true, prov: b.P.skrPopulation },
			]),
	);
}

function riketAndLan(b: Build, scb: ReadonlyMap<string, Population>): Area[] {
	const riket = scb.get('0000');
	const areas: Area[] = [
		{
			id: '0000',
			type: 'riket',
			name: 'Riket',
			altNames: ['Sverige', 'Hela landet'],
			...(riket ? { population: riket } : {}),
		},
	];
	for (const r of b.lanRows) {
		const id = need(r.kolada_id, 'kolada_id');
		const population = scb.get(id);
		areas.push({
			id,
			type: 'lan',
			name: need(r.lan_namn, 'lan_namn'),
			altNames: [need(r.kolada_title, 'kolada_title'), need(r.lan_namn_kort, 'lan_namn_kort'), need(r.lan_kod, 'kod')],
			...(population ? { population } : {}),
		});
	}
	return areas;
}

function kommunAreas(b: Build, scb: ReadonlyMap<string, Population>): Area[] {
	const skr = skrPopulation(b);
	const areas = b.kommunRows.map((r): Area => {
		const id = need(r.kommun_id, 'kommun_id');
		const official = need(r.kommun_namn_officiellt, 'officiellt namn');
		const population = scb.get(id) ?? skr.get(id);
		return {
			id,
			type: 'kommun',
			name: need(r.kommun_namn, 'kommun_namn'),
			altNames: [...new Set([official, official.replace(/ kommun$/, ' stad')])],
			lanId: need(r.kolada_region_id, 'kolada_region_id'),
			...(population ? { population } : {}),
		};
	});
	const kommunIds = new Set(areas.map((a) => a.id));
	if (kommunIds.size !== 290) throw new Error(`väntade 290 kommuner, fick ${kommunIds.size}`);
	return areas;
}

/** The area id of a stadsdelsområde in Stockholm's 2017 figures ("Hela staden" is the kommun). */
function stadsdelId(name: string): string {
	return name === 'Hela staden' ? '0180' : `0180-${slug(name)}`;
}

function stockholmStadsdelar(b: Build): Area[] {
	return b.sdoRows
		.filter((r) => r.omradestyp !== 'kommun')
		.map((r): Area => {
			const name = need(r.stadsdelsomrade, 'stadsdelsomrade');
			return {
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
			};
		});
}

interface StadsdelFacts {
	sources: Record<string, { title: string; url: string; statement: string }>;
	areas: { name: string; kommun: string; note: string; predecessors: string[]; source: string }[];
}

/**
 * Stadsdelar named today but without figures of their own (Järva, Nordost, Angered …), each with
 * the areas it was formed from. Added to `areas`.
 */
function addNamedStadsdelar(b: Build, areas: Area[]): void {
	const facts = b.src.json('stadsdelar.json') as StadsdelFacts;
	const stadsdelSlug = (kommun: string, name: string): string => `${kommun}-${slug(name)}`;
	for (const s of facts.areas) {
		const kommun = need(
			areas.find((a) => a.id === s.kommun),
			`kommun ${s.kommun}`,
		);
		const source = need(facts.sources[s.source], `källa ${s.source}`);
		const id = stadsdelSlug(s.kommun, s.name);
		if (areas.some((a) => a.id === id)) throw new Error(`stadsdel ${id} finns redan`);
		areas.push({
			id,
			type: 'stadsdel',
			name: s.name,
			altNames: [],
			...(kommun.lanId === undefined ? {} : { lanId: kommun.lanId }),
			parentId: s.kommun,
			note: s.note,
			predecessors: s.predecessors.map((p) => stadsdelSlug(s.kommun, p)),
			prov: b.provs.add({
				kind: 'other',
				title: source.title,
				attribution: `Källa: ${source.title}`,
				url: source.url,
				note: source.statement,
			}),
		});
	}
}

function checkPredecessors(areas: readonly Area[]): void {
	for (const a of areas) {
		for (const p of a.predecessors ?? []) {
			if (!areas.some((b) => b.id === p)) throw new Error(`${a.name}: okänt föregående område ${p}`);
		}
	}
}

/** Riket, län, kommuner and stadsdelar (the groups' own areas come with the groupings). */
function buildAreas(b: Build): Area[] {
	const scb = scbPopulation(b);
	const areas = [...riketAndLan(b, scb), ...kommunAreas(b, scb), ...stockholmStadsdelar(b)];
	addNamedStadsdelar(b, areas);
	checkPredecessors(areas);
	return areas;
}

// --- groupings -------------------------------------------------------------------------------

function kommungrupp2023(b: Build): Grouping {
	const rows = b.src.csv('skr_kommungrupp_2023.csv');
	const codes = [...new Set(rows.map((r) => need(r.kommungrupp_kod, 'kod')))].sort();
	return {
		id: 'kommungrupp2023',
		family: 'kommungrupp',
		title: 'SKR:s kommungrupper (2023 års indelning)',
		description: 'Nio kommungrupper efter struktur: storstäder, pendlingskommuner, landsbygd m.m.',
		structure: 'partition',
		hasMembers: true,
		year: 2023,
		prov: b.P.skrKommungrupp2023,
		groups: codes.map((code) => {
			const members = rows.filter((r) => r.kommungrupp_kod === code);
			const first = need(members[0], code);
			return {
				id: `KG2023-${code}`,
				code,
				name: need(first.kommungrupp_namn, 'namn'),
				members: members.map((r) => need(r.kommun_id, 'kommun_id')).sort(),
				koladaId: need(first.kolada_group_id, 'kolada_group_id'),
			};
		}),
	};
}

function kommungrupp2017(b: Build): Grouping {
	const rows = b.factSheet.tabell3_skr_kommungrupp_2020.rows.filter((r) => r.group !== 'Riket');
	return {
		id: 'kommungrupp2017',
		family: 'kommungrupp',
		title: 'SKR:s kommungrupper (2017 års indelning)',
		description:
			'Indelningen som Öppna jämförelser 2020 redovisar. Medlemslistan ingår inte i datasetet, så bara publicerade siffror visas.',
		structure: 'partition',
		hasMembers: false,
		year: 2017,
		prov: b.P.factSheetTable3,
		groups: rows.map((r) => {
			const match = need(/^([ABC]\d)\.\s*(.+)$/.exec(r.group) ?? undefined, `kommungrupp ${r.group}`);
			const code = need(match[1], 'kod');
			return { id: `KG2017-${code}`, code, name: need(match[2], 'namn').trim(), members: [], areaId: `KG2017-${code}` };
		}),
	};
}

function storleksklass(b: Build): Grouping {
	const sizeRows = b.kommunRows.map((r) => ({
		id: need(r.kommun_id, 'id'),
		label: need(r.kolada_storleksklass, 'storleksklass'),
		group: need(r.kolada_storleksklass_group_id, 'grupp'),
	}));
	const sizeLower = (label: string): number => Number(/(\d[\d ]*)/.exec(label)?.[1]?.replace(/ /g, '') ?? '0');
	const sizeLabels = [...new Set(sizeRows.map((r) => r.label))].sort((x, y) => sizeLower(x) - sizeLower(y));
	return {
		id: 'storleksklass',
		family: 'storlek',
		title: 'Kommunstorlek (Kolada:s storleksklasser)',
		description: 'Nio klasser efter antal invånare, som Kolada:s grupper ”Kommuner med … invånare”.',
		structure: 'partition',
		hasMembers: true,
		prov: b.P.koladaMeta,
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
	};
}

function storleksklassOj2020(b: Build): Grouping {
	const rows = b.factSheet.tabell2_storleksklass_2020.rows.filter((r) => r.group !== 'Riket');
	return {
		id: 'storleksklass_oj2020',
		family: 'storlek',
		title: 'Kommunstorlek i Öppna jämförelser 2020',
		description: 'Fem klasser efter antal invånare som faktabladet 2020 redovisar. Bara publicerade siffror finns.',
		structure: 'partition',
		hasMembers: false,
		year: 2020,
		prov: b.P.factSheetTable2,
		groups: rows.map((r, i) => ({
			id: `OJSK-${i + 1}`,
			code: String(i + 1),
			name: `${r.group} invånare`,
			members: [],
			areaId: `OJSK-${i + 1}`,
		})),
	};
}

function lanGrouping(b: Build): Grouping {
	const lanGroupIds = new Map<string, string>();
	for (const r of b.src.csv('kolada_municipality_groups.csv')) {
		const match = /^(.+) läns kommuner \(ovägt medel\)$/.exec(need(r.group_title, 'titel'));
		if (match) lanGroupIds.set(`${need(match[1], 'län')} län`, need(r.group_id, 'id'));
	}
	return {
		id: 'lan',
		family: 'lan',
		title: 'Län',
		description: 'Kommunerna i varje län (ovägt medel av kommunerna).',
		structure: 'partition',
		hasMembers: true,
		prov: b.P.koladaMeta,
		groups: b.lanRows.map((l) => {
			const lanId = need(l.kolada_id, 'id');
			const name = need(l.lan_namn, 'namn');
			const koladaId = lanGroupIds.get(name);
			return {
				id: `LAN-${lanId}`,
				code: need(l.lan_kod, 'kod'),
				name,
				members: b.kommunRows.filter((k) => k.kolada_region_id === lanId).map((k) => need(k.kommun_id, 'id')),
				lanId,
				...(koladaId ? { koladaId } : {}),
			};
		}),
	};
}

function liknandeGrouping(b: Build): Grouping {
	const byKommun = new Map<string, Row[]>();
	for (const r of b.src.csv('kolada_liknande_kommuner_ekonomiskt_bistand_2023.csv')) {
		const list = byKommun.get(need(r.kommun_id, 'id')) ?? [];
		list.push(r);
		byKommun.set(need(r.kommun_id, 'id'), list);
	}
	if (byKommun.size !== 290) throw new Error(`väntade liknande kommuner för 290 kommuner, fick ${byKommun.size}`);
	return {
		id: 'liknande_eb',
		family: 'liknande',
		title: 'Liknande kommuner ekonomiskt bistånd (Kolada, 2023)',
		description:
			'Sju kommuner med liknande förutsättningar för ekonomiskt bistånd, per kommun (Kolada:s likhetsurval).',
		structure: 'peers',
		hasMembers: true,
		year: 2023,
		prov: b.P.koladaLiknande,
		groups: [...byKommun.entries()]
			.sort(([x], [y]) => x.localeCompare(y))
			.map(([kommun, rows]) => ({
				id: `LIK-${kommun}`,
				name: `Liknande kommuner som ${need(rows[0], kommun).kommun_namn ?? kommun}`,
				members: rows
					.sort((x, y) => Number(x.member_order) - Number(y.member_order))
					.map((r) => need(r.member_id, 'member_id')),
				focusId: kommun,
				koladaId: need(rows[0], kommun).kolada_group_id ?? '',
			})),
	};
}

function buildGroupings(b: Build): Grouping[] {
	return [
		kommungrupp2023(b),
		kommungrupp2017(b),
		storleksklass(b),
		storleksklassOj2020(b),
		lanGrouping(b),
		liknandeGrouping(b),
	];
}

/** An area for every group that has published figures but no member list (its `areaId`). */
function groupAreas(groupings: readonly Grouping[]): Area[] {
	return groupings.flatMap((grouping) =>
		grouping.groups.flatMap((group): Area[] =>
			group.areaId === undefined
				? []
				: [
						{
							id: group.areaId,
							type: 'grupp',
							name: group.name,
							altNames: group.code ? [`${group.code}. ${group.name}`, `${group.code} ${group.name}`] : [],
							groupingId: grouping.id,
							note: grouping.title,
						},
					],
		),
	);
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

/** The Kolada KPIs of ekonomiskt bistånd, from the catalogue snapshots. */
function catalogIndicators(b: Build): Indicator[] {
	const catalog = b.src.json('kolada_kpi_ekonomiskt_bistand.json') as {
		snapshots: Record<string, string>;
		values: CatalogKpi[];
	};
	const snapshotDate = (commit: string): string | undefined =>
		/^(\d{4}-\d{2}-\d{2})/.exec(catalog.snapshots[commit] ?? '')?.[1];
	const truthy = (v: string | number): boolean => v === 'TRUE' || v === 1 || v === '1';
	return catalog.values.map((k) => {
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
}

/** An ÖJ survey indicator answered on one of the importer's answer scales, its first answer the desired one. */
function surveyIndicator(
	text: Pick<Indicator, 'id' | 'title' | 'shortTitle' | 'description'>,
	unit: 'Ja/Nej' | 'Helt/Delvis/Inte alls',
): Indicator {
	const scale = [...need(ANSWER_FAMILIES.find((f) => f.unit === unit)?.scale, unit)];
	return {
		...text,
		kind: scale.length === 2 ? 'yesno' : 'ordinal',
		unit,
		scale,
		direction: 'higher',
		directionBasis: `ÖJ-indikator: svaret ”${need(scale[0], unit).label}” är den önskade riktningen.`,
		source: 'survey',
		genderSplit: false,
		producer: 'Socialstyrelsen',
		keywords: [...(KEYWORDS[text.id] ?? [])],
	};
}

/** ÖJ survey indicators that the published figures cover but Kolada has no KPI for. */
const OWN_INDICATORS: readonly Indicator[] = [
	surveyIndicator(
		{
			id: 'OJEB-INDMOTEN',
			title: 'Individuella möten med kvinnan och mannen i hushållet för utredning och planering för egen försörjning',
			shortTitle: 'Individuella möten för utredning och planering',
			description:
				'Erbjuder individuella möten med både kvinnan och mannen i biståndshushåll för utredning och planering för egen försörjning. Indikatorn kan uppnås helt, delvis eller inte alls (ny indikator 2020). Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		},
		'Helt/Delvis/Inte alls',
	),
	surveyIndicator(
		{
			id: 'OJEB-JURIDISKTSTOD',
			title: 'Har tillgång till juridiskt stöd inom ekonomiskt bistånd',
			shortTitle: 'Tillgång till juridiskt stöd',
			description:
				'Kommunen har tillgång till juridiskt stöd i arbetet med ekonomiskt bistånd. Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		},
		'Ja/Nej',
	),
	surveyIndicator(
		{
			id: 'OJEB-UPPFGRUPP',
			title: 'Följer upp bidragstagarna på gruppnivå',
			shortTitle: 'Uppföljning av bidragstagare på gruppnivå',
			description:
				'Kommunen följer upp bidragstagarna på gruppnivå (ÖJ 2017). Källa: Socialstyrelsens kommunenkät ÖJ socialtjänst.',
		},
		'Ja/Nej',
	),
];

// Stockholms stad's own statistics define their figures differently from Kolada's KPIs (they count
// persons with LMA-ersättning, "barn" includes older children living at home), so they are kept
// as indicators of their own with the city's definitions, never under a Kolada id.
const STHLM_B161 =
	'Stockholms stads statistik (statistik.stockholm.se, tabell b161: Ekonomiskt bistånd 1995–2017), stadens egen redovisning för hela staden. Inte samma mått som Kolada/Socialstyrelsens nyckeltal med liknande namn.';
const STHLM_B021 =
	'Stockholms stads statistik (statistik.stockholm.se, tabell b021: Personer med ekonomiskt bistånd efter ålder och stadsdelsområde 2017; Stadsledningskontoret/Sweco). Inkl. personer med ersättning enligt LMA, exkl. introduktionsersättning; barn inkl. överåriga hemmavarande barn. Inte samma mått som Kolada/Socialstyrelsens nyckeltal med liknande namn.';
function stockholmIndicator(
	id: string,
	shortTitle: string,
	kind: Indicator['kind'],
	unit: string,
	definition: string,
): Indicator {
	return {
		id,
		title: `${shortTitle} (Stockholms stads statistik)`,
		shortTitle: `${shortTitle} (Stockholms stad)`,
		description: `${shortTitle}. Källa: ${definition}`,
		kind,
		unit,
		direction: null,
		directionBasis: 'Registermått som belyser omfattningen; ingen önskad riktning anges.',
		source: 'register',
		genderSplit: false,
		producer: 'Stockholms stad',
		keywords: ['Stockholms stad', 'Stockholm', 'stadsdelsområde', 'stadsdel'],
	};
}
const STHLM_TOTALS: Record<string, Indicator> = {
	ekonomiskt_bistand_tkr: stockholmIndicator(
		'STHLM-EB-TKR',
		'Utbetalt ekonomiskt bistånd, tkr',
		'kronor',
		'tkr',
		STHLM_B161,
	),
	bistandshushall: stockholmIndicator('STHLM-EB-HUSHALL', 'Biståndshushåll, antal', 'count', 'antal', STHLM_B161),
	bistandstagare: stockholmIndicator('STHLM-EB-TAGARE', 'Biståndstagare, antal', 'count', 'antal', STHLM_B161),
	bistandstagare_pct_av_folkmangden: stockholmIndicator(
		'STHLM-EB-TAGARE-ANDEL',
		'Biståndstagare, andel av folkmängden (%)',
		'percent',
		'%',
		STHLM_B161,
	),
	medelbidrag_kr_per_hushall_och_ar: stockholmIndicator(
		'STHLM-EB-MEDELBIDRAG',
		'Medelbidrag per hushåll och år, kr/hushåll',
		'kronor',
		'kr/hushåll',
		STHLM_B161,
	),
};
const STHLM_SDO: Record<string, Indicator> = {
	bistandstagare_samtliga: stockholmIndicator(
		'STHLM-SDO-PERSONER',
		'Personer med ekonomiskt bistånd, antal',
		'count',
		'antal',
		STHLM_B021,
	),
	andel_av_befolkningen_pct_samtliga: stockholmIndicator(
		'STHLM-SDO-ANDEL',
		'Personer med ekonomiskt bistånd, andel av befolkningen (%)',
		'percent',
		'%',
		STHLM_B021,
	),
	bistandstagare_barn: stockholmIndicator(
		'STHLM-SDO-BARN',
		'Barn med ekonomiskt bistånd, antal',
		'count',
		'antal',
		STHLM_B021,
	),
	andel_av_befolkningen_pct_barn: stockholmIndicator(
		'STHLM-SDO-BARN-ANDEL',
		'Barn med ekonomiskt bistånd, andel av barnen (%)',
		'percent',
		'%',
		STHLM_B021,
	),
	andel_av_befolkningen_pct_18_24: stockholmIndicator(
		'STHLM-SDO-18-24-ANDEL',
		'Personer 18–24 år med ekonomiskt bistånd, andel av åldersgruppen (%)',
		'percent',
		'%',
		STHLM_B021,
	),
	bistandstagare_25_29: stockholmIndicator(
		'STHLM-SDO-25-29',
		'Personer 25–29 år med ekonomiskt bistånd, antal',
		'count',
		'antal',
		STHLM_B021,
	),
	bistandstagare_65plus: stockholmIndicator(
		'STHLM-SDO-65',
		'Personer 65 år och äldre med ekonomiskt bistånd, antal',
		'count',
		'antal',
		STHLM_B021,
	),
	andel_av_befolkningen_pct_65plus: stockholmIndicator(
		'STHLM-SDO-65-ANDEL',
		'Personer 65 år och äldre med ekonomiskt bistånd, andel av åldersgruppen (%)',
		'percent',
		'%',
		STHLM_B021,
	),
};

function buildIndicators(b: Build): Indicator[] {
	return [...catalogIndicators(b), ...OWN_INDICATORS, ...Object.values(STHLM_TOTALS), ...Object.values(STHLM_SDO)];
}

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

/** The series being built: the first value of a key wins, and a different later one is a conflict. */
class SeriesCollector {
	private readonly byKey = new Map<string, Series>();
	private readonly conflicts: string[] = [];

	constructor(private readonly indicatorIds: ReadonlySet<string>) {}

	add(p: PointInput): void {
		if (!this.indicatorIds.has(p.indicator)) throw new Error(`okänd indikator ${p.indicator}`);
		const base = { indicator: p.indicator, area: p.area, gender: p.gender ?? 'T', measure: p.measure };
		const key = seriesKey(base);
		const series = this.byKey.get(key) ?? { ...base, points: [] };
		this.byKey.set(key, series);
		const existing = series.points.find((pt) => pt[0] === p.year);
		if (existing) {
			if (existing[1] !== p.value) {
				this.conflicts.push(
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

	/** Every series with its points by year, sorted by key; throws on any conflict. */
	finish(): Series[] {
		if (this.conflicts.length > 0) {
			throw new Error(`motstridiga värden för samma nyckel:\n  ${this.conflicts.join('\n  ')}`);
		}
		return [...this.byKey.values()]
			.map((s) => ({ ...s, points: [...s.points].sort((x, y) => x[0] - y[0]) }))
			.sort((x, y) => seriesKey(x).localeCompare(seriesKey(y)));
	}
}

// Tabell 1: riket, 2018–2020.
const TABLE1: Record<string, string> = {
	'Erbjuder enklare hushållsekonomisk rådgivning': 'U31484',
	'Uppsökande verksamhet för akut hemlösa': 'U30426',
	'Uppsökande verksamhet för de som riskerar förlora sitt boende': 'U30427',
	'Aktuell rutin för att förhindra avhysning av barnfamiljer med hyresskuld': 'U31491',
};
function addFactSheetTable1(b: Build, values: SeriesCollector): void {
	for (const row of b.factSheet.tabell1_riket.rows) {
		const indicator = need(TABLE1[row.indicator], `Tabell 1: ${row.indicator}`);
		b.factSheet.tabell1_riket.years.forEach((year, i) => {
			values.add({
				indicator,
				area: '0000',
				measure: 'share',
				year,
				value: need(row.values[i], 'värde'),
				prov: b.P.factSheetTable1,
				ref: `Tabell 1, ${row.indicator}`,
			});
		});
	}
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
	values: SeriesCollector,
	table: FactSheetTable,
	columns: readonly (readonly [string, string])[],
	areaOf: (group: string, index: number) => string,
	provId: number,
	label: string,
): void {
	columns.forEach(([heading, indicator], c) => {
		if (table.columns[c] !== heading)
			throw new Error(`${label}: kolumn ${c + 1} är "${table.columns[c] ?? ''}", väntade "${heading}"`);
		table.rows.forEach((row, r) => {
			values.add({
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

function addFactSheetTables(b: Build, values: SeriesCollector): void {
	addFactSheetTable1(b, values);
	addTable(
		values,
		b.factSheet.tabell2_storleksklass_2020,
		TABLE2,
		(g, i) => (g === 'Riket' ? '0000' : `OJSK-${i + 1}`),
		b.P.factSheetTable2,
		'Tabell 2',
	);
	addTable(
		values,
		b.factSheet.tabell3_skr_kommungrupp_2020,
		TABLE3,
		(g) => (g === 'Riket' ? '0000' : `KG2017-${need(/^([ABC]\d)\./.exec(g)?.[1], g)}`),
		b.P.factSheetTable3,
		'Tabell 3',
	);
}

// Other national figures in the seeds (SKR pages 2017 and 2021, the 2020 fact sheet's text).
const OTHER: Record<string, { indicator: string; measure: Measure; prov: keyof BaseProvenance }> = {
	'Använder FREDA-kortfrågor': { indicator: 'U31509', measure: 'share', prov: 'factSheetText' },
	'Aktuell, skriftlig och beslutad rutin vid indikation på att en vuxen utsatts för våld': {
		indicator: 'U37535',
		measure: 'share',
		prov: 'factSheetText',
	},
	'Överenskommelse om samverkan i enskilda ärenden med primärvården': {
		indicator: 'U31478',
		measure: 'share',
		prov: 'skr2021',
	},
	'Överenskommelse om samverkan i enskilda ärenden med vuxenpsykiatrin': {
		indicator: 'U31479',
		measure: 'share',
		prov: 'skr2021',
	},
	'Individuella möten för utredning och planering (helt eller delvis)': {
		indicator: 'OJEB-INDMOTEN',
		measure: 'shareAny',
		prov: 'skr2021',
	},
	'Använder bedömningsmetoden DUDIT': { indicator: 'U31511', measure: 'share', prov: 'skr2021' },
	'Erbjuder arbetsmarknadsinsatser i kommunal regi till alla unga inom en månad': {
		indicator: 'U31482',
		measure: 'share',
		prov: 'skr2021',
	},
	'Använt resultat från systematisk uppföljning för verksamhetsutveckling': {
		indicator: 'U31488',
		measure: 'share',
		prov: 'skr2021',
	},
	'Erbjuder enklare hushållsekonomisk rådgivning': { indicator: 'U31484', measure: 'share', prov: 'skr2017' },
	'Har tillgång till juridiskt stöd': { indicator: 'OJEB-JURIDISKTSTOD', measure: 'share', prov: 'skr2017' },
	'Följer upp bidragstagarna på gruppnivå': { indicator: 'OJEB-UPPFGRUPP', measure: 'share', prov: 'skr2017' },
};
function addOtherNational(b: Build, values: SeriesCollector): void {
	for (const row of b.factSheet.other_national_2019_2020) {
		const map = need(OTHER[row.indicator], `övrig nationell siffra: ${row.indicator}`);
		values.add({
			indicator: map.indicator,
			area: '0000',
			measure: map.measure,
			year: row.year,
			value: row.value,
			prov: b.P[map.prov],
			ref: row.indicator,
		});
	}
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

function nationalFactProvenance(f: NationalFact): ProvenanceContent {
	const bySkr = f.data_type.startsWith('Kolada');
	return {
		kind: bySkr ? 'skr' : 'socialstyrelsen',
		title:
			f.oj_year === null
				? `Webbsida: ${f.source_url}`
				: `Socialstyrelsen: Öppna jämförelser av ekonomiskt bistånd, webbsidan ${f.oj_year}`,
		attribution:
			f.oj_year === null
				? bySkr
					? 'Källa: SKR'
					: 'Källa: Socialstyrelsen'
				: `Källa: Socialstyrelsen, Öppna jämförelser ${f.oj_year}`,
		url: f.source_url,
	};
}

/** Adds the exact national figures as values and returns the other statements as facts. */
function addNationalFacts(b: Build, values: SeriesCollector, indicatorIds: ReadonlySet<string>): Fact[] {
	const national = b.src.json('oj_ekonomiskt_bistand_nationella_fakta.json') as { values: NationalFact[] };
	const facts: Fact[] = [];
	for (const f of national.values) {
		const provId = b.provs.add(nationalFactProvenance(f));
		const mapping = NATIONAL_VALUES.find(([prefix]) => f.statement.startsWith(prefix));
		if (mapping && f.oj_year !== null && f.value !== null) {
			const [, indicator, measure] = mapping;
			const years: [number, number | undefined][] = [
				[f.oj_year, f.value],
				[f.oj_year - 1, f.value_previous],
			];
			for (const [year, value] of years) {
				if (value === undefined) continue;
				values.add({ indicator, area: '0000', measure, year, value, prov: provId, ref: f.statement });
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
	return facts;
}

// Register values from Regionfakta (Socialstyrelsen's statistics).
const REGIONFAKTA: Record<string, string> = {
	bistandshushall_antal: 'N31910',
	utbetalt_ek_bistand_tkr: 'N31857',
	bistandsbelopp_per_hushall_kr: 'N31849',
	kostnad_per_invanare_kr: 'U31001',
};
function regionfaktaProv(b: Build, row: Row): number {
	const url = need(row.source_url, 'url');
	const updated = row.source_page_updated;
	const lan = /regionfakta\.com\/([^/]+)\//i.exec(url)?.[1]?.replace(/-/g, ' ') ?? 'Regionfakta';
	return b.provs.add({
		kind: 'regionfakta',
		title: `Regionfakta: Ekonomiskt bistånd (${lan.charAt(0).toUpperCase()}${lan.slice(1).toLowerCase()})`,
		attribution: 'Källa: Socialstyrelsen via Regionfakta',
		url,
		...(updated ? { date: updated } : {}),
	});
}

/** One Regionfakta figure of `row`; an empty cell is a missing value marked `..`. */
function regionfaktaPoint(
	areas: readonly Area[],
	row: Row,
	indicator: string,
	raw: string,
	prov: number,
	ref: string,
): PointInput {
	const area = need(row.area_id, 'area_id');
	if (!areas.some((a) => a.id === area)) throw new Error(`Regionfakta: okänt område ${area}`);
	return {
		indicator,
		area,
		measure: 'value',
		year: Number(row.year),
		value: raw === '' ? null : Number(raw),
		prov,
		...(raw === '' ? { status: '..' } : {}),
		ref,
	};
}

function addRegionfakta(b: Build, values: SeriesCollector, areas: readonly Area[]): void {
	b.src.csv('socialstyrelsen_ekonomiskt_bistand_regionfakta.csv').forEach((r, i) => {
		const provId = regionfaktaProv(b, r);
		for (const [column, indicator] of Object.entries(REGIONFAKTA)) {
			values.add(regionfaktaPoint(areas, r, indicator, r[column] ?? '', provId, `rad ${i + 2}`));
		}
	});
	b.src.csv('socialstyrelsen_ekonomiskt_bistand_regionfakta_tidsserier.csv').forEach((r, i) => {
		const indicator = need(REGIONFAKTA[need(r.metric, 'metric')], `Regionfakta-mått ${r.metric ?? ''}`);
		values.add(regionfaktaPoint(areas, r, indicator, r.value ?? '', regionfaktaProv(b, r), `tidsserie rad ${i + 2}`));
	});
}

/** Stockholms stad: city totals 1995–2017 and stadsdelsområden 2017. */
function addStockholm(b: Build, values: SeriesCollector): void {
	for (const r of b.src.csv('stockholm_stad_ekonomiskt_bistand_1995_2017.csv')) {
		const indicator = STHLM_TOTALS[need(r.metric, 'metric')]?.id;
		if (!indicator) continue;
		values.add({
			indicator,
			area: need(r.kommun_id, 'kommun_id'),
			measure: 'value',
			year: Number(r.year),
			value: Number(r.value),
			prov: b.provs.add({
				kind: 'stockholm',
				title: 'Stockholms stad: Ekonomiskt bistånd 1995–2017 (statistik.stockholm.se, tabell b161)',
				attribution: 'Källa: Stockholms stad',
				url: need(r.source_url, 'url'),
			}),
			ref: r.metric ?? '',
		});
	}
	for (const r of b.sdoRows) {
		const provId = b.provs.add({
			kind: 'stockholm',
			title: 'Stockholms stad: Personer med ekonomiskt bistånd efter ålder och stadsdelsområde 2017 (tabell b021)',
			attribution: 'Källa: Stockholms stad',
			url: need(r.source_url, 'url'),
			note: need(r.source_note, 'not'),
		});
		for (const [column, indicator] of Object.entries(STHLM_SDO)) {
			values.add({
				indicator: indicator.id,
				area: stadsdelId(need(r.stadsdelsomrade, 'stadsdelsomrade')),
				measure: 'value',
				year: Number(r.year),
				value: Number(need(r[column], column)),
				prov: provId,
				ref: column,
			});
		}
	}
}

/** Every value in source order (the first value of a key wins) and the national facts. */
function buildValues(
	b: Build,
	areas: readonly Area[],
	indicators: readonly Indicator[],
): { series: Series[]; facts: Fact[] } {
	const indicatorIds = new Set(indicators.map((i) => i.id));
	const values = new SeriesCollector(indicatorIds);
	addFactSheetTables(b, values);
	addOtherNational(b, values);
	const facts = addNationalFacts(b, values, indicatorIds);
	addRegionfakta(b, values, areas);
	addStockholm(b, values);
	return { series: values.finish(), facts };
}

// --- assemble --------------------------------------------------------------------------------

function countPoints(series: readonly Series[]): number {
	return series.reduce((n, s) => n + s.points.length, 0);
}

function assemble(
	provenance: Provenance[],
	parts: Pick<DatasetFile, 'areas' | 'groupings' | 'indicators' | 'series' | 'facts'>,
): DatasetFile {
	const { areas, indicators, series, facts } = parts;
	return {
		schemaVersion: SCHEMA_VERSION,
		builtFrom: BUILT_FROM,
		provenance,
		...parts,
		indicators: [...indicators].sort((x, y) => x.id.localeCompare(y.id)),
		imports: [
			{
				kind: 'bundle',
				at: BUILT_FROM,
				summary: {
					områden: areas.length,
					indikatorer: indicators.length,
					serier: series.length,
					värden: countPoints(series),
					fakta: facts.length,
				},
			},
		],
	};
}

async function main(): Promise<void> {
	const out = arg('--out', 'data/db.json');
	const b = startBuild(path.resolve(arg('--from', 'data/sources')));
	const areas = buildAreas(b);
	const groupings = buildGroupings(b);
	areas.push(...groupAreas(groupings));
	const indicators = buildIndicators(b);
	const { series, facts } = buildValues(b, areas, indicators);
	const dataset = assemble(b.provs.list, { areas, groupings, indicators, series, facts });
	await writeDataset(out, dataset);
	console.log(
		`Skrev ${out}: ${areas.length} områden, ${groupings.length} indelningar, ${indicators.length} indikatorer, ${series.length} serier med ${countPoints(series)} värden, ${facts.length} fakta, ${b.provs.list.length} källor.`,
	);
}

await main();
