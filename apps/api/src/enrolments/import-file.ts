import { AGE_BANDS, type AgeBand, CreatePersonRequestSchema, type ImportRowError, PERSON_GROUPS, thaiIssueMessage } from '@sujarit/contracts';
import { hasUnsafeCharacter, UNSAFE_CHARACTER_REASON } from '@sujarit/domain';
import { zipSync } from 'fflate';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { type Entry, fromBufferPromise, type ZipFile } from 'yauzl';
import { DomainError } from '../common/domain.error';

/** The columns of the import template, Thai first, with the English names also accepted. */
export const IMPORT_COLUMNS = [
  { field: 'fullName', header: 'ชื่อ-นามสกุล', aliases: ['ชื่อ', 'ชื่อ - นามสกุล', 'fullname', 'name'] },
  { field: 'group', header: 'กลุ่ม', aliases: ['group'] },
  { field: 'village', header: 'หมู่ที่', aliases: ['หมู่', 'village'] },
  { field: 'school', header: 'โรงเรียน', aliases: ['school'] },
  { field: 'ageBand', header: 'ช่วงอายุ', aliases: ['อายุ', 'ageband', 'age'] },
  { field: 'phone', header: 'โทรศัพท์', aliases: ['เบอร์โทร', 'เบอร์โทรศัพท์', 'phone'] },
  { field: 'guardianName', header: 'ผู้ปกครองที่ให้ความยินยอม', aliases: ['ผู้ปกครอง', 'guardian', 'guardianname'] },
] as const;
type Field = (typeof IMPORT_COLUMNS)[number]['field'];

const GROUP_NAMES: Record<string, (typeof PERSON_GROUPS)[number]> = {
  เจ้าหน้าที่: 'staff',
  พนักงาน: 'staff',
  'เจ้าหน้าที่/พนักงาน': 'staff',
  บุคลากร: 'staff',
  ผู้บริหาร: 'executive',
  สมาชิกสภา: 'council_member',
  'สมาชิกสภา อบต.': 'council_member',
  ประชาชน: 'citizen',
  เยาวชน: 'youth',
  เด็กและเยาวชน: 'youth',
};

export interface ParsedRow {
  line: number;
  values: Partial<Record<Field, string>>;
}

/** A row of the file as read: its number as Excel or a text editor shows it, and its cells' text. */
interface FileRow {
  line: number;
  cells: string[];
}

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 2000;
/** The template has seven columns; nothing to the right of this many is read. */
const MAX_COLUMNS = 50;
/**
 * What the parts of a workbook that are read (sheet, shared strings, styles, workbook) may inflate to. A
 * 2,000-row sheet takes about 1 MB; a 1.9 MB file that inflated to 1.9 GB held the API for 12 s and 2.2 GB.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 10_000;

const TOO_MANY_ROWS = `นำเข้าได้ครั้งละไม่เกิน ${MAX_ROWS} แถว — แบ่งรายชื่อเป็นหลายไฟล์`;
const XLSX_UNREADABLE = 'เปิดไฟล์ Excel นี้ไม่ได้ กรุณาบันทึกเป็น .xlsx แล้วลองใหม่';
const XLSX_SIZE_LIE = 'ไฟล์ Excel นี้เสียหาย: ข้อมูลข้างในใหญ่กว่าที่ไฟล์ระบุไว้ — บันทึกไฟล์ใหม่จาก Excel แล้วลองอีกครั้ง';
const XLSX_TOO_BIG = `ไฟล์ Excel นี้เมื่อแตกไฟล์แล้วใหญ่เกิน ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB — เก็บเฉพาะแผ่นงานรายชื่อ (ไม่เกิน ${MAX_ROWS} แถว) แล้วบันทึกใหม่`;

/** Reads a CSV (UTF-8, with or without BOM) or XLSX file into rows keyed by field, with their line numbers. */
export async function readImportFile(file: { buffer: Buffer; originalname: string; mimetype: string }): Promise<ParsedRow[]> {
  const name = file.originalname.toLowerCase();
  const table = name.endsWith('.xlsx') ? await readXlsx(file.buffer) : name.endsWith('.csv') ? readCsv(file.buffer) : null;
  if (!table) throw new DomainError('IMPORT_FILE_INVALID', 'รองรับเฉพาะไฟล์ .csv และ .xlsx');
  const header = table[0]?.line === 1 ? table[0].cells : [];
  const fields = header.slice(0, MAX_COLUMNS).map(toField);
  if (!fields.includes('fullName') || !fields.includes('group')) {
    throw new DomainError('IMPORT_FILE_INVALID', 'แถวแรกของไฟล์ต้องเป็นหัวตาราง และต้องมีคอลัมน์ "ชื่อ-นามสกุล" และ "กลุ่ม"');
  }
  const rows: ParsedRow[] = [];
  for (const { line, cells } of table.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const values: ParsedRow['values'] = {};
    fields.forEach((field, column) => {
      if (field) values[field] = (cells[column] ?? '').trim();
    });
    rows.push({ line, values });
  }
  if (rows.length > MAX_ROWS) throw new DomainError('IMPORT_FILE_INVALID', TOO_MANY_ROWS);
  if (rows.length === 0) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ไม่มีรายชื่อ');
  return rows;
}

