import { qualifiesForCertificate } from './certificates';

describe('qualifiesForCertificate', () => {
  it('gives "attended" to everyone who attended, with or without a post-test', () => {
    expect(qualifiesForCertificate('attended', { attended: true, postPercent: null }, 60)).toBe(true);
    expect(qualifiesForCertificate('attended', { attended: true, postPercent: 10 }, 60)).toBe(true);
    expect(qualifiesForCertificate('attended', { attended: false, postPercent: 100 }, 60)).toBe(false);
  });

  it('asks "attended_and_passed" for a post-test at or above the pass mark', () => {
    expect(qualifiesForCertificate('attended_and_passed', { attended: true, postPercent: 60 }, 60)).toBe(true);
    expect(qualifiesForCertificate('attended_and_passed', { attended: true, postPercent: 59.99 }, 60)).toBe(false);
    expect(qualifiesForCertificate('attended_and_passed', { attended: true, postPercent: null }, 60)).toBe(false);
    expect(qualifiesForCertificate('attended_and_passed', { attended: false, postPercent: 100 }, 60)).toBe(false);
  });
});
