import type { BoundChat, Invite, StaffMember, Unit } from '../domain/org.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import type { OrgRepo } from './ports.ts';

export interface OrgDoc {
  schemaVersion: number;
  units: Unit[];
  members: StaffMember[];
  chats: BoundChat[];
  invites: Invite[];
}

export const ORG_DOC: DocSpec<OrgDoc> = {
  name: 'org',
  version: 1,
  defaults: () => ({ schemaVersion: 1, units: [], members: [], chats: [], invites: [] }),
};

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): void {
  const index = list.findIndex(same);
  if (index >= 0) list[index] = item;
  else list.push(item);
}

export function createOrgRepo(doc: JsonDoc<OrgDoc>): OrgRepo {
  return {
    units: () => doc.data.units,
    unit: (code) => doc.data.units.find((u) => u.code === code),
    saveUnit: (unit) => doc.update((d) => upsert(d.units, unit, (u) => u.code === unit.code)),
    members: () => doc.data.members,
    member: (id) => doc.data.members.find((m) => m.id === id),
    saveMember: (member) => doc.update((d) => upsert(d.members, member, (m) => m.id === member.id)),
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
