/**
 * Pieces several answers share: how a figure is written for an area (a number, a survey answer or a
 * share of kommuner), chart headers, and collecting attribution lines.
 */
import type { ChartSpecBase } from '../charts/spec.js';
import { isCategorical, type Dataset } from '../dataset/dataset.js';
import { comparableWithKommun, figureClass, isOwn, type FewValues, type GroupFigure } from './stats.js';
import type { Area, Gender, Indicator } from '../dataset/schema.js';
import { ownCalculation, tr, type AnswerContext } from './context.js';
import { answerLabel, formatShare, formatValue, numberFormatFor } from './format.js';

/** Whether figures of this area are survey answers (kommun, stadsdel) rather than shares. */
export function holdsAnswers(area: Area): boolean {
	return area.type === 'kommun' || area.type === 'stadsdel';
}

/** A figure as text: "4,2 %", "Ja", or "62 % svarade Ja" for a share of kommuner. */
export function describeFigure(ctx: AnswerContext, indicator: Indicator, area: Area, value: number | null): string {
	if (!isCategorical(indicator)) return formatValue(indicator, value);
	if (holdsAnswers(area)) return answerLabel(indicator.scale, value);
	return shareText(ctx, indicator, value);
}

/** "62 % svarade Ja" – a share of kommuner with the first (desired) answer. */
export function shareText(ctx: AnswerContext, indicator: Indicator, value: number | null): string {
	const first = indicator.scale?.[0]?.label ?? 'Ja';
	return tr(ctx, `${formatShare(value)} svarade ”${first}”`, `${formatShare(value)} answered ”${first}”`);
}

/** Years with a non-missing figure for one area (ascending). */
export function yearsFor(ds: Dataset, indicator: Indicator, area: Area, gender: Gender): number[] {
	return ds
		.series(indicator.id, area.id, gender, ds.defaultMeasure(indicator, area))
		.filter((o) => o.value !== null)
		.map((o) => o.year);
}

/** The unit shown in titles: "%", "kr/inv", or "andel kommuner (%)" for survey shares. */
export function unitLabel(ctx: AnswerContext, indicator: Indicator, shares: boolean): string {
	if (isCategorical(indicator)) return shares ? tr(ctx, 'andel kommuner (%)', 'share of kommuner (%)') : indicator.unit;
	return indicator.unit;
}

/** Collects attribution lines in order, without duplicates. */
export class Sources {
	private readonly lines: string[] = [];

	/** Adds a line (ignored when already present or empty). */
	add(line: string | undefined): this {
		if (line && !this.lines.includes(line)) this.lines.push(line);
		return this;
	}

	/** Adds the bot's own-calculation line. */
	own(ctx: AnswerContext): this {
		return this.add(ownCalculation(ctx));
	}

	/** The lines collected. */
	list(): string[] {
		return [...this.lines];
	}

	/** One footer line for a chart. */
	footer(): string {
		return this.lines
			.map((l) => l.replace(/^Källa: /, ''))
			.join(' · ')
			.replace(/^/, 'Källa: ');
	}
}

/** The common part of a chart spec for an indicator. */
export function chartBase(
	ctx: AnswerContext,
	indicator: Indicator,
	yearText: string,
	sources: Sources,
	options: { subtitle?: string; shares?: boolean } = {},
): ChartSpecBase {
	const unit = unitLabel(ctx, indicator, options.shares ?? false);
	const shares = isCategorical(indicator);
	const saysUnit = unit === '' || indicator.shortTitle.toLocaleLowerCase('sv').includes(unit.toLocaleLowerCase('sv'));
	return {
		title: `${indicator.shortTitle}${saysUnit ? '' : `, ${unit}`} · ${yearText}`,
		...(options.subtitle ? { subtitle: options.subtitle } : {}),
		unit: shares ? '%' : indicator.unit,
		format: shares ? { style: 'percent', decimals: 0 } : numberFormatFor(indicator),
		source: sources.footer(),
	};
}

