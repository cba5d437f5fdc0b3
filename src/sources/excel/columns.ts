/**
 * Column reading of a results sheet: which columns are imported (mapping, detection), what their
 * values say about a new indicator's kind, and each cell read by the column's role and the row's
 * type — answers for kommuner and stadsdelar, shares for län and Riket, numbers for numeric
 * indicators — into candidate values keyed by indicator, area, measure and year. A number that is
 * not finite is quarantined (left out and counted), the rest of the column kept.
 */
import type { Indicator, Measure } from '../../dataset/schema.js';
import type { IncomingPoint } from '../merge.js';
import { numberProblem, type Quarantine } from '../records.js';
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
	readonly quarantine: Quarantine;
}

function pointKey(p: Omit<IncomingPoint, 'prov'>): string {
	return `${p.indicator}|${p.area}|${p.gender}|${p.measure}|${p.year}`;
}

type NumberCell = Extract<RawCell, { kind: 'number' }>;

/** Reads one column into candidate values and reports its tokens; applies the parse-rate gate. */
export function readColumn(args: ReadColumnArgs): ColumnReport {
	const reader = new ColumnReader(args);
	for (const r of args.areaRows) reader.read(r);
	return reader.finish();
}

/** The reading of one column: each row's cell by the column's role and the row's type, then the report. */
class ColumnReader {
	private readonly sheet: string;
	private readonly role: ColumnRole;
	private readonly shareMeasure: Measure;
	private readonly year: number;
	private readonly factor: number;
	private readonly decoder: AnswerDecoder | undefined;
	private readonly tally = new TokenTally();
	private readonly shareTally = new TokenTally();
	private readonly unparsed: { cell: string; token: string }[] = [];
	private considered = 0;
	private parsed = 0;
	private ignored = 0;

	constructor(private readonly args: ReadColumnArgs) {
		const { column, indicator } = args;
		this.sheet = args.plan.grid.name;
		const categorical = indicator.kind === 'yesno' || indicator.kind === 'ordinal';
		const hint = roleHintOf(column);
		this.role = categorical ? (hint === 'share' || hint === 'shareAny' ? hint : 'answer') : 'value';
		this.shareMeasure = this.role === 'shareAny' ? 'shareAny' : 'share';
		this.year = column.spec?.year ?? column.header.year ?? args.year;
		this.factor = column.spec?.factor ?? 1;
		this.decoder = categorical
			? new AnswerDecoder(indicator.scale ?? [], column.spec?.answers, args.synonyms)
			: undefined;
	}

	/** Reads the column's cell of one row. */
	read(r: AreaRow): void {
		const col = this.args.column.header.col;
		const cell = cellAddress(r.row, col);
		const raw = readCell(cellAt(this.args.plan.grid, r.row, col), this.args.missing);
		const unit = r.type === 'kommun' || r.type === 'stadsdel';
		const primary = this.role === 'value' || (this.role === 'answer' ? unit : !unit);
		const secondary = this.role === 'answer' && !unit;
		if (!primary && !secondary) {
			if (!(raw.kind === 'missing' && raw.token === '')) this.ignored += 1;
			return;
		}
		const infinite = raw.kind === 'number' ? numberProblem(numericValue(raw, this.factor)) : undefined;
		if (infinite !== undefined) {
			this.args.quarantine.add(`blad ”${this.sheet}”, cell ${cell}`, `värdet ${infinite}`);
			return;
		}
		if (secondary) this.readSecondary(r, raw, cell);
		else this.readPrimary(r, raw, cell);
	}

	/** A number on a län or Riket row of an answer column: the share of kommuner. */
	private readSecondary(r: AreaRow, raw: RawCell, cell: string): void {
		if (raw.kind === 'missing') return;
		this.considered += 1;
		if (raw.kind === 'number') {
			this.parsed += 1;
			this.readShare(r, raw, cell, 1);
		} else {
			this.tally.token(raw.token);
			this.unparsed.push({ cell, token: raw.token });
		}
	}

	private readPrimary(r: AreaRow, raw: RawCell, cell: string): void {
		this.considered += 1;
		if (raw.kind === 'missing') {
			this.parsed += 1;
			this.tally.token(raw.token);
			const measure: Measure = this.role === 'answer' ? 'answer' : this.role === 'value' ? 'value' : this.shareMeasure;
			this.push(r, measure, null, raw.token, cell, 2);
			return;
		}
		if (this.role === 'answer') {
			this.tally.token(raw.token);
			const code = this.decoder?.decode(raw.token);
			if (code === undefined) this.unparsed.push({ cell, token: raw.token });
			else {
				this.parsed += 1;
				this.push(r, 'answer', code, raw.token, cell, 2);
			}
			return;
		}
		if (raw.kind === 'text') {
			const { indicator } = this.args;
			this.tally.token(raw.token);
			this.args.add({
				sheet: this.sheet,
				cell,
				message: `texten ”${raw.token}” i en sifferkolumn (${indicator.id} ”${indicator.shortTitle}”); ange den som saknat värde ("missingTokens") i mappningsfilen om den betyder det`,
			});
			return;
		}
		this.parsed += 1;
		if (this.role === 'value') {
			const value = numericValue(raw, this.factor);
			this.tally.number(value, raw.percentFormat);
			this.push(r, 'value', value, raw.token, cell, 2);
		} else this.readShare(r, raw, cell, 2);
	}

