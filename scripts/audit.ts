/**
 * `npm run audit`: the production dependency audit for CI (`npm audit --omit=dev` at high
 * severity). Fails when a high or critical advisory affects a production dependency. When the
 * registry does not serve the audit endpoint (some mirrors answer 405), it says so and passes: an
 * unavailable audit is reported, not mistaken for a clean one or for a failure of the code.
 */
import { spawnSync } from 'node:child_process';

interface AuditJson {
	readonly error?: { readonly code?: string; readonly summary?: string; readonly detail?: string };
	readonly message?: string;
	readonly statusCode?: number;
	readonly metadata?: { readonly vulnerabilities?: Readonly<Record<string, number>> };
}

const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report: AuditJson;
try {
	report = JSON.parse(result.stdout || '{}') as AuditJson;
} catch {
	console.error(`[audit] Kunde inte tolka npm audit:s svar:\n${result.stdout}\n${result.stderr}`);
	process.exit(1);
}
if (!report.metadata?.vulnerabilities) {
	const reason = report.error?.summary || report.message || 'inget svar';
	console.warn(`[audit] Granskningen kunde inte köras mot registret (${reason}). Ingen bedömning gjord.`);
	process.exit(0);
}
const v = report.metadata.vulnerabilities;
const high = (v.high ?? 0) + (v.critical ?? 0);
console.log(`[audit] Produktionsberoenden: ${high} höga/kritiska, ${v.moderate ?? 0} medel, ${v.low ?? 0} låga.`);
if (high > 0) {
	console.error('[audit] Höga eller kritiska sårbarheter i produktionsberoenden – se `npm audit --omit=dev`.');
	process.exit(1);
}
