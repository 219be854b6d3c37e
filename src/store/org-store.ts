import type { BoundChat, Invite, StaffMember, Unit } from '../domain/org.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, bool, fields, int, list, oneOf, optional, text } from './doc-shape.ts';
import { ROLES, UNIT_KINDS } from '../domain/org.ts';
import type { OrgRepo } from './ports.ts';

export interface OrgDoc {
  schemaVersion: number;
  units: Unit[];
  members: StaffMember[];
  chats: BoundChat[];
  invites: Invite[];
}

/** Short names and branch coverage of the shipped demo units, for org files written before units had them. */
const KNOWN: Record<string, Pick<Unit, 'aliases' | 'covers'>> = {
  civil1: { aliases: ['民一庭', '民一'] },
  civil2: { aliases: ['民二庭', '民二'] },
  criminal: { aliases: ['刑庭', '刑事庭'] },
  admin_div: { aliases: ['行政庭'] },
  devzone: { aliases: ['开发区', '开发区人民法庭'] },
  envres: { aliases: ['环资庭', '环资法庭', '环境资源庭'] },
  tmo: { aliases: ['审管办'] },
  branch_civil: { covers: ['civil1', 'civil2'], aliases: ['民事支部', '民事党支部'] },
  branch_enf: { covers: ['enforcement'], aliases: ['执行支部', '执行党支部'] },
};

/**
 * Version 2: units get a parent (every unit but the court belongs to the court; teams can be
 * moved under their division with /unit add … parent:<code>), aliases, and a party branch the
 * units it covers.
 */
function unitLevels(doc: Record<string, unknown>): Record<string, unknown> {
  const units = (doc.units as Unit[] | undefined) ?? [];
  const court = units.find((u) => u.kind === 'court')?.code;
  return {
    ...doc,
    units: units.map((u) => ({
      ...u,
      ...(u.kind !== 'court' && court && u.parent === undefined ? { parent: court } : {}),
      ...(u.aliases === undefined ? { aliases: KNOWN[u.code]?.aliases ?? [] } : {}),
      ...(u.kind === 'branch' && u.covers === undefined ? { covers: KNOWN[u.code]?.covers ?? [] } : {}),
    })),
  };
}

export const ORG_DOC: DocSpec<OrgDoc> = {
  name: 'org',
  version: 2,
  defaults: () => ({ schemaVersion: 2, units: [], members: [], chats: [], invites: [] }),
  migrations: { 1: unitLevels },
  validate: shape({
    units: list(fields({ code: text, nameZh: text, nameEn: text, kind: oneOf(UNIT_KINDS), parent: optional(text), aliases: optional(list(text)), covers: optional(list(text)) })),
    members: list(fields({ id: int, name: text, username: optional(text), role: oneOf(ROLES), units: list(text), lang: optional(oneOf(['zh', 'en'])), active: bool })),
    chats: list(fields({ id: int, unit: text, subscriptions: list(text), active: bool, lang: optional(oneOf(['zh', 'en'])) })),
    invites: list(fields({ code: text, role: oneOf(ROLES), unit: optional(text), expiresAt: text })),
  }),
};

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): void {
  const index = list.findIndex(same);
  if (index >= 0) list[index] = item;
  else list.push(item);
}

/** A username resolves to one member at most: whoever holds it now (Telegram usernames move between people). */
function releaseUsername(members: StaffMember[], holder: StaffMember): void {
  const taken = holder.username?.toLowerCase();
  if (taken === undefined) return;
  for (const m of members) if (m.id !== holder.id && m.username?.toLowerCase() === taken) delete m.username;
}

export function createOrgRepo(doc: JsonDoc<OrgDoc>): OrgRepo {
  return {
    units: () => doc.data.units,
    unit: (code) => doc.data.units.find((u) => u.code === code),
    saveUnit: (unit) => doc.update((d) => upsert(d.units, unit, (u) => u.code === unit.code)),
    members: () => doc.data.members,
    member: (id) => doc.data.members.find((m) => m.id === id),
    saveMember: (member) =>
      doc.update((d) => {
        upsert(d.members, member, (m) => m.id === member.id);
        releaseUsername(d.members, member);
      }),
    refreshIdentity: (id, identity) =>
      doc.update((d) => {
        const member = d.members.find((m) => m.id === id);
        if (!member) return false;
        member.name = identity.name;
        if (identity.username === undefined) delete member.username;
        else member.username = identity.username;
        releaseUsername(d.members, member);
      }),
    chats: () => doc.data.chats,
    chat: (id) => doc.data.chats.find((c) => c.id === id),
    saveChat: (chat) => doc.update((d) => upsert(d.chats, chat, (c) => c.id === chat.id)),
    removeChat: (id) =>
      doc.update((d) => {
        d.chats = d.chats.filter((c) => c.id !== id);
      }),
    moveChat: (fromId, toId) =>
      doc.update((d) => {
        const chat = d.chats.find((c) => c.id === fromId);
        if (!chat || d.chats.some((c) => c.id === toId)) return;
        chat.id = toId;
      }),
    invite: (code) => doc.data.invites.find((i) => i.code === code),
    saveInvite: (invite) => doc.update((d) => upsert(d.invites, invite, (i) => i.code === invite.code)),
  };
}
