import type { ProgramIndicatorView, ProgramYearSurveyResults, SurveyResults } from '@sujarit/contracts';
import { escapeHtml } from '../pdf/html';
import {
  formatBaht,
  formatCount,
  formatGain,
  formatMean,
  formatPercent,
  formatPoints,
  formatSchedule,
  NO_FIGURE,
  paragraphs,
  reportHeading,
  reportPage,
  ReportOrganization,
  signatureBlock,
} from './report-format';

export interface ReportSession {
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  cancelled: boolean;
  /** People checked in (attended). */
  attended: number;
  spentBaht: number;
}

export interface ReportSurvey {
  sessionTitle: string;
  results: SurveyResults;
}

/** Everything a program-year report prints, already computed (the indicators as the indicators page shows them). */
export interface ProgramReport {
  organization: ReportOrganization;
  program: { code: string; name: string; audience: string; ownerUnit: string; description: string; objectives: string };
  fiscalYear: number;
  budgetBaht: number;
  spentBaht: number;
  indicator: ProgramIndicatorView;
  sessions: ReportSession[];
  /** The year's surveys pooled, with the plan's follow-up outcomes (AssessmentsService.programYearSurveyResults). */
  yearSurvey: ProgramYearSurveyResults;
  /** Each session survey's own results, shown when there is more than one. */
  sessionSurveys: ReportSurvey[];
  /** The day it was printed, Buddhist Era, e.g. "30 พฤศจิกายน 2569"; and the time. */
  printedOn: string;
  printedAt: string;
}

export const PROGRAM_REPORT_TITLE = 'รายงานผลการดำเนินงานโครงการ';

const STATUS_WORDS: Record<ProgramIndicatorView['indicatorStatus'], string> = {
  met: 'ผ่านเกณฑ์',
  not_met: 'ไม่ผ่านเกณฑ์',
  no_data: 'ยังไม่มีข้อมูล',
};

/** One row of a figures table: what it is, the result, the target, and how it is counted. */
const figureRow = (label: string, result: string, target: string, definition: string) => `<tr>
          <td>${escapeHtml(label)}</td><td class="number">${escapeHtml(result)}</td><td class="number">${escapeHtml(target)}</td>
          <td class="definition">${escapeHtml(definition)}</td>
        </tr>`;

const outcomeRow = (label: string, result: string, definition: string) => `<tr>
          <td>${escapeHtml(label)}</td><td class="number">${escapeHtml(result)}</td><td class="definition">${escapeHtml(definition)}</td>
        </tr>`;

const outcomesTable = (rows: string[]) => `<table class="figures">
        <colgroup><col style="width:40%"><col style="width:14%"><col style="width:46%"></colgroup>
        <thead><tr><th>รายการ</th><th>ผล</th><th>คำนิยาม (วิธีนับ)</th></tr></thead>
        <tbody>
        ${rows.join('\n        ')}
        </tbody>
      </table>`;

const figuresTable = (rows: string[]) => `<table class="figures">
        <colgroup><col style="width:30%"><col style="width:18%"><col style="width:13%"><col style="width:39%"></colgroup>
        <thead><tr><th>รายการ</th><th>ผลการดำเนินงาน</th><th>เป้าหมาย</th><th>คำนิยาม (วิธีนับ)</th></tr></thead>
        <tbody>
        ${rows.join('\n        ')}
        </tbody>
      </table>`;

/**
 * The report of one program in one fiscal year, laid out as the plan describes a project (หลักการและเหตุผล,
 * วัตถุประสงค์, เป้าหมาย, ผลผลิต, ผลลัพธ์, งบประมาณ), each figure with its definition. Every typed text is escaped.
 */
