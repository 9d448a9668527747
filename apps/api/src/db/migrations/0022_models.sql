-- Điển hình tiên tiến, mô hình hay: exemplary models (a unit or a person), their stories and photos.
-- Row-level security: added by db/security.ts for every table with a commune_id. The public portal
-- reads published models through the system scope, by commune and status only.
CREATE TABLE "exemplary_model" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid,
	"story" text,
	"plan_id" uuid,
	"content_order" integer,
	"movement_content" text,
	"period_from" date,
	"period_to" date,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"search_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exemplary_model_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "exemplary_model_photo" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"caption" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exemplary_model_photo_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_person_fk" FOREIGN KEY ("commune_id","person_id") REFERENCES "public"."person"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_photo" ADD CONSTRAINT "exemplary_model_photo_model_fk" FOREIGN KEY ("commune_id","model_id") REFERENCES "public"."exemplary_model"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_photo" ADD CONSTRAINT "exemplary_model_photo_file_fk" FOREIGN KEY ("commune_id","file_id") REFERENCES "public"."stored_file"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exemplary_model_year_idx" ON "exemplary_model" USING btree ("commune_id","year","status");--> statement-breakpoint
CREATE INDEX "exemplary_model_unit_idx" ON "exemplary_model" USING btree ("commune_id","unit_id");--> statement-breakpoint
CREATE INDEX "exemplary_model_person_idx" ON "exemplary_model" USING btree ("commune_id","person_id");--> statement-breakpoint
CREATE INDEX "exemplary_model_photo_model_idx" ON "exemplary_model_photo" USING btree ("commune_id","model_id","created_at");
