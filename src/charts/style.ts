/**
 * The look every chart shares: the font, the Okabe–Ito colours (safe for colour blindness), font
 * sizes and outer padding, and the colour rules for roles, assessments and ranked answers.
 *
 * Wherever colour carries meaning a chart adds a second cue beside it (text, ✓/✗, dash pattern,
 * position); these helpers only pick the colour.
 */
import type { FontSpec } from 'chart.js';
import type { Assessment, ChartRole } from './spec.js';

/** Font family used for every text in a chart; the renderer registers the DejaVu Sans files under this name. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe–Ito based colours. Roles and assessments map to these; text colours are darker for contrast on white. */
export const COLORS = {
	/** The asked-about area. */
	focus: '#0072B2',
	/** Benchmarks: Riket, group means. */
	reference: '#E69F00',
	/** Darker reference colour for text and lines drawn over bars. */
	referenceDark: '#8F5F00',
	/** Context areas in bar charts. */
	other: '#A9C3DB',
	good: '#009E73',
	goodText: '#00694D',
	bad: '#D55E00',
	badText: '#A34800',
	neutral: '#9E9E9E',
	neutralText: '#555555',
	missing: '#C7C7C7',
	text: '#1A1A1A',
	muted: '#5C5C5C',
	grid: '#E6E6E6',
	zeroLine: '#7A7A7A',
	focusBand: '#E4F0FA',
	zebra: '#F6F6F6',
	background: '#FFFFFF',
} as const;

/** Font sizes in pixels, shared by every chart. */
export const FONT_SIZES = { title: 26, subtitle: 17, tick: 16, label: 15, legend: 16, footer: 14 } as const;
/** Outer padding in pixels. */
export const PAD = { left: 20, right: 24, top: 14 } as const;

/** Label for areas without an answer. */
export const MISSING_ANSWER_LABEL = 'Uppgift saknas';

/** A CSS font string in the chart font, for drawing on the canvas. */
export function cssFont(size: number, bold = false, italic = false): string {
	return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
}

/** A Chart.js font in the chart font, for titles, ticks and legends. */
export function font(size: number, bold = false): Partial<FontSpec> {
	return { family: FONT_FAMILY, size, weight: bold ? 'bold' : 'normal', lineHeight: 1.2 };
}

/** Fill colour of a bar by its role. */
export function roleColor(role: ChartRole): string {
	return role === 'focus' ? COLORS.focus : role === 'reference' ? COLORS.reference : COLORS.other;
}

/** Text colour of a row name or value by its role: the focus row stands out in blue. */
export function roleTextColor(role: ChartRole | undefined): string {
	return role === 'focus' ? COLORS.focus : COLORS.text;
}

/** Fill colour of a good, bad or neutral standing. */
export function assessmentColor(assessment: Assessment): string {
	return assessment === 'good' ? COLORS.good : assessment === 'bad' ? COLORS.bad : COLORS.neutral;
}

/** Darker text colour of a good, bad or neutral standing, readable on white. */
export function assessmentTextColor(assessment: Assessment): string {
	return assessment === 'good' ? COLORS.goodText : assessment === 'bad' ? COLORS.badText : COLORS.neutralText;
}

/** Colours for answers ordered best to worst. */
export function rankColors(count: number): string[] {
	const ramps: Record<number, readonly string[]> = {
		1: [COLORS.good],
		2: [COLORS.good, COLORS.bad],
		3: [COLORS.good, '#E69F00', COLORS.bad],
		4: [COLORS.good, '#F0E442', '#E69F00', COLORS.bad],
	};
	const ramp = ramps[count] ?? [COLORS.good, '#56B4E9', '#F0E442', '#E69F00', COLORS.bad, '#CC79A7', '#4D4D4D'];
	return Array.from({ length: count }, (_, i) => ramp[i % ramp.length] ?? COLORS.neutral);
}

function relativeLuminance(hex: string): number {
	const channel = (i: number): number => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Dark or white text, whichever reads better on `background` (a #rrggbb colour). */
export function textOn(background: string): string {
	return relativeLuminance(background) > 0.35 ? COLORS.text : '#FFFFFF';
}
