/**
 * Moodle keeps question text as HTML; the bank keeps plain text, shown as written on a phone.
 * Blocks and line breaks become line breaks, every other tag goes, character references are decoded.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  copy: '©',
  reg: '®',
  shy: '',
  zwnj: '',
  zwj: '',
};

const BLOCK_END = /<\/(p|div|li|h[1-6]|tr|table|ul|ol|blockquote|pre|section|article)\s*>/gi;
const LINE_BREAK = /<br\s*\/?>|<\/?(p|div|h[1-6]|tr|ul|ol|blockquote|pre)(\s[^>]*)?>/gi;

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    // HTML ignores the source's own line breaks; only the markup breaks lines.
    .replace(/\s*\n\s*/g, ' ')
    .replace(BLOCK_END, '\n')
    .replace(/<li(\s[^>]*)?>/gi, '\n- ')
    .replace(LINE_BREAK, '\n')
    .replace(/<[^>]*>/g, '');
  // Paragraphs are lines here: the empty lines between blocks (and `<p>&nbsp;</p>` spacers) go.
  return tidyLines(decodeEntities(text))
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');
}

/** Decodes `&amp;`, `&#3585;`, `&#x0E01;` and the named references Moodle's editor writes; unknown ones stay. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Spaces collapsed and trimmed in every line, no blank lines at either end nor two in a row. */
export function tidyLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
