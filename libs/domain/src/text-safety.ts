/**
 * Text that no field can hold, whatever it is: NUL, which PostgreSQL refuses in text; half of a UTF-16
 * surrogate pair, which is no character at all; and the invisible controls that re-order text for display
 * (U+202A–U+202E, U+2066–U+2069), with which a name or a file name shows other than it is ("รุ่น1\u202Efdp.exe"
 * shows as รุ่น1exe.pdf). Request input and uploaded files are checked before anything reaches the database,
 * so such text is a bad request, never a crash nor a disguise.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\u202a-\u202e\u2066-\u2069]/;

/** Why a text was refused, in Thai, for a person to act on. */
export const UNSAFE_CHARACTER_REASON =
  'มีอักขระที่ใช้ไม่ได้ (อักขระว่าง NUL อักขระที่เข้ารหัสไม่ครบ หรืออักขระควบคุมทิศทางข้อความ) — ลบอักขระนั้นออกแล้วลองใหม่';

export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/** The text with every unsafe character shown as �, for echoing a file's own words back in a reason. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(new RegExp(UNSAFE_CHARACTER.source, 'g'), '\ufffd');
}
