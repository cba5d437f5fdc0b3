/**
 * Platform-neutral chart specifications.
 *
 * An answer builder describes the chart it wants as plain, serialisable data (no Chart.js types,
 * no functions). `config.ts` turns a spec into a Chart.js configuration and `render.ts` turns that
 * into a PNG. Keeping the spec plain lets answers be tested, logged and cached without a canvas.
 *
 * Order is meaningful everywhere: bars, rows, series and groups are drawn in the order given, so
 * sorting is the answer builder's job.
 */

/** How a bar, row or series relates to the question: the asked-about area, a benchmark, or context. */
export type ChartRole = 'focus' | 'reference' | 'other';

/**
 * Number styles used by the indicators: `unit` writes the number followed by
 * {@link NumberFormat.unit} ("80 101 tkr", "1 718 kr/inv", "12,5 dagar").
 */
export type NumberStyle = 'percent' | 'number' | 'unit' | 'count' | 'index';

/**
 * How numbers in a chart are written.
 *
 * Percent values are 0–100 numbers (62.5 means 62,5 %), never fractions.
 */
export interface NumberFormat {
	readonly style: NumberStyle;
	/** Decimals shown in value labels; axis ticks use as many as their step needs. */
	readonly decimals: number;
	/** The unit written after every number of style `unit`: "tkr", "kr", "kr/inv", "dagar". */
	readonly unit?: string;
}

/** Fields every chart carries. */
export interface ChartSpecBase {
	/** Indicator, unit and year, e.g. "Vuxna med långvarigt ekonomiskt bistånd, andel (%) · 2023". */
	readonly title: string;
	/** A second, smaller line under the title, e.g. the comparison group. */
	readonly subtitle?: string;
	/** Unit as shown to people, e.g. "%", "kr", "antal". */
	readonly unit: string;
	readonly format: NumberFormat;
	/** Footer line, e.g. "Källa: Kolada · Medelvärden: ÖJ-botens egen beräkning". */
	readonly source: string;
}

/** One bar in a {@link BarChartSpec}. */
export interface BarItem {
	/** Area name, e.g. "Upplands Väsby". */
	readonly label: string;
	/** `null` when the value is missing; drawn as "—", never as a zero-length bar. */
	readonly value: number | null;
	readonly role: ChartRole;
	/** Short remark drawn after the value, e.g. "prel." or "uppgift saknas". */
	readonly note?: string;
}

/** A benchmark drawn across the whole chart as a dashed line with a label, e.g. Riket. */
export interface ReferenceLine {
	readonly label: string;
	readonly value: number;
}

/**
 * One indicator for several areas in one year. Vertical for a handful of areas, horizontal for top
 * lists (5–30 rows with long names). Values may be negative.
 */
export interface BarChartSpec extends ChartSpecBase {
	readonly kind: 'bar';
	readonly orientation: 'vertical' | 'horizontal';
	readonly bars: readonly BarItem[];
	readonly referenceLines?: readonly ReferenceLine[];
}

/** One line in a {@link LineChartSpec}. */
export interface LineSeries {
	readonly label: string;
	/** One value per year in {@link LineChartSpec.years}; `null` is a gap in the line, never a zero. */
	readonly values: readonly (number | null)[];
	readonly role: ChartRole;
}

/** A trend over years for one or more areas. */
export interface LineChartSpec extends ChartSpecBase {
	readonly kind: 'line';
	/** Years in ascending order. */
	readonly years: readonly number[];
	readonly series: readonly LineSeries[];
}

/**
 * A possible answer to a yes/no or ordinal survey question.
 *
 * `rank` orders answers from best (0) to worst and decides their colour; e.g. Ja = 0, Delvis = 1,
 * Nej = 2 when "Ja" is the desired answer.
 */
export interface AnswerCategory {
	/** "Ja", "Nej", "Delvis" … */
	readonly label: string;
	readonly rank: number;
}

/** One area's answer in a {@link CategoricalAreasSpec}. */
export interface CategoricalRow {
	readonly label: string;
	/** `null` when the area did not answer; drawn as "Uppgift saknas". */
	readonly answer: AnswerCategory | null;
	readonly role: ChartRole;
}

/** Fields both survey charts carry. */
export interface CategoricalSpecBase extends ChartSpecBase {
	readonly kind: 'categorical';
	/** Every possible answer, including ones nobody gave, so columns and colours stay stable. */
	readonly categories: readonly AnswerCategory[];
}

/** Survey answers compared across areas: one row per area, one column per answer. */
export interface CategoricalAreasSpec extends CategoricalSpecBase {
	readonly variant: 'areas';
	readonly rows: readonly CategoricalRow[];
}

