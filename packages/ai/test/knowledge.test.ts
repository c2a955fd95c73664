import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evals/knowledge.ts';
import { loadFaqSet } from '../src/knowledge/faq-set.ts';
import {
  buildBm25Index,
  buildKbIndex,
  chunkDocument,
  type KbItem,
  parseCsv,
  parseCsvRecords,
  parseKbJsonl,
  searchBm25,
  searchKb,
  toTsQuery,
} from '../src/knowledge/index.ts';
import { dataDir } from '../src/learn/dataset.ts';

const coffee = parseKbJsonl(readFileSync(new URL('./fixtures/kb-coffee.jsonl', import.meta.url), 'utf8'));
const index = buildKbIndex(coffee);
const top = (query: string) => searchKb(index, query, 3)[0]?.id;

describe('searchKb on a coffee shop knowledge base', () => {
  it('answers everyday questions with the right item first', () => {
    expect(top('what time do you open on saturday')).toBe('hours');
    expect(top('how much is a latte with oat milk')).toBe('prices');
    expect(top('do you deliver to my house')).toBe('delivery');
    expect(top('my order was wrong, I want my money back')).toBe('refunds');
    expect(top('is there wifi? whats the password')).toBe('wifi');
    expect(top('Do you have anything vegan?')).toBe('vegan');
    expect(top('do your cakes have nuts in them')).toBe('allergens');
  });

  it('matches inflected forms through stemming', () => {
    expect(top('refunded orders')).toBe('refunds');
    expect(top('deliveries')).toBe('delivery');
    expect(top('opening hours')).toBe('hours');
  });

  it('finds items despite typos, where plain BM25 finds nothing', () => {
    const bm25 = buildBm25Index(coffee);
    expect(searchBm25(bm25, 'delivrey', 5)).toEqual([]);
    expect(top('delivrey')).toBe('delivery');
    expect(top('refnud please')).toBe('refunds');
    expect(top('giftcard')).toBe('gift-cards');
  });

  it('searches other languages and scripts', () => {
    expect(top('horario de apertura')).toBe('es-horario');
    // Customers often drop accents: "envio" finds "envío".
    expect(top('envio a domicilio')).toBe('es-envio');
    expect(top('Kann ich mit Kreditkarte bezahlen?')).toBe('de-karte');
    expect(top('营业时间')).toBe('zh-hours');
  });

  it('still answers a question made only of stop words', () => {
    expect(top('where are you?')).toBe('location');
  });

  it('returns nothing for empty or meaningless queries', () => {
    for (const q of ['', '   ', '?!...', '🙂🙂🙂', '\u0000']) expect(searchKb(index, q, 5)).toEqual([]);
    expect(searchKb(index, 'latte', 0)).toEqual([]);
    expect(searchKb(index, 'latte', -3)).toEqual([]);
    expect(searchKb(buildKbIndex([]), 'latte', 5)).toEqual([]);
  });

  it('never returns more than exists, and each id once, best first', () => {
    const hits = searchKb(index, 'open hours price delivery refund wifi vegan', 1000);
    const ids = hits.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(new Set(coffee.map((i) => i.id)).size);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits.every((h) => h.score > 0)).toBe(true);
  });

  it('treats items sharing an id as phrasings of one answer', () => {
    // "What time do you close?" is the second "hours" item.
    const hits = searchKb(index, 'what time do you close', 5);
    expect(hits[0]?.id).toBe('hours');
    expect(hits.filter((h) => h.id === 'hours')).toHaveLength(1);
  });

  it('survives a very long query and answer-only items', () => {
    const long = 'delivery '.repeat(5000);
    expect(top(long)).toBe('delivery');
    const docs = buildKbIndex([
      { id: 'a', answer: 'Our espresso beans come from Brazil.' },
      { id: 'b', answer: 'Parking is free behind the shop.' },
    ]);
    expect(searchKb(docs, 'where can I park', 5)[0]?.id).toBe('b');
  });

  it('rejects malformed items, naming the bad line of a file', () => {
    expect(() => buildKbIndex([{ id: '', answer: 'x' }])).toThrow();
    expect(() => buildKbIndex([{ id: 'x' } as unknown as KbItem])).toThrow();
    expect(parseKbJsonl('{"id":"a","answer":"x","tags":[1]}\n\n')).toEqual([{ id: 'a', answer: 'x' }]);
    expect(() => parseKbJsonl('{"id":"a","answer":"x"}\n{"id":"b"}')).toThrow(/line 2/);
    expect(() => parseKbJsonl('{oops')).toThrow(/line 1: not JSON/);
  });
});

