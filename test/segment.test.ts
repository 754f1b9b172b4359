import { describe, expect, it } from 'vitest';
import { cutWithLink, segment } from '../src/segment.js';
import { HARBOUR, readFixture, SEED } from './helpers.js';

const seeds = new Map(readFixture('seeds').map((d) => [d.id, d.text]));

describe('segment', () => {
  it('keeps the headline as its own unit and "U.S." inside its sentence', () => {
    const spans = segment(seeds.get(SEED.mt) ?? '');
    expect(spans.slice(0, 2).map((s) => [s.kind, s.text])).toEqual([
      ['headline', 'US team headed to Moscow for Ukraine talks as Putin visits Kursk'],
      ['sentence', 'President Donald Trump said U.S. officials will travel to Russia to discuss a potential ceasefire in Ukraine.'],
    ]);
  });

  it('splits a quotation of two sentences and keeps "{that a}" and curly quotes intact', () => {
    const texts = segment(seeds.get(SEED.spin) ?? '').map((s) => s.text);
    expect(texts).toContain('The Kremlin has stated it was finding out the ceasefire deal, and {that a} telephone name between Trump and Putin is feasible.');
    expect(texts).toContain('“However a constructive message means nothing,” he stated.');
    expect(texts).toContain('“It is a very critical scenario.”');
    expect(texts.some((t) => t.includes('Vice-President JD Vance descended right into a shouting match'))).toBe(true);
  });

  it('finds the sub-heading a paraphrase added', () => {
    const spans = segment(seeds.get(SEED.paraphrase) ?? '');
    expect(spans.filter((s) => s.kind === 'heading').map((s) => s.text)).toEqual(['Fighting continues amid ceasefire talks']);
  });

  it('splits merged paragraphs into sentences with offsets into the text', () => {
    const text = seeds.get(SEED.fluentMt) ?? '';
    const spans = segment(text);
    expect(spans).toHaveLength(34);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans[5]?.text).toBe('Trump, speaking alongside Irish Prime Minister Micheál Martin in the Oval Office on Wednesday, said he had received "positive information" about the possibility of a ceasefire.');
  });

  it('ends a sentence after "etc." when a capitalized word follows, as sbd does not', () => {
    const text = 'Emacs is also a newsreader, a mail program, etc. When used for code it indents. It reads lists, files, etc. and more.';
    expect(segment(text).map((s) => s.text)).toEqual([
      'Emacs is also a newsreader, a mail program, etc.',
      'When used for code it indents.',
      'It reads lists, files, etc. and more.',
    ]);
  });
});

