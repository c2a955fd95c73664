import type { ConversationDto, ConversationQuery } from '@replyforce/contracts';
import { listConversations as listRows, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';
import { toConversationDto } from './dto.ts';

export type ConversationFilters = Omit<z.output<typeof ConversationQuery>, 'limit' | 'cursor'>;

/** The inbox, newest activity first; the cursor is over (last_message_at, id). */
export async function listConversations(
  deps: CoreDeps,
  tenantId: string,
  query: ConversationFilters & { limit: number; cursor?: string | undefined },
): Promise<{ items: ConversationDto[]; nextCursor: string | null }> {
  const after = cursorToKeyset(query.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(
      tx,
      tenantId,
      {
        status: query.status,
        channelId: query.channelId,
        platform: query.platform,
        assigneeId: query.assignee === 'none' ? null : query.assignee,
        leadTag: query.leadTag,
        contactId: query.contactId,
        q: query.q,
      },
      { limit: query.limit + 1, after },
    ),
  );
  const keyed = rows.map((row) => ({
    createdAt: row.conversation.lastMessageAt,
    id: row.conversation.id,
    row,
  }));
  return toPage(keyed, query.limit, (k) => toConversationDto(k.row));
}
