import { AGE_BANDS, type AgeBand, CreatePersonRequestSchema, type ImportRowError, PERSON_GROUPS } from '@sujarit/contracts';
import Papa from 'papaparse';
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

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 2000;

/** Reads a CSV (UTF-8, with or without BOM) or XLSX file into rows keyed by field, with their line numbers. */
export async function readImportFile(file: { buffer: Buffer; originalname: string; mimetype: string }): Promise<ParsedRow[]> {
  const name = file.originalname.toLowerCase();
  const table = name.endsWith('.xlsx') ? await readXlsx(file.buffer) : name.endsWith('.csv') ? readCsv(file.buffer) : null;
  if (!table) throw new DomainError('IMPORT_FILE_INVALID', 'รองรับเฉพาะไฟล์ .csv และ .xlsx');
  const [header, ...body] = table;
  const fields = (header ?? []).map(toField);
  if (!fields.includes('fullName') || !fields.includes('group')) {
    throw new DomainError('IMPORT_FILE_INVALID', 'แถวแรกของไฟล์ต้องเป็นหัวตาราง และต้องมีคอลัมน์ "ชื่อ-นามสกุล" และ "กลุ่ม"');
  }
  const rows: ParsedRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: ParsedRow['values'] = {};
    fields.forEach((field, column) => {
      if (field) values[field] = (cells[column] ?? '').trim();
    });
    rows.push({ line: index + 2, values });
  });
  if (rows.length > MAX_ROWS) throw new DomainError('IMPORT_FILE_INVALID', `นำเข้าได้ครั้งละไม่เกิน ${MAX_ROWS} แถว`);
  if (rows.length === 0) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ไม่มีรายชื่อ');
  return rows;
}

function toField(header: string): Field | null {
  const key = header.replace(/^\ufeff/, '').trim().toLowerCase();
  const column = IMPORT_COLUMNS.find((c) => c.header === key || (c.aliases as readonly string[]).includes(key));
  return column?.field ?? null;
}

function readCsv(buffer: Buffer): string[][] {
  const text = buffer.toString('utf8').replace(/^\ufeff/, '');
  if (text.includes('\ufffd')) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ CSV ต้องบันทึกเป็น UTF-8 (ใน Excel เลือก "CSV UTF-8")');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  // Loaded when a workbook is first needed: exceljs is large (~30 MB resident) and most requests never use it.
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('IMPORT_FILE_INVALID', 'เปิดไฟล์ Excel นี้ไม่ได้ กรุณาบันทึกเป็น .xlsx แล้วลองใหม่');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, IMPORT_COLUMNS.length); c++) cells.push(row.getCell(c).text ?? '');
    table.push(cells);
  }
  return table;
}

export type ValidRow = ReturnType<typeof CreatePersonRequestSchema.parse> & { line: number };

/** Turns a row's text into a person, or says in Thai what is wrong with each field. */
export function validateRow(row: ParsedRow): { row: ValidRow } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = (field: Field) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? field;
  const v = row.values;
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
      errors.push({ line: row.line, field: header(field), reason: issue.message });
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
