import { AttendeeScores, computeProgramIndicator, isPassed, ProgramIndicatorInput } from './indicators';

function input(attendees: AttendeeScores[], overrides: Partial<ProgramIndicatorInput> = {}): ProgramIndicatorInput {
  return {
    targetHeadcount: 65,
    sessionsRequired: 2,
    sessionsHeld: 1,
    passMarkPercent: 60,
    targetPassRatePercent: 80,
    indicatorBasis: 'pass_rate',
    attendees,
    ...overrides,
  };
}

const person = (id: string, pre: number | null, post: number | null): AttendeeScores => ({
  personId: id,
  prePercent: pre,
  postPercent: post,
});

describe('computeProgramIndicator', () => {
  it('counts an attendee without a post-test as not passed and keeps them in the denominator', () => {
    const result = computeProgramIndicator(
      input([person('a', 40, 80), person('b', 50, 60), person('c', 30, 50), person('d', 20, null)]),
    );
    expect(result.attended).toBe(4);
    expect(result.passed).toBe(2); // 80 and exactly 60 pass; 50 does not
    expect(result.notPassed).toBe(2);
    expect(result.missingPostTest).toBe(1);
    expect(result.passRatePercent).toBe(50);
    expect(result.indicatorMet).toBe(false);
  });

  it('meets the indicator at exactly the target pass rate', () => {
    const five = [person('a', 0, 100), person('b', 0, 90), person('c', 0, 70), person('d', 0, 60), person('e', 0, 10)];
    const result = computeProgramIndicator(input(five));
    expect(result.passRatePercent).toBe(80);
    expect(result.indicatorMet).toBe(true);
  });

  it('averages pre and post scores over the people who took each test', () => {
    const result = computeProgramIndicator(input([person('a', 40, 90), person('b', null, 70), person('c', 50, null)]));
    expect(result.meanPrePercent).toBe(45);
    expect(result.meanPostPercent).toBe(80);
    expect(result.preTestTaken).toBe(2);
    expect(result.postTestTaken).toBe(2);
  });

  it('can judge the indicator by the mean post-test score instead of the pass rate', () => {
    const attendees = [person('a', 0, 100), person('b', 0, 100), person('c', 0, 50)];
    expect(computeProgramIndicator(input(attendees)).indicatorMet).toBe(false); // pass rate 66.67 %
    const byMean = computeProgramIndicator(input(attendees, { indicatorBasis: 'mean_post_score' }));
    expect(byMean.meanPostPercent).toBe(83.33);
    expect(byMean.indicatorMet).toBe(true);
  });

  it('reports headcount against the target and no pass rate before anyone attends', () => {
    const result = computeProgramIndicator(input([], { targetHeadcount: 190 }));
    expect(result.headcountPercent).toBe(0);
    expect(result.passRatePercent).toBeNull();
    expect(result.indicatorMet).toBe(false);
    expect(result.indicatorStatus).toBe('no_data');
    const some = computeProgramIndicator(input([person('a', 1, 1), person('b', 1, 1)], { targetHeadcount: 60 }));
    expect(some.headcountPercent).toBe(3.33);
  });

  it('tells "nobody trained yet" apart from "not met" and "met"', () => {
    // Nobody attended: no figure to judge, under either basis.
    expect(computeProgramIndicator(input([])).indicatorStatus).toBe('no_data');
    expect(computeProgramIndicator(input([], { indicatorBasis: 'mean_post_score' })).indicatorStatus).toBe('no_data');
    // One attendee, post 50 < pass mark 60: pass rate 0 / 1 = 0 % < 80 % → not met.
    expect(computeProgramIndicator(input([person('a', 40, 50)])).indicatorStatus).toBe('not_met');
    // One attendee, post 90 ≥ 60: pass rate 1 / 1 = 100 % ≥ 80 % → met.
    expect(computeProgramIndicator(input([person('a', 40, 90)])).indicatorStatus).toBe('met');
    // Attended without a post-test, judged on the mean post score: no mean, but someone was trained → not met.
    const noPostTest = computeProgramIndicator(input([person('a', 40, null)], { indicatorBasis: 'mean_post_score' }));
    expect(noPostTest.meanPostPercent).toBeNull();
    expect(noPostTest.indicatorStatus).toBe('not_met');
  });
});

describe('isPassed', () => {
  it('passes at the mark or above; no post-test is not passed', () => {
    expect(isPassed(60, 60)).toBe(true);
    expect(isPassed(59.99, 60)).toBe(false);
    expect(isPassed(null, 60)).toBe(false);
    expect(isPassed(0, 0)).toBe(true);
  });
});
