CREATE TABLE "commune_due_item" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"late_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_due_item_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "commune_report" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"due_item_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb DEFAULT '{"sections":[]}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewer_name" text,
	"review_comment" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_report_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "commune_report_version" (
	"commune_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_report_version_pk" PRIMARY KEY("commune_id","report_id","version")
);
--> statement-breakpoint
ALTER TABLE "commune_due_item" ADD CONSTRAINT "commune_due_item_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_report" ADD CONSTRAINT "commune_report_due_item_fk" FOREIGN KEY ("commune_id","due_item_id") REFERENCES "public"."commune_due_item"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_report_version" ADD CONSTRAINT "commune_report_version_report_fk" FOREIGN KEY ("commune_id","report_id") REFERENCES "public"."commune_report"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commune_due_item_uq" ON "commune_due_item" USING btree ("commune_id","period_kind","year");--> statement-breakpoint
CREATE INDEX "commune_due_item_period_idx" ON "commune_due_item" USING btree ("period_kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "commune_report_due_item_uq" ON "commune_report" USING btree ("commune_id","due_item_id");--> statement-breakpoint
CREATE INDEX "commune_report_status_idx" ON "commune_report" USING btree ("commune_id","status");--> statement-breakpoint
-- The officers of a commune's province who review its reports to the province, for the notice of a
-- submitted commune report. The commune's admin who submits cannot see the province's users (their
-- rows belong to the province), so this runs as the owner, and only for a commune the calling
-- session may see (or on the owner's own connection).
CREATE OR REPLACE FUNCTION tds_province_reviewers(p_commune uuid, p_roles text[]) RETURNS TABLE (user_id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT (pg_has_role(session_user, current_user, 'MEMBER') OR tds_session_all() OR p_commune = ANY (tds_session_communes())) THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT DISTINCT ra.user_id FROM role_assignment ra
    JOIN app_user u ON u.id = ra.user_id
    JOIN commune c ON c.id = p_commune
   WHERE ra.province_id = c.province_id AND ra.commune_id IS NULL AND ra.role = ANY (p_roles) AND NOT u.disabled;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_province_reviewers(uuid, text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tds_province_reviewers(uuid, text[]) TO tds_app;
