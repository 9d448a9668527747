-- Chấm điểm thi đua: rubrics, criteria, self-assessments, council scores, frozen results, province templates.
-- Row-level security: db/security.ts (applySecurity, run after every migration) adds the tenant policy of every
-- table with a commune_id; scoring_template is a province's (read by its communes: SHARED_PROVINCE_TABLES).
CREATE TABLE "rubric" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"group_name" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"aggregation" text DEFAULT 'mean' NOT NULL,
	"classes" jsonb NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "rubric_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "rubric_status_check" CHECK ("status" in ('draft', 'open', 'closed', 'published')),
	CONSTRAINT "rubric_aggregation_check" CHECK ("aggregation" in ('mean', 'median', 'trimmed'))
);
--> statement-breakpoint
CREATE TABLE "rubric_criterion" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"title" text NOT NULL,
	"section" text NOT NULL,
	"method" text NOT NULL,
	"max_points" numeric NOT NULL,
	"bands" jsonb,
	"indicator_code" text,
	"denominator_code" text,
	"factor" numeric,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"evidence_hint" text,
	CONSTRAINT "rubric_criterion_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "rubric_criterion_section_check" CHECK ("section" in ('main', 'bonus', 'penalty')),
	CONSTRAINT "rubric_criterion_method_check" CHECK ("method" in ('bands', 'formula', 'judgement'))
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "assessment_status_check" CHECK ("status" in ('draft', 'submitted', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "council_score" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"reason" text,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_score_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "council_score_status_check" CHECK ("status" in ('draft', 'submitted', 'recused'))
);
--> statement-breakpoint
CREATE TABLE "score_result" (
	"commune_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"total" numeric NOT NULL,
	"class_label" text NOT NULL,
	"rank" integer NOT NULL,
	"breakdown" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_result_pk" PRIMARY KEY("commune_id","rubric_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "scoring_template" (
	"province_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"legal_basis" text,
	"groups" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_template_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
ALTER TABLE "rubric" ADD CONSTRAINT "rubric_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric" ADD CONSTRAINT "rubric_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criterion" ADD CONSTRAINT "rubric_criterion_rubric_fk" FOREIGN KEY ("commune_id","rubric_id") REFERENCES "public"."rubric"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_rubric_fk" FOREIGN KEY ("commune_id","rubric_id") REFERENCES "public"."rubric"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_score" ADD CONSTRAINT "council_score_rubric_fk" FOREIGN KEY ("commune_id","rubric_id") REFERENCES "public"."rubric"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_score" ADD CONSTRAINT "council_score_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_score" ADD CONSTRAINT "council_score_member_fk" FOREIGN KEY ("member_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_result" ADD CONSTRAINT "score_result_rubric_fk" FOREIGN KEY ("commune_id","rubric_id") REFERENCES "public"."rubric"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_result" ADD CONSTRAINT "score_result_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_template" ADD CONSTRAINT "scoring_template_province_fk" FOREIGN KEY ("province_id") REFERENCES "public"."province"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rubric_year_idx" ON "rubric" USING btree ("commune_id","year");--> statement-breakpoint
CREATE INDEX "rubric_criterion_rubric_idx" ON "rubric_criterion" USING btree ("commune_id","rubric_id","ord");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_unit_uq" ON "assessment" USING btree ("commune_id","rubric_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_score_member_uq" ON "council_score" USING btree ("commune_id","rubric_id","unit_id","member_id");--> statement-breakpoint
CREATE INDEX "score_result_rank_idx" ON "score_result" USING btree ("commune_id","rubric_id","rank");
