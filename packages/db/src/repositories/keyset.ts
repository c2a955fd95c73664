import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Keyset pagination cursor over (created_at desc, id desc): stable while rows are appended. */
export type Keyset = { createdAt: Date; id: string };

export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.createdAt.toISOString()}|${k.id}`).toString('base64url');
}

/** Undefined for a cursor that is not one of ours; callers answer 400. */
export function decodeCursor(cursor: string): Keyset | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!iso || !id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
}

/** The condition "strictly after `after` in (created_at desc, id desc) order"; undefined on page one. */
export function olderThan(createdAt: PgColumn, id: PgColumn, after: Keyset | undefined): SQL | undefined {
  if (!after) return undefined;
  return or(lt(createdAt, after.createdAt), and(eq(createdAt, after.createdAt), lt(id, after.id)));
}
