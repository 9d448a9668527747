CREATE TABLE "training_certificate" (
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"modules" text[] NOT NULL,
	"issued_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certificate_pk" PRIMARY KEY("commune_id","code")
);
--> statement-breakpoint
ALTER TABLE "training_certificate" ADD CONSTRAINT "training_certificate_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificate" ADD CONSTRAINT "training_certificate_resident_fk" FOREIGN KEY ("commune_id","resident_id") REFERENCES "public"."resident"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_certificate_code_idx" ON "training_certificate" USING btree ("code");--> statement-breakpoint
CREATE INDEX "training_certificate_resident_idx" ON "training_certificate" USING btree ("commune_id","resident_id");