import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/charts/format.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { formatValue, writtenUnit } from '../../src/answers/format.js';
import { topListAnswer } from '../../src/answers/topplista.js';
import { trendAnswer } from '../../src/answers/trend.js';
import { groupsAnswer } from '../../src/answers/grupper.js';
import { valueAnswer } from '../../src/answers/varde.js';
import { isCategorical } from '../../src/dataset/dataset.js';
import type { Indicator } from '../../src/dataset/schema.js';
import { ok } from '../helpers/answers.js';
import { context } from '../helpers/bundled.js';

let ctx: AnswerContext;
beforeAll(async () => {
	ctx = await context();
});

/** One stored value of the indicator for an area that is a place (kommun, län, Riket, stadsdel). */
function someValue(indicator: Indicator): { area: string; year: number; value: number } | undefined {
	for (const area of ctx.dataset.areas) {
		if (area.type === 'grupp') continue;
		const measure = ctx.dataset.defaultMeasure(indicator, area);
		const last = ctx.dataset
			.series(indicator.id, area.id, 'T', measure)
			.filter((o) => o.value !== null)
			.at(-1);
		if (last?.value !== null && last?.value !== undefined) return { area: area.id, year: last.year, value: last.value };
	}
	return undefined;
}

describe('one unit rule for every indicator in the dataset', () => {
	it('GIVEN every numeric indicator THEN its unit is written after each number, and tkr never as kr', () => {
		for (const indicator of ctx.dataset.indicators.filter((i) => !isCategorical(i))) {
			const text = formatValue(indicator, 1234);
			const unit = writtenUnit(indicator);
			if (indicator.kind === 'count' || indicator.kind === 'index') expect(unit, indicator.id).toBe('');
			else expect(text.endsWith(`\u00a0${indicator.unit}`), `${indicator.id}: ${text}`).toBe(true);
			if (indicator.unit === 'tkr') expect(text, indicator.id).toBe('1\u00a0234\u00a0tkr');
		}
	});

	it('GIVEN every indicator with a value THEN /värde text and its chart write the value the same way', () => {
		let checked = 0;
		let numeric = 0;
		for (const indicator of ctx.dataset.indicators) {
			const hit = someValue(indicator);
			if (!hit) continue;
			if (!isCategorical(indicator)) numeric += 1;
			const area = ctx.dataset.area(hit.area);
			const a = ok(valueAnswer(ctx, { area: area?.name ?? hit.area, indicator: indicator.id, year: hit.year }));
			const shown = a.fields[0]?.value ?? '';
			if (a.chart?.kind === 'bar') {
				const bar = a.chart.bars[0];
				expect(formatNumber(bar?.value, a.chart.format), indicator.id).toBe(shown);
				expect(a.chart.unit, indicator.id).toBe(indicator.unit);
				checked += 1;
			}
			if (!isCategorical(indicator)) expect(shown, indicator.id).toBe(formatValue(indicator, hit.value));
		}
		expect(checked).toBeGreaterThanOrEqual(numeric);
		expect(numeric).toBeGreaterThan(5);
	});

	it('GIVEN every numeric indicator with a value THEN /trend’s line chart formats in the same unit', () => {
		let lines = 0;
		for (const indicator of ctx.dataset.indicators.filter((i) => !isCategorical(i))) {
			const hit = someValue(indicator);
			if (!hit) continue;
			const area = ctx.dataset.area(hit.area);
			const a = ok(trendAnswer(ctx, { area: area?.name ?? hit.area, indicator: indicator.id }));
			// A single year is a table, not a line.
			if (!a.chart) continue;
			if (a.chart.kind !== 'line') throw new Error(`${indicator.id}: line chart expected`);
			expect(formatNumber(hit.value, a.chart.format), indicator.id).toBe(formatValue(indicator, hit.value));
			lines += 1;
		}
		expect(lines).toBeGreaterThan(5);
	});

	it('GIVEN every indicator with kommun values THEN the CSV header names the unit', () => {
		for (const indicator of ctx.dataset.indicators) {
			const years = ctx.dataset.years(indicator.id);
			if (years.length === 0) continue;
			const a = isCategorical(indicator)
				? groupsAnswer(ctx, { indicator: indicator.id, csv: true })
				: topListAnswer(ctx, { indicator: indicator.id, csv: true, order: 'högst' });
			if (!a.ok || !a.csv) continue;
			const header = a.csv.content.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
			if (isCategorical(indicator)) expect(header, indicator.id).toContain('andel (%)');
			else if (indicator.unit !== '') expect(header, indicator.id).toContain(`värde (${indicator.unit})`);
		}
	});
});
