-- Bump the commune's unit counter in the same transaction as every change to its units, so every
-- instance sees a change as soon as it commits (cached lists compare the counter).
CREATE OR REPLACE FUNCTION tds_bump_unit_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commune_version (commune_id, units)
  VALUES (coalesce(NEW.commune_id, OLD.commune_id), 1)
  ON CONFLICT (commune_id) DO UPDATE SET units = commune_version.units + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_bump_version AFTER INSERT OR UPDATE OR DELETE ON unit
  FOR EACH ROW EXECUTE FUNCTION tds_bump_unit_version();
--> statement-breakpoint
-- The counter of one commune, readable without opening a scoped transaction. It reveals nothing but
-- a number; the application authorises the caller before it asks.
CREATE OR REPLACE FUNCTION tds_unit_version(p_commune uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET app.scope_all = 'on'
SET search_path = public, pg_temp
AS $$ SELECT coalesce((SELECT units FROM commune_version WHERE commune_id = p_commune), 0) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_unit_version(uuid) FROM PUBLIC;
