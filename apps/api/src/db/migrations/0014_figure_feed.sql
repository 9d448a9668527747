-- The province's figures (league tables, roll-ups over years) are the same for every officer who may
-- read them, and change only when a commune's roll-up, a target or the catalogue changes. Each
-- statement that writes one of these tables announces 'figures:*' on tds_change when it commits
-- (once per statement, not per row: a report's acceptance rewrites many roll-up rows), and every
-- instance drops the figures it kept. See platform/change-feed.ts.
CREATE OR REPLACE FUNCTION tds_announce_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tds_change', 'figures:*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_rollup_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_rollup
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
--> statement-breakpoint
CREATE TRIGGER target_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
--> statement-breakpoint
CREATE TRIGGER province_target_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON province_target
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
--> statement-breakpoint
CREATE TRIGGER indicator_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
--> statement-breakpoint
CREATE TRIGGER commune_indicator_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commune_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
--> statement-breakpoint
CREATE TRIGGER province_announce_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON province
  FOR EACH STATEMENT EXECUTE FUNCTION tds_announce_figures();
