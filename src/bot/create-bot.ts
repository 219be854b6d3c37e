import { Telegraf } from 'telegraf';
import type { CommandSpec } from '../domain/access.ts';
import type { BotContext, BotDeps } from './context.ts';
import { createErrorHandler } from './error-handler.ts';
import { createBindFeature } from './features/bind.ts';
import { createFallbackFeature } from './features/fallback.ts';
import { createProgressFeature } from './features/progress.ts';
import { createAnonymousProgressFeature } from './features/progress-anonymous.ts';
import { createTaskFeature } from './features/task.ts';
import { createWallFeature } from './features/wall.ts';
import { createWallPageFeature } from './features/wallpage.ts';
import { createHelpFeature } from './features/help.ts';
import { createInviteFeature } from './features/invite.ts';
import { createLangFeature } from './features/lang.ts';
import { createMembershipFeature } from './features/membership.ts';
import { createStartFeature } from './features/start.ts';
import { createUnitsFeature } from './features/units.ts';
import { createUsersFeature } from './features/users.ts';
import { createBoardFeature } from './features/board.ts';
import { createCatalogFeature } from './features/catalog.ts';
import { createMetricImportFeature } from './features/metric-import.ts';
import { createMetricQueryFeature } from './features/metric-query.ts';
import { createRankFeature } from './features/rank.ts';
import { createTrendFeature } from './features/trend.ts';
import { createAgendaFeature } from './features/agenda.ts';
import { createCalendarFeature } from './features/calendar.ts';
import { createReviewFeature } from './features/review.ts';
import { createScheduleFeature } from './features/schedule.ts';
import { createStatusFeature } from './features/status.ts';
import { createSummaryFeature } from './features/summary.ts';
import { chatlessUpdates } from './middleware/chatless.ts';
import { dedupeUpdates } from './middleware/dedupe.ts';
import { accessGate } from './middleware/guards.ts';
import { identify } from './middleware/identify.ts';
import { oneMessageAtATime } from './middleware/message-order.ts';
import { watchUpdates } from './middleware/watch.ts';
import { createRouter } from './router.ts';

export interface BotOptions {
  token: string;
  apiRoot: string;
}

/** Builds the bot: middleware and features in one ordered list. */
export function createBot(deps: BotDeps, options: BotOptions): { bot: Telegraf<BotContext>; commands: CommandSpec[] } {
  const bot = new Telegraf<BotContext>(options.token, {
    // Answering inside the webhook response hides errors; always make real calls.
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: 60_000,
  });
  const commands: CommandSpec[] = [];
  const open = [createMembershipFeature(deps), createStartFeature(deps), createBindFeature(deps), createAnonymousProgressFeature()];
  const gated = [
    createHelpFeature(() => commands),
    createLangFeature(deps),
    createInviteFeature(deps),
    createUsersFeature(deps),
    createUnitsFeature(deps),
    createMetricQueryFeature(deps),
    createBoardFeature(deps),
    createRankFeature(deps),
    createTrendFeature(deps),
    createCatalogFeature(deps),
    createMetricImportFeature(deps),
    createProgressFeature(deps),
    createTaskFeature(deps),
    createWallFeature(deps),
    createWallPageFeature(deps),
    createAgendaFeature(deps),
    createSummaryFeature(deps),
    createScheduleFeature(deps),
    createCalendarFeature(deps),
    createReviewFeature(deps),
    createStatusFeature(deps),
  ];
  const fallback = createFallbackFeature();
  for (const feature of [...open, ...gated]) commands.push(...feature.commands);

  // One use(): each further use() nests the chain one level deeper (more promises per update).
  bot.use(
    oneMessageAtATime(),
    watchUpdates(deps),
    dedupeUpdates(deps.store.updates, deps.logger),
    identify(deps),
    chatlessUpdates(),
    createRouter(open),
    accessGate(),
    createRouter(gated, { enforceRoles: true }),
    fallback.composer,
  );
  bot.catch(createErrorHandler(deps.logger, deps.config));
  return { bot, commands };
}
