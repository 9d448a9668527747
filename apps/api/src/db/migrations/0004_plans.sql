CREATE TABLE "award_kind" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"rank" integer NOT NULL,
	"legal_basis" text,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "due_item" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline_key" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"late_after" timestamp with time zone NOT NULL,
	"year" integer NOT NULL,
	"period" integer DEFAULT 0 NOT NULL,
	"plan_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "due_item_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid,
	"parent_plan_id" uuid,
	"province_plan_id" uuid,
	"title" text NOT NULL,
	"number" text,
	"date" text,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"published_version" integer,
	"published_at" timestamp with time zone,
	"search_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"commune_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_pk" PRIMARY KEY("commune_id","plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "province_plan" (
	"province_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"date" date,
	"issuer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_plan_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
ALTER TABLE "due_item" ADD CONSTRAINT "due_item_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "due_item" ADD CONSTRAINT "due_item_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_owner_unit_fk" FOREIGN KEY ("commune_id","owner_unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_parent_fk" FOREIGN KEY ("commune_id","parent_plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plan"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_plan" ADD CONSTRAINT "province_plan_province_id_province_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."province"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "due_item_uq" ON "due_item" USING btree ("commune_id","plan_id","unit_id","deadline_key","year","period");--> statement-breakpoint
CREATE INDEX "due_item_date_idx" ON "due_item" USING btree ("commune_id","due_date");--> statement-breakpoint
CREATE INDEX "plan_parent_idx" ON "plan" USING btree ("commune_id","parent_plan_id");