import type { ChannelDto } from '@replyforce/contracts';
import type { ChannelRow } from '@replyforce/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything about a channel except its credentials. */
export function toChannelDto(c: ChannelRow): ChannelDto {
  return {
    id: c.id,
    platform: c.platform,
    accountId: c.accountId,
    name: c.name,
    username: c.username,
    extra: c.extra,
    status: c.status,
    tokenExpiresAt: iso(c.tokenExpiresAt),
    lastEventAt: iso(c.lastEventAt),
    lastError: c.lastError,
    lastErrorAt: iso(c.lastErrorAt),
    createdAt: c.createdAt.toISOString(),
  };
}
