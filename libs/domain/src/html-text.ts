/**
 * Moodle keeps question text as HTML; the bank keeps plain text, shown as written on a phone.
 * Blocks and line breaks become line breaks, every other tag goes, character references are decoded.
 *
 * Question files are hostile input: the markup is read in one pass by htmlparser2's tokenizer, never by
 * regular expressions over tags (a 100 KB run of `<` kept those busy for 13 s).
 */
import { decodeHTMLStrict } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

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

/** Elements whose end closes a line. */
const BLOCK_END = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'ul', 'ol', 'blockquote', 'pre', 'section', 'article']);
/** Elements whose start begins a new line. */
const LINE_START = new Set(['br', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'ul', 'ol', 'blockquote', 'pre']);
/** Elements whose content is code, not text. */
const DROPPED = new Set(['script', 'style']);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let dropping = false;
  const nameAt = (start: number, end: number) => html.slice(start, end).toLowerCase();
  // The tokenizer alone, not htmlparser2's Parser: the Parser keeps a stack of open elements that costs
  // time in proportion to its depth at every tag, and a file can open 100,000 tags and never close them.
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      const name = nameAt(start, end);
      if (DROPPED.has(name)) dropping = true;
      else if (name === 'li') parts.push('\n- ');
      else if (LINE_START.has(name)) parts.push('\n');
    },
    onclosetag(start, end) {
      const name = nameAt(start, end);
      if (DROPPED.has(name)) dropping = false;
      else if (BLOCK_END.has(name)) parts.push('\n');
    },
    ontext(start, end) {
      // HTML ignores the source's own line breaks; only the markup breaks lines.
      if (!dropping) parts.push(html.slice(start, end).replace(/\r\n|\r|\n/g, ' '));
    },
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onopentagend: ignore,
    onprocessinginstruction: ignore,
    onselfclosingtag: ignore,
    ontextentity: ignore,
  };
  // References are decoded once, after the markup is gone, so that escaped markup stays text.
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  // Paragraphs are lines here: the empty lines between blocks (and `<p>&nbsp;</p>` spacers) go.
  return tidyLines(decodeEntities(parts.join('')))
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');
}

function ignore(): void {
  // Attributes, comments, declarations and the like are no part of the text.
}

/**
 * Decodes `&amp;`, `&#3585;`, `&#x0E01;` and every named reference of HTML; unknown ones stay, as do numbers
 * that are no character on their own (`&#0;`, a lone surrogate), which the bank could not store.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const isCharacter = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return isCharacter ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? decodeHTMLStrict(whole);
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
