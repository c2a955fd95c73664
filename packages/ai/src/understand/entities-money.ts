/**
 * Amounts of money as customers write them: "€12", "$5.99", "US$ 20", "1.299,00 €", "20 euros",
 * "15 USD", "R$ 50", "100 bucks", "5k €".
 */
export type Found = { value: string; start: number; end: number };

const NUMBER = String.raw`\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SYMBOL = String.raw`US\$|R\$|A\$|C\$|[$€£¥₹]|(?:USD|EUR|GBP|CHF|MXN|BRL|CAD|AUD|INR|JPY)\b`;
const WORD = String.raw`[$€£¥₹]|(?:USD|EUR|GBP|CHF|MXN|BRL|CAD|AUD|INR|JPY|euros?|dollars?|dólares|dolares|bucks|pounds?|pesos?|reais|francs?|libras?|yens?|rupees?)\b`;

const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${SYMBOL})\s?(?:${NUMBER})(?:\s?[kKmM]\b)?|(?:${NUMBER})(?:\s?[kKmM])?\s?(?:${WORD}))`,
  'gu',
);

export function findMoney(text: string): Found[] {
  return [...text.matchAll(MONEY)].map((m) => ({ value: m[0], start: m.index, end: m.index + m[0].length }));
}
