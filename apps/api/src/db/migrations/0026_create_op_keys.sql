-- The client's key of a create (an initiative, an exemplary model, an inspection): a retried create
-- with the same key registers the record once and answers with it.
ALTER TABLE "initiative" ADD COLUMN "op_key" text;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD COLUMN "op_key" text;--> statement-breakpoint
ALTER TABLE "inspection" ADD COLUMN "op_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_op_key_uq" ON "initiative" USING btree ("commune_id","op_key") WHERE "op_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "exemplary_model_op_key_uq" ON "exemplary_model" USING btree ("commune_id","op_key") WHERE "op_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_op_key_uq" ON "inspection" USING btree ("commune_id","op_key") WHERE "op_key" IS NOT NULL;
