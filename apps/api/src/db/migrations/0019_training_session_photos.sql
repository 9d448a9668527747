-- Photos of a training session. Row-level security: like every table with a commune_id, db/security.ts
-- (applySecurity, run after every migration) enables and forces RLS on it and adds its tenant_isolation policy.
CREATE TABLE "training_session_photo" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"caption" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_session_photo_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
ALTER TABLE "training_session_photo" ADD CONSTRAINT "training_session_photo_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_photo" ADD CONSTRAINT "training_session_photo_session_fk" FOREIGN KEY ("commune_id","session_id") REFERENCES "public"."training_session"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_photo" ADD CONSTRAINT "training_session_photo_file_fk" FOREIGN KEY ("commune_id","file_id") REFERENCES "public"."stored_file"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_session_photo_session_idx" ON "training_session_photo" USING btree ("commune_id","session_id","created_at");