import type { CrmConnectionDto } from '@replyforce/contracts';
import type { CrmConnectionRow } from '@replyforce/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCrmConnectionDto(row: CrmConnectionRow): CrmConnectionDto {
  return {
    id: row.id,
    vendor: row.vendor,
    status: row.status,
    authType: row.authType,
    accountId: row.accountId,
    expiresAt: iso(row.expiresAt),
    eraseMode: row.settings.eraseMode ?? 'delete',
    lastSyncAt: iso(row.lastSyncAt),
    lastError: row.lastError,
    lastErrorAt: iso(row.lastErrorAt),
    createdAt: row.createdAt.toISOString(),
  };
}
