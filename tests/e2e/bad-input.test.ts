import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { Update } from 'telegraf/types';
import type { Lang } from '../../src/config.ts';
import type { StaffMember } from '../../src/domain/org.ts';
import { translate, type MessageKey } from '../../src/text/i18n.ts';
import type { SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { FLAT_METRIC, seedNearConstantSeries } from '../helpers/hostile-figures.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';
import { seededRandom } from '../helpers/random.ts';
import {
  ADMIN,
  STRANGER,
  botMembership,
  callbackQuery,
  documentMessage,
  editedMessage,
  textMessage,
  type TestChat,
  type TestUser,
} from '../helpers/updates.ts';

/**
 * A few thousand generated updates, seeded so a failure reproduces:
 *   BAD_INPUT_SEED=<seed printed below> node scripts/run-tests.mjs tests/e2e/bad-input.test.ts
 * The bot must stay up, every call must pass the fake's Telegram checks, no handler may fail,
 * and strangers and the unbound group must only ever get the refusal or the binding help.
 */
const SEED = Number(process.env.BAD_INPUT_SEED ?? Date.now() % 2 ** 31);
const COUNT = Number(process.env.BAD_INPUT_COUNT ?? 2000);

const random = seededRandom(SEED);
const SAMPLE_IMPORT = readFileSync(new URL('../../data/seed/sample-import.csv', import.meta.url), 'utf8');
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;

// ---- the cast -----------------------------------------------------------------------------

const member = (id: number, role: StaffMember['role'], units: string[], extra: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name: `成员${id}`,
  role,
  units,
  active: true,
  registeredAt: '2024-08-01T00:00:00.000Z',
  ...extra,
});

const STAFF: TestUser = { id: 4001, first_name: '干警', language_code: 'zh-hans' };
const MANAGER: TestUser = { id: 4002, first_name: '负责人', language_code: 'en' };
const RETIRED: TestUser = { id: 4003, first_name: '已停用', language_code: 'zh' };
const STRANGERS: TestUser[] = [
  STRANGER,
  { id: 3004, first_name: '<b>陌生人', language_code: 'zh-hans' },
  { id: 3005, first_name: '\u202Eevil', language_code: 'ar' },
  { id: 7_999_999_999, first_name: '😀', username: 'x_y' },
];
/** A stranger who blocked the bot: every send to them gets 403, which the bot must survive. */
const BLOCKED: TestUser = { id: 3099, first_name: 'Blocked', language_code: 'en' };
const REGISTERED = [ADMIN, STAFF, MANAGER, RETIRED];
/** Telegram's stand-in for an anonymous group admin; its messages carry sender_chat (added below). */
const ANONYMOUS_ADMIN: TestUser = { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot' };
const BOUND: TestChat = { id: -1001000000777, type: 'supergroup', title: '执行局 <工作群> & co' };
const UNBOUND: TestChat = { id: -1001000000888, type: 'supergroup', title: 'unbound' };

// ---- generators ---------------------------------------------------------------------------

const POOLS = [
  'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789',
  '执行局终本率结案率审判质效立案庭民一庭进度重点工作周例会 ，。、；：？！“”（）',
  '\u200F\u200E\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C', // bidi marks
  'مرحبا بالعالم שלום עולם',
  '\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u007F\u0085\u2028\u2029\t\r\n',
  '<>&"\'/=;#@_*`[]()~|{}\\',
  '\u200B\u200C\u200D\uFEFF\u00AD\u034F',
  'ÀÉÎÕÜßøæœ ǅ ﬁ Ⅻ ① ㊿ ',
];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇨🇳', '🏳️‍🌈', '𝐀𝐁𝐂', '𠀀𠀁', '\uD83D', '\uDC00', '🧑🏻‍⚖️'];
const HTML_BITS = ['<script>alert(1)</script>', '&', '&amp;', '&lt;', '<b>', '</b>', '<i>unclosed', '<a href="javascript:x">x</a>', '&#0;', '&nbsp;', '<tg-spoiler>', '<pre>', '<code>', '<br>', '<<>>', '"\'', '&&&;'];

function randomText(maxLength = 60): string {
  const length = int(0, maxLength);
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.1) out += pick(EMOJI);
    else if (r < 0.2) out += pick(HTML_BITS);
    else {
      const pool = [...pick(POOLS)];
      out += pick(pool);
    }
  }
  return out;
}

/** Chinese text encoded as GBK and read back as if it were UTF-8 or Latin-1 (mojibake, U+FFFD). */
function gbkMojibake(): string {
  const bytes = iconv.encode(`${pick(['#进度 ', '/progress ', '终本率', '/metric ', ''])}执行局本周结案${int(0, 999)}件`, 'gbk');
  return bytes.toString(chance(0.5) ? 'utf8' : 'latin1');
}

