-- Audit chains in the order they were written, and an anchor for each chain's head.
-- seq numbers a chain's entries 1, 2, 3 ... (ids are global and interleave between chains). Entries
-- written so far were appended under the chain's advisory lock, so within a chain id order is
-- write order: number them by id.
ALTER TABLE "audit_entry" ADD COLUMN "seq" bigint;
--> statement-breakpoint
SELECT set_config('app.scope_all', 'on', true);
--> statement-breakpoint
ALTER TABLE "audit_entry" DISABLE TRIGGER "audit_entry_immutable";
--> statement-breakpoint
UPDATE "audit_entry" a SET "seq" = n.seq
FROM (SELECT id, row_number() OVER (PARTITION BY commune_id ORDER BY id) AS seq FROM "audit_entry") n
WHERE a.id = n.id;
--> statement-breakpoint
ALTER TABLE "audit_entry" ENABLE TRIGGER "audit_entry_immutable";
--> statement-breakpoint
ALTER TABLE "audit_entry" ALTER COLUMN "seq" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_chain_seq_uq" UNIQUE NULLS NOT DISTINCT("commune_id","seq");
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"chain" text PRIMARY KEY NOT NULL,
	"commune_id" uuid,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_head" ("chain", "commune_id", "seq", "hash", "updated_at")
SELECT DISTINCT ON (commune_id) coalesce(commune_id::text, 'system'), commune_id, seq, hash, now()
FROM "audit_entry" ORDER BY commune_id, seq DESC;
--> statement-breakpoint
-- Take the chain's lock (held to the end of the transaction) and return its head: the seq and hash
-- of its last entry, or no row for an empty chain. SECURITY DEFINER with the system scope for the
-- call only, so the head is found whatever the caller's scope: a province officer's entry in the
-- system chain must follow the chain's real last entry, not the last one its row-level security
-- lets it see.
CREATE OR REPLACE FUNCTION tds_audit_lock_head(p_commune uuid) RETURNS TABLE (seq bigint, hash text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET app.scope_all = 'on'
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || coalesce(p_commune::text, 'system')));
  RETURN QUERY SELECT h.seq, h.hash FROM audit_head h WHERE h.chain = coalesce(p_commune::text, 'system');
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_audit_lock_head(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tds_audit_lock_head(uuid) TO tds_app;
--> statement-breakpoint
-- Every new entry must continue its chain (next seq, prev_hash = the head's hash); the head then
-- moves to it. Runs as the owner: the application role cannot write audit_head itself.
CREATE OR REPLACE FUNCTION tds_audit_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET app.scope_all = 'on'
SET search_path = public, pg_temp
AS $$
DECLARE
  k text := coalesce(NEW.commune_id::text, 'system');
  h record;
BEGIN
  SELECT a.seq, a.hash INTO h FROM audit_head a WHERE a.chain = k FOR UPDATE;
  IF NOT FOUND THEN
    IF NEW.seq <> 1 OR NEW.prev_hash IS NOT NULL THEN
      RAISE EXCEPTION 'audit entry % does not start chain %', NEW.seq, k USING ERRCODE = '23514';
    END IF;
    INSERT INTO audit_head (chain, commune_id, seq, hash, updated_at) VALUES (k, NEW.commune_id, NEW.seq, NEW.hash, now());
  ELSE
    IF NEW.seq <> h.seq + 1 OR NEW.prev_hash IS DISTINCT FROM h.hash THEN
      RAISE EXCEPTION 'audit entry % does not continue chain % (head %)', NEW.seq, k, h.seq USING ERRCODE = '23514';
    END IF;
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash, updated_at = now() WHERE chain = k;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_audit_advance_head() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_entry_advance_head AFTER INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION tds_audit_advance_head();
