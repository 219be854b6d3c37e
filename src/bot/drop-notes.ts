import type { Telegram } from 'telegraf';
import type { Config } from '../config.ts';
import { pickLanguage } from '../domain/language.ts';
import type { Logger } from '../logger.ts';
import type { Dropped } from '../ops/watch-state.ts';
import { notifyAdmins } from '../schedule/jobs/digests.ts';
import type { Sender } from '../schedule/sender-port.ts';
import type { Store } from '../store/open-store.ts';
import { translate } from '../text/i18n.ts';

export interface DropNoteDeps {
  telegram: Telegram;
  store: Store;
  config: Config;
  logger: Logger;
  sender: Sender;
}

/**
 * Work the watchdog dropped (in hand at two consecutive stalls or crashes): an update is
 * marked applied so its redelivery is skipped; its sender gets a reply to the message, the
 * admins a note each; the audit log records it. Notes that fail are logged, never retried.
 */
export async function announceDrops(deps: DropNoteDeps, drops: readonly Dropped[]): Promise<void> {
  for (const drop of drops) {
    deps.logger.warn('dropping work that was in hand at two consecutive stalls or crashes', { key: drop.key, kind: drop.kind, chatId: drop.chatId, userId: drop.userId, label: drop.label });
    const updateId = drop.key.startsWith('u:') ? Number(drop.key.slice(2)) : undefined;
    if (updateId !== undefined && Number.isSafeInteger(updateId)) await deps.store.updates.markDone(updateId);
    await deps.store.audit.record({ at: new Date().toISOString(), actor: drop.userId ?? 0, action: 'watchdog.drop', target: drop.key, detail: { kind: drop.kind, chatId: drop.chatId, label: drop.label } });
    const label = drop.label ?? drop.kind;
    const to = drop.chatId ?? drop.userId;
    if (to !== undefined) {
      const member = drop.userId !== undefined ? deps.store.org.member(drop.userId) : undefined;
      const chatLang = drop.chatId !== undefined && drop.chatId < 0 ? deps.store.org.chat(drop.chatId)?.lang : undefined;
      const lang = pickLanguage(member?.lang ?? chatLang, undefined, deps.config.defaultLang);
      await deps.telegram
        .sendMessage(to, translate(lang, 'watchdog.droppedSender', { label }), {
          parse_mode: 'HTML',
          ...(drop.messageId !== undefined ? { reply_parameters: { message_id: drop.messageId, allow_sending_without_reply: true } } : {}),
        })
        .catch((err: unknown) => deps.logger.warn('could not tell the sender about dropped work', { key: drop.key, err }));
    }
    await notifyAdmins(deps, (lang) =>
      translate(lang, 'watchdog.droppedAdmin', {
        kind: translate(lang, drop.kind === 'update' ? 'watchdog.kind.update' : 'watchdog.kind.other'),
        label,
        user: drop.userId ?? '—',
        chat: drop.chatId ?? '—',
        key: drop.key,
      }),
    ).catch((err: unknown) => deps.logger.warn('could not tell the admins about dropped work', { key: drop.key, err }));
  }
}