function overlongText(): string {
  const length = int(5000, 20000);
  let out = pick(['', '/progress ', '#进度 ', '/metric ', '/agenda add ', '/task add ', '/unit add code ']);
  const line = randomText(120) + pick(['\n', '', ' ', '<b>']);
  while (out.length < length) out += chance(0.3) ? randomText(200) : line;
  return out.slice(0, length);
}

/** Every command the bot offers, plus the ones the other capabilities add or may add. */
const EXPECTED_COMMANDS = [
  'start', 'help', 'lang', 'invite', 'users', 'unit', 'bind', 'unbind', 'subscribe', 'unsubscribe',
  'metric', 'board', 'rank', 'trend', 'target', 'import', 'progress', 'task', 'wall', 'mine', 'undo',
  'agenda', 'summary', 'schedule', 'study', 'status', 'backup', 'restore', 'check', 'settings',
];
const VERBS = ['add', 'list', 'done', 'del', 'remove', 'preview', 'set', 'clear', 'role', 'unit', 'deactivate', 'activate', 'on', 'off', 'now', 'all', 'zh', 'en'];
const ABSURD = [
  '', ' ', '99999999999999999999999999', '-1', '0', '1e309', 'NaN', 'Infinity', '0x7fffffff', '9007199254740993', '-0', '3.14',
  'superadmin', 'ADMIN', 'root', 'staff staff staff', 'xx', 'zz', '中文中文', '../../etc/passwd', 'a'.repeat(300), '#T', '#T0',
  '#T99999999999', '101%', '-5%', '1000000%', '%', '2024-13-45', '2024-02-30', '9999-99-99', '1970-01-01', 'yesterday',
  '"quoted arg"', '\'', '--help', '-h', '@courtwall_test_bot', '$(rm -rf /)', '{{7*7}}', '${x}', '<b>bold', 'enforcement', 'court',
  '终本率', '结案率', 'bogus_metric', '2024-08', '2024-W99', 'week', 'month', 'quarter', 'Q5', 'H3',
];
const BOGUS_CODES = ['', 'x', 'abc', '12345678', 'A'.repeat(64), 'A'.repeat(65), 'not-a-code!!', '<script>', '%00', 'bogus_invite_000', '😀😀😀😀😀😀😀😀'];

function commandText(commands: string[], chat: TestChat): string {
  const command = chance(0.05) ? randomText(12).replace(/\s/g, '_') || 'x' : pick(commands);
  const suffix = chance(0.15) ? pick(['@courtwall_test_bot', '@other_bot', '@COURTWALL_TEST_BOT', '@']) : '';
  let args: string[] = [];
  if (command === 'start') args = [pick(BOGUS_CODES)];
  else {
    const n = int(0, 4);
    for (let i = 0; i < n; i++) {
      const r = random();
      args.push(r < 0.35 ? pick(VERBS) : r < 0.75 ? pick(ABSURD) : r < 0.85 ? String(pick([...REGISTERED, ...STRANGERS]).id) : randomText(20));
    }
  }
  // The unbound group must stay unbound: no real unit code after /bind there.
  if (chat.id === UNBOUND.id && command === 'bind') args = args.map((a) => (/^[a-z]/.test(a) ? `zz${a}` : a));
  return `/${command}${suffix}${args.length ? ' ' + args.join(' ') : ''}`;
}

const CALLBACK_PREFIXES = ['', 'progress:prompt', 'metric:', 'm:', 'progress:', 'p:', 'undo:', 'task:', 'import:', 'imp:', 'agenda:', 'summary:', 'page:', 'lang:', 'confirm:', 'cancel'];

const METRIC_CODES = ['closure_rate', 'within_limit_closure_rate', 'clearance_ratio', 'avg_disposition_days', 'no_such_metric', ''];
const junk = () => pick([...ABSURD.filter((a) => a.length < 30), randomText(12)]);

function callbackData(): string {
  const r = random();
  // The shapes the features use: metric suggestions (mq|mr|mt:code:period:unit:basis), import confirmations (mi:ok|no:id).
  let data =
    r < 0.25 ? `${pick(['mq', 'mr', 'mt'])}:${pick(METRIC_CODES)}:${pick(['2024-08', '2024', '2024-Q3', junk()])}:${pick(['enforcement', 'court', junk()])}:${junk()}`
    : r < 0.4 ? `mi:${pick(['ok', 'no', junk()])}:${pick([String(int(0, 6)), junk()])}`
    : pick(CALLBACK_PREFIXES) + junk();
  while (Buffer.byteLength(data) > 64) data = data.slice(0, -1);
  return data;
}

interface Sender {
  user: TestUser;
  chat: TestChat;
}

