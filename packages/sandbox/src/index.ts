import type { FastifyError, FastifyInstance } from 'fastify';
import { ACCOUNTS } from './accounts.ts';
import { controlPlugin } from './control/plugin.ts';
import { createAuthCodes } from './core/auth-codes.ts';
import type { SandboxContext } from './core/context.ts';
import { type Grant, issueGrant } from './core/credentials.ts';
import { createFaults } from './core/faults.ts';
import { createRateLimiter } from './core/sliding-window.ts';
import { attachStateFile, loadStateFile, type StateFile } from './core/state-file.ts';
import { createStore, type Store } from './core/store.ts';
import { createTimers } from './core/timers.ts';
import { createTokenSigner } from './core/tokens.ts';
import { type CrmSandbox, createCrmSandbox } from './crm/index.ts';
import { facebookWebPlugin, graphPlugin } from './meta/plugins.ts';
import { openaiPlugins } from './openai/plugins.ts';
import { resolveOptions, type SandboxOptions } from './options.ts';
import type { Platform, SandboxAccount } from './types.ts';
import { registerFormParser } from './web/form-body.ts';
import { createDispatcher } from './webhooks/dispatcher.ts';
import { xApiPlugin, xWebPlugin } from './x/plugins.ts';

export { ACCOUNTS, SEED_TEMPLATES, WABA_ID } from './accounts.ts';
export type { Grant } from './core/credentials.ts';
export type {
  CrmAccount,
  CrmNote,
  CrmOptionsInput,
  CrmRecord,
  CrmSandbox,
  CrmVendor,
  LoggedRequest,
} from './crm/index.ts';
export { CRM_VENDORS, ZOHO_DCS } from './crm/index.ts';
export type { SandboxLimits, SandboxOptions, SandboxTiming } from './options.ts';
export { DEFAULT_LIMITS } from './options.ts';
export type { Customer, Platform, SandboxAccount, ThreadEntry } from './types.ts';

export type Sandbox = {
  /** Register with any prefix (`/sandbox` in the demo, none standalone). */
  plugin: (app: FastifyInstance) => Promise<void>;
  /** Credentials for one account as if it had just been connected, its subscription switched on. */
  issueGrant(platform: Platform, accountId: string): Grant;
  accounts: readonly SandboxAccount[];
  /** The live state: threads, subscriptions, the sent log (tests read it). */
  state: Store;
  /** The CRM stand-ins' accounts, records, notes and request log. */
  crm: CrmSandbox;
  /** Cancels pending receipts and retries, releases held requests, sends held webhook batches, writes the state file. */
  close(): Promise<void>;
};

export function createSandbox(options: SandboxOptions): Sandbox {
  const opts = resolveOptions(options);
  const store = createStore(opts.caps);
  let stateFile: StateFile | undefined;
  if (opts.stateFile) {
    const saved = loadStateFile(opts.stateFile);
    if (saved) store.restore(saved);
    stateFile = attachStateFile(store, opts.stateFile, opts.timing.persistIntervalMs);
  }
  const timers = createTimers();
  const ctx: SandboxContext = {
    opts,
    now: opts.now,
    store,
    tokens: createTokenSigner(opts.secret),
    limiter: createRateLimiter(opts.now),
    faults: createFaults(),
    timers,
    codes: createAuthCodes(opts.now),
    dispatcher: createDispatcher({
      target: opts.target,
      metaAppSecret: opts.metaAppSecret,
      xConsumerSecret: opts.xConsumerSecret,
      retryDelaysMs: opts.deliveryRetryDelaysMs,
      timeoutMs: opts.timing.webhookTimeoutMs,
      timers,
      batchWindowMs: opts.timing.batchWindowMs,
      batchMaxEvents: opts.webhookBatchMaxEvents,
    }),
  };

  const openai = openaiPlugins(ctx);
  const crm = createCrmSandbox(ctx, opts.crm);

  // Not wrapped in fastify-plugin on purpose: parsers, hooks and handlers stay inside the sandbox's scope.
  const plugin = async (app: FastifyInstance) => {
    registerFormParser(app);
    app.setErrorHandler((err: FastifyError, _req, reply) =>
      reply.status(err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500).send({
        error: { code: 'SANDBOX_ERROR', message: err.message },
      }),
    );
    await app.register(graphPlugin(ctx), { prefix: '/meta/graph' });
    await app.register(facebookWebPlugin(ctx), { prefix: '/meta/web' });
    await app.register(xApiPlugin(ctx), { prefix: '/x/api' });
    await app.register(xWebPlugin(ctx), { prefix: '/x/web' });
    await app.register(controlPlugin(ctx), { prefix: '/control' });
    await app.register(openai.api, { prefix: '/openai/v1' });
    await app.register(openai.control, { prefix: '/control/openai' });
    for (const [vendor, crmPlugin] of Object.entries(crm.plugins))
      await app.register(crmPlugin, { prefix: `/crm/${vendor}` });
    await app.register(crm.control, { prefix: '/control/crm' });
  };

  return {
    plugin,
    issueGrant: (platform, accountId) => issueGrant(ctx, platform, accountId),
    accounts: ACCOUNTS,
    state: store,
    crm: crm.api,
    async close() {
      timers.clear();
      crm.close();
      await ctx.dispatcher.close();
      await stateFile?.close();
    },
  };
}
