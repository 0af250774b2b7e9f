import { Injectable } from '@nestjs/common';
import type { ExportFileFormat, FollowUpOutcomeResult, ItemAnalysis, ProgramIndicatorView, Session, SurveyItemResult } from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { AssessmentsService } from '../assessments/assessments.service';
import { Clock } from '../common/clock';
import { IndicatorsService } from '../indicators/indicators.service';
import { ProgramYearResultsService } from '../indicators/program-year-results.service';
import { SessionsService } from '../sessions/sessions.service';
import { bangkokDateTime, spreadsheetFile, type Cell, type Sheet, type SpreadsheetFile } from './spreadsheet';

const SESSION_STATUS_TH: Record<Session['status'], string> = {
  draft: 'ฉบับร่าง',
  scheduled: 'กำหนดการแล้ว',
  open: 'กำลังอบรม',
  completed: 'เสร็จสิ้น',
  cancelled: 'ยกเลิก',
};

const KIND_TH = { pre_test: 'แบบทดสอบก่อนอบรม', post_test: 'แบบทดสอบหลังอบรม', survey: 'แบบสำรวจ' } as const;

const PERCENT = '0.00';
const RATIO = '0.000';

const definitions = (rows: [string, string][]): Sheet => ({
  name: 'นิยาม',
  columns: [
    { header: 'รายการ', width: 40 },
    { header: 'ความหมาย', width: 100 },
  ],
  rows,
});

/** A name safe in a file name on every system: no path or reserved characters, at most 60 characters. */
function safeName(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 60) || 'ไฟล์';
}

