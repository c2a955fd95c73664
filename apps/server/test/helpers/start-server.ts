import { DEFAULT_WEB_DIST } from '../../src/build-app.ts';
import { freePort } from './free-port.ts';
import { createTestApp } from './test-app.ts';

/**
 * The whole platform on in-memory PGlite, serving the built dashboard on a free local port.
 * PUBLIC_URL matches the port, so links in mails (invitations) open this server.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await createTestApp(
    'pglite',
    { PUBLIC_URL: url, PORT: String(port) },
    { webDist: DEFAULT_WEB_DIST },
  );
  await t.app.listen({ host: '127.0.0.1', port });
  return { url, close: () => t.close() };
}
