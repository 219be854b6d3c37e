import { Composer, Markup } from 'telegraf';
import { callbackQuery, message } from 'telegraf/filters';
import { canImportFor, hasRole } from '../../domain/access.ts';
import { CATALOG_LIMITS } from '../../domain/metrics/catalog-file.ts';
import { importWorker } from '../../import/read-off-thread.ts';
import { MAX_IMPORT_BYTES } from '../../import/read-table.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { FileTooLargeError, telegramFiles } from '../files.ts';
import { PendingImports } from '../pending-imports.ts';
import { replyHtml } from '../reply.ts';
import { importCalendarFile, isCalendarFile } from './calendar.ts';
import { importCatalogFile } from './catalog.ts';
import { previewImport } from '../../render/import-preview.ts';
import { renderTableError } from '../../render/import-errors.ts';

export type MetricImportDeps = FeatureDeps<'metrics' | 'org' | 'audit' | 'calendar', 'importAllUnits' | 'timeZone', 'background' | 'clock' | 'files' | 'importWorker' | 'logger'>;

const PENDING_TTL_MS = 10 * 60_000;

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A CSV or XLSX sent by an admin or manager in a private chat: validated, previewed, and
 * written only when the sender presses Confirm. A file with any error changes nothing.
 */
export function createMetricImportFeature(deps: MetricImportDeps): Feature {
  const composer = new Composer<BotContext>();
  const pending = new PendingImports(PENDING_TTL_MS);

  composer.on(message('document'), async (ctx, next) => {
    if (ctx.chatKind !== 'private') return next();
    if (!hasRole(ctx.actor, 'manager')) {
      await replyHtml(ctx, ctx.t('import.refusedRole'));
      return;
    }
    const doc = ctx.message.document;
    const file = doc.file_name ?? 'upload';
    if ((doc.file_size ?? 0) > MAX_IMPORT_BYTES) {
      await replyHtml(ctx, renderTableError(ctx.t, { code: 'too_large', limit: MAX_IMPORT_BYTES }));
      return;
    }
    const receive = async () => {
      let bytes: Buffer;
      try {
        bytes = await (deps.files ?? telegramFiles).download(doc.file_id, MAX_IMPORT_BYTES, ctx.telegram);
      } catch (err) {
        if (err instanceof FileTooLargeError) await replyHtml(ctx, renderTableError(ctx.t, { code: 'too_large', limit: err.limit }));
        else {
          deps.logger.warn('import download failed', { error: err instanceof Error ? err.message : String(err) });
          await replyHtml(ctx, ctx.t('import.downloadFailed'));
        }
        return;
      }
      if (file.toLowerCase().endsWith('.json')) {
        const value = bytes.length <= CATALOG_LIMITS.bytes ? parseJson(bytes) : undefined; // larger: refused unparsed
        if (isCalendarFile(value)) await importCalendarFile(deps, ctx, value, file);
        else await importCatalogFile(deps, ctx, bytes, file);
        return;
      }
      const catalog = deps.store.metrics.catalog();
      const units = deps.store.org.units();
      const allowed = ['court', ...units.map((u) => u.code)].filter((unit) => canImportFor(ctx.actor, unit, deps.config.importAllUnits));
      const result = await (deps.importWorker ?? importWorker()).run({
        bytes,
        fileName: file,
        catalog,
        units,
        maxYear: deps.clock.now().getUTCFullYear() + 1,
        allowedUnits: allowed,
      });
      if (!result.table.ok || !('plan' in result)) {
        await replyHtml(ctx, renderTableError(ctx.t, result.table.ok ? { code: 'too_complex' } : result.table.error));
        return;
      }
      const plan = result.plan;
      const preview = previewImport({ t: ctx.t, lang: ctx.lang, catalog, units }, plan, (o) => deps.store.metrics.observation(o), { file, encoding: result.table.encoding });
      if (plan.errors.length > 0) {
        await replyHtml(ctx, preview.text);
        return;
      }
      const id = pending.add({ userId: ctx.from.id, file, observations: plan.observations, added: preview.added, replaced: preview.replaced }, deps.clock.now().getTime());
      await replyHtml(
        ctx,
        preview.text,
        Markup.inlineKeyboard([[Markup.button.callback(ctx.t('import.confirm'), `mi:ok:${id}`), Markup.button.callback(ctx.t('import.cancel'), `mi:no:${id}`)]]),
      );
    };
    // Reading a file can take seconds: not while the polling batch (every other chat) waits.
    const answered = () =>
      receive().catch(async (err: unknown) => {
        deps.logger.error('import failed', { error: err instanceof Error ? err.message : String(err) });
        await replyHtml(ctx, ctx.t('error.generic')).catch(() => undefined);
      });
    if (deps.background) deps.background.run('import', answered);
    else await receive();
  });

  composer.on(callbackQuery('data'), async (ctx, next) => {
    const m = /^mi:(ok|no):([\w-]+)$/.exec(ctx.callbackQuery.data);
    if (!m) return next();
    const item = pending.get(m[2]!, deps.clock.now().getTime());
    if (!item) {
      await ctx.answerCbQuery();
      await replyHtml(ctx, ctx.t('import.expired'));
      return;
    }
    if (item.userId !== ctx.from.id || !hasRole(ctx.actor, 'manager')) {
      await ctx.answerCbQuery(ctx.t('import.notYours'));
      return;
    }
    pending.take(m[2]!);
    await ctx.answerCbQuery();
    if (m[1] === 'no') {
      await replyHtml(ctx, ctx.t('import.cancelled'));
      return;
    }
    const importedAt = deps.clock.now().toISOString();
    const stamped = item.observations.map((o) => ({ ...o, importedBy: ctx.from.id, importedAt, source: item.file }));
    let result: Awaited<ReturnType<typeof deps.store.metrics.saveObservations>>;
    try {
      result = await deps.store.metrics.saveObservations(stamped);
    } catch (err) {
      // Nothing was stored (a failed write changes nothing): the same Confirm may be pressed again.
      deps.logger.error('import not saved', { file: item.file, error: err instanceof Error ? err.message : String(err) });
      pending.putBack(m[2]!, item, deps.clock.now().getTime());
      await replyHtml(ctx, ctx.t('import.saveFailed', { file: item.file }));
      return;
    }
    await audit(deps, ctx, 'metrics.import', item.file, { rows: stamped.length, added: result.added, replaced: result.replaced });
    await replyHtml(ctx, ctx.t('import.applied', { count: stamped.length, add: result.added, replace: result.replaced, file: item.file }));
  });
  return { name: 'metric-import', commands: [], composer, reactsTo: ['document', 'callback'] };
}
