import { randomBytes } from 'node:crypto';

/** URL-safe slug from a workspace name, plus a short random suffix so names need not be unique. */
export function slugify(name: string, suffix = true): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'workspace';
  return suffix ? `${base}-${randomBytes(3).toString('hex')}` : base;
}