describe('segment on unpunctuated text', () => {
  const words = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 1009}`);
  const text = words.join(' ');

  it('cuts an overlong line into chunks with offsets into the text', () => {
    const spans = segment(text);
    expect(spans.length).toBeGreaterThan(400 / 48);
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.split(' ').length).toBeLessThanOrEqual(48);
    }
    expect(spans.map((s) => s.text).join(' ')).toBe(text);
  });

  it('keeps a long sentence of punctuated prose whole, and cuts the same words without their commas', () => {
    // 93 words, 9 commas and parentheses: a spun sentence that grew past 80 words.
    const sentence =
      'Each file, directory, named tube (a way two programs can partake data), or physical device on a Debian GNU/Linux system has a data anatomical structure called an inode which lines its associated assigns such as the substance abuser who owns it (owner), the group that it belong to to, the time net accessed, the manner of the file, the number of hard golf links that point to it, the size of it in bytes, and the blocks of the disk that hold the content of the file on the device.';
    expect(sentence.split(' ').length).toBeGreaterThan(80);
    expect(segment(sentence).map((s) => s.text)).toEqual([sentence]);
    expect(segment(sentence.replace(/[,()]/g, '')).length).toBeGreaterThan(1);
  });

  it('cuts two copies at the same words when one has an insertion near the start', () => {
    const copy = [...words.slice(0, 3), 'inserted', ...words.slice(3)].join(' ');
    const tail = (t: string) => segment(t).slice(2).map((s) => s.text);
    expect(tail(copy)).toEqual(tail(text));
  });
});

describe('segment on hard-wrapped text', () => {
  const prose = [
    'The harbour town was founded by fishermen who came from the northern islands in the spring.',
    'Its first houses stood on stilts above the mud flats that the tide covered twice a day.',
    'A stone breakwater was built later to shelter the Boats of Winter from the storms.',
  ].join(' ');
  // Wrapped at 60 columns, as mail and e-texts are: one line ends before "Boats", a capital.
  const wrap = (text: string, columns: number): string => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > columns) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    return [...lines, line].join('\n');
  };

  it('gives the sentences of the unwrapped text, with offsets into the wrapped one', () => {
    const wrapped = `Harbour history\n\n${wrap(prose, 60)}`;
    const spans = segment(wrapped);
    expect(spans.map((s) => [s.kind, s.text.replace(/\s+/g, ' ')])).toEqual([
      ['headline', 'Harbour history'],
      ...segment(prose).map((s) => ['sentence', s.text]),
    ]);
    for (const s of spans) expect(wrapped.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads quoted mail the same way, a line of marks alone as the blank between paragraphs', () => {
    const quoted = `${wrap(prose, 60)}\n\nThe market grew up on the square.`.replace(/^/gm, '> ');
    expect(segment(quoted).map((s) => s.text.replace(/\s*>\s*/g, ' ').trim())).toEqual([...segment(prose).map((s) => s.text), 'The market grew up on the square.']);
  });

  it('measures a block by most of its lines, not by one glued line twice as wide', () => {
    // pdftotext glues a few lines of a page into one; against that line the others looked short.
    const lines = [
      'The harbour town was founded by fishermen who came from the',
      'northern islands in the spring. Its first houses stood on',
      'stilts above the mud flats that the tide covered twice a',
      'day. A stone breakwater was built later to shelter the',
      'Boats of Winter from the storms. Merchants followed the',
      'fishermen, and a market grew up on the square by the',
      'church. The market sold salted cod, rope, tar and the wool',
      'of the sheep from the hills.',
    ];
    const glued = [`${lines[0]} ${lines[1]}`, ...lines.slice(2)].join('\n');
    expect(segment(glued).map((s) => s.text.replace(/\s+/g, ' '))).toEqual(segment(lines.join(' ')).map((s) => s.text));
  });

  it('wraps a line that ends in a bracket or a quote but no stop', () => {
    const text = 'Each unit file has three parts. The [Service]\npart holds the commands, and the "Install"\npart the targets.';
    expect(segment(text).map((s) => s.text.replace(/\s+/g, ' '))).toEqual(['Each unit file has three parts.', 'The [Service] part holds the commands, and the "Install" part the targets.']);
  });

  it('makes no unit of a rule of marks', () => {
    const text = `Harbour history\n===============\n\n${prose}\n\n* * *\n\n-----\nThe market grew up on the square.`;
    expect(segment(text).map((s) => s.text.replace(/\s+/g, ' '))).toEqual(['Harbour history', ...segment(prose).map((s) => s.text), 'The market grew up on the square.']);
  });

  it('keeps a heading above its paragraph, and the lines of a list, apart', () => {
    const text = `Early years\n${prose}\n- stilts\n- breakwater\n- market square by the church`;
    expect(segment(text).map((s) => s.kind)).toEqual(['headline', 'sentence', 'sentence', 'sentence', 'heading', 'heading', 'heading']);
  });
});

describe('segment on text extracted from print', () => {
  // pdftotext's output: lines wrapped at the column, a form feed at each page, a running header
  // and a page number on every page but the first; a sentence runs on over a page break.
  const lines = HARBOUR.join(' ').replace(/(.{1,58})(?:\s+|$)/g, '$1\n').trimEnd().split('\n');
  const pages = [0, 5, 10, 15].map((from) => lines.slice(from, from + 5));
  const printed = pages.map((page, i) => (i === 0 ? page.join('\n') : `\fThe Harbour Gazette\n\nPage ${i + 1}\n\n${page.join('\n')}`)).join('\n\n');

  it('reads past the running header and the page numbers, and joins a sentence over a page break', () => {
    expect(pages.length).toBe(4);
    expect(pages.some((page) => !page.at(-1)?.endsWith('.'))).toBe(true);
    const spans = segment(printed);
    expect(spans.map((s) => s.text.replace(/\s+/g, ' '))).toEqual(HARBOUR);
    // Offsets are the printed text's; the furniture inside a sentence is blanked in its text.
    const furniture = /The Harbour Gazette|Page \d/g;
    for (const s of spans) expect(printed.slice(s.start, s.end).replace(furniture, '').replace(/\s+/g, ' ')).toBe(s.text.replace(/\s+/g, ' '));
  });

  it('keeps a line that recurs only twice, and a sentence that recurs', () => {
    const twice = `Harbour notes\n\n${HARBOUR[0]}\n\nHarbour notes\n\n${HARBOUR[1]}\n\n${HARBOUR[1]}\n\n${HARBOUR[1]}`;
    expect(segment(twice).map((s) => s.kind)).toEqual(['headline', 'sentence', 'heading', 'sentence', 'sentence', 'sentence']);
  });
});

describe('segment on a Project Gutenberg e-text', () => {
  it('reads the book alone, not the header and licence around it', () => {
    const licence = 'This eBook is for the use of anyone anywhere in the United States and most other parts of the world at no cost.';
    const etext = `The Project Gutenberg eBook of Harbours\n\n${licence}\n\n*** START OF THE PROJECT GUTENBERG EBOOK HARBOURS ***\n\n${HARBOUR.slice(0, 3).join(' ')}\n\n*** END OF THE PROJECT GUTENBERG EBOOK HARBOURS ***\n\n${licence}\n`;
    expect(segment(etext).map((s) => s.text)).toEqual(HARBOUR.slice(0, 3));
  });
});

describe('segment on a scraped web page', () => {
  it('reads the story alone, not the advertisement markers, teasers, pitches and copyright lines between its paragraphs', () => {
    const scraped = [
      HARBOUR[0],
      'ADVERTISEMENT',
      HARBOUR[1],
      'Read more: Tartu buses to run every ten minutes on main routes from April',
      HARBOUR[2],
      "Sign up for our morning newsletter and get the day's top stories in your inbox.",
      '(c) Tartu Courier. All rights reserved.',
      'More to follow.',
      'Read the full story at the Tartu Courier.',
      'Read more at our partner site.',
      'Seguir leyendo en nuestra web.',
      'Lire la suite',
      'Jump to Recipe',
      'Get the full recipe at Lemon Kitchen.',
      'Free UK delivery on orders over £50. Order before 3pm for next-day dispatch.',
      'Thread by @DrKateFoxley on urban foxes',
      'Read on Twitter',
      'Lyrics licensed and provided by SongWords',
    ].join('\n\n');
    expect(segment(scraped).map((s) => s.text)).toEqual(HARBOUR.slice(0, 3));
    // A sentence that only speaks of reading more, or of a newsletter, is the story's own.
    const story = `${HARBOUR[0]}\n\nReaders can sign up for the harbour newsletter at the port office.`;
    expect(segment(story)).toHaveLength(2);
    expect(segment(`${HARBOUR[0]}\n\nMore to follow on the harbour works next week.`)).toHaveLength(2);
    expect(segment(`${HARBOUR[0]}\n\nVisitors can read the full story of the harbour in the museum.`)).toHaveLength(2);
    expect(segment(`${HARBOUR[0]}\n\nVisitors can read more at the harbour museum.`)).toHaveLength(2);
  });
});

describe('segment on a story\'s credits and stamps', () => {
  it('leaves out bylines, a wire\'s reporting credits, a page\'s time stamps and picture credits, each outlet\'s own', () => {
    const words = (text: string): string[] => segment(text).map((s) => s.text.trim());
    const credited = [
      'By Tom Reyes, National Wire Service',
      HARBOUR[0],
      'By Staff Reporter',
      'Published 14:02, 3 June 2026 | Updated 16:40, 3 June 2026',
      HARBOUR[1],
      '(Reporting by Ana Ruiz; Editing by Tom Lee)',
      'Photo: Getty Images',
    ].join('\n\n');
    expect(words(credited)).toEqual(HARBOUR.slice(0, 2).map((s) => s.trim()));
    // The story's own sentences that open with "By" or "Published", and a document's version date.
    expect(words('By Friday, the heat will break.')).toHaveLength(1);
    expect(words('Published in 1999, the book sold well.')).toHaveLength(1);
    expect(words('Last updated: 3 March 2025')).toHaveLength(1);
  });
});

describe('cutWithLink', () => {
  it('reads a text whose closing furniture sends the reader on as cut short, and no other', () => {
    const opening = HARBOUR.slice(0, 2).join('\n\n');
    expect(cutWithLink(`${opening}\n\nRead more: the full notice on the agency's website`)).toBe(true);
    expect(cutWithLink(`${opening}\n\nContinue reading\n\n(c) Tartu Courier. All rights reserved.`)).toBe(true);
    expect(cutWithLink(`${opening}\n\nLire la suite`)).toBe(true);
    // A wire's first take says the rest will follow.
    expect(cutWithLink(`${opening}\n\nMore to follow.`)).toBe(true);
    expect(cutWithLink(`${opening}\n\nMore follows.`)).toBe(true);
    // A teaser for another story mid-text, a closing line of prose, a thread unroller's link.
    expect(cutWithLink(`${HARBOUR[0]}\n\nRead more: Tartu buses to run every ten minutes\n\n${HARBOUR[1]}`)).toBe(false);
    expect(cutWithLink(`${opening}\n\nVisitors can read more at the harbour museum.`)).toBe(false);
    expect(cutWithLink(`${opening}\n\nRead on Twitter`)).toBe(false);
    expect(cutWithLink(`${opening}\n\nMore follows from the council's decision than it admits.`)).toBe(false);
  });
});

