import { Composer } from 'telegraf';
import { hasRole } from '../../domain/access.ts';
import { applyReferenceArgs, overlongName, buildMetricFromArgs, nameTaken } from '../../domain/metrics/catalog-edit.ts';
import { CATALOG_LIMITS, checkCatalogFile } from '../../domain/metrics/catalog-file.ts';
import { findMetric, metricName } from '../../domain/metrics/catalog.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { privateOnly, requireRole } from '../middleware/guards.ts';
import { renderCatalogEntry, renderCatalogList } from '../../render/catalog.ts';
import { renderCatalogProblems } from '../../render/catalog-problems.ts';
import { formatReference } from '../../render/status.ts';
import { replyHtml, words } from '../reply.ts';

export type CatalogDeps = FeatureDeps<'metrics' | 'audit', never, 'clock'>;

function splitNameAndSettings(args: string[]): { name: string; settings: string[] } {
  return { name: args.filter((a) => !a.includes('=')).join(' '), settings: args.filter((a) => a.includes('=')) };
}

/** A catalog file (`{ "metrics": [...] }`) sent as a document: checked whole (see catalog-file.ts), then saved in one write. */
export async function importCatalogFile(deps: CatalogDeps, ctx: BotContext, bytes: Buffer, file: string): Promise<void> {
  if (bytes.length > CATALOG_LIMITS.bytes) return void (await replyHtml(ctx, ctx.t('catalog.fileTooLarge', { limit: CATALOG_LIMITS.bytes / 1024 })));
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return void (await replyHtml(ctx, ctx.t('catalog.fileNotJson')));
  }
  const checked = checkCatalogFile(parsed, deps.store.metrics.catalog());
  if (!checked.ok) return void (await replyHtml(ctx, renderCatalogProblems(ctx.t, checked.problems)));
  await deps.store.metrics.saveMetrics(checked.defs);
  await audit(deps, ctx, 'catalog.import', file, { count: checked.defs.length });
  await replyHtml(ctx, ctx.t('catalog.imported', { count: checked.defs.length }));
}

/** /catalog: list and show for staff; set, board, add and alias for admins and managers (audited). */
export function createCatalogFeature(deps: CatalogDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('catalog', privateOnly(), async (ctx) => {
    const [sub = '', ...args] = words(ctx.payload);
    const repo = deps.store.metrics;
    if (sub === '' || sub === 'list') return void (await replyHtml(ctx, renderCatalogList(ctx.lang, deps.store.metrics.catalog())));
    const editing = ['set', 'board', 'add', 'alias'].includes(sub);
    if (editing && !hasRole(ctx.actor, 'manager')) return requireRole('manager')(ctx, async () => {});
    if (sub === 'add') {
      const long = overlongName([['nameZh', args[1]], ['nameEn', args[2]]]);
      if (long) return void (await replyHtml(ctx, ctx.t('catalog.nameTooLong', { name: long.text, limit: long.limit })));
      const built = buildMetricFromArgs(repo.catalog(), args);
      if (!built.ok) return void (await replyHtml(ctx, ctx.t('catalog.badArgs', { detail: built.detail })));
      await repo.saveMetric(built.value);
      await audit(deps, ctx, 'catalog.add', built.value.code, { ...built.value });
      return void (await replyHtml(ctx, ctx.t('catalog.added', { name: metricName(built.value, ctx.lang), code: built.value.code })));
    }
    const { name, settings } = splitNameAndSettings(sub === 'alias' || sub === 'board' ? args.slice(0, 1) : args);
    const def = name ? findMetric(repo.catalog(), name) : undefined;
    if (!['show', 'set', 'board', 'alias'].includes(sub) || !name) return void (await replyHtml(ctx, ctx.t('catalog.usage')));
    if (!def) return void (await replyHtml(ctx, ctx.t('catalog.unknown', { name })));
    const label = metricName(def, ctx.lang);
    if (sub === 'show') return void (await replyHtml(ctx, renderCatalogEntry(ctx.lang, def)));
    if (sub === 'set') {
      const reference = applyReferenceArgs(def.reference, settings);
      if (!reference.ok) return void (await replyHtml(ctx, ctx.t('catalog.badArgs', { detail: reference.detail })));
      const next = { ...def, reference: reference.value };
      await repo.saveMetric(next);
      await audit(deps, ctx, 'catalog.set', def.code, { before: def.reference, after: next.reference });
      return void (await replyHtml(ctx, ctx.t('catalog.updated', { name: label, reference: formatReference(ctx.lang, next) })));
    }
    if (sub === 'board') {
      const on = args[1] !== 'off';
      await repo.saveMetric({ ...def, board: on });
      await audit(deps, ctx, 'catalog.board', def.code, { board: on });
      return void (await replyHtml(ctx, ctx.t(on ? 'catalog.boardOn' : 'catalog.boardOff', { name: label })));
    }
    const alias = args.slice(1).join(' ');
    if (!alias) return void (await replyHtml(ctx, ctx.t('catalog.usage')));
    const long = overlongName([['alias', alias]]);
    if (long) return void (await replyHtml(ctx, ctx.t('catalog.nameTooLong', { name: long.text, limit: long.limit })));
    if (def.aliases.length >= CATALOG_LIMITS.aliases) return void (await replyHtml(ctx, ctx.t('catalog.rule.too_many_aliases', { limit: CATALOG_LIMITS.aliases })));
    const taken = nameTaken(repo.catalog(), [alias]);
    if (taken) return void (await replyHtml(ctx, ctx.t('catalog.exists', { code: taken })));
    await repo.saveMetric({ ...def, aliases: [...def.aliases, alias] });
    await audit(deps, ctx, 'catalog.alias', def.code, { alias });
    await replyHtml(ctx, ctx.t('catalog.aliasAdded', { name: label, alias }));
  });
  return { name: 'catalog', commands: [{ command: 'catalog', minRole: 'staff', chats: 'private', help: 'menu.catalog' }], composer, reactsTo: [] };
}
