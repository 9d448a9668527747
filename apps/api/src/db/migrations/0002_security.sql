-- The role request work runs as: it cannot bypass row-level security.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tds_app') THEN
    CREATE ROLE tds_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tds_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = '42501';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_immutable BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION tds_audit_immutable();
--> statement-breakpoint
CREATE INDEX person_search_trgm_idx ON person USING gin (search_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX unit_search_trgm_idx ON unit USING gin (search_key gin_trgm_ops);
