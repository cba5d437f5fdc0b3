/**
 * Row classification of a results sheet: each data row becomes a kommun, stadsdel, län or Riket
 * row (by code, name, a stadsdel column, the sheet's stadsdel parent or a section heading such as
 * "Socialförvaltningar i Göteborg"), or is skipped as a heading, summary or note row. Unknown
 * names, conflicting code and name, and duplicate rows are reported as problems; a row whose name
 * is over the name limit, whose code has no code's shape, or whose stadsdel id would be malformed
 * is quarantined (left out and counted) while the other rows are kept.
 */
import { clip } from '../../text.js';
import type { Area } from '../../dataset/schema.js';
import { importedAreaSchema, nameProblem, recordProblem, type Quarantine } from '../records.js';
import { AreaResolver, foldName, rowTypeOf, type RowType } from './areas.js';
import { cellText, readCell, type RawCell } from './cells.js';
import type { ImportProblem } from './errors.js';
import { cellAddress, cellAt, type SheetGrid } from './grid.js';
import type { HeaderLayout } from './headers.js';
import type { SheetSpec } from './mapping.js';
import type { RowCounts } from './report.js';

/** A data row that holds values for an area. */
export interface AreaRow {
	readonly row: number;
	readonly area: Area;
	readonly type: RowType;
}

/** A results sheet with its mapping entry and header layout. */
export interface SheetPlan {
	readonly grid: SheetGrid;
	readonly spec?: SheetSpec;
	readonly layout: HeaderLayout;
}

function candidateList(areas: readonly { readonly name: string }[]): string {
	const names = [...new Set(areas.map((a) => a.name))];
	if (names.length === 0) return '';
	const quoted = names.map((n) => `”${n}”`);
	const last = quoted.pop();
	return ` Menade du ${quoted.length > 0 ? `${quoted.join(', ')} eller ${last ?? ''}` : (last ?? '')}?`;
}

/** Finds the parent kommun a heading such as "Stadsdelar i Stockholm" introduces, if any. */
function headingParent(text: string, resolver: AreaResolver): string | undefined {
	const key = foldName(text);
	if (!/stadsdel|forvaltning|\bsdn\b|\bsdo\b|\bsdf\b/.test(key)) return undefined;
	return resolver.districtParents.find((p) => new RegExp(`\\b${foldName(p.name)}s?\\b`).test(key))?.id;
}

function sameName(area: Area, text: string): boolean {
	const key = foldName(text);
	return [area.name, ...area.altNames].some((n) => foldName(n) === key);
}

/** Where a sheet's rows report to. */
export interface RowFindings {
	readonly add: (p: Omit<ImportProblem, 'file'>) => void;
	readonly warnings: string[];
	readonly quarantine: Quarantine;
}

/** The cells of one data row that say which area it is. */
interface RowCells {
	readonly row: number;
	readonly hasValues: boolean;
	readonly codeRaw: RawCell;
	readonly nameText: string | undefined;
	readonly stadsdelText: string | undefined;
	readonly nameAddress: string | undefined;
	readonly codeAddress: string | undefined;
	readonly stadsdelAddress: string | undefined;
}

/** What a row turned out to be: an area, or nothing to keep (already counted or reported). */
type RowArea = Area | undefined;

/** Classifies the data rows of a sheet; counts them in `counts` and reports findings to `out`. */
export function classifyRows(
	plan: SheetPlan,
	valueCols: readonly number[],
	resolver: AreaResolver,
	missing: ReadonlySet<string>,
	counts: RowCounts,
	out: RowFindings,
): AreaRow[] {
	return new RowClassifier(plan, valueCols, resolver, missing, counts, out).classify();
}

class RowClassifier {
	private readonly sheet: string;
	private readonly seen = new Map<string, number>();
	private readonly codeWarned = new Set<string>();
	private readonly fixedContext: boolean;
	/** The kommun a section heading ("Stadsdelar i Stockholm") or the mapping says the rows belong to. */
	private context: string | undefined;

	constructor(
		private readonly plan: SheetPlan,
		private readonly valueCols: readonly number[],
		private readonly resolver: AreaResolver,
		private readonly missing: ReadonlySet<string>,
		private readonly counts: RowCounts,
		private readonly out: RowFindings,
	) {
		this.sheet = plan.grid.name;
		this.context = plan.spec?.stadsdelParent;
		this.fixedContext = plan.spec?.stadsdelParent !== undefined;
	}

