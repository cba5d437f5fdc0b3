/**
 * Area matching for imported rows: by code first (4-digit kommun codes, left-padded because Excel
 * stores 0180 as 180; 2-digit län codes → Kolada ids "00" + code; 0 → Riket), then by name through
 * the one search module (exact, alias or unique folded match; a fuzzy hit is only offered as
 * "Menade du …?"). Stadsdelar and socialförvaltningar ("Stockholm – Rinkeby-Kista", "Göteborg
 * Centrum", a separate stadsdel column, or a section for one city) become `stadsdel` areas linked to
 * their kommun, created with a stable slug id when missing; they never take the kommun's own id.
 */
import type { Dataset } from '../../dataset/dataset.js';
import type { Area } from '../../dataset/schema.js';
import { foldDiacritics } from '../../search/normalize.js';
import type { Search } from '../../search/search.js';
import { nameProblem } from '../records.js';
import { cleanText, tokenKey, type RawCell } from './cells.js';

/** The kinds of area rows an import stores values for. */
export type RowType = 'kommun' | 'stadsdel' | 'lan' | 'riket';

/** A mapping file's name overrides: text → area id, a stadsdel of a kommun, or "skip". */
export type AreaNameOverride = string | { readonly stadsdel: string; readonly parent: string };

/** Ids of the kommuner whose stadsdelar/förvaltningar ÖJ reports (Stockholm, Göteborg; Malmö if present). */
export const DISTRICT_CITIES: readonly string[] = ['0180', '1480', '1280'];

/** Lower-case, diacritics-free comparison form ("Göteborg – Centrum" → "goteborg centrum"). */
export function foldName(text: string): string {
	return foldDiacritics(tokenKey(text));
}

/** Stable slug for ids: "Enskede-Årsta-Vantör" → "enskede-arsta-vantor". */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Removes footnote marks from a name: "Stockholm*", "Göteborg 1)", "Malmö²", "Lund (3)". */
export function stripFootnotes(text: string): string {
	return cleanText(text)
		.replace(/\s*\(\d{1,2}\)$/, '')
		.replace(/\s+\d{1,2}\)$/, '')
		.replace(/[\s*¹²³⁴⁵⁶⁷⁸⁹⁰†]+$/, '')
		.trim();
}

const RIKET = new Set([
	'riket',
	'sverige',
	'hela riket',
	'hela landet',
	'hela sverige',
	'riket totalt',
	'totalt riket',
	'samtliga kommuner',
	'alla kommuner',
	'riket samtliga kommuner',
	'samtliga kommuner i riket',
	'riksniva',
]);

const SUMMARY =
	/^(medel(varde)?|median|genomsnitt|snitt|summa|totalt?|antal( .*)?|min(imum)?|max(imum)?|standardavvikelse|kommungrupp( .*)?|storleksklass( .*)?|kommuner med .*|samtliga( svarande)?|(o)?vagt medel.*|andel( .*)?|svarsfrekvens.*)$/;
const NOTE = /^(kalla|kallor|anm|anmarkning|not|noter|fotnot|kommentar|forklaring)\b/;

const WHOLE_CITY =
	/^(totalt?|hela (staden|kommunen)|(stad|kommun) ?totalt|samtliga( (stadsdelar|stadsdelsomraden|forvaltningar|socialforvaltningar))?)$/;

const DISTRICT_PREFIX =
	/^(socialforvaltning(en)?|sf|sdf|sdn|sdo|stadsdelsforvaltning(en)?|stadsdelsnamnd(en)?|stadsdelsomrade(t)?|stadsdel(en)?)\s+/;
const DISTRICT_SUFFIX =
	/\s+(socialforvaltning(en)?|sf|sdf|sdn|sdo|stadsdelsforvaltning(en)?|stadsdelsnamnd(en)?|stadsdelsomrade(t)?|stadsdel(en)?)$/;

/** What a code cell says. */
export type CodeMatch =
	| { readonly kind: 'none' }
	| { readonly kind: 'area'; readonly area: Area }
	| { readonly kind: 'invalid'; readonly token: string }
	| { readonly kind: 'unknown'; readonly id: string; readonly token: string };

/** What a name says. */
export type NameMatch =
	| { readonly kind: 'area'; readonly area: Area }
	| { readonly kind: 'skip'; readonly reason: 'sammanfattning' | 'grupp' | 'anmärkning' | 'mappning' }
	| { readonly kind: 'unknown'; readonly candidates: readonly Area[] };

/** The row type an area's values are stored under. */
export function rowTypeOf(area: Area): RowType | undefined {
	return area.type === 'grupp' ? undefined : area.type;
}

/** Turns a code as stored (180, "0180", "01", 0) into a Kolada id, or undefined when it is no code. */
export function codeToId(token: string): string | undefined {
	const t = cleanText(token).replace(/\s+/g, '');
	if (!/^\d{1,4}$/.test(t)) return undefined;
	if (/^0+$/.test(t)) return '0000';
	if (t.length <= 2) return `00${t.padStart(2, '0')}`;
	return t.padStart(4, '0');
}

