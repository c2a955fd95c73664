import type { MessageTemplate, Platform, SandboxAccount } from './types.ts';

export const WABA_ID = '102290129340398';
/** The person who signs in on the consent pages. */
export const SANDBOX_USER = { id: '100000000000099', name: 'Sandbox Admin' };

/** Fixed ids, so the demo seed, the tests and the benchmarks can name accounts up front. */
export const ACCOUNTS: readonly SandboxAccount[] = Object.freeze([
  { platform: 'facebook', accountId: '1000000000000001', name: 'Acme Coffee' },
  { platform: 'facebook', accountId: '1000000000000002', name: 'Acme Coffee Roasters' },
  {
    platform: 'instagram',
    accountId: '17841400000000001',
    name: 'Acme Coffee',
    username: 'acmecoffee',
    pageId: '1000000000000001',
  },
  {
    platform: 'instagram',
    accountId: '17841400000000002',
    name: 'Acme Coffee Roasters',
    username: 'acmeroasters',
    pageId: '1000000000000002',
  },
  {
    platform: 'whatsapp',
    accountId: '106540352242922',
    name: 'Acme Coffee',
    wabaId: WABA_ID,
    displayPhoneNumber: '15550783881',
  },
  {
    platform: 'whatsapp',
    accountId: '106540352242923',
    name: 'Acme Coffee Roasters',
    wabaId: WABA_ID,
    displayPhoneNumber: '15550783882',
  },
  { platform: 'x', accountId: '4337869213', name: 'Acme Coffee', username: 'acmecoffee' },
  { platform: 'x', accountId: '4337869214', name: 'Acme Coffee Roasters', username: 'acmeroasters' },
] satisfies SandboxAccount[]);

export function findAccount(platform: Platform, accountId: string): SandboxAccount | undefined {
  return ACCOUNTS.find((a) => a.platform === platform && a.accountId === accountId);
}

export function accountsOf(platform: Platform): SandboxAccount[] {
  return ACCOUNTS.filter((a) => a.platform === platform);
}

/** Any account with this id, whatever the platform (Graph ids are unique across object types). */
export function findAnyAccount(accountId: string): SandboxAccount | undefined {
  return ACCOUNTS.find((a) => a.accountId === accountId);
}

export function instagramOfPage(pageId: string): SandboxAccount | undefined {
  return ACCOUNTS.find((a) => a.platform === 'instagram' && a.pageId === pageId);
}

export const SEED_TEMPLATES: readonly MessageTemplate[] = Object.freeze([
  {
    id: '1210000000000001',
    wabaId: WABA_ID,
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    body: 'Hi {{1}}, your order {{2}} has an update.',
  },
  {
    id: '1210000000000002',
    wabaId: WABA_ID,
    name: 'follow_up',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    body: "Hi {{1}}, we're following up on your message. Reply to continue the conversation.",
  },
  {
    id: '1210000000000003',
    wabaId: WABA_ID,
    name: 'promo_spring',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    body: 'Spring is here, {{1}}: {{2}} off every bag of beans this week.',
  },
] satisfies MessageTemplate[]);

/** How many parameters a template body expects: the highest {{n}}. */
export function templateParamCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export function renderTemplate(body: string, params: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}
