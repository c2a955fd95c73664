import type { Config } from '@replyforce/config';
import { DEMO, seedDemo, seedDemoChannels } from '@replyforce/core';
import pino from 'pino';
import { loggerOptions } from './plugins/logger.ts';
import { openRuntime } from './runtime.ts';
import type { WorkerQueue } from './workers/index.ts';

export type ProcessRole = 'all' | 'api' | 'worker';

/** Runs one process: API, worker, or both (the embedded default). Stops cleanly on SIGTERM/SIGINT. */
export async function runProcess(
  config: Config,
  role: ProcessRole,
  opts: { queues?: WorkerQueue[] | undefined } = {},
): Promise<void> {
  if (role !== 'all' && !(config.database.url && config.redisUrl)) {
    throw new Error(
      `'${role}' alone needs DATABASE_URL and REDIS_URL (separate processes share work through them); use 'start' on embedded defaults`,
    );
  }
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  const withApi = role !== 'worker';
  const withWorker = role !== 'api';
  // Each role loads only its own code: the HTTP app (fastify, its plugins, the routes) in API
  // roles, the job handlers and the scheduler in worker roles, the platform stand-ins only when the
  // sandbox is on. Keeps a separate process's memory to what it runs.
  const sandboxing = config.sandbox ? await import('./sandbox.ts') : undefined;
  // With the sandbox, the X webhook id is the one the sandbox derived for this server's URL.
  const runtime = await openRuntime(
    config,
    sandboxing ? { xWebhookId: sandboxing.sandboxXWebhookId(config) } : {},
  );
  const { deps } = runtime;

  const sandbox = withApi ? sandboxing?.createAppSandbox(config) : undefined;
  const freshDemo = withApi && config.seedDemo && (await seedDemo(deps));
  if (freshDemo) {
    const channels = sandbox && sandboxing ? await seedDemoChannels(deps, sandboxing.demoGrants(sandbox)) : 0;
    log.info({ channels }, 'seeded the demo workspace');
  }
  let stopScheduler = () => {};
  if (withWorker) {
    const [{ startWorkers }, { startScheduler }] = await Promise.all([
      import('./workers/index.ts'),
      import('./scheduler/index.ts'),
    ]);
    await startWorkers(deps, log, opts.queues);
    stopScheduler = startScheduler(deps, log, config.sweepIntervalSeconds * 1000);
  }
  const app = withApi
    ? await (await import('./build-app.ts')).buildApp(deps, sandbox ? { sandbox } : {})
    : undefined;
  if (app) await app.listen({ host: config.host, port: config.port });
  if (app && sandbox && sandboxing && freshDemo) {
    // Once listening: the sandbox delivers these customers' webhooks to this server over HTTP.
    sandboxing
      .seedDemoConversations(app, sandbox)
      .then((n) => log.info({ conversations: n }, 'demo customers wrote in through the sandbox'))
      .catch((err) => log.warn({ err }, 'could not seed the demo conversations'));
  }

  printBanner(config, role);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    stopScheduler();
    await app?.close(); // stops accepting, lets in-flight requests finish
    await sandbox?.close();
    await runtime.close(); // lets running jobs finish, closes Redis and the database
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

function printBanner(config: Config, role: ProcessRole): void {
  const lines = [
    '',
    `  ReplyForce ${role === 'all' ? '' : `(${role}) `}is running`,
    `  storage: ${config.embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; jobs: ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'}`,
  ];
  if (role !== 'worker') {
    lines.push(`  dashboard: ${config.publicUrl}`, `  API docs:  ${config.publicUrl}/api/docs`);
    if (config.sandbox)
      lines.push(
        `  sandbox:   platform stand-ins at ${config.publicUrl}/sandbox (customer simulator: ${config.publicUrl}/simulator)`,
        `  CRM demo:  as the admin, open CRM and connect the sandbox HubSpot (docs/crm-sync.md)`,
      );
    if (config.seedDemo) {
      lines.push(
        `  demo logins (workspace "${DEMO.tenantName}", password "${DEMO.password}"):`,
        `    admin  ${DEMO.admin.email}`,
        `    agent  ${DEMO.agent.email}`,
      );
    }
  }
  console.log(`${lines.join('\n')}\n`);
}
