/** Helpers for the workbook tests: fill a form as a unit would (through exceljs), take zips apart and put them together. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { copyPlan } from '../helpers.js';
import { dirname, join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Every status file's bytes, to show that a refused run changed none of them. */
export function statusSnapshot(planDir: string): Map<string, string> {
  const dir = join(planDir, 'status');
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) out.set(n, readFileSync(join(dir, n)).toString('base64'));
  return out;
}

export type CellEdit = Record<string, ExcelJS.CellValue>;

/** Opens a form, applies `edit` to the workbook, writes it to `out`. */
export async function fillForm(file: string, out: string, edit: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  await edit(book.getWorksheet('台账')!, book);
  mkdirSync(dirname(out), { recursive: true });
  await book.xlsx.writeFile(out);
}

export function setCells(sheet: ExcelJS.Worksheet, cells: CellEdit): void {
  for (const [at, value] of Object.entries(cells)) sheet.getCell(at).value = value;
}

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Claim this uncompressed size in the directory instead of the real one. */
  claimedSize?: number;
}

/** The parts of a zip (deflated or stored). */
export function unzip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + skip;
  }
  return out;
}

/** A zip of deflated parts; `claimedSize` lets a test make a zip that lies. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = deflateRawSync(e.data);
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A copy of the plan that shares `planDir`'s office key (.plan-ledger/secret beside the plan folder), so forms made from one collect in the other. */
export function copyPlanWithKey(planDir: string, options: { progress?: boolean } = {}): string {
  const copy = copyPlan(options);
  const key = join(dirname(planDir), '.plan-ledger');
  if (existsSync(key)) cpSync(key, join(dirname(copy), '.plan-ledger'), { recursive: true });
  return copy;
}
