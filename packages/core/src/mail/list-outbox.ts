import type { OutboxPage } from '@replyforce/contracts';
import { listMails, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';

export async function listOutbox(
  deps: CoreDeps,
  tenantId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<OutboxPage> {
  const after = cursorToKeyset(page.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listMails(tx, tenantId, { limit: page.limit + 1, ...(after ? { after } : {}) }),
  );
  return toPage(rows, page.limit, (m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
  }));
}
