import type { Telegram } from 'telegraf';

/** Where the bytes of a document sent to the bot come from: Telegram in production, local files in the console. */
export interface FileSource {
  download(fileId: string, maxBytes: number, telegram: Telegram): Promise<Buffer>;
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** getFile, then an HTTP download from the Bot API's file endpoint (https://core.telegram.org/bots/api#getfile). */
export const telegramFiles: FileSource = {
  async download(fileId, maxBytes, telegram) {
    const url = await telegram.getFileLink(fileId);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new FileTooLargeError(maxBytes);
    // Read piece by piece and stop at the limit: a body without Content-Length is not buffered whole first.
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.length;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new FileTooLargeError(maxBytes);
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks, size);
  },
};
