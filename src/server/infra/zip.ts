import { crc32 } from 'node:zlib';

/**
 * A streaming ZIP writer (stored entries, no compression): each file's bytes are written as they
 * come, with its CRC-32 and sizes in a data descriptor after it, so nothing needs to be held in
 * memory and the sizes need not be known in advance. Enough for archives of JSON files (privacy
 * exports); ZIP64 is not used, so each file and the whole archive stay under 4 GiB.
 */
export type ZipEntry = { name: string; content: AsyncIterable<string | Uint8Array> };

const encoder = new TextEncoder();
const LIMIT = 0xffff_ffff;

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, now = new Date()): AsyncGenerator<Uint8Array> {
  const central: Uint8Array[] = [];
  const stamp = dosDateTime(now);
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = encoder.encode(entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(stamp.time, 10);
    header.writeUInt16LE(stamp.date, 12);
    // crc and sizes (14..25) are zero here: they follow the data.
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    yield header;
    yield name;
    const start = offset;
    offset += header.length + name.length;

    let crc = 0;
    let size = 0;
    for await (const chunk of entry.content) {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      if (bytes.length === 0) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > LIMIT) throw new Error(`${entry.name} is too large for a ZIP without ZIP64`);
      yield bytes;
    }
    offset += size;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by
    record.writeUInt16LE(20, 6); // needed
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(0, 10);
    record.writeUInt16LE(stamp.time, 12);
    record.writeUInt16LE(stamp.date, 14);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(size, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal attrs (30..37) are zero
    record.writeUInt32LE(0, 38); // external attrs
    record.writeUInt32LE(start, 42);
    central.push(record, name);
    count++;
    if (offset > LIMIT) throw new Error('The archive is too large for a ZIP without ZIP64');
  }
  const directoryStart = offset;
  let directorySize = 0;
  for (const part of central) {
    directorySize += part.length;
    yield part;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield end;
}
