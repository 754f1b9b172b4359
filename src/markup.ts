/**
 * HTML and XML markup is not prose: a scraped article, a mail body or a wiki export carries tags
 * ("<tr>", "<font face=arial>"), comments, style sheets and scripts that say nothing about who
 * copied whom, and the same template's tags would tie unrelated texts together. A line of tags
 * also becomes a "sentence" that matches every other line of tags; in the SpamAssassin bodies
 * such lines made most of the 28 million sentence pairs that alignment scored.
 *
 * The markup is blanked, not removed: every character of it becomes a space (line breaks stay,
 * so lines stay lines; a character reference becomes its character, see NAMED), and the text
 * keeps its length, so every offset found on the visible text is an offset into the file as
 * written and evidence is quoted from the file unchanged.
 */

/**
 * Elements blanked with their content: style sheets and scripts (CSS and code, not prose), and
 * a web page's chrome around its article: navigation, sidebars, footers, forms, the title bar.
 * Two outlets' pages of one story each carry their own menus, "Related stories" and copyright
 * lines; read as text, each page had passages the other lacked, and 78 generated texts wrapped
 * in six sites' pages kept 53 of their 78 parents, with 8 false derivations (readability and
 * boilerpipe drop the same elements before extracting an article).
 */
const CONTAINERS = ['style', 'script', 'nav', 'aside', 'footer', 'form', 'noscript', 'template', 'select', 'title', 'svg', 'button'] as const;
type Container = (typeof CONTAINERS)[number];
const CONTAINER_NAMES = new Set<string>(CONTAINERS);
/**
 * Where markup may start: a comment, one of the CONTAINERS, a doctype or processing instruction,
 * a tag ("<" and a name right after it: "< 40 beats" is a comparison and "<http://...>" a link,
 * neither is markup), a character reference.
 */
const START = new RegExp(`<!--|<(?:${CONTAINERS.join('|')})\\b|<[!?]|<\\/?[A-Za-z]|${'&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});'}`, 'giu');
/**
 * Character references a page writes for punctuation and accented letters ("don&#39;t",
 * "&quot;-print0&quot;", "caf&eacute;"): read as written they were words ("quot", "39") one
 * outlet's page had and another's lacked. Each becomes its character followed by zero-width
 * spaces to its length, which normalization drops, so offsets stay those of the text as
 * written. The non-breaking space is blanked; a name not listed here is left as text.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', laquo: '\u00AB', raquo: '\u00BB', bull: '\u2022', middot: '\u00B7',
  copy: '\u00A9', reg: '\u00AE', trade: '\u2122', deg: '\u00B0', euro: '\u20AC', pound: '\u00A3', times: '\u00D7',
  aacute: '\u00E1', agrave: '\u00E0', acirc: '\u00E2', auml: '\u00E4', ccedil: '\u00E7', eacute: '\u00E9', egrave: '\u00E8',
  ecirc: '\u00EA', iacute: '\u00ED', icirc: '\u00EE', ntilde: '\u00F1', oacute: '\u00F3', ouml: '\u00F6', uacute: '\u00FA',
  uuml: '\u00FC', szlig: '\u00DF',
};
const NO_BREAK_SPACE = 0xa0;

/** The character a reference stands for, or undefined (unknown name, no character, a space). */
function referenced(reference: string): string | undefined {
  const body = reference.slice(1, -1);
  const code = body.startsWith('#x') || body.startsWith('#X') ? Number.parseInt(body.slice(2), 16) : body.startsWith('#') ? Number(body.slice(1)) : undefined;
  if (code === undefined) return NAMED[body];
  if (code === NO_BREAK_SPACE || code <= 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}
/**
 * A whole tag from its "<": a name, then attributes up to the next angle bracket, possibly across
 * lines, at most MAX_ATTRIBUTES characters of them: prose between a stray "<Word" and a later ">"
 * is not taken for a tag unless it is short.
 */
const MAX_ATTRIBUTES = 2000;
const TAG = new RegExp(`</?[A-Za-z][A-Za-z0-9:-]*(?:\\s[^<>]{0,${MAX_ATTRIBUTES}})?/?>|<[!?][^<>]{0,${MAX_ATTRIBUTES}}>`, 'uy');
const ELEMENT_END = Object.fromEntries(CONTAINERS.map((name) => [name, new RegExp(`</${name}\\s*>`, 'giu')])) as Record<Container, RegExp>;

/** The text with its markup blanked (see above); the same string when it has none. */
/** A quote of text read through withoutMarkup, without the blanks that pad its character references. */
export function visibleQuote(text: string): string {
  return text.includes('\u200B') ? text.replaceAll('\u200B', '') : text;
}

export function withoutMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  // [start, end, replacement]: without one, the markup is blanked.
  const cuts: Array<[number, number, string?]> = [];
  // Once a closing sequence is missing after some point, it is missing after every later one:
  // remembering that keeps the scan linear on hostile input (thousands of unclosed "<!--").
  const unclosed = new Set<string>();
  // Chrome elements whose end is not found: past a few, no more are looked for (hostile input).
  let chromeBudget = CHROME_UNCLOSED;
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const at = m.index;
    const opening = m[0].toLowerCase();
    let end = -1;
    if (opening === '<!--') {
      const close = unclosed.has(opening) ? -1 : text.indexOf('-->', at + 4);
      if (close === -1) unclosed.add(opening);
      else end = close + 3;
    } else if (CONTAINER_NAMES.has(opening.slice(1))) {
      const name = opening.slice(1) as Container;
      const closer = ELEMENT_END[name];
      closer.lastIndex = at;
      const close = unclosed.has(name) ? null : closer.exec(text);
      if (close) end = close.index + close[0].length;
      else unclosed.add(name);
    }
    if (opening.startsWith('&')) {
      const character = referenced(m[0]);
      const space = opening === '&nbsp;' || (opening.startsWith('&#') && character === undefined);
      if (character !== undefined) cuts.push([at, at + m[0].length, character.padEnd(m[0].length, '\u200B')]);
      else if (space) cuts.push([at, at + m[0].length]);
      continue;
    }
    if (end === -1) {
      TAG.lastIndex = at;
      if (TAG.test(text)) {
        end = TAG.lastIndex;
        if (chromeBudget > 0 && isChrome(text.slice(at, end))) {
          const close = closingOf(text, at, end);
          if (close === undefined) chromeBudget--;
          else end = close;
        }
      }
    }
    if (end > at) {
      cuts.push([at, end]);
      START.lastIndex = end;
    }
  }
  if (cuts.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end, replacement] of cuts) {
    parts.push(text.slice(from, start), replacement ?? blank(text.slice(start, end)));
    from = end;
  }
  parts.push(text.slice(from));
  return outsideArticles(text, parts.join(''));
}

