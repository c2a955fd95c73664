import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leads } from './leads.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const CRM_VENDOR_NAMES = ['hubspot', 'salesforce', 'zoho', 'pipedrive'] as const;
export const CRM_CONNECTION_STATUSES = ['active', 'needs_reauth', 'disconnected'] as const;
export const CRM_SYNC_STATUSES = ['pending', 'syncing', 'synced', 'failed', 'dead'] as const;

/** What a connection may be told to do with a CRM record when its contact is erased (GDPR). */
export type CrmConnectionSettings = { eraseMode?: 'delete' | 'anonymise' };

/** One field as the CRM lists it, cached so the mapping editor does not call the CRM on every read. */
export type CachedCrmField = {
  name: string;
  label: string;
  type: string;
  options?: string[];
  readOnly?: boolean;
  custom?: boolean;
};

/**
 * A tenant's connection to one CRM. At most one live connection per vendor and tenant; the
 * credentials (tokens, instance URL) are sealed with the tenant's data key like channel tokens.
 */
export const crmConnections = pgTable(
  'crm_connections',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    vendor: text('vendor', { enum: CRM_VENDOR_NAMES }).notNull(),
    status: text('status', { enum: CRM_CONNECTION_STATUSES }).notNull().default('active'),
    authType: text('auth_type', { enum: ['oauth', 'token'] }).notNull(),
    /** CrmCredentials as JSON, sealed (never plaintext). */
    credentials: text('credentials').notNull(),
    /** The CRM account (HubSpot portal id, Salesforce org id…): webhooks route by it. */
    accountId: text('account_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    authFailures: integer('auth_failures').notNull().default(0),
    settings: jsonb('settings').$type<CrmConnectionSettings>().notNull().default({}),
    fields: jsonb('fields').$type<CachedCrmField[]>(),
    fieldsFetchedAt: timestamp('fields_fetched_at', { withTimezone: true }),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    /** Changes made in the CRM are read from here on (the periodic pull). */
    lastPulledAt: timestamp('last_pulled_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    /** One sync job works a connection at a time; this is its lease (a lost job's lease lapses). */
    busyUntil: timestamp('busy_until', { withTimezone: true, precision: 3 }),
    busyBy: text('busy_by'),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('crm_connections_live_vendor_uq')
      .on(t.tenantId, t.vendor)
      .where(sql`status <> 'disconnected'`),
    index('crm_connections_account_idx').on(t.vendor, t.accountId),
  ],
);

/** ReplyForce field → CRM field, per connection; `valueMap` translates values (lead tag → status). */
export const crmFieldMappings = pgTable(
  'crm_field_mappings',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    target: text('target').notNull(),
    valueMap: jsonb('value_map').$type<Record<string, string>>(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('crm_field_mappings_target_uq').on(t.connectionId, t.target)],
);

/**
 * The state of one lead in one connected CRM. One row per (connection, lead): a change while a sync
 * is pending or running bumps `version` instead of adding work, and the CRM record is upserted by
 * the contact id, so neither retries nor concurrent workers can create a second record.
 */
export const crmSyncs = pgTable(
  'crm_syncs',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CRM_SYNC_STATUSES }).notNull().default('pending'),
    /** The CRM's record id once created. */
    externalId: text('external_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** While `syncing`: the claim lapses at this time (a worker killed mid-call). */
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    version: integer('version').notNull().default(1),
    syncedVersion: integer('synced_version').notNull().default(0),
    /** Why the last change was queued: lead_created, tag_changed, conversation_closed, forced, connected. */
    reason: text('reason').notNull(),
    /** The mapped fields last sent. */
    payload: jsonb('payload').$type<Record<string, string>>(),
    /** The last message a note was written for: one note per new exchange, none on a retry. */
    notedKey: text('noted_key'),
    error: text('error'),
    errorKind: text('error_kind'),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    /** What the CRM says (webhook or pull): the record's owner and status there. */
    crmOwner: text('crm_owner'),
    crmStatus: text('crm_status'),
    crmChangedAt: timestamp('crm_changed_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crm_syncs_connection_lead_uq').on(t.connectionId, t.leadId),
    index('crm_syncs_due_idx')
      .on(t.connectionId, t.nextAttemptAt)
      .where(sql`status in ('pending', 'failed', 'syncing')`),
    index('crm_syncs_lead_idx').on(t.leadId),
    index('crm_syncs_external_idx').on(t.connectionId, t.externalId),
    index('crm_syncs_tenant_status_idx').on(t.tenantId, t.status, t.updatedAt.desc()),
  ],
);

/**
 * A CRM record to delete or anonymise because its contact was erased. Kept apart from crm_syncs,
 * which goes with the lead: this row outlives the contact until the CRM has done it.
 */
export const crmErasures = pgTable(
  'crm_erasures',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    /** The erased lead's id (no foreign key: the lead is gone); crm.sync jobs are addressed by it. */
    leadId: uuid('lead_id').notNull(),
    recordId: text('record_id').notNull(),
    mode: text('mode', { enum: ['delete', 'anonymise'] }).notNull(),
    status: text('status', { enum: ['pending', 'syncing', 'done', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('crm_erasures_record_uq').on(t.connectionId, t.recordId),
    index('crm_erasures_due_idx')
      .on(t.connectionId, t.nextAttemptAt)
      .where(sql`status in ('pending', 'syncing')`),
    index('crm_erasures_lead_idx').on(t.tenantId, t.leadId),
  ],
);

/** One pending CRM authorisation: the OAuth `state` is this row's id, usable once by the user who started it. */
export const crmOauthStates = pgTable('crm_oauth_states', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  vendor: text('vendor', { enum: CRM_VENDOR_NAMES }).notNull(),
  redirectUri: text('redirect_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
