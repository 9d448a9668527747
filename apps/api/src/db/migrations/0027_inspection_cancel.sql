-- A planned visit that will not take place is cancelled (with its reason) rather than left planned.
ALTER TABLE "inspection" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "inspection" DROP CONSTRAINT "inspection_status_ck";--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_status_ck" CHECK ("status" IN ('planned', 'in_progress', 'concluded', 'closed', 'cancelled'));
