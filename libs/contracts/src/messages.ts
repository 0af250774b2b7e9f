// zod's core (shared by zod and zod/mini): the trainee's phone, which words its errors from this file, never loads zod's
// full build.
import { config, type $ZodIssue, type $ZodRawIssue } from 'zod/v4/core';

/**
 * The schemas' own messages, by a stable key: a schema says `says('phoneFormat')`, so the issue's message is the key;
 * the API words it in Thai from this list (and sends the key as the issue's code), the web in the reader's language.
 */
export const VALIDATION_MESSAGES = {
  fullNameRequired: 'กรุณากรอกชื่อ-นามสกุล',
  personGroupInvalid: 'กลุ่มต้องเป็น เจ้าหน้าที่ ผู้บริหาร สมาชิกสภา ประชาชน หรือเด็กและเยาวชน',
  personGroupRequired: 'กรุณาเลือกกลุ่มผู้เข้าอบรม',
  ageBandRequired: 'กรุณาเลือกช่วงอายุ',
  phoneFormat: 'เบอร์โทรศัพท์ต้องเป็นตัวเลข 9–10 หลัก ขึ้นต้นด้วย 0',
  guardianRequired: 'ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม',
  guardianConsentRequired: 'ผู้ที่อายุต่ำกว่า 20 ปี กรุณากรอกชื่อผู้ปกครองที่ยินยอมให้เข้าร่วมและให้เก็บชื่อ',
  youthOnlyFields: 'โรงเรียนและช่วงอายุใช้กับกลุ่มเด็กและเยาวชนเท่านั้น',
  ageBandYouthOnly: 'ช่วงอายุใช้กับกลุ่มเด็กและเยาวชนเท่านั้น',
  speakerNameRequired: 'กรุณากรอกชื่อวิทยากร',
  sessionTitleRequired: 'กรุณากรอกชื่อรุ่น/ครั้งที่',
  venueRequired: 'กรุณากรอกสถานที่',
  endsAfterStart: 'เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม',
  programRequired: 'กรุณาเลือกโครงการ',
  personRequired: 'กรุณาเลือกผู้เข้าอบรม',
  roleInvalid: 'บทบาทต้องเป็น ผู้ดูแลระบบ ผู้จัดการอบรม หรือผู้บริหาร',
  emailInvalid: 'กรุณากรอกอีเมลให้ถูกต้อง',
  nothingToChange: 'ไม่มีข้อมูลที่จะเปลี่ยน',
  accountLinkInvalid: 'ลิงก์ไม่ถูกต้อง กรุณาคัดลอกลิงก์ให้ครบ',
  organizationNameRequired: 'กรุณากรอกชื่อหน่วยงาน',
  shortNameRequired: 'กรุณากรอกชื่อย่อ',
  provinceRequired: 'กรุณากรอกจังหวัด',
  certificateCodeInvalid: 'รหัสเกียรติบัตรไม่ถูกต้อง',
  revokeReasonRequired: 'กรุณาระบุเหตุผลที่เพิกถอน',
  instantFormat: 'วันเวลาต้องอยู่ในรูปแบบ ISO 8601',
  instantRange: 'วันเวลาต้องอยู่ในปี พ.ศ. 2500–2700',
  fiscalYearBuddhistEra: 'ปีงบประมาณต้องเป็นปี พ.ศ.',
  questionsRequired: 'เลือกคำถามอย่างน้อย 1 ข้อ',
  topicRequired: 'กรุณาเลือกหัวข้อ',
  topicsRequired: 'เลือกอย่างน้อย 1 หัวข้อ',
  assessmentTitleRequired: 'กรุณากรอกชื่อแบบทดสอบ',
  surveyTitleRequired: 'กรุณากรอกชื่อแบบสำรวจ',
  resultsVisibilityRequired: 'เลือกเวลาที่แสดงคะแนน',
  reviewVisibilityRequired: 'เลือกเวลาที่แสดงเฉลย',
  closesAfterOpens: 'เวลาปิดต้องหลังเวลาเปิด',
  optionRequired: 'ตัวเลือกต้องไม่ว่าง',
  questionTopicRequired: 'กรุณากรอกหัวข้อ',
  questionTypeInvalid: 'ชนิดคำถามต้องเป็น เลือกตอบข้อเดียว เลือกได้หลายคำตอบ ถูก/ผิด หรือมาตราส่วน 5 ระดับ',
  stemRequired: 'กรุณากรอกคำถาม',
  weightRange: 'น้ำหนักคะแนนต้องอยู่ระหว่าง -100% ถึง 100%',
  pointsRange: 'คะแนนต้องเป็นจำนวนเต็ม 1–10',
  likertHasOwnOptions: 'ข้อความแบบมาตราส่วน 5 ระดับใช้ตัวเลือก มากที่สุด–น้อยที่สุด ที่ระบบกำหนด ไม่ต้องกรอกตัวเลือก',
  optionsAtLeastTwo: 'ต้องมีตัวเลือกอย่างน้อย 2 ข้อ',
  trueFalseTwoOptions: 'คำถามถูก/ผิดมีตัวเลือก 2 ข้อ',
  trueFalseOneCorrect: 'คำถามถูก/ผิดต้องมีคำตอบที่ถูก 1 ข้อ (100%) อีกข้อ 0%',
  singleChoiceFullCredit: 'กรุณาเลือกคำตอบที่ถูก — ต้องมีตัวเลือกที่ได้คะแนนเต็ม 100%',
  multipleChoiceCorrectRequired: 'กรุณาเลือกคำตอบที่ถูกอย่างน้อย 1 ข้อ (น้ำหนักคะแนนเป็นบวก)',
  multipleChoiceWeightsSum: 'น้ำหนักคะแนนของคำตอบที่ถูก (ค่าบวก) รวมได้ {{sum}}% แต่ต้องรวมได้ 100%',
  noQuestionsToImport: 'ไม่มีคำถามที่นำเข้าได้',
  noRowsToImport: 'ไม่มีแถวที่นำเข้าได้',
  passwordRequired: 'กรุณากรอกรหัสผ่าน',
  currentPasswordRequired: 'กรุณากรอกรหัสผ่านปัจจุบัน',
  passwordTooShort: 'รหัสผ่านต้องยาวอย่างน้อย {{minimum}} ตัวอักษร',
  exportFileFormat: 'รูปแบบไฟล์ต้องเป็น xlsx หรือ csv',
  questionExportFormat: 'รูปแบบไฟล์ส่งออกต้องเป็น gift หรือ csv',
  responsibleUnitRequired: 'กรุณากรอกหน่วยงานรับผิดชอบ',
  planYearsOrder: 'ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น',
  planYearsSpan: 'แสดงแผนได้ไม่เกิน 20 ปี',
  expenseItemRequired: 'กรุณากรอกรายการค่าใช้จ่าย',
  moneyTwoDecimals: 'จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง',
  programCodeRequired: 'กรุณากรอกรหัสโครงการ',
  programCodeFormat: 'รหัสโครงการใช้ได้เฉพาะตัวอักษร ตัวเลข และ . - / _ โดยไม่เว้นวรรค เช่น 1.1.1',
  programNameRequired: 'กรุณากรอกชื่อโครงการ',
  audienceRequired: 'กรุณากรอกกลุ่มเป้าหมาย',
  ownerUnitRequired: 'กรุณากรอกหน่วยงานเจ้าของโครงการ',
  oneLineCharacters: 'มีอักขระที่ใช้ไม่ได้ (เช่น อักขระควบคุมหรือการขึ้นบรรทัดใหม่)',
  textCharacters: 'มีอักขระที่ใช้ไม่ได้ (เช่น อักขระควบคุม)',
  indicatorBasisRequired: 'กรุณาเลือกวิธีวัดตัวชี้วัด',
  certificateCriterionRequired: 'กรุณาเลือกเกณฑ์การได้รับเกียรติบัตร',
  joinCodeFormat: 'รหัสเข้าร่วมมี 6 ตัวอักษร',
  checkInCodeFormat: 'รหัสเช็กอินส่วนตัวมีตัวเลข 4 หลัก ดูได้จากรายชื่อที่โต๊ะลงทะเบียน',
} as const;
export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export const isValidationMessageKey = (text: string): text is ValidationMessageKey => Object.hasOwn(VALIDATION_MESSAGES, text);

