import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl, scrub, secretsOfToken, serializeError } from '../../src/discord/logger.js';
import {
	clientShardOptions,
	managedShards,
	parseShardSetting,
	recommendedShardCount,
} from '../../src/discord/sharding.js';

const TOKEN = 'MTMxMDAwMDAwMDAwMDAwMDAwMQ.Gk2xYz.abcdefghijklmnopqrstuvwxyz012345';

function capture(): { lines: string[]; write(line: string): void } {
	const lines: string[] = [];
	return { lines, write: (line: string) => lines.push(line) };
}

describe('secrets', () => {
	it('GIVEN a token THEN scrubs the whole token and its signature part, not the public id part', () => {
		const secrets = secretsOfToken(TOKEN);
		expect(secrets).toContain(TOKEN);
		expect(secrets).toContain('abcdefghijklmnopqrstuvwxyz012345');
		expect(secrets).not.toContain('MTMxMDAwMDAwMDAwMDAwMDAwMQ');
		expect(scrub(`Bot ${TOKEN}`, secrets)).toBe('Bot [redacted]');
		expect(scrub('…wxyz012345 sig abcdefghijklmnopqrstuvwxyz012345', secrets)).toBe('…wxyz012345 sig [redacted]');
	});

	it('GIVEN interaction and webhook URLs THEN replaces their tokens', () => {
		expect(
			redactUrl('https://x/api/v10/interactions/1310000000000000001/aW50ZXJhY3Rpb246abcdefghijklmnop/callback'),
		).toBe('https://x/api/v10/interactions/1310000000000000001/[redacted]/callback');
		expect(redactUrl('/webhooks/1310000000000000001/aW50ZXJhY3Rpb246abcdefghijklmnop/messages/@original')).toBe(
			'/webhooks/1310000000000000001/[redacted]/messages/@original',
		);
	});
});

describe('createLogger', () => {
	it('GIVEN the token anywhere in a log call THEN it never reaches the output', () => {
		const out = capture();
		const logger = createLogger({ level: 'trace', secrets: secretsOfToken(TOKEN), destination: out });
		logger.info({ token: TOKEN, config: { DISCORD_TOKEN: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } }, 'a');
		logger.trace(`Provided token: ${TOKEN}`);
		logger.error({ err: new Error(`failed with ${TOKEN}`) }, 'b');
		logger.warn({ nested: { deeper: { note: `x${TOKEN}y` } } }, 'c');
		const text = out.lines.join('');
		expect(out.lines).toHaveLength(4);
		expect(text).not.toContain(TOKEN);
		expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
		expect(text).toContain('[redacted]');
	});

	it('GIVEN a level THEN lower levels are dropped and lines are JSON with a level label', () => {
		const out = capture();
		const logger = createLogger({ level: 'warn', destination: out });
		logger.info('hidden');
		logger.warn({ command: 'värde' }, 'shown');
		expect(out.lines).toHaveLength(1);
		expect(JSON.parse(out.lines[0] ?? '{}')).toMatchObject({ level: 'warn', command: 'värde', msg: 'shown' });
	});
});

describe('serializeError', () => {
	it('GIVEN a Discord API error THEN keeps code, status, method and a token-free URL, never the request body', () => {
		const error = new DiscordAPIError(
			{ code: 10062, message: 'Unknown interaction' },
			10062,
			404,
			'POST',
			'http://127.0.0.1/api/v10/interactions/1310000000000000001/aW50ZXJhY3Rpb246abcdefghijklmnop/callback',
			{ body: { type: 5 }, files: [] },
		);
		const out = serializeError(error);
		expect(out).toMatchObject({ code: 10062, status: 404, method: 'POST' });
		expect(out.url).toBe('http://127.0.0.1/api/v10/interactions/1310000000000000001/[redacted]/callback');
		expect(JSON.stringify(out)).not.toContain('aW50ZXJhY3Rpb246');
		expect(out).not.toHaveProperty('requestBody');
	});

	it('GIVEN a non-error and a cause chain THEN describes both', () => {
		expect(serializeError('boom')).toEqual({ type: 'string', message: 'boom' });
		const out = serializeError(new Error('outer', { cause: new TypeError('inner') }));
		expect(out).toMatchObject({ type: 'Error', message: 'outer', cause: { type: 'TypeError', message: 'inner' } });
	});
});

describe('sharding settings', () => {
	it('GIVEN SHARDS values THEN parses auto and whole numbers and refuses the rest', () => {
		expect(parseShardSetting(undefined)).toBe('auto');
		expect(parseShardSetting('AUTO')).toBe('auto');
		expect(parseShardSetting('2')).toBe(2);
		expect(() => parseShardSetting('0')).toThrow(/SHARDS/);
		expect(() => parseShardSetting('två')).toThrow(/SHARDS/);
	});

	it('GIVEN the ShardingManager variables THEN reads the shard id and count', () => {
		expect(managedShards({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ ids: [1], count: 2 });
		expect(managedShards({ SHARDS: 'auto' })).toBeUndefined();
	});

	it('GIVEN a setting and no manager THEN internal sharding; with a manager THEN its assignment', () => {
		expect(clientShardOptions('auto', undefined)).toEqual({ shards: 'auto' });
		expect(clientShardOptions('3', undefined)).toEqual({ shards: [0, 1, 2], shardCount: 3 });
		expect(clientShardOptions('1', { ids: [1], count: 2 })).toEqual({ shards: [1], shardCount: 2 });
		expect(() => clientShardOptions('0', undefined)).toThrow(/SHARDS/);
	});

	it('GIVEN a configured API URL THEN asks that server for the recommended count', async () => {
		const urls: string[] = [];
		const fetchStub = ((url: string) => {
			urls.push(url);
			return Promise.resolve(new Response(JSON.stringify({ shards: 2 }), { status: 200 }));
		}) as typeof fetch;
		expect(await recommendedShardCount('http://127.0.0.1:9/api/', TOKEN, fetchStub)).toBe(2);
		expect(urls).toEqual(['http://127.0.0.1:9/api/v10/gateway/bot']);
	});
});
