import type { ContactDto, ConversationDto } from '@replyforce/contracts';
import { findChannel, findContact, listConversations, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { toContactDto, toConversationDto } from './dto.ts';

/** A contact's threads shown with it (a DM and one per post commented on); the rest via the inbox filter. */
export const CONTACT_CONVERSATIONS = 100;

export async function getContact(
  deps: CoreDeps,
  tenantId: string,
  contactId: string,
): Promise<{ contact: ContactDto; conversations: ConversationDto[] }> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const contact = await findContact(tx, tenantId, contactId);
    if (!contact) throw new AppError('NOT_FOUND', 'No such contact');
    const channel = await findChannel(tx, tenantId, contact.channelId);
    const rows = await listConversations(tx, tenantId, { contactId }, { limit: CONTACT_CONVERSATIONS });
    return {
      contact: toContactDto(contact, channel!.platform),
      conversations: rows.map(toConversationDto),
    };
  });
}