	private readShare(r: AreaRow, raw: NumberCell, cell: string, priority: number): void {
		const value = numericValue(raw, this.factor);
		this.shareTally.number(value, raw.percentFormat);
		if (value < 0 || value > 100) {
			this.args.add({ sheet: this.sheet, cell, message: `andelen ${raw.token} blir ${value} %, utanför 0–100` });
			return;
		}
		this.push(r, this.shareMeasure, value, raw.token, cell, priority);
	}

	/** Offers a value; a value of higher priority wins, two different ones of the same priority are a problem. */
	private push(
		r: AreaRow,
		measure: Measure,
		value: number | null,
		token: string,
		cell: string,
		priority: number,
	): void {
		const { indicator, candidates } = this.args;
		const point: Omit<IncomingPoint, 'prov'> = {
			indicator: indicator.id,
			area: r.area.id,
			gender: 'T',
			measure,
			year: this.year,
			value,
			...(value === null && token !== '' ? { status: token } : {}),
			ref: cell,
		};
		const key = pointKey(point);
		const where = `blad ”${this.sheet}” cell ${cell}`;
		const existing = candidates.get(key);
		if (!existing || existing.priority < priority) {
			candidates.set(key, { point, prov: this.args.provIndex, priority, where });
			return;
		}
		if (existing.priority > priority) return;
		if (existing.point.value === point.value && (existing.point.status ?? '') === (point.status ?? '')) return;
		this.args.add({
			sheet: this.sheet,
			cell,
			message: `två olika värden för ${indicator.id}, ${r.area.name} ${this.year}: ${existing.where} och ${where}`,
		});
	}

	/** The column's report, after the parse-rate gate and the warnings about what it found. */
	finish(): ColumnReport {
		const header = this.args.column.header.parts.join(' – ');
		const label = `blad ”${this.sheet}”, kolumn ${this.args.column.header.letter} (”${header}”)`;
		this.checkParseRate(label);
		if (this.considered === 0) this.args.warnings.push(`${label}: inga celler att läsa för ${this.args.indicator.id}`);
		this.checkFractions(label);
		const numbers = this.tally.numbers.count > 0 ? this.tally.numbers : this.shareTally.numbers;
		return {
			section: this.sheet,
			column: this.args.column.header.letter,
			header,
			indicator: this.args.indicator.id,
			how: this.args.how,
			role: this.role,
			...(this.year === this.args.year ? {} : { year: this.year }),
			considered: this.considered,
			parsed: this.parsed,
			ignored: this.ignored,
			tokens: this.tally.tokenCounts,
			numbers,
			unparsed: this.unparsed.slice(0, 5),
		};
	}

	/** Too few cells read stops the import; a few unread ones are a warning. */
	private checkParseRate(label: string): void {
		const { considered, parsed, unparsed } = this;
		const minShare = this.args.minShare;
		if (considered > 0 && parsed / considered < minShare) {
			const unknown = this.tally.tokenCounts.filter((t) =>
				unparsed.some((u) => u.token === (t.token === '(tom)' ? '' : t.token)),
			);
			this.args.add({
				sheet: this.sheet,
				cell: this.args.column.header.letter,
				message:
					`bara ${Math.floor((parsed / considered) * 100)} % av ${considered} celler kunde tolkas (krav ${Math.round(minShare * 100)} %); ` +
					`okända värden: ${unknown.map((t) => `”${t.token}” (${t.count})`).join(', ')}. ` +
					`Ange dem under "answers" eller "missingTokens" i mappningsfilen, eller rätt indikator för kolumnen.`,
			});
		} else if (unparsed.length > 0) {
			this.args.warnings.push(
				`${label}: ${unparsed.length} celler kunde inte tolkas och hoppades över: ${unparsed
					.slice(0, 5)
					.map((u) => `${u.cell} ”${u.token}”`)
					.join(', ')}${unparsed.length > 5 ? ' …' : ''}`,
			);
		}
	}

	/** Shares all between 0 and 1 without percent format are probably fractions. */
	private checkFractions(label: string): void {
		const shares = this.shareTally.numbers;
		if (this.factor !== 1 || shares.count < 3 || shares.percentFormatted > 0 || shares.max === null || shares.max > 1)
			return;
		this.args.warnings.push(
			`${label}: alla andelar ligger mellan 0 och 1 utan procentformat – är de bråk? Ange i så fall "factor": 100 för kolumnen i mappningsfilen`,
		);
	}
}
