import type { LeadQuery } from '@replyforce/contracts';
import { listLeads as listRows, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { withCrmStates } from '../crm/lead-crm-states.ts';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';
import { toLeadDto } from './lead-dto.ts';

/**
 * Leads, newest activity first (keyset cursor) or highest score first (the cursor is an offset,
 * since scores move while someone pages).
 */
export async function listLeads(deps: CoreDeps, tenantId: string, query: z.output<typeof LeadQuery>) {
  const page = await listLeadPage(deps, tenantId, query);
  // Each lead's CRM side (sync status, record id): one more query for the page.
  const items = await withTenant(deps.db, tenantId, (tx) => withCrmStates(tx, tenantId, page.items));
  return { ...page, items };
}

async function listLeadPage(deps: CoreDeps, tenantId: string, query: z.output<typeof LeadQuery>) {
  const byScore = query.sort === 'score';
  const offset = byScore ? offsetOf(query.cursor) : 0;
  const after = byScore ? undefined : cursorToKeyset(query.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(
      tx,
      tenantId,
      { tag: query.tag, q: query.q, minScore: query.minScore },
      { limit: query.limit + 1, after, offset, sort: query.sort },
    ),
  );
  if (byScore) {
    const items = rows.slice(0, query.limit).map((r) => toLeadDto(r.lead, r.contact));
    const next =
      rows.length > query.limit ? Buffer.from(`o:${offset + query.limit}`).toString('base64url') : null;
    return { items, nextCursor: next };
  }
  const keyed = rows.map((r) => ({ createdAt: r.lead.updatedAt, id: r.lead.id, r }));
  return toPage(keyed, query.limit, (k) => toLeadDto(k.r.lead, k.r.contact));
}

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  return Number(m[1]);
}
