/**
 * Entities of a customer message without a model: emails and phones (the PII finder), money,
 * dates, people, companies, places, and the tenant's own products (its catalogue, matched whole-word
 * and case-insensitively). Each finder is a small set of rules; where two claim the same characters
 * the more reliable one keeps them (a catalogue product over a capitalised guess, a legal-form
 * company over a place).
 */
import { findPii } from '../guardrails/find-pii.ts';
import { findDates } from './entities-dates.ts';
import { type Found, findMoney } from './entities-money.ts';
import { findLegalEntities, findPeople, findPlacesByPreposition, findWorkplaces } from './entities-names.ts';
import { findKnownPlaces } from './entities-places.ts';
import type { ENTITY_TYPES } from './schema.ts';

export type EntityType = (typeof ENTITY_TYPES)[number];
export type Entity = { type: EntityType; value: string; start: number; end: number };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const catalogueRegexes = new WeakMap<readonly string[], RegExp | null>();

/** One regex per catalogue array, built on first use: longest names first so "iPhone 15 Pro" beats "iPhone 15". */
function catalogueRegex(products: readonly string[]): RegExp | null {
  let re = catalogueRegexes.get(products);
  if (re === undefined) {
    const names = [...new Set(products.map((p) => p.trim()).filter((p) => p !== ''))].sort(
      (a, b) => b.length - a.length,
    );
    re = names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;
    catalogueRegexes.set(products, re);
  }
  return re;
}

function findProducts(text: string, products: readonly string[]): Found[] {
  const re = catalogueRegex(products);
  if (!re) return [];
  return [...text.matchAll(re)].map((m) => ({ value: m[0], start: m.index, end: m.index + m[0].length }));
}

export function extractEntities(text: string, products: readonly string[] = []): Entity[] {
  const pii = findPii(text);
  const tagged = (type: EntityType, found: Found[]): Entity[] => found.map((f) => ({ type, ...f }));
  // Most reliable first: the order settles overlaps.
  const candidates: Entity[] = [
    ...pii
      .filter((p) => p.type === 'email' || p.type === 'phone')
      .map((p) => ({ ...p, type: p.type as EntityType })),
    ...tagged('product', findProducts(text, products)),
    ...tagged('money', findMoney(text)),
    ...tagged('date', findDates(text)),
    ...tagged('company', findLegalEntities(text)),
    ...tagged('person', findPeople(text)),
    ...tagged('location', findKnownPlaces(text)),
    ...tagged('company', findWorkplaces(text)),
    ...tagged('location', findPlacesByPreposition(text)),
  ];
  // Card numbers, IBANs and SSNs are not entities, but their digits must not become money or dates.
  const claimed = new Uint8Array(text.length);
  for (const p of pii) if (p.type !== 'email' && p.type !== 'phone') claimed.fill(1, p.start, p.end);
  const out: Entity[] = [];
  for (const c of candidates) {
    if (claimed.subarray(c.start, c.end).includes(1)) continue;
    claimed.fill(1, c.start, c.end);
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}
