/**
 * HTML and XML markup is not prose: a scraped article, a mail body or a wiki export carries tags
 * ("<tr>", "<font face=arial>"), comments, style sheets and scripts that say nothing about who
 * copied whom, and the same template's tags would tie unrelated texts together. A line of tags
 * also becomes a "sentence" that matches every other line of tags; in the SpamAssassin bodies
 * such lines made most of the 28 million sentence pairs that alignment scored.
 *
 * The markup is blanked, not removed: every character of it becomes a space (line breaks stay,
 * so lines stay lines), and the text keeps its length, so every offset found on the visible text
 * is an offset into the file as written and evidence is quoted from the file unchanged.
 */

/**
 * Where markup may start: a comment, a style or script element (CSS and code, not prose), a
 * doctype or processing instruction, a tag ("<" and a name right after it: "< 40 beats" is a
 * comparison and "<http://...>" a link, neither is markup), the non-breaking space entity.
 */
const START = /<!--|<(?:style|script)\b|<[!?]|<\/?[A-Za-z]|&nbsp;|&#160;|&#xa0;/giu;
/**
 * A whole tag from its "<": a name, then attributes up to the next angle bracket, possibly across
 * lines, at most MAX_ATTRIBUTES characters of them: prose between a stray "<Word" and a later ">"
 * is not taken for a tag unless it is short.
 */
const MAX_ATTRIBUTES = 2000;
const TAG = new RegExp(`</?[A-Za-z][A-Za-z0-9:-]*(?:\\s[^<>]{0,${MAX_ATTRIBUTES}})?/?>|<[!?][^<>]{0,${MAX_ATTRIBUTES}}>`, 'uy');
const ELEMENT_END = { style: /<\/style\s*>/giu, script: /<\/script\s*>/giu };

/** The text with its markup blanked (see above); the same string when it has none. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  const cuts: Array<[number, number]> = [];
  // Once a closing sequence is missing after some point, it is missing after every later one:
  // remembering that keeps the scan linear on hostile input (thousands of unclosed "<!--").
  const unclosed = new Set<string>();
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const at = m.index;
    const opening = m[0].toLowerCase();
    let end = -1;
    if (opening === '<!--') {
      const close = unclosed.has(opening) ? -1 : text.indexOf('-->', at + 4);
      if (close === -1) unclosed.add(opening);
      else end = close + 3;
    } else if (opening === '<style' || opening === '<script') {
      const name = opening.slice(1) as 'style' | 'script';
      const closer = ELEMENT_END[name];
      closer.lastIndex = at;
      const close = unclosed.has(name) ? null : closer.exec(text);
      if (close) end = close.index + close[0].length;
      else unclosed.add(name);
    }
    if (end === -1 && opening.startsWith('<')) {
      TAG.lastIndex = at;
      if (TAG.test(text)) end = TAG.lastIndex;
    } else if (end === -1) {
      end = at + m[0].length;
    }
    if (end > at) {
      cuts.push([at, end]);
      START.lastIndex = end;
    }
  }
  if (cuts.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(text.slice(from, start), text.slice(start, end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length)));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
