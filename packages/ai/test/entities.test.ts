import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/understand/entities.ts';

const pairs = (text: string, products: string[] = []) =>
  extractEntities(text, products).map((e) => [e.type, e.value]);

describe('extractEntities', () => {
  it('reads people, companies, places and dates in an English message', () => {
    expect(
      pairs("Hi, my name is Maria Garcia and I work at Acme Corp. I'm in Madrid until next Monday."),
    ).toEqual([
      ['person', 'Maria Garcia'],
      ['company', 'Acme Corp.'],
      ['location', 'Madrid'],
      ['date', 'next Monday'],
    ]);
  });

  it('reads Spanish, French and German introductions, amounts and dates', () => {
    expect(
      pairs('Soy Juan Pérez, ¿el iPhone 15 Pro cuesta 999 € o $1,099.99? Lo quiero para mañana.', [
        'iPhone 15',
        'iPhone 15 Pro',
      ]),
    ).toEqual([
      ['person', 'Juan Pérez'],
      ['product', 'iPhone 15 Pro'],
      ['money', '999 €'],
      ['money', '$1,099.99'],
      ['date', 'mañana'],
    ]);
    expect(
      pairs("Je m'appelle Chloé Dubois, j'habite à Lyon. Livraison le 3 mars svp, 20 euros max."),
    ).toEqual([
      ['person', 'Chloé Dubois'],
      ['location', 'Lyon'],
      ['date', '3 mars'],
      ['money', '20 euros'],
    ]);
    expect(
      pairs('Guten Morgen! Ich heiße Lukas Müller von der Müller Bau GmbH in München. Am Freitag?'),
    ).toEqual([
      ['person', 'Lukas Müller'],
      ['company', 'Müller Bau GmbH'],
      ['location', 'München'],
      ['date', 'Am Freitag'],
    ]);
  });

  it('takes emails and phones from the PII finder and never reads card digits as money or dates', () => {
    expect(
      pairs('Order placed 12/03, paid 15 USD, delivered March 3rd. Call +44 20 7946 0958 or mail a@b.com'),
    ).toEqual([
      ['date', '12/03'],
      ['money', '15 USD'],
      ['date', 'March 3rd'],
      ['phone', '+44 20 7946 0958'],
      ['email', 'a@b.com'],
    ]);
    expect(pairs('my card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00')).toEqual([]);
  });

  it('reads money in the usual shapes', () => {
    const money = (t: string) =>
      pairs(t)
        .filter(([type]) => type === 'money')
        .map(([, v]) => v);
    expect(money('€12, $5.99, 20 euros, 15 USD, 1.299,00 €, R$ 50 and 100 bucks')).toEqual([
      '€12',
      '$5.99',
      '20 euros',
      '15 USD',
      '1.299,00 €',
      'R$ 50',
      '100 bucks',
    ]);
    expect(money('I bought 3 items and waited 20 days')).toEqual([]);
  });

  it('reads dates but not look-alikes', () => {
    const dates = (t: string) =>
      pairs(t)
        .filter(([type]) => type === 'date')
        .map(([, v]) => v);
    expect(
      dates('today, tomorrow, next Friday, el próximo lunes, lundi prochain, nächsten Dienstag'),
    ).toEqual([
      'today',
      'tomorrow',
      'next Friday',
      'el próximo lunes',
      'lundi prochain',
      'nächsten Dienstag',
    ]);
    expect(dates('on 2024-03-15 or 15.03.2024 or 3/15 or the 3rd of May')).toEqual([
      '2024-03-15',
      '15.03.2024',
      '3/15',
      '3rd of May',
    ]);
    expect(dates('open 24/7, half (1/2) price, rated 3.5 stars, Guten Morgen, 13/13')).toEqual([]);
  });

  it('matches catalogue products case-insensitively, whole words only', () => {
    const catalogue = ['AirPods', 'Desk Lamp', 'Pro'];
    expect(pairs('do the airpods fit? and the DESK LAMP?', catalogue)).toEqual([
      ['product', 'airpods'],
      ['product', 'DESK LAMP'],
    ]);
    expect(pairs('a professional approach', catalogue)).toEqual([]);
    expect(pairs('a (weird) name?', ['(weird)', '', '   '])).toEqual([['product', '(weird)']]);
  });

  it('finds no person in capitalised adjectives, no place in lower-case words', () => {
    expect(pairs("I'm Sorry to bother you, I'm Not happy")).toEqual([]);
    expect(pairs('that was nice reading, very nice')).toEqual([]);
    expect(pairs('Thanks for the help!\nRegards,\nTom Baker')).toEqual([['person', 'Tom Baker']]);
  });

  it('survives odd input with exact spans', () => {
    const inputs = [
      '',
      '😀😀😀',
      'مرحبا، اسمي أحمد وأنا في دبي',
      'मेरा नाम राज है, मैं दिल्ली में हूँ',
      'Paris '.repeat(2_000),
    ];
    for (const text of inputs) {
      for (const e of extractEntities(text, ['Paris'])) expect(text.slice(e.start, e.end)).toBe(e.value);
    }
    expect(extractEntities('')).toEqual([]);
  });
});
