import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { withoutMarkup } from '../src/markup.js';
import { prepareDocument } from '../src/document.js';
import { normalize } from '../src/normalize.js';
import { HARBOUR, readFixture } from './helpers.js';

describe('withoutMarkup', () => {
  it('blanks tags, comments, style and script and keeps every offset', () => {
    const html = '<p class="lead">Talks <b>resumed</b> in Geneva.</p><!-- ad -->\n<style>p { color: red }</style><script>track("x")</script>&nbsp;Both sides met.';
    const visible = withoutMarkup(html);
    expect(visible).toHaveLength(html.length);
    expect(visible.split(/\s+/u).filter(Boolean)).toEqual(['Talks', 'resumed', 'in', 'Geneva.', 'Both', 'sides', 'met.']);
    expect(visible.indexOf('Geneva')).toBe(html.indexOf('Geneva'));
  });

  it('blanks a tag whose attributes run over a line break, and keeps the line break', () => {
    const visible = withoutMarkup('<font face="arial"\n size=2>Hello</font>');
    expect(visible.split('\n')).toHaveLength(2);
    expect(visible.trim()).toBe('Hello');
  });

  it('leaves comparisons, angle-bracketed links and placeholders that are not tags', () => {
    for (const text of ['heart rate < 40 beats/minute, pauses of > 2 s', 'see <http://example.org/page>', 'a < b and c > d', 'AT&T']) {
      expect(withoutMarkup(text)).toBe(text);
    }
    // A header file named in a listing is no main element: the text around it stays.
    expect(withoutMarkup('<p>Build it first.</p>\n<pre>#include <main.h></pre>\n<p>Then run it.</p>').replace(/\s+/g, ' ').trim()).toBe('Build it first. #include <main.h> Then run it.');
  });
});

describe('a web page around its article', () => {
  const page = (site: string, sections: string[], related: string[], paragraphs: string[]): string =>
    [
      `<html><head><title>${site}</title><style>body{font-family:serif}</style></head><body>`,
      `<header><div class="logo">${site}</div><nav><ul>${sections.map((s) => `<li><a href="/${s}">${s}</a></li>`).join('\n')}</ul></nav></header>`,
      `<div class="share"><button>Share on Facebook</button></div>`,
      `<article><header><h1>Harbour history</h1></header>\n${paragraphs.map((p) => `<p>${p.replaceAll('"', '&quot;').replaceAll("'", '&#39;')}</p>`).join('\n')}\n</article>`,
      `<div id="cookies">We use cookies on ${site}.</div>`,
      `<aside><h2>Related stories</h2><ul>${related.map((r) => `<li>${r}</li>`).join('\n')}</ul></aside>`,
      `<footer><p>Copyright 2026 ${site}. All rights reserved.</p></footer></body></html>`,
    ].join('\n');

  it('keeps the article alone, its own header too: no site header, menu, sidebar, banner or title bar; references read as their characters', () => {
    const text = page('Harbor Gazette', ['Home', 'Sports'], ['Storm expected this weekend'], ['The mayor said "it\'s over" on Tuesday.']);
    const visible = withoutMarkup(text);
    expect(visible).toHaveLength(text.length);
    expect(normalize(visible).text.split(/\s+/u).filter(Boolean)).toEqual(['harbour', 'history', 'the', 'mayor', 'said', '"it\'s', 'over"', 'on', 'tuesday.']);
  });

  it('reads the chrome of a page built of divs from its class and id names', () => {
    const divs = [
      '<body><div id="masthead"><div class="site-title">Harbor Gazette</div></div>',
      '<div class="menu"><ul><li>Home</li><li>Sports</li></ul></div>',
      '<div class="content"><div class="story-body"><p>The bridge closes in May.</p></div></div>',
      '<div class="sidebar"><h3>Most read</h3><div class="item"><div>Storm this weekend</div></div></div>',
      '<div id="comments"><div class="comment">Great article!</div></div>',
      '<div class="share-tools">Share</div><div class="site-footer">Copyright 2026</div></body>',
    ].join('\n');
    expect(withoutMarkup(divs).split(/\s+/u).filter(Boolean)).toEqual(['The', 'bridge', 'closes', 'in', 'May.']);
    // A chrome block that never closes loses its tag only.
    expect(withoutMarkup('<div class="sidebar">The bridge closes in May.').trim()).toBe('The bridge closes in May.');
  });

  it('leaves an unknown reference as written and blanks a non-breaking space', () => {
    expect(withoutMarkup('a&nbsp;b &#160;c &bogus; caf&eacute;')).toBe(`a      b       c &bogus; caf\u00E9${'\u200B'.repeat(7)}`);
  });

  it('gives three outlets\' pages of one story the derivations their articles have', () => {
    // Each page's site name, menu, sidebar and cookie banner are its own: read as text, every
    // page had passages the others lacked.
    const story = HARBOUR.map((s, i) => (i === 3 ? s.replace('the church', 'the "old" church') : s));
    const source = page('Harbor Gazette', ['Home', 'Sports', 'Weather'], ['Storm expected this weekend', 'Library reopens'], story);
    const copy = page('The Morning Ledger', ['World', 'Politics', 'Culture'], ['Ferry service resumes', 'School board debates'], story.filter((_, i) => i !== 5 && i !== 9));
    const another = page('Valley Courier', ['Business', 'Opinion'], ['Museum unveils exhibit', 'Power outage downtown'], story.filter((_, i) => i !== 2));
    const derivations = compare([
      { id: 'a.html', text: source, sha256: '' },
      { id: 'b.html', text: copy, sha256: '' },
      { id: 'c.html', text: another, sha256: '' },
    ]).derivations.map((d) => `${d.target} <- ${d.source} ${d.method}`);
    expect(derivations).toEqual(['a.html <- null original', 'b.html <- a.html edit', 'c.html <- a.html edit']);
  });
});

