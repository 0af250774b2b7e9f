import { decodeEntities, htmlToText } from './html-text';

describe('htmlToText: Moodle HTML as the plain text the bank keeps', () => {
  it('turns paragraphs and <br> into lines and drops every other tag', () => {
    expect(htmlToText('<p dir="ltr" style="text-align: left;">ข้อใด<strong>ไม่ใช่</strong>หน้าที่ของ อบต.</p><p>เลือกหนึ่งข้อ<br/>ตอบ</p>')).toBe(
      'ข้อใดไม่ใช่หน้าที่ของ อบต.\nเลือกหนึ่งข้อ\nตอบ',
    );
  });

  it('ignores the line breaks and indentation of the HTML source, as a browser does', () => {
    expect(htmlToText('<p>\n   ข้อความ\n   ต่อกัน\n</p>')).toBe('ข้อความ ต่อกัน');
  });

  it('decodes character references, named, decimal and hexadecimal, Thai included', () => {
    expect(htmlToText('a &amp; b &lt;c&gt; &quot;d&quot; &#3585;&#x0E02; x&nbsp;y')).toBe('a & b <c> "d" กข x y');
  });

  it('decodes only once, so escaped markup stays text', () => {
    expect(htmlToText('&lt;p&gt; คือแท็กย่อหน้า')).toBe('<p> คือแท็กย่อหน้า');
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('keeps list items on their own lines and drops empty spacer paragraphs, images, scripts and comments', () => {
    expect(htmlToText('<p>&nbsp;</p><ul><li>หนึ่ง</li><li>สอง</li></ul><img src="@@PLUGINFILE@@/a.png"><!-- x --><script>alert(1)</script>')).toBe(
      '- หนึ่ง\n- สอง',
    );
  });

  it('leaves an unknown reference as written', () => {
    expect(decodeEntities('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});
