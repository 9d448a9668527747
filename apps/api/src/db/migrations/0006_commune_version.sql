CREATE TABLE "commune_version" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"units" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_version" ADD CONSTRAINT "commune_version_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE cascade ON UPDATE no action;