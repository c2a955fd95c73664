import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built dashboard; client-side routes (/team, /accept-invite…) get index.html. */
export async function registerStaticWeb(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' });
  return true;
}

export function isDashboardRoute(method: string, url: string, accept: string | undefined): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    !/^\/(api|webhooks|metrics|healthz|readyz)(\/|$|\?)/.test(url) &&
    (accept ?? '').includes('text/html')
  );
}