/** Matches rows to areas for one import; remembers the stadsdelar it had to create. */
export class AreaResolver {
	private readonly created = new Map<string, Area>();
	private readonly overrides = new Map<string, AreaNameOverride>();
	private readonly parents: readonly Area[];

	constructor(
		private readonly dataset: Dataset,
		private readonly search: Search,
		options: { readonly areaNames?: Readonly<Record<string, AreaNameOverride>> } = {},
	) {
		for (const [text, target] of Object.entries(options.areaNames ?? {})) this.overrides.set(foldName(text), target);
		const ids = new Set(DISTRICT_CITIES);
		for (const area of dataset.areasOfType('stadsdel')) if (area.parentId !== undefined) ids.add(area.parentId);
		this.parents = [...ids]
			.map((id) => dataset.area(id))
			.filter((a): a is Area => a?.type === 'kommun')
			.sort((a, b) => b.name.length - a.name.length);
	}

	/** Stadsdelar created during this import, in creation order. */
	get createdAreas(): readonly Area[] {
		return [...this.created.values()];
	}

	/** Forgets a stadsdel created in this import (one whose record was quarantined). */
	discard(id: string): void {
		this.created.delete(id);
	}

	/** An area by id: the dataset's or one created in this import. */
	area(id: string): Area | undefined {
		return this.dataset.area(id) ?? this.created.get(id);
	}

	/** Kommuner that can have stadsdel rows. */
	get districtParents(): readonly Area[] {
		return this.parents;
	}

	/** Reads a code cell. */
	byCode(cell: RawCell): CodeMatch {
		if (cell.kind === 'missing') return { kind: 'none' };
		const token = cell.kind === 'number' ? String(cell.value) : cell.text;
		if (cell.kind === 'number' && !Number.isInteger(cell.value)) return { kind: 'invalid', token };
		const id = codeToId(token);
		if (id === undefined) return { kind: 'invalid', token };
		const area = this.dataset.area(id);
		return area ? { kind: 'area', area } : { kind: 'unknown', id, token };
	}

	/** Areas the search suggests for a text that did not match ("Menade du …?"). */
	suggestions(text: string, limit = 3): Area[] {
		return this.search
			.suggestAreas(text, 'place', limit)
			.map((choice) => this.dataset.area(choice.value))
			.filter((a): a is Area => a !== undefined);
	}

	private resolveExact(text: string): Area | undefined {
		const result = this.search.resolveArea(text, 'place');
		if (result.status === 'found' && result.tier !== 'fuzzy') return result.item;
		return undefined;
	}

	/**
	 * Matches a name: mapping override, Riket words, the search module (not fuzzy), a stadsdel
	 * written with its city ("Stockholm – Rinkeby-Kista", "Rinkeby-Kista (Stockholm)"), summary and
	 * note rows (skipped), and finally a stadsdel of `contextParent` (a stadsdel column or section).
	 */
	byName(rawText: string, contextParent?: string): NameMatch {
		// A name from the file is untrusted: one over the name limit is no place, and never becomes a stadsdel.
		if (nameProblem(rawText) !== undefined) return { kind: 'unknown', candidates: [] };
		const text = stripFootnotes(rawText);
		const key = foldName(text);
		const override = this.overrides.get(key);
		if (override !== undefined) return this.applyOverride(override);
		if (RIKET.has(key)) {
			const riket = this.dataset.area('0000');
			if (riket) return { kind: 'area', area: riket };
		}
		const exact = this.resolveExact(text) ?? this.resolveExact(text.replace(/\s+(kommun|stad|kommuner)$/i, ''));
		if (exact && exact.type !== 'grupp') {
			if (contextParent === undefined || exact.type !== 'kommun' || exact.id === contextParent) {
				return { kind: 'area', area: exact };
			}
		}
		const district = this.splitDistrict(text);
		if (district?.whole) return { kind: 'area', area: district.parent };
		if (district) return { kind: 'area', area: this.stadsdel(district.parent.id, district.name) };
		if (exact) return { kind: 'area', area: exact };
		if (NOTE.test(key)) return { kind: 'skip', reason: 'anmärkning' };
		if (SUMMARY.test(key)) return { kind: 'skip', reason: 'sammanfattning' };
		const group = this.search.resolveArea(text, 'all');
		if (group.status === 'found' && group.tier !== 'fuzzy' && group.item.type === 'grupp') {
			return { kind: 'skip', reason: 'grupp' };
		}
		if (contextParent !== undefined && !/\blan$/.test(key)) {
			return { kind: 'area', area: this.stadsdel(contextParent, text) };
		}
		const result = this.search.resolveArea(text, 'place');
		const candidates =
			result.status === 'found'
				? [result.item]
				: result.status === 'ambiguous' || result.status === 'not_found'
					? result.candidates
					: [];
		return { kind: 'unknown', candidates: candidates.length > 0 ? candidates : this.suggestions(text) };
	}

