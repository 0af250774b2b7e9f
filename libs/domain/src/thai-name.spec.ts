import { thaiNameKey } from './thai-name';

describe('thaiNameKey', () => {
  it('ignores titles, extra spaces and the space between first and last name', () => {
    expect(thaiNameKey('นางสาว สมศรี  ใจดี')).toBe('สมศรีใจดี');
    expect(thaiNameKey('สมศรี ใจดี')).toBe('สมศรีใจดี');
    expect(thaiNameKey('น.ส.สมศรี ใจดี')).toBe('สมศรีใจดี');
    expect(thaiNameKey('ด.ญ. มะลิ ดีงาม')).toBe(thaiNameKey('เด็กหญิงมะลิ ดีงาม'));
  });

  it('treats decomposed and composed forms of the same letters alike', () => {
    // SARA AM written as one code point or as NIKHAHIT + SARA AA.
    expect(thaiNameKey('คำ ดี')).toBe(thaiNameKey('ค\u0e4d\u0e32 ดี'));
  });

  it('strips a title written without a space, as Thai forms often have it', () => {
    expect(thaiNameKey('นายสมชาย ดีมาก')).toBe(thaiNameKey('สมชาย ดีมาก'));
  });

  it('keeps names that differ apart', () => {
    expect(thaiNameKey('สมศรี ใจดี')).not.toBe(thaiNameKey('สมศรี ใจงาม'));
  });
});
