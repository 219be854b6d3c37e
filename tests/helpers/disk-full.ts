import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

export interface DiskFull {
  /** From now on every write under the directory fails with ENOSPC. */
  fill(): void;
  /** Writes succeed again. */
  free(): void;
  /** Puts node's fs back as it was. */
  restore(): void;
}

function enospc(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', errno: -28, syscall: 'write', path });
}

/**
 * A full disk for one directory, in this process: fs.promises.writeFile (what lowdb's atomic
 * writer uses) and appends through file handles opened there (the append-only logs) fail with
 * ENOSPC while it is full. ESM named imports of node:fs/promises follow via syncBuiltinESMExports.
 */
export async function diskFullAt(dir: string): Promise<DiskFull> {
  const root = resolve(dir) + sep;
  let full = false;
  const under = (file: unknown) => typeof file === 'string' && resolve(file).startsWith(root);
  const promises = fs.promises;
  const writeFile = promises.writeFile;
  const open = promises.open;
  const probe = await open('/dev/null', 'r');
  const handleProto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
  const appendFile = handleProto.appendFile;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
  const write = handleProto.write;
  const handlesHere = new WeakSet<object>();

  promises.writeFile = (async (file: unknown, ...rest: unknown[]) => {
    if (full && under(file)) throw enospc(String(file));
    return (writeFile as (...a: unknown[]) => Promise<void>)(file, ...rest);
  }) as typeof writeFile;
  promises.open = (async (file: unknown, ...rest: unknown[]) => {
    const handle = await (open as (...a: unknown[]) => Promise<FileHandle>)(file, ...rest);
    if (under(file)) handlesHere.add(handle);
    return handle;
  });
  handleProto.appendFile = function (this: FileHandle, ...args: unknown[]) {
    if (full && handlesHere.has(this)) return Promise.reject(enospc(root));
    return (appendFile as (...a: unknown[]) => Promise<void>).apply(this, args);
  };
  handleProto.write = function (this: FileHandle, ...args: unknown[]) {
    if (full && handlesHere.has(this)) return Promise.reject(enospc(root));
    return (write as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } as typeof write;
  syncBuiltinESMExports();
  return {
    fill: () => void (full = true),
    free: () => void (full = false),
    restore() {
      promises.writeFile = writeFile;
      promises.open = open;
      handleProto.appendFile = appendFile;
      handleProto.write = write;
      syncBuiltinESMExports();
    },
  };
}