	private applyOverride(target: AreaNameOverride): NameMatch {
		if (typeof target !== 'string') return { kind: 'area', area: this.stadsdel(target.parent, target.stadsdel) };
		if (target === 'skip') return { kind: 'skip', reason: 'mappning' };
		const area = this.area(target);
		return area ? { kind: 'area', area } : { kind: 'unknown', candidates: [] };
	}

	/**
	 * "Stockholm – Rinkeby-Kista", "Göteborg Centrum", "Rinkeby-Kista (Stockholm)" → city and district
	 * name; "Stockholm totalt" or "Göteborg, hela staden" → the city itself (`whole`).
	 */
	splitDistrict(text: string): { parent: Area; name: string; whole?: boolean } | undefined {
		const key = foldName(text);
		for (const parent of this.parents) {
			const city = foldName(parent.name);
			const prefix = new RegExp(`^${city}s?( stad| kommun)?\\s+(.+)$`);
			const paren = new RegExp(`^(.+?)\\s+${city}s?( stad| kommun)?$`);
			const match = prefix.exec(key);
			const restFolded = match?.[2] ?? (/\)\s*$/.test(text) ? paren.exec(key)?.[1] : undefined);
			if (restFolded === undefined || /^(lan|stad|kommun|stads)$/.test(restFolded)) continue;
			if (WHOLE_CITY.test(restFolded)) return { parent, name: parent.name, whole: true };
			const name = this.originalRemainder(text, parent.name, match !== null);
			// A district name from the file is untrusted: one over the name limit is no stadsdel.
			if (name.length > 0 && nameProblem(name) === undefined) return { parent, name };
		}
		return undefined;
	}

	/** The district part of the original text with its diacritics, without the city and separators. */
	private originalRemainder(text: string, city: string, cityFirst: boolean): string {
		const cleaned = cleanText(text);
		let rest: string;
		if (cityFirst) {
			const words = cityWordCount(cleaned, city);
			rest = cleaned.split(' ').slice(words).join(' ');
		} else {
			rest = cleaned.replace(/\s*\([^()]*\)\s*$/, '');
		}
		rest = rest.replace(/^[\s\-–—:,/]+/, '').replace(/[\s\-–—:,/]+$/, '');
		return stripDistrictWords(rest);
	}

	/**
	 * The stadsdel `name` of kommun `parentId`: an existing one (matched through the search, then
	 * by its own names), or a new one with id `<parentId>-<slug>`.
	 */
	stadsdel(parentId: string, rawName: string): Area {
		const name = stripDistrictWords(stripFootnotes(rawName));
		const found = this.resolveExact(name);
		if (found?.type === 'stadsdel' && found.parentId === parentId) return found;
		const key = foldName(name);
		for (const child of this.dataset.childrenOf(parentId)) {
			if ([child.name, ...child.altNames].some((n) => foldName(n) === key)) return child;
		}
		const id = `${parentId}-${slugify(name)}`;
		const existing = this.area(id);
		if (existing) return existing;
		const parent = this.dataset.area(parentId);
		const noun = parentId === '1480' ? 'socialförvaltning' : parentId === '0180' ? 'stadsdelsområde' : 'stadsdel';
		const altNames = [...new Set([`${name} ${noun}`, cleanText(rawName)])].filter((n) => n !== name);
		const area: Area = {
			id,
			type: 'stadsdel',
			name,
			altNames,
			...(parent?.lanId === undefined ? {} : { lanId: parent.lanId }),
			parentId,
			note: `${noun} i ${parent?.name ?? parentId}`,
		};
		this.created.set(id, area);
		return area;
	}
}

function cityWordCount(text: string, city: string): number {
	const words = text.split(' ');
	const cityWords = city.split(' ').length;
	const next = foldName(words[cityWords] ?? '');
	const extra = next === 'stad' || next === 'kommun' || /^[-–—:,/]+$/.test(words[cityWords] ?? '') ? 1 : 0;
	const afterExtra = words[cityWords + extra] ?? '';
	return cityWords + extra + (/^[-–—:,/]+$/.test(afterExtra) ? 1 : 0);
}

function stripDistrictWords(name: string): string {
	let out = cleanText(name);
	for (let i = 0; i < 2; i++) {
		const key = foldName(out);
		const prefix = DISTRICT_PREFIX.exec(key);
		if (prefix) out = out.split(' ').slice(prefix[0].trim().split(' ').length).join(' ');
		const suffix = DISTRICT_SUFFIX.exec(foldName(out));
		if (suffix) {
			const words = out.split(' ');
			out = words.slice(0, words.length - suffix[0].trim().split(' ').length).join(' ');
		}
	}
	return out.replace(/^[\s\-–—:,/]+|[\s\-–—:,/]+$/g, '').trim();
}