function pickSender(): Sender {
  const r = random();
  const anyone = () => pick([...REGISTERED, ...STRANGERS, BLOCKED]);
  if (r < 0.4) {
    const user = pick(REGISTERED);
    return { user, chat: { id: user.id, type: 'private' } };
  }
  if (r < 0.55) return { user: pick(REGISTERED), chat: BOUND };
  if (r < 0.72) {
    const user = chance(0.1) ? BLOCKED : pick(STRANGERS);
    return { user, chat: { id: user.id, type: 'private' } };
  }
  if (r < 0.82) return { user: chance(0.15) ? ANONYMOUS_ADMIN : pick(STRANGERS), chat: BOUND };
  return { user: chance(0.1) ? ANONYMOUS_ADMIN : anyone(), chat: UNBOUND };
}

// ---- what strangers and the unbound group may see --------------------------------------------

const LANGS: Lang[] = ['zh', 'en'];

function plainOf(html: string): string {
  return parseTelegramHtml(html);
}

/** A catalog template as a pattern over the plain text the user sees; each {param} matches anything. */
function templatePattern(key: MessageKey): RegExp[] {
  return LANGS.map((lang) => {
    const marked = translate(lang, key, {}).replace(/\{(\w+)\}/g, '\u0000');
    const source = plainOf(marked)
      .split('\u0000')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    return new RegExp(`^${source}$`);
  });
}

function exactTexts(key: MessageKey, params: Record<string, string | number> = {}): string[] {
  return LANGS.map((lang) => plainOf(translate(lang, key, params)));
}

function allowedForStranger(user: TestUser): (text: string) => boolean {
  const exact = new Set([
    ...exactTexts('access.refused', { id: user.id }),
    ...exactTexts('start.inviteUnknown'),
    ...exactTexts('start.inviteUsed'),
    ...exactTexts('start.inviteExpired'),
  ]);
  return (text) => exact.has(text);
}

/** Bind commands are open to unbound groups: an unregistered sender may hear the role they lack. */
const notAllowedTexts = new Set(
  (['staff', 'manager', 'admin'] as const).flatMap((role) =>
    LANGS.map((lang) => plainOf(translate(lang, 'error.notAllowed', { role: translate(lang, `role.${role}`) }))),
  ),
);

function allowedInUnboundGroup(text: string): boolean {
  if (notAllowedTexts.has(text)) return true;
  const exact = new Set([
    ...exactTexts('access.unboundGroup'),
    ...exactTexts('bind.usage'),
    ...exactTexts('bind.notYourUnit'),
    ...exactTexts('bind.notBound'),
    ...exactTexts('error.anonymousAdmin'),
  ]);
  return exact.has(text) || templatePattern('bind.unknownUnit').some((p) => p.test(text));
}

/**
 * In a bound group the gate tells an unregistered sender of a command how to register; the bind
 * commands (mounted before the gate) tell them the role they lack. Nothing else.
 */
function allowedForStrangerInBoundGroup(user: TestUser): (text: string) => boolean {
  const exact = new Set([...exactTexts('access.refused', { id: user.id }), ...exactTexts('error.anonymousAdmin'), ...exactTexts('progress.anonymous')]);
  return (text) => exact.has(text) || notAllowedTexts.has(text);
}

// ---- the test -------------------------------------------------------------------------------

/** Markup that only user input carries: seen unescaped in HTML we sent, it was injected. */
const INJECTED = ['<script>', 'href="javascript:', '<tg-spoiler>', '<br>', '<i>unclosed', '<pre>'];

function injections(h: Harness, fromCall = 0): string[] {
  return h.fake.calls.slice(fromCall).flatMap((c) => {
    if (c.payload.parse_mode !== 'HTML') return [];
    const { text, caption } = c.payload;
    const html = typeof text === 'string' ? text : typeof caption === 'string' ? caption : '';
    const found = INJECTED.filter((marker) => html.includes(marker));
    return found.length ? [`${c.method} to ${String(c.payload.chat_id)} carries ${found.join(' ')}: ${JSON.stringify(html.slice(0, 200))}`] : [];
  });
}

/** A bot with staff, a manager and a deactivated member of the enforcement bureau, and its bound group. */
async function startCourt(): Promise<Harness> {
  const h = await startHarness({ now: '2024-09-10T02:00:00Z' });
  const org = h.app.store.org;
  await org.saveMember(member(STAFF.id, 'staff', ['enforcement']));
  await org.saveMember(member(MANAGER.id, 'manager', ['enforcement']));
  await org.saveMember(member(RETIRED.id, 'staff', ['enforcement'], { active: false }));
  await org.saveChat({
    id: BOUND.id,
    title: BOUND.title!,
    unit: 'enforcement',
    subscriptions: ['agenda', 'summary'],
    active: true,
    boundBy: ADMIN.id,
    boundAt: '2024-08-01T00:00:00.000Z',
  });
  h.fake.removeBot(BLOCKED.id);
  return h;
}

