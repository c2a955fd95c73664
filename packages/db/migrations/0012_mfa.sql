-- TOTP second factor (issue 7 point 4). One row per user: users are global, so the row is too, and
-- only the user's own context (app.user_id) may see or change it, like the user's own memberships.
CREATE TABLE user_mfa (
  user_id uuid PRIMARY KEY,
  secret_sealed text NOT NULL,
  confirmed_at timestamptz,
  last_used_step bigint,
  recovery_code_hashes jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_mfa_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE cascade
);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON user_mfa TO replyforce_app;
--> statement-breakpoint
ALTER TABLE user_mfa ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_factor ON user_mfa
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
