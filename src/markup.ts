/**
 * HTML and XML markup is not prose: a scraped article, a mail body or a wiki export carries tags
 * ("<tr>", "<font face=arial>"), comments, style sheets and scripts that say nothing about who
 * copied whom, and the same template's tags would tie unrelated texts together. A line of tags
 * also becomes a "sentence" that matches every other line of tags; in the SpamAssassin bodies
 * such lines made two thirds of the 28 million sentence pairs that alignment scored.
 *
 * The markup is blanked, not removed: every character of it becomes a space (line breaks stay,
 * so lines stay lines), and the text keeps its length, so every offset found on the visible text
 * is an offset into the file as written and evidence is quoted from the file unchanged.
 */

/**
 * A tag: "<" and a name right after it ("< 40 beats" is a comparison, "<http://...>" a link,
 * neither is blanked), attributes over at most MAX_TAG characters, possibly across lines.
 * Comments, CDATA, doctype and processing instructions; style and script elements with their
 * contents (CSS and code, not prose); the non-breaking space entity.
 */
const MAX_TAG = 2000;
const MARKUP = new RegExp(
  [
    '<!--[\\s\\S]{0,100000}?-->',
    '<(style|script)\\b[^<>]{0,2000}>[\\s\\S]{0,100000}?</\\1\\s*>',
    `</?[A-Za-z][A-Za-z0-9:-]*(?:\\s[^<>]{0,${MAX_TAG}})?/?>`,
    `<[!?][^<>]{0,${MAX_TAG}}>`,
    '&nbsp;|&#160;|&#xa0;',
  ].join('|'),
  'giu',
);

/** The text with its markup blanked (see above); the same string when it has none. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text.replace(MARKUP, (m) => m.replace(/[^\r\n]/g, ' '));
}
