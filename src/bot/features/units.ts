import { Composer } from 'telegraf';
import { isUnitCode, UNIT_KINDS, unitName, type Unit, type UnitKind } from '../../domain/org.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type UnitsDeps = FeatureDeps<'org' | 'audit', never, 'clock'>;

/** /unit list (everyone registered), /unit add (admins). */
export function createUnitsFeature(deps: UnitsDeps): Feature {
  const composer = new Composer<BotContext>();

  const list = async (ctx: BotContext) => {
    const units = deps.store.org.units();
    const lines = units.map((u) => ctx.t('unit.line', { code: u.code, name: unitName(u, ctx.lang), kind: u.kind }));
    await replyHtml(ctx, [ctx.t('unit.header', { count: units.length }), ...lines].join('\n'));
  };

  const add = async (ctx: BotContext, args: string[]) => {
    const [code, nameZh, ...tail] = args;
    const last = tail[tail.length - 1];
    const kind = tail.length > 1 && last !== undefined && (UNIT_KINDS as readonly string[]).includes(last) ? last : 'division';
    const nameEn = (kind === last && tail.length > 1 ? tail.slice(0, -1) : tail).join(' ');
    if (code === undefined || nameZh === undefined || nameEn === '') {
      await replyHtml(ctx, ctx.t('unit.usage'));
      return;
    }
    if (!isUnitCode(code)) {
      await replyHtml(ctx, ctx.t('unit.badCode'));
      return;
    }
    const unit: Unit = { code, nameZh, nameEn, kind: kind as UnitKind };
    await deps.store.org.saveUnit(unit);
    await audit(deps, ctx, 'unit.save', code, { ...unit });
    await replyHtml(ctx, ctx.t('unit.saved', { code, name: unitName(unit, ctx.lang) }));
  };

  composer.command('unit', async (ctx) => {
    const [verb, ...rest] = words(ctx.payload);
    if (verb === undefined || verb === 'list') return list(ctx);
    if (verb === 'add') return requireRole('admin')(ctx, () => add(ctx, rest));
    await replyHtml(ctx, ctx.t('unit.usage'));
  });
  return { name: 'units', commands: [{ command: 'unit', minRole: 'staff', chats: 'any', help: 'menu.unit' }], composer, reactsTo: [] };
}
