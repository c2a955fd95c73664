import type { MessageDto } from '@replyforce/contracts';
import { encodeCursor, findConversation, listMessages, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset } from '../paginate.ts';
import { toMessageDto } from './dto.ts';

/**
 * A page of a thread going back in time: without a cursor the newest messages, with the cursor of
 * the previous page (or the detail's olderCursor) the ones before. Each page is oldest first, ready
 * to prepend; `nextCursor` points further back.
 */
export async function listConversationMessages(
  deps: CoreDeps,
  tenantId: string,
  conversationId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: MessageDto[]; nextCursor: string | null }> {
  const after = cursorToKeyset(page.cursor);
  return withTenant(deps.db, tenantId, async (tx) => {
    if (!(await findConversation(tx, tenantId, conversationId))) {
      throw new AppError('NOT_FOUND', 'No such conversation');
    }
    const rows = await listMessages(tx, tenantId, conversationId, { limit: page.limit + 1, after });
    const items = rows.slice(0, page.limit);
    const oldest = items.at(-1);
    return {
      items: items.reverse().map(toMessageDto),
      nextCursor: rows.length > page.limit && oldest ? encodeCursor(oldest) : null,
    };
  });
}