/**
 * A page built of `div`s names its chrome in class and id attributes, as readability reads them:
 * a block whose names say menu, sidebar, comments, share buttons, banner or footer, and none
 * say article or story, is blanked with its content. (Pages that mark their article are cut to
 * it, see outsideArticles.) Six sites' `div` pages around a generated set: 61 of 78 parents and
 * 6 false derivations before.
 */
const CHROME_BLOCK = /^<(?:div|section|ul|ol|header|table)\b/iu;
const CHROME_NAME = /(?:^|[\s_-])(?:masthead|menu|navbar|navigation|nav|sidebar|widget|share|sharing|social|comments?|footer|banner|cookies?|promo|advert|ads|sponsor|related|newsletter|subscribe|breadcrumbs?|toolbar|popup|modal)(?=$|[\s_-])/iu;
const CONTENT_NAME = /(?:^|[\s_-])(?:article|story|content|entry|post|main|body|text)(?=$|[\s_-])/iu;
const NAMES = /\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/giu;
/** How many chrome elements may lack an end before no more are looked for. */
const CHROME_UNCLOSED = 16;

function isChrome(tag: string): boolean {
  if (!CHROME_BLOCK.test(tag)) return false;
  const names = [...tag.matchAll(NAMES)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').join(' ');
  return CHROME_NAME.test(names) && !CONTENT_NAME.test(names);
}

/**
 * An element's own opening and closing tags ("<main class=x>", "</main>"; not "<main.h>" in a
 * program listing), one pattern per name, made once: a page's every chrome block and article
 * is looked up by them.
 */
const ELEMENT_TAGS = new Map<string, RegExp>();
function tagsOf(name: string): RegExp {
  const key = name.toLowerCase();
  let tags = ELEMENT_TAGS.get(key);
  if (!tags) ELEMENT_TAGS.set(key, (tags = new RegExp(`<(/?)${key}(?:\\s[^<>]{0,${MAX_ATTRIBUTES}})?>`, 'giu')));
  return tags;
}

/** Where the element whose opening tag is text[at, from) ends, nested ones of its name counted; undefined if it does not. */
function closingOf(text: string, at: number, from: number): number | undefined {
  const tag = tagsOf(/^<([A-Za-z]+)/u.exec(text.slice(at, at + 16))?.[1] ?? '');
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    depth += m[1] === '' ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}

function blank(markup: string): string {
  return markup.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/**
 * A page that marks its article (`<article>`, or failing that `<main>`) says where its text is:
 * what lies outside is the site's chrome (its name and motto, share buttons, a cookie banner,
 * comments), blanked in `visible`, the text with its markup blanked. Two outlets' pages of one
 * story differ there and nowhere else.
 */
function outsideArticles(text: string, visible: string): string {
  for (const name of ['article', 'main']) {
    const tag = tagsOf(name);
    tag.lastIndex = 0;
    const kept: Array<[number, number]> = [];
    let depth = 0;
    let start = 0;
    for (let m = tag.exec(text); m; m = tag.exec(text)) {
      if (m[1] === '') {
        if (depth++ === 0) start = m.index;
      } else if (depth > 0 && --depth === 0) {
        kept.push([start, m.index + m[0].length]);
      }
    }
    if (depth > 0) kept.push([start, text.length]);
    if (kept.length === 0) continue;
    const parts: string[] = [];
    let from = 0;
    for (const [s, e] of kept) {
      parts.push(blank(visible.slice(from, s)), visible.slice(s, e));
      from = e;
    }
    parts.push(blank(visible.slice(from)));
    return parts.join('');
  }
  return visible;
}
