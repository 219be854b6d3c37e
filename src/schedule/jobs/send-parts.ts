import type { Delivery, DeliveryRepo } from '../../store/ports.ts';
import type { SendResult, Sender } from '../sender-port.ts';

/**
 * Sends the parts of a claimed delivery from `from` on, recording each accepted part (a retry
 * resumes after it) and the parts that may have gone out twice. The caller finishes the entry.
 */
export async function sendClaimedParts(
  deliveries: Pick<DeliveryRepo, 'progress' | 'noteMayRepeat'>,
  sender: Sender,
  entry: Delivery,
  parts: readonly string[],
  from: number,
  at: string,
): Promise<{ ok: true } | Extract<SendResult, { ok: false }>> {
  for (let i = from; i < parts.length; i++) {
    const result = await sender.sendHtml(entry.chatId, parts[i]!);
    if (!result.ok) return result;
    if (result.mayRepeat) await deliveries.noteMayRepeat(entry, result.mayRepeat, at);
    if (i < parts.length - 1) await deliveries.progress(entry, i + 1, at);
  }
  return { ok: true };
}
