import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const CHANNEL_PLATFORMS = ['facebook', 'instagram', 'whatsapp', 'x'] as const;
export const CHANNEL_STATUSES = ['active', 'needs_reauth', 'disconnected'] as const;

/**
 * A connected social account (a Page, an Instagram account, a WhatsApp number, an X user).
 * `account_id` is what webhooks route by; one live connection per account across all tenants,
 * since a webhook can only belong to one of them.
 */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: CHANNEL_PLATFORMS }).notNull(),
    accountId: text('account_id').notNull(),
    name: text('name').notNull(),
    username: text('username'),
    /** Non-secret platform ids (pageId, wabaId, displayPhoneNumber). */
    extra: jsonb('extra').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: CHANNEL_STATUSES }).notNull().default('active'),
    /** AccountCredentials as JSON, sealed with the tenant's data key (never plaintext). */
    credentials: text('credentials').notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    authFailures: integer('auth_failures').notNull().default(0),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('channels_live_account_uq').on(t.platform, t.accountId).where(sql`status <> 'disconnected'`),
    index('channels_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

/** One pending OAuth authorisation: the `state` is this row's id, usable once by the user who started it. */
export const oauthStates = pgTable('oauth_states', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  platform: text('platform', { enum: CHANNEL_PLATFORMS }).notNull(),
  redirectUri: text('redirect_uri').notNull(),
  /** PKCE verifier (X), sealed like every other secret. */
  codeVerifier: text('code_verifier').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each tenant's data key, wrapped by the master key (envelope encryption, invariant 4). */
export const tenantKeys = pgTable('tenant_keys', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  wrappedKey: text('wrapped_key').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