const SHOP_DOC = `# Bean There Coffee

Opening hours

We are open Monday to Friday from 7am to 7pm. On weekends we open at 8am and close at 5pm. Public holidays follow the weekend schedule.

Prices:
- Espresso 2.50 EUR
- Latte 3.80 EUR
- Oat milk +0.50 EUR

## Delivery
We deliver within 5 km. Orders over 20 EUR ship free. ${'Couriers ride electric bikes and carry insulated bags, so drinks arrive hot. '.repeat(8)}

## Refunds
If your drink is wrong, we will remake it or refund you within 14 days.`;

describe('chunkDocument', () => {
  const chunks = chunkDocument(SHOP_DOC, { maxChars: 300, overlapChars: 80 });

  it('returns slices of the text, in order, within the size limit', () => {
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.text).toBe(SHOP_DOC.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(300);
      expect(c.text).toBe(c.text.trim());
      if (i > 0) expect(c.start).toBeGreaterThan(chunks[i - 1]!.start);
    });
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(SHOP_DOC.length);
  });

  it('never cuts a word and covers the whole text', () => {
    for (const c of chunks) {
      expect(c.start === 0 || /\s/.test(SHOP_DOC[c.start - 1]!)).toBe(true);
      expect(c.end === SHOP_DOC.length || /\s/.test(SHOP_DOC[c.end]!)).toBe(true);
    }
    for (let i = 1; i < chunks.length; i++) {
      const gap = SHOP_DOC.slice(chunks[i - 1]!.end, chunks[i]!.start);
      expect(gap.trim() === '' || chunks[i]!.start < chunks[i - 1]!.end).toBe(true);
    }
  });

  it('keeps headings with their section and bullets whole', () => {
    for (const c of chunks.slice(0, -1)) expect(c.text).not.toMatch(/(^|\n)(## \w+|Prices:)$/);
    expect(chunks.some((c) => c.text.includes('## Delivery\nWe deliver'))).toBe(true);
    expect(chunks.some((c) => c.text.includes('## Refunds\nIf your drink'))).toBe(true);
    expect(
      chunks.some((c) => c.text.includes('- Espresso 2.50 EUR\n- Latte 3.80 EUR\n- Oat milk +0.50 EUR')),
    ).toBe(true);
  });

  it('repeats the end of a paragraph cut in the middle', () => {
    const overlapping = chunks.filter((c, i) => i > 0 && c.start < chunks[i - 1]!.end);
    expect(overlapping.length).toBeGreaterThan(0);
    for (const c of overlapping) {
      const previous = chunks[c.index - 1]!;
      expect(previous.end - c.start).toBeLessThanOrEqual(80);
    }
  });

  it('handles empty, tiny, unspaced and emoji-only text', () => {
    expect(chunkDocument('')).toEqual([]);
    expect(chunkDocument(' \n\n\t ')).toEqual([]);
    expect(chunkDocument('  Hi there.  ')).toEqual([{ index: 0, text: 'Hi there.', start: 2, end: 11 }]);
    expect(chunkDocument('🙂🙂🙂')).toEqual([{ index: 0, text: '🙂🙂🙂', start: 0, end: 6 }]);
    // A space-free run longer than the limit is the one thing cut inside, never within an emoji.
    const emoji = chunkDocument('😀'.repeat(60), { maxChars: 51 });
    expect(emoji.map((c) => c.text).join('')).toBe('😀'.repeat(60));
    expect(emoji.every((c) => c.text.length <= 51 && !/^[\udc00-\udfff]/.test(c.text))).toBe(true);
    const chinese = chunkDocument('这是第一句。这是第二句！'.repeat(30), { maxChars: 60 });
    expect(chinese.length).toBeGreaterThan(5);
    expect(chinese.every((c) => c.text.length <= 60 && /[。！]$/.test(c.text))).toBe(true);
  });

  it('uses about 800 characters by default and rejects nonsense options', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about coffee beans.`).join(
      ' ',
    );
    const parts = chunkDocument(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((c) => c.text.length <= 800)).toBe(true);
    expect(() => chunkDocument('text', { maxChars: 5 })).toThrow();
    expect(() => chunkDocument('text', { overlapChars: -1 })).toThrow();
  });
});

const NASTY = [
  "it's O'Reilly's",
  "\\' OR 1=1 --",
  'a & b | c ! d ( e ) f : g * h <-> i <2> j',
  "''''",
  '\\\\\\',
  '"quoted" `tick`',
  'refund:* & !delivery',
  '\u0000\u0001\u007f',
  'x'.repeat(10_000),
  'Доставка в Москву',
  'नमस्ते दुनिया',
  'café crème',
  '🙂 👍🏽',
];
const SAFE_TSQUERY = /^'[\p{L}\p{M}\p{N}]+'(:\*)?( \| '[\p{L}\p{M}\p{N}]+'(:\*)?)*$/u;

describe('toTsQuery', () => {
  it('joins meaningful words as prefix lexemes', () => {
    expect(toTsQuery('When are you open?')).toBe("'open':*");
    expect(toTsQuery('Refunds for deliveries')).toBe("'refund':* | 'deliver':*");
    expect(toTsQuery('tea cups')).toBe("'tea' | 'cups' | 'cup'");
    expect(toTsQuery('latte latte LATTE')).toBe("'latt':*");
  });

  it('returns an empty string when nothing is searchable', () => {
    for (const q of ['', '   ', 'the and of', 'What is it?', '?!&|', '🙂🙂']) expect(toTsQuery(q)).toBe('');
  });

  it('emits only quoted letters and digits, whatever the input', () => {
    for (const q of NASTY) {
      const out = toTsQuery(q);
      expect(out === '' || SAFE_TSQUERY.test(out)).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = toTsQuery(s);
        return out === '' || SAFE_TSQUERY.test(out);
      }),
    );
  });

  it('is accepted by PostgreSQL and finds the right rows', async () => {
    const db = new PGlite();
    await db.exec(`create table kb (id text, body text);
      insert into kb values ('d', 'We deliver within 5 km; deliveries are free over 20 EUR'),
        ('r', 'Refunds are paid within 14 days'), ('c', 'Our café is open daily'),
        ('m', 'Доставка по Москве');`);
    const search = async (q: string) =>
      (
        await db.query<{ id: string }>(
          `select id from kb where to_tsvector('simple', body) @@ to_tsquery('simple', $1)
           order by ts_rank_cd(to_tsvector('simple', body), to_tsquery('simple', $1)) desc`,
          [toTsQuery(q)],
        )
      ).rows.map((r) => r.id);
    expect(await search('do you do delivery?')).toEqual(['d']);
    expect(await search('I was refunded')).toEqual(['r']);
    expect(await search('CAFÉ')).toEqual(['c']);
    expect(await search('доставка')).toEqual(['m']);
    for (const q of [...NASTY, ...fc.sample(fc.string({ unit: 'binary', maxLength: 80 }), 50)]) {
      await expect(search(q)).resolves.toBeInstanceOf(Array);
    }
    await db.close();
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const csv = '\ufeffq,a\r\n"Hi, there","She said ""yes""\nthen left"\r\nplain,\n\n"last","row"';
    expect(parseCsv(csv)).toEqual([
      ['q', 'a'],
      ['Hi, there', 'She said "yes"\nthen left'],
      ['plain', ''],
      ['last', 'row'],
    ]);
    expect(parseCsvRecords('a,b\n1')).toEqual([{ a: '1', b: '' }]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads the COVID FAQ file: every row has every column', () => {
    const rows = parseCsv(readFileSync(`${dataDir()}/faq.covid-qa.csv`, 'utf8'));
    expect(rows[0]).toContain('question');
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });
});

describe('FAQ retrieval set and eval', () => {
  const set = loadFaqSet();

  it('queries with rewritten questions, deterministically, split by question', () => {
    const paraphrases = set.queries.filter((q) => q.task === 'paraphrase');
    const stored = new Set(set.items.map((i) => i.question?.toLowerCase()));
    expect(paraphrases.filter((q) => stored.has(q.query)).length).toBeLessThan(paraphrases.length * 0.05);
    expect(loadFaqSet().queries.map((q) => q.query)).toEqual(set.queries.map((q) => q.query));
    const reporting = set.queries.filter((q) => q.reporting).length;
    expect(reporting).toBeGreaterThan(50);
    expect(reporting).toBeLessThan(set.queries.length / 2);
    expect(set.answersOnly.every((i) => i.question === undefined)).toBe(true);
  });

  it('reports the ranker above plain BM25 on the reporting half', async () => {
    const r = await evaluate();
    expect(r.queries).toBeGreaterThan(50);
    expect(r.mapRanker).toBeGreaterThan(r.mapBm25!);
    expect(r.recallAt10).toBeGreaterThanOrEqual(r.recallAt1!);
  });
});