	classify(): AreaRow[] {
		const { grid, layout, spec } = this.plan;
		const last = Math.min(spec?.dataEndRow ?? grid.rowCount, grid.rowCount);
		const rows: AreaRow[] = [];
		for (let row = layout.dataStartRow; row <= last; row++) {
			const cells = this.cellsOf(row);
			const area = this.areaOf(cells);
			const kept = area && this.keep(cells, area);
			if (kept) rows.push(kept);
		}
		return rows;
	}

	private cellsOf(row: number): RowCells {
		const grid = this.plan.grid;
		const { code, name, stadsdel } = this.plan.layout.areaColumns;
		const text = (col: number | undefined): string | undefined =>
			col === undefined ? undefined : cellText(cellAt(grid, row, col)?.value);
		const address = (col: number | undefined): string | undefined =>
			col === undefined ? undefined : cellAddress(row, col);
		return {
			row,
			hasValues: this.valueCols.some((col) => cellAt(grid, row, col) !== undefined),
			codeRaw: readCell(code === undefined ? undefined : cellAt(grid, row, code), this.missing),
			nameText: text(name),
			stadsdelText: text(stadsdel),
			nameAddress: address(name),
			codeAddress: address(code),
			stadsdelAddress: address(stadsdel),
		};
	}

	private skip(): undefined {
		this.counts.skipped += 1;
		return undefined;
	}

	private quarantine(cell: string | undefined, reason: string): undefined {
		this.out.quarantine.add(`blad ”${this.sheet}”, ${cell === undefined ? 'rad' : `cell ${cell}`}`, reason);
		return undefined;
	}

	private problem(cell: string | undefined, message: string): undefined {
		this.out.add({ sheet: this.sheet, cell, message });
		return undefined;
	}

	/** The area a row is about, before the checks on its values; undefined when there is none to keep. */
	private areaOf(c: RowCells): RowArea {
		if (c.codeRaw.kind === 'missing' && c.nameText === undefined && c.stadsdelText === undefined) {
			if (c.hasValues) {
				this.out.warnings.push(`blad ”${this.sheet}”, rad ${c.row}: värden utan område hoppades över`);
				return this.skip();
			}
			return undefined;
		}
		const tooLong = this.overlongName(c);
		if (tooLong !== undefined) return c.hasValues ? this.quarantine(tooLong.cell, tooLong.reason) : this.skip();
		const code = this.resolver.byCode(c.codeRaw);
		if (code.kind === 'unknown' && c.hasValues)
			return this.problem(c.codeAddress, `okänd kod ”${code.token}” (område ${code.id} finns inte i datasetet)`);
		if (code.kind === 'invalid' && c.nameText === undefined && c.stadsdelText === undefined) {
			const reason = `koden ”${clip(code.token, 40)}” har inte formen av en kommun-, läns- eller rikskod`;
			return c.hasValues ? this.quarantine(c.codeAddress, reason) : undefined;
		}
		if (code.kind === 'invalid' && !this.codeWarned.has(code.token) && c.hasValues) {
			this.codeWarned.add(code.token);
			this.out.warnings.push(
				`blad ”${this.sheet}”, cell ${c.codeAddress ?? ''}: koden ”${clip(code.token, 40)}” kunde inte tolkas; namnet används`,
			);
		}
		const codeArea = code.kind === 'area' ? code.area : undefined;
		if (c.stadsdelText !== undefined) return this.stadsdelArea(c, c.stadsdelText, codeArea);
		if (c.nameText !== undefined && codeArea) return this.codeAndNameArea(c, c.nameText, codeArea);
		if (c.nameText !== undefined) return this.nameArea(c, c.nameText);
		return codeArea;
	}

	/** The first name cell of the row over the name limit, as the quarantine names it. */
	private overlongName(c: RowCells): { cell: string | undefined; reason: string } | undefined {
		const stadsdel = c.stadsdelText === undefined ? undefined : nameProblem(c.stadsdelText);
		if (stadsdel !== undefined) return { cell: c.stadsdelAddress, reason: `stadsdelsnamnet ${stadsdel}` };
		const name = c.nameText === undefined ? undefined : nameProblem(c.nameText);
		if (name !== undefined) return { cell: c.nameAddress, reason: `namnet ${name}` };
		return undefined;
	}

