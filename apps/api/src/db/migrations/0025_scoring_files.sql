-- Evidence files of a unit's self-assessment: uploaded for one rubric and unit, their bytes in stored_file
-- (the same id), cited by the assessment's items as { kind: 'file', fileId }.
-- Row-level security: db/security.ts (applySecurity, run after every migration) enables and forces RLS
-- on every table with a commune_id and adds its tenant_isolation policy.
CREATE TABLE "scoring_evidence_file" (
	"commune_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_evidence_file_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
ALTER TABLE "scoring_evidence_file" ADD CONSTRAINT "scoring_evidence_file_rubric_fk" FOREIGN KEY ("commune_id","rubric_id") REFERENCES "public"."rubric"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_evidence_file" ADD CONSTRAINT "scoring_evidence_file_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_evidence_file" ADD CONSTRAINT "scoring_evidence_file_file_fk" FOREIGN KEY ("commune_id","id") REFERENCES "public"."stored_file"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scoring_evidence_file_unit_idx" ON "scoring_evidence_file" USING btree ("commune_id","rubric_id","unit_id");
