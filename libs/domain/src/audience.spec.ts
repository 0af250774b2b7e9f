import { isYouthAudience } from './audience';

describe('a program for children and youth', () => {
  it('is one whose target group names them', () => {
    expect(isYouthAudience('เด็กและเยาวชนในเขตพื้นที่องค์การบริหารส่วนตำบลพร่อน')).toBe(true);
    expect(isYouthAudience('นักเรียนชั้นมัธยม')).toBe(true);
    expect(isYouthAudience('Youth of the district')).toBe(true);
  });

  it('is not one for staff, councils or citizens', () => {
    expect(isYouthAudience('บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น')).toBe(false);
    expect(isYouthAudience('ประชาชนในเขตพื้นที่องค์การบริหารส่วนตำบลพร่อน')).toBe(false);
    expect(isYouthAudience('')).toBe(false);
  });
});
