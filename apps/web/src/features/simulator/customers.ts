import type { PlatformId } from '@replyforce/contracts';
import type { SandboxCustomer } from './sandbox-api.ts';

const FIRST = [
  'Maya',
  'Leo',
  'Sofia',
  'Noah',
  'Amara',
  'Kenji',
  'Lucía',
  'Omar',
  'Priya',
  'Jonas',
  'Chloé',
  'Tariq',
];
const LAST = [
  'Rossi',
  'Nguyen',
  'Okafor',
  'Schmidt',
  'Silva',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Moreau',
  'Patel',
];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function digits(count: number): string {
  let out = String(1 + Math.floor(Math.random() * 9));
  while (out.length < count) out += String(Math.floor(Math.random() * 10));
  return out;
}

/**
 * A plausible new customer for the platform: ids shaped like the platform's own (a numeric
 * page-scoped id, a WhatsApp number in international form, a numeric X user id).
 */
export function newCustomer(platform: PlatformId): SandboxCustomer {
  const first = pick(FIRST);
  const last = pick(LAST);
  const name = `${first} ${last}`;
  const handle = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  switch (platform) {
    case 'whatsapp': {
      const phone = `1555${digits(7)}`;
      return { id: phone, name, phone };
    }
    case 'x':
      return { id: digits(18), name, username: `${handle.replace('.', '_')}${digits(2)}` };
    case 'instagram':
      return { id: digits(17), name, username: `${handle}${digits(2)}` };
    case 'facebook':
      return { id: digits(16), name };
  }
}

const STORAGE_KEY = 'replyforce:simulator-customers';
const KEEP = 10;

type Recent = Record<string, SandboxCustomer[]>;

function readAll(): Recent {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Recent) : {};
  } catch {
    return {};
  }
}

/** Customers this browser wrote as on one sandbox account, newest first. */
export function recentCustomers(platform: PlatformId, accountId: string): SandboxCustomer[] {
  const list = readAll()[`${platform}:${accountId}`];
  return Array.isArray(list) ? list.filter((c) => typeof c?.id === 'string') : [];
}

export function rememberCustomer(platform: PlatformId, accountId: string, customer: SandboxCustomer): void {
  const all = readAll();
  const key = `${platform}:${accountId}`;
  const rest = (all[key] ?? []).filter((c) => c.id !== customer.id);
  all[key] = [customer, ...rest].slice(0, KEEP);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage can be disabled; the list then lasts for this page only.
  }
}
