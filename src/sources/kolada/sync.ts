/**
 * The Kolada sync as a library function: fetches every ekonomiskt-bistånd KPI with its values for
 * every kommun, län and Riket, the municipality list and the municipality groups the bot uses, and
 * merges them into a copy of the current dataset. Pure with respect to the file system: it returns
 * the new dataset and a summary, and the caller decides whether to write it (`scripts/sync.ts`).
 *
 * Every new dataset passes gates before it is returned. The sync fails only on signs of a broken
 * transfer: too few kommuner, a large share of the fetched KPIs without a single value, the same
 * key sent twice, many records failing their schema, a mass disappearance of KPIs, or a dataset
 * that fails the integrity checks (references, unique keys, answer codes). A single KPI without
 * values, or a few hostile records, are reported in the summary and the rest goes on: the KPI
 * keeps its previous values and the records are left out (quarantined).
 * The caller writes it with `writeDataset`, which also runs the full schema validation before it
 * swaps the file atomically, so a failed sync never replaces good data with a broken or partial file.
 *
 * Data source: Kolada (RKA). Values are stored with the attribution "Källa: Kolada".
 */
import { KEYWORDS } from '../../dataset/curation.js';
import { indicatorFromKpi, inferIndicator } from '../../dataset/infer.js';
import {
	GENDERS,
	MAX_YEAR,
	MIN_YEAR,
	type Area,
	type DatasetFile,
	type Gender,
	type Group,
	type Grouping,
	type Indicator,
	type Point,
	type Provenance,
} from '../../dataset/schema.js';
import { DatasetError } from '../../dataset/store.js';
import { checkIntegrity, seriesKey } from '../../dataset/validate.js';
import { DatasetMerger, type IncomingPoint, type MergeSummary } from '../merge.js';
import { silentProgress, type Progress } from '../progress.js';
import {
	KOLADA_DEFAULT_BASE_URL,
	chunk,
	KoladaClient,
	KoladaError,
	type KoladaClientOptions,
	type KoladaDataRecord,
	type KoladaWarning,
} from './client.js';
import type { KoladaKpi, KoladaMunicipality, KoladaMunicipalityGroup } from './schemas.js';

// ---------------------------------------------------------------------------------------------
// KPI selection
// ---------------------------------------------------------------------------------------------

/**
 * Words that make a KPI an ekonomiskt-bistånd KPI: "ekonomiskt bistånd" (also "ekonomiska
 * bistånd", "ek. bistånd"), "försörjningsstöd", "biståndsmottagare", "biståndshushåll". "Bistånd"
 * alone is not enough: "bistånd som avser boende för vuxna missbrukare" (N35xxx) is another
 * service.
 */
export const EB_TERMS = /ekonomisk[ta]?\s+bistånd|ek\.\s?bistånd|försörjningsstöd|biståndsmottagare|biståndshushåll/i;

/** The operating area in which a KPI's definition alone may qualify it (rule 2 of {@link isEkonomisktBistandKpi}). */
export const EB_OPERATING_AREA = 'Individ- och familjeomsorg';

/** The definition: a description up to its first sentence break. */
function firstSentence(description: string): string {
	return description.split(/\.\s+(?=[A-ZÅÄÖ])/)[0] ?? '';
}

/** The text after the last "Källa:" of a description, or '' when it names no source. */
function sourceLine(description: string): string {
	const at = description.lastIndexOf('Källa:');
	return at < 0 ? '' : description.slice(at);
}

/**
 * The rule that decides which Kolada KPIs the sync treats as ekonomiskt bistånd. A KPI qualifies
 * when any of these holds:
 *
 * 1. its title names ekonomiskt bistånd ({@link EB_TERMS}), e.g. N31807, U31401, U31402
 *    ("… beslut inom försörjningsstöd"), N00702 ("Försörjningsstöd som andel av nettoinkomsten …");
 * 2. its operating area is "Individ- och familjeomsorg" and the first sentence of its description
 *    (the definition) names it, e.g. N31805/N31806 ("Genomsnittlig månadsutbetalning … till
 *    hushåll": "Utbetalt ekonomiskt bistånd till hushåll …");
 * 3. the source line of its description ("Källa: …") names it, i.e. the KPI comes from
 *    Socialstyrelsen's Öppna jämförelser of ekonomiskt bistånd, e.g. U31900 (socioekonomisk
 *    sorteringsnyckel) and U01803 (invånare med låg inkomst).
 *
 * Not selected: KPIs that mention ekonomiskt bistånd only in passing later in their description
 * (IFO totals "inkl. ekonomiskt bistånd", school models using it as a covariate) and the
 * missbruk-boende KPIs N35xxx.
 */
export function isEkonomisktBistandKpi(kpi: Pick<KoladaKpi, 'title' | 'description' | 'operating_area'>): boolean {
	if (EB_TERMS.test(kpi.title)) return true;
	if (kpi.operating_area === EB_OPERATING_AREA && EB_TERMS.test(firstSentence(kpi.description))) return true;
	return EB_TERMS.test(sourceLine(kpi.description));
}

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** What to sync, as given on the command line. */
export interface SyncOptions {
	/** Further KPI ids to sync besides the ekonomiskt-bistånd selection (`--kpi`). */
	readonly kpis?: readonly string[] | undefined;
	/** Title searches whose hits are synced too (`--search`, Kolada's own substring match). */
	readonly search?: readonly string[] | undefined;
	/** Only values changed since this date (`YYYY-MM-DD`, `--since`). */
	readonly since?: string | undefined;
	/** Ignore the last sync's date and fetch everything (`--full`). */
	readonly full?: boolean | undefined;
}

/** Input of {@link syncFromKolada}. */
export interface SyncParams {
	/** Client settings (base URL, pacing, retries). Progress and counters are hooked in by the sync. */
	readonly clientOptions?: KoladaClientOptions | undefined;
	/** The current dataset; it is not modified. */
	readonly base: DatasetFile;
	readonly options?: SyncOptions | undefined;
	/** Progress output, default silent. */
	readonly progress?: Progress | undefined;
	/** The date stamped on provenance and the import record. */
	readonly today: Date;
	/** Aborts the sync (e.g. on SIGINT). */
	readonly signal?: AbortSignal | undefined;
}

