CREATE TABLE "crm_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"auth_type" text NOT NULL,
	"credentials" text NOT NULL,
	"account_id" text,
	"expires_at" timestamp with time zone,
	"auth_failures" integer DEFAULT 0 NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fields" jsonb,
	"fields_fetched_at" timestamp with time zone,
	"last_sync_at" timestamp with time zone,
	"last_pulled_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"busy_until" timestamp (3) with time zone,
	"busy_by" text,
	"connected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disconnected_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crm_erasures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crm_field_mappings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"value_map" jsonb,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_oauth_states" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_syncs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"external_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"synced_version" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"payload" jsonb,
	"noted_key" text,
	"error" text,
	"error_kind" text,
	"last_synced_at" timestamp with time zone,
	"crm_owner" text,
	"crm_status" text,
	"crm_changed_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_erasures" ADD CONSTRAINT "crm_erasures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_erasures" ADD CONSTRAINT "crm_erasures_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_field_mappings" ADD CONSTRAINT "crm_field_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_field_mappings" ADD CONSTRAINT "crm_field_mappings_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_oauth_states" ADD CONSTRAINT "crm_oauth_states_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_oauth_states" ADD CONSTRAINT "crm_oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_syncs" ADD CONSTRAINT "crm_syncs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_syncs" ADD CONSTRAINT "crm_syncs_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_syncs" ADD CONSTRAINT "crm_syncs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_connections_live_vendor_uq" ON "crm_connections" USING btree ("tenant_id","vendor") WHERE status <> 'disconnected';--> statement-breakpoint
CREATE INDEX "crm_connections_account_idx" ON "crm_connections" USING btree ("vendor","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_erasures_record_uq" ON "crm_erasures" USING btree ("connection_id","record_id");--> statement-breakpoint
CREATE INDEX "crm_erasures_due_idx" ON "crm_erasures" USING btree ("connection_id","next_attempt_at") WHERE status in ('pending', 'syncing');--> statement-breakpoint
CREATE INDEX "crm_erasures_lead_idx" ON "crm_erasures" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_field_mappings_target_uq" ON "crm_field_mappings" USING btree ("connection_id","target");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_syncs_connection_lead_uq" ON "crm_syncs" USING btree ("connection_id","lead_id");--> statement-breakpoint
CREATE INDEX "crm_syncs_due_idx" ON "crm_syncs" USING btree ("connection_id","next_attempt_at") WHERE status in ('pending', 'failed', 'syncing');--> statement-breakpoint
CREATE INDEX "crm_syncs_lead_idx" ON "crm_syncs" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "crm_syncs_external_idx" ON "crm_syncs" USING btree ("connection_id","external_id");--> statement-breakpoint
CREATE INDEX "crm_syncs_tenant_status_idx" ON "crm_syncs" USING btree ("tenant_id","status","updated_at" DESC NULLS LAST);