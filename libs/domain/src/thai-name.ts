/**
 * A key for comparing people's names as Thai organizers write them: titles dropped, spaces and
 * Unicode forms ignored, so "นางสาว สมศรี  ใจดี" and "สมศรี ใจดี" are the same person.
 */
const TITLES = [
  'นางสาว',
  'เด็กชาย',
  'เด็กหญิง',
  'น.ส.',
  'ด.ช.',
  'ด.ญ.',
  'นาย',
  'นาง',
  'mrs.',
  'mr.',
  'ms.',
  'miss',
];

export function thaiNameKey(fullName: string): string {
  // NIKHAHIT + SARA AA is how some keyboards type SARA AM; NFC does not join them.
  let name = fullName.normalize('NFC').replace(/\u0e4d\u0e32/g, '\u0e33').trim().toLowerCase().replace(/\s+/g, ' ');
  for (const title of TITLES) {
    if (name.startsWith(title)) {
      name = name.slice(title.length).trimStart();
      break;
    }
  }
  return name.replace(/\s/g, '');
}
