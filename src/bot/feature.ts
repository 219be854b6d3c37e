import type { Composer } from 'telegraf';
import type { CommandSpec } from '../domain/access.ts';
import type { BotContext } from './context.ts';

/** A feature is one Composer plus the commands it offers (for /help and the menu). */
export interface Feature {
  name: string;
  commands: CommandSpec[];
  composer: Composer<BotContext>;
  /**
   * The kinds of update it handles besides its own commands; [] for commands only.
   * Omitted: it sees every update. create-bot.ts routes each update to those that want it.
   */
  reactsTo?: UpdateKind[];
}

export type UpdateKind = 'text' | 'callback' | 'document' | 'edit' | 'membership' | 'other';
