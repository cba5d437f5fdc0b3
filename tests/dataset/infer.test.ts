import { describe, expect, it } from 'vitest';
import { findDiscontinued, inferIndicator, parseScale, shortenTitle } from '../../src/dataset/infer.js';

describe('parseScale', () => {
	it.each([
		[
			'Ja=1, Nej=0',
			[
				{ code: 1, label: 'Ja' },
				{ code: 0, label: 'Nej' },
			],
		],
		[
			'Ja=1, Nej=2',
			[
				{ code: 1, label: 'Ja' },
				{ code: 2, label: 'Nej' },
			],
		],
		[
			'Ja = 1, Nej = 0',
			[
				{ code: 1, label: 'Ja' },
				{ code: 0, label: 'Nej' },
			],
		],
		[
			'Ja, för alla=2, Ja, men inte för alla=1, Nej=0',
			[
				{ code: 2, label: 'Ja, för alla' },
				{ code: 1, label: 'Ja, men inte för alla' },
				{ code: 0, label: 'Nej' },
			],
		],
		[
			'-2017 Ja=1, Nej=0. 2018- 2=Ja, 1=Delvis och 0=Nej',
			[
				{ code: 2, label: 'Ja' },
				{ code: 1, label: 'Delvis' },
				{ code: 0, label: 'Nej' },
			],
		],
	])('GIVEN the coding %j THEN the steps come in the title order', (coding, steps) => {
		expect(parseScale(coding)).toEqual(steps);
	});

	it('GIVEN a scale description (skala 1-8) THEN it is not an answer coding', () => {
		expect(parseScale('skala 1-8, 1=låg risk, 8 = hög risk')).toBeUndefined();
	});
});

describe('inferIndicator', () => {
	it('GIVEN a yes/no survey KPI THEN it is a survey yes/no with "Ja" desired', () => {
		const i = inferIndicator({
			id: 'U31509',
			title: 'Använder standardiserade bedömningsmetoden FREDA-kortfrågor inom ekonomiskt bistånd, (Ja=1, Nej=0)',
			description: 'Källa: Kommunenkäten öppna jämförelser socialtjänst.',
			perspective: 'Kvalitet och resultat',
		});
		expect(i).toMatchObject({ kind: 'yesno', unit: 'Ja/Nej', source: 'survey', direction: 'higher' });
	});

	it.each([
		['Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.', 'percent', '%'],
		['Kostnad ekonomiskt bistånd, kr/inv', 'kronor', 'kr/inv'],
		['Utbetalt ekonomiskt bistånd, kr/hushåll', 'kronor', 'kr/hushåll'],
		['Utbetalt ekonomiskt bistånd totalt, tkr', 'kronor', 'tkr'],
		['Biståndshushåll, ekonomiskt bistånd, antal', 'count', 'antal'],
		['Verkställda vräkningar/avhysningar som berör barn, antal barn/100 000 inv', 'rate', 'per 100 000 inv'],
		['Väntetid i antal dagar från ansökan vid nybesök till beslut inom försörjningsstöd, medelvärde', 'days', 'dagar'],
		['Kvalitetsindex ekonomiskt bistånd', 'index', 'index'],
	])('GIVEN the title %j THEN kind %s and unit %s', (title, kind, unit) => {
		expect(inferIndicator({ id: 'X', title })).toMatchObject({ kind, unit });
	});

	it('GIVEN a register share THEN no direction is claimed', () => {
		const i = inferIndicator({
			id: 'N31814',
			title: 'Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel (%)',
		});
		expect(i.direction).toBeNull();
	});

	it('GIVEN a waiting time THEN lower is better', () => {
		expect(
			inferIndicator({ id: 'U31402', title: 'Väntetid i antal dagar från ansökan till beslut, medelvärde' }).direction,
		).toBe('lower');
	});

	it('GIVEN "(Överskott=2, Balans=1, Underskott=0)" THEN an ordinal without a desired direction', () => {
		const i = inferIndicator({
			id: 'U30446',
			title: 'Bostadsmarknadsläge i kommunen totalt, (Överskott=2, Balans=1, Underskott=0)',
		});
		expect(i).toMatchObject({ kind: 'ordinal', direction: null });
	});
});

describe('title helpers', () => {
	it('GIVEN "(- 2024)" THEN the series ended 2024', () => {
		expect(findDiscontinued('Ej återaktualiserade, andel (%) (- 2024)')).toBe(2024);
		expect(findDiscontinued('Kostnad, kr/inv')).toBeUndefined();
	});
	it('GIVEN a coded survey title THEN the short title drops the coding and the source', () => {
		expect(shortenTitle('Erbjuder enklare hushållsekonomisk rådgivning inom ekonomiskt bistånd, (Ja=1, Nej=0)')).toBe(
			'Erbjuder enklare hushållsekonomisk rådgivning',
		);
	});
});
