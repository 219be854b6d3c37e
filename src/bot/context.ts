import type { Context } from 'telegraf';
import type { Config, Lang } from '../config.ts';
import type { Actor, ChatKind } from '../domain/access.ts';
import type { BoundChat } from '../domain/org.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../schedule/clock.ts';
import type { FileSource } from './files.ts';
import type { ImportWorker } from '../import/read-off-thread.ts';
import type { Background } from './background.ts';
import type { Watchdog } from '../ops/watchdog.ts';
import type { DigestControl } from '../schedule/digest-service.ts';
import type { Store } from '../store/open-store.ts';
import type { Translate } from '../text/i18n.ts';

/** What every feature may use; passed in, never imported as a singleton. */
export interface BotDeps {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Random, URL-safe, for invite codes; tests pass a predictable one. */
  newCode: () => string;
  /** Downloads documents sent to the bot; Telegram's file endpoint when absent (the console sets its own). */
  files?: FileSource;
  /** Slow work an update starts without holding the polling batch; run inline when absent. */
  background?: Background;
  /** Reads import files off the event loop; one shared worker when absent. */
  importWorker?: ImportWorker;
  /** Scheduled digests (set by createApp; absent in feature tests that do not need them). */
  digests?: DigestControl;
  /** Set by runBot for the real process: updates run as watched work (stalls, crash loops). */
  watchdog?: Watchdog;
}

type Services = Omit<BotDeps, 'store' | 'config'>;

/**
 * A feature's slice of BotDeps: the stores, settings and services it uses, nothing else. Its
 * signature then says what it touches, and a test passes only that.
 */
export type FeatureDeps<S extends keyof Store = never, C extends keyof Config = never, O extends keyof Services = never> = {
  store: Pick<Store, S>;
  config: Pick<Config, C>;
} & Pick<Services, O>;

/** Set by the identify middleware before any feature runs. */
export interface BotContext extends Context {
  actor: Actor;
  lang: Lang;
  t: Translate;
  chatKind: ChatKind;
  boundChat: BoundChat | undefined;
}
