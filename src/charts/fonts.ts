/**
 * The chart font, DejaVu Sans, registered with canvas once per process so å, ä and ö look the same
 * on every machine.
 *
 * canvas keeps registered fonts in one list for the whole process and changes it without a lock,
 * while every thread that draws text reads it. So only one thread may register: the render pool
 * (`pool.ts`) registers in the main thread before it starts any worker and tells its workers, which
 * then never register ({@link fontsRegisteredByParent}). Two workers registering as they started
 * together raced on that list.
 */
import { existsSync } from 'node:fs';
import { registerFont } from 'canvas';
import { FONT_FAMILY } from './style.js';

/** Font files registered under {@link FONT_FAMILY}; installed by `scripts/setup.sh` (fonts-dejavu-core). */
export const FONT_FILES = {
	regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
	bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
} as const;

let fontsRegistered = false;

/**
 * Registers the chart font with canvas, once. Must run before the first canvas is created; the
 * renderer calls it itself.
 *
 * @throws Error naming the missing file and the package that provides it.
 */
export function ensureChartFonts(): void {
	if (fontsRegistered) return;
	// Every file is checked before any is registered, so a missing one leaves nothing half registered.
	const missing = Object.values(FONT_FILES).find((file) => !existsSync(file));
	if (missing !== undefined) {
		throw new Error(
			`Chart font file ${missing} is missing, so charts cannot draw å, ä and ö. ` +
				'Install the Debian package fonts-dejavu-core (npm run setup does).',
		);
	}
	for (const [weight, file] of Object.entries(FONT_FILES)) {
		registerFont(file, { family: FONT_FAMILY, weight: weight === 'bold' ? 'bold' : 'normal' });
	}
	fontsRegistered = true;
}

/** In a render worker: the thread that started it has registered the font for the whole process. */
export function fontsRegisteredByParent(): void {
	fontsRegistered = true;
}
