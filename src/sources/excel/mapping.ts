/**
 * The per-year mapping file for an ÖJ workbook (`data/mappings/*.mapping.json`): what a
 * maintainer confirmed after profiling the real file — which sheet has which role, where the header
 * is, which column is which indicator (an existing id or a new definition), how answers and area
 * names are written — so nothing unverified about the layout lives in code. Validated with zod;
 * every problem is reported with its path in the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AREA_CODE, INDICATOR_ID } from '../../dataset/ids.js';
import type { DatasetFile, Indicator } from '../../dataset/schema.js';
import { INDICATOR_KINDS, INDICATOR_SOURCES, MAX_YEAR, MIN_YEAR, scaleStepSchema } from '../../dataset/schema.js';
import { AnswerDecoder } from './cells.js';
import { ImportError, type ImportProblem } from './errors.js';

/** Sheet roles (oj-excel.md §4.1). Only the `results*` roles are imported. */
export const SHEET_ROLES = [
	'results',
	'results_kommun',
	'results_stadsdel',
	'results_lan_riket',
	'indicator_descriptions',
	'background_measures',
	'readme',
	'ignore',
] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

/** True for the roles whose rows are imported. */
export function isResultsRole(role: SheetRole): boolean {
	return role.startsWith('results');
}

const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);
const columnLetterSchema = z.string().regex(/^[A-Za-z]{1,3}$/, 'kolumnbokstav, t.ex. "C"');
const kommunId = z.string().regex(AREA_CODE, 'kommunkod med fyra siffror, t.ex. "0180"');
const answersSchema = z.record(z.string(), z.union([z.number(), z.string().min(1)]));

/** A new indicator defined in the mapping file (for a column no existing indicator fits). */
export const newIndicatorSchema = z.strictObject({
	/** Defaults to "OJEB-<SLUG>" of the title. */
	id: z
		.string()
		.regex(INDICATOR_ID, 'högst 64 versaler, siffror och bindestreck, t.ex. "OJEB-SEPARATAMOTEN"')
		.optional(),
	title: z.string().min(1),
	shortTitle: z.string().min(1).optional(),
	description: z.string().optional(),
	kind: z.enum(INDICATOR_KINDS),
	unit: z.string().optional(),
	/** Answer scale, best answer first; inferred from the values when left out. */
	scale: z.array(scaleStepSchema).min(2).optional(),
	direction: z.enum(['higher', 'lower']).nullable().optional(),
	directionBasis: z.string().optional(),
	source: z.enum(INDICATOR_SOURCES).optional(),
	keywords: z.array(z.string().min(1)).optional(),
});
export type NewIndicatorSpec = z.infer<typeof newIndicatorSchema>;

/** What one column is. */
export const columnSpecSchema = z.union([
	z.literal('ignore'),
	z
		.strictObject({
			/** An existing indicator id ("U31509"). */
			indicator: z.string().min(1).optional(),
			/** Or a new indicator. */
			new: newIndicatorSchema.optional(),
			/** answer: kommun/stadsdel answers; share/shareAny: % of kommuner (län, Riket); value: numbers. */
			role: z.enum(['answer', 'share', 'shareAny', 'value']).optional(),
			/** Year of this column when it differs from the workbook's (trend layouts). */
			year: year.optional(),
			/** Token → answer code (number) or scale label (text), for this column. */
			answers: answersSchema.optional(),
			/** Multiplies numeric values (e.g. 100 for shares stored as 0–1 without percent format). */
			factor: z.number().positive().optional(),
		})
		.refine((c) => (c.indicator === undefined) !== (c.new === undefined), {
			message: 'ange antingen "indicator" (befintligt id) eller "new" (ny indikator)',
		}),
]);
export type ColumnSpec = z.infer<typeof columnSpecSchema>;

const areaColumnsSchema = z.strictObject({
	code: columnLetterSchema.optional(),
	name: columnLetterSchema.optional(),
	stadsdel: columnLetterSchema.optional(),
	lan: columnLetterSchema.optional(),
});

/** One sheet of the workbook. */
export const sheetSpecSchema = z.strictObject({
	/** Sheet name as in the workbook (case-insensitive). */
	name: z.string().min(1),
	role: z.enum(SHEET_ROLES).default('results'),
	/** Header rows, 1-based (e.g. [4, 5] for a name row over a "Ja/Nej" / "%" row). */
	headerRows: z.array(z.number().int().positive()).min(1).max(4).optional(),
	/** First data row; defaults to the row after the header. */
	dataStartRow: z.number().int().positive().optional(),
	/** Last data row (rows below, e.g. footnotes, are not read). */
	dataEndRow: z.number().int().positive().optional(),
	/** Area columns by letter, when detection gets them wrong. */
	areaColumns: areaColumnsSchema.optional(),
	/** Every area row of this sheet that is not a kommun, län or Riket is a stadsdel of this kommun. */
	stadsdelParent: kommunId.optional(),
	/** Columns by letter ("E") or by header text as written. */
	columns: z.record(z.string(), columnSpecSchema).optional(),
	/** Import only the columns listed in `columns`. */
	onlyMappedColumns: z.boolean().optional(),
});
export type SheetSpec = z.infer<typeof sheetSpecSchema>;

const areaNameSchema = z.union([z.string().min(1), z.strictObject({ stadsdel: z.string().min(1), parent: kommunId })]);

