-- Tenant isolation for the AI pipeline's tables (ARCHITECTURE.md invariant 3), as in 0001 and 0003.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON leads, lead_score_events, kb_items, kb_chunks, reply_templates, ai_usage TO replyforce_app;
--> statement-breakpoint
ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE lead_score_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE kb_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE kb_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reply_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ai_usage ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON leads
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON lead_score_events
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON kb_items
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON kb_chunks
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON reply_templates
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON ai_usage
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