describe('segment on numbered lists', () => {
  it('leaves out the numbers of list items and sections, which renumbering changes, and a repost\'s "RT @name:"', () => {
    const words = (text: string): string[] => segment(text).map((s) => s.text.trim());
    expect(words('5. Changes to these terms\n\nWe may update these terms.\n\n(b) Paid plans renew monthly.')).toEqual([
      'Changes to these terms',
      'We may update these terms.',
      'Paid plans renew monthly.',
    ]);
    expect(words('RT @ShireCityPolice: Please avoid Castle Street.')).toEqual(['Please avoid Castle Street.']);
    expect(words('2/6 We fitted GPS collars to 38 foxes.')).toEqual(['We fitted GPS collars to 38 foxes.']);
    // A number inside a line is wording, wherever it stands.
    expect(words('The plan costs 5. 5 people signed up.').join(' ')).toBe('The plan costs 5. 5 people signed up.');
  });
});

describe('segment on subtitles', () => {
  // SRT: a number, a timing line, the cue's text; a sentence runs on over cues.
  const cues = (timing: number): string =>
    [HARBOUR.slice(0, 2).join(' ').split(' ').slice(0, 9), HARBOUR.slice(0, 2).join(' ').split(' ').slice(9)]
      .map((words, n) => `${n + 1}\n00:00:0${timing + 3 * n},000 --> 00:00:0${timing + 3 * n + 2},500\n${words.join(' ')}\n`)
      .join('\n');

  it('reads the cues\' text as sentences, without their numbers and timings', () => {
    expect(segment(cues(1)).map((s) => s.text.replace(/\s+/g, ' '))).toEqual(HARBOUR.slice(0, 2));
    expect(segment(cues(2)).map((s) => s.text.replace(/\s+/g, ' '))).toEqual(HARBOUR.slice(0, 2));
  });
});

describe('segment where a stop has no space after it', () => {
  // sbd cuts "there.Then" in two; with its preserve_whitespace option it then started every later
  // sentence of the paragraph a word late ("... the wooden warehouses along the quay. A").
  it('keeps every later sentence of the paragraph whole', () => {
    const glued = [HARBOUR[0], `${HARBOUR[1]}${HARBOUR[2]}`, ...HARBOUR.slice(3, 8)].join(' ');
    expect(segment(glued).map((s) => s.text)).toEqual(HARBOUR.slice(0, 8));
  });
});
