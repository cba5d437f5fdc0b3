/**
 * Mapping file for the statistikdatabas CSV export: which "mått" (with which dimension values)
 * is which indicator. Measures not listed are matched through the search module when their name
 * resolves uniquely; the rest are reported as unknown.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DatasetFile } from '../../dataset/schema.js';
import { ImportError, type ImportProblem } from '../excel/errors.js';

/** One measure → indicator rule. */
export const measureSpecSchema = z.strictObject({
	/** The measure as written in the Mått column (name or id). */
	matt: z.string().min(1),
	/** Indicator id, or "ignore". */
	indicator: z.string().min(1),
	/** Dimension values to import (column name → value); other dimensions must be "Totalt"/"Samtliga". */
	where: z.record(z.string(), z.string()).optional(),
	/** Multiplies values (e.g. 0.001 for kr → tkr). */
	factor: z.number().positive().optional(),
});
export type MeasureSpec = z.infer<typeof measureSpecSchema>;

/** The whole mapping file for a statistikdatabas export. */
export const csvMappingSchema = z.strictObject({
	$schema: z.string().optional(),
	description: z.string().optional(),
	/** Minimum number of kommuner with values (default 250). */
	minKommuner: z.number().int().nonnegative().optional(),
	minParsedShare: z.number().min(0).max(1).optional(),
	missingTokens: z.array(z.string()).optional(),
	/** Import only the measures listed. */
	onlyMappedMeasures: z.boolean().optional(),
	measures: z.array(measureSpecSchema).default([]),
	/** Region name as written → area id or "skip". */
	areaNames: z.record(z.string(), z.string().min(1)).optional(),
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** Validates parsed JSON as a CSV mapping; throws {@link ImportError} naming the file. */
export function parseCsvMapping(raw: unknown, file: string): CsvMapping {
	const parsed = csvMappingSchema.safeParse(raw);
	if (!parsed.success) {
		throw new ImportError(
			parsed.error.issues.slice(0, 20).map((issue) => ({
				file,
				message: `mappningsfilen: ${issue.path.map(String).join('.') || '(rot)'}: ${issue.message}`,
			})),
		);
	}
	return parsed.data;
}

/** Reads and validates a CSV mapping file. */
export async function loadCsvMapping(file: string): Promise<CsvMapping> {
	const name = path.basename(file);
	let raw: unknown;
	try {
		raw = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new ImportError([{ file: name, message: `mappningsfilen kan inte läsas som JSON (${String(error)})` }], {
			cause: error,
		});
	}
	return parseCsvMapping(raw, name);
}

/** Checks indicator ids and kinds against the dataset. */
export function checkCsvMapping(mapping: CsvMapping, dataset: DatasetFile, file: string): ImportProblem[] {
	const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
	const areaIds = new Set(dataset.areas.map((a) => a.id));
	const problems: ImportProblem[] = [];
	mapping.measures.forEach((m, i) => {
		if (m.indicator === 'ignore') return;
		const indicator = indicators.get(m.indicator);
		if (!indicator) problems.push({ file, message: `mappningsfilen: measures[${i}]: okänd indikator ${m.indicator}` });
		else if (indicator.kind === 'yesno' || indicator.kind === 'ordinal')
			problems.push({
				file,
				message: `mappningsfilen: measures[${i}]: ${m.indicator} är en enkätindikator (Ja/Nej); registervärden kan inte lagras där`,
			});
	});
	for (const [text, id] of Object.entries(mapping.areaNames ?? {})) {
		if (id !== 'skip' && !areaIds.has(id))
			problems.push({ file, message: `mappningsfilen: areaNames."${text}": okänt område-id ${id}` });
	}
	return problems;
}
