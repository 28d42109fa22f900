import { deflateRawSync } from 'node:zlib';

/**
 * A small, valid ZIP archive whose entries inflate to far more than their size: the shape of a
 * «zip bomb» posing as an XLSX workbook. Entries are stored deflated, with true CRCs and sizes.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;

  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }

  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;

  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }

  return (crc ^ 0xffffffff) >>> 0;
}

/** `declaredSize` puts a false expanded size in the headers, as a crafted archive would. */
export function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const packed = new Map<Buffer, { crc: number; deflated: Buffer }>();

  for (const entry of entries) {
    const known = packed.get(entry.data) ?? {
      crc: crc32(entry.data),
      deflated: deflateRawSync(entry.data, { level: 9 }),
    };

    packed.set(entry.data, known);

    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);

    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(known.crc, 14);
    local.writeUInt32LE(known.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);

    const record = Buffer.alloc(46);

    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(known.crc, 16);
    record.writeUInt32LE(known.deflated.length, 20);
    record.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);

    locals.push(local, name, known.deflated);
    central.push(record, name);
    offset += local.length + name.length + known.deflated.length;
  }

  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);

  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
}
