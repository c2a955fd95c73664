import { findConversationView, updateConversation, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { toConversationDto } from './dto.ts';

/** Someone opened the thread: its unread count drops to zero on every dashboard of the tenant. */
export async function markConversationRead(deps: CoreDeps, tenantId: string, conversationId: string) {
  const dto = await withTenant(deps.db, tenantId, async (tx) => {
    if (!(await updateConversation(tx, tenantId, conversationId, { unreadCount: 0 }))) {
      throw new AppError('NOT_FOUND', 'No such conversation');
    }
    const view = await findConversationView(tx, tenantId, conversationId);
    return toConversationDto(view!);
  });
  publish(deps, tenantId, 'conversation.updated', dto);
}
