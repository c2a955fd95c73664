import { join } from 'node:path';
import type { Config } from '@replyforce/config';
import type { GrantedAccount } from '@replyforce/connectors';
import { createSandbox, type Sandbox } from '@replyforce/sandbox';
import { webhookIdFor } from '@replyforce/sandbox/x/webhooks.ts';
import { sandboxSecretFor } from './secrets.ts';

/**
 * The platform stand-ins mounted in this process at /sandbox (embedded defaults, SANDBOX=true).
 * They deliver webhooks back to this server's public URL, signed with the same app secrets the
 * receivers check, exactly as the real platforms would.
 */
export function createAppSandbox(config: Config): Sandbox | undefined {
  if (!config.sandbox) return undefined;
  const ch = config.channels;
  return createSandbox({
    webhookTarget: config.publicUrl,
    metaAppId: ch.metaAppId,
    metaAppSecret: ch.metaAppSecret,
    xClientId: ch.xClientId,
    xClientSecret: ch.xClientSecret,
    xConsumerSecret: ch.xConsumerSecret,
    secret: sandboxSecretFor(config),
    stateFile: join(config.dataDir, 'sandbox-state.json'),
    graphVersion: ch.graphVersion,
    timing: { batchWindowMs: config.sandboxWebhookBatchMs },
    // The CRM stand-ins know the same apps the connectors use (HubSpot signs its webhooks with the secret).
    crm: { apps: crmApps(config) },
  });
}

function crmApps(config: Config) {
  const app = (v: keyof Config['crm']['apps']) => ({
    clientId: config.crm.apps[v].clientId,
    clientSecret: config.crm.apps[v].clientSecret,
  });
  return {
    hubspot: app('hubspot'),
    salesforce: app('salesforce'),
    zoho: app('zoho'),
    pipedrive: app('pipedrive'),
  };
}

/**
 * The X webhook id the sandbox knows this server's /webhooks/twitter by (the id a real deployment
 * gets once from POST /2/webhooks and puts in X_WEBHOOK_ID).
 */
export function sandboxXWebhookId(config: Config): string {
  return webhookIdFor(sandboxSecretFor(config), `${config.publicUrl}/webhooks/twitter`);
}

/** One account per platform, granted as a person would on each consent page: the demo's channels. */
export function demoGrants(sandbox: Sandbox): GrantedAccount[] {
  const pick = (platform: 'facebook' | 'instagram' | 'whatsapp' | 'x') => {
    const account = sandbox.accounts.find((a) => a.platform === platform);
    if (!account) throw new Error(`the sandbox has no ${platform} account`);
    const extra: Record<string, string> = {};
    if (account.pageId) extra.pageId = account.pageId;
    if (account.wabaId) extra.wabaId = account.wabaId;
    if (account.displayPhoneNumber) extra.displayPhoneNumber = account.displayPhoneNumber;
    return {
      platform,
      accountId: account.accountId,
      name: account.name,
      ...(account.username ? { username: account.username } : {}),
      extra,
      credentials: sandbox.issueGrant(platform, account.accountId),
    };
  };
  return [pick('facebook'), pick('instagram'), pick('whatsapp'), pick('x')];
}

const DEMO_CONVERSATIONS = [
  {
    path: 'messages',
    platform: 'facebook',
    customer: { id: '7100000000000001', name: 'Maria Lopez' },
    text: 'Hi! How much does delivery cost to Brooklyn?',
  },
  {
    path: 'messages',
    platform: 'instagram',
    customer: { id: '7200000000000001', username: 'sam.latte' },
    text: 'Hello! What time do you open on Sundays?',
  },
  {
    path: 'comments',
    platform: 'instagram',
    customer: { id: '7200000000000002', username: 'coffee_fan' },
    text: "Love this! What's the price of the Pro plan?",
  },
  {
    path: 'messages',
    platform: 'whatsapp',
    customer: { id: '16505551234', name: 'Sheena Nelson' },
    text: "Hi, I'd like to order two bags of the house blend.",
  },
  {
    path: 'messages',
    platform: 'x',
    customer: { id: '3001969357', name: 'Jordan Brinks', username: 'furiouscamper' },
    text: 'Hey, do you have oat milk?',
  },
] as const;

/**
 * A fresh demo opens on an inbox with a few conversations: customers "write" through the sandbox,
 * so each one takes the real path (signed webhook, storage, the AI pipeline, a reply sent back).
 * The questions are ones the demo FAQ answers, so the inbox opens on answered threads with their
 * analyses and lead tags; the tour's own messages show a hand-off.
 */
export async function seedDemoConversations(
  app: { inject: (o: { method: 'POST'; url: string; payload: object }) => Promise<{ statusCode: number }> },
  sandbox: Sandbox,
): Promise<number> {
  let delivered = 0;
  for (const c of DEMO_CONVERSATIONS) {
    const account = sandbox.accounts.find((a) => a.platform === c.platform);
    if (!account) continue;
    const res = await app.inject({
      method: 'POST',
      url: `/sandbox/control/${c.path}`,
      payload: { platform: c.platform, accountId: account.accountId, customer: c.customer, text: c.text },
    });
    if (res.statusCode === 200) delivered++;
  }
  return delivered;
}
