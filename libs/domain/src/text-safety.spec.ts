import { hasUnsafeCharacter, withoutUnsafeCharacters } from './text-safety';

describe('hasUnsafeCharacter: text no field can hold', () => {
  it('finds NUL and a surrogate without its pair, at either end or inside', () => {
    for (const text of ['x\u0000y', '\u0000', 'ก\ud800', '\udc00ข', 'a\ud800b', '\ud83d']) expect(hasUnsafeCharacter(text)).toBe(true);
  });

  it('finds the controls that re-order text for display, which disguise names and file names', () => {
    for (const text of ['รุ่น1\u202efdp.exe', '\u202aก', '\u202b', '\u202c', '\u202d', 'x\u2066y', '\u2067', '\u2068', '\u2069']) {
      expect(hasUnsafeCharacter(text)).toBe(true);
    }
  });

  it('passes Thai, emoji (a whole surrogate pair), tabs, line breaks and other control characters', () => {
    // Zero-width spaces and joiners, and the left-to-right and right-to-left marks, are harmless and do occur.
    for (const text of ['สมศรี ใจดี', 'ดีมาก 👍', 'a\tb\r\nc', '\u0001\u001f', '', 'สม\u200bศรี', '👨\u200d👩', 'a\u200eb\u200fc']) expect(hasUnsafeCharacter(text)).toBe(false);
  });

  it('shows the unsafe characters of a text as �, keeping the rest', () => {
    expect(withoutUnsafeCharacters('ก\u0000ข\ud800ค👍')).toBe('ก\ufffdข\ufffdค👍');
  });

  // A quadratic pass takes minutes on 1 MB, so the case's own timeout fails it (the goal is timed in the benchmark).
  it('reads 1 MB of lone surrogates to its end', () => {
    expect(hasUnsafeCharacter(`${'\ud800'.repeat(1024 * 1024)}`)).toBe(true);
    expect(hasUnsafeCharacter('ก'.repeat(1024 * 1024))).toBe(false);
    expect(withoutUnsafeCharacters('\udc00'.repeat(1024 * 1024))).toHaveLength(1024 * 1024);
  }, 5000);
});