/** The values an issue is worded with: a limit, the expected type or format, the unknown fields, a custom value. */
export type IssueParams = Record<string, string | number>;

/** The raw issue zod hands a message function, or a finished one: the same fields carry the values. */
type AnyIssue = $ZodRawIssue | $ZodIssue;

export function issueParams(issue: AnyIssue): IssueParams {
  const params: IssueParams = {};
  const put = (name: string, value: unknown) => {
    if (typeof value === 'number' || typeof value === 'string') params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  };
  switch (issue.code) {
    case 'too_big':
      put('maximum', issue.maximum);
      put('origin', issue.origin);
      break;
    case 'too_small':
      put('minimum', issue.minimum);
      put('origin', issue.origin);
      break;
    case 'invalid_type':
      put('expected', issue.expected);
      break;
    case 'invalid_format':
      put('format', issue.format);
      break;
    case 'not_multiple_of':
      put('divisor', issue.divisor);
      break;
    case 'unrecognized_keys':
      put('keys', issue.keys.join(', '));
      break;
    case 'invalid_value':
      put('values', issue.values.map(String).join(', '));
      break;
    case 'custom':
      for (const [name, value] of Object.entries(issue.params ?? {})) put(name, value);
      break;
  }
  return params;
}

/** How a schema's own message is worded: the key itself (the API words it by key), or the web's current language. */
type Wording = (key: ValidationMessageKey, params: IssueParams) => string;
let wording: Wording = (key) => key;

