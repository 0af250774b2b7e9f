// Default survey items (Likert 1–5, never scored): the satisfaction survey every training runs, and the
// follow-up surveys the plan names for 1.2.1 and 1.3.1, written from the plan's own outcomes.
import { SATISFACTION_SURVEY_TOPIC, type QuestionInput } from '@sujarit/contracts';

/** Asked after every training. */
const SATISFACTION_STATEMENTS = [
  'เนื้อหาการอบรมครบถ้วนและเข้าใจง่าย',
  'เนื้อหาการอบรมตรงกับความต้องการของท่าน',
  'วิทยากรมีความรู้และถ่ายทอดได้ชัดเจน',
  'วิทยากรเปิดโอกาสให้ซักถามและตอบข้อสงสัยได้ดี',
  'สถานที่จัดอบรมเหมาะสมและสะดวก',
  'ระยะเวลาและช่วงเวลาการอบรมเหมาะสม',
  'ท่านสามารถนำความรู้ที่ได้รับไปใช้ประโยชน์ได้',
  'ความพึงพอใจต่อการอบรมครั้งนี้ในภาพรวม',
];

/**
 * Asked some time after the training, against the outcomes the plan sets for it (its detail pages' ผลลัพธ์, each
 * "ไม่น้อยกว่าร้อยละ ๘๐ (สำรวจโดยใช้แบบประเมินติดตามผล)"): each statement carries the outcome it measures, so the
 * program-year's survey results show the outcome's share against 80 %. 1.3.1, for the youth themselves, three
 * statements on each of its three outcomes.
 */
const FOLLOW_UP_SURVEYS: Record<string, { topic: string; outcomes: { outcome: string; statements: string[] }[] }> = {
  '1.2.1': {
    topic: 'ติดตามผล: การนำหลักปรัชญาของเศรษฐกิจพอเพียงไปใช้',
    outcomes: [
      {
        outcome: 'ประชาชนนำหลักปรัชญาเศรษฐกิจพอเพียงไปปรับใช้ในชีวิตประจำวันได้',
        statements: [
          'ท่านทำบัญชีรายรับ–รายจ่ายของครัวเรือนอย่างสม่ำเสมอ',
          'ท่านใช้จ่ายอย่างพอประมาณ ตามความจำเป็นและกำลังของตนเอง',
          'ท่านคิดถึงเหตุและผลก่อนตัดสินใจใช้จ่ายหรือลงทุน',
          'ท่านมีเงินออม หรือเตรียมพร้อมรับเหตุไม่คาดฝันของครอบครัว',
          'ท่านปลูกผัก เลี้ยงสัตว์ หรือทำของใช้เอง เพื่อลดรายจ่ายในครัวเรือน',
          'ท่านแบ่งปันความรู้หรือรวมกลุ่มกับเพื่อนบ้านเพื่อพึ่งพาตนเองในชุมชน',
          'โดยรวม ท่านนำหลักปรัชญาของเศรษฐกิจพอเพียงไปปรับใช้ในชีวิตประจำวันได้',
        ],
      },
    ],
  },
  '1.3.1': {
    topic: 'ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน',
    outcomes: [
      {
        outcome: 'เด็กและเยาวชนเป็นคนดีมีคุณธรรม จริยธรรม มีความซื่อสัตย์ สุจริต',
        statements: ['ฉันพูดความจริงเสมอ แม้ว่าตัวเองจะทำผิด', 'ฉันคืนของที่เก็บได้ให้เจ้าของหรือส่งให้คุณครู', 'ฉันไม่ลอกการบ้านหรือข้อสอบของเพื่อน'],
      },
      {
        outcome: 'เด็กและเยาวชนมีภูมิคุ้มกันทางสังคม ไม่ยอมรับพฤติกรรมทุจริตคอร์รัปชันและการโกงทุกรูปแบบ',
        statements: [
          'ฉันปฏิเสธเมื่อเพื่อนชวนให้โกงหรือทำสิ่งที่ไม่ถูกต้อง',
          'ฉันไม่ยอมรับการโกง แม้จะเป็นเรื่องเล็กน้อย',
          'เมื่อเห็นการโกง ฉันกล้าบอกคุณครูหรือผู้ใหญ่ที่ไว้ใจ',
        ],
      },
      {
        outcome: 'เด็กและเยาวชนมีจิตสาธารณะ และพร้อมที่จะเสียสละประโยชน์ส่วนตน เพื่อรักษาประโยชน์ส่วนรวม',
        statements: [
          'ฉันช่วยดูแลของใช้ส่วนรวมของโรงเรียนและชุมชน',
          'ฉันเต็มใจสละเวลาของตัวเองมาช่วยงานส่วนรวม',
          'ฉันนึกถึงประโยชน์ของส่วนรวมก่อนประโยชน์ของตัวเอง',
        ],
      },
    ],
  },
};

/** The program's Likert items: the satisfaction survey, then its follow-up survey if the plan names one. */
export function surveyItems(programCode: string): QuestionInput[] {
  const likert =
    (topic: string, followUpOutcome: string | null = null) =>
    (stem: string): QuestionInput => ({ topic, type: 'likert', stem, options: [], explanation: '', followUpOutcome });
  const followUp = FOLLOW_UP_SURVEYS[programCode];
  return [
    ...SATISFACTION_STATEMENTS.map(likert(SATISFACTION_SURVEY_TOPIC)),
    ...(followUp?.outcomes.flatMap((o) => o.statements.map(likert(followUp.topic, o.outcome))) ?? []),
  ];
}
