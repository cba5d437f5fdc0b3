/**
 * Canvas drawing inside the inline plugins. The project compiles without DOM types, so the 2D
 * context is described here by the part of it the plugins use.
 */

/** The subset of the 2D context the inline plugins use. */
export interface DrawingContext {
	font: string;
	fillStyle: string;
	strokeStyle: string;
	lineWidth: number;
	textAlign: 'left' | 'right' | 'center';
	textBaseline: 'top' | 'middle' | 'bottom' | 'alphabetic';
	save(): void;
	restore(): void;
	fillText(text: string, x: number, y: number): void;
	measureText(text: string): { readonly width: number };
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	stroke(): void;
	setLineDash(segments: number[]): void;
	fillRect(x: number, y: number, width: number, height: number): void;
}

/** The drawing context of a chart (Chart.js types it through DOM). */
export function drawingContext(chart: object): DrawingContext {
	return (chart as { readonly ctx: DrawingContext }).ctx;
}

/** Draws a white box behind where `text` will go, so it stays readable over grid lines and bars. */
export function labelOnWhite(
	ctx: DrawingContext,
	text: string,
	x: number,
	y: number,
	align: 'left' | 'right' | 'center',
	fontSize: number,
): void {
	const width = ctx.measureText(text).width;
	const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(left - 3, y - fontSize / 2 - 3, width + 6, fontSize + 6);
}

/** Strokes a straight line from (x1, y1) to (x2, y2) with the current stroke style. */
export function strokeLine(
	ctx: Pick<DrawingContext, 'beginPath' | 'moveTo' | 'lineTo' | 'stroke'>,
	x1: number,
	y1: number,
	x2: number,
	y2: number,
): void {
	ctx.beginPath();
	ctx.moveTo(x1, y1);
	ctx.lineTo(x2, y2);
	ctx.stroke();
}
