import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindRefusal, canGrantRole, canImportFor, canReportOn, canManageUnit, commandsFor, effectiveRole, hasRole, type Actor, type CommandSpec } from '../../src/domain/access.ts';
import { buildInvite, checkInvite, inviteLink, isInviteCode } from '../../src/domain/invite.ts';
import { parseLang, pickLanguage } from '../../src/domain/language.ts';
import type { StaffMember } from '../../src/domain/org.ts';

const member = (over: Partial<StaffMember>): StaffMember => ({
  id: 1,
  name: 'x',
  role: 'staff',
  units: ['enforcement'],
  active: true,
  registeredAt: '2024-01-01T00:00:00Z',
  ...over,
});
const actor = (m?: StaffMember, bootstrapAdmin = false): Actor => ({ telegramId: m?.id ?? 9, member: m, bootstrapAdmin });

describe('access rules', () => {
  it('ranks roles and ignores deactivated members', () => {
    assert.equal(hasRole(actor(member({ role: 'manager' })), 'staff'), true);
    assert.equal(hasRole(actor(member({ role: 'manager' })), 'admin'), false);
    assert.equal(effectiveRole(actor(member({ role: 'admin', active: false }))), undefined);
    assert.equal(effectiveRole(actor(undefined)), undefined);
    assert.equal(effectiveRole(actor(undefined, true)), 'admin');
  });

  it('lets managers act on their own units only', () => {
    const manager = actor(member({ role: 'manager', units: ['devzone'] }));
    assert.equal(canManageUnit(manager, 'devzone'), true);
    assert.equal(canManageUnit(manager, 'enforcement'), false);
    assert.equal(canManageUnit(actor(member({ role: 'admin', units: [] })), 'enforcement'), true);
    assert.equal(canManageUnit(actor(member({ role: 'staff', units: ['devzone'] })), 'devzone'), false);
  });

  it('lets a manager move or unbind a group only when they manage its current unit too', () => {
    const a = actor(member({ role: 'manager', units: ['civil1'] }));
    const ab = actor(member({ role: 'manager', units: ['civil1', 'enforcement'] }));
    assert.equal(bindRefusal(a, 'civil1', undefined), undefined);
    assert.equal(bindRefusal(a, 'civil1', 'civil1'), undefined);
    assert.equal(bindRefusal(a, 'civil1', 'enforcement'), 'notCurrentUnit');
    assert.equal(bindRefusal(a, undefined, 'enforcement'), 'notCurrentUnit');
    assert.equal(bindRefusal(a, 'enforcement', undefined), 'notYourUnit');
    assert.equal(bindRefusal(ab, 'civil1', 'enforcement'), undefined);
    assert.equal(bindRefusal(ab, undefined, 'enforcement'), undefined);
    assert.equal(bindRefusal(actor(undefined, true), 'civil1', 'enforcement'), undefined);
    assert.equal(bindRefusal(actor(member({ role: 'staff', units: ['civil1', 'enforcement'] })), 'civil1', 'enforcement'), 'notYourUnit');
  });

  it('lets the item’s unit, lead and assisting units, owners, leader and admins report on it, nobody else', () => {
    const item = { unit: 'enforcement', owners: [50], leader: 60, lead: 'tmo', assist: ['civil2'] };
    const staffOf = (units: string[], id = 1) => actor(member({ id, units }));
    assert.equal(canReportOn(staffOf(['enforcement']), item), true);
    assert.equal(canReportOn(staffOf(['tmo']), item), true);
    assert.equal(canReportOn(staffOf(['civil2']), item), true);
    assert.equal(canReportOn(staffOf(['criminal'], 50), item), true);
    assert.equal(canReportOn(staffOf(['court'], 60), item), true);
    assert.equal(canReportOn(actor(undefined, true), item), true);
    assert.equal(canReportOn(staffOf(['civil1']), item), false);
    assert.equal(canReportOn(actor(member({ role: 'manager', units: ['civil1'] })), item), false);
    assert.equal(canReportOn(actor(member({ id: 50, units: ['criminal'], active: false })), item), false);
    assert.equal(canReportOn(staffOf(['civil1']), { unit: 'enforcement', owners: [] }), false);
  });

  it('lets managers invite staff only', () => {
    const manager = actor(member({ role: 'manager' }));
    assert.equal(canGrantRole(manager, 'staff'), true);
    assert.equal(canGrantRole(manager, 'manager'), false);
    assert.equal(canGrantRole(actor(undefined, true), 'admin'), true);
  });

  it('offers each role only its commands, where they apply', () => {
    const specs: CommandSpec[] = [
      { command: 'help', minRole: 'staff', chats: 'any', help: 'menu.help' },
      { command: 'users', minRole: 'admin', chats: 'private', help: 'menu.users' },
      { command: 'bind', minRole: 'manager', chats: 'group', help: 'menu.bind' },
    ];
    const names = (a: Actor, chat: 'private' | 'group') => commandsFor(specs, a, chat).map((s) => s.command);
    assert.deepEqual(names(actor(member({})), 'private'), ['help']);
    assert.deepEqual(names(actor(member({ role: 'manager' })), 'group'), ['help', 'bind']);
    assert.deepEqual(names(actor(undefined, true), 'private'), ['help', 'users']);
    assert.deepEqual(names(actor(undefined), 'private'), []);
  });
});

