import type { OutboxPage } from '@replyforce/contracts';
import { decodeCursor, encodeCursor, listMails, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

export async function listOutbox(
  deps: CoreDeps,
  tenantId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<z.infer<typeof OutboxPage>> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (page.cursor !== undefined && !after) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listMails(tx, tenantId, { limit: page.limit + 1, ...(after ? { after } : {}) }),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      deliveredAt: m.deliveredAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
  };
}
