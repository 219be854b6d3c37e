import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { matchMetricText, type QueryContext } from '../../domain/metrics/query.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { answerMetric, suggestionButtons, withMetric } from './metric-support.ts';

export type MetricQueryDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

export function queryContext(deps: MetricQueryDeps): QueryContext {
  return { units: deps.store.org.units(), now: deps.clock.now(), timeZone: deps.config.timeZone, catalog: deps.store.metrics.catalog() };
}

/** In a group the bot answers plain text only when addressed: an @mention or a reply to it. */
function addressedText(ctx: BotContext, text: string): string | undefined {
  if (ctx.chatKind === 'private') return text;
  const mention = `@${ctx.botInfo.username}`;
  if (text.toLowerCase().includes(mention.toLowerCase())) return text.replace(new RegExp(mention, 'gi'), ' ').trim();
  const msg = ctx.message;
  const repliedTo = msg && 'reply_to_message' in msg ? msg.reply_to_message?.from?.id : undefined;
  return repliedTo === ctx.botInfo.id ? text : undefined;
}

const textMessage = message('text');

type TextMatch = ReturnType<typeof matchMetricText>;

/**
 * Every plain text message is tried as a query. What it reads as depends only on the words, the
 * catalog, the units and the court's calendar month (for 上月, 8月 …); the store replaces the
 * catalog and units arrays on every write. So the same words, in the same minute (month starts
 * fall on a minute: time zones are offset by whole minutes), against the same arrays, are read
 * once. Bounded: at most MAX_KEPT texts, forgotten together.
 */
function textMatcher(deps: MetricQueryDeps): (text: string) => TextMatch {
  const MAX_KEPT = 1000;
  let at: { catalog: unknown; units: unknown; minute: number } | undefined;
  const read = new Map<string, TextMatch>();
  return (text) => {
    const context = queryContext(deps);
    const minute = Math.floor(context.now.getTime() / 60_000);
    if (!at || at.catalog !== context.catalog || at.units !== context.units || at.minute !== minute) {
      read.clear();
      at = { catalog: context.catalog, units: context.units, minute };
    }
    if (read.has(text)) return read.get(text);
    const match = matchMetricText(text, context.catalog ?? [], context);
    if (read.size >= MAX_KEPT) read.clear();
    read.set(text, match);
    return match;
  };
}

/** /metric <name> [period] [unit], plain-text questions such as `终本率` or `8月 到位率`, and the suggestion buttons. */
export function createMetricQueryFeature(deps: MetricQueryDeps): Feature {
  const matchText = textMatcher(deps);
  // One compose of three steps: each composer.use() would nest the chain a level deeper, and
  // every text message passes here (a few promises fewer per update).
  const composer = new Composer<BotContext>(
    Composer.command<BotContext>('metric', (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mq', answerMetric)),
    suggestionButtons(deps, 'mq', answerMetric),
    Composer.on<BotContext, typeof textMessage>(textMessage, async (ctx, next) => {
      const text = addressedText(ctx, ctx.message.text);
      const match = text === undefined ? undefined : matchText(text);
      if (!match) return next();
      const { name: _name, ...rest } = match.query;
      return requireRole('staff')(ctx, () => answerMetric(deps, ctx, match.def, rest));
    }),
  );
  return { name: 'metric-query', commands: [{ command: 'metric', minRole: 'staff', chats: 'any', help: 'menu.metric' }], composer, reactsTo: ['text', 'callback'] };
}
