import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../src/logger.ts';

describe('logger', () => {
  const token = '123456:SECRET-token-value-abcdefghij';

  it('writes JSON lines and never the token, wherever it hides', () => {
    const lines: string[] = [];
    const logger = createLogger('info', [token], (line) => lines.push(line));
    logger.error('request failed', { err: new Error(`request to https://bot-api.example/bot${token}/getUpdates failed`), url: `bot${token}` });
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0]!, /SECRET-token/);
    const entry = JSON.parse(lines[0]!);
    assert.equal(entry.level, 'error');
    assert.match(entry.err.message, /bot<redacted>\/getUpdates/);
  });

  it('drops entries below its level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', [], (line) => lines.push(line));
    logger.info('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    assert.deepEqual(lines.map((l) => JSON.parse(l).msg), ['shown']);
  });
});
