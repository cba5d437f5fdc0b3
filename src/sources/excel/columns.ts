/**
 * Column reading of a results sheet: which columns are imported (mapping, detection), what their
 * values say about a new indicator's kind, and each cell read by the column's role and the row's
 * type — answers for kommuner and stadsdelar, shares for län and Riket, numbers for numeric
 * indicators — into candidate values keyed by indicator, area, measure and year.
 */
import type { Indicator, Measure } from '../../dataset/schema.js';
import type { IncomingPoint } from '../merge.js';
import { foldName } from './areas.js';
import { AnswerDecoder, numericValue, readCell, tokenKey, type RawCell } from './cells.js';
import type { ImportProblem } from './errors.js';
import { cellAddress, cellAt, columnIndex, columnLetter, type SheetGrid } from './grid.js';
import { classifyAreaLabel, type ColumnHeader, type ColumnRole } from './headers.js';
import type { ColumnEvidence, MatchHow } from './indicators.js';
import type { ColumnSpec, SheetSpec } from './mapping.js';
import { TokenTally, type ColumnReport } from './report.js';
import type { AreaRow, SheetPlan } from './rows.js';

/** A column entry of the mapping file other than "ignore". */
export type ColumnObjectSpec = Exclude<ColumnSpec, 'ignore'>;

/** A column to import, with its mapping entry and the key that groups columns of one indicator. */
export interface PlannedColumn {
	readonly header: ColumnHeader;
	readonly spec?: ColumnObjectSpec;
	readonly key: string;
}

/** A value found in a cell, before duplicates across columns and sheets are resolved. */
export interface Candidate {
	readonly point: Omit<IncomingPoint, 'prov'>;
	readonly prov: number;
	readonly priority: number;
	readonly where: string;
}

function keyMatches(key: string, header: ColumnHeader): boolean {
	if (key.toUpperCase() === header.letter) return true;
	const texts = new Set([header.title, header.parts.join(' – '), ...header.parts].map(tokenKey));
	return texts.has(tokenKey(key));
}

function specFor(spec: SheetSpec | undefined, header: ColumnHeader): ColumnSpec | undefined {
	const columns = Object.entries(spec?.columns ?? {});
	return (
		columns.find(([key]) => key.toUpperCase() === header.letter)?.[1] ??
		columns.find(([key]) => keyMatches(key, header))?.[1]
	);
}

/** The columns of a sheet to import: mapped ones, detected ones, and mapped columns without a header. */
export function planColumns(
	plan: SheetPlan,
	add: (p: Omit<ImportProblem, 'file'>) => void,
	warnings: string[],
): PlannedColumn[] {
	const sheet = plan.grid.name;
	const out: PlannedColumn[] = [];
	for (const header of plan.layout.columns) {
		const spec = specFor(plan.spec, header);
		if (spec === 'ignore') continue;
		if (spec === undefined && plan.spec?.onlyMappedColumns) continue;
		if (spec === undefined && header.parts.some((p) => classifyAreaLabel(p) !== undefined)) continue;
		const key =
			spec?.indicator !== undefined
				? `id:${spec.indicator}`
				: spec?.new
					? `new:${spec.new.id ?? foldName(spec.new.title)}`
					: `title:${foldName(header.title)}`;
		out.push({ header, ...(spec ? { spec } : {}), key });
	}
	for (const key of Object.keys(plan.spec?.columns ?? {})) {
		const letter = columnIndex(key);
		const found =
			(letter !== undefined && letter <= plan.grid.colCount) ||
			plan.layout.columns.some((header) => keyMatches(key, header));
		if (!found) add({ sheet, message: `mappningsfilen nämner kolumn ”${key}”, som inte finns bland bladets rubriker` });
	}
	for (const col of plan.layout.unlabeled) {
		const letter = columnLetter(col);
		const header: ColumnHeader = { col, letter, parts: [letter], titleParts: [letter], title: `Kolumn ${letter}` };
		const spec = specFor(plan.spec, header);
		if (spec === undefined) {
			warnings.push(
				`blad ”${sheet}”, kolumn ${letter}: har värden men ingen rubrik och importeras inte (ange den under "columns" i mappningsfilen)`,
			);
			continue;
		}
		if (spec === 'ignore') continue;
		const key =
			spec.indicator !== undefined
				? `id:${spec.indicator}`
				: `new:${spec.new?.id ?? foldName(spec.new?.title ?? letter)}`;
		out.push({ header, spec, key });
	}
	return out;
}

function roleHintOf(column: PlannedColumn): ColumnRole | undefined {
	return column.spec?.role ?? column.header.roleHint;
}

