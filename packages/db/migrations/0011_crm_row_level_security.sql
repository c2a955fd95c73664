-- Tenant isolation for CRM sync's tables (ARCHITECTURE.md invariant 3), as in 0001, 0003 and 0009.
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_connections, crm_field_mappings, crm_syncs, crm_erasures, crm_oauth_states TO replyforce_app;
--> statement-breakpoint
ALTER TABLE crm_connections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm_field_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm_syncs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm_erasures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm_oauth_states ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm_connections
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm_field_mappings
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm_syncs
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm_erasures
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm_oauth_states
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
