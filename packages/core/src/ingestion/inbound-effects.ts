import type { ConversationListRow, MessageRow } from '@replyforce/db';

/** What normalising one event changed, announced once its transaction has committed. */
export type Effects = {
  /** A new contact whose name the webhook did not give. */
  unnamedContact?: string;
  created: MessageRow[];
  statusChanged: MessageRow[];
  conversationId: string | undefined;
  /** The conversation as dashboards list it, read in the same transaction. */
  view?: ConversationListRow | undefined;
  decide: string | undefined;
};

export function noEffects(): Effects {
  return { created: [], statusChanged: [], conversationId: undefined, decide: undefined };
}
