import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ROOT } from './bot-process.js';

const lines = readFileSync(path.join(ROOT, '.env.example'), 'utf8').split('\n');
const entries = lines.flatMap((line, i) => {
	const m = /^([A-Z_]+)=(.*)$/.exec(line);
	return m ? [{ key: m[1] ?? '', value: m[2] ?? '', comment: lines[i - 1] ?? '' }] : [];
});

describe('.env.example', () => {
	it('GIVEN the configuration THEN every key is listed once, with a comment above it', () => {
		// Optional keys left unset are absent from the result, so set the optional ones.
		const full = loadConfig({
			DISCORD_TOKEN: 'token',
			DISCORD_APPLICATION_ID: '1310000000000000001',
			DISCORD_GUILD_ID: '1310000000000000002',
			DISCORD_API_URL: 'http://127.0.0.1:1/api',
			DATA_PATH: 'data/db.json',
			KOLADA_CONCURRENCY: '2',
			KOLADA_MIN_INTERVAL_MS: '200',
			KOLADA_TIMEOUT_MS: '30000',
			KOLADA_MAX_RETRIES: '4',
			KOLADA_BACKOFF_MS: '1000',
			WATCHES_PATH: 'data/watches.json',
		});
		const keys = Object.keys(full).sort();
		expect(entries.map((e) => e.key).sort()).toEqual(keys);
		for (const e of entries) expect(e.comment).toMatch(/^# \S/);
	});

	it('GIVEN the file as is THEN every value is blank and it parses to the defaults', () => {
		for (const e of entries) expect(e.value).toBe('');
		const env = Object.fromEntries(entries.map((e) => [e.key, e.value]));
		expect(loadConfig(env)).toMatchObject({
			DISCORD_TOKEN: undefined,
			DATA_PATH: undefined,
			KOLADA_TIMEOUT_MS: undefined,
			OJ_OFFLINE: false,
			CHART_COOLDOWN_SECONDS: 5,
		});
	});
});
