/**
 * The shapes ids and names from outside (Kolada, workbooks, CSV files, a `db.json` dropped in by
 * hand) must have before the bot keeps them. Ids end up in URLs, file names and lookups, names in
 * embeds and charts, so both are held to a small alphabet and a length a person could read.
 */

/** A Kolada KPI id: one capital letter and five digits (`N31807`, `U31401`). */
export const KOLADA_KPI_ID = /^[A-Z]\d{5}$/;

/**
 * Any indicator id the dataset may hold: a Kolada KPI id or the project's own id for ÖJ figures
 * Kolada lacks (`OJEB-INDMOTEN`): capitals, digits and hyphens, at most 64 characters.
 */
export const INDICATOR_ID = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

/** A kommun, län or Riket code as Kolada and SCB write it: four digits as a string (`"0180"`). */
export const AREA_CODE = /^\d{4}$/;

/**
 * An area id an import may give a value: a kommun, län or Riket code, or the id of a stadsdel made
 * from its kommun's code and a slug of its name (`0180-rinkeby-kista`), at most 64 characters.
 */
export const AREA_ID = /^(?=.{4,64}$)\d{4}(-[a-z0-9]+)*$/;

/** A Kolada municipality group id (`G92787`). */
export const KOLADA_GROUP_ID = /^G\d{1,9}$/;

/** The longest name (kommun, stadsdel, group, column header) kept from data; longer ones are quarantined. */
export const MAX_NAME_LENGTH = 200;

/** The longest KPI title kept (Kolada's longest real title has 255 characters). */
export const MAX_TITLE_LENGTH = 400;

/** The longest KPI description kept (Kolada's longest real description has about 1 900 characters). */
export const MAX_DESCRIPTION_LENGTH = 8000;

/** A value as a short, printable excerpt for an error message: never the whole of a huge value. */
export function excerptOf(value: unknown, max = 80): string {
	let text: string;
	if (typeof value === 'string') text = JSON.stringify(value.length > max ? value.slice(0, max) : value);
	else if (typeof value === 'number') text = String(value);
	else if (value === null || value === undefined) text = String(value);
	else if (Array.isArray(value)) text = `en lista med ${value.length} element`;
	else if (typeof value === 'object') text = 'ett objekt';
	else text = typeof value;
	if (typeof value === 'string' && value.length > max) text = `${text.slice(0, -1)}…" (${value.length} tecken)`;
	return text;
}

/** The longest problem line printed, so a huge value in data never floods a message. */
export const MAX_PROBLEM_LINE = 300;
