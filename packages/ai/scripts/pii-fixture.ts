/**
 * Writes test/fixtures/pii-realistic.jsonl: ~500 customer messages in the shapes an inbox sees
 * (English mostly, some es/fr/de/it), about half with personal data and half with the numbers that
 * look like it and are not (order and tracking numbers, prices, dates, times, years, postcodes,
 * model numbers, Luhn-valid order numbers). Each line: { text, spans: [{ type, start, end, value }] }.
 * Seeded, so the file only changes when this script does.
 *
 *   node packages/ai/scripts/pii-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../src/learn/linear-model.ts';
import {
  cardNumber,
  digits,
  email,
  formatCard,
  iban,
  phone,
  pick,
  ssn,
} from '../test/fixtures/pii-values.ts';

const random = seededRandom(2024);
const d = (n: number) => digits(random, n);
/** n digits, the first not 0 (amounts are not written "£064"). */
const n0 = (n: number) => String(1 + Math.floor(random() * 9)) + digits(random, n - 1);
type Span = { type: string; start: number; end: number; value: string };

const PII: Record<string, () => string> = {
  email: () => email(random),
  phone: () => phone(random),
  credit_card: () => formatCard(random, cardNumber(random)),
  ssn: () => ssn(random),
  iban: () => iban(random),
};

/** Numbers that are not personal data; never labelled. */
const DECOYS: Record<string, () => string> = {
  order: () => pick(random, [`#${d(9)}`, `#${d(6)}`, `${d(12)}`, `ORD-${d(8)}`, `${d(3)}-${d(7)}-${d(7)}`]),
  luhnOrder: () => cardNumber(random),
  tracking: () =>
    pick(random, [
      `1Z${d(3)}AA${d(10)}`,
      `9400 ${d(4)} ${d(4)} ${d(4)} ${d(4)} ${d(2)}`,
      `${d(12)}`,
      `JD${d(18)}`,
    ]),
  price: () =>
    pick(random, [
      `$${n0(1)},${d(3)}.${d(2)}`,
      `€${n0(2)}.${d(2)}`,
      `${n0(2)},${d(2)} €`,
      `£${n0(3)}`,
      `USD ${n0(3)}`,
      `${n0(4)} EUR`,
      `1.${d(3)},00 €`,
    ]),
  date: () =>
    pick(random, [
      '12/03/2024',
      '2024-03-15',
      '15.03.2024',
      '03/15/2024',
      'March 3, 2024',
      '3 mars 2024',
      '1/7/25',
    ]),
  time: () => pick(random, ['10:30', '14h30', '9:45 am', '18:00', '7pm']),
  year: () => pick(random, ['2019', '2021-2023', 'since 2018', '2024']),
  zip: () => pick(random, ['90210', '75008 Paris', '10115 Berlin', 'SW1A 1AA', '28013 Madrid']),
  model: () =>
    pick(random, [
      'Galaxy A55',
      'iPhone 15 Pro',
      'model XR-2000',
      'SKU 884-221-09',
      'art. 4006381333931',
      'INV-2024-00123',
    ]),
  qty: () => pick(random, ['3 x 250 ml', '2 pairs', 'size 42', '10-12 days', '50%', '1200 followers']),
};

const POSITIVE = [
  'Hi, you can reach me at {email} anytime.',
  'My email is {email} and my phone is {phone}.',
  'Please call me back on {phone}, I am free after {time}.',
  'Call me: {phone}',
  '{phone} is my cell, text me when the order {order} ships',
  'Contact: {email} / {phone}',
  'Can someone email {email}? Order {order} never arrived.',
  'I paid with my card {credit_card} but got charged twice ({price}).',
  'The card ending in the number {credit_card} was declined on {date}',
  'Here is my card number {credit_card}, exp 08/27, please retry the payment',
  'For the refund use my IBAN {iban}, thank you',
  'IBAN: {iban} (account holder Maria Garcia)',
  'My SSN is {ssn}, do you need it for the financing application?',
  'ssn {ssn} dob {date}',
  'Hello! {email} here, the {model} I bought {year} stopped working. Phone {phone}',
  'WhatsApp me at {phone} about the {qty} order',
  'Tracking {tracking} says delivered but nothing came. Reach me on {phone} or {email}',
  'Send the invoice to {email} please, ref {order}',
  'Mi correo es {email} y mi teléfono {phone}',
  'Llámame al {phone} por favor, pedido {order}',
  'Mon numéro est le {phone}, merci de me rappeler avant {time}',
  "Vous pouvez m'écrire à {email}",
  'Meine Nummer: {phone}. Bestellung {order} vom {date}',
  'Bitte überweisen Sie auf {iban}',
  'Il mio numero è {phone}, scrivetemi a {email}',
  'new number {phone} (old one was {phone})',
  'pls txt {phone} asap!!',
  '{email}',
  'card: {credit_card} cvv on the back, zip {zip}',
  'Refund to {iban} or card {credit_card}, whichever is faster',
  // No phone word before the number: the hard case for a detector that reads context.
  'My details: Maria Garcia, {phone}, {zip}',
  'Here {phone} - ask for Tom',
  'ok so {phone} is the best way, after {time}',
  'Name: Li Chen\nTel. {phone}\nEmail: {email}',
];

const NEGATIVE = [
  'Where is my order {order}? It was due on {date}.',
  'I ordered {qty} on {date} and paid {price}, still nothing.',
  'Tracking number {tracking} has not moved since {date}.',
  'Order number {luhnOrder} shows as cancelled, why?',
  'Do you ship to {zip}? Delivery takes {qty}?',
  'The {model} costs {price} here but {price} on your site.',
  'Your store opens at {time}? I will come by on {date}.',
  'I have been a customer {year} and this is the first problem.',
  'Invoice {order} total {price}, paid {date} at {time}.',
  'Can I return the {model}? Bought it {date}, receipt {order}.',
  'Pedido {order} del {date}, pagué {price}',
  'Commande {order} du {date}, colis {tracking}',
  'Bestellung {order} vom {date}, Preis {price}',
  'Ordine {order} del {date}, ancora niente',
  'Is the {model} back in stock? I need {qty}.',
  'Your promo ends {date} at {time}, right? {qty} off?',
  'order {order} + order {order}, total {price}',
  'Parcel {tracking} and {tracking} both stuck in {zip}',
  'Thanks for the quick help!! 5 stars',
  'Between {year} and now I spent over {price} with you',
];

function fill(template: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  for (const part of template.split(/(\{\w+\})/)) {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    const pii = slot ? PII[slot] : undefined;
    const decoy = slot ? DECOYS[slot] : undefined;
    if (pii && slot) {
      const value = pii();
      spans.push({ type: slot, start: text.length, end: text.length + value.length, value });
      text += value;
    } else text += decoy ? decoy() : part;
  }
  return { text, spans };
}

const lines: string[] = [];
for (let i = 0; i < 520; i++) {
  const template = i % 2 === 0 ? pick(random, POSITIVE) : pick(random, NEGATIVE);
  lines.push(JSON.stringify(fill(template)));
}
const out = new URL('../test/fixtures/pii-realistic.jsonl', import.meta.url);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} messages to ${out.pathname}`);