/** The web words the schemas' own messages in the reader's language; nothing else calls this. */
export function wordValidationMessagesWith(next: Wording): void {
  wording = next;
}

/** A schema's own message, by its key: `.min(1, says('venueRequired'))`. */
export const says = (key: ValidationMessageKey) => ({ error: (issue: $ZodRawIssue) => wording(key, issueParams(issue)) });

/** A schema's own message for a field left out only (its checks keep their own): `z.string(saysWhenMissing('…'))`. */
export const saysWhenMissing = (key: ValidationMessageKey) => ({
  error: (issue: $ZodRawIssue) => (issue.input === undefined ? wording(key, {}) : undefined),
});

/** A custom issue's message (a superRefine's), by key and with its values. */
export const saying = (key: ValidationMessageKey, params: IssueParams = {}) => wording(key, params);

/**
 * Fills `{{name}}` in a text from the values beside it: the Thai texts above follow i18next's placeholders, so the web
 * words the same values by the same names.
 */
export function fillParams(text: string, params: IssueParams = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * zod's own problems (where a schema gives no message of its own), by what the reader needs to hear: a text too long
 * says its maximum, a number too big its own. In Thai; the web holds the same keys in its other languages.
 */
export const ISSUE_TEXTS = {
  required: 'กรุณากรอกข้อมูลนี้',
  tooShort: 'ต้องยาวอย่างน้อย {{minimum}} ตัวอักษร',
  tooFewItems: 'เลือกอย่างน้อย {{minimum}} รายการ',
  tooSmall: 'ต้องไม่น้อยกว่า {{minimum}}',
  tooLong: 'ยาวได้ไม่เกิน {{maximum}} ตัวอักษร',
  tooManyItems: 'ได้ไม่เกิน {{maximum}} รายการ',
  tooBig: 'ต้องไม่เกิน {{maximum}}',
  notNumber: 'ต้องเป็นตัวเลข',
  notInteger: 'ต้องเป็นจำนวนเต็ม',
  notText: 'ต้องเป็นข้อความ',
  wrongType: 'ข้อมูลชนิดไม่ถูกต้อง',
  email: 'กรุณากรอกอีเมลให้ถูกต้อง',
  wrongFormat: 'รูปแบบไม่ถูกต้อง',
  notAnOption: 'กรุณาเลือกจากตัวเลือกที่มี',
  notMultipleOf: 'ต้องเป็นผลคูณของ {{divisor}}',
  unknownFields: 'ไม่รู้จักช่องข้อมูล: {{keys}}',
  invalid: 'ข้อมูลไม่ถูกต้อง',
} as const;
export type IssueTextKey = keyof typeof ISSUE_TEXTS;

/** Which of ISSUE_TEXTS words a zod issue, by its code and values. */
export function issueTextKey(code: string | undefined, params: IssueParams): IssueTextKey {
  const { origin, expected, format } = params;
  const many = origin === 'array' || origin === 'set';
  switch (code) {
    case 'too_small':
      if (origin === 'string') return params['minimum'] === 1 ? 'required' : 'tooShort';
      return many ? 'tooFewItems' : 'tooSmall';
    case 'too_big':
      if (origin === 'string') return 'tooLong';
      return many ? 'tooManyItems' : 'tooBig';
    case 'invalid_type':
      if (expected === 'number') return 'notNumber';
      if (expected === 'int') return 'notInteger';
      return expected === 'string' ? 'notText' : 'wrongType';
    case 'invalid_format':
      return format === 'email' ? 'email' : 'wrongFormat';
    case 'invalid_value':
      return 'notAnOption';
    case 'not_multiple_of':
      return 'notMultipleOf';
    case 'unrecognized_keys':
      return 'unknownFields';
    default:
      return 'invalid';
  }
}

/**
 * zod speaks Thai wherever a schema gives no message of its own: the API's `message` and its files' previews are
 * Thai for people and programs. The web sets its own wording over this one, in its reader's language.
 */
config({
  customError: (issue) => {
    const params = issueParams(issue);
    return fillParams(ISSUE_TEXTS[issueTextKey(issue.code, params)], params);
  },
});

/** An issue's message in Thai, for people reading the API's answers: a schema's own by its key, else zod's (Thai). */
export function thaiIssueMessage(issue: $ZodIssue): string {
  return isValidationMessageKey(issue.message) ? fillParams(VALIDATION_MESSAGES[issue.message], issueParams(issue)) : issue.message;
}
