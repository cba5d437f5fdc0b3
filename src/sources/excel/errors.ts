/**
 * Errors of the file importers (ÖJ workbook, statistikdatabas CSV). Every problem names the file
 * and, where there is one, the sheet and cell (or CSV row), in Swedish, so a maintainer can open
 * the file and find it. An import with any problem writes nothing.
 */

/** Where in a source file a problem is. */
export interface SourceLocation {
	readonly file: string;
	readonly sheet?: string;
	/** Cell address ("C12") or a CSV position ("rad 12"). */
	readonly cell?: string;
}

/** One problem found while importing. */
export interface ImportProblem extends SourceLocation {
	readonly message: string;
}

/** "fil.xlsx, blad ”Kommuner”, cell C12" (as much as is known). */
export function describeLocation(location: SourceLocation): string {
	const parts = [location.file];
	if (location.sheet !== undefined) parts.push(`blad ”${location.sheet}”`);
	const cell = location.cell;
	if (cell !== undefined) {
		if (/^[A-Z]{1,3}\d+$/.test(cell)) parts.push(`cell ${cell}`);
		else if (/^[A-Z]{1,3}$/.test(cell)) parts.push(`kolumn ${cell}`);
		else parts.push(cell);
	}
	return parts.join(', ');
}

/** A problem as one line: location, then what is wrong. */
export function formatProblem(problem: ImportProblem): string {
	return `${describeLocation(problem)}: ${problem.message}`;
}

/** The import was stopped; nothing was written. Lists every problem found (up to a limit). */
export class ImportError extends Error {
	override readonly name = 'ImportError';
	constructor(
		readonly problems: readonly ImportProblem[],
		options?: ErrorOptions,
	) {
		const lines = problems.map((p) => `  - ${formatProblem(p)}`);
		super(`Importen avbröts, inget har skrivits:\n${lines.join('\n')}`, options);
	}
}

/** Collects problems and throws them together, so one run shows everything that needs fixing. */
export class ProblemList {
	private readonly items: ImportProblem[] = [];
	private dropped = 0;

	constructor(private readonly limit = 60) {}

	/** Records a problem. */
	add(problem: ImportProblem): void {
		if (this.items.length < this.limit) this.items.push(problem);
		else this.dropped += 1;
	}

	/** Number of problems recorded (including those beyond the limit). */
	get size(): number {
		return this.items.length + this.dropped;
	}

	/** Throws an {@link ImportError} when any problem was recorded. */
	throwIfAny(file: string): void {
		if (this.size === 0) return;
		const problems = [...this.items];
		if (this.dropped > 0) problems.push({ file, message: `… och ${this.dropped} problem till` });
		throw new ImportError(problems);
	}
}