describe('invites', () => {
  const now = new Date('2024-09-02T00:00:00Z');
  const invite = buildInvite({ code: 'abcDEF123_-x', role: 'staff', unit: 'devzone', createdBy: 1, now });

  it('expire after 72 hours and work once', () => {
    assert.equal(invite.expiresAt, '2024-09-05T00:00:00.000Z');
    assert.equal(checkInvite(invite, now), 'ok');
    assert.equal(checkInvite(invite, new Date('2024-09-05T00:00:00Z')), 'expired');
    assert.equal(checkInvite({ ...invite, usedBy: 7 }, now), 'used');
    assert.equal(checkInvite(undefined, now), 'unknown');
  });

  it('make deep links Telegram accepts', () => {
    assert.equal(inviteLink('court_bot', invite.code), 'https://t.me/court_bot?start=abcDEF123_-x');
    assert.equal(isInviteCode('abcDEF123_-x'), true);
    assert.equal(isInviteCode('short'), false);
    assert.equal(isInviteCode('has space in it'), false);
    assert.equal(isInviteCode('x'.repeat(65)), false);
  });
});

describe('language choice', () => {
  it('prefers the stored choice, then Telegram language, then the default', () => {
    assert.equal(pickLanguage('en', 'zh-hans', 'zh'), 'en');
    assert.equal(pickLanguage(undefined, 'zh-hant', 'en'), 'zh');
    assert.equal(pickLanguage(undefined, 'en-GB', 'zh'), 'en');
    assert.equal(pickLanguage(undefined, 'ru', 'zh'), 'zh');
    assert.equal(pickLanguage(undefined, undefined, 'en'), 'en');
  });

  it('parses /lang arguments', () => {
    assert.equal(parseLang('EN'), 'en');
    assert.equal(parseLang('中文'), 'zh');
    assert.equal(parseLang('fr'), undefined);
  });
});

describe('who may import whose figures', () => {
  const actor = (role: StaffMember['role'], units: string[]): Actor => ({
    telegramId: 1,
    bootstrapAdmin: false,
    member: { id: 1, name: 'x', role, units, active: true, registeredAt: '2024-01-01T00:00:00Z' },
  });
  it('an admin all, the trial-management office all, a manager their own units but never the court, staff none', () => {
    assert.equal(canImportFor(actor('admin', []), 'court', ['tmo']), true);
    assert.equal(canImportFor(actor('manager', ['tmo']), 'court', ['tmo']), true);
    assert.equal(canImportFor(actor('manager', ['tmo']), 'civil1', ['tmo']), true);
    assert.equal(canImportFor(actor('manager', ['devzone']), 'devzone', ['tmo']), true);
    assert.equal(canImportFor(actor('manager', ['devzone']), 'civil1', ['tmo']), false);
    assert.equal(canImportFor(actor('manager', ['devzone']), 'court', ['tmo']), false);
    assert.equal(canImportFor(actor('manager', ['tmo']), 'court', []), false);
    assert.equal(canImportFor(actor('staff', ['devzone']), 'devzone', ['tmo']), false);
  });
});
