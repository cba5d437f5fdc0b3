/**
 * What a sync or import changed for the watched kommuner, as platform-neutral digests: one per
 * channel, with a section per kommun and indicator (new figure, previous figure, source and date, a
 * trend chart). Computed by comparing the dataset before and after a swap; nothing changed → no digest.
 */
import type { ChartSpec } from '../charts/spec.js';
import type { Dataset } from '../dataset/dataset.js';
import type { Area, Indicator } from '../dataset/schema.js';
import { describeFigure } from '../answers/common.js';
import type { AnswerContext } from '../answers/context.js';
import { trendAnswer } from '../answers/trend.js';
import type { Watch } from './store.js';

/** One figure that is new or different after the swap (totals, not the kön split). */
export interface ChangedFigure {
	readonly kommun: string;
	readonly indikator: string;
	readonly year: number;
	readonly value: number;
	/** The figure it replaces (same year, `revised`), or else the latest earlier year's. */
	readonly previous?: { readonly year: number; readonly value: number; readonly revised: boolean };
	/** Attribution line of the new figure, with the source's date when known. */
	readonly source: string;
}

/** Figures of a kommun (one indicator, or all it has) that are new or changed from `before` to `after`. */
export function changedFigures(
	before: Dataset,
	after: Dataset,
	target: Pick<Watch, 'kommun' | 'indikator'>,
): ChangedFigure[] {
	const area = after.area(target.kommun);
	if (!area) return [];
	const ids = target.indikator === undefined ? [...after.indicatorsFor(area.id)] : [target.indikator];
	const out: ChangedFigure[] = [];
	for (const id of ids) {
		const indicator = after.indicator(id);
		if (!indicator) continue;
		const measure = after.defaultMeasure(indicator, area);
		const series = after.series(id, area.id, 'T', measure);
		for (const obs of series) {
			if (obs.value === null) continue;
			const old = before.value(id, area.id, obs.year, 'T', measure);
			if (old?.value === obs.value) continue;
			const earlier = series.filter((o) => o.year < obs.year && o.value !== null).at(-1);
			const previous =
				old?.value !== null && old?.value !== undefined
					? { year: obs.year, value: old.value, revised: true }
					: earlier?.value !== null && earlier?.value !== undefined
						? { year: earlier.year, value: earlier.value, revised: false }
						: undefined;
			const date = obs.provenance.date?.slice(0, 10);
			out.push({
				kommun: area.id,
				indikator: id,
				year: obs.year,
				value: obs.value,
				...(previous ? { previous } : {}),
				source: date === undefined ? obs.provenance.attribution : `${obs.provenance.attribution} (${date})`,
			});
		}
	}
	return out;
}

/** One kommun and indicator in a digest. */
export interface DigestSection {
	readonly kommun: string;
	readonly indikator: string;
	readonly title: string;
	/** One line per changed year, newest first (at most {@link MAX_YEARS_SHOWN}, then a count). */
	readonly lines: readonly string[];
	readonly sources: readonly string[];
	/** The kommun's trend for the indicator. */
	readonly chart?: ChartSpec;
}

/** Everything new for one channel. */
export interface Digest {
	readonly guildId: string;
	readonly channelId: string;
	readonly sections: readonly DigestSection[];
}

/** Changed years listed per section; older ones are counted. */
export const MAX_YEARS_SHOWN = 5;

function line(ctx: AnswerContext, indicator: Indicator, area: Area, f: ChangedFigure): string {
	const now = describeFigure(ctx, indicator, area, f.value);
	if (!f.previous) return `**${f.year}**: ${now} (nytt)`;
	const before = describeFigure(ctx, indicator, area, f.previous.value);
	return f.previous.revised
		? `**${f.year}**: ${now} (ändrat, tidigare ${before})`
		: `**${f.year}**: ${now} (nytt år; ${f.previous.year}: ${before})`;
}

function section(ctx: AnswerContext, figures: readonly ChangedFigure[]): DigestSection | undefined {
	const first = figures[0];
	const area = first ? ctx.dataset.area(first.kommun) : undefined;
	const indicator = first ? ctx.dataset.indicator(first.indikator) : undefined;
	if (!first || !area || !indicator) return undefined;
	const newest = [...figures].sort((a, b) => b.year - a.year);
	const lines = newest.slice(0, MAX_YEARS_SHOWN).map((f) => line(ctx, indicator, area, f));
	if (newest.length > MAX_YEARS_SHOWN) lines.push(`… och ${newest.length - MAX_YEARS_SHOWN} äldre år`);
	const trend = trendAnswer(ctx, { area: area.id, indicator: indicator.id });
	return {
		kommun: area.id,
		indikator: indicator.id,
		title: `${area.name}: ${indicator.shortTitle}`,
		lines,
		sources: [...new Set(newest.map((f) => f.source))],
		...(trend.ok && trend.chart ? { chart: trend.chart } : {}),
	};
}

/**
 * The digests for a swap from `before` to the dataset of `ctx`: one per channel that has a watch
 * with changed figures, sections ordered by kommun and indicator name. Empty when nothing changed.
 */
export function digestsFor(ctx: AnswerContext, before: Dataset, watches: readonly Watch[]): Digest[] {
	const byChannel = new Map<string, { guildId: string; figures: Map<string, ChangedFigure> }>();
	for (const watch of watches) {
		const changed = changedFigures(before, ctx.dataset, watch);
		if (changed.length === 0) continue;
		let entry = byChannel.get(watch.channelId);
		if (!entry) {
			entry = { guildId: watch.guildId, figures: new Map() };
			byChannel.set(watch.channelId, entry);
		}
		for (const f of changed) entry.figures.set(`${f.kommun}|${f.indikator}|${f.year}`, f);
	}
	const collator = new Intl.Collator('sv');
	const digests: Digest[] = [];
	for (const [channelId, { guildId, figures }] of byChannel) {
		const groups = new Map<string, ChangedFigure[]>();
		for (const f of figures.values()) {
			const key = `${f.kommun}|${f.indikator}`;
			groups.set(key, [...(groups.get(key) ?? []), f]);
		}
		const sections = [...groups.values()]
			.map((g) => section(ctx, g))
			.filter((s): s is DigestSection => s !== undefined)
			.sort((a, b) => collator.compare(a.title, b.title));
		if (sections.length > 0) digests.push({ guildId, channelId, sections });
	}
	return digests;
}
