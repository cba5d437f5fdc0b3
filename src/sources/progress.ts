/**
 * Progress output for long imports: a redrawn bar on a TTY, one line per step otherwise (CI, logs,
 * pipes). Writes to stderr so `--json` output on stdout stays clean.
 */

/** Reports progress of a multi-step job. */
export interface Progress {
	/** Starts a step with a known number of units (requests, rows, sheets). */
	start(label: string, total: number): void;
	/** Advances the current step. */
	tick(units?: number): void;
	/** Ends the current step with an optional summary. */
	done(summary?: string): void;
	/** A line of information outside any step. */
	info(message: string): void;
}

/** Progress on a stream: a bar when it is a TTY, plain lines otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
	const tty = stream.isTTY;
	let label = '';
	let total = 0;
	let done = 0;
	let lastPercentLogged = -1;
	let lastDraw = 0;
	const draw = (force = false): void => {
		const now = Date.now();
		if (!force && now - lastDraw < 80) return;
		lastDraw = now;
		const ratio = total > 0 ? Math.min(1, done / total) : 1;
		const width = 24;
		const filled = Math.round(ratio * width);
		stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}\u001b[K`);
	};
	return {
		start(nextLabel, nextTotal) {
			label = nextLabel;
			total = nextTotal;
			done = 0;
			lastPercentLogged = -1;
			if (tty) draw(true);
			else stream.write(`${label}: 0/${total}\n`);
		},
		tick(units = 1) {
			done += units;
			if (tty) draw();
			else {
				const percent = total > 0 ? Math.floor((done / total) * 4) * 25 : 100;
				if (percent > lastPercentLogged && percent < 100) {
					lastPercentLogged = percent;
					if (percent > 0) stream.write(`${label}: ${done}/${total}\n`);
				}
			}
		},
		done(summary) {
			if (tty) {
				draw(true);
				stream.write(`${summary ? ` – ${summary}` : ''}\n`);
			} else stream.write(`${label}: klart${summary ? ` – ${summary}` : ''}\n`);
		},
		info(message) {
			stream.write(`${message}\n`);
		},
	};
}

/** Progress that prints nothing (tests, library use). */
export const silentProgress: Progress = { start() {}, tick() {}, done() {}, info() {} };
