/**
 * Row classification of a results sheet: each data row becomes a kommun, stadsdel, län or Riket
 * row (by code, name, a stadsdel column, the sheet's stadsdel parent or a section heading such as
 * "Socialförvaltningar i Göteborg"), or is skipped as a heading, summary or note row. Unknown
 * names, conflicting code and name, and duplicate rows are reported as problems.
 */
import { MAX_NAME_LENGTH } from '../../dataset/ids.js';
import { clip } from '../../text.js';
import type { Area } from '../../dataset/schema.js';
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

/** Classifies the data rows of a sheet; counts them in `counts` and reports problems through `add`. */
export function classifyRows(
	plan: SheetPlan,
	valueCols: readonly number[],
	resolver: AreaResolver,
	missing: ReadonlySet<string>,
	counts: RowCounts,
	add: (p: Omit<ImportProblem, 'file'>) => void,
	warnings: string[],
): AreaRow[] {
	const { grid, layout, spec } = plan;
	const sheet = grid.name;
	const { code: codeCol, name: nameCol, stadsdel: stadsdelCol } = layout.areaColumns;
	const last = Math.min(spec?.dataEndRow ?? grid.rowCount, grid.rowCount);
	const out: AreaRow[] = [];
	const seen = new Map<string, number>();
	let context: string | undefined = spec?.stadsdelParent;
	const fixedContext = spec?.stadsdelParent !== undefined;
	const codeWarned = new Set<string>();

	for (let row = layout.dataStartRow; row <= last; row++) {
		const hasValues = valueCols.some((col) => cellAt(grid, row, col) !== undefined);
		const codeCell = codeCol === undefined ? undefined : cellAt(grid, row, codeCol);
		const codeRaw: RawCell = readCell(codeCell, missing);
		const nameText = nameCol === undefined ? undefined : cellText(cellAt(grid, row, nameCol)?.value);
		const stadsdelText = stadsdelCol === undefined ? undefined : cellText(cellAt(grid, row, stadsdelCol)?.value);
		const nameAddress = nameCol === undefined ? undefined : cellAddress(row, nameCol);
		const codeAddress = codeCol === undefined ? undefined : cellAddress(row, codeCol);

		if (codeRaw.kind === 'missing' && nameText === undefined && stadsdelText === undefined) {
			if (hasValues) {
				counts.skipped += 1;
				warnings.push(`blad ”${sheet}”, rad ${row}: värden utan område hoppades över`);
			}
			continue;
		}

		const code = resolver.byCode(codeRaw);
		let codeArea: Area | undefined;
		if (code.kind === 'area') codeArea = code.area;
		else if (code.kind === 'unknown') {
			if (hasValues) {
				add({
					sheet,
					cell: codeAddress,
					message: `okänd kod ”${code.token}” (område ${code.id} finns inte i datasetet)`,
				});
				continue;
			}
		} else if (code.kind === 'invalid' && nameText === undefined && stadsdelText === undefined) {
			if (hasValues)
				add({
					sheet,
					cell: codeAddress,
					message: `koden ”${code.token}” går inte att tolka som kommun-, läns- eller rikskod`,
				});
			continue;
		} else if (code.kind === 'invalid' && !codeWarned.has(code.token) && hasValues) {
			codeWarned.add(code.token);
			warnings.push(
				`blad ”${sheet}”, cell ${codeAddress ?? ''}: koden ”${code.token}” kunde inte tolkas; namnet används`,
			);
		}

		let area: Area | undefined;
		if (stadsdelText !== undefined) {
			let parent = codeArea;
			if (!parent && nameText !== undefined) {
				const byName = resolver.byName(nameText);
				if (byName.kind === 'area') parent = byName.area;
			}
			if (stadsdelText.length > MAX_NAME_LENGTH) {
				add({
					sheet,
					cell: stadsdelCol === undefined ? undefined : cellAddress(row, stadsdelCol),
					message: `stadsdelsnamnet har ${stadsdelText.length} tecken (högst ${MAX_NAME_LENGTH})`,
				});
				continue;
			}
			if (parent?.type === 'kommun') area = resolver.stadsdel(parent.id, stadsdelText);
			else if (hasValues) {
				add({
					sheet,
					cell: stadsdelCol === undefined ? undefined : cellAddress(row, stadsdelCol),
					message: `stadsdelen ”${stadsdelText}” saknar kommun (kod eller kommunnamn på raden)`,
				});
				continue;
			}
		} else if (nameText !== undefined && codeArea) {
			if (sameName(codeArea, nameText)) area = codeArea;
			else {
				const parentContext =
					codeArea.type === 'kommun' && resolver.districtParents.some((p) => p.id === codeArea.id)
						? codeArea.id
						: undefined;
				const byName = resolver.byName(nameText, parentContext);
				if (byName.kind === 'area') {
					if (byName.area.id === codeArea.id) area = codeArea;
					else if (byName.area.type === 'stadsdel' && byName.area.parentId === codeArea.id) area = byName.area;
					else {
						if (hasValues)
							add({
								sheet,
								cell: nameAddress,
								message: `koden ”${codeRaw.kind === 'missing' ? '' : codeRaw.token}” (${codeArea.name}) och namnet ”${nameText}” (${byName.area.name}) pekar på olika områden`,
							});
						continue;
					}
				} else {
					area = codeArea;
					if (hasValues)
						warnings.push(
							`blad ”${sheet}”, cell ${nameAddress ?? ''}: namnet ”${nameText}” stämmer inte med koden (${codeArea.id} ${codeArea.name}); koden används`,
						);
				}
			}
		} else if (nameText !== undefined) {
			const byName = resolver.byName(nameText, context);
			if (byName.kind === 'skip') {
				counts.skipped += 1;
				if (hasValues) warnings.push(`blad ”${sheet}”, rad ${row}: ”${nameText}” hoppades över (${byName.reason})`);
				continue;
			}
			if (byName.kind === 'unknown') {
				if (hasValues) {
					add({
						sheet,
						cell: nameAddress,
						message: `okänd kommun eller område ”${clip(nameText, 80)}”.${candidateList(byName.candidates)} Lägg annars till namnet under "areaNames" i mappningsfilen.`,
					});
				} else {
					counts.skipped += 1;
					if (!fixedContext) context = headingParent(nameText, resolver) ?? context;
				}
				continue;
			}
			area = byName.area;
		} else {
			area = codeArea;
		}
		if (!area) continue;
		const type = rowTypeOf(area);
		if (!type) {
			counts.skipped += 1;
			continue;
		}
		if (!hasValues) {
			counts.skipped += 1;
			if (!fixedContext) context = type === 'kommun' || type === 'lan' || type === 'riket' ? undefined : context;
			if (!fixedContext && nameText !== undefined) context = headingParent(nameText, resolver) ?? context;
			continue;
		}
		const previous = seen.get(area.id);
		if (previous !== undefined) {
			add({
				sheet,
				cell: nameAddress ?? codeAddress,
				message: `dubbla rader för ${area.name} (${area.id}): rad ${previous} och rad ${row}`,
			});
			continue;
		}
		seen.set(area.id, row);
		counts[type] += 1;
		out.push({ row, area, type });
	}
	return out;
}
