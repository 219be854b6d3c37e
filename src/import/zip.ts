import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of ZIP (PKWARE APPNOTE 4.3) to read an XLSX: the central directory is read
 * first, so each part's declared size is checked against a cap before a byte is inflated,
 * and inflating itself stops at the cap (a directory may lie about sizes).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export class ZipLimitError extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`${part} is larger than ${limit} bytes uncompressed`);
    this.name = 'ZipLimitError';
  }
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const MAX_ENTRIES = 5_000;

export function listZip(buffer: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + up to 65,535 comment bytes.
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not a ZIP archive');
  const count = buffer.readUInt16LE(eocd + 10);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported');
  if (count > MAX_ENTRIES) throw new ZipFormatError(`too many parts (${count})`);
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) throw new ZipFormatError('broken central directory');
    const nameLength = buffer.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      name: buffer.toString('utf8', p + 46, p + 46 + nameLength),
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      size: buffer.readUInt32LE(p + 24),
      localOffset: buffer.readUInt32LE(p + 42),
      encrypted: (buffer.readUInt16LE(p + 8) & 1) === 1,
    };
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return entries;
}

/** The part's bytes, refused beyond `limit` uncompressed bytes whatever the directory says. */
export function readZipEntry(buffer: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.size > limit) throw new ZipLimitError(entry.name, limit);
  if (entry.encrypted) throw new ZipFormatError('encrypted workbook');
  const p = entry.localOffset;
  if (p + 30 > buffer.length || buffer.readUInt32LE(p) !== 0x04034b50) throw new ZipFormatError(`broken part ${entry.name}`);
  const start = p + 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (err) {
    if (err instanceof RangeError) throw new ZipLimitError(entry.name, limit);
    throw new ZipFormatError(`broken part ${entry.name}`);
  }
}