/** What a sync did, for the printed summary and the import record. */
export interface SyncSummary {
	/** `full`: every value fetched; `incremental`: only values changed since {@link since}. */
	readonly mode: 'full' | 'incremental';
	readonly since?: string;
	readonly baseUrl: string;
	readonly kpis: {
		/** KPIs synced (selection rule, already-known KPIs, `--kpi`, `--search`). */
		readonly synced: number;
		/** Of those, selected by the ekonomiskt-bistånd rule. */
		readonly byRule: number;
		readonly added: number;
		readonly updated: number;
		/** Known Kolada indicators missing from Kolada's catalogue in this run, now marked removed. */
		readonly removed: number;
		/** Size of Kolada's catalogue. */
		readonly catalogue: number;
		/** Fetched without `from_date` in an incremental run because the dataset had no Kolada value for them. */
		readonly fetchedFully: number;
	};
	readonly areas: {
		/** Municipalities, regions and Riket in Kolada's list. */
		readonly fromKolada: number;
		readonly kommunerInKolada: number;
		readonly added: number;
		readonly renamed: number;
		/** Kommuner with at least one Kolada value in the new dataset. */
		readonly kommunerWithValues: number;
	};
	readonly values: MergeSummary & {
		/** Values received from Kolada (one per kpi × area × year × gender). */
		readonly received: number;
		/** Kolada's averages of yes/no/ordinal KPIs for län, Riket or groups: never stored. */
		readonly skippedCategoricalAggregates: number;
		/** Answer codes not in the indicator's scale. */
		readonly skippedUnknownCodes: number;
		/** Gender codes other than T/K/M, areas not in the dataset, periods outside MIN_YEAR–MAX_YEAR. */
		readonly skippedOther: number;
		/** Missing values and deletions from Kolada that would have removed another source's figure. */
		readonly keptOtherSources: number;
		/** Records (KPIs, areas, groups, data rows) that failed their schema and were left out. */
		readonly quarantined: number;
		/** `/data` requests Kolada answered with 404, read as "no rows". */
		readonly notFoundAsEmpty: number;
	};
	/** KPIs fetched in full that returned no value this run: reported, their previous values kept. */
	readonly emptyKpis: readonly string[];
	readonly groupings: {
		/** Kommungrupper whose members were refreshed from Kolada. */
		readonly kommungrupper: number;
		/** Peer groups ("Liknande kommuner ekonomiskt bistånd") written, and their year. */
		readonly liknande: number;
		readonly liknandeYear?: number;
	};
	/** HTTP attempts, retries and bytes received. */
	readonly requests: number;
	readonly retries: number;
	readonly bytes: number;
	readonly durationMs: number;
	/** Non-fatal findings worth a look (in Swedish). */
	readonly warnings: readonly string[];
}

/** Result of {@link syncFromKolada}. */
export interface SyncResult {
	/** The new dataset, gated and integrity-checked; nothing has been written. */
	readonly dataset: DatasetFile;
	readonly summary: SyncSummary;
}

/** Stable codes of {@link SyncError}. */
export type SyncErrorCode =
	| 'KOLADA_RETIRED'
	| 'KOLADA_SCHEMA'
	| 'KOLADA_UNAVAILABLE'
	| 'KOLADA_REJECTED'
	| 'KOLADA_ABORTED'
	| 'KOLADA_OTHER'
	| 'UNKNOWN_KPI'
	| 'BAD_OPTION'
	| 'GATE'
	| 'INVALID_DATASET';

/** A failed sync, with a Swedish message for the operator. The dataset on disk is never touched by the sync. */
export class SyncError extends Error {
	override readonly name = 'SyncError';

	/** @param details - extra lines (e.g. every KPI that failed a gate). */
	constructor(
		readonly code: SyncErrorCode,
		message: string,
		readonly details: readonly string[] = [],
		options?: ErrorOptions,
	) {
		super(message, options);
	}
}

// ---------------------------------------------------------------------------------------------
// Error translation
// ---------------------------------------------------------------------------------------------

function describeTransient(error: KoladaError): string {
	const details = error.details;
	switch (details.code) {
		case 'KOLADA_RATE_LIMITED':
			return 'HTTP 429 (för många anrop)';
		case 'KOLADA_SERVER_ERROR':
			return `HTTP ${details.status} (serverfel)`;
		case 'KOLADA_TIMEOUT':
			return `inget svar inom ${details.timeoutMs} ms`;
		case 'KOLADA_INVALID_JSON':
			return 'avbrutet eller ogiltigt JSON-svar';
		case 'KOLADA_NETWORK':
			return `nätverksfel (${error.message})`;
		default:
			return error.message;
	}
}

/** A failure of the client as the parts of a {@link SyncError}: its code, Swedish message and extra lines. */
function fromKoladaError(error: KoladaError): { code: SyncErrorCode; message: string; details?: readonly string[] } {
	const details = error.details;
	const url = error.url ?? '';
	switch (details.code) {
		case 'KOLADA_RETIRED':
			return {
				code: 'KOLADA_RETIRED',
				message:
					`Kolada-API:t är nedlagt eller finns inte på den adressen (HTTP ${details.status}): ${url}. ` +
					`Kontrollera KOLADA_API_URL – API v2 är nedlagt, använd v3 (${KOLADA_DEFAULT_BASE_URL}).`,
			};
		case 'KOLADA_SCHEMA':
			return {
				code: 'KOLADA_SCHEMA',
				message:
					`Kolada:s svar har ett oväntat format i fältet "${details.fieldPath}": ${details.issues[0] ?? ''}. ` +
					`API:t har troligen ändrats; anpassa src/sources/kolada/schemas.ts. Anrop: ${url}`,
				details: details.issues.slice(1, 5),
			};
		case 'KOLADA_RETRIES_EXHAUSTED':
			return {
				code: 'KOLADA_UNAVAILABLE',
				message: `Kolada svarade inte trots ${details.attempts} försök (senast: ${describeTransient(details.lastError)}): ${url}. Försök igen senare.`,
			};
		case 'KOLADA_BAD_REQUEST':
			return {
				code: 'KOLADA_REJECTED',
				message: `Kolada avvisade anropet med HTTP ${details.status}: ${url}${details.bodyExcerpt ? ` – ${details.bodyExcerpt}` : ''}`,
			};
		case 'KOLADA_PAGE_LIMIT':
			return {
				code: 'KOLADA_OTHER',
				message: `Kolada:s sidindelning tog inte slut efter ${details.maxPages} sidor: ${url}`,
			};
		case 'KOLADA_ABORTED':
			return { code: 'KOLADA_ABORTED', message: 'Synken avbröts.' };
		case 'KOLADA_BODY_TOO_LARGE':
			return {
				code: 'KOLADA_OTHER',
				message:
					`Kolada skickade ett svar på mer än ${Math.round(details.maxBytes / 1024 / 1024)} MB (ett normalt svar är några MB), så synken avbröts: ${url}. ` +
					'Kontrollera KOLADA_API_URL och försök igen senare.',
			};
		case 'KOLADA_INVALID_ARGUMENT':
			return { code: 'BAD_OPTION', message: `Ogiltigt argument: ${error.message}` };
		default:
			return { code: 'KOLADA_OTHER', message: `Fel i kontakten med Kolada: ${error.message}` };
	}
}

