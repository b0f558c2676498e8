import { open } from 'node:fs/promises';

/** What a ZIP (or an Office document, which is one) may expand to at most. */
export const ZIP_LIMITS = { entries: 10_000, uncompressedBytes: 200 * 1024 * 1024, ratio: 100 };

/**
 * Reads a ZIP's central directory (the end record in the last 64 KiB + 22 bytes, then each entry's
 * header) without inflating anything, and refuses a zip bomb: too many entries, too many bytes once
 * expanded, a compression ratio no real document has, or ZIP64 sizes. Returns a reason, or null
 * when the archive looks sane. Unreadable structure is a reason too (a truncated or forged file).
 */
export async function zipBombReason(path: string, size: number): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const tailLength = Math.min(size, 65_535 + 22);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tail.length) return 'The archive is damaged (no directory at its end).';
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (entries === 0xffff || directoryOffset === 0xffffffff) return 'Archives over 4 GB (ZIP64) cannot be sent.';
    if (entries > ZIP_LIMITS.entries) return `The archive holds more than ${ZIP_LIMITS.entries} files.`;
    if (directoryOffset + directorySize > size || directorySize > 16 * 1024 * 1024) return 'The archive is damaged (its directory is out of bounds).';
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let total = 0;
    let offset = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== 0x02014b50) return 'The archive is damaged (a bad directory entry).';
      const compressed = directory.readUInt32LE(offset + 20);
      const uncompressed = directory.readUInt32LE(offset + 24);
      if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'Archives over 4 GB (ZIP64) cannot be sent.';
      total += uncompressed;
      if (total > ZIP_LIMITS.uncompressedBytes) return `The archive expands to more than ${ZIP_LIMITS.uncompressedBytes / 1024 / 1024} MB.`;
      if (uncompressed > 1024 * 1024 && uncompressed > compressed * ZIP_LIMITS.ratio) return 'The archive is compressed suspiciously well (a zip bomb?).';
      offset += 46 + directory.readUInt16LE(offset + 28) + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
    }
    return null;
  } finally {
    await handle.close();
  }
}
