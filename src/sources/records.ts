/**
 * The one schema for records from outside the bot — Kolada records, workbook rows and CSV rows —
 * and the quarantine for those that fail it. Ids must have their shapes (a Kolada KPI id
 * `N31807`, the project's own indicator id `OJEB-INDMOTEN`, an area code `0180` or a stadsdel id
 * `0180-rinkeby-kista`, a group id `G92787`), names at most {@link MAX_NAME_LENGTH} characters and
 * numbers finite. A record that fails is quarantined: left out, counted in the import summary and
 * described in one short Swedish line, while the rest of the file is kept.
 */
import { clip } from '../text.js';
import { z } from 'zod';

import {
	AREA_CODE,
	AREA_ID,
	MAX_PROBLEM_LINE,
	excerptOf,
	INDICATOR_ID,
	KOLADA_GROUP_ID,
	KOLADA_KPI_ID,
	MAX_NAME_LENGTH,
} from '../dataset/ids.js';
import { GENDERS, MAX_YEAR, MEASURES, MIN_YEAR } from '../dataset/schema.js';

/** A Kolada KPI id (`N31807`). */
export const kpiIdSchema = z.string().regex(KOLADA_KPI_ID, 'ska vara en bokstav och fem siffror, t.ex. N31807');
/** Any indicator id the dataset may hold: a Kolada KPI id or the project's own (`OJEB-INDMOTEN`). */
export const indicatorIdSchema = z
	.string()
	.regex(INDICATOR_ID, 'ska vara ett Kolada-id (N31807) eller ett eget id av versaler, siffror och bindestreck');
/** A kommun, län or Riket code (`0180`). */
export const areaCodeSchema = z.string().regex(AREA_CODE, 'ska vara fyra siffror, t.ex. 0180');
/** An area an imported value may belong to: an area code or a stadsdel id (`0180-rinkeby-kista`). */
export const areaIdSchema = z
	.string()
	.regex(AREA_ID, 'ska vara en områdeskod (0180) eller ett stadsdels-id (0180-rinkeby-kista), högst 64 tecken');
/** A Kolada municipality group id (`G92787`). */
export const groupIdSchema = z.string().regex(KOLADA_GROUP_ID, 'ska vara G och siffror, t.ex. G92787');
/** A name from data (kommun, stadsdel, group, column header, measure). */
export const nameSchema = z.string().max(MAX_NAME_LENGTH, `högst ${MAX_NAME_LENGTH} tecken`);
/** A number from data: finite (no `1e309`, no NaN). */
export const finiteNumberSchema = z.number({ error: 'ska vara ett ändligt tal' });

/** One value from a workbook or CSV row, as the importers hand it to the merge. */
export const importedValueSchema = z.object({
	indicator: indicatorIdSchema,
	area: areaIdSchema,
	gender: z.enum(GENDERS),
	measure: z.enum(MEASURES),
	year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
	value: finiteNumberSchema.nullable(),
	status: nameSchema.optional(),
});

/** An area an import creates (a stadsdel from a workbook). */
export const importedAreaSchema = z.object({ id: areaIdSchema, name: nameSchema, altNames: z.array(nameSchema) });

const FIELD_LABELS: Readonly<Record<string, string>> = {
	indicator: 'indikator-id',
	area: 'område-id',
	id: 'id',
	name: 'namnet',
	altNames: 'namnet',
	year: 'året',
	value: 'värdet',
	status: 'statusen',
};

/**
 * Why `text` cannot be kept as a name ("har 50000 tecken (högst 200)"), or undefined when it can.
 * Never repeats the text itself, which may be huge.
 */
export function nameProblem(text: string): string | undefined {
	return nameSchema.safeParse(text).success ? undefined : `har ${text.length} tecken (högst ${MAX_NAME_LENGTH})`;
}

/** Why `value` is no finite number ("1e309 är inget ändligt tal"), or undefined when it is one. */
export function numberProblem(value: number): string | undefined {
	return finiteNumberSchema.safeParse(value).success ? undefined : `${String(value)} är inget ändligt tal`;
}

/**
 * `schema.safeParse(record)`, with the failing input in each issue. A valid record takes zod's fast
 * path; the input is asked for only on a second parse when the first fails (asking for it on every
 * parse makes each one about three times slower, valid or not).
 */
export function parseRecord<T>(schema: z.ZodType<T>, record: unknown): z.ZodSafeParseResult<T> {
	const parsed = schema.safeParse(record);
	return parsed.success ? parsed : schema.safeParse(record, { reportInput: true });
}

/** Why a record fails `schema`, as "område-id ”0180-…” ska vara …", or undefined when it passes. */
export function recordProblem(schema: z.ZodType, record: unknown): string | undefined {
	const parsed = parseRecord(schema, record);
	if (parsed.success) return undefined;
	const issue = parsed.error.issues[0];
	if (!issue) return 'posten har fel form';
	const field = issue.path.map(String).find((p) => FIELD_LABELS[p] !== undefined);
	const label = field === undefined ? 'posten' : (FIELD_LABELS[field] ?? field);
	const input = 'input' in issue && issue.input !== undefined ? ` ${excerptOf(issue.input, 40)}` : '';
	return `${label}${input} ${issue.message}`;
}

/** Quarantined records of one import: how many, and the first few as one-line messages. */
export interface QuarantineReport {
	readonly count: number;
	readonly examples: readonly string[];
}

/** Collects the records of one import that failed their schema; none of them is kept. */
export class Quarantine {
	private readonly lines: string[] = [];
	private total = 0;

	constructor(private readonly limit = 20) {}

	/** Quarantines a record: `where` it is in the file and `reason` it fails, kept as one short line. */
	add(where: string, reason: string): void {
		this.total += 1;
		if (this.lines.length < this.limit)
			this.lines.push(clip(`${where}: ${reason}`.replace(/\s+/g, ' '), MAX_PROBLEM_LINE));
	}

	/** The records `problemOf` finds nothing wrong with; the others are quarantined, each named by `where`. */
	keep<T>(records: readonly T[], problemOf: (record: T) => string | undefined, where: (record: T) => string): T[] {
		return records.filter((record) => {
			const problem = problemOf(record);
			if (problem !== undefined) this.add(where(record), problem);
			return problem === undefined;
		});
	}

	/** Number of records quarantined. */
	get count(): number {
		return this.total;
	}

	/** The count and the first messages, for the import report. */
	report(): QuarantineReport {
		return { count: this.total, examples: [...this.lines] };
	}
}
