import Fastify from 'fastify';
import { createSandbox, type Sandbox, type SandboxOptions } from './index.ts';

export type SandboxServer = { url: string; sandbox: Sandbox; close(): Promise<void> };

/** The sandbox alone in its own Fastify app at the root, for tests and benchmarks. */
export async function startSandboxServer(
  options: SandboxOptions & { port?: number; host?: string },
): Promise<SandboxServer> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const sandbox = createSandbox(rest);
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(sandbox.plugin);
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    sandbox,
    async close() {
      await sandbox.close();
      await app.close();
    },
  };
}
