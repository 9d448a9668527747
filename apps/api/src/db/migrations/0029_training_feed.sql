-- A commune's coverage (Bình dân học vụ số) is the same for every reader of the commune and changes
-- only when one of these tables is written. Each row written announces '<kind>:<commune id>' on
-- tds_change when it commits (PostgreSQL sends one notice per distinct payload and transaction; a
-- national table, named with a second argument, announces '<kind>:*'), and every instance drops the
-- pages it kept. See platform/change-feed.ts and modules/training/training-pages.ts.
CREATE OR REPLACE FUNCTION tds_announce_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS > 1 THEN
    PERFORM pg_notify('tds_change', TG_ARGV[0] || ':*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tds_change', TG_ARGV[0] || ':' || OLD.commune_id);
  ELSE
    PERFORM pg_notify('tds_change', TG_ARGV[0] || ':' || NEW.commune_id);
    IF TG_OP = 'UPDATE' AND OLD.commune_id IS DISTINCT FROM NEW.commune_id THEN
      PERFORM pg_notify('tds_change', TG_ARGV[0] || ':' || OLD.commune_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['resident', 'attendance', 'training_session', 'completion_evidence', 'help_log',
                           'village_population', 'training_settings', 'training_team', 'commune_skill_module'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION tds_announce_commune(%L)',
                   t || '_announce_training', t, 'training');
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER skill_module_announce_training AFTER INSERT OR UPDATE OR DELETE ON skill_module
  FOR EACH ROW EXECUTE FUNCTION tds_announce_commune('training', 'national');
