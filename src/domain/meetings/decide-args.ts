import { parseTaskAdd, type OwnerRef, type Parsed, type TaskAddArgs } from '../progress/task-args.ts';

export interface DecisionArgs extends TaskAddArgs {
  lead?: string;
  assist: string[];
  leader?: OwnerRef;
}

/**
 * `/agenda decide <text> @owner… [due] [lead:<unit>] [assist:<unit>,<unit>…] [leader:@user]`:
 * the unit and leader tokens are taken out first, the rest reads like `/task add`.
 */
export function parseDecision(payload: string, now: Date, timeZone: string): Parsed<DecisionArgs> {
  let lead: string | undefined;
  let leader: OwnerRef | undefined;
  const assist: string[] = [];
  const rest: string[] = [];
  for (const token of payload.split(/\s+/).filter(Boolean)) {
    const m = /^(lead|牵头|assist|配合|leader|责任领导)[:：](.+)$/iu.exec(token);
    if (!m) {
      rest.push(token);
      continue;
    }
    const key = m[1]!.toLowerCase();
    const value = m[2]!;
    if (key === 'lead' || key === '牵头') lead = value;
    else if (key === 'assist' || key === '配合') assist.push(...value.split(/[,，、]/).filter(Boolean));
    else {
      const ref = /^@([A-Za-z0-9_]{3,32})$/.exec(value);
      if (ref) leader = { username: ref[1]! };
      else if (/^\d{4,15}$/.test(value)) leader = { id: Number(value) };
      else return { ok: false, error: 'badLeader', detail: value };
    }
  }
  const parsed = parseTaskAdd(rest.join(' '), now, timeZone);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...parsed.value, ...(lead ? { lead } : {}), assist: [...new Set(assist)].slice(0, 10), ...(leader ? { leader } : {}) } };
}

/** `/task milestone T12 2024-10-15 完成财产查控` → date and text (after the code). */
export function parseMilestone(args: string[], parseDue: (token: string) => string | null | undefined): Parsed<{ date: string; text: string }> {
  const [dateToken, ...words] = args;
  const date = dateToken ? parseDue(dateToken) : undefined;
  if (date === null) return { ok: false, error: 'badDate', detail: dateToken };
  const text = words.join(' ').trim();
  if (!date || text === '') return { ok: false, error: 'usage' };
  if (text.length > 200) return { ok: false, error: 'titleTooLong', detail: '200' };
  return { ok: true, value: { date, text } };
}