/** Turns any failure of a sync into a {@link SyncError} with a clear Swedish message. */
export function toSyncError(error: unknown): SyncError {
	if (error instanceof SyncError) return error;
	const options = { cause: error };
	if (error instanceof KoladaError) {
		const { code, message, details = [] } = fromKoladaError(error);
		return new SyncError(code, message, details, options);
	}
	if (error instanceof DatasetError) {
		return new SyncError('INVALID_DATASET', `Det nya datasetet klarar inte valideringen.`, error.problems, options);
	}
	return new SyncError(
		'KOLADA_OTHER',
		`Oväntat fel: ${error instanceof Error ? error.message : String(error)}`,
		[],
		options,
	);
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

function koladaMeta(kpi: KoladaKpi, today: string): NonNullable<Indicator['kolada']> {
	return {
		status: 'active',
		...(kpi.municipality_type ? { municipalityType: kpi.municipality_type } : {}),
		...(kpi.operating_area ? { operatingArea: kpi.operating_area } : {}),
		...(kpi.perspective ? { perspective: kpi.perspective } : {}),
		...(kpi.publication_date && ISO_DAY.test(kpi.publication_date) ? { publicationDate: kpi.publication_date } : {}),
		...(kpi.prel_publication_date && ISO_DAY.test(kpi.prel_publication_date)
			? { prelPublicationDate: kpi.prel_publication_date }
			: {}),
		...(kpi.publ_period ? { publPeriod: kpi.publ_period } : {}),
		hasOuData: kpi.has_ou_data,
		lastSeen: today,
	};
}

/** A new indicator from a KPI: kind, unit, scale and direction inferred from the title, curated words added. */
function newIndicator(kpi: KoladaKpi, today: string): Indicator {
	return indicatorFromKpi({ ...kpi, genderSplit: kpi.is_divided_by_gender }, koladaMeta(kpi, today));
}

/**
 * An existing indicator with Kolada's text and metadata refreshed. Kind, unit, scale and direction
 * stay as they are (they may be curated and stored answers depend on the scale); a title whose
 * coding no longer matches the stored scale is reported.
 */
function refreshedIndicator(old: Indicator, kpi: KoladaKpi, today: string, warnings: string[]): Indicator {
	const inferred = inferIndicator(kpi);
	if (old.scale && inferred.scale && JSON.stringify(old.scale) !== JSON.stringify(inferred.scale)) {
		warnings.push(
			`${kpi.id}: Kolada:s titel anger en annan svarsskala än datasetets; skalan behölls (${old.unit} → ${inferred.unit})`,
		);
	}
	const next: Indicator = {
		...old,
		title: kpi.title.trim(),
		description: kpi.description.trim(),
		genderSplit: kpi.is_divided_by_gender,
		keywords: [...(KEYWORDS[kpi.id] ?? [])],
		kolada: koladaMeta(kpi, today),
	};
	if (inferred.discontinuedAfter === undefined) delete next.discontinuedAfter;
	else next.discontinuedAfter = inferred.discontinuedAfter;
	if (inferred.producer !== undefined) next.producer = inferred.producer;
	return next;
}

// ---------------------------------------------------------------------------------------------
// Areas and groupings
// ---------------------------------------------------------------------------------------------

const KOMMUNGRUPP_GROUPING = 'kommungrupp2023';
const LIKNANDE_GROUPING = 'liknande_eb';
const LIKNANDE_TITLE = /^Liknande kommuner ekonomiskt bistånd, (.+), (\d{4})$/;

/** Minimum number of kommuner in Kolada's list and with Kolada values in the new dataset. */
export const MIN_KOMMUNER = 280;

/** The share of fully fetched KPIs that may come back without values before the transfer counts as broken. */
export const MAX_EMPTY_KPI_SHARE = 0.25;

/** The share of received data records that may fail their schema before the transfer counts as broken. */
export const MAX_QUARANTINED_SHARE = 0.01;

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}