export function renderProgramReportHtml(report: ProgramReport): string {
  const { indicator: p, program } = report;
  const basedOnMeanScore = p.indicatorBasis === 'mean_post_score';
  const year = `ปีงบประมาณ พ.ศ. ${report.fiscalYear}`;
  const heading = reportHeading(report.organization, [PROGRAM_REPORT_TITLE, `โครงการ ${program.code} ${program.name}`, year]);

  const rationale = program.description.trim()
    ? `<section class="indent">${paragraphs(program.description)}</section>`
    : `<p class="muted">ยังไม่ได้ระบุหลักการและเหตุผลของโครงการ</p>`;
  const objectives = program.objectives.trim()
    ? `<section>${paragraphs(program.objectives)}</section>`
    : `<p class="muted">ยังไม่ได้ระบุวัตถุประสงค์ (ผู้จัดการอบรมกรอกได้ในหน้าแก้ไขโครงการ)</p>`;

  const indicatorName = basedOnMeanScore ? 'คะแนนเฉลี่ยหลังอบรม' : 'ร้อยละผู้ผ่านเกณฑ์';
  const goals = `<ul>
        <li>กลุ่มเป้าหมาย: ${escapeHtml(program.audience)} จำนวน ${formatCount(p.targetHeadcount)} คน</li>
        <li>จัดอบรมไม่น้อยกว่า ${formatCount(p.sessionsRequired)} ครั้งต่อปี</li>
        <li>ตัวชี้วัดความรู้: ${indicatorName}ไม่น้อยกว่า ${formatPercent(p.targetPassRatePercent)} (เกณฑ์ผ่าน ${formatPercent(p.passMarkPercent)} ของคะแนนเต็ม จากแบบทดสอบหลังอบรม)</li>
        <li>หน่วยงานที่รับผิดชอบ: ${escapeHtml(program.ownerUnit)}</li>
      </ul>`;

  const outputs = figuresTable([
    figureRow(
      'ผู้เข้าอบรม (ไม่นับซ้ำ)',
      `${formatCount(p.attended)} คน (${formatPercent(p.headcountPercent)})`,
      `${formatCount(p.targetHeadcount)} คน`,
      'คนที่เช็กอินเข้าอบรมในปีงบประมาณนี้ นับคนละครั้งแม้เข้าหลายรอบ ร้อยละในวงเล็บคือเทียบกับเป้าหมาย',
    ),
    figureRow(
      'จำนวนครั้งที่จัดอบรม',
      `${formatCount(p.sessionsHeld)} ครั้ง`,
      `${formatCount(p.sessionsRequired)} ครั้ง`,
      'รอบอบรมที่ไม่ยกเลิกและมีผู้เช็กอินแล้วอย่างน้อย 1 คน',
    ),
  ]);
  const sessionRows = report.sessions.map(
    (s, i) => `<tr>
          <td class="centre">${i + 1}</td><td>${escapeHtml(s.title)}${s.cancelled ? ' (ยกเลิก)' : ''}</td>
          <td>${formatSchedule(s.startsAt, s.endsAt).map(escapeHtml).join('<br>')}</td><td>${escapeHtml(s.venue)}</td>
          <td class="number">${formatCount(s.attended)}</td><td class="number">${formatBaht(s.spentBaht)}</td>
        </tr>`,
  );
  const sessions =
    report.sessions.length === 0
      ? `<p class="muted">ยังไม่มีรอบอบรมในปีงบประมาณนี้</p>`
      : `<table>
        <colgroup><col style="width:7%"><col style="width:30%"><col style="width:22%"><col style="width:19%"><col style="width:10%"><col style="width:12%"></colgroup>
        <thead><tr><th>ลำดับ</th><th>รอบอบรม</th><th>วันที่ (เวลาประเทศไทย)</th><th>สถานที่</th><th>ผู้เข้าอบรม (คน)</th><th>ค่าใช้จ่าย (บาท)</th></tr></thead>
        <tbody>
        ${sessionRows.join('\n        ')}
        </tbody>
      </table>
      <p class="definition">ผู้เข้าอบรมของแต่ละรอบ: ผู้ที่เช็กอินในรอบนั้น คนที่เข้าหลายรอบนับในทุกรอบที่เข้า แต่นับครั้งเดียวในจำนวนผู้เข้าอบรมของปี</p>`;

  const indicatorFigure = basedOnMeanScore ? p.meanPostPercent : p.passRatePercent;
  const knowledge = `<p><strong>ตัวชี้วัดความรู้ (${indicatorName}):</strong> ${formatPercent(indicatorFigure)} เป้าหมายไม่น้อยกว่า ${formatPercent(p.targetPassRatePercent)}
        ผลการประเมิน: <span class="status">${STATUS_WORDS[p.indicatorStatus]}</span></p>
      <p class="definition">${
        basedOnMeanScore
          ? `ค่าเฉลี่ยร้อยละของคะแนนหลังอบรมของผู้ที่ทำแบบทดสอบ เทียบกับเป้าหมาย ${formatPercent(p.targetPassRatePercent)}`
          : `ผู้ที่ได้คะแนนหลังอบรม (ครั้งที่ดีที่สุด) ไม่ต่ำกว่า ${formatPercent(p.passMarkPercent)} ของคะแนนเต็ม หารด้วยผู้เข้าอบรมทั้งหมด คูณ 100 ผู้ที่ไม่ได้ทำแบบทดสอบหลังอบรมนับเป็นไม่ผ่าน`
      } "ยังไม่มีข้อมูล" เมื่อยังไม่มีผู้เข้าอบรมในปีนี้</p>`;
  const outcomes = outcomesTable([
    outcomeRow(
      'ผู้ผ่านเกณฑ์',
      `${formatCount(p.passed)} จาก ${formatCount(p.attended)} คน`,
      `ผู้เข้าอบรมที่ได้คะแนนหลังอบรม (ครั้งที่ดีที่สุด) ไม่ต่ำกว่า ${formatPercent(p.passMarkPercent)}; ไม่ได้ทำแบบทดสอบหลังอบรม ${formatCount(p.missingPostTest)} คน (นับเป็นไม่ผ่าน)`,
    ),
    outcomeRow(
      `คะแนนเฉลี่ยก่อนอบรม (จับคู่ ${formatCount(p.pairedCount)} คน)`,
      formatPercent(p.pairedMeanPrePercent),
      'คะแนนเฉลี่ยก่อนอบรม (ครั้งแรก) ของผู้ที่ทำทั้งแบบทดสอบก่อนและหลังอบรม',
    ),
    outcomeRow(
      `คะแนนเฉลี่ยหลังอบรม (จับคู่ ${formatCount(p.pairedCount)} คน)`,
      formatPercent(p.pairedMeanPostPercent),
      'คะแนนเฉลี่ยหลังอบรม (ครั้งที่ดีที่สุด) ของคนกลุ่มเดียวกัน จึงเทียบกับก่อนอบรมได้ตรง',
    ),
    outcomeRow(
      'คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)',
      formatPoints(p.meanGainPoints),
      'ค่าเฉลี่ยของ (คะแนนหลัง − คะแนนก่อนอบรม) ของผู้ที่ทำทั้งสองครั้ง',
    ),
    outcomeRow(
      `ความก้าวหน้าเฉลี่ยรายคน (${formatCount(p.normalizedGainCount)} คน)`,
      formatGain(p.meanNormalizedGain),
      'เฉลี่ยของ g = (หลัง − ก่อน) ÷ (100 − ก่อน) ของแต่ละคน คือสัดส่วนของส่วนที่ยังไม่รู้ที่ได้เรียนรู้ ไม่นับผู้ได้เต็มก่อนอบรม',
    ),
    outcomeRow(
      'ความก้าวหน้าของกลุ่ม (Hake’s g)',
      formatGain(p.hakeGain),
      '(เฉลี่ยหลัง − เฉลี่ยก่อน) ÷ (100 − เฉลี่ยก่อน) จากค่าเฉลี่ยแบบจับคู่ข้างต้น',
    ),
    outcomeRow(
      `คะแนนเฉลี่ยก่อนอบรม ไม่จับคู่ (${formatCount(p.preTestTaken)} คน)`,
      formatPercent(p.meanPrePercent),
      'ทุกคนที่ทำแบบทดสอบก่อนอบรม รวมผู้ที่ไม่ได้ทำหลังอบรม จึงเทียบกับเฉลี่ยหลังอบรมตรง ๆ ไม่ได้',
    ),
    outcomeRow(
      `คะแนนเฉลี่ยหลังอบรม ไม่จับคู่ (${formatCount(p.postTestTaken)} คน)`,
      formatPercent(p.meanPostPercent),
      'ทุกคนที่ทำแบบทดสอบหลังอบรม รวมผู้ที่ไม่ได้ทำก่อนอบรม จึงเทียบกับเฉลี่ยก่อนอบรมตรง ๆ ไม่ได้',
    ),
  ]);

  const itemsTable = (items: ProgramYearSurveyResults['items']) => `<table>
        <colgroup><col style="width:7%"><col style="width:57%"><col style="width:12%"><col style="width:12%"><col style="width:12%"></colgroup>
        <thead><tr><th>ข้อ</th><th>รายการประเมิน</th><th>ผู้ตอบ (คน)</th><th>ค่าเฉลี่ย (1–5)</th><th>ร้อยละตอบ 4–5</th></tr></thead>
        <tbody>
        ${items
          .map(
            (item, i) => `<tr><td class="centre">${i + 1}</td><td>${escapeHtml(item.stem)}</td><td class="number">${formatCount(item.answered)}</td>
          <td class="number">${formatMean(item.mean)}</td><td class="number">${formatPercent(item.agreePercent)}</td></tr>`,
          )
          .join('\n        ')}
        </tbody>
      </table>`;
  const yearSurvey = report.yearSurvey;
  const answeredSurveys = yearSurvey.surveys.filter((s) => s.respondents > 0);
  const pooled =
    yearSurvey.respondents === 0
      ? `<p class="muted">ยังไม่มีข้อมูล: ยังไม่มีผู้ตอบแบบประเมินในปีงบประมาณนี้</p>`
      : `<p>รวมทุกรอบอบรมของปี: แบบประเมิน ${formatCount(answeredSurveys.length)} ชุด ผู้ตอบรวม ${formatCount(yearSurvey.respondents)} คน</p>
      ${itemsTable(yearSurvey.items)}`;
  // With one survey the pooled table is that survey; with more, each session's own follows.
  const perSession =
    report.sessionSurveys.length > 1
      ? report.sessionSurveys
          .map((s) => `<h3>${escapeHtml(s.results.title)} — ${escapeHtml(s.sessionTitle)} (ผู้ตอบ ${formatCount(s.results.respondents)} คน)</h3>
      ${itemsTable(s.results.items)}`)
          .join('\n      ')
      : '';
  const surveyDefinition = `<p class="definition">ค่าเฉลี่ย: ระดับที่ตอบ 1 (น้อยที่สุด) ถึง 5 (มากที่สุด) เฉลี่ยจากผู้ที่ตอบข้อนั้น;
      ร้อยละตอบ 4–5: ผู้ที่ตอบ มาก (4) หรือ มากที่สุด (5) หารด้วยผู้ที่ตอบข้อนั้น; คำตอบที่ส่งล่าสุดของแต่ละคนนับหนึ่งครั้งต่อแบบประเมินของแต่ละรอบ
      ผลรวมทั้งปีนับคำตอบของทุกรอบรวมกัน</p>`;
  const followUp =
    yearSurvey.outcomes.length === 0
      ? ''
      : `<h3>ตัวชี้วัดผลลัพธ์จากการติดตามผล</h3>
      <table>
        <colgroup><col style="width:40%"><col style="width:14%"><col style="width:14%"><col style="width:14%"><col style="width:18%"></colgroup>
        <thead><tr><th>ผลลัพธ์ตามแผน</th><th>ผู้ตอบ (คน)</th><th>ผ่าน (คน)</th><th>ร้อยละ / เป้าหมาย</th><th>ผลการประเมิน</th></tr></thead>
        <tbody>
        ${yearSurvey.outcomes
          .map(
            (o) => `<tr><td>${escapeHtml(o.outcome)}</td><td class="number">${formatCount(o.respondents)}</td><td class="number">${formatCount(o.achieving)}</td>
          <td class="number">${formatPercent(o.percent)} / ${formatPercent(o.targetPercent)}</td>
          <td class="centre nowrap">${o.met === null ? STATUS_WORDS.no_data : o.met ? STATUS_WORDS.met : STATUS_WORDS.not_met}</td></tr>`,
          )
          .join('\n        ')}
        </tbody>
      </table>
      <p class="definition">ผู้ตอบที่ค่าเฉลี่ยของข้อคำถามที่วัดผลลัพธ์นั้นตั้งแต่ 4 (มาก) ขึ้นไป หารด้วยผู้ที่ตอบอย่างน้อยหนึ่งข้อของผลลัพธ์นั้น คูณ 100
      เทียบกับเป้าหมาย; "ยังไม่มีข้อมูล" เมื่อยังไม่มีผู้ตอบ</p>`;

  const remaining = report.budgetBaht - report.spentBaht;
  const budget = `<table>
        <colgroup><col style="width:40%"><col style="width:25%"><col style="width:35%"></colgroup>
        <thead><tr><th>รายการ</th><th>จำนวนเงิน (บาท)</th><th>คำนิยาม</th></tr></thead>
        <tbody>
        <tr><td>งบประมาณที่ตั้งไว้</td><td class="number">${formatBaht(report.budgetBaht)}</td><td class="definition">งบประมาณของโครงการในปีงบประมาณนี้ตามแผน</td></tr>
        <tr><td>ใช้จ่ายจริง</td><td class="number">${formatBaht(report.spentBaht)}</td><td class="definition">ผลรวมค่าใช้จ่ายที่บันทึกไว้ของรอบอบรมที่ไม่ยกเลิก</td></tr>
        <tr><td>คงเหลือ</td><td class="number">${formatBaht(remaining)}</td><td class="definition">งบประมาณลบใช้จ่ายจริง (ติดลบเมื่อใช้เกินงบ)</td></tr>
        <tr><td>ร้อยละของงบประมาณที่ใช้</td><td class="number">${report.budgetBaht > 0 ? formatPercent(Math.round((report.spentBaht / report.budgetBaht) * 10000) / 100) : NO_FIGURE}</td><td class="definition">ใช้จ่ายจริง ÷ งบประมาณ × 100</td></tr>
        </tbody>
      </table>`;

  const body = `    ${heading}
    <h2>๑. หลักการและเหตุผล</h2>
      ${rationale}
    <h2>๒. วัตถุประสงค์</h2>
      ${objectives}
    <h2>๓. เป้าหมาย</h2>
      ${goals}
    <h2>๔. ผลผลิต</h2>
      ${outputs}
      <h3>รอบอบรมในปีงบประมาณ</h3>
      ${sessions}
    <h2>๕. ผลลัพธ์</h2>
      ${knowledge}
      ${outcomes}
      <h3>ผลการประเมินความพึงพอใจและการติดตามผล</h3>
      ${pooled}
      ${perSession}
      ${yearSurvey.respondents > 0 ? surveyDefinition : ''}
      ${followUp}
    <h2>๖. งบประมาณ</h2>
      ${budget}
    ${signatureBlock(report.organization, report.printedOn)}
    <p class="printed-at">พิมพ์จากระบบสุจริต เมื่อ ${escapeHtml(report.printedAt)}</p>`;
  return reportPage(`${PROGRAM_REPORT_TITLE} ${program.code} ${year}`, body);
}