/** How the kommuner in one group answered, for a {@link CategoricalSharesSpec}. */
export interface ShareGroup {
	/** Group name, e.g. "Storstäder". */
	readonly label: string;
	/** Number of kommuner in the group, including those without an answer. */
	readonly n: number;
	/** Number of kommuner per answer, aligned with {@link CategoricalSharesSpec.categories}. */
	readonly counts: readonly number[];
	/** Kommuner without an answer; `n - sum(counts)` when omitted. */
	readonly missing?: number;
	/** `focus` for the group the asked-about kommun belongs to. */
	readonly role?: ChartRole;
}

/** Survey answers per group: a 100 % stacked bar per group with the share of kommuner per answer. */
export interface CategoricalSharesSpec extends CategoricalSpecBase {
	readonly variant: 'shares';
	readonly groups: readonly ShareGroup[];
}

/** Survey answers: per area ({@link CategoricalAreasSpec}) or as shares per group ({@link CategoricalSharesSpec}). */
export type CategoricalChartSpec = CategoricalAreasSpec | CategoricalSharesSpec;

/** Whether a kommun's standing on an indicator is good, bad or neither. */
export type Assessment = 'good' | 'bad' | 'neutral';

/** A numeric indicator in a {@link ProfileChartSpec}. */
export interface ProfileNumericRow {
	readonly kind: 'numeric';
	/** Short indicator name. */
	readonly label: string;
	/** Relative difference from Riket in percent (+12 means 12 % above Riket); `null` when missing. */
	readonly diff: number | null;
	readonly assessment: Assessment;
	/** Written instead of a bar when `diff` is null, e.g. "3 604 (antal, jämförs inte med riket)". */
	readonly text?: string;
}

/** A survey answer in a {@link ProfileChartSpec}. */
export interface ProfileAnswerRow {
	readonly kind: 'answer';
	readonly label: string;
	/** "Ja", "Nej", "Delvis" …; `null` when missing. */
	readonly answer: string | null;
	readonly assessment: Assessment;
}

/** One row in a {@link ProfileChartSpec}. */
export type ProfileRow = ProfileNumericRow | ProfileAnswerRow;

/**
 * One kommun's standing across many indicators (up to about 40 rows): numeric rows as a diverging
 * bar chart around Riket, answer rows as ✓/✗ marks.
 */
export interface ProfileChartSpec extends ChartSpecBase {
	readonly kind: 'profile';
	readonly rows: readonly ProfileRow[];
}

/** How the map colours its classes. */
export type MapScheme =
	/** Numeric, higher values are better: low values red, high values blue. */
	| 'higher-better'
	/** Numeric, lower values are better: low values blue, high values red. */
	| 'lower-better'
	/** Numeric, no desired direction: one sequential hue from light to dark. */
	| 'neutral'
	/** Survey answers ordered best first (first answer desired). */
	| 'answers'
	/** Survey answers without a desired answer. */
	| 'answers-neutral';

/** One legend entry of a {@link MapChartSpec}: a class of values or a survey answer. */
export interface MapClassItem {
	/** "1 000–1 234 kr/inv", "Ja". */
	readonly label: string;
	/** Kommuner in the class. */
	readonly count: number;
}

/** One kommun on a {@link MapChartSpec} with a value. */
export interface MapArea {
	/** Kommun code, e.g. "0180". */
	readonly id: string;
	/** Index into {@link MapChartSpec.classes}. */
	readonly classIndex: number;
}

/**
 * A choropleth map of Sweden's kommuner, or of one län's kommuner zoomed to fill the image. Kommuner
 * not listed in `areas` have no value and are drawn grey with a hatch.
 */
export interface MapChartSpec extends ChartSpecBase {
	readonly kind: 'map';
	/** Kolada län id ("0025") to show only that län; all of Sweden when absent. */
	readonly lanId?: string;
	readonly scheme: MapScheme;
	/** Heading of the legend, e.g. "kr/inv, 5 klasser (kvantiler)". */
	readonly legendTitle: string;
	/** Legend entries in class order. */
	readonly classes: readonly MapClassItem[];
	readonly areas: readonly MapArea[];
	/** Legend text for kommuner without a value, e.g. "Uppgift saknas (255)". */
	readonly missingLabel: string;
	/** A kommun outlined and named with its value. */
	readonly highlight?: { readonly id: string; readonly label: string };
	/** Short lines under the legend, e.g. "Riket: 1 129 kr/inv". */
	readonly notes?: readonly string[];
}

/** Every chart the bot can draw, discriminated by `kind`. */
export type ChartSpec = BarChartSpec | LineChartSpec | CategoricalChartSpec | ProfileChartSpec | MapChartSpec;

/** The `kind` of a {@link ChartSpec}. */
export type ChartKind = ChartSpec['kind'];