	/** A row with a stadsdel column: the stadsdel of the row's kommun (by code, else by name). */
	private stadsdelArea(c: RowCells, stadsdelText: string, codeArea: Area | undefined): RowArea {
		let parent = codeArea;
		if (!parent && c.nameText !== undefined) {
			const byName = this.resolver.byName(c.nameText);
			if (byName.kind === 'area') parent = byName.area;
		}
		if (parent?.type === 'kommun') return this.resolver.stadsdel(parent.id, stadsdelText);
		if (c.hasValues)
			return this.problem(
				c.stadsdelAddress,
				`stadsdelen ”${stadsdelText}” saknar kommun (kod eller kommunnamn på raden)`,
			);
		return undefined;
	}

	/** A row with both a code and a name: they must agree, or the name must be a stadsdel of the code. */
	private codeAndNameArea(c: RowCells, nameText: string, codeArea: Area): RowArea {
		if (sameName(codeArea, nameText)) return codeArea;
		const parentContext =
			codeArea.type === 'kommun' && this.resolver.districtParents.some((p) => p.id === codeArea.id)
				? codeArea.id
				: undefined;
		const byName = this.resolver.byName(nameText, parentContext);
		if (byName.kind !== 'area') {
			if (c.hasValues)
				this.out.warnings.push(
					`blad ”${this.sheet}”, cell ${c.nameAddress ?? ''}: namnet ”${nameText}” stämmer inte med koden (${codeArea.id} ${codeArea.name}); koden används`,
				);
			return codeArea;
		}
		if (byName.area.id === codeArea.id) return codeArea;
		if (byName.area.type === 'stadsdel' && byName.area.parentId === codeArea.id) return byName.area;
		if (!c.hasValues) return undefined;
		const token = c.codeRaw.kind === 'missing' ? '' : c.codeRaw.token;
		return this.problem(
			c.nameAddress,
			`koden ”${token}” (${codeArea.name}) och namnet ”${nameText}” (${byName.area.name}) pekar på olika områden`,
		);
	}

	/** A row with only a name: an area, a skipped summary or note row, or a heading that sets the context. */
	private nameArea(c: RowCells, nameText: string): RowArea {
		const byName = this.resolver.byName(nameText, this.context);
		if (byName.kind === 'area') return byName.area;
		if (byName.kind === 'skip') {
			if (c.hasValues)
				this.out.warnings.push(`blad ”${this.sheet}”, rad ${c.row}: ”${nameText}” hoppades över (${byName.reason})`);
			return this.skip();
		}
		if (c.hasValues)
			return this.problem(
				c.nameAddress,
				`okänd kommun eller område ”${clip(nameText, 80)}”.${candidateList(byName.candidates)} Lägg annars till namnet under "areaNames" i mappningsfilen.`,
			);
		if (!this.fixedContext) this.context = headingParent(nameText, this.resolver) ?? this.context;
		return this.skip();
	}

	/** The row's area as a row to read, after its type, values, id shape and duplicates are checked. */
	private keep(c: RowCells, area: Area): AreaRow | undefined {
		const type = rowTypeOf(area);
		if (!type) return this.skip();
		if (!c.hasValues) {
			if (!this.fixedContext) {
				if (type === 'kommun' || type === 'lan' || type === 'riket') this.context = undefined;
				if (c.nameText !== undefined) this.context = headingParent(c.nameText, this.resolver) ?? this.context;
			}
			return this.skip();
		}
		const badId = type === 'stadsdel' ? recordProblem(importedAreaSchema, area) : undefined;
		if (badId !== undefined) {
			this.resolver.discard(area.id);
			return this.quarantine(c.stadsdelAddress ?? c.nameAddress, `stadsdelen ”${clip(area.name, 60)}”: ${badId}`);
		}
		const previous = this.seen.get(area.id);
		if (previous !== undefined)
			return this.problem(
				c.nameAddress ?? c.codeAddress,
				`dubbla rader för ${area.name} (${area.id}): rad ${previous} och rad ${c.row}`,
			);
		this.seen.set(area.id, c.row);
		this.counts[type] += 1;
		return { row: c.row, area, type };
	}
}