function synonymKey(token: string, synonyms: Readonly<Record<string, number | string>>): string {
	const key = tokenKey(token);
	for (const [from, to] of Object.entries(synonyms)) {
		if (tokenKey(from) === key && typeof to === 'string') return tokenKey(to);
	}
	return key;
}

/** What the cells of a column group say about the kind of a new indicator. */
export function gatherEvidence(
	grid: SheetGrid,
	group: readonly PlannedColumn[],
	areaRows: readonly AreaRow[],
	missing: ReadonlySet<string>,
	synonyms: Readonly<Record<string, number | string>>,
	minCoverage: number,
): ColumnEvidence {
	const answerCounts = new Map<string, number>();
	let kommunNumbers = 0;
	let lanNumbers = 0;
	let percentFormatted = 0;
	for (const column of group) {
		const hint = roleHintOf(column);
		for (const r of areaRows) {
			const raw = readCell(cellAt(grid, r.row, column.header.col), missing);
			if (raw.kind === 'missing') continue;
			if (raw.kind === 'number' && raw.percentFormat) percentFormatted += 1;
			const unit = r.type === 'kommun' || r.type === 'stadsdel';
			if (unit && hint !== 'share' && hint !== 'shareAny') {
				if (raw.kind === 'text') {
					const key = synonymKey(raw.text, synonyms);
					answerCounts.set(key, (answerCounts.get(key) ?? 0) + 1);
				} else kommunNumbers += 1;
			} else if (!unit && raw.kind === 'number') lanNumbers += 1;
		}
	}
	return { answerCounts, kommunNumbers, lanNumbers, percentFormatted, minCoverage };
}

/** Everything {@link readColumn} needs. */
export interface ReadColumnArgs {
	readonly plan: SheetPlan;
	readonly column: PlannedColumn;
	readonly indicator: Indicator;
	readonly how: MatchHow;
	readonly areaRows: readonly AreaRow[];
	readonly year: number;
	readonly provIndex: number;
	readonly missing: ReadonlySet<string>;
	readonly synonyms: Readonly<Record<string, number | string>>;
	readonly add: (p: Omit<ImportProblem, 'file'>) => void;
	readonly candidates: Map<string, Candidate>;
	readonly minShare: number;
	readonly warnings: string[];
}

function pointKey(p: Omit<IncomingPoint, 'prov'>): string {
	return `${p.indicator}|${p.area}|${p.gender}|${p.measure}|${p.year}`;
}

