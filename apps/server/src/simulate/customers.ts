import { randomInt } from 'node:crypto';
import type { SimPlatform } from './options.ts';

export type SyntheticCustomer = { id: string; name: string };

/**
 * Ids shaped like each platform's own, so the receivers and the sandbox take them as real:
 * a Messenger PSID and an Instagram IGSID are long numeric strings, a WhatsApp customer is their
 * phone number in digits (at most 15), an X user id is numeric. A random run tag keeps two runs
 * against the same server apart (a conversation an earlier run handed to a person stays quiet).
 */
const PREFIX: Record<SimPlatform, string> = {
  facebook: '27',
  instagram: '36',
  whatsapp: '1555',
  x: '18',
};

export function syntheticCustomers(platform: SimPlatform, count: number): SyntheticCustomer[] {
  const run = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // 4 + 6 + 5 = 15 digits for WhatsApp, the E.164 maximum; 10,000 conversations fit in 5 digits.
  return Array.from({ length: count }, (_, i) => ({
    id: `${PREFIX[platform]}${run}${String(i).padStart(5, '0')}`,
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} Sim${i}`,
  }));
}

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas'];

/**
 * What the customers write: ordinary questions the demo workspace's FAQ answers (DEMO_FAQ in
 * core), so the AI replies by itself. Nothing asks for a person or names a sensitive topic, and no
 * customer only says hello over and over: either would hand the conversation to a human (seed
 * 001 §8.3) and stop the automatic replies this run counts.
 */
const TEXTS = [
  'Hello! How much does delivery cost?',
  'What time do you open on Saturday?',
  'Do you ship to Canada?',
  'Is the large size in stock?',
  'How much is delivery to Leeds?',
  'Do you have oat milk?',
  'Can I pick up my order tomorrow morning?',
  'Which of your blends is the least bitter?',
];

export function messageText(seq: number): string {
  return `${TEXTS[seq % TEXTS.length]} (#${seq + 1})`;
}
