import type { LeadCrmDto } from '@replyforce/contracts';
import { type LeadCrmState, listLeadCrmStates, type Tx } from '@replyforce/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toLeadCrmDto(s: LeadCrmState): LeadCrmDto {
  return {
    connectionId: s.connectionId,
    vendor: s.vendor,
    status: s.status,
    externalId: s.externalId,
    lastSyncedAt: iso(s.lastSyncedAt),
    error: s.error,
    owner: s.crmOwner,
    crmStatus: s.crmStatus,
    crmChangedAt: iso(s.crmChangedAt),
  };
}

/** Adds each lead's CRM side (sync status, record id, owner and status there): one query for the page. */
export async function withCrmStates<T extends { id: string }>(
  tx: Tx,
  tenantId: string,
  leads: T[],
): Promise<(T & { crm: LeadCrmDto[] })[]> {
  const states = await listLeadCrmStates(
    tx,
    tenantId,
    leads.map((l) => l.id),
  );
  return leads.map((l) => ({ ...l, crm: states.filter((s) => s.leadId === l.id).map(toLeadCrmDto) }));
}
