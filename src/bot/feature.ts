import type { Composer } from 'telegraf';
import type { CommandSpec } from '../domain/access.ts';
import type { BotContext } from './context.ts';

/** A feature is one Composer plus the commands it offers (for /help and the menu). */
export interface Feature {
  name: string;
  commands: CommandSpec[];
  composer: Composer<BotContext>;
}
