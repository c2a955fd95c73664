import { type MessageRow, markMessageSent, type Tx } from '@replyforce/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNSETTLED = new Set<string>(['pending', 'sending', 'failed']);

/** The id of our own message an echo's metadata may carry (every send sets it to the row id). */
export function ownMessageIdOf(metadata: string | undefined): string | undefined {
  return metadata && UUID.test(metadata) ? metadata : undefined;
}

/** A send not yet known to have reached the platform. */
export function isUnsettled(status: string): boolean {
  return UNSETTLED.has(status);
}

/**
 * The echo of one of our sends proves the platform accepted it, even after we gave up on an
 * unanswered call: an unsettled row becomes `sent`. Returns the changed row, if any.
 */
export function confirmByEcho(
  tx: Tx,
  tenantId: string,
  message: { id: string; status: string },
  echo: { platformMessageId: string; timestamp: number },
): Promise<MessageRow | undefined> {
  if (!isUnsettled(message.status)) return Promise.resolve(undefined);
  return markMessageSent(tx, tenantId, message.id, echo.platformMessageId, new Date(echo.timestamp));
}
