import { DEFAULT_PASS_MARK_PERCENT, DEFAULT_TARGET_PASS_RATE_PERCENT } from '@sujarit/contracts';
import type { ProgramTemplate, TemplateProgram, TemplateProgramYear } from '../program-template';
import { defaultQuestionBank } from './question-bank';

/**
 * อบต.พร่อน's anti-corruption plan 2566–2570, part 2 and detail pages 1–5: its four trainings with their
 * yearly targets, a Thai question bank each and the satisfaction survey. The demo organization starts from it.
 */
export const PLAN_TEMPLATE_ID = 'pron-integrity-plan-2566-2570';

export const PLAN_FISCAL_YEARS = [2566, 2567, 2568, 2569, 2570];

interface PlanTraining {
  code: string;
  name: string;
  audience: string;
  ownerUnit: string;
  /** The objectives of its detail page, as the plan words them. */
  description: string;
  targetHeadcount: number;
  sessionsRequired: number;
  budgetBaht: number;
}

const PLAN_TRAININGS: PlanTraining[] = [
  {
    code: '1.1.1',
    name: 'โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน สำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
    audience: 'บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น',
    ownerUnit: 'สำนักปลัด',
    description: [
      'วัตถุประสงค์',
      '๑) เพื่อให้บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น ได้เพิ่มพูนความรู้ความเข้าใจเกี่ยวกับระเบียบกฎหมาย ที่เกี่ยวข้องในการบริหารงานองค์กรปกครองส่วนท้องถิ่น',
      '๒) เพื่อพัฒนาศักยภาพบุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น ให้มีความพร้อมในองค์ความรู้เกี่ยวกับกฎหมาย และระเบียบที่เกี่ยวข้อง เป็นแนวทางการปฏิบัติหน้าที่และบริหารราชการ',
      '๓) เพื่อให้องค์กรปกครองส่วนท้องถิ่นบริหารงานโดยยึดอำนาจหน้าที่ตามกฎหมาย ระเบียบ ข้อบังคับในการปฏิบัติงานอย่างเคร่งครัดด้วยความชอบธรรม คำนึงถึงสิทธิเสรีภาพของประชาชน และผู้มีส่วนได้ส่วนเสีย',
    ].join('\n'),
    targetHeadcount: 65,
    sessionsRequired: 2,
    budgetBaht: 250000,
  },
  {
    code: '1.1.2',
    name: 'มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมขององค์การบริหารส่วนตำบลพร่อน',
    audience: 'คณะผู้บริหาร สมาชิกสภา พนักงาน ลูกจ้างประจำ และพนักงานจ้าง',
    ownerUnit: 'สำนักปลัด',
    description: [
      'วัตถุประสงค์',
      '๑) เพื่อเป็นเครื่องมือกำกับความประพฤติของข้าราชการให้มีความโปร่งใส มีมาตรฐานในการปฏิบัติงานที่ชัดเจนและเป็นสากล',
      '๒) เพื่อยึดถือเป็นหลักการและแนวทางการปฏิบัติงานอย่างสม่ำเสมอ ทั้งในระดับองค์กร ระดับบุคคล และเป็นเครื่องมือการตรวจสอบการทำงานด้านต่างๆ ขององค์การบริหารส่วนตำบลพร่อน เพื่อให้การดำเนินงานเป็นไปตามหลักคุณธรรม จริยธรรม มีประสิทธิภาพและประสิทธิผล',
      '๓) เพื่อทำให้เกิดรูปแบบองค์กรอันเป็นที่ยอมรับ เพิ่มความน่าเชื่อถือ เกิดความมั่นใจแก่ผู้รับบริการ และประชาชนทั่วไป ตลอดจนผู้มีส่วนได้เสีย',
      '๔) เพื่อให้เกิดพันธะผูกพันระหว่างองค์กรและข้าราชการในทุกระดับ โดยให้ฝ่ายบริหารใช้อำนาจในขอบเขต สร้างระบบความรับผิดชอบของข้าราชการต่อตนเอง ต่อองค์กร ต่อผู้บังคับบัญชาต่อประชาชนและต่อสังคม ตามลำดับ',
      '๕) เพื่อป้องกันการแสวงหาประโยชน์โดยมิชอบและความขัดแย้งทางผลประโยชน์ที่อาจเกิดขึ้น รวมทั้งเสริมสร้างความโปร่งใสในการปฏิบัติงาน',
    ].join('\n'),
    targetHeadcount: 65,
    sessionsRequired: 1,
    // The summary table says "ไม่ใช้งบประมาณ", the detail page 250,000 baht; the detail page is taken, editable.
    budgetBaht: 250000,
  },
  {
    code: '1.2.1',
    name: 'โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง',
    audience: 'ประชาชนในเขตพื้นที่องค์การบริหารส่วนตำบลพร่อน',
    ownerUnit: 'สำนักปลัด',
    description: [
      'วัตถุประสงค์',
      '๑) เพื่อเสริมสร้างความรู้ความเข้าใจหลักปรัชญาเศรษฐกิจพอเพียงให้แก่ประชาชน',
      '๒) เพื่อเสริมสร้างความตระหนักถึงภัยร้ายแรงของการทุจริตให้แก่ประชาชน',
      '๓) เพื่อส่งเสริมให้ประชาชนนำหลักปรัชญาของเศรษฐกิจพอเพียงมาในชีวิตประจำวัน',
    ].join('\n'),
    targetHeadcount: 60,
    sessionsRequired: 1,
    budgetBaht: 100000,
  },
  {
    code: '1.3.1',
    name: 'โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชนขององค์การบริหารส่วนตำบลพร่อน',
    audience: 'เด็กและเยาวชนในเขตพื้นที่องค์การบริหารส่วนตำบลพร่อน',
    ownerUnit: 'กองการศึกษา ศาสนาและวัฒนธรรม',
    description: [
      'วัตถุประสงค์',
      '๑) เพื่อส่งเสริมและปลูกฝังให้เด็กและเยาวชนเป็นคนดีมีคุณธรรม จริยธรรม มีความซื่อสัตย์ สุจริต',
      '๒) เพื่อส่งเสริมให้เด็กและเยาวชนมีจิตสาธารณะ และพร้อมที่จะเสียสละประโยชน์ส่วนตน เพื่อรักษาประโยชน์ส่วนรวม',
      '๓) เพื่อสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชน ไม่ยอมรับพฤติกรรมทุจริตคอร์รัปชันและการโกงทุกรูปแบบ',
    ].join('\n'),
    targetHeadcount: 190,
    sessionsRequired: 1,
    budgetBaht: 20000,
  },
];