function updatedAreas(
	base: readonly Area[],
	municipalities: readonly KoladaMunicipality[],
): { areas: Area[]; added: number; renamed: number } {
	const byId = new Map(base.map((a) => [a.id, a]));
	const areas: Area[] = [];
	let added = 0;
	let renamed = 0;
	for (const m of municipalities) {
		const title = m.title.trim();
		const old = byId.get(m.id);
		if (old) {
			if (old.type === 'kommun' && title !== '' && old.name !== title) {
				areas.push({ ...old, name: title, altNames: unique([...old.altNames, old.name]).filter((n) => n !== title) });
				renamed++;
			} else if (old.type === 'lan' && title !== '' && old.name !== title && !old.altNames.includes(title)) {
				areas.push({ ...old, altNames: [...old.altNames, title] });
			}
			continue;
		}
		if (m.type !== 'K' && m.type !== 'L') continue;
		const lanId = `00${m.id.slice(0, 2)}`;
		areas.push({
			id: m.id,
			type: m.id === '0000' ? 'riket' : m.type === 'K' ? 'kommun' : 'lan',
			name: title || m.id,
			altNames: [],
			...(m.type === 'K' && byId.get(lanId)?.type === 'lan' ? { lanId } : {}),
		});
		added++;
	}
	return { areas, added, renamed };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Refreshes the members of the SKR kommungrupper from Kolada's "… (ovägt medel)" groups. */
function updatedKommungrupper(
	grouping: Grouping | undefined,
	groups: readonly KoladaMunicipalityGroup[],
	kommunIds: ReadonlySet<string>,
	warnings: string[],
): { grouping?: Grouping; updated: number } {
	if (!grouping) return { updated: 0 };
	const byId = new Map(groups.map((g) => [g.id, g]));
	const byTitle = new Map(groups.map((g) => [g.title.trim(), g]));
	let updated = 0;
	const next = grouping.groups.map((group): Group => {
		const kolada =
			(group.koladaId === undefined ? undefined : byId.get(group.koladaId)) ??
			byTitle.get(`${group.name} (ovägt medel)`);
		if (!kolada) {
			warnings.push(`kommungrupp ${group.id} (${group.name}) finns inte i Kolada; medlemmarna behölls`);
			return group;
		}
		const members = unique(kolada.members.map((m) => m.member_id).filter((id) => kommunIds.has(id))).sort();
		if (members.length === 0) {
			warnings.push(`kommungrupp ${group.id} är tom i Kolada; medlemmarna behölls`);
			return group;
		}
		if (!sameMembers(members, group.members) || group.koladaId !== kolada.id) updated++;
		return { ...group, members, koladaId: kolada.id };
	});
	return updated === 0 ? { updated } : { grouping: { ...grouping, groups: next }, updated };
}

/** Rebuilds the peer groups from the newest "Liknande kommuner ekonomiskt bistånd, <Kommun>, <år>" groups. */
function updatedLiknande(
	grouping: Grouping | undefined,
	groups: readonly KoladaMunicipalityGroup[],
	kommunIdByTitle: ReadonlyMap<string, string>,
	kommunIds: ReadonlySet<string>,
	prov: number,
	warnings: string[],
): { grouping?: Grouping; count: number; year?: number } {
	if (!grouping) return { count: 0 };
	const parsed = groups.flatMap((g) => {
		const match = LIKNANDE_TITLE.exec(g.title.trim());
		return match ? [{ group: g, kommun: (match[1] ?? '').trim(), year: Number(match[2]) }] : [];
	});
	if (parsed.length === 0) {
		warnings.push('Kolada har inga grupper "Liknande kommuner ekonomiskt bistånd"; datasetets grupper behölls');
		return { count: 0 };
	}
	const year = Math.max(...parsed.map((p) => p.year));
	const peers: Group[] = [];
	const unknown: string[] = [];
	for (const p of parsed) {
		if (p.year !== year) continue;
		const focusId = kommunIdByTitle.get(p.kommun);
		if (focusId === undefined) {
			unknown.push(p.kommun);
			continue;
		}
		peers.push({
			id: `LIK-${focusId}`,
			name: `Liknande kommuner som ${p.kommun}`,
			members: unique(p.group.members.map((m) => m.member_id).filter((id) => id !== focusId && kommunIds.has(id))),
			focusId,
			koladaId: p.group.id,
		});
	}
	if (unknown.length > 0) {
		warnings.push(`Liknande kommuner ${year}: okända kommunnamn ${unknown.slice(0, 5).join(', ')}`);
	}
	const byFocus = new Map(peers.map((g) => [g.id, g]));
	if (byFocus.size < MIN_KOMMUNER) {
		warnings.push(
			`Liknande kommuner ${year}: bara ${byFocus.size} kommuner hade en grupp i Kolada; datasetets grupper behölls`,
		);
		return { count: 0 };
	}
	return {
		grouping: {
			...grouping,
			title: `Liknande kommuner ekonomiskt bistånd (Kolada, ${year})`,
			year,
			prov,
			groups: [...byFocus.values()].sort((a, b) => a.id.localeCompare(b.id)),
		},
		count: byFocus.size,
		year,
	};
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

interface Target {
	readonly indicator: Indicator;
	readonly categorical: boolean;
	readonly codes: ReadonlySet<number>;
}

interface ValueCounters {
	received: number;
	/** KPIs that got at least one value (not missing, not deleted) this run. */
	readonly withValues: Set<string>;
	skippedCategoricalAggregates: number;
	skippedUnknownCodes: number;
	skippedOther: number;
	keptOtherSources: number;
}

const GENDER_SET: ReadonlySet<string> = new Set(GENDERS);

/**
 * Points of other sources (survey, Regionfakta, Stockholm): a Kolada missing value or deletion
 * must not remove them, while a real Kolada value replaces them (and is counted by the merge).
 */
function otherSourcePoints(base: DatasetFile): Map<string, Map<number, Point>> {
	const kolada = new Set(base.provenance.filter((p) => p.kind === 'kolada').map((p) => p.id));
	const index = new Map<string, Map<number, Point>>();
	for (const s of base.series) {
		for (const point of s.points) {
			if (kolada.has(point[2])) continue;
			const key = seriesKey(s);
			let byYear = index.get(key);
			if (!byYear) {
				byYear = new Map();
				index.set(key, byYear);
			}
			byYear.set(point[0], point);
		}
	}
	return index;
}

function toPoints(
	records: readonly KoladaDataRecord[],
	targets: ReadonlyMap<string, Target>,
	areaTypes: ReadonlyMap<string, Area['type']>,
	protectedPoints: ReadonlyMap<string, ReadonlyMap<number, Point>>,
	counters: ValueCounters,
	emit: (point: IncomingPoint) => void,
): void {
	for (const r of records) {
		counters.received++;
		const target = targets.get(r.kpi);
		const areaType = areaTypes.get(r.municipality);
		if (!target || areaType === undefined || !GENDER_SET.has(r.gender) || r.period < MIN_YEAR || r.period > MAX_YEAR) {
			counters.skippedOther++;
			continue;
		}
		if (target.categorical && areaType !== 'kommun') {
			counters.skippedCategoricalAggregates++;
			continue;
		}
		if (target.categorical && !r.deleted && r.value !== null && !target.codes.has(r.value)) {
			counters.skippedUnknownCodes++;
			continue;
		}
		const gender = r.gender as Gender;
		const measure = target.categorical ? 'answer' : 'value';
		const indicator = target.indicator.id;
		const other = protectedPoints.get(seriesKey({ indicator, area: r.municipality, gender, measure }))?.get(r.period);
		if (other && (r.deleted || (r.value === null && other[1] !== null))) {
			counters.keptOtherSources++;
			continue;
		}
		const value = r.deleted ? null : r.value;
		if (value !== null) counters.withValues.add(indicator);
		emit({
			indicator,
			area: r.municipality,
			gender,
			measure,
			year: r.period,
			value,
			prov: 0,
			status: value === null ? r.status.trim() || 'saknas' : undefined,
			ref: undefined,
			deleted: r.deleted,
		});
	}
}

/** One data request: at most 25 KPIs × 25 areas, all years. */
interface FetchUnit {
	readonly kpis: readonly string[];
	readonly municipalities: readonly string[];
	readonly fromDate?: string;
}

/**
 * Runs `work` over `items` with `limit` calls at a time. Small units keep memory flat: each
 * response goes into the merge as soon as it arrives. The first failure stops the others and is
 * rethrown.
 */
async function forEachConcurrently<T>(
	items: readonly T[],
	limit: number,
	parent: AbortSignal | undefined,
	work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
	const controller = new AbortController();
	const onAbort = (): void => controller.abort(parent?.reason);
	parent?.addEventListener('abort', onAbort, { once: true });
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (failure === undefined && next < items.length) {
			const item = items[next++] as T;
			try {
				await work(item, controller.signal);
			} catch (error) {
				failure ??= { error };
				controller.abort(error);
			}
		}
	};
	try {
		await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	} finally {
		parent?.removeEventListener('abort', onAbort);
	}
	if (failure !== undefined) throw failure.error;
}

// ---------------------------------------------------------------------------------------------
// Gates
// ---------------------------------------------------------------------------------------------

function kommunerWithKoladaValues(dataset: DatasetFile): number {
	const kolada = new Set(dataset.provenance.filter((p) => p.kind === 'kolada').map((p) => p.id));
	const kommuner = new Set(dataset.areas.filter((a) => a.type === 'kommun').map((a) => a.id));
	const found = new Set<string>();
	for (const s of dataset.series) {
		if (!kommuner.has(s.area) || found.has(s.area)) continue;
		if (s.points.some((p) => p[1] !== null && kolada.has(p[2]))) found.add(s.area);
	}
	return found.size;
}

// ---------------------------------------------------------------------------------------------
// The sync
// ---------------------------------------------------------------------------------------------

/** The day before an ISO day (`2026-03-01` → `2026-02-28`). */
function dayBefore(day: string): string {
	return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));
}

