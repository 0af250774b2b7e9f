import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plan template's follow-up statements as they were written when this migration was (1.2.1, 1.3.1). */
const TEMPLATE_OUTCOMES: { topic: string; outcome: string; stems: string[] }[] = [
  {
    topic: 'ติดตามผล: การนำหลักปรัชญาของเศรษฐกิจพอเพียงไปใช้',
    outcome: 'ประชาชนนำหลักปรัชญาเศรษฐกิจพอเพียงไปปรับใช้ในชีวิตประจำวันได้',
    stems: [
      'ท่านทำบัญชีรายรับ–รายจ่ายของครัวเรือนอย่างสม่ำเสมอ',
      'ท่านใช้จ่ายอย่างพอประมาณ ตามความจำเป็นและกำลังของตนเอง',
      'ท่านคิดถึงเหตุและผลก่อนตัดสินใจใช้จ่ายหรือลงทุน',
      'ท่านมีเงินออม หรือเตรียมพร้อมรับเหตุไม่คาดฝันของครอบครัว',
      'ท่านปลูกผัก เลี้ยงสัตว์ หรือทำของใช้เอง เพื่อลดรายจ่ายในครัวเรือน',
      'ท่านแบ่งปันความรู้หรือรวมกลุ่มกับเพื่อนบ้านเพื่อพึ่งพาตนเองในชุมชน',
      'โดยรวม ท่านนำหลักปรัชญาของเศรษฐกิจพอเพียงไปปรับใช้ในชีวิตประจำวันได้',
    ],
  },
  {
    topic: 'ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน',
    outcome: 'เด็กและเยาวชนเป็นคนดีมีคุณธรรม จริยธรรม มีความซื่อสัตย์ สุจริต',
    stems: [
      'ฉันพูดความจริงเสมอ แม้ว่าตัวเองจะทำผิด',
      'ฉันคืนของที่เก็บได้ให้เจ้าของหรือส่งให้คุณครู',
      'ฉันไม่ลอกการบ้านหรือข้อสอบของเพื่อน',
    ],
  },
  {
    topic: 'ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน',
    outcome: 'เด็กและเยาวชนมีภูมิคุ้มกันทางสังคม ไม่ยอมรับพฤติกรรมทุจริตคอร์รัปชันและการโกงทุกรูปแบบ',
    stems: [
      'ฉันปฏิเสธเมื่อเพื่อนชวนให้โกงหรือทำสิ่งที่ไม่ถูกต้อง',
      'ฉันไม่ยอมรับการโกง แม้จะเป็นเรื่องเล็กน้อย',
      'เมื่อเห็นการโกง ฉันกล้าบอกคุณครูหรือผู้ใหญ่ที่ไว้ใจ',
    ],
  },
  {
    topic: 'ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน',
    outcome: 'เด็กและเยาวชนมีจิตสาธารณะ และพร้อมที่จะเสียสละประโยชน์ส่วนตน เพื่อรักษาประโยชน์ส่วนรวม',
    stems: [
      'ฉันช่วยดูแลของใช้ส่วนรวมของโรงเรียนและชุมชน',
      'ฉันเต็มใจสละเวลาของตัวเองมาช่วยงานส่วนรวม',
      'ฉันนึกถึงประโยชน์ของส่วนรวมก่อนประโยชน์ของตัวเอง',
    ],
  },
];

/**
 * A Likert item may name the follow-up outcome it measures (the plan's 1.2.1 "applies sufficiency economy", 1.3.1's
 * three youth outcomes), so a program-year's survey results can show each outcome against its target. The plan
 * template's follow-up statements already in a bank (organizations made from it before) get their outcome.
 */
export class QuestionFollowUpOutcome1764265000000 implements MigrationInterface {
  name = 'QuestionFollowUpOutcome1764265000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" ADD "follow_up_outcome" text`);
    await queryRunner.query(
      `ALTER TABLE "questions" ADD CONSTRAINT "CHK_questions_follow_up_outcome" CHECK ("follow_up_outcome" IS NULL OR "type" = 'likert')`,
    );
    for (const { topic, outcome, stems } of TEMPLATE_OUTCOMES) {
      await queryRunner.query(
        `UPDATE "questions" SET "follow_up_outcome" = $1 WHERE "type" = 'likert' AND "topic" = $2 AND "stem" = ANY($3::text[])`,
        [outcome, topic, stems],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "CHK_questions_follow_up_outcome"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP COLUMN "follow_up_outcome"`);
  }
}
