/**
 * Hostile returned forms, built byte by byte: archives a guard could read
 * otherwise than exceljs's zip library, and sheets whose size is in what they
 * hold rather than in their bytes. Each builder takes a real form's bytes.
 * Used by hostile.test.ts, and by scripts that measure time and memory.
 */
import { deflateRawSync } from 'node:zlib';
import { unzip, zip, type ZipEntry } from './helpers.js';

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const WORKBOOK = Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
const SHEET = 'xl/worksheets/sheet1.xml';

interface RawEntry {
  name: string;
  /** The name in the local header, when it is to differ from the directory's. */
  localName?: string;
  data: Buffer;
  /** Where the directory says the local header is, when it is to lie. */
  offset?: number;
}

/** A zip whose directory may point anywhere: the building block of the layouts below. */
function rawZip(entries: RawEntry[], options: { prefix?: Buffer; cdAt?: number } = {}): { bytes: Buffer; cdOffset: number; cdSize: number } {
  const prefix = options.prefix ?? Buffer.alloc(0);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.localName ?? e.name, 'utf8');
    const data = deflateRawSync(e.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.offset ?? offset, 42);
    locals.push(local, localName, data);
    centrals.push(central, name);
    offset += 30 + localName.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(options.cdAt ?? offset, 16);
  return { bytes: Buffer.concat([prefix, ...locals, cd, end]), cdOffset: offset, cdSize: cd.length };
}

