-- A change feed for the caches every instance keeps in memory (the session of a request, a commune's
-- unit counter). Each change that could make a cached value wrong announces itself on the channel
-- tds_change when its transaction commits; PostgreSQL folds identical announcements of one
-- transaction into one. An instance drops what it cached for that key, and caches nothing while
-- it is not listening.
CREATE OR REPLACE FUNCTION tds_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record := coalesce(NEW, OLD);
  key text := '*';
BEGIN
  -- Statements, not one CASE: a record variable's field may be read only on the branch of its table.
  IF TG_TABLE_NAME IN ('session', 'app_user') THEN
    key := r.id::text;
  ELSIF TG_TABLE_NAME = 'role_assignment' THEN
    key := r.user_id::text;
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
      PERFORM pg_notify('tds_change', 'user:' || OLD.user_id::text);
    END IF;
  ELSIF TG_TABLE_NAME = 'unit' THEN
    key := r.commune_id::text;
  END IF;
  PERFORM pg_notify('tds_change', TG_ARGV[0] || ':' || key);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_announce_change AFTER UPDATE OR DELETE ON session
  FOR EACH ROW EXECUTE FUNCTION tds_announce_change('session');
--> statement-breakpoint
CREATE TRIGGER app_user_announce_change AFTER UPDATE OR DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION tds_announce_change('user');
--> statement-breakpoint
CREATE TRIGGER role_assignment_announce_change AFTER INSERT OR UPDATE OR DELETE ON role_assignment
  FOR EACH ROW EXECUTE FUNCTION tds_announce_change('user');
--> statement-breakpoint
CREATE TRIGGER unit_announce_change AFTER INSERT OR UPDATE OR DELETE ON unit
  FOR EACH ROW EXECUTE FUNCTION tds_announce_change('unit');
--> statement-breakpoint
CREATE TRIGGER commune_announce_change AFTER INSERT OR UPDATE OR DELETE ON commune
  FOR EACH ROW EXECUTE FUNCTION tds_announce_change('commune');
