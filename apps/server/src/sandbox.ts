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
  });
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
