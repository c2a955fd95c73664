import type { ConversationDetailDto } from '@replyforce/contracts';
import { encodeCursor, findConversationView, listMessages, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { toConversationDto, toMessageDto } from './dto.ts';

/** How many messages the thread view opens with; older ones come page by page. */
export const THREAD_PAGE = 50;

/** One conversation with its newest messages, oldest first, and the cursor of the older ones. */
export async function getConversation(
  deps: CoreDeps,
  tenantId: string,
  conversationId: string,
): Promise<ConversationDetailDto> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const view = await findConversationView(tx, tenantId, conversationId);
    if (!view) throw new AppError('NOT_FOUND', 'No such conversation');
    const rows = await listMessages(tx, tenantId, conversationId, { limit: THREAD_PAGE + 1 });
    const newest = rows.slice(0, THREAD_PAGE);
    const oldest = newest.at(-1);
    return {
      conversation: toConversationDto(view),
      messages: newest.reverse().map(toMessageDto),
      olderCursor: rows.length > THREAD_PAGE && oldest ? encodeCursor(oldest) : null,
    };
  });
}