const yesNo = (value: boolean | null): string => (value === null ? 'ยังไม่มีข้อมูล' : value ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์');

const SURVEY_ITEM_DEFINITIONS: [string, string][] = [
  ['จำนวนผู้ตอบข้อนี้', 'ผู้ที่เลือกระดับใดระดับหนึ่ง 1–5 ในข้อนี้ (คำตอบที่ส่งแล้ว ครั้งล่าสุดของแต่ละคนต่อแบบสำรวจ)'],
  ['ค่าเฉลี่ย', 'ค่าเฉลี่ยของระดับที่ตอบ (5 = มากที่สุด … 1 = น้อยที่สุด) ทศนิยม 2 ตำแหน่ง; ว่างเมื่อยังไม่มีผู้ตอบ'],
  ['ร้อยละตอบ 4–5', 'ร้อยละของผู้ตอบข้อนี้ที่ตอบ 4 (มาก) หรือ 5 (มากที่สุด)'],
  ['ผลลัพธ์ที่ติดตาม', 'ผลลัพธ์ตามแผนที่ข้อความนี้วัด (ถ้ามี)'],
  [
    'ร้อยละผู้บรรลุผลลัพธ์',
    'ร้อยละของผู้ตอบอย่างน้อยหนึ่งข้อของผลลัพธ์นั้น ที่ได้ค่าเฉลี่ยของข้อที่ตนตอบตั้งแต่ 4 (มาก) ขึ้นไป เทียบกับเป้าหมาย (ร้อยละ 80); "ยังไม่มีข้อมูล" เมื่อยังไม่มีผู้ตอบ',
  ],
];

function surveySheets(items: SurveyItemResult[], outcomes: FollowUpOutcomeResult[], extra: Sheet[]): Sheet[] {
  return [
    {
      name: 'ผลรายข้อ',
      columns: [
        { header: 'ข้อ', width: 6 },
        { header: 'หัวข้อ', width: 30 },
        { header: 'ข้อความ', width: 60 },
        { header: 'ผลลัพธ์ที่ติดตาม', width: 40 },
        { header: 'จำนวนผู้ตอบข้อนี้' },
        { header: 'ค่าเฉลี่ย', numberFormat: '0.00' },
        { header: 'ร้อยละตอบ 4–5', numberFormat: PERCENT },
        { header: 'มากที่สุด (5)' },
        { header: 'มาก (4)' },
        { header: 'ปานกลาง (3)' },
        { header: 'น้อย (2)' },
        { header: 'น้อยที่สุด (1)' },
      ],
      rows: items.map((item, i) => [
        i + 1,
        item.topic,
        item.stem,
        item.followUpOutcome ?? '',
        item.answered,
        item.mean,
        item.agreePercent,
        item.counts[5],
        item.counts[4],
        item.counts[3],
        item.counts[2],
        item.counts[1],
      ]),
    },
    {
      name: 'ผลลัพธ์ที่ติดตาม',
      columns: [
        { header: 'ผลลัพธ์', width: 60 },
        { header: 'จำนวนข้อ' },
        { header: 'ผู้ตอบ' },
        { header: 'ผู้บรรลุ (เฉลี่ย ≥ 4)' },
        { header: 'ร้อยละผู้บรรลุ', numberFormat: PERCENT },
        { header: 'เป้าหมาย (ร้อยละ)' },
        { header: 'ผลเทียบเป้าหมาย' },
      ],
      rows: outcomes.map((o) => [o.outcome, o.itemCount, o.respondents, o.achieving, o.percent, o.targetPercent, yesNo(o.met)]),
    },
    ...extra,
    definitions(SURVEY_ITEM_DEFINITIONS),
  ];
}

/**
 * Spreadsheets (XLSX, CSV) of what managers see on screen. Every figure is taken from the same service the screen's
 * JSON comes from, so a file always says what the page says. Names only: never contact or guardian details.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly indicators: IndicatorsService,
    private readonly assessments: AssessmentsService,
    private readonly results: ProgramYearResultsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The people of a program-year with the scores that count (the drill-down's rows, ProgramYearResultsService), and
   * the card's figures they add up to. Names only.
   */
  async attendeesOfProgramYear(
    organizationId: string,
    format: ExportFileFormat,
    programId: string,
    fiscalYear: number | undefined,
  ): Promise<SpreadsheetFile> {
    const year = fiscalYear ?? fiscalYearOf(this.clock.now());
    const [card, people] = await Promise.all([
      this.results.figuresOfProgramYear(organizationId, programId, year),
      this.results.attendeesOfProgramYear(organizationId, programId, year),
    ]);
    const attendees: Sheet = {
      name: 'ผู้เข้าอบรม',
      columns: [
        { header: 'ลำดับ', width: 6 },
        { header: 'ชื่อ–สกุล', width: 32 },
        { header: 'รอบที่เข้าอบรม', width: 40 },
        { header: 'คะแนนก่อนอบรม (ร้อยละ)', numberFormat: PERCENT },
        { header: 'คะแนนหลังอบรม (ร้อยละ)', numberFormat: PERCENT },
        { header: 'คะแนนเพิ่มขึ้น (จุดร้อยละ)', numberFormat: PERCENT },
        { header: 'ความก้าวหน้า (g)', numberFormat: RATIO },
        { header: 'ผลการประเมิน' },
        { header: 'ไม่ได้ทำแบบทดสอบหลังอบรม' },
      ],
      rows: people.map((p, i) => [
        i + 1,
        p.fullName,
        p.sessions.map((s) => s.title).join(', '),
        p.prePercent,
        p.postPercent,
        p.gainPoints,
        p.normalizedGain,
        p.passed ? 'ผ่าน' : 'ไม่ผ่าน',
        p.missingPostTest ? 'ใช่' : '',
      ]),
    };
    const summary: Sheet = {
      name: 'สรุป',
      columns: [{ header: 'รายการ', width: 40 }, { header: 'ค่า', width: 40 }],
      rows: [
        ['โครงการ', `${card.programCode} ${card.programName}`],
        ['ปีงบประมาณ', card.fiscalYear],
        ['ผู้เข้าอบรม (คน)', card.attended],
        ['เกณฑ์ผ่าน (ร้อยละ)', card.passMarkPercent],
        ['ผู้ผ่านเกณฑ์ (คน)', card.passed],
        ['อัตราผู้ผ่านเกณฑ์ (ร้อยละ)', card.passRatePercent],
        ['ผู้ทำทั้งก่อนและหลังอบรม (คน)', card.pairedCount],
        ['เฉลี่ยก่อนอบรม จับคู่ (ร้อยละ)', card.pairedMeanPrePercent],
        ['เฉลี่ยหลังอบรม จับคู่ (ร้อยละ)', card.pairedMeanPostPercent],
        ['คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)', card.meanGainPoints],
        ['ความก้าวหน้าเฉลี่ยรายคน (g เฉลี่ย)', card.meanNormalizedGain],
        ['ความก้าวหน้าของกลุ่ม (Hake’s g)', card.hakeGain],
      ],
    };
    const code = safeName(card.programCode);
    return spreadsheetFile(format, `ผู้เข้าอบรม-${code}-${year}`, `attendees-${code.replace(/[^A-Za-z0-9.-]/g, '')}-${year}`, [
      attendees,
      summary,
      definitions([
        ['ผู้เข้าอบรม', 'ทุกคนที่เช็กอินเข้ารอบอบรมของโครงการในปีงบประมาณนี้ (ไม่นับรอบที่ยกเลิก) คนละหนึ่งแถว เฉพาะชื่อ ไม่มีข้อมูลส่วนบุคคลอื่น'],
        ['คะแนนก่อนอบรม (ร้อยละ)', 'ครั้งแรกที่ส่งของแบบทดสอบก่อนอบรมในปีนี้'],
        ['คะแนนหลังอบรม (ร้อยละ)', 'ครั้งที่ได้คะแนนสูงสุดของแบบทดสอบหลังอบรมในปีนี้'],
        ['คะแนนเพิ่มขึ้น (จุดร้อยละ)', 'หลัง − ก่อน; ว่างเมื่อไม่ได้ทำครบทั้งสองครั้ง'],
        ['ความก้าวหน้า (g)', '(หลัง − ก่อน) ÷ (100 − ก่อน); ว่างเมื่อคะแนนก่อนอบรมเต็ม 100 หรือทำไม่ครบ'],
        ['ผลการประเมิน', 'ผ่านเมื่อคะแนนหลังอบรมไม่ต่ำกว่าเกณฑ์ผ่าน; ไม่ได้ทำแบบทดสอบหลังอบรมนับเป็นไม่ผ่าน'],
        ['อัตราผู้ผ่านเกณฑ์ (ร้อยละ)', 'ผู้ผ่านเกณฑ์ ÷ ผู้เข้าอบรมทั้งหมด × 100'],
        ['เฉลี่ยก่อน/หลังอบรม จับคู่', 'ค่าเฉลี่ยของผู้ที่มีทั้งคะแนนก่อนและหลังอบรม'],
        ['คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)', 'ค่าเฉลี่ยของคะแนนเพิ่มขึ้นของผู้ที่ทำทั้งสองครั้ง'],
      ]),
    ]);
  }

  /** The sessions of a fiscal year, of one program when asked. */
  async sessionsOfYear(organizationId: string, format: ExportFileFormat, fiscalYear: number | undefined, programId: string | undefined): Promise<SpreadsheetFile> {
    const year = fiscalYear ?? fiscalYearOf(this.clock.now());
    const { sessions } = await this.sessions.list(organizationId, { fiscalYear: year, programId });
    const sheet: Sheet = {
      name: 'รอบอบรม',
      columns: [
        { header: 'รหัสโครงการ', width: 12 },
        { header: 'โครงการ', width: 50 },
        { header: 'ปีงบประมาณ' },
        { header: 'รอบอบรม', width: 40 },
        { header: 'เริ่ม (พ.ศ. เวลาไทย)', width: 20 },
        { header: 'สิ้นสุด (พ.ศ. เวลาไทย)', width: 20 },
        { header: 'สถานที่', width: 30 },
        { header: 'จำนวนที่รับ' },
        { header: 'สถานะ' },
        { header: 'ผู้เข้าอบรม (เช็กอิน)' },
        { header: 'ค่าใช้จ่าย (บาท)', numberFormat: '#,##0.00' },
        { header: 'วิทยากร', width: 40 },
      ],
      rows: sessions.map((s) => [
        s.programCode,
        s.programName,
        s.fiscalYear,
        s.title,
        bangkokDateTime(s.startsAt),
        bangkokDateTime(s.endsAt),
        s.venue,
        s.capacity,
        SESSION_STATUS_TH[s.status],
        s.attendedCount,
        s.spentBaht,
        s.speakers.map((sp) => (sp.affiliation ? `${sp.name} (${sp.affiliation})` : sp.name)).join(', '),
      ]),
    };
    const code = programId ? `${safeName(sessions[0]?.programCode ?? 'โครงการ')}-` : '';
    return spreadsheetFile(format, `รอบอบรม-${code}${year}`, `sessions-${year}`, [
      sheet,
      definitions([
        ['รอบอบรม', `ทุกรอบของปีงบประมาณ ${year} (1 ต.ค. ${year - 1} – 30 ก.ย. ${year}) รวมรอบที่ยกเลิก เรียงตามเวลาเริ่ม`],
        ['ผู้เข้าอบรม (เช็กอิน)', 'ผู้ที่เช็กอินเข้ารอบนี้'],
        ['ค่าใช้จ่าย (บาท)', 'ผลรวมรายการค่าใช้จ่ายที่บันทึกไว้ของรอบนี้'],
      ]),
    ]);
  }

  /** Every figure of the indicator cards of a fiscal year, one row per program-year, with their definitions. */
  async indicatorsOfYear(organizationId: string, format: ExportFileFormat, fiscalYear: number | undefined): Promise<SpreadsheetFile> {
    const list = await this.indicators.list(organizationId, fiscalYear);
    const columns: { header: string; value: (p: ProgramIndicatorView) => Cell; numberFormat?: string; definition: string }[] = [
      { header: 'รหัสโครงการ', value: (p) => p.programCode, definition: 'รหัสโครงการตามแผน' },
      { header: 'โครงการ', value: (p) => p.programName, definition: 'ชื่อโครงการ' },
      { header: 'ปีงบประมาณ', value: (p) => p.fiscalYear, definition: 'ปีงบประมาณ พ.ศ. (1 ต.ค. ถึง 30 ก.ย.)' },
      { header: 'ผู้เข้าอบรม (คน ไม่นับซ้ำ)', value: (p) => p.attended, definition: 'คนที่เช็กอินเข้าอบรมในปีงบประมาณนี้ นับคนละครั้งแม้เข้าหลายรอบ' },
      { header: 'เป้าหมายผู้เข้าอบรม (คน)', value: (p) => p.targetHeadcount, definition: 'เป้าหมายจำนวนผู้เข้าอบรมตามแผน' },
      { header: 'ร้อยละของเป้าหมายผู้เข้าอบรม', value: (p) => p.headcountPercent, numberFormat: PERCENT, definition: 'ผู้เข้าอบรม ÷ เป้าหมาย × 100; ว่างเมื่อแผนไม่กำหนดเป้าหมาย' },
      { header: 'จำนวนครั้งที่จัด', value: (p) => p.sessionsHeld, definition: 'รอบอบรมที่ไม่ยกเลิกและมีผู้เช็กอินแล้วอย่างน้อย 1 คน' },
      { header: 'จำนวนครั้งตามแผน', value: (p) => p.sessionsRequired, definition: 'จำนวนครั้งที่แผนกำหนด (0 = ไม่กำหนด)' },
      { header: 'ทำแบบทดสอบก่อนอบรม (คน)', value: (p) => p.preTestTaken, definition: 'ผู้เข้าอบรมที่มีคะแนนก่อนอบรม (ครั้งแรกที่ส่ง)' },
      { header: 'ทำแบบทดสอบหลังอบรม (คน)', value: (p) => p.postTestTaken, definition: 'ผู้เข้าอบรมที่มีคะแนนหลังอบรม (ครั้งที่ดีที่สุด)' },
      { header: 'เกณฑ์ผ่าน (ร้อยละของคะแนนเต็ม)', value: (p) => p.passMarkPercent, definition: 'คะแนนหลังอบรมขั้นต่ำที่นับว่าผ่าน' },
      { header: 'ผู้ผ่านเกณฑ์ (คน)', value: (p) => p.passed, definition: 'ผู้เข้าอบรมที่ได้คะแนนหลังอบรม (ครั้งที่ดีที่สุด) ไม่ต่ำกว่าเกณฑ์ผ่าน' },
      { header: 'ไม่ผ่านเกณฑ์ (คน)', value: (p) => p.notPassed, definition: 'ผู้เข้าอบรมที่ไม่ผ่าน รวมผู้ที่ไม่ได้ทำแบบทดสอบหลังอบรม' },
      { header: 'ไม่ได้ทำแบบทดสอบหลังอบรม (คน)', value: (p) => p.missingPostTest, definition: 'เข้าอบรมแต่ไม่มีคะแนนหลังอบรม (นับเป็นไม่ผ่าน)' },
      { header: 'อัตราผู้ผ่านเกณฑ์ (ร้อยละ)', value: (p) => p.passRatePercent, numberFormat: PERCENT, definition: 'ผู้ผ่านเกณฑ์ ÷ ผู้เข้าอบรมทั้งหมด × 100; ว่างเมื่อยังไม่มีผู้เข้าอบรม' },
      { header: 'เป้าหมาย (ร้อยละ)', value: (p) => p.targetPassRatePercent, definition: 'เป้าหมายของตัวชี้วัดตามแผน' },
      {
        header: 'ตัวชี้วัดที่ใช้',
        value: (p) => (p.indicatorBasis === 'pass_rate' ? 'อัตราผู้ผ่านเกณฑ์' : 'คะแนนเฉลี่ยหลังอบรม'),
        definition: 'ตัวเลขที่เทียบกับเป้าหมาย: อัตราผู้ผ่านเกณฑ์ หรือคะแนนเฉลี่ยหลังอบรม',
      },
      {
        header: 'ผลเทียบเป้าหมาย',
        value: (p) => (p.indicatorStatus === 'no_data' ? 'ยังไม่มีข้อมูล' : p.indicatorStatus === 'met' ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์'),
        definition: '"ยังไม่มีข้อมูล" เมื่อยังไม่มีผู้เข้าอบรม ไม่ใช่ "ไม่ผ่านเกณฑ์"',
      },
      { header: 'ผู้ทำทั้งก่อนและหลังอบรม (คน)', value: (p) => p.pairedCount, definition: 'ผู้เข้าอบรมที่มีทั้งคะแนนก่อนและหลังอบรม: กลุ่มของค่าเฉลี่ยจับคู่และคะแนนเพิ่มขึ้น' },
      { header: 'เฉลี่ยก่อนอบรม จับคู่ (ร้อยละ)', value: (p) => p.pairedMeanPrePercent, numberFormat: PERCENT, definition: 'คะแนนเฉลี่ยก่อนอบรมของผู้ที่ทำทั้งสองครั้ง' },
      { header: 'เฉลี่ยหลังอบรม จับคู่ (ร้อยละ)', value: (p) => p.pairedMeanPostPercent, numberFormat: PERCENT, definition: 'คะแนนเฉลี่ยหลังอบรมของผู้ที่ทำทั้งสองครั้ง' },
      { header: 'คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)', value: (p) => p.meanGainPoints, numberFormat: PERCENT, definition: 'ค่าเฉลี่ยของ (หลัง − ก่อน) ของผู้ที่ทำทั้งสองครั้ง' },
      {
        header: 'ความก้าวหน้าเฉลี่ยรายคน (g เฉลี่ย)',
        value: (p) => p.meanNormalizedGain,
        numberFormat: RATIO,
        definition: 'เฉลี่ยของ (หลัง − ก่อน) ÷ (100 − ก่อน) ของแต่ละคน ไม่นับผู้ได้เต็มก่อนอบรม',
      },
      { header: 'จำนวนคนของ g เฉลี่ย', value: (p) => p.normalizedGainCount, definition: 'ผู้ที่ทำทั้งสองครั้ง ไม่นับผู้ได้เต็มก่อนอบรม' },
      { header: 'ความก้าวหน้าของกลุ่ม (Hake’s g)', value: (p) => p.hakeGain, numberFormat: RATIO, definition: '(เฉลี่ยหลัง − เฉลี่ยก่อน) ÷ (100 − เฉลี่ยก่อน) จากค่าเฉลี่ยจับคู่' },
      {
        header: 'เฉลี่ยก่อนอบรม ไม่จับคู่ (ร้อยละ)',
        value: (p) => p.meanPrePercent,
        numberFormat: PERCENT,
        definition: 'ไม่จับคู่: ทุกคนที่ทำแบบทดสอบก่อนอบรม เทียบกับเฉลี่ยหลังอบรมตรง ๆ ไม่ได้',
      },
      {
        header: 'เฉลี่ยหลังอบรม ไม่จับคู่ (ร้อยละ)',
        value: (p) => p.meanPostPercent,
        numberFormat: PERCENT,
        definition: 'ไม่จับคู่: ทุกคนที่ทำแบบทดสอบหลังอบรม เทียบกับเฉลี่ยก่อนอบรมตรง ๆ ไม่ได้',
      },
    ];
    const sheet: Sheet = {
      name: 'ตัวชี้วัด',
      columns: columns.map((c) => ({ header: c.header, numberFormat: c.numberFormat, width: c.header === 'โครงการ' ? 50 : undefined })),
      rows: list.programs.map((p) => columns.map((c) => c.value(p))),
    };
    return spreadsheetFile(format, `ตัวชี้วัด-${list.fiscalYear}`, `indicators-${list.fiscalYear}`, [
      sheet,
      definitions(columns.map((c) => [c.header, c.definition])),
    ]);
  }

  /** A test's item analysis: one row per question, and the test's figures with their definitions. */
  async itemAnalysis(organizationId: string, format: ExportFileFormat, assessmentId: string): Promise<SpreadsheetFile> {
    const a: ItemAnalysis = await this.assessments.itemAnalysis(organizationId, assessmentId);
    const flagText = (f: ItemAnalysis['items'][number]['flags']) =>
      [f.tooEasy ? 'ง่ายเกินไป' : '', f.tooHard ? 'ยากเกินไป' : '', f.negativeDiscrimination ? 'อำนาจจำแนกติดลบ' : ''].filter(Boolean).join(', ');
    const items: Sheet = {
      name: 'รายข้อ',
      columns: [
        { header: 'ข้อ', width: 6 },
        { header: 'หัวข้อ', width: 30 },
        { header: 'คำถาม', width: 60 },
        { header: 'คะแนนเต็ม' },
        { header: 'จำนวนผู้ตอบถูก' },
        { header: 'ความยาก (p)', numberFormat: RATIO },
        { header: 'อำนาจจำแนก (D, 27%)', numberFormat: RATIO },
        { header: 'สหสัมพันธ์พอยท์ไบซีเรียล', numberFormat: RATIO },
        { header: 'ข้อสังเกต', width: 30 },
      ],
      rows: a.items.map((item, i) => [
        i + 1,
        item.topic,
        item.stem,
        item.points,
        item.rightCount,
        item.difficulty,
        item.discrimination,
        item.pointBiserial,
        flagText(item.flags),
      ]),
    };
    const summary: Sheet = {
      name: 'สรุป',
      columns: [{ header: 'รายการ', width: 40 }, { header: 'ค่า', width: 40 }],
      rows: [
        ['แบบทดสอบ', a.title],
        ['ชนิด', KIND_TH[a.kind]],
        ['จำนวนผู้ตอบ', a.respondents],
        ['จำนวนคนในกลุ่มสูง/ต่ำ (27%)', a.discriminationGroupSize],
        ['KR-20', a.kr20],
        ['จำนวนข้อที่ใช้คำนวณ KR-20', a.reliabilityItemCount],
        ['กลุ่มเล็ก (ค่าอาจไม่น่าเชื่อถือ)', a.smallGroup ? `ใช่ (น้อยกว่า ${a.smallGroupThreshold} คน)` : 'ไม่ใช่'],
      ],
    };
    return spreadsheetFile(format, `วิเคราะห์ข้อสอบ-${safeName(a.title)}`, `item-analysis-${a.assessmentId.slice(0, 8)}`, [
      items,
      summary,
      definitions([
        ['ความยาก (p)', 'สัดส่วนคะแนนที่ได้ของข้อนั้นเฉลี่ยทุกคน (ข้อถูก/ผิด = สัดส่วนผู้ตอบถูก) 0–1 ยิ่งมากยิ่งง่าย'],
        ['อำนาจจำแนก (D, 27%)', 'ความยากในกลุ่มคะแนนสูง 27% ลบความยากในกลุ่มคะแนนต่ำ 27%'],
        ['สหสัมพันธ์พอยท์ไบซีเรียล', 'สหสัมพันธ์ระหว่างคะแนนข้อนั้นกับคะแนนรวมของข้ออื่น (ไม่รวมข้อนั้น)'],
        ['KR-20', 'ความเชื่อมั่นของแบบทดสอบ คำนวณจากข้อที่ตรวจแบบถูก/ผิด'],
        ['ข้อสังเกต', 'ง่ายเกินไป ยากเกินไป หรืออำนาจจำแนกติดลบ ตามเกณฑ์ของหน้าวิเคราะห์ข้อสอบ'],
        ['ผู้ตอบที่นับ', 'ครั้งที่นับของแต่ละคน: ก่อนอบรมครั้งแรกที่ส่ง หลังอบรมครั้งที่ดีที่สุด'],
      ]),
    ]);
  }

  /** One session survey's results. */
  async surveyResults(organizationId: string, format: ExportFileFormat, assessmentId: string): Promise<SpreadsheetFile> {
    const s = await this.assessments.surveyResults(organizationId, assessmentId);
    const summary: Sheet = {
      name: 'สรุป',
      columns: [{ header: 'รายการ', width: 40 }, { header: 'ค่า', width: 40 }],
      rows: [
        ['แบบสำรวจ', s.title],
        ['จำนวนผู้ตอบ', s.respondents],
      ],
    };
    return spreadsheetFile(format, `ผลแบบสำรวจ-${safeName(s.title)}`, `survey-${s.assessmentId.slice(0, 8)}`, surveySheets(s.items, s.outcomes, [summary]));
  }

  /** The surveys of a program-year pooled. */
  async programYearSurveyResults(
    organizationId: string,
    format: ExportFileFormat,
    programId: string,
    fiscalYear: number | undefined,
  ): Promise<SpreadsheetFile> {
    const s = await this.assessments.programYearSurveyResults(organizationId, programId, fiscalYear);
    const surveys: Sheet = {
      name: 'แบบสำรวจที่รวม',
      columns: [{ header: 'รอบอบรม', width: 40 }, { header: 'แบบสำรวจ', width: 40 }, { header: 'จำนวนผู้ตอบ' }],
      rows: s.surveys.map((v) => [v.sessionTitle, v.title, v.respondents]),
    };
    return spreadsheetFile(
      format,
      `ผลแบบสำรวจ-${safeName(s.programCode)}-${s.fiscalYear}`,
      `survey-${safeName(s.programCode).replace(/[^A-Za-z0-9.-]/g, '')}-${s.fiscalYear}`,
      surveySheets(s.items, s.outcomes, [surveys]),
    );
  }
}
