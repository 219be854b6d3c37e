import { findUnit, isUnitCode, UNIT_KINDS, type Unit, type UnitKind } from './org.ts';

export type UnitArgsResult = { ok: true; unit: Unit } | { ok: false; error: 'usage' | 'bad_code' | 'unknown_parent' | 'bad_parent'; detail?: string };

/**
 * `/unit add <code> <中文名> [English name] [kind] [parent:<code>] [covers:a,b]`. The English
 * name is optional (the Chinese one stands in); a name ending in 支部 is a party branch unless a
 * kind is given; the parent defaults to the court. Pure: the caller saves.
 */
export function parseUnitAdd(args: readonly string[], units: readonly Unit[]): UnitArgsResult {
  const plain = args.filter((a) => !/^(parent|covers):/i.test(a));
  const option = (name: string) => args.find((a) => a.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1);
  const [code, nameZh, ...tail] = plain;
  if (code === undefined || nameZh === undefined) return { ok: false, error: 'usage' };
  if (!isUnitCode(code)) return { ok: false, error: 'bad_code' };
  const last = tail.at(-1);
  const givenKind = last !== undefined && (UNIT_KINDS as readonly string[]).includes(last) ? (last as UnitKind) : undefined;
  const nameEn = (givenKind ? tail.slice(0, -1) : tail).join(' ') || nameZh;
  const kind: UnitKind = givenKind ?? (nameZh.endsWith('支部') ? 'branch' : 'division');
  const court = units.find((u) => u.kind === 'court')?.code;
  const parentText = option('parent');
  const parent = parentText === undefined ? undefined : findUnit(units, parentText);
  if (parentText !== undefined && !parent) return { ok: false, error: 'unknown_parent', detail: parentText };
  if (parent && (parent.code === code || parent.kind === 'branch')) return { ok: false, error: 'bad_parent', detail: parentText };
  const covers = (option('covers') ?? '')
    .split(/[,，、]/)
    .map((c) => findUnit(units, c)?.code)
    .filter((c): c is string => c !== undefined);
  const existing = units.find((u) => u.code === code);
  return {
    ok: true,
    unit: {
      ...(existing ?? {}),
      code,
      nameZh,
      nameEn,
      kind,
      ...(kind !== 'court' && (parent?.code ?? existing?.parent ?? court) ? { parent: parent?.code ?? existing?.parent ?? court } : {}),
      aliases: existing?.aliases ?? [],
      ...(kind === 'branch' ? { covers: covers.length > 0 ? covers : (existing?.covers ?? []) } : {}),
    },
  };
}

/** `/unit alias <unit> <alias>` adds, `/unit alias <unit> -<alias>` removes; an alias used by another unit is refused. */
export function applyUnitAlias(unit: Unit, alias: string, units: readonly Unit[]): { ok: true; unit: Unit } | { ok: false; taken: string } {
  const aliases = unit.aliases ?? [];
  if (alias.startsWith('-')) return { ok: true, unit: { ...unit, aliases: aliases.filter((a) => a !== alias.slice(1)) } };
  const other = findUnit(units, alias);
  if (other && other.code !== unit.code) return { ok: false, taken: other.code };
  return { ok: true, unit: { ...unit, aliases: aliases.includes(alias) ? aliases : [...aliases, alias] } };
}
