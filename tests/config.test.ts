import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, DEFAULT_API_ROOT, parseConfig } from '../src/config.ts';

const TOKEN = '123456:ABCdefGhIJKlmNoPQRstuVWXyz0123456789';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected parseConfig to throw');
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = parseConfig({});
    assert.equal(config.botToken, undefined);
    assert.equal(config.apiRoot, DEFAULT_API_ROOT);
    assert.equal(config.dataDir, './data');
    assert.equal(config.timeZone, 'Asia/Shanghai');
    assert.equal(config.defaultLang, 'zh');
    assert.deepEqual(config.adminIds, []);
    assert.equal(config.weeklyAgendaCron, '0 8 * * 1');
    assert.equal(config.monthlySummaryCron, '0 9 1 * *');
    assert.equal(config.backupKeep, 14);
    assert.equal(config.webhook, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.watchdogSeconds, 30);
  });

  it('reads every setting', () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      DATA_DIR: '/srv/courtwall',
      COURT_TIMEZONE: 'Asia/Urumqi',
      DEFAULT_LANG: 'en',
      ADMIN_IDS: '111, 222,333',
      WEEKLY_AGENDA_CRON: '30 7 * * 1',
      MONTHLY_SUMMARY_CRON: '0 10 2 * *',
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: 'abc_DEF-123',
      PORT: '9000',
      LOG_LEVEL: 'debug',
    });
    assert.equal(config.botToken, TOKEN);
    assert.deepEqual(config.adminIds, [111, 222, 333]);
    assert.equal(config.timeZone, 'Asia/Urumqi');
    assert.equal(config.defaultLang, 'en');
    assert.deepEqual(config.webhook, { url: 'https://bot.example.org/tg/hook', secret: 'abc_DEF-123', port: 9000 });
  });

  it('treats blank values as unset', () => {
    assert.equal(parseConfig({ BOT_TOKEN: '  ', ADMIN_IDS: '' }).botToken, undefined);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['ADMIN_IDS', { ADMIN_IDS: '123,abc' }, /"abc" is not a numeric Telegram user ID/],
    ['WEEKLY_AGENDA_CRON', { WEEKLY_AGENDA_CRON: '0 25 * * 1' }, /not a valid cron expression/],
    ['MONTHLY_SUMMARY_CRON', { MONTHLY_SUMMARY_CRON: 'monthly' }, /not a valid cron expression/],
    ['COURT_TIMEZONE', { COURT_TIMEZONE: 'Mars/Olympus' }, /not an IANA time zone/],
    ['DEFAULT_LANG', { DEFAULT_LANG: 'fr' }, /one of: zh, en/],
    ['BOT_TOKEN', { BOT_TOKEN: 'not-a-token' }, /@BotFather/],
    ['TELEGRAM_API_ROOT', { TELEGRAM_API_ROOT: 'bot-api.example' }, /not a URL/],
    ['WEBHOOK_SECRET', { WEBHOOK_URL: 'https://x.example/hook' }, /required when WEBHOOK_URL is set/],
    ['WEBHOOK_URL', { WEBHOOK_URL: 'http://x.example/hook', WEBHOOK_SECRET: 's' }, /https:/],
    ['PORT', { WEBHOOK_URL: 'https://x.example/hook', WEBHOOK_SECRET: 's', PORT: '70000' }, /1 to 65535/],
    ['BACKUP_KEEP', { BACKUP_KEEP: '0' }, /1 to 365/],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, /debug, info, warn, error/],
    ['WATCHDOG_SECONDS', { WATCHDOG_SECONDS: '1' }, /2 to 3600/],
  ];
  for (const [variable, env, message] of bad) {
    it(`names ${variable} when it is wrong`, () => {
      const err = errorOf(env);
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(`^${variable}: `));
      assert.match(err.message, message);
    });
  }

  it('never echoes the token in an error', () => {
    const err = errorOf({ BOT_TOKEN: '123:short' });
    assert.doesNotMatch(err.message, /123:short/);
  });
});
