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

/** /metric <name> [period] [unit], plain-text questions such as `终本率` or `8月 到位率`, and the suggestion buttons. */
export function createMetricQueryFeature(deps: MetricQueryDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('metric', (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mq', answerMetric));
  composer.use(suggestionButtons(deps, 'mq', answerMetric));
  composer.on(message('text'), async (ctx, next) => {
    const text = addressedText(ctx, ctx.message.text);
    const match = text === undefined ? undefined : matchMetricText(text, deps.store.metrics.catalog(), queryContext(deps));
    if (!match) return next();
    const { name: _name, ...rest } = match.query;
    return requireRole('staff')(ctx, () => answerMetric(deps, ctx, match.def, rest));
  });
  return { name: 'metric-query', commands: [{ command: 'metric', minRole: 'staff', chats: 'any', help: 'menu.metric' }], composer, reactsTo: ['text', 'callback'] };
}