/** The short note on a chart bar or line that says what an own figure is: "medel av 20 av 27". */
export function figureNote(ctx: AnswerContext, figure: Pick<GroupFigure, 'method' | 'n' | 'of'>): string | undefined {
	const nOf = `${figure.n ?? 0} ${tr(ctx, 'av', 'of')} ${figure.of ?? 0}`;
	switch (figure.method) {
		case 'published':
			return undefined;
		case 'sum':
			return tr(ctx, `summa av ${nOf}`, `sum of ${nOf}`);
		case 'mean':
			return tr(ctx, `medel av ${nOf}`, `mean of ${nOf}`);
		case 'meanPerKommun':
			return tr(ctx, `medel per kommun, ${nOf}`, `mean per kommun, ${nOf}`);
		case 'share':
			return tr(ctx, `andel av ${nOf}`, `share of ${nOf}`);
	}
}

/**
 * A comparison line in words, saying what the figure is: "Södermanlands län, totalt: 8 629",
 * "Kommungrupp C6: 1 057 kr/inv (medel av 20 av 27 kommuner, egen beräkning)", or for too few
 * values the kommuner that have them: "Liknande kommuner: bara 1 av 7 kommuner har värden 2020
 * (Katrineholm 622 kr/inv) – inget medel".
 */
export function figureLine(
	ctx: AnswerContext,
	indicator: Indicator,
	label: string,
	figure: GroupFigure | FewValues,
	year: number,
): string {
	const { dataset: ds } = ctx;
	if (figure.method === 'few') {
		const named = figure.values
			.slice(0, 3)
			.map(
				(v) =>
					`${ds.area(v.id)?.name ?? v.id} ${describeFigure(ctx, indicator, ds.area(v.id) ?? riketArea(ds), v.value)}`,
			)
			.join(', ');
		const more = figure.values.length > 3 ? ' …' : '';
		return tr(
			ctx,
			`${label}: bara ${figure.n} av ${figure.of} kommuner har värden ${year} (${named}${more}) – för få för ett medel`,
			`${label}: only ${figure.n} of ${figure.of} kommuner have values in ${year} (${named}${more}) – too few for a mean`,
		);
	}
	const value = describeFigure(ctx, indicator, riketArea(ds), figure.value);
	const nOf = tr(
		ctx,
		`${figure.n ?? 0} av ${figure.of ?? 0} kommuner`,
		`${figure.n ?? 0} of ${figure.of ?? 0} kommuner`,
	);
	const own = tr(ctx, 'egen beräkning', 'own calculation');
	switch (figure.method) {
		case 'published':
			return figureClass(indicator) === 'total'
				? `${label}, ${tr(ctx, 'totalt', 'total')}: ${value}`
				: `${label}: ${value}`;
		case 'sum':
			return `${label}, ${tr(ctx, 'summa', 'sum')}: ${value} (${tr(ctx, `alla ${nOf}`, `all ${nOf}`)}, ${own})`;
		case 'mean':
			return `${label}: ${value} (${tr(ctx, `medel av ${nOf}`, `mean of ${nOf}`)}, ${own})`;
		case 'meanPerKommun':
			return `${label}, ${tr(ctx, 'medel per kommun', 'mean per kommun')}: ${value} (${nOf}, ${own})`;
		case 'share':
			return `${label}: ${value} (${nOf}, ${own})`;
	}
}

function riketArea(ds: Dataset): Area {
	return ds.area('0000') ?? { id: '0000', type: 'riket', name: 'Riket', altNames: [] };
}

/** Adds a figure's attribution: the source of a published figure, else the own-calculation line. */
export function addFigureSource(ctx: AnswerContext, sources: Sources, figure: GroupFigure | undefined): void {
	if (!figure) return;
	if (isOwn(figure)) sources.own(ctx);
	else sources.add(figure.observation?.provenance.attribution);
}

/**
 * The Riket reference line of a chart of kommuner, labelled with what it is ("Riket", "Riket
 * (medel av 280 av 290)"). Empty when there is no Riket figure or it is a total no single kommun
 * can be set against.
 */
export function riketLine(
	ctx: AnswerContext,
	indicator: Indicator,
	riket: GroupFigure | undefined,
): { referenceLines?: { label: string; value: number }[] } {
	if (!riket || !comparableWithKommun(indicator, riket)) return {};
	const note = figureNote(ctx, riket);
	return {
		referenceLines: [{ label: note ? `${tr(ctx, 'Riket', 'Sweden')} (${note})` : 'Riket', value: riket.value }],
	};
}
