import type { StaffMember } from '../org.ts';
import { localTime } from '../time.ts';

export type OwnerRef = { username: string } | { id: number };

export interface TaskAddArgs {
  title: string;
  owners: OwnerRef[];
  /** `YYYY-MM-DD` */
  due?: string;
  /** `unit:<code>` picks the unit explicitly. */
  unit?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; detail?: string };

export const TITLE_LIMIT = 200;

const pad = (n: number) => String(n).padStart(2, '0');
/** Due dates outside these years are typing mistakes. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function realDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A due date as staff write it: `2024-09-30`, `9月30日` or `9/30`. Without a year the date
 * falls in the coming twelve months (court time). Returns undefined for anything that is
 * not a date, null for a date-shaped token that names no real day.
 */
export function parseDue(token: string, now: Date, timeZone: string): string | null | undefined {
  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(token) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u.exec(token);
  if (full) return Number(full[1]) >= MIN_YEAR && Number(full[1]) <= MAX_YEAR ? (realDate(Number(full[1]), Number(full[2]), Number(full[3])) ?? null) : null;
  // Shaped like a date but no date: 99999999年12月31日, 2024-99-99, 12月99日 are refused, not made part of the title.
  if (/^\d{5,}[-/.]\d+[-/.]\d+$|^\d+年\d+月\d+[日号]?$/u.test(token)) return null;
  const short = /^(\d{1,2})月(\d{1,2})[日号]?$/u.exec(token) ?? /^(\d{1,2})\/(\d{1,2})$/.exec(token);
  if (!short) return undefined;
  const today = localTime(now, timeZone);
  const month = Number(short[1]);
  const day = Number(short[2]);
  const thisYear = realDate(today.year, month, day);
  const todayIso = `${today.year}-${pad(today.month)}-${pad(today.day)}`;
  if (thisYear && thisYear >= todayIso) return thisYear;
  return realDate(today.year + 1, month, day) ?? thisYear ?? null;
}

function ownerRef(token: string): OwnerRef | undefined {
  if (/^@[A-Za-z0-9_]{3,32}$/.test(token)) return { username: token.slice(1) };
  if (/^\d{4,15}$/.test(token)) return { id: Number(token) };
  return undefined;
}

/** `/task add <title> [@owner…] [due] [unit:<code>]`: owners and due date may come anywhere after the title. */
export function parseTaskAdd(payload: string, now: Date, timeZone: string): Parsed<TaskAddArgs> {
  const titleWords: string[] = [];
  const owners: OwnerRef[] = [];
  let due: string | undefined;
  let unit: string | undefined;
  for (const token of payload.split(/\s+/).filter(Boolean)) {
    const owner = titleWords.length > 0 ? ownerRef(token) : undefined;
    if (owner) {
      owners.push(owner);
      continue;
    }
    const unitMatch = /^unit[:：](\S+)$/i.exec(token);
    if (unitMatch) {
      unit = unitMatch[1];
      continue;
    }
    const date = titleWords.length > 0 ? parseDue(token, now, timeZone) : undefined;
    if (date === null) return { ok: false, error: 'badDate', detail: token };
    if (date !== undefined) {
      due = date;
      continue;
    }
    titleWords.push(token);
  }
  const title = titleWords.join(' ');
  if (title === '') return { ok: false, error: 'noTitle' };
  if (title.length > TITLE_LIMIT) return { ok: false, error: 'titleTooLong', detail: String(TITLE_LIMIT) };
  return { ok: true, value: { title, owners, ...(due ? { due } : {}), ...(unit ? { unit } : {}) } };
}

/** Registered, active staff the references name; the rest come back as `unknown`. */
export function resolveOwners(refs: readonly OwnerRef[], members: readonly StaffMember[]): { owners: number[]; unknown: string[] } {
  const owners: number[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const member =
      'id' in ref
        ? members.find((m) => m.id === ref.id)
        : members.find((m) => m.username?.toLowerCase() === ref.username.toLowerCase());
    if (member?.active) {
      if (!owners.includes(member.id)) owners.push(member.id);
    } else unknown.push('id' in ref ? String(ref.id) : `@${ref.username}`);
  }
  return { owners, unknown };
}

export type TaskEdit =
  | { field: 'title'; title: string }
  | { field: 'due'; due: string | undefined }
  | { field: 'owners'; owners: OwnerRef[] }
  | { field: 'status'; status: 'open' | 'dropped' };

/** `/task edit T12 title <text>` | `due <date>|none` | `owners @a @b` | `drop` | `reopen`. */
export function parseTaskEdit(args: string[], now: Date, timeZone: string): Parsed<{ code: string; edit: TaskEdit }> {
  const [codeArg, field, ...rest] = args;
  const code = parseItemCode(codeArg ?? '');
  if (!code || !field) return { ok: false, error: 'usage' };
  switch (field.toLowerCase()) {
    case 'title': {
      const title = rest.join(' ');
      if (title === '') return { ok: false, error: 'usage' };
      if (title.length > TITLE_LIMIT) return { ok: false, error: 'titleTooLong', detail: String(TITLE_LIMIT) };
      return { ok: true, value: { code, edit: { field: 'title', title } } };
    }
    case 'due': {
      if (rest[0] === 'none' || rest[0] === '无') return { ok: true, value: { code, edit: { field: 'due', due: undefined } } };
      const due = parseDue(rest[0] ?? '', now, timeZone);
      if (due === undefined || due === null) return { ok: false, error: 'badDate', detail: rest[0] ?? '' };
      return { ok: true, value: { code, edit: { field: 'due', due } } };
    }
    case 'owners': {
      const owners = rest.map(ownerRef);
      if (owners.length === 0 || owners.some((o) => o === undefined)) return { ok: false, error: 'usage' };
      return { ok: true, value: { code, edit: { field: 'owners', owners: owners as OwnerRef[] } } };
    }
    case 'drop':
      return { ok: true, value: { code, edit: { field: 'status', status: 'dropped' } } };
    case 'reopen':
      return { ok: true, value: { code, edit: { field: 'status', status: 'open' } } };
    default:
      return { ok: false, error: 'usage' };
  }
}

/** `T12`, `t12`, `#T12` → `T12`. */
export function parseItemCode(token: string): string | undefined {
  const m = /^#?[Tt](\d{1,6})$/.exec(token.trim());
  return m ? `T${Number(m[1])}` : undefined;
}