/** The date of the last successful Kolada sync recorded in the dataset, if any. */
export function lastSyncDate(dataset: DatasetFile): string | undefined {
	const last = dataset.imports.filter((i) => i.kind === 'kolada-sync').at(-1);
	const day = last?.at.slice(0, 10);
	return day !== undefined && ISO_DAY.test(day) ? day : undefined;
}

/**
 * Runs a sync against Kolada and returns the new dataset (gated, integrity-checked) and a summary.
 * Throws a {@link SyncError} on any failure; nothing is written either way.
 */
export async function syncFromKolada(params: SyncParams): Promise<SyncResult> {
	try {
		return await runSync(params);
	} catch (error) {
		throw toSyncError(error);
	}
}

/** Rejects `--since` together with `--full`, and a `--since` that is not a date. */
function checkOptions(options: SyncOptions): void {
	if (options.since !== undefined && options.full) {
		throw new SyncError('BAD_OPTION', '--since och --full kan inte användas samtidigt.');
	}
	if (options.since !== undefined && (!ISO_DAY.test(options.since) || Number.isNaN(Date.parse(options.since)))) {
		throw new SyncError('BAD_OPTION', `--since ska vara ett datum ÅÅÅÅ-MM-DD, fick "${options.since}".`);
	}
}

/** A client for this run: the caller's settings, the sync's signal, and data oddities collected as warnings. */
function syncClient(params: SyncParams, warnings: string[]): KoladaClient {
	const clientOptions = params.clientOptions ?? {};
	return new KoladaClient({
		...clientOptions,
		signal: params.signal ?? clientOptions.signal,
		onWarning: (w: KoladaWarning) => {
			clientOptions.onWarning?.(w);
			if (w.code === 'quarantined' || w.code === 'unknown-gender' || w.code === 'duplicate-keys') {
				if (warnings.length < 50) warnings.push(`Kolada: ${w.message}`);
			}
		},
	});
}

/** The KPIs to sync and what the catalogue says about the dataset's own. */
interface Selection {
	readonly catalogue: readonly KoladaKpi[];
	readonly selected: ReadonlyMap<string, KoladaKpi>;
	/** KPIs selected by the ekonomiskt-bistånd rule. */
	readonly byRule: number;
	/** Active Kolada indicators of the dataset that the catalogue no longer has. */
	readonly vanished: readonly Indicator[];
}

/**
 * Step 1: the catalogue and the selection (the rule, the dataset's Kolada indicators, `--kpi`,
 * `--search`). Stops when nothing is selected or when the catalogue lacks most known KPIs.
 */
async function selectKpis(
	kolada: KoladaClient,
	base: DatasetFile,
	options: SyncOptions,
	progress: Progress,
): Promise<Selection> {
	progress.start('Hämtar Kolada:s nyckeltalskatalog', 1);
	const catalogue = await kolada.kpis();
	const byId = new Map(catalogue.map((k) => [k.id, k]));
	const selected = new Map<string, KoladaKpi>();
	for (const kpi of catalogue) if (isEkonomisktBistandKpi(kpi)) selected.set(kpi.id, kpi);
	const byRule = selected.size;
	for (const indicator of base.indicators) {
		const kpi = byId.get(indicator.id);
		if (indicator.kolada && kpi) selected.set(kpi.id, kpi);
	}
	const unknown = (options.kpis ?? []).filter((id) => !byId.has(id));
	if (unknown.length > 0) {
		throw new SyncError('UNKNOWN_KPI', `Kolada har inga nyckeltal med id ${unknown.join(', ')}.`);
	}
	for (const id of options.kpis ?? []) {
		const kpi = byId.get(id);
		if (kpi) selected.set(id, kpi);
	}
	for (const text of options.search ?? []) {
		const hits = await kolada.kpis({ title: text });
		if (hits.length === 0) throw new SyncError('UNKNOWN_KPI', `Sökningen "${text}" gav inga nyckeltal i Kolada.`);
		for (const kpi of hits) selected.set(kpi.id, byId.get(kpi.id) ?? kpi);
	}
	progress.tick();
	progress.done(`${catalogue.length} nyckeltal, ${selected.size} att synka`);
	if (selected.size === 0)
		throw new SyncError('GATE', 'Kolada:s katalog innehåller inga nyckeltal om ekonomiskt bistånd.');
	return { catalogue, selected, byRule, vanished: vanishedIndicators(base, byId) };
}

/** The dataset's active Kolada indicators missing from the catalogue; most of them missing stops the sync. */
function vanishedIndicators(base: DatasetFile, catalogue: ReadonlyMap<string, KoladaKpi>): Indicator[] {
	const activeKnown = base.indicators.filter((i) => i.kolada?.status === 'active');
	const vanished = activeKnown.filter((i) => !catalogue.has(i.id));
	if (activeKnown.length > 0 && vanished.length * 2 > activeKnown.length) {
		throw new SyncError(
			'GATE',
			`Kolada:s katalog saknar ${vanished.length} av datasetets ${activeKnown.length} aktiva nyckeltal – det ser ut som ett fel hos Kolada, inte som nedlagda nyckeltal.`,
			vanished.slice(0, 10).map((i) => `${i.id} ${i.shortTitle}`),
		);
	}
	return vanished;
}

/** Kolada's areas and groups, and the dataset's areas updated from them. */
interface AreaState {
	readonly municipalities: readonly KoladaMunicipality[];
	readonly kommunerInKolada: number;
	readonly groups: readonly KoladaMunicipalityGroup[];
	readonly update: ReturnType<typeof updatedAreas>;
	readonly areaTypes: ReadonlyMap<string, Area['type']>;
	/** Kolada's area ids that are areas of the new dataset, in Kolada's order. */
	readonly koladaAreaIds: readonly string[];
	readonly kommunIds: ReadonlySet<string>;
}