function toField(header: string): Field | null {
  const key = header.replace(/^\ufeff/, '').trim().toLowerCase();
  const column = IMPORT_COLUMNS.find((c) => c.header === key || (c.aliases as readonly string[]).includes(key));
  return column?.field ?? null;
}

function readCsv(buffer: Buffer): FileRow[] {
  const text = buffer.toString('utf8').replace(/^\ufeff/, '');
  if (text.includes('\ufffd')) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ CSV ต้องบันทึกเป็น UTF-8 (ใน Excel เลือก "CSV UTF-8")');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data.map((cells, index) => ({ line: index + 1, cells }));
}

/**
 * The first sheet's rows, read as a stream: reading stops at the first row with text below the template's
 * last (a single cell at row 1,048,576 used to build a million rows, 2.4 GB), and only the parts of the
 * workbook that are read are inflated, within a bound on their size.
 */
async function readXlsx(buffer: Buffer): Promise<FileRow[]> {
  const workbookFile = await boundedWorkbook(buffer);
  // Loaded when a workbook is first needed: exceljs is large (~30 MB resident) and most requests never use it.
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbookFile]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: FileRow[] = [];
  try {
    for await (const worksheet of reader) {
      // The first sheet as Excel shows its tabs (the workbook lists them in that order).
      const sheets = (reader as unknown as { model?: { sheets?: { id: number }[] } }).model?.sheets ?? [];
      if (sheets.length > 0 && (worksheet as unknown as { id: number }).id !== sheets[0].id) continue;
      for await (const row of worksheet) {
        const cells: string[] = [];
        for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(row.getCell(c).text ?? '');
        const empty = cells.every((cell) => cell.trim() === '');
        if (row.number > MAX_ROWS + 1 && !empty) {
          throw new DomainError('IMPORT_FILE_INVALID', `${TOO_MANY_ROWS} (ไฟล์นี้มีข้อมูลที่แถว ${row.number.toLocaleString('th-TH')})`);
        }
        if (!empty || row.number === 1) rows.push({ line: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('IMPORT_FILE_INVALID', XLSX_UNREADABLE);
  }
  return rows;
}

/** The parts of a workbook exceljs reads, in the order it needs them (without that it spools sheets to disk). */
const WORKBOOK_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
];

/**
 * The workbook again as a zip of only the parts that are read, each inflated within the bound: the sizes the
 * zip declares are checked first, and the bytes are counted while inflating, since a declared size can lie.
 * exceljs then reads exactly what was checked, not the original file (whose local headers could hide more).
 */
async function boundedWorkbook(buffer: Buffer): Promise<Uint8Array> {
  let zip: ZipFile;
  try {
    // The sizes are checked below, by counting, with a reason of our own.
    zip = await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: false });
  } catch {
    throw new DomainError('IMPORT_FILE_INVALID', XLSX_UNREADABLE);
  }
  try {
    const wanted = await zipEntries(zip, (entry) => WORKBOOK_PARTS.some((part) => part.test(entry.fileName)));
    const declared = wanted.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) throw new DomainError('IMPORT_FILE_INVALID', XLSX_TOO_BIG);
    wanted.sort((a, b) => order(a.fileName) - order(b.fileName) || a.fileName.localeCompare(b.fileName, 'en', { numeric: true }));
    const parts: Record<string, Uint8Array> = {};
    let budget = MAX_XLSX_UNCOMPRESSED_BYTES;
    for (const entry of wanted) {
      const content = await inflateEntry(zip, entry, budget);
      budget -= content.length;
      parts[entry.fileName] = content;
    }
    // Stored, not compressed again: exceljs inflates nothing, and the bound above already holds.
    return zipSync(parts, { level: 0 });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('IMPORT_FILE_INVALID', XLSX_UNREADABLE);
  } finally {
    zip.close();
  }
}