/** The whole mapping file. */
export const mappingSchema = z.strictObject({
	$schema: z.string().optional(),
	description: z.string().optional(),
	/** The ÖJ year the values are stored under. */
	year: year.optional(),
	/** Publication facts for the provenance record. */
	source: z
		.strictObject({
			title: z.string().min(1).optional(),
			url: z.url().optional(),
			artikelnummer: z.string().optional(),
			published: z
				.string()
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ÅÅÅÅ-MM-DD')
				.optional(),
		})
		.optional(),
	/** Minimum number of kommun rows (default 250). */
	minKommuner: z.number().int().nonnegative().optional(),
	/** Minimum share of cells per column that must parse (default 0.9). */
	minParsedShare: z.number().min(0).max(1).optional(),
	/** Extra tokens that mean "no value". */
	missingTokens: z.array(z.string()).optional(),
	/** Token → scale label (or code) for every column, e.g. {"Ja, delvis": "Ja, men inte för alla"}. */
	answers: answersSchema.optional(),
	/** Area name as written → area id, {"stadsdel", "parent"}, or "skip". */
	areaNames: z.record(z.string(), areaNameSchema).optional(),
	/** Sheets to import; when given, other sheets are not read. */
	sheets: z.array(sheetSpecSchema).optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

function issuePath(pathParts: readonly PropertyKey[]): string {
	return pathParts.map(String).join('.') || '(rot)';
}

/** Validates parsed JSON as a mapping; throws {@link ImportError} naming the file and each problem. */
export function parseMapping(raw: unknown, file: string): Mapping {
	const parsed = mappingSchema.safeParse(raw);
	if (!parsed.success) {
		throw new ImportError(
			parsed.error.issues.slice(0, 20).map((issue) => ({
				file,
				message: `mappningsfilen: ${issuePath(issue.path)}: ${issue.message}`,
			})),
		);
	}
	return parsed.data;
}

/** Reads and validates a mapping file. */
export async function loadMapping(file: string): Promise<Mapping> {
	const name = path.basename(file);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new ImportError([{ file: name, message: `mappningsfilen kan inte läsas (${String(error)})` }], {
			cause: error,
		});
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new ImportError([{ file: name, message: `mappningsfilen är inte giltig JSON (${String(error)})` }], {
			cause: error,
		});
	}
	return parseMapping(raw, name);
}

/**
 * Checks a mapping against the dataset and the workbook's sheet names: known indicator ids,
 * existing sheets, answer overrides inside the scale, roles that fit the indicator's kind.
 */
export function checkMapping(
	mapping: Mapping,
	dataset: DatasetFile,
	sheetNames: readonly string[],
	mappingFile: string,
): ImportProblem[] {
	const problems: ImportProblem[] = [];
	const indicators = new Map<string, Indicator>(dataset.indicators.map((i) => [i.id, i]));
	const areaIds = new Set(dataset.areas.map((a) => a.id));
	const sheets = new Set(sheetNames.map((n) => n.toLocaleLowerCase('sv')));
	const report = (where: string, message: string): void => {
		problems.push({ file: mappingFile, message: `mappningsfilen: ${where}: ${message}` });
	};
	for (const [text, target] of Object.entries(mapping.areaNames ?? {})) {
		if (typeof target === 'string' && target !== 'skip' && !areaIds.has(target))
			report(`areaNames."${text}"`, `okänt område-id ${target}`);
		if (typeof target !== 'string' && !areaIds.has(target.parent))
			report(`areaNames."${text}"`, `okänd kommun ${target.parent}`);
	}
	(mapping.sheets ?? []).forEach((sheet, i) => {
		const where = `sheets[${i}] (”${sheet.name}”)`;
		if (!sheets.has(sheet.name.toLocaleLowerCase('sv'))) {
			report(where, `bladet finns inte i arbetsboken (blad: ${sheetNames.map((n) => `”${n}”`).join(', ')})`);
		}
		if (sheet.stadsdelParent !== undefined && !areaIds.has(sheet.stadsdelParent))
			report(where, `okänd kommun ${sheet.stadsdelParent} i stadsdelParent`);
		for (const [key, spec] of Object.entries(sheet.columns ?? {})) {
			if (spec === 'ignore') continue;
			const colWhere = `${where}.columns."${key}"`;
			const indicator = spec.indicator === undefined ? undefined : indicators.get(spec.indicator);
			if (spec.indicator !== undefined && !indicator) {
				report(colWhere, `okänd indikator ${spec.indicator}`);
				continue;
			}
			const kind = indicator?.kind ?? spec.new?.kind;
			const scale = indicator?.scale ?? spec.new?.scale;
			const categorical = kind === 'yesno' || kind === 'ordinal';
			if (spec.role === 'value' && categorical)
				report(
					colWhere,
					'rollen "value" passar inte en Ja/Nej- eller ordinalindikator (använd "answer" eller "share")',
				);
			if (spec.role !== undefined && spec.role !== 'value' && !categorical)
				report(colWhere, `rollen "${spec.role}" passar bara Ja/Nej- eller ordinalindikatorer (använd "value")`);
			if (spec.new && categorical && spec.new.scale === undefined && spec.answers !== undefined)
				report(colWhere, '"answers" kräver en skala ("new.scale")');
			if (spec.answers && scale) {
				for (const bad of AnswerDecoder.invalidTargets(scale, spec.answers))
					report(colWhere, `svaret ”${bad.token}” pekar på ${JSON.stringify(bad.target)} som inte finns i skalan`);
			}
		}
	});
	return problems;
}
