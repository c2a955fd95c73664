import type { SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** Rows of a raw statement run in a transaction (both drivers answer `{ rows }`). */
export async function txRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
