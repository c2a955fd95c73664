import type { FastifyInstance } from 'fastify';

export type FormBody = Record<string, string | string[]>;

/** Repeated keys (several checked accounts) become arrays, as browsers send them. */
export function parseForm(text: string): FormBody {
  const out: FormBody = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/**
 * The X token endpoint and the consent forms send application/x-www-form-urlencoded. The parser is
 * added inside the sandbox's encapsulated scope, replacing any the host has there, so neither side
 * changes the other's parsing.
 */
export function registerFormParser(app: FastifyInstance): void {
  const type = 'application/x-www-form-urlencoded';
  if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
  app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseForm(body as string));
  });
}

export function formValue(body: unknown, key: string): string | undefined {
  const v = body && typeof body === 'object' ? (body as FormBody)[key] : undefined;
  return Array.isArray(v) ? v[0] : v;
}

export function formValues(body: unknown, key: string): string[] {
  const v = body && typeof body === 'object' ? (body as FormBody)[key] : undefined;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
