import type { IndicatorStatus } from '@sujarit/domain';
import { escapeHtml } from '../pdf/html';
import { formatBaht, formatCount, formatPercent, reportHeading, reportPage, ReportOrganization, signatureBlock } from './report-format';

/** One program in one fiscal year of the plan; null figures where the year has no settings. */
export interface PlanReportYear {
  fiscalYear: number;
  configured: boolean;
  attended: number;
  targetHeadcount: number;
  sessionsHeld: number;
  sessionsRequired: number;
  /** The figure the indicator judges (pass rate, or mean post-test score under that basis); null while nobody attended. */
  indicatorPercent: number | null;
  indicatorBasis: 'pass_rate' | 'mean_post_score';
  targetPassRatePercent: number;
  indicatorStatus: IndicatorStatus;
  budgetBaht: number;
  spentBaht: number;
}

export interface PlanReport {
  organization: ReportOrganization;
  fromFiscalYear: number;
  toFiscalYear: number;
  programs: { code: string; name: string; years: PlanReportYear[] }[];
  printedOn: string;
  printedAt: string;
}

export const PLAN_REPORT_TITLE = 'รายงานผลการดำเนินงานตามแผน: โครงการอบรม';

const STATUS_WORDS: Record<IndicatorStatus, string> = { met: 'ผ่านเกณฑ์', not_met: 'ไม่ผ่านเกณฑ์', no_data: 'ยังไม่มีข้อมูล' };

/** The whole plan: a table per program, one row per fiscal year, with the definitions once under the tables. */
export function renderPlanReportHtml(report: PlanReport): string {
  const years = `ปีงบประมาณ พ.ศ. ${report.fromFiscalYear}–${report.toFiscalYear}`;
  const heading = reportHeading(report.organization, [PLAN_REPORT_TITLE, years]);
  const tables = report.programs.map((program) => {
    const rows = program.years.map((y) => {
      if (!y.configured) {
        return `<tr><td class="centre">${y.fiscalYear}</td><td colspan="5" class="muted">ไม่ได้ตั้งเป้าหมายของปีนี้ ${y.attended > 0 ? `(ผู้เข้าอบรม ${formatCount(y.attended)} คน)` : ''}</td></tr>`;
      }
      const mark = y.indicatorBasis === 'mean_post_score' ? ' (คะแนนเฉลี่ย)' : '';
      return `<tr>
          <td class="centre">${y.fiscalYear}</td>
          <td class="number">${formatCount(y.attended)} / ${formatCount(y.targetHeadcount)}</td>
          <td class="number">${formatCount(y.sessionsHeld)} / ${formatCount(y.sessionsRequired)}</td>
          <td class="number">${formatPercent(y.indicatorPercent)} / ${formatPercent(y.targetPassRatePercent)}${mark}</td>
          <td class="centre nowrap">${STATUS_WORDS[y.indicatorStatus]}</td>
          <td class="number">${formatBaht(y.spentBaht)} / ${formatBaht(y.budgetBaht)}</td>
        </tr>`;
    });
    return `<h2>${escapeHtml(program.code)} ${escapeHtml(program.name)}</h2>
      <table>
        <colgroup><col style="width:11%"><col style="width:16%"><col style="width:13%"><col style="width:20%"><col style="width:17%"><col style="width:23%"></colgroup>
        <thead><tr><th>ปีงบประมาณ</th><th>ผู้เข้าอบรม / เป้าหมาย (คน)</th><th>ครั้งที่จัด / เป้าหมาย</th><th>ร้อยละผู้ผ่านเกณฑ์ / เป้าหมาย</th><th>ตัวชี้วัด</th><th>ใช้จ่ายจริง / งบประมาณ (บาท)</th></tr></thead>
        <tbody>
        ${rows.join('\n        ')}
        </tbody>
      </table>`;
  });
  const definitions = `<h2>คำนิยาม</h2>
      <ul class="definition">
        <li>ผู้เข้าอบรม: คนที่เช็กอินเข้าอบรมในปีงบประมาณนั้น นับคนละครั้งแม้เข้าหลายรอบ เทียบกับเป้าหมายของแผน</li>
        <li>ครั้งที่จัด: รอบอบรมที่ไม่ยกเลิกและมีผู้เช็กอินแล้วอย่างน้อย 1 คน เทียบกับจำนวนครั้งที่แผนกำหนด</li>
        <li>ร้อยละผู้ผ่านเกณฑ์: ผู้ที่ได้คะแนนหลังอบรม (ครั้งที่ดีที่สุด) ไม่ต่ำกว่าเกณฑ์ผ่านของปีนั้น หารด้วยผู้เข้าอบรมทั้งหมด คูณ 100 ผู้ที่ไม่ได้ทำแบบทดสอบหลังอบรมนับเป็นไม่ผ่าน; "(คะแนนเฉลี่ย)" คือโครงการที่ใช้คะแนนเฉลี่ยหลังอบรมเป็นตัวชี้วัดแทน</li>
        <li>ตัวชี้วัด: ผ่านเกณฑ์ เมื่อร้อยละถึงเป้าหมาย; ยังไม่มีข้อมูล เมื่อยังไม่มีผู้เข้าอบรมในปีนั้น (ไม่ใช่ไม่ผ่าน)</li>
        <li>ใช้จ่ายจริง: ผลรวมค่าใช้จ่ายที่บันทึกไว้ของรอบอบรมที่ไม่ยกเลิกในปีนั้น เทียบกับงบประมาณของโครงการในปีนั้น</li>
      </ul>`;
  const body = `    ${heading}
    ${report.programs.length === 0 ? '<p class="muted">ยังไม่มีโครงการในแผน</p>' : tables.join('\n    ')}
    ${definitions}
    ${signatureBlock(report.organization, report.printedOn)}
    <p class="printed-at">พิมพ์จากระบบสุจริต เมื่อ ${escapeHtml(report.printedAt)}</p>`;
  return reportPage(`${PLAN_REPORT_TITLE} ${years}`, body, `h2 { font-size: 13.5pt; } table { font-size: 11.5pt; }`);
}
