import type { Keyset } from '@replyforce/db';
import { decodeCursor, encodeCursor } from '@replyforce/db';
import { AppError } from './app-error.ts';

/** Reads an opaque cursor from a client; a cursor we did not issue is a 400. */
export function cursorToKeyset(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const keyset = decodeCursor(cursor);
  if (!keyset) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  return keyset;
}

/** Rows fetched with limit + 1 → one page and the cursor of the next, if any. */
export function toPage<R extends Keyset, T>(rows: R[], limit: number, map: (r: R) => T) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