const rows = (n: number, write: (i: number) => string): string => Array.from({ length: n }, (_, i) => write(i + 1)).join('');
const sheetXml = (body: string, head = ''): Buffer => Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData>${body}</sheetData></worksheet>`);

/** The form with its table sheet's XML changed. */
function withSheet(form: Buffer, change: (xml: string) => string, parts: (entries: ZipEntry[]) => ZipEntry[] = (e) => e): Buffer {
  return zip(parts(unzip(form).map((p) => (p.name === SHEET ? { ...p, data: Buffer.from(change(p.data.toString('utf8'))) } : p))));
}

const beforeSheetDataEnd = (extra: string) => (xml: string) => xml.replace('</sheetData>', `${extra}</sheetData>`);

/** A million empty rows: a 6 MB part that deflates to a few KB. */
const millionRows = sheetXml(rows(1_000_000, (i) => `<row r="${i}"/>`));

export const HOSTILE: Record<string, { what: string; build: (form: Buffer) => Buffer; says: RegExp }> = {
  'prepended-bomb': {
    what: 'data before the archive: the old guard read a small fake archive there; JSZip, shifting its offsets, a 400 MB sheet',
    build: () => {
      const bomb = rawZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: SHEET, data: Buffer.alloc(400 * 1024 * 1024, 0x20) },
      ]);
      // A benign archive whose directory sits exactly where the bomb's end record says a directory is.
      const fake = rawZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: SHEET, data: sheetXml('') },
      ]);
      const fakeLocals = fake.bytes.subarray(0, fake.cdOffset);
      const fakeCd = fake.bytes.subarray(fake.cdOffset, fake.cdOffset + fake.cdSize);
      const prefix = Buffer.concat([fakeLocals, Buffer.alloc(bomb.cdOffset - fakeLocals.length), fakeCd]);
      return Buffer.concat([prefix, bomb.bytes]);
    },
    says: /there is data before the zip archive/,
  },
  'prepended-junk': {
    what: 'a real form with 1 KB before it',
    build: (form) => Buffer.concat([Buffer.alloc(1024, 0x41), form]),
    says: /there is data before the zip archive/,
  },
  'two-end-records': {
    what: 'a real form followed by a second end record pointing at a bomb',
    build: (form) => {
      const end = form.subarray(form.length - 22);
      return Buffer.concat([form, end]);
    },
    says: /more than one end record/,
  },
  'end-record-in-comment': {
    what: "a second end record hidden in the first one's comment",
    build: (form) => {
      const end = Buffer.from(form.subarray(form.length - 22));
      const inner = Buffer.from(end);
      end.writeUInt16LE(22, 20);
      return Buffer.concat([form.subarray(0, form.length - 22), end, inner]);
    },
    says: /more than one end record/,
  },
  'overlapping-parts': {
    what: 'two directory entries on one local header: the same million-row sheet read twice',
    build: () => {
      const z = rawZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: SHEET, data: millionRows },
        { name: 'xl/worksheets/sheet2.xml', localName: SHEET, data: millionRows, offset: 0 },
      ]);
      return z.bytes;
    },
    says: /part xl\/worksheets\/sheet2\.xml (overlaps another|is out of the directory's order)/,
  },
  'local-name-differs': {
    what: 'the directory says docProps/custom.xml, the local header (which JSZip believes) xl/worksheets/sheet1.xml: a million rows',
    build: () =>
      rawZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: 'docProps/custom.xml', localName: SHEET, data: millionRows },
      ]).bytes,
    says: /local header of the zip's part docProps\/custom\.xml disagrees/,
  },
  'duplicate-part': {
    what: 'the sheet twice: the first small, the second (which JSZip keeps) a million rows',
    build: (form) => {
      const parts = unzip(form);
      return zip([...parts, { name: SHEET, data: millionRows }]);
    },
    says: /the zip holds xl\/worksheets\/sheet1\.xml twice/,
  },
  'sheet-off-pattern': {
    what: 'a million rows in a part exceljs takes for a sheet though its name is not xl/worksheets/…',
    build: (form) => zip([...unzip(form), { name: 'zz/xl/worksheets/sheet9.xml', data: millionRows }]),
    says: /zz\/xl\/worksheets\/sheet9\.xml: it has more than 20000 rows/,
  },
  'understated-size': {
    what: 'a part declaring 1,000 bytes that inflates to 50 MB',
    build: (form) => zip([...unzip(form), { name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), claimedSize: 1000 }]),
    says: /it would unpack xl\/worksheets\/sheet9\.xml .*misstates its sizes/,
  },
  'last-cell': {
    what: 'one cell at XFD1048576',
    build: (form) => withSheet(form, beforeSheetDataEnd('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')),
    says: /xl\/worksheets\/sheet1\.xml!A1048576: it reaches row 1048576/,
  },
  'wide-rows': {
    what: '19,000 rows, each with a cell in column XFD',
    build: (form) => withSheet(form, beforeSheetDataEnd(rows(19_000, (i) => `<row r="${i + 1000}"><c r="XFD${i + 1000}" t="inlineStr"><is><t>x</t></is></c></row>`))),
    says: /xl\/worksheets\/sheet1\.xml!XFD1001: it reaches column 16384/,
  },
  'rows-with-newlines': {
    what: 'a million rows written <row\\nr=…>',
    build: (form) => withSheet(form, beforeSheetDataEnd(rows(1_000_000, (i) => `<row\nr="${i + 1000}"\n/>`))),
    says: /sheet1\.xml!A20001: it reaches row 20001|sheet1\.xml: it has more than 20000 rows/,
  },
  'prefixed-rows': {
    what: '30,000 rows written <x:row …> with <x:c\\t…> cells',
    build: (form) => withSheet(form, beforeSheetDataEnd(rows(30_000, () => `<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c\tt="b"><x:v>1</x:v></x:c></x:row>`))),
    says: /sheet1\.xml: it has more than 20000 rows/,
  },
  dimension: {
    what: 'a dimension of A1:XFD1048576',
    build: (form) => withSheet(form, (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')),
    says: /sheet1\.xml!A1:XFD1048576: it reaches row 1048576/,
  },
  'merged-area': {
    what: 'a merge over A30:IV20000 (5 million cells in exceljs)',
    build: (form) => withSheet(form, (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A30:IV20000"/></mergeCells>')),
    says: /sheet1\.xml!A30:IV20000: its merged or validated ranges cover more than 100000 cells/,
  },
  'validated-area': {
    what: 'a data validation over A30:IV20000',
    build: (form) => withSheet(form, (xml) => xml.replace(/<dataValidations count="\d+">/, '<dataValidations count="99"><dataValidation type="whole" sqref="A30:IV20000"><formula1>1</formula1></dataValidation>')),
    says: /sheet1\.xml!A30:IV20000: its merged or validated ranges cover more than 100000 cells/,
  },
  'many-cells': {
    what: '150,000 cells in 10,000 rows, within the columns',
    build: (form) => withSheet(form, beforeSheetDataEnd(rows(10_000, (i) => `<row r="${i + 1000}">${rows(15, (c) => `<c r="${String.fromCharCode(64 + c)}${i + 1000}"><v>1</v></c>`)}</row>`))),
    says: /sheet1\.xml: it has more than 100000 cells/,
  },
  'huge-text': {
    what: 'one progress cell of 20 MB of text, within the unpacked budget',
    build: (form) => withSheet(form, (xml) => xml.replace(/<c r="F6"[^>]*\/>|<c r="F6"[^>]*>.*?<\/c>/, `<c r="F6" t="inlineStr"><is><t>${'a'.repeat(20 * 1024 * 1024)}</t></is></c>`)),
    says: /xl\/worksheets\/sheet1\.xml!F6: a run of text is 20480 KB, over the limit of 256 KB/,
  },
  'many-styles': {
    what: 'two million style records',
    build: (form) => zip(unzip(form).map((p) => (p.name === 'xl/styles.xml' ? { ...p, data: Buffer.from(p.data.toString('utf8').replace('</cellXfs>', `${'<xf/>'.repeat(2_000_000)}</cellXfs>`)) } : p))),
    says: /xl\/styles\.xml: the workbook holds more than 1000000 XML elements/,
  },
};