void describe(`bad input (seed ${SEED}, ${COUNT} updates)`, () => {
  let h: Harness;
  const problems: string[] = [];

  before(async () => {
    console.log(`bad-input seed: ${SEED} (rerun with BAD_INPUT_SEED=${SEED})`);
    h = await startCourt();
  });
  after(async () => {
    await h.stop();
  });

  /** Messages sent so far (to edit some of them later). */
  const sentMessages: { chatId: number; messageId: number }[] = [];

  function makeUpdate(sender: Sender, commands: string[]): { update: Omit<Update, 'update_id'>; label: string } {
    const { user, chat } = sender;
    const r = random();
    if (r < 0.45) {
      const text = commandText(commands, chat);
      return { update: textMessage({ text, from: user, chat }), label: `text ${JSON.stringify(text.slice(0, 200))}` };
    }
    if (r < 0.62) {
      const text = chance(0.15) ? gbkMojibake() : chance(0.5) ? randomText(120) : pick(['#进度 ', '#进度', '终本率 ', '#T1 ', '']) + randomText(80);
      return { update: textMessage({ text: text || ' ', from: user, chat }), label: `text ${JSON.stringify(text.slice(0, 200))}` };
    }
    if (r < 0.65) {
      const text = overlongText();
      return { update: textMessage({ text, from: user, chat }), label: `overlong text (${text.length} chars) starting ${JSON.stringify(text.slice(0, 40))}` };
    }
    if (r < 0.75) {
      const data = callbackData();
      return { update: callbackQuery({ data, from: user, chat, messageId: int(1, 50) }), label: `callback ${JSON.stringify(data)}` };
    }
    if (r < 0.85) {
      const text = chance(0.1) ? overlongText() : chance(0.5) ? commandText(commands, chat) : pick(['#进度 ', '/progress ', '']) + randomText(80);
      // Half of the edits are of messages never seen; the others of an earlier message in that chat, by anyone.
      const earlier = sentMessages.filter((m) => m.chatId === chat.id);
      const messageId = earlier.length > 0 && chance(0.5) ? pick(earlier).messageId : int(1, 10_000_000);
      return {
        update: editedMessage({ text: text || ' ', from: user, chat, messageId }),
        label: `edit of message ${messageId} ${JSON.stringify(text.slice(0, 200))}`,
      };
    }
    if (r < 0.98) return makeDocument(user, chat);
    return { update: botMembership({ chat, from: user, status: pick(['member', 'administrator', 'left', 'kicked']), botId: h.fake.botId }), label: 'my_chat_member' };
  }

  function makeDocument(user: TestUser, chat: TestChat): { update: Omit<Update, 'update_id'>; label: string } {
    const kind = int(0, 8);
    let content: Buffer;
    let name: string;
    let size: number | undefined;
    let mimeType: string | undefined;
    if (kind === 0) {
      content = Buffer.alloc(0);
      name = pick(['empty.csv', 'empty.xlsx', 'empty']);
    } else if (kind === 1) {
      // GBK where UTF-8 is expected.
      const rows = ['部门,指标,数值', `执行局,终本率,${pick(['10.47%', 'abc', '', '１０'])}`, `${randomText(10)},结案率,${int(-5, 500)}`];
      content = iconv.encode(rows.join('\r\n'), 'gbk');
      name = pick(['figures.csv', '数据.csv', 'figures.txt']);
      mimeType = 'text/csv';
    } else if (kind === 2) {
      content = Buffer.from(Array.from({ length: int(1, 4000) }, () => int(0, 255)));
      name = pick(['figures.xlsx', 'report.pdf', 'virus.exe', 'photo.jpg', 'a.csv', 'noext', '<b>.csv']);
    } else if (kind === 3) {
      // A huge file: Telegram lets bots download at most 20 MB; the declared size says more.
      content = Buffer.from('unit,metric,value\n');
      name = 'huge.csv';
      size = pick([25 * 1024 * 1024, 2 * 1024 ** 3]);
    } else if (kind === 4) {
      content = Buffer.alloc(int(1, 3) * 1024 * 1024, 'x,1,2\n');
      name = pick(['big.csv', 'big.xlsx']);
    } else if (kind === 5) {
      content = Buffer.from(`\uFEFF${randomText(30)},${randomText(10)}\n"unterminated,${HTML_BITS.join(',')}\n`, 'utf8');
      name = 'weird.csv';
    } else if (kind === 7 || kind === 8) {
      // The sample import, as is or with rows and cells mangled.
      const lines = SAMPLE_IMPORT.split('\n');
      const mangled = kind === 7 ? lines : lines.filter(() => chance(0.8)).map((l) => (chance(0.3) ? l.split(',').map((c) => (chance(0.3) ? junk() : c)).join(',') : l));
      content = Buffer.from(mangled.join('\n'), 'utf8');
      name = 'sample-import.csv';
      mimeType = 'text/csv';
    } else {
      content = Buffer.from('PK\u0003\u0004 not really a zip');
      name = 'fake.xlsx';
      mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
    const fileId = h.fake.addFile(content, name.replace(/[^\w.-]/g, '_'));
    return {
      update: documentMessage({ fileId, fileName: name, from: user, chat, size: size ?? content.length, ...(mimeType ? { mimeType } : {}) }),
      label: `document ${name} (${size ?? content.length} bytes)`,
    };
  }

  void it('survives thousands of generated updates without failing a handler or leaking data', { timeout: 90_000 }, async () => {
    const commands = [...new Set([...h.app.commands.map((c) => c.command), ...EXPECTED_COMMANDS])];
    const org = h.app.store.org;
    for (let i = 0; i < COUNT; i++) {
      const sender = pickSender();
      const { update, label } = makeUpdate(sender, commands);
      const message = (update as Partial<Update.MessageUpdate>).message;
      if (message) sentMessages.push({ chatId: message.chat.id, messageId: message.message_id });
      if (message && sender.user.id === ANONYMOUS_ADMIN.id) Object.assign(message, { sender_chat: { id: sender.chat.id, type: 'supergroup', title: sender.chat.title } });
      const stranger = !org.member(sender.user.id) && !h.app.deps.config.adminIds.includes(sender.user.id);
      const groupBound = sender.chat.id < 0 ? org.chat(sender.chat.id)?.active === true : undefined;
      const where = `#${i} from ${sender.user.id} in ${sender.chat.id}: ${label}`;
      const callsBefore = h.fake.calls.length;
      let sent: SentMessage[];
      try {
        sent = await h.send(update);
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}`);
        break;
      }
      for (const m of sent) {
        if (m.chatId !== sender.chat.id) problems.push(`${where}: a message went to another chat ${m.chatId}: ${JSON.stringify(m.plain.slice(0, 200))}`);
        if ([...exactTexts('error.generic')].includes(m.plain)) problems.push(`${where}: a handler failed (the bot apologised)`);
      }
      for (const call of h.fake.calls.slice(callsBefore)) {
        if (call.error && Number(call.payload.chat_id) !== BLOCKED.id) problems.push(`${where}: ${call.method} failed: ${call.error.code} ${call.error.description}`);
      }
      if (sender.chat.id === UNBOUND.id) {
        assert.equal(groupBound, false, 'the unbound group must stay unbound');
        for (const m of sent) if (!allowedInUnboundGroup(m.plain)) problems.push(`${where}: the unbound group got ${JSON.stringify(m.plain.slice(0, 300))}`);
      } else if (stranger && sender.chat.type === 'private') {
        const allowed = allowedForStranger(sender.user);
        for (const m of sent) if (!allowed(m.plain)) problems.push(`${where}: the stranger got ${JSON.stringify(m.plain.slice(0, 300))}`);
      } else if (stranger && groupBound) {
        const allowed = allowedForStrangerInBoundGroup(sender.user);
        for (const m of sent) if (!allowed(m.plain)) problems.push(`${where}: a stranger in the bound group got ${JSON.stringify(m.plain.slice(0, 300))}`);
      }
      if (problems.length >= 25) break;
    }
    assert.deepEqual(problems, [], `seed ${SEED}: ${problems.length} problems`);
    assert.deepEqual(injections(h), [], 'user text went out as markup');

    // Still up and answering.
    const [help] = await h.say(ADMIN, '/help');
    assert.match(help!.plain, /\/invite/);
    // Nobody got in sideways.
    for (const user of [...STRANGERS, BLOCKED, ANONYMOUS_ADMIN]) assert.equal(org.member(user.id), undefined, `stranger ${user.id} became a member`);
    assert.equal(org.chat(UNBOUND.id), undefined);
    // The only failed calls are the sends to the user who blocked the bot.
    const errors = h.fake.calls.filter((c) => c.error);
    assert.deepEqual(
      errors.filter((c) => !(c.error!.code === 403 && Number(c.payload.chat_id) === BLOCKED.id)).map((c) => `${c.method}: ${c.error!.description}`),
      [],
    );
  });

  void it('stores hostile text and shows it back safely in every view', { timeout: 60_000 }, async () => {
    // A fresh court: the random stream above may have unbound the group or deactivated people.
    const h = await startCourt();
    try {
      await showsHostileText(h);
    } finally {
      await h.stop();
    }
  });

  // Issue 12 inputs, one block per area (kept apart so they merge cleanly):
  // -- zero-width and progress inputs --
  void it('answers zero-width updates, anonymous #进度 and updates or edits onto another unit’s item, changing nothing', { timeout: 30_000 }, async () => {
    const h = await startCourt();
    try {
      const item = (title: string, unit: string) => ({ title, unit, owners: [STAFF.id], status: 'open' as const, createdBy: ADMIN.id, createdAt: '2024-09-01T00:00:00.000Z' });
      const own = await h.app.store.tasks.create(item('执行款发放', 'enforcement'));
      const other = await h.app.store.tasks.create({ ...item('诉前调解', 'civil1'), owners: [] });
      const messageId = 9_000_001;
      await h.send(textMessage({ text: `/progress #${own.code} 本周发放 2 笔 30%`, from: STAFF, messageId }));
      const stored = async () => JSON.stringify(await h.app.store.progress.between(new Date(0)));
      const before = { progress: await stored(), audit: (await h.app.store.audit.recent(1000)).length };
      const usage = (text: string) => exactTexts('progress.usage').includes(text);
      const otherItem = (text: string) => templatePattern('progress.notYourItem').some((p) => p.test(text));
      const anonymous = (text: string) => exactTexts('progress.anonymous').includes(text);
      const zeroWidth = ['\u200B', '\u200B\u200C\u200D\u2060\uFEFF', ' \u200B\u3000\u2060 \t', '\u00AD\u034F\u3164\u2800', `#${own.code} \u200D`];
      const cases: [string, Omit<Update, 'update_id'>, (text: string) => boolean][] = [
        ...zeroWidth.flatMap((z): [string, Omit<Update, 'update_id'>, (text: string) => boolean][] => [
          [`private ${JSON.stringify(z)}`, textMessage({ text: `/progress ${z}`, from: STAFF }), usage],
          [`group ${JSON.stringify(z)}`, textMessage({ text: `#进度 ${z}`, from: STAFF, chat: BOUND }), usage],
        ]),
        ['anonymous #进度', textMessage({ text: `#进度 #${own.code} 匿名 90%`, from: ANONYMOUS_ADMIN, chat: BOUND }), anonymous],
        ['another unit’s item', textMessage({ text: `/progress #${other.code} 替民一庭报 50%`, from: STAFF }), otherItem],
        ['another unit’s item in the group', textMessage({ text: `#进度 #${other.code} 替民一庭报 50%`, from: MANAGER, chat: BOUND }), otherItem],
        ['an edit onto another unit’s item', editedMessage({ text: `/progress #${other.code} 改报民一庭 60%`, from: STAFF, messageId }), otherItem],
      ];
      for (const [label, update, expected] of cases) {
        const message = (update as Partial<Update.MessageUpdate>).message;
        if (message?.from?.id === ANONYMOUS_ADMIN.id) Object.assign(message, { sender_chat: { id: BOUND.id, type: 'supergroup', title: BOUND.title } });
        const sent = await h.send(update);
        assert.equal(sent.length, 1, `${label}: ${sent.length} answers`);
        assert.ok(expected(sent[0]!.plain), `${label}: ${JSON.stringify(sent[0]!.plain)}`);
      }
      assert.equal(await stored(), before.progress, 'a progress update changed');
      assert.equal((await h.app.store.audit.recent(1000)).length, before.audit);
    } finally {
      await h.stop();
    }
  });
  // -- inline callbacks and stale identities --
  void it('answers a callback from an inline message (no chat) and one with unknown data, and nothing else', async () => {
    const h = await startCourt();
    try {
      for (const user of [ADMIN, STAFF, STRANGERS[0]!]) {
        for (const data of ['mq:within_limit_closure_rate', 'mi:ok:abc', 'x'.repeat(64)]) {
          const callsBefore = h.fake.calls.length;
          const inline = { id: String(h.fake.newMessageId()), chat_instance: 'inline', from: { ...user, is_bot: false }, inline_message_id: 'AAAAinline', data };
          const sent = await h.send({ callback_query: inline });
          const calls = h.fake.calls.slice(callsBefore).filter((c) => c.method !== 'getUpdates');
          const where = `inline callback ${JSON.stringify(data)} from ${user.id}`;
          assert.deepEqual(sent, [], where);
          assert.deepEqual(calls.map((c) => c.method), ['answerCallbackQuery'], where);
          assert.deepEqual(calls.filter((c) => c.error), [], where);
          assert.equal(typeof calls[0]!.payload.text, 'string', `${where}: answered without a word`);
          const lang = user.language_code === 'en' ? 'en' : 'zh';
          assert.equal(calls[0]!.payload.text, translate(lang, 'callback.inlineMessage'), where);
        }
      }
      // Unknown data on an ordinary message: answered, no apology, no failed call.
      const callsBefore = h.fake.calls.length;
      const sent = await h.send(callbackQuery({ data: 'no-such-button:42', from: STAFF, messageId: 7 }));
      assert.deepEqual(sent.filter((m) => exactTexts('error.generic').includes(m.plain)), []);
      const calls = h.fake.calls.slice(callsBefore);
      assert.ok(calls.some((c) => c.method === 'answerCallbackQuery'), 'the unknown button is answered');
      assert.deepEqual(calls.filter((c) => c.error), []);
    } finally {
      await h.stop();
    }
  });

  void it('follows a renamed username: @new finds the person, @old no longer does, a taken-over @old finds its new holder', async () => {
    const h = await startCourt();
    try {
      const org = h.app.store.org;
      const RENAMER: TestUser = { id: 4101, first_name: '新名字', username: 'new_name', language_code: 'zh-hans' };
      const TAKER: TestUser = { id: 4102, first_name: '接手人', username: 'old_name', language_code: 'zh-hans' };
      await org.saveMember(member(RENAMER.id, 'staff', ['enforcement'], { name: '旧名字', username: 'old_name' }));
      await org.saveMember(member(TAKER.id, 'staff', ['enforcement'], { name: '接手人', username: 'taker_before' }));
      const owners = async (title: string, mention: string) => {
        const [reply] = await h.say(MANAGER, `/task add ${title} ${mention}`);
        const item = h.app.store.tasks.items().find((i) => i.title === title);
        return { owners: item?.owners, reply: reply?.plain };
      };

      // The new holder of @old_name speaks first; the renamer has said nothing since renaming.
      await h.say(TAKER, '/progress', BOUND);
      assert.equal(org.member(TAKER.id)?.username, 'old_name');
      assert.equal(org.member(RENAMER.id)?.username, undefined, 'a username belongs to one member at most');
      assert.deepEqual((await owners('接手测试', '@old_name')).owners, [TAKER.id]);

      await h.say(RENAMER, '/progress', BOUND);
      assert.equal(org.member(RENAMER.id)?.username, 'new_name');
      assert.equal(org.member(RENAMER.id)?.name, '新名字');
      assert.deepEqual((await owners('改名测试', '@New_Name')).owners, [RENAMER.id]);
      // Unchanged, nothing is written (the check runs on every update).
      const written = statSync(join(h.dataDir, 'org.json')).mtimeMs;
      await h.say(RENAMER, '/help');
      await h.say(RENAMER, '/progress', BOUND);
      assert.equal(statSync(join(h.dataDir, 'org.json')).mtimeMs, written, 'org.json rewritten for an unchanged identity');

      // The taker drops the username: @old_name is nobody's now.
      await h.say({ ...TAKER, username: undefined }, '/help');
      assert.equal(org.member(TAKER.id)?.username, undefined);
      const none = await owners('无人测试', '@old_name');
      assert.equal(none.owners, undefined);
      assert.match(none.reply ?? '', /@old_name/);
      assert.equal(org.members().filter((m) => m.username?.toLowerCase() === 'old_name').length, 0);
    } finally {
      await h.stop();
    }
  });
  // -- near-constant series and non-finite numbers --
  void it('draws /trend of a near-constant series as a photo and keeps answering', { timeout: 60_000 }, async () => {
    const court = await startHarness({ now: '2024-01-05T01:00:00Z' });
    try {
      await seedNearConstantSeries(court.app.store);
      for (const query of [`/trend ${FLAT_METRIC}`, `/trend ${FLAT_METRIC} enforcement`, '/trend 申请执行标的金额 当月']) {
        const [photo] = await court.say(ADMIN, query);
        assert.equal(photo?.method, 'sendPhoto', `${query}: expected a photo, got ${photo?.method}: ${photo?.plain}`);
        const [next] = await court.say(ADMIN, '/help');
        assert.equal(next?.method, 'sendMessage', `no answer after ${query}`);
      }
    } finally {
      await court.stop();
    }
  });

  void it('refuses non-finite and absurd numbers wherever users type them, in their language, changing nothing', { timeout: 60_000 }, async () => {
    const court = await startCourt();
    const store = court.app.store;
    const state = async () => JSON.stringify([store.metrics.catalog(), store.metrics.observations(), await store.progress.between(new Date(0)), store.tasks.items()]);
    try {
      const before = await state();
      const nines = '9'.repeat(400);
      const refusals: [TestUser, string, RegExp, TestChat?][] = [
        ...['target=1e999', 'target=NaN', 'target=Infinity', 'target=-Infinity', `target=${nines}`, `min=-${nines}`, `max=${nines}%`, 'target@8=1e999', `target@8=${nines}`, 'noise=1e999', `noise=${nines}`].map(
          (arg): [TestUser, string, RegExp] => [ADMIN, `/catalog set 终本率 ${arg}`, /^参数有误：/],
        ),
        ...['1e999%', `完成 ${nines}%`, '执行 Infinity%', 'NaN% 完成', '进度 1e2%', '完成 -5%', '完成度 ∞%'].map((text): [TestUser, string, RegExp] => [STAFF, `/progress ${text}`, /进度百分比.*无效/]),
        [MANAGER, '#进度 1e999%', /percentage .* is not valid/, BOUND],
        [MANAGER, `#progress done ${nines}%`, /percentage .* is not valid/, BOUND],
        ...[
          ['99999999年', '99999999年'],
          ['99999999年8月', '99999999年'],
          ['2024-99', '2024-99'],
          ['99999999-08', '99999999-08'],
          ['999999999999月', '999999999999月'],
          ['-0', '-0'],
          ['1e999', '1e999'],
          ['2024年1-99月', '2024年1-99月'],
        ].map(([period, unread]): [TestUser, string, RegExp] => [ADMIN, `/metric 终本率 ${period}`, new RegExp(`无法识别“${unread!}”`)]),
        [ADMIN, '/trend 终本率 99999999年', /无法识别“99999999年”/],
        [ADMIN, '/rank 终本率 99999999年', /无法识别“99999999年”/],
        ...['99999999年', '2024-13', '1e999', '-0'].map((period): [TestUser, string, RegExp] => [ADMIN, `/board ${period}`, /无法识别期间/]),
        [ADMIN, '/summary preview 99999999-01', /^用法：/],
        [ADMIN, '/summary preview 2024-99', /^用法：/],
        [ADMIN, '/task add 测试 4001 99999999年12月31日 unit:enforcement', /无法识别日期/],
        [ADMIN, '/task add 测试 4001 2024-99-99 unit:enforcement', /无法识别日期/],
      ];
      const wrong: string[] = [];
      for (const [user, text, expected, chat] of refusals) {
        const sent = await court.say(user, text, chat);
        if (sent.length !== 1 || !expected.test(sent[0]!.plain)) wrong.push(`${text.slice(0, 50)} → ${sent.map((m) => `${m.method} ${m.plain.slice(0, 60)}`).join(' + ') || 'nothing'}`);
      }
      assert.deepEqual(wrong, [], 'answered without a refusal');
      assert.equal(await state(), before, 'a refused number changed the catalog, the figures, the progress or the tasks');
      const apologies = court.fake.sent.filter((m) => exactTexts('error.generic').includes(m.plain));
      assert.deepEqual(apologies.map((m) => m.plain), [], 'a handler failed');
      // Still accepted: whole percentages and a rate quoted in the text.
      const [recorded] = await court.say(STAFF, '/progress 完成 60%，终本率降至 10.47%');
      assert.match(recorded!.plain, /已记录进展/);
      assert.equal((await store.progress.between(new Date(0))).at(-1)?.percent, 60);
    } finally {
      await court.stop();
    }
  });
});

/** Hostile text goes into every store a user can write, then through every view that shows it. */
async function showsHostileText(h: Harness): Promise<void> {
  const before = h.fake.calls.length;
  const hostile = () => `${pick(HTML_BITS)} ${randomText(int(1, 300))} ${pick(HTML_BITS)} ${pick(EMOJI)}`.replace(/^[/#]+/, '');
  const says = async (user: TestUser, text: string, chat?: TestChat) => {
    const sent = await h.say(user, text, chat);
    assert.ok(sent.length > 0, `no answer to ${JSON.stringify(text.slice(0, 80))}`);
    return sent;
  };
  await says(MANAGER, `/task add ${hostile()} ${STAFF.id} 2024-09-30 unit:enforcement`, BOUND);
  await says(ADMIN, `/task add ${hostile()} ${STAFF.id} unit:enforcement`);
  assert.ok(h.app.store.tasks.item('T1'), 'the key work item was not created');
  for (let i = 0; i < 40; i++) {
    if (i % 3 === 0) await says(MANAGER, `#进度 ${hostile()}`, BOUND);
    else await says(STAFF, `/progress ${i % 2 ? '#T1 ' : ''}${int(0, 100)}% ${hostile()}`);
  }
  const stored = await h.app.store.progress.between(new Date(0));
  assert.ok(stored.length >= 30, `only ${stored.length} of 40 hostile progress updates were stored`);
  await says(MANAGER, `/agenda add ${hostile()}`, BOUND);
  await says(MANAGER, `/agenda study ${hostile()}`, BOUND);
  const views = ['/wall', '/wall enforcement', '/wall enforcement last', '/mine', '/task list', '/task T1', '/task T2', '/agenda preview enforcement', '/summary preview', '/board', '/status'];
  for (const view of views) await says(ADMIN, view);
  for (const view of ['/wall', '/agenda preview', '/task list']) await says(MANAGER, view, BOUND);
  await says(STAFF, '/mine');
  await says(STAFF, '/undo');
  const apologies = h.fake.sent.filter((m) => exactTexts('error.generic').includes(m.plain));
  assert.deepEqual(apologies.map((m) => m.chatId), [], 'a handler failed');
  assert.deepEqual(injections(h, before), [], 'user text went out as markup');
  const failed = h.fake.calls.slice(before).filter((c) => c.error);
  assert.deepEqual(failed.map((c) => `${c.method}: ${c.error!.description}`), []);
}