/** Step 2: municipalities and groups. Stops when Kolada's list has too few kommuner. */
async function fetchAreas(kolada: KoladaClient, base: DatasetFile, progress: Progress): Promise<AreaState> {
	progress.start('Hämtar kommuner, län och kommungrupper', 2);
	const municipalities = await kolada.municipalities();
	progress.tick();
	const kommunerInKolada = municipalities.filter((m) => m.type === 'K').length;
	if (kommunerInKolada < MIN_KOMMUNER) {
		throw new SyncError(
			'GATE',
			`Kolada:s kommunlista har bara ${kommunerInKolada} kommuner (minst ${MIN_KOMMUNER} krävs).`,
		);
	}
	const groups = await kolada.municipalityGroups();
	progress.tick();
	progress.done(`${municipalities.length} områden, ${groups.length} grupper`);

	const update = updatedAreas(base.areas, municipalities);
	const areaTypes = new Map<string, Area['type']>(base.areas.map((a) => [a.id, a.type]));
	for (const a of update.areas) areaTypes.set(a.id, a.type);
	const koladaAreaIds = municipalities.map((m) => m.id).filter((id) => areaTypes.has(id));
	const kommunIds = new Set(koladaAreaIds.filter((id) => areaTypes.get(id) === 'kommun'));
	return { municipalities, kommunerInKolada, groups, update, areaTypes, koladaAreaIds, kommunIds };
}

/** The indicators of the new dataset and the values each selected KPI accepts. */
interface IndicatorUpdate {
	readonly indicators: Indicator[];
	readonly added: number;
	readonly updated: number;
	readonly targets: ReadonlyMap<string, Target>;
}

/** Step 3: new and refreshed indicators for the selection; vanished ones are marked removed. */
function updatedIndicators(
	base: DatasetFile,
	selection: Selection,
	todayIso: string,
	warnings: string[],
): IndicatorUpdate {
	const baseIndicators = new Map(base.indicators.map((i) => [i.id, i]));
	const indicators: Indicator[] = [];
	let added = 0;
	let updated = 0;
	for (const kpi of selection.selected.values()) {
		const old = baseIndicators.get(kpi.id);
		if (old) {
			indicators.push(refreshedIndicator(old, kpi, todayIso, warnings));
			updated++;
		} else {
			indicators.push(newIndicator(kpi, todayIso));
			added++;
		}
	}
	for (const old of selection.vanished) {
		if (old.kolada) indicators.push({ ...old, kolada: { ...old.kolada, status: 'removed' } });
	}
	const targets = new Map<string, Target>(
		indicators
			.filter((i) => selection.selected.has(i.id))
			.map((i) => [
				i.id,
				{
					indicator: i,
					categorical: i.kind === 'yesno' || i.kind === 'ordinal',
					codes: new Set((i.scale ?? []).map((s) => s.code)),
				},
			]),
	);
	return { indicators, added, updated, targets };
}

/** The data requests of a run. */
interface FetchPlan {
	/** `from_date` of an incremental run; undefined in a full one. */
	readonly since: string | undefined;
	readonly units: readonly FetchUnit[];
	/** KPIs fetched without `from_date` in an incremental run (the dataset had no Kolada value for them). */
	readonly fetchedFully: readonly Target[];
	/** Every KPI fetched without `from_date`: all of them in a full run. */
	readonly fullyFetched: readonly Target[];
}

/** The day from which changes are fetched, or undefined for a full run. */
function sinceDay(base: DatasetFile, options: SyncOptions): string | undefined {
	if (options.full) return undefined;
	if (options.since !== undefined) return options.since;
	// The day before the last sync: Kolada may read from_date as "after that day", and figures published
	// later that same day must not be missed. The merge is idempotent, so the overlap costs nothing.
	const last = lastSyncDate(base);
	return last === undefined ? undefined : dayBefore(last);
}

/** The indicators that have at least one Kolada value in the dataset. */
function indicatorsWithKoladaValues(base: DatasetFile): Set<string> {
	const koladaProvIds = new Set(base.provenance.filter((p) => p.kind === 'kolada').map((p) => p.id));
	const found = new Set<string>();
	for (const s of base.series) {
		if (!found.has(s.indicator) && s.points.some((p) => koladaProvIds.has(p[2]))) found.add(s.indicator);
	}
	return found;
}

/** Step 4a: one unit per chunk of 25 KPIs × 25 areas; only changes for KPIs the dataset already has values of. */
function planFetch(base: DatasetFile, options: SyncOptions, targets: Iterable<Target>, areas: AreaState): FetchPlan {
	const since = sinceDay(base, options);
	const withKoladaValues = since === undefined ? new Set<string>() : indicatorsWithKoladaValues(base);
	const kommunList = areas.koladaAreaIds.filter((id) => areas.kommunIds.has(id));
	const units: FetchUnit[] = [];
	const plan = (kpis: readonly Target[], fromDate: string | undefined): void => {
		const categorical = kpis.filter((t) => t.categorical).map((t) => t.indicator.id);
		const numeric = kpis.filter((t) => !t.categorical).map((t) => t.indicator.id);
		// Yes/no answers are only stored for kommuner, so their län and Riket averages are not even fetched.
		for (const [ids, areaIds] of [
			[numeric, areas.koladaAreaIds],
			[categorical, kommunList],
		] as const) {
			for (const kpiChunk of chunk(ids)) {
				for (const areaChunk of chunk(areaIds)) {
					units.push({ kpis: kpiChunk, municipalities: areaChunk, ...(fromDate === undefined ? {} : { fromDate }) });
				}
			}
		}
	};
	const allTargets = [...targets];
	const fetchedFully = since === undefined ? [] : allTargets.filter((t) => !withKoladaValues.has(t.indicator.id));
	plan(
		allTargets.filter((t) => since === undefined || withKoladaValues.has(t.indicator.id)),
		since,
	);
	plan(fetchedFully, undefined);
	return { since, units, fetchedFully, fullyFetched: since === undefined ? allTargets : fetchedFully };
}

/**
 * The provenance of this sync: an existing record with the same content, or a new id. It goes in
 * first so the peer groups can refer to it; the merge then finds it by content (same key order as
 * the incoming record) and uses it for the values too.
 */
