import { Composer } from 'telegraf';
import { findUnit, unitName } from '../../domain/org.ts';
import { applyUnitAlias, parseUnitAdd } from '../../domain/unit-args.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';
import { forgetAnswers } from './metric-support.ts';

export type UnitsDeps = FeatureDeps<'org' | 'audit' | 'metrics', never, 'clock'>;

/** /unit list (everyone registered), /unit add and /unit alias (admins). */
export function createUnitsFeature(deps: UnitsDeps): Feature {
  const composer = new Composer<BotContext>();

  const list = async (ctx: BotContext) => {
    const units = deps.store.org.units();
    const lines = units.map((u) =>
      ctx.t('unit.line', { code: u.code, name: unitName(u, ctx.lang), kind: u.kind + (u.parent ? ` ← ${u.parent}` : '') + (u.covers?.length ? ` ⊃ ${u.covers.join(',')}` : '') + (u.aliases?.length ? ` · ${u.aliases.join('、')}` : '') }),
    );
    await replyHtml(ctx, [ctx.t('unit.header', { count: units.length }), ...lines].join('\n'));
  };

  const add = async (ctx: BotContext, args: string[]) => {
    const result = parseUnitAdd(args, deps.store.org.units());
    if (!result.ok) {
      const key = result.error === 'usage' ? 'unit.usage' : result.error === 'bad_code' ? 'unit.badCode' : 'unit.badParent';
      await replyHtml(ctx, ctx.t(key, { parent: result.detail ?? '' }));
      return;
    }
    const { unit } = result;
    await deps.store.org.saveUnit(unit);
    forgetAnswers(deps);
    await audit(deps, ctx, 'unit.save', unit.code, { ...unit });
    await replyHtml(ctx, ctx.t('unit.saved', { code: unit.code, name: unitName(unit, ctx.lang) }));
  };

  const alias = async (ctx: BotContext, args: string[]) => {
    const [name, text] = args;
    const unit = name === undefined ? undefined : findUnit(deps.store.org.units(), name);
    if (!unit || text === undefined || text.replace(/^-/, '') === '') {
      await replyHtml(ctx, ctx.t('unit.usage'));
      return;
    }
    const result = applyUnitAlias(unit, text, deps.store.org.units());
    if (!result.ok) {
      await replyHtml(ctx, ctx.t('unit.aliasTaken', { alias: text, code: result.taken }));
      return;
    }
    await deps.store.org.saveUnit(result.unit);
    forgetAnswers(deps);
    await audit(deps, ctx, 'unit.alias', unit.code, { aliases: result.unit.aliases });
    await replyHtml(ctx, ctx.t('unit.aliases', { name: unitName(unit, ctx.lang), aliases: (result.unit.aliases ?? []).join('、') || '—' }));
  };

  composer.command('unit', async (ctx) => {
    const [verb, ...rest] = words(ctx.payload);
    if (verb === undefined || verb === 'list') return list(ctx);
    if (verb === 'add') return requireRole('admin')(ctx, () => add(ctx, rest));
    if (verb === 'alias') return requireRole('admin')(ctx, () => alias(ctx, rest));
    await replyHtml(ctx, ctx.t('unit.usage'));
  });
  return { name: 'units', commands: [{ command: 'unit', minRole: 'staff', chats: 'any', help: 'menu.unit' }], composer, reactsTo: [] };
}
