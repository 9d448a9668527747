-- A commune's rankings and its province's league are the same for everyone allowed to read them and
-- change only when a rubric moves (closed, published) or its frozen results are written. Each row
-- written announces 'scoring:<commune id>' on tds_change when it commits (PostgreSQL sends one
-- notice per distinct payload and transaction), and every instance drops the pages it kept. See
-- platform/change-feed.ts and modules/scoring/scoring-pages.ts.
CREATE OR REPLACE FUNCTION tds_announce_scoring() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tds_change', 'scoring:' || OLD.commune_id);
  ELSE
    PERFORM pg_notify('tds_change', 'scoring:' || NEW.commune_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rubric_announce_scoring AFTER INSERT OR UPDATE OR DELETE ON rubric
  FOR EACH ROW EXECUTE FUNCTION tds_announce_scoring();
--> statement-breakpoint
CREATE TRIGGER score_result_announce_scoring AFTER INSERT OR UPDATE OR DELETE ON score_result
  FOR EACH ROW EXECUTE FUNCTION tds_announce_scoring();