/** Reads one column into candidate values and reports its tokens; applies the parse-rate gate. */
export function readColumn(args: ReadColumnArgs): ColumnReport {
	const { plan, column, indicator, areaRows, missing, add } = args;
	const grid = plan.grid;
	const sheet = grid.name;
	const categorical = indicator.kind === 'yesno' || indicator.kind === 'ordinal';
	const hint = roleHintOf(column);
	const role: ColumnRole = categorical ? (hint === 'share' || hint === 'shareAny' ? hint : 'answer') : 'value';
	const year = column.spec?.year ?? column.header.year ?? args.year;
	const factor = column.spec?.factor ?? 1;
	const decoder = categorical
		? new AnswerDecoder(indicator.scale ?? [], column.spec?.answers, args.synonyms)
		: undefined;
	const tally = new TokenTally();
	const shareTally = new TokenTally();
	const unparsed: { cell: string; token: string }[] = [];
	let considered = 0;
	let parsed = 0;
	let ignored = 0;

	const push = (
		r: AreaRow,
		measure: Measure,
		value: number | null,
		token: string,
		cell: string,
		priority: number,
	): void => {
		const point: Omit<IncomingPoint, 'prov'> = {
			indicator: indicator.id,
			area: r.area.id,
			gender: 'T',
			measure,
			year,
			value,
			...(value === null && token !== '' ? { status: token } : {}),
			ref: cell,
		};
		const key = pointKey(point);
		const where = `blad ”${sheet}” cell ${cell}`;
		const existing = args.candidates.get(key);
		if (!existing || existing.priority < priority) {
			args.candidates.set(key, { point, prov: args.provIndex, priority, where });
			return;
		}
		if (existing.priority > priority) return;
		if (existing.point.value === point.value && (existing.point.status ?? '') === (point.status ?? '')) return;
		add({
			sheet,
			cell,
			message: `två olika värden för ${indicator.id}, ${r.area.name} ${year}: ${existing.where} och ${where}`,
		});
	};
	const shareMeasure: Measure = role === 'shareAny' ? 'shareAny' : 'share';
	const readShare = (r: AreaRow, raw: Extract<RawCell, { kind: 'number' }>, cell: string, priority: number): void => {
		const value = numericValue(raw, factor);
		shareTally.number(value, raw.percentFormat);
		if (value < 0 || value > 100) {
			add({ sheet, cell, message: `andelen ${raw.token} blir ${value} %, utanför 0–100` });
			return;
		}
		push(r, shareMeasure, value, raw.token, cell, priority);
	};

	for (const r of areaRows) {
		const cell = cellAddress(r.row, column.header.col);
		const raw = readCell(cellAt(grid, r.row, column.header.col), missing);
		const unit = r.type === 'kommun' || r.type === 'stadsdel';
		const primary = role === 'value' || (role === 'answer' ? unit : !unit);
		const secondary = role === 'answer' && !unit;
		if (!primary && !secondary) {
			if (!(raw.kind === 'missing' && raw.token === '')) ignored += 1;
			continue;
		}
		if (secondary) {
			if (raw.kind === 'missing') continue;
			considered += 1;
			if (raw.kind === 'number') {
				parsed += 1;
				readShare(r, raw, cell, 1);
			} else {
				tally.token(raw.token);
				unparsed.push({ cell, token: raw.token });
			}
			continue;
		}
		considered += 1;
		if (raw.kind === 'missing') {
			parsed += 1;
			tally.token(raw.token);
			const measure: Measure = role === 'answer' ? 'answer' : role === 'value' ? 'value' : shareMeasure;
			push(r, measure, null, raw.token, cell, 2);
			continue;
		}
		if (role === 'answer') {
			const token = raw.token;
			tally.token(token);
			const code = decoder?.decode(token);
			if (code === undefined) unparsed.push({ cell, token });
			else {
				parsed += 1;
				push(r, 'answer', code, token, cell, 2);
			}
			continue;
		}
		if (raw.kind === 'text') {
			tally.token(raw.token);
			add({
				sheet,
				cell,
				message: `texten ”${raw.token}” i en sifferkolumn (${indicator.id} ”${indicator.shortTitle}”); ange den som saknat värde ("missingTokens") i mappningsfilen om den betyder det`,
			});
			continue;
		}
		parsed += 1;
		if (role === 'value') {
			const value = numericValue(raw, factor);
			tally.number(value, raw.percentFormat);
			push(r, 'value', value, raw.token, cell, 2);
		} else readShare(r, raw, cell, 2);
	}

	const header = column.header.parts.join(' – ');
	const label = `blad ”${sheet}”, kolumn ${column.header.letter} (”${header}”)`;
	if (considered > 0 && parsed / considered < args.minShare) {
		const unknown = tally.tokenCounts.filter((t) =>
			unparsed.some((u) => u.token === (t.token === '(tom)' ? '' : t.token)),
		);
		add({
			sheet,
			cell: column.header.letter,
			message:
				`bara ${Math.floor((parsed / considered) * 100)} % av ${considered} celler kunde tolkas (krav ${Math.round(args.minShare * 100)} %); ` +
				`okända värden: ${unknown.map((t) => `”${t.token}” (${t.count})`).join(', ')}. ` +
				`Ange dem under "answers" eller "missingTokens" i mappningsfilen, eller rätt indikator för kolumnen.`,
		});
	} else if (unparsed.length > 0) {
		args.warnings.push(
			`${label}: ${unparsed.length} celler kunde inte tolkas och hoppades över: ${unparsed
				.slice(0, 5)
				.map((u) => `${u.cell} ”${u.token}”`)
				.join(', ')}${unparsed.length > 5 ? ' …' : ''}`,
		);
	}
	if (considered === 0) args.warnings.push(`${label}: inga celler att läsa för ${indicator.id}`);
	const shareNumbers = shareTally.numbers;
	if (
		factor === 1 &&
		shareNumbers.count >= 3 &&
		shareNumbers.percentFormatted === 0 &&
		shareNumbers.max !== null &&
		shareNumbers.max <= 1
	) {
		args.warnings.push(
			`${label}: alla andelar ligger mellan 0 och 1 utan procentformat – är de bråk? Ange i så fall "factor": 100 för kolumnen i mappningsfilen`,
		);
	}
	const numbers = tally.numbers.count > 0 ? tally.numbers : shareNumbers;
	return {
		section: sheet,
		column: column.header.letter,
		header,
		indicator: indicator.id,
		how: args.how,
		role,
		...(year === args.year ? {} : { year }),
		considered,
		parsed,
		ignored,
		tokens: tally.tokenCounts,
		numbers,
		unparsed: unparsed.slice(0, 5),
	};
}