function syncProvenance(
	base: DatasetFile,
	baseUrl: string,
	todayIso: string,
): { content: Omit<Provenance, 'id'>; id: number; prepared: DatasetFile } {
	const content: Omit<Provenance, 'id'> = {
		kind: 'kolada',
		title: 'Kolada API v3: nyckeltal för ekonomiskt bistånd, kommuner och kommungrupper',
		attribution: 'Källa: Kolada',
		url: baseUrl,
		date: todayIso,
	};
	const sameContent = (p: Provenance): boolean =>
		(Object.keys(content) as (keyof typeof content)[]).every((key) => p[key] === content[key]) &&
		p.file === undefined &&
		p.sheet === undefined &&
		p.note === undefined;
	const id = base.provenance.find(sameContent)?.id ?? base.provenance.reduce((max, p) => Math.max(max, p.id), -1) + 1;
	const prepared: DatasetFile = {
		...base,
		provenance: [...base.provenance.filter((p) => p.id !== id), { ...content, id }],
	};
	return { content, id, prepared };
}

/** Step 4b: the kommungrupper and peer groups refreshed from Kolada's groups. */
function syncGroupings(
	base: DatasetFile,
	areas: AreaState,
	provId: number,
	warnings: string[],
): { groupings: Grouping[]; kommungrupper: number; liknande: number; liknandeYear?: number } {
	const kommunIdByTitle = new Map(
		areas.municipalities.filter((m) => m.type === 'K' && areas.kommunIds.has(m.id)).map((m) => [m.title.trim(), m.id]),
	);
	const kg = updatedKommungrupper(
		base.groupings.find((g) => g.id === KOMMUNGRUPP_GROUPING),
		areas.groups,
		areas.kommunIds,
		warnings,
	);
	const lik = updatedLiknande(
		base.groupings.find((g) => g.id === LIKNANDE_GROUPING),
		areas.groups,
		kommunIdByTitle,
		areas.kommunIds,
		provId,
		warnings,
	);
	return {
		groupings: [kg.grouping, lik.grouping].filter((g): g is Grouping => g !== undefined),
		kommungrupper: kg.updated,
		liknande: lik.count,
		...(lik.year === undefined ? {} : { liknandeYear: lik.year }),
	};
}

/**
 * Step 4c: every unit fetched and fed straight into the merger, so no list of 640 000 values is
 * held in memory.
 */
async function fetchValues(
	kolada: KoladaClient,
	params: SyncParams,
	plan: FetchPlan,
	targets: ReadonlyMap<string, Target>,
	areaTypes: ReadonlyMap<string, Area['type']>,
	merger: DatasetMerger,
	progress: Progress,
): Promise<ValueCounters> {
	const { since, units } = plan;
	progress.start(since === undefined ? 'Hämtar värden' : `Hämtar värden ändrade sedan ${since}`, units.length);
	const counters: ValueCounters = {
		received: 0,
		withValues: new Set(),
		skippedCategoricalAggregates: 0,
		skippedUnknownCodes: 0,
		skippedOther: 0,
		keptOtherSources: 0,
	};
	const protectedPoints = otherSourcePoints(params.base);
	const limit = params.clientOptions?.concurrency ?? 2;
	await forEachConcurrently(units, limit, params.signal, async (unit, signal) => {
		const records = await kolada.data({ ...unit, signal });
		toPoints(records, targets, areaTypes, protectedPoints, counters, (point) => merger.add(point));
		progress.tick();
	});
	progress.done(`${counters.received} värden`);
	return counters;
}

/**
 * Step 6: the gates on the new dataset. Returns the kommuner with Kolada values and the fully
 * fetched KPIs without a value (reported as warnings when they are few).
 */
function checkGates(
	dataset: DatasetFile,
	kolada: KoladaClient,
	counters: ValueCounters,
	plan: FetchPlan,
	targets: ReadonlyMap<string, Target>,
	warnings: string[],
): { kommunerWithValues: number; emptyKpis: string[] } {
	const { duplicates, quarantined } = kolada.stats;
	if (duplicates > 0) {
		throw new SyncError(
			'GATE',
			`Kolada skickade ${duplicates} värden mer än en gång (samma nyckeltal, område, år och kön) – det ser ut som en trasig sidindelning. Försök igen senare.`,
		);
	}
	if (quarantined > Math.max(10, counters.received * MAX_QUARANTINED_SHARE)) {
		throw new SyncError(
			'GATE',
			`${quarantined} poster från Kolada klarade inte kontrollen (id, namn eller tal i fel form) – API:t har troligen ändrats. Se varningarna och anpassa src/sources/kolada/schemas.ts.`,
			warnings.filter((w) => w.startsWith('Kolada:')).slice(0, 5),
		);
	}
	const kommunerWithValues = kommunerWithKoladaValues(dataset);
	if (kommunerWithValues < MIN_KOMMUNER) {
		throw new SyncError(
			'GATE',
			`Bara ${kommunerWithValues} kommuner fick värden från Kolada (minst ${MIN_KOMMUNER} krävs).`,
		);
	}
	const { fullyFetched } = plan;
	const emptyKpis = fullyFetched.map((t) => t.indicator.id).filter((id) => !counters.withValues.has(id));
	const describe = (id: string): string => `${id} ${targets.get(id)?.indicator.shortTitle ?? ''}`;
	if (emptyKpis.length > 1 && emptyKpis.length > fullyFetched.length * MAX_EMPTY_KPI_SHARE) {
		throw new SyncError(
			'GATE',
			`${emptyKpis.length} av ${fullyFetched.length} hämtade nyckeltal fick inga värden alls – det ser ut som en trasig överföring, inte som enstaka nya eller nedlagda nyckeltal. Försök igen senare.`,
			emptyKpis.slice(0, 20).map(describe),
		);
	}
	for (const id of emptyKpis) {
		warnings.push(`${describe(id)}: Kolada skickade inga värden; tidigare värden behölls`);
	}
	const problems = checkIntegrity(dataset);
	if (problems.length > 0) {
		throw new SyncError('INVALID_DATASET', 'Det nya datasetet klarar inte integritetskontrollen.', problems);
	}
	return { kommunerWithValues, emptyKpis };
}

/** Everything a run found out, for {@link summarise}. */
interface RunFacts {
	readonly kolada: KoladaClient;
	readonly started: number;
	readonly selection: Selection;
	readonly areas: AreaState;
	readonly indicators: IndicatorUpdate;
	readonly plan: FetchPlan;
	readonly groupings: ReturnType<typeof syncGroupings>;
	readonly counters: ValueCounters;
	readonly mergeSummary: MergeSummary;
	readonly gates: ReturnType<typeof checkGates>;
	readonly warnings: readonly string[];
}