describe('markup in documents', () => {
  it('gives an HTML line of tags no words, and quotes evidence from the file as written', () => {
    const doc = prepareDocument({ id: 'a.html', sha256: '', text: '<table>\n<tr><td>\nThe bridge closes in May.\n</td></tr>\n</table>' });
    expect(doc.spans.map((s) => s.text.trim())).toEqual(['The bridge closes in May.']);
    const first = doc.tokens[0]?.[0];
    expect(first && doc.text.slice(first.start, first.end)).toBe('The');
  });

  it('finds the same derivations when the copies are wrapped in HTML', () => {
    const plain = readFixture('seeds');
    const wrapped = plain.map((d) => ({
      ...d,
      text: `<html><body>\n${d.text.split('\n').map((line) => (line.trim() ? `<p style="margin:0">${line}</p>` : line)).join('\n')}\n</body></html>`,
    }));
    const summary = (r: ReturnType<typeof compare>): string[] => r.derivations.map((d) => `${d.target} <- ${d.source} ${d.method}`);
    expect(summary(compare(wrapped))).toEqual(summary(compare(plain)));
  });
});

describe('markup scanning on hostile input', () => {
  it('blanks what closes and leaves unclosed openers as text, in one pass', () => {
    const text = `${'<!-- '.repeat(20000)}x --> tail ${'<script '.repeat(20000)} <b>bold</b>`;
    const visible = withoutMarkup(text);
    expect(visible).toHaveLength(text.length);
    expect(visible).toContain('bold');
    expect(visible).not.toContain('<b>');
    // The first "<!--" closes at the one "-->": everything up to it is blanked.
    expect(visible.slice(0, visible.indexOf('tail')).trim()).toBe('');
  });

  it('blanks an unclosed style element only as far as its tag', () => {
    expect(withoutMarkup('<style type="text/css">p { color: red }').trim()).toBe('p { color: red }');
  });
});

describe('quotes of a page', () => {
  it('quote what a reader of the page sees, not the markup between the words', () => {
    const page = (body: string): string => `<html><body><article>${HARBOUR.slice(0, 4).map((s) => `<p>${s}</p>`).join('\n')}\n<p>${body}</p></article></body></html>`;
    const original = page('Right-click the icon, click &quot;Drive&quot; tab, then <b>expand</b> &quot;Setting&quot; and enter the mount options.');
    const copy = page('Right-click the icon, get through &quot;Effort&quot; tab, then <b>expand</b> &quot;Place setting&quot; and enter the mount options.');
    const result = compare([
      { id: 'copy.html', text: copy, sha256: '' },
      { id: 'original.html', text: original, sha256: '' },
    ]);
    const edits = result.pairs.flatMap((p) => p.alignments.flatMap((u) => u.edits));
    expect(edits.length).toBeGreaterThan(0);
    for (const e of edits) expect(`${e.aText} ${e.bText}`).not.toMatch(/&quot|<\/?b>|\u200B/u);
    expect(edits).toContainEqual(expect.objectContaining({ aText: 'get through "Effort', bText: 'click "Drive' }));
    const evidence = result.derivations.flatMap((d) => d.evidence);
    for (const e of evidence) expect(`${e.sourceText} ${e.targetText}`).not.toMatch(/&quot|quot\b|\u200B/u);
  });
});