/** The plan sets the same target every year and the knowledge indicator at 80 % of trainees. */
function planYears(training: PlanTraining): TemplateProgramYear[] {
  return PLAN_FISCAL_YEARS.map((fiscalYear) => ({
    fiscalYear,
    targetHeadcount: training.targetHeadcount,
    sessionsRequired: training.sessionsRequired,
    budgetBaht: training.budgetBaht,
    passMarkPercent: DEFAULT_PASS_MARK_PERCENT,
    targetPassRatePercent: DEFAULT_TARGET_PASS_RATE_PERCENT,
    indicatorBasis: 'pass_rate',
  }));
}

export const PLAN_TEMPLATE: ProgramTemplate = {
  id: PLAN_TEMPLATE_ID,
  name: 'แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2566–2570: การอบรม 4 โครงการ',
  description:
    'เพิ่มโครงการอบรม 4 โครงการจากแผนปฏิบัติการป้องกันการทุจริตของ อบต.พร่อน (กฎหมายและระเบียบ ประมวลจริยธรรม ' +
    'เศรษฐกิจพอเพียง และภูมิคุ้มกันทางสังคมสำหรับเด็กและเยาวชน) พร้อมเป้าหมาย งบประมาณ และเกณฑ์ตัวชี้วัดรายปี 2566–2570 ' +
    'คลังข้อสอบภาษาไทยของแต่ละโครงการ และแบบประเมินความพึงพอใจ ทุกอย่างแก้ไขได้ภายหลัง (ชื่อโครงการบางส่วนมีชื่อ อบต.พร่อน)',
  programs: PLAN_TRAININGS.map(
    (training): TemplateProgram => ({
      code: training.code,
      name: training.name,
      audience: training.audience,
      ownerUnit: training.ownerUnit,
      description: training.description,
      years: planYears(training),
      questions: defaultQuestionBank(training.code),
    }),
  ),
};
