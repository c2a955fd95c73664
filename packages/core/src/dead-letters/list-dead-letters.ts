import type { DeadLetterDto } from '@replyforce/contracts';
import { listDeadLetters as listRows, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';
import { toDeadLetterDto } from './dto.ts';

/** The tenant's dead letters, most recent failure first; the cursor is over (failed_at, id). */
export async function listDeadLetters(
  deps: CoreDeps,
  tenantId: string,
  query: { queue?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: z.infer<typeof DeadLetterDto>[]; nextCursor: string | null }> {
  const after = cursorToKeyset(query.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(tx, tenantId, query.queue ? { queue: query.queue } : {}, {
      limit: query.limit + 1,
      ...(after ? { after } : {}),
    }),
  );
  const keyed = rows.map((row) => ({ createdAt: row.failedAt, id: row.id, row }));
  return toPage(keyed, query.limit, (k) => toDeadLetterDto(k.row));
}
