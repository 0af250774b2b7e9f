import type { Role } from '@sujarit/contracts';

/**
 * The default data of a new deployment: อบต.พร่อน's anti-corruption plan 2566–2570, part 2 and
 * detail pages 1–5. All of it is data an organizer can edit later, not code.
 */
export const DEMO_ORGANIZATION_NAME = 'องค์การบริหารส่วนตำบลพร่อน';

/** The demo's profile, from the plan's cover and its announcement (signed by the executive named there). */
export const DEMO_ORGANIZATION_PROFILE = {
  shortName: 'อบต.พร่อน',
  province: 'นราธิวาส',
  address: 'ตำบลพร่อน อำเภอตากใบ จังหวัดนราธิวาส',
  signatoryName: 'นายกาทหลง แดงสุวรรณ',
  signatoryPosition: 'นายกองค์การบริหารส่วนตำบลพร่อน',
};
export const PLAN_FISCAL_YEARS = [2566, 2567, 2568, 2569, 2570];

export interface SeedProgram {
  code: string;
  name: string;
  audience: string;
  ownerUnit: string;
  targetHeadcount: number;
  sessionsRequired: number;
  budgetBaht: number;
}

export const PLAN_PROGRAMS: SeedProgram[] = [
  {
    code: '1.1.1',
    name: 'โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน สำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
    audience: 'บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น',
    ownerUnit: 'สำนักปลัด',
    targetHeadcount: 65,
    sessionsRequired: 2,
    budgetBaht: 250000,
  },
  {
    code: '1.1.2',
    name: 'มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมขององค์การบริหารส่วนตำบลพร่อน',
    audience: 'คณะผู้บริหาร สมาชิกสภา พนักงาน ลูกจ้างประจำ และพนักงานจ้าง',
    ownerUnit: 'สำนักปลัด',
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
    targetHeadcount: 60,
    sessionsRequired: 1,
    budgetBaht: 100000,
  },
  {
    code: '1.3.1',
    name: 'โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชนขององค์การบริหารส่วนตำบลพร่อน',
    audience: 'เด็กและเยาวชนในเขตพื้นที่องค์การบริหารส่วนตำบลพร่อน',
    ownerUnit: 'กองการศึกษา ศาสนาและวัฒนธรรม',
    targetHeadcount: 190,
    sessionsRequired: 1,
    budgetBaht: 20000,
  },
];

export const DEFAULT_INDICATOR_SETTINGS = { passMarkPercent: 60, targetPassRatePercent: 80, indicatorBasis: 'pass_rate' } as const;

/** Demo accounts, one per role. Printed at start and in the README; change them before real use. */
export const DEMO_USERS: { email: string; password: string; displayName: string; role: Role }[] = [
  { email: 'admin@pron.example', password: 'demo-admin-2569', displayName: 'บัญชีสาธิต', role: 'admin' },
  { email: 'organizer@pron.example', password: 'demo-organizer-2569', displayName: 'บัญชีสาธิต', role: 'organizer' },
  { email: 'manager@pron.example', password: 'demo-manager-2569', displayName: 'บัญชีสาธิต', role: 'manager' },
];