function order(fileName: string): number {
  return WORKBOOK_PARTS.findIndex((part) => part.test(fileName));
}

/** The zip's central directory, only the entries `keep` wants, refusing a directory of absurd length. */
function zipEntries(zip: ZipFile, keep: (entry: Entry) => boolean): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const kept: Entry[] = [];
    if (zip.entryCount > MAX_XLSX_ENTRIES) return reject(new DomainError('IMPORT_FILE_INVALID', XLSX_UNREADABLE));
    zip.on('entry', (entry: Entry) => {
      if (keep(entry)) kept.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(kept));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** One entry's bytes, inflated off the main thread (zlib), stopped as soon as they pass its size or `budget`. */
async function inflateEntry(zip: ZipFile, entry: Entry, budget: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    const problem = size > entry.uncompressedSize ? XLSX_SIZE_LIE : size > budget ? XLSX_TOO_BIG : null;
    if (problem) {
      stream.destroy();
      throw new DomainError('IMPORT_FILE_INVALID', problem);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export type ValidRow = ReturnType<typeof CreatePersonRequestSchema.parse> & { line: number };

/** Turns a row's text into a person, or says in Thai what is wrong with each field. */
export function validateRow(row: ParsedRow): { row: ValidRow } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = (field: Field) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? field;
  const v = row.values;
  // Checked first, so no reason below quotes such text back.
  const unsafe = (Object.keys(v) as Field[]).filter((field) => hasUnsafeCharacter(v[field] ?? ''));
  if (unsafe.length > 0) return { errors: unsafe.map((field) => ({ line: row.line, field: header(field), reason: UNSAFE_CHARACTER_REASON })) };
  const group = v.group ? (GROUP_NAMES[v.group] ?? (PERSON_GROUPS as readonly string[]).find((g) => g === v.group)) : undefined;
  if (v.group && !group) {
    errors.push({ line: row.line, field: header('group'), reason: `ไม่รู้จักกลุ่ม "${v.group}" (ใช้ เจ้าหน้าที่ ผู้บริหาร สมาชิกสภา ประชาชน หรือ เยาวชน)` });
  }
  const villageDigits = v.village ? /^(?:หมู่(?:ที่)?|ม\.)?\s*(\d+)$/.exec(v.village)?.[1] : undefined;
  if (v.village && !villageDigits) errors.push({ line: row.line, field: header('village'), reason: `หมู่ที่ "${v.village}" ไม่ใช่ตัวเลข` });
  const ageBand = v.ageBand ? parseAgeBand(v.ageBand) : null;
  if (v.ageBand && !ageBand) {
    errors.push({ line: row.line, field: header('ageBand'), reason: `ช่วงอายุ "${v.ageBand}" ไม่ตรงกับ ต่ำกว่า 12, 12-14, 15-17, 18-19 หรือ 20-25 ปี` });
  }
  const parsed = CreatePersonRequestSchema.safeParse({
    fullName: v.fullName ?? '',
    group: group ?? (v.group ? 'citizen' : undefined),
    village: villageDigits ? Number(villageDigits) : null,
    school: v.school ?? null,
    ageBand: ageBand ?? null,
    phone: (v.phone ?? '').replace(/[\s-]/g, '') || null,
    guardianName: v.guardianName ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as Field;
      // A group we could not read is already reported above.
      if (field === 'group' && v.group) continue;
      errors.push({ line: row.line, field: header(field), reason: thaiIssueMessage(issue) });
    }
  }
  if (errors.length > 0 || !parsed.success) return { errors };
  return { row: { ...parsed.data, line: row.line } };
}

function parseAgeBand(text: string): AgeBand | null {
  const numbers = text.match(/\d+/g)?.map(Number) ?? [];
  if (/ต่ำกว่า|under|</i.test(text) && numbers[0] === 12) return 'under_12';
  const key = numbers.slice(0, 2).join('_');
  return (AGE_BANDS as readonly string[]).includes(key) ? (key as AgeBand) : null;
}

/** The template an organizer downloads: headers and one example row, CSV with a BOM so Excel reads Thai. */
export function importTemplateCsv(): string {
  const header = IMPORT_COLUMNS.map((c) => c.header).join(',');
  const example = ['ด.ญ. ตัวอย่าง ใจดี', 'เยาวชน', '3', 'โรงเรียนบ้านพร่อน', '12-14', '', 'นางตัวอย่าง ใจดี'].join(',');
  return `\ufeff${header}\r\n${example}\r\n`;
}
