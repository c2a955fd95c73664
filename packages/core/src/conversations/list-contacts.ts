import type { ContactDto } from '@replyforce/contracts';
import { listContacts as listRows, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';
import { toContactDto } from './dto.ts';

/** Contacts, most recently seen first; the cursor is over (last_seen_at, id). */
export async function listContacts(
  deps: CoreDeps,
  tenantId: string,
  query: {
    q?: string | undefined;
    channelId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: ContactDto[]; nextCursor: string | null }> {
  const after = cursorToKeyset(query.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(tx, tenantId, { q: query.q, channelId: query.channelId }, { limit: query.limit + 1, after }),
  );
  const keyed = rows.map((row) => ({ createdAt: row.contact.lastSeenAt, id: row.contact.id, row }));
  return toPage(keyed, query.limit, (k) => toContactDto(k.row.contact, k.row.platform));
}
