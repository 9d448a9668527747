-- Sáng kiến, giải pháp: the register of initiatives, their authors, recognitions and attachments.
-- Row-level security: db/security.ts (applySecurity, run after every migration) enables and forces RLS
-- on every table with a commune_id and adds its tenant_isolation policy.
CREATE TABLE "initiative" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"domain" text NOT NULL,
	"description" text,
	"first_applied_on" date,
	"year" integer NOT NULL,
	"scope" text DEFAULT 'unit' NOT NULL,
	"effects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_author" (
	"commune_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"person_id" uuid,
	"full_name" text NOT NULL,
	"workplace" text,
	CONSTRAINT "initiative_author_pk" PRIMARY KEY("commune_id","initiative_id","ord")
);
--> statement-breakpoint
CREATE TABLE "initiative_recognition" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"number_key" text NOT NULL,
	"date" date NOT NULL,
	"body" text NOT NULL,
	"level" text NOT NULL,
	"level_rank" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_recognition_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_file" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_file_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_author" ADD CONSTRAINT "initiative_author_initiative_fk" FOREIGN KEY ("commune_id","initiative_id") REFERENCES "public"."initiative"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_author" ADD CONSTRAINT "initiative_author_person_fk" FOREIGN KEY ("commune_id","person_id") REFERENCES "public"."person"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_recognition" ADD CONSTRAINT "initiative_recognition_initiative_fk" FOREIGN KEY ("commune_id","initiative_id") REFERENCES "public"."initiative"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_file" ADD CONSTRAINT "initiative_file_initiative_fk" FOREIGN KEY ("commune_id","initiative_id") REFERENCES "public"."initiative"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_file" ADD CONSTRAINT "initiative_file_file_fk" FOREIGN KEY ("commune_id","file_id") REFERENCES "public"."stored_file"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_unit_idx" ON "initiative" USING btree ("commune_id","unit_id");--> statement-breakpoint
CREATE INDEX "initiative_year_idx" ON "initiative" USING btree ("commune_id","year");--> statement-breakpoint
CREATE INDEX "initiative_author_person_idx" ON "initiative_author" USING btree ("commune_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_recognition_number_uq" ON "initiative_recognition" USING btree ("commune_id","initiative_id","number_key");--> statement-breakpoint
CREATE INDEX "initiative_recognition_date_idx" ON "initiative_recognition" USING btree ("commune_id","date");--> statement-breakpoint
CREATE INDEX "initiative_file_initiative_idx" ON "initiative_file" USING btree ("commune_id","initiative_id","created_at");
