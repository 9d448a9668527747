CREATE TABLE "commune_indicator" (
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"pillar" text NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"min_value" numeric,
	"max_value" numeric,
	"integer" boolean DEFAULT false NOT NULL,
	"score_bands" jsonb,
	"evidence" text,
	"verifier" text,
	"source" text DEFAULT 'report' NOT NULL,
	"provider_key" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_indicator_pk" PRIMARY KEY("commune_id","code")
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"code" text NOT NULL,
	"pillar" text NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"min_value" numeric,
	"max_value" numeric,
	"integer" boolean DEFAULT false NOT NULL,
	"score_bands" jsonb,
	"evidence" text,
	"verifier" text,
	"source" text DEFAULT 'report' NOT NULL,
	"provider_key" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "indicator_pk" PRIMARY KEY("code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup" (
	"commune_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"period" integer DEFAULT 0 NOT NULL,
	"sum_value" numeric DEFAULT 0 NOT NULL,
	"sum_numerator" numeric DEFAULT 0 NOT NULL,
	"sum_denominator" numeric DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_rollup_pk" PRIMARY KEY("commune_id","indicator_code","year","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"commune_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"period" integer DEFAULT 0 NOT NULL,
	"source_key" text NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"report_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_value_pk" PRIMARY KEY("commune_id","unit_id","indicator_code","year","period","source_key")
);
--> statement-breakpoint
CREATE TABLE "province_target" (
	"province_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_target_pk" PRIMARY KEY("province_id","indicator_code","year")
);
--> statement-breakpoint
CREATE TABLE "target" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"due_item_id" uuid,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"commitments" text DEFAULT '' NOT NULL,
	"award_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"people" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "report" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"due_item_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"cadence" text NOT NULL,
	"year" integer NOT NULL,
	"period" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"file_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_version" (
	"commune_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"sections" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"summary" text,
	"file_id" uuid,
	"comment" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_version_pk" PRIMARY KEY("commune_id","report_id","version")
);
--> statement-breakpoint
CREATE TABLE "job_lock" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"locked_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_message" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_user_id" uuid,
	"to_address" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"message_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"meta" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_message_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminder_setting" (
	"commune_id" uuid NOT NULL,
	"offsets" jsonb DEFAULT '[-7,-1,1,7]'::jsonb NOT NULL,
	"channels" jsonb DEFAULT '["in_app","email"]'::jsonb NOT NULL,
	"notify_focal_points" boolean DEFAULT true NOT NULL,
	"notify_admins" boolean DEFAULT true NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_setting_pk" PRIMARY KEY("commune_id")
);
--> statement-breakpoint
ALTER TABLE "due_item" ADD COLUMN "cadence" text DEFAULT 'yearly' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "registration_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "commune_indicator" ADD CONSTRAINT "commune_indicator_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_target" ADD CONSTRAINT "province_target_province_id_province_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."province"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target" ADD CONSTRAINT "target_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target" ADD CONSTRAINT "target_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_due_item_fk" FOREIGN KEY ("commune_id","due_item_id") REFERENCES "public"."due_item"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_due_item_fk" FOREIGN KEY ("commune_id","due_item_id") REFERENCES "public"."due_item"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_report_fk" FOREIGN KEY ("commune_id","report_id") REFERENCES "public"."report"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_setting" ADD CONSTRAINT "reminder_setting_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_rollup_province_idx" ON "indicator_rollup" USING btree ("province_id","indicator_code","year","period");--> statement-breakpoint
CREATE INDEX "indicator_value_code_idx" ON "indicator_value" USING btree ("commune_id","indicator_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "target_node_uq" ON "target" USING btree ("commune_id",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"indicator_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_uq" ON "registration" USING btree ("commune_id","plan_id","unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_due_item_uq" ON "report" USING btree ("commune_id","due_item_id");--> statement-breakpoint
CREATE INDEX "report_cycle_idx" ON "report" USING btree ("commune_id","cadence","year","period");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("commune_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_message_dedupe_uq" ON "outbox_message" USING btree ("commune_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_message_pending_idx" ON "outbox_message" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "due_item_cycle_idx" ON "due_item" USING btree ("commune_id","cadence","year","period");--> statement-breakpoint
UPDATE "due_item" SET "cadence" = CASE split_part("deadline_key", ':', 2) WHEN 'half-yearly' THEN 'half_yearly' WHEN 'once' THEN 'once' ELSE 'yearly' END;