import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { channels, oauthStates } from '../schema/index.ts';

export type ChannelRow = typeof channels.$inferSelect;
export type ChannelPlatform = ChannelRow['platform'];

export async function insertChannel(tx: Tx, row: typeof channels.$inferInsert): Promise<void> {
  await tx.insert(channels).values(row);
}

export async function listChannels(tx: Tx, tenantId: string): Promise<ChannelRow[]> {
  return tx
    .select()
    .from(channels)
    .where(and(eq(channels.tenantId, tenantId), ne(channels.status, 'disconnected')))
    .orderBy(channels.createdAt, channels.id);
}

export async function findChannel(tx: Tx, tenantId: string, id: string): Promise<ChannelRow | undefined> {
  const [row] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)));
  return row;
}

/** The tenant's live connection of one platform account, if any (reconnecting updates it in place). */
export async function findLiveChannelByAccount(
  tx: Tx,
  tenantId: string,
  platform: ChannelPlatform,
  accountId: string,
): Promise<ChannelRow | undefined> {
  const [row] = await tx
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.tenantId, tenantId),
        eq(channels.platform, platform),
        eq(channels.accountId, accountId),
        ne(channels.status, 'disconnected'),
      ),
    );
  return row;
}

export type ChannelRoute = { tenantId: string; channelId: string; status: ChannelRow['status'] };

/**
 * Which tenant's channel a webhook for this account belongs to. Runs in the system context: the
 * receiver does not know the tenant until it has looked.
 */
export async function findChannelRoutes(
  tx: Tx,
  platform: ChannelPlatform,
): Promise<(ChannelRoute & { accountId: string })[]> {
  return tx
    .select({
      tenantId: channels.tenantId,
      channelId: channels.id,
      status: channels.status,
      accountId: channels.accountId,
    })
    .from(channels)
    .where(and(eq(channels.platform, platform), ne(channels.status, 'disconnected')));
}

export async function updateChannel(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<typeof channels.$inferInsert>,
): Promise<ChannelRow | undefined> {
  const [row] = await tx
    .update(channels)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)))
    .returning();
  return row;
}

/** Counts one more auth failure and returns the new count (the caller decides on needs_reauth). */
export async function countChannelAuthFailure(
  tx: Tx,
  tenantId: string,
  id: string,
  error: string,
): Promise<number> {
  const [row] = await tx
    .update(channels)
    .set({
      authFailures: sql`${channels.authFailures} + 1`,
      lastError: error.slice(0, 500),
      lastErrorAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)))
    .returning({ n: channels.authFailures });
  return row?.n ?? 0;
}

export async function touchChannelEvent(tx: Tx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(channels)
    .set({ lastEventAt: at })
    .where(
      and(
        eq(channels.tenantId, tenantId),
        eq(channels.id, id),
        // At most once a minute: every inbound event taking this row's lock would serialise a
        // busy channel's events behind one another.
        sql`(${channels.lastEventAt} is null or ${channels.lastEventAt} < ${new Date(at.getTime() - 60_000)})`,
      ),
    );
}

/** X tokens expiring before `before`, across tenants (the scheduler refreshes them). */
export async function listChannelsExpiringBefore(tx: Tx, before: Date, limit: number) {
  return tx
    .select({ id: channels.id, tenantId: channels.tenantId })
    .from(channels)
    .where(and(eq(channels.status, 'active'), lt(channels.tokenExpiresAt, before)))
    .orderBy(channels.tokenExpiresAt) // the soonest to expire first
    .limit(limit);
}

export async function insertOAuthState(tx: Tx, row: typeof oauthStates.$inferInsert): Promise<void> {
  await tx.insert(oauthStates).values(row);
}

/** Deletes and returns the state: it works once. */
export async function takeOAuthState(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .delete(oauthStates)
    .where(and(eq(oauthStates.tenantId, tenantId), eq(oauthStates.id, id)))
    .returning();
  return row;
}

/**
 * Locks one channel for a token refresh, or returns nothing when another worker holds it: X
 * refresh tokens are single-use, so two workers refreshing at once would revoke each other.
 */
export async function lockChannelForRefresh(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<ChannelRow | undefined> {
  const [row] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)))
    .for('update', { skipLocked: true });
  return row;
}
