-- Tenant isolation (ARCHITECTURE.md invariant 3). Tenant work runs under SET LOCAL ROLE replyforce_app,
-- which owns nothing and is not a superuser, so these policies always apply to it. The role is
-- cluster-wide; creating it tolerates a concurrent migration of another database doing the same.
DO $$
BEGIN
  CREATE ROLE replyforce_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT replyforce_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO replyforce_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, memberships, refresh_tokens, invitations, mail_outbox TO replyforce_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_logs TO replyforce_app;
--> statement-breakpoint
CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_tenant_id(), app_user_id() TO replyforce_app;
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A user context (app.user_id, set at login and tenant switch) may see its own memberships in every
-- tenant and those tenants' names; everything else needs the tenant context.
CREATE POLICY tenant_isolation ON memberships
  USING (tenant_id = app_tenant_id() OR user_id = app_user_id())
  WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_tenant_id() OR id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = app_user_id()))
  WITH CHECK (id = app_tenant_id());
--> statement-breakpoint
-- Users are global, but a tenant sees only its members (and the signed-in user itself).
CREATE POLICY member_visibility ON users FOR SELECT
  USING (id = app_user_id() OR id IN (SELECT m.user_id FROM memberships m WHERE m.tenant_id = app_tenant_id()));
--> statement-breakpoint
CREATE POLICY member_update ON users FOR UPDATE
  USING (id = app_user_id() OR id IN (SELECT m.user_id FROM memberships m WHERE m.tenant_id = app_tenant_id()));
--> statement-breakpoint
CREATE POLICY user_signup ON users FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY tenant_isolation ON refresh_tokens
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_logs
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON mail_outbox
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
-- The audit log is append-only for everyone, table owner and superusers included.
CREATE FUNCTION audit_logs_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_reject_change();
