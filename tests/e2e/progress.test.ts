import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, NEWCOMER, STRANGER, botMembership, editedMessage, nextMessageId, textMessage } from '../helpers/updates.ts';

const UPDATE = '#进度 #T12 完成财产查控 60% <script>&';
const SHOWN = '完成财产查控 60% <script>&';

describe('progress on the wall, end to end against the fake Bot API', () => {
  let h: Harness;
  const messageId = nextMessageId();
  const visible = async () => h.app.store.progress.between(new Date('2024-09-01T00:00:00Z'));

  before(async () => {
    h = await startHarness({ now: '2024-09-03T02:00:00Z' });
    const [invite] = await h.say(ADMIN, '/invite staff enforcement');
    const code = /start=([\w-]+)/.exec(invite!.plain)![1]!;
    await h.say(NEWCOMER, `/start ${code}`);
    await h.send(botMembership({ chat: GROUP, from: ADMIN, status: 'administrator', botId: h.fake.botId }));
    await h.say(ADMIN, '/bind enforcement', GROUP);
    for (let n = 1; n <= 12; n++) {
      const [created] = await h.say(ADMIN, `/task add 重点工作${n} ${NEWCOMER.id} 9月30日 unit:enforcement`);
      assert.match(created!.plain, new RegExp(`T${n}`));
    }
  });
  after(async () => {
    await h.stop();
  });

  it('records a #进度 message of a staff member in a bound group and confirms it', async () => {
    const sent = await h.send(textMessage({ text: UPDATE, from: NEWCOMER, chat: GROUP, messageId }));
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.plain, /已记录进展 #1：T12 重点工作12 · 60%/);
    const [update] = await visible();
    assert.equal(update?.text, SHOWN);
    assert.equal(update?.itemCode, 'T12');
    assert.equal(update?.percent, 60);
    assert.ok((await h.app.store.audit.recent(5)).some((e) => e.action === 'progress.add'));
  });

  it('never records the same message twice', async () => {
    const sent = await h.send(textMessage({ text: UPDATE, from: NEWCOMER, chat: GROUP, messageId }));
    assert.equal(sent.length, 0);
    assert.equal((await visible()).length, 1);
  });

  it('shows the update escaped and intact on /wall and /task T12', async () => {
    const [wall] = await h.say(NEWCOMER, '/wall', GROUP);
    assert.match(wall!.plain, /执行局 · 2024年第36周 工作进展/);
    assert.ok(wall!.plain.includes(SHOWN), wall!.plain);
    assert.ok(wall!.text.includes('&lt;script&gt;&amp;'), wall!.text);
    const [history] = await h.say(NEWCOMER, '/task T12');
    assert.ok(history!.plain.includes(SHOWN), history!.plain);
    assert.ok(history!.text.includes('&lt;script&gt;&amp;'));
    assert.match(history!.plain, /最新进度 60%/);
    const [mine] = await h.say(NEWCOMER, '/mine');
    assert.match(mine!.plain, /12 项未完成/);
    assert.ok(mine!.plain.includes(SHOWN));
  });

  it('changes the record when the message is edited', async () => {
    const sent = await h.send(editedMessage({ text: '#进度 #T12 完成财产查控 80% <script>&', from: NEWCOMER, chat: GROUP, messageId }));
    assert.match(sent[0]!.plain, /已按修改后的消息更新进展 #1/);
    const [update] = await visible();
    assert.equal(update?.percent, 80);
    const [wall] = await h.say(NEWCOMER, '/wall', GROUP);
    assert.ok(wall!.plain.includes('完成财产查控 80% <script>&'));
    assert.match(wall!.plain, /已编辑/);
  });

  it('takes the update off the wall with /undo, keeping it for audit', async () => {
    const [undone] = await h.say(NEWCOMER, '/undo');
    assert.match(undone!.plain, /已撤回进展 #1/);
    const [wall] = await h.say(NEWCOMER, '/wall', GROUP);
    assert.match(wall!.plain, /还没有进展记录/);
    assert.equal(h.app.store.progress.get(1)?.removed?.by, NEWCOMER.id);
    const [again] = await h.say(NEWCOMER, '/undo');
    assert.match(again!.plain, /24 小时内没有可撤回的进展/);
    // Editing a taken-back update changes nothing, and says so (issue 12: no silent drops).
    const edited = await h.send(editedMessage({ text: '#进度 #T12 再改 90%', from: NEWCOMER, chat: GROUP, messageId }));
    assert.equal(edited.length, 1);
    assert.match(edited[0]!.plain, /没有对应的进展记录.*未做更改/);
    assert.equal(h.app.store.progress.get(1)?.text, '完成财产查控 80% <script>&');
  });

  it('neither stores nor answers a stranger’s #进度', async () => {
    const sent = await h.say(STRANGER, '#进度 #T12 冒充 100%', GROUP);
    assert.equal(sent.length, 0);
    assert.equal((await visible()).length, 0);
  });

  it('accepts a 4,000-character update and shows it split; refuses a longer one with the limit', async () => {
    const long = '<&"\u200F'.repeat(1000);
    const [ok] = await h.say(NEWCOMER, `/progress #T3 ${long}`);
    assert.match(ok!.plain, /已记录进展 #2：T3/);
    const parts = await h.say(NEWCOMER, '/task T3');
    assert.ok(parts.length >= 2, `expected a split answer, got ${parts.length} part(s)`);
    for (const part of parts) assert.ok(part.plain.length <= 4096);
    assert.ok(parts.map((p) => p.plain).join('').includes(long));

    const [refused] = await h.say(NEWCOMER, `/progress ${'长'.repeat(4001)}`);
    assert.match(refused!.plain, /4001 字，上限 4000 字/);
    assert.equal((await visible()).length, 1);
  });

  it('lets a manager remove another’s update, but not a staff member', async () => {
    const [posted] = await h.say(NEWCOMER, '/progress 本周值班两次');
    const id = /#(\d+)/.exec(posted!.plain)![1]!;
    h.clock.advance(25 * 3600_000);
    const [late] = await h.say(NEWCOMER, `/undo ${id}`);
    assert.match(late!.plain, /只能撤回自己 24 小时内的进展/);
    const [removed] = await h.say(ADMIN, `/progress remove ${id}`);
    assert.match(removed!.plain, new RegExp(`已撤回进展 #${id}`));
    assert.equal(h.app.store.progress.get(Number(id))?.removed?.by, ADMIN.id);
  });

  it('edits a /progress command by editing its message, and says plainly when storing fails', async () => {
    const id = nextMessageId();
    await h.send(textMessage({ text: '/progress #T5 初稿 10%', from: NEWCOMER, messageId: id }));
    const [edited] = await h.send(editedMessage({ text: '/progress #T5 定稿 30%', from: NEWCOMER, messageId: id }));
    assert.match(edited!.plain, /已按修改后的消息更新进展/);
    assert.equal(h.app.store.progress.byMessage(NEWCOMER.id, id)?.text, '定稿 30%');

    const progress = h.app.store.progress;
    const original = progress.record.bind(progress);
    progress.record = () => Promise.reject(new Error('disk full'));
    try {
      const [failed] = await h.say(NEWCOMER, '#进度 #T5 这条存不下 40%', GROUP);
      assert.match(failed!.plain, /保存失败/);
      assert.doesNotMatch(failed!.plain, /已记录/);
    } finally {
      progress.record = original;
    }
  });

  it('lets only managers create items, and owners close them', async () => {
    const [refused] = await h.say(NEWCOMER, '/task add 自己的工作');
    assert.match(refused!.plain, /没有权限/);
    const [closed] = await h.say(NEWCOMER, '/task done T12');
    assert.match(closed!.plain, /T12 重点工作12 已标记为完成/);
    assert.equal(h.app.store.tasks.item('T12')?.status, 'done');
  });
});
