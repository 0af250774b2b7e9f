import { hasUnsafeCharacter, htmlToText, parseGift, withoutUnsafeCharacters } from '@sujarit/domain';
import { recordBench } from './support/record';

/*
 * The parsers every upload and text field goes through, on 1 MB of the shapes that made them quadratic before:
 * each must read it in well under a second (the unit tests only check they finish and answer right).
 */
const MB = 1024 * 1024;
const GOAL_MS = 1000;
const RUNS = 3;

const cases: [string, () => unknown][] = [
  ['GIFT [html] question of 1 MB of <', () => parseGift(`[html]${'<'.repeat(MB)}{=ก ~ข}`)],
  ['GIFT question with half a million options', () => parseGift(`ข้อ {=ก${' ~ข'.repeat(MB / 6)}}\n\nข้อถัดไป {T}`)],
  ['GIFT 1 MB of {', () => parseGift('{'.repeat(MB))],
  ['GIFT title that never ends', () => parseGift(`::${'ก'.repeat(MB)}`)],
  ['GIFT weight that never ends', () => parseGift(`ข้อ {~%${'1'.repeat(MB)} =ก}`)],
  ['GIFT 1 MB of backslashes', () => parseGift('\\'.repeat(MB))],
  ['HTML 1 MB of <', () => htmlToText('<'.repeat(MB))],
  ['HTML tags never closed', () => htmlToText('<div>'.repeat(MB / 5))],
  ['HTML comments never closed', () => htmlToText('<!--'.repeat(MB / 4))],
  ['HTML one tag with 1 MB of attributes', () => htmlToText(`<p ${'a='.repeat(MB / 2)}`)],
  ['HTML & and names never ended', () => htmlToText('&a'.repeat(MB / 2))],
  ['text 1 MB of lone surrogates', () => hasUnsafeCharacter('\ud800'.repeat(MB)) && withoutUnsafeCharacters('\udc00'.repeat(MB))],
];

describe('benchmark: hostile input through the parsers', () => {
  it(`reads each 1 MB hostile shape in under ${GOAL_MS} ms`, () => {
    const rows: string[] = [];
    const slow: string[] = [];
    for (const [name, run] of cases) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
      const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
      rows.push(`${name.padEnd(45)} median ${median.toFixed(1).padStart(7)} ms`);
      recordBench([{ scenario: 'hostile input', measure: `${name}, median of ${RUNS}`, value: median, unit: 'ms', goal: `≤ ${GOAL_MS}`, met: median <= GOAL_MS }]);
      if (median > GOAL_MS) slow.push(`${name} ${median.toFixed(1)} ms`);
    }
    console.log([...rows, `goal: each under ${GOAL_MS} ms`].join('\n'));
    expect(slow).toEqual([]);
  });
});