function summarise(run: RunFacts): SyncSummary {
	const { kolada, selection, areas, indicators, plan, groupings, counters, gates } = run;
	const stats = kolada.stats;
	return {
		mode: plan.since === undefined ? 'full' : 'incremental',
		...(plan.since === undefined ? {} : { since: plan.since }),
		baseUrl: kolada.baseUrl,
		kpis: {
			synced: indicators.targets.size,
			byRule: selection.byRule,
			added: indicators.added,
			updated: indicators.updated,
			removed: selection.vanished.length,
			catalogue: selection.catalogue.length,
			fetchedFully: plan.fetchedFully.length,
		},
		areas: {
			fromKolada: areas.municipalities.length,
			kommunerInKolada: areas.kommunerInKolada,
			added: areas.update.added,
			renamed: areas.update.renamed,
			kommunerWithValues: gates.kommunerWithValues,
		},
		values: {
			...run.mergeSummary,
			received: counters.received,
			skippedCategoricalAggregates: counters.skippedCategoricalAggregates,
			skippedUnknownCodes: counters.skippedUnknownCodes,
			skippedOther: counters.skippedOther,
			keptOtherSources: counters.keptOtherSources,
			quarantined: stats.quarantined,
			notFoundAsEmpty: stats.notFoundAsEmpty,
		},
		emptyKpis: gates.emptyKpis,
		groupings: {
			kommungrupper: groupings.kommungrupper,
			liknande: groupings.liknande,
			...(groupings.liknandeYear === undefined ? {} : { liknandeYear: groupings.liknandeYear }),
		},
		requests: stats.requests,
		retries: stats.retries,
		bytes: stats.bytes,
		durationMs: Math.round(performance.now() - run.started),
		warnings: run.warnings,
	};
}

async function runSync(params: SyncParams): Promise<SyncResult> {
	const started = performance.now();
	const { base, today } = params;
	const options = params.options ?? {};
	const progress = params.progress ?? silentProgress;
	const todayIso = isoDay(today);
	const warnings: string[] = [];
	checkOptions(options);
	const kolada = syncClient(params, warnings);

	const selection = await selectKpis(kolada, base, options, progress);
	const areas = await fetchAreas(kolada, base, progress);
	const indicators = updatedIndicators(base, selection, todayIso, warnings);
	const plan = planFetch(base, options, indicators.targets.values(), areas);
	const prov = syncProvenance(base, kolada.baseUrl, todayIso);
	const groupings = syncGroupings(base, areas, prov.id, warnings);
	const merger = new DatasetMerger(prov.prepared, [prov.content]);
	const counters = await fetchValues(kolada, params, plan, indicators.targets, areas.areaTypes, merger, progress);

	// 5. Merge: the values went into the merger as they arrived.
	progress.start('Bygger och kontrollerar det nya datasetet', 1);
	const { requests, retries } = kolada.stats;
	const { dataset: merged, summary: mergeSummary } = merger.finish({
		indicators: indicators.indicators,
		areas: areas.update.areas,
		groupings: groupings.groupings,
		record: {
			kind: 'kolada-sync',
			at: today.toISOString(),
			summary: {
				läge: plan.since === undefined ? 'full' : 'inkrementell',
				...(plan.since === undefined ? {} : { sedan: plan.since }),
				nyckeltal: indicators.targets.size,
				anrop: requests,
				omförsök: retries,
			},
		},
	});
	const dataset: DatasetFile = { ...merged, builtFrom: todayIso };
	const gates = checkGates(dataset, kolada, counters, plan, indicators.targets, warnings);
	progress.tick();
	progress.done();
	const summary = summarise({
		kolada,
		started,
		selection,
		areas,
		indicators,
		plan,
		groupings,
		counters,
		mergeSummary,
		gates,
		warnings,
	});
	return { dataset, summary };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const numberFormat = new Intl.NumberFormat('sv-SE');

function n(value: number): string {
	return numberFormat.format(value);
}

/** The summary as readable Swedish text, one fact per line. */
export function formatSyncSummary(summary: SyncSummary): string {
	const v = summary.values;
	const k = summary.kpis;
	const a = summary.areas;
	const skipped = [
		v.skippedCategoricalAggregates > 0 ? `${n(v.skippedCategoricalAggregates)} medelvärden av Ja/Nej-frågor` : '',
		v.skippedUnknownCodes > 0 ? `${n(v.skippedUnknownCodes)} svarskoder utanför skalan` : '',
		v.keptOtherSources > 0 ? `${n(v.keptOtherSources)} saknade värden där en annan källa har ett värde` : '',
		v.skippedOther > 0 ? `${n(v.skippedOther)} övriga (okänt område, kön eller år)` : '',
		v.quarantined > 0 ? `${n(v.quarantined)} poster i karantän (id, namn eller tal i fel form)` : '',
		v.notFoundAsEmpty > 0 ? `${n(v.notFoundAsEmpty)} dataanrop med svaret 404 (lästa som inga värden)` : '',
		summary.emptyKpis.length > 0
			? `${n(summary.emptyKpis.length)} nyckeltal utan värden (tidigare värden behölls)`
			: '',
	].filter((s) => s !== '');
	const lines = [
		`Kolada-synk (${summary.mode === 'full' ? 'full' : `ändringar sedan ${summary.since ?? '?'}`}) mot ${summary.baseUrl}`,
		`  Nyckeltal: ${n(k.synced)} synkade (${n(k.byRule)} enligt urvalsregeln, katalogen har ${n(k.catalogue)}), ${n(k.added)} nya, ${n(k.updated)} uppdaterade, ${n(k.removed)} borttagna ur Kolada${k.fetchedFully > 0 ? `, ${n(k.fetchedFully)} hämtade i sin helhet` : ''}`,
		`  Områden: ${n(a.fromKolada)} i Kolada (${n(a.kommunerInKolada)} kommuner), ${n(a.added)} nya, ${n(a.renamed)} nya namn; ${n(a.kommunerWithValues)} kommuner har värden från Kolada`,
		`  Värden: ${n(v.received)} mottagna – ${n(v.added)} tillagda, ${n(v.replaced)} ersatta, ${n(v.unchanged)} oförändrade, ${n(v.deleted)} borttagna`,
		...(skipped.length > 0 ? [`  Hoppade över: ${skipped.join(', ')}`] : []),
		`  Grupper: ${n(summary.groupings.kommungrupper)} kommungrupper ändrade, ${n(summary.groupings.liknande)} grupper Liknande kommuner${summary.groupings.liknandeYear === undefined ? '' : ` (${summary.groupings.liknandeYear})`}`,
		`  Anrop: ${n(summary.requests)} (${n(summary.retries)} omförsök), ${(summary.bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`,
		`  Tid: ${(summary.durationMs / 1000).toFixed(1).replace('.', ',')} s`,
		...summary.warnings.slice(0, 10).map((w) => `  Obs: ${w}`),
		...(summary.warnings.length > 10 ? [`  Obs: … och ${summary.warnings.length - 10} till`] : []),
	];
	return lines.join('\n');
}
