import { moodleXmlQuestions } from '@sujarit/api/questions/question-files';
import { DomainError } from '@sujarit/api/common/domain.error';

/** Reading the XML itself (the domain's own tests cover what the bank makes of each question). */
describe('moodleXmlQuestions: the <question> elements of a Moodle XML file', () => {
  const quiz = (...questions: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join('\n')}\n</quiz>`;

  it('reads text from CDATA as written and decodes entities outside it, numeric ones included', () => {
    const [q] = moodleXmlQuestions(
      quiz(`<question type="multichoice">
        <name><text>ข้อ &#3585; &amp; &#x0E02;</text></name>
        <questiontext format="html"><text><![CDATA[<p>ผู้ใด &amp; <b>มาตรา 9</b></p>]]></text></questiontext>
        <generalfeedback format="html"><text>&lt;p&gt;บุคคลทั่วไป&lt;/p&gt;</text></generalfeedback>
        <defaultgrade>2.0000000</defaultgrade>
        <single>true</single>
        <answer fraction="100" format="html"><text>ถูก</text><feedback format="html"><text>ใช่</text></feedback></answer>
        <answer fraction="-33.33333" format="plain_text"><text>ผิด</text></answer>
      </question>`),
    );
    expect(q).toEqual({
      type: 'multichoice',
      name: 'ข้อ ก & ข',
      questionText: { text: '<p>ผู้ใด &amp; <b>มาตรา 9</b></p>', format: 'html' },
      generalFeedback: { text: '<p>บุคคลทั่วไป</p>', format: 'html' },
      defaultGrade: '2.0000000',
      single: 'true',
      answers: [
        { fraction: '100', text: { text: 'ถูก', format: 'html' }, feedback: { text: 'ใช่', format: 'html' } },
        { fraction: '-33.33333', text: { text: 'ผิด', format: 'plain_text' }, feedback: null },
      ],
      category: null,
    });
  });

  it('reads categories, keeps file order, and leaves out what a question does not have', () => {
    const questions = moodleXmlQuestions(
      quiz(
        '<question type="category"><category><text>$course$/top/หมวด</text></category><info format="moodle_auto_format"><text></text></info></question>',
        '<question type="essay"><name><text>เรียงความ</text></name><questiontext format="html"><text>อธิบาย</text></questiontext></question>',
      ),
    );
    expect(questions.map((q) => [q.type, q.category, q.name, q.answers.length, q.defaultGrade])).toEqual([
      ['category', '$course$/top/หมวด', null, 0, null],
      ['essay', null, 'เรียงความ', 0, null],
    ]);
  });

  it.each([
    ['broken XML, with the line', '<quiz>\n<question type="multichoice">\n</quiz>', 'ไฟล์ XML ไม่สมบูรณ์ (บรรทัดที่ 3)'],
    ['XML that is not a Moodle quiz', '<questions><question/></questions>', 'ไม่ใช่ไฟล์ Moodle XML'],
    ['a quiz without questions', '<quiz></quiz>', 'ไฟล์ไม่มีคำถาม'],
    ['a GIFT file sent as XML', 'ข้อ {=ก ~ข}', 'ไม่ใช่ไฟล์ Moodle XML'],
  ])('refuses %s with IMPORT_FILE_INVALID and a Thai message', (_name, text, message) => {
    let error: unknown;
    try {
      moodleXmlQuestions(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: expect.stringContaining(message) });
  });
});
