-- Kiểm tra, giám sát: the council's visits to units, findings, recommendations and answers.
-- Row-level security: like every table with a commune_id, db/security.ts (applySecurity, run after
-- every migration) enables and forces RLS on these tables and adds their tenant_isolation policy.
CREATE TABLE "inspection" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"search_key" text NOT NULL,
	"visit_date" date NOT NULL,
	"visit_time" text,
	"plan_id" uuid,
	"checklist" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"conclusion" text,
	"rating" text,
	"concluded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_status_ck" CHECK ("status" IN ('planned', 'in_progress', 'concluded', 'closed')),
	CONSTRAINT "inspection_rating_ck" CHECK ("rating" IS NULL OR "rating" IN ('good', 'fair', 'average', 'weak'))
);
--> statement-breakpoint
CREATE TABLE "inspection_unit" (
	"commune_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "inspection_unit_pk" PRIMARY KEY("commune_id","inspection_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_member" (
	"commune_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	CONSTRAINT "inspection_member_pk" PRIMARY KEY("commune_id","inspection_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_file" (
	"commune_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_file_pk" PRIMARY KEY("commune_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"evidence_number" text,
	"evidence_date" date,
	"evidence_summary" text,
	"evidence_file_id" uuid,
	"op_key" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_finding_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendation" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer_text" text,
	"answer_number" text,
	"answer_date" date,
	"answer_summary" text,
	"answer_file_id" uuid,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_recommendation_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_recommendation_status_ck" CHECK ("status" IN ('open', 'answered', 'returned', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_unit" ADD CONSTRAINT "inspection_unit_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_unit" ADD CONSTRAINT "inspection_unit_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspection"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_unit" ADD CONSTRAINT "inspection_unit_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_member" ADD CONSTRAINT "inspection_member_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_member" ADD CONSTRAINT "inspection_member_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspection"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_member" ADD CONSTRAINT "inspection_member_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_file" ADD CONSTRAINT "inspection_file_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_file" ADD CONSTRAINT "inspection_file_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspection"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_file" ADD CONSTRAINT "inspection_file_file_fk" FOREIGN KEY ("commune_id","file_id") REFERENCES "public"."stored_file"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspection"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_unit_fk" FOREIGN KEY ("commune_id","inspection_id","unit_id") REFERENCES "public"."inspection_unit"("commune_id","inspection_id","unit_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_file_fk" FOREIGN KEY ("commune_id","evidence_file_id") REFERENCES "public"."inspection_file"("commune_id","file_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspection"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_finding_fk" FOREIGN KEY ("commune_id","finding_id") REFERENCES "public"."inspection_finding"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_file_fk" FOREIGN KEY ("commune_id","answer_file_id") REFERENCES "public"."inspection_file"("commune_id","file_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_visit_idx" ON "inspection" USING btree ("commune_id","year","visit_date");--> statement-breakpoint
CREATE INDEX "inspection_unit_unit_idx" ON "inspection_unit" USING btree ("commune_id","unit_id");--> statement-breakpoint
CREATE INDEX "inspection_finding_inspection_idx" ON "inspection_finding" USING btree ("commune_id","inspection_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_finding_op_key_uq" ON "inspection_finding" USING btree ("commune_id","inspection_id","op_key") WHERE "op_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inspection_recommendation_inspection_idx" ON "inspection_recommendation" USING btree ("commune_id","inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_recommendation_status_idx" ON "inspection_recommendation" USING btree ("commune_id","status","unit_id");
