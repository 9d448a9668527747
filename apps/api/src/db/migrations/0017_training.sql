CREATE TABLE "attendance" (
	"commune_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_pk" PRIMARY KEY("commune_id","session_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_op" (
	"commune_id" uuid NOT NULL,
	"op_key" text NOT NULL,
	"session_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_op_pk" PRIMARY KEY("commune_id","op_key")
);
--> statement-breakpoint
CREATE TABLE "commune_skill_module" (
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group_name" text NOT NULL,
	"name" text NOT NULL,
	"learner_groups" text[] NOT NULL,
	"sort_order" integer DEFAULT 1000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_skill_module_pk" PRIMARY KEY("commune_id","code")
);
--> statement-breakpoint
CREATE TABLE "completion_evidence" (
	"commune_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"module_code" text NOT NULL,
	"certificate_no" text NOT NULL,
	"completed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "completion_evidence_pk" PRIMARY KEY("commune_id","resident_id","module_code")
);
--> statement-breakpoint
CREATE TABLE "help_log" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"resident_id" uuid,
	"count" integer DEFAULT 1 NOT NULL,
	"note" text,
	"op_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_log_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "resident" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"village_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"sort_key" text NOT NULL,
	"birth_year" integer NOT NULL,
	"gender" text NOT NULL,
	"phone" text,
	"learner_group" text NOT NULL,
	"id_hash" text,
	"id_last4" text,
	"merged_into_id" uuid,
	"op_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "skill_module" (
	"code" text PRIMARY KEY NOT NULL,
	"group_name" text NOT NULL,
	"name" text NOT NULL,
	"learner_groups" text[] NOT NULL,
	"basic_default" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_session" (
	"commune_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text,
	"place" text NOT NULL,
	"module_codes" text[] NOT NULL,
	"trainers" text[] NOT NULL,
	"op_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_session_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_settings" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"adult_age" integer DEFAULT 15 NOT NULL,
	"basic_modules" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_team" (
	"commune_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"decision_no" text,
	"decision_date" date,
	"village_ids" uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_team_pk" PRIMARY KEY("commune_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "village_population" (
	"commune_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"adults" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_population_pk" PRIMARY KEY("commune_id","village_id","year")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_fk" FOREIGN KEY ("commune_id","session_id") REFERENCES "public"."training_session"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_resident_fk" FOREIGN KEY ("commune_id","resident_id") REFERENCES "public"."resident"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_op" ADD CONSTRAINT "attendance_op_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_skill_module" ADD CONSTRAINT "commune_skill_module_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_evidence" ADD CONSTRAINT "completion_evidence_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_evidence" ADD CONSTRAINT "completion_evidence_resident_fk" FOREIGN KEY ("commune_id","resident_id") REFERENCES "public"."resident"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_log" ADD CONSTRAINT "help_log_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_log" ADD CONSTRAINT "help_log_team_fk" FOREIGN KEY ("commune_id","team_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_log" ADD CONSTRAINT "help_log_village_fk" FOREIGN KEY ("commune_id","village_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_log" ADD CONSTRAINT "help_log_resident_fk" FOREIGN KEY ("commune_id","resident_id") REFERENCES "public"."resident"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_village_fk" FOREIGN KEY ("commune_id","village_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_merged_into_fk" FOREIGN KEY ("commune_id","merged_into_id") REFERENCES "public"."resident"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_team_fk" FOREIGN KEY ("commune_id","team_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_village_fk" FOREIGN KEY ("commune_id","village_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_settings" ADD CONSTRAINT "training_settings_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_team" ADD CONSTRAINT "training_team_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_team" ADD CONSTRAINT "training_team_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_population" ADD CONSTRAINT "village_population_commune_id_commune_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."commune"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_population" ADD CONSTRAINT "village_population_village_fk" FOREIGN KEY ("commune_id","village_id") REFERENCES "public"."unit"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_resident_idx" ON "attendance" USING btree ("commune_id","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_log_op_key_uq" ON "help_log" USING btree ("commune_id","op_key") WHERE "help_log"."op_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "help_log_date_idx" ON "help_log" USING btree ("commune_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_id_hash_uq" ON "resident" USING btree ("commune_id","id_hash") WHERE "resident"."id_hash" IS NOT NULL AND "resident"."merged_into_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resident_op_key_uq" ON "resident" USING btree ("commune_id","op_key") WHERE "resident"."op_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "resident_village_idx" ON "resident" USING btree ("commune_id","village_id");--> statement-breakpoint
CREATE INDEX "resident_name_idx" ON "resident" USING btree ("commune_id","name_key","birth_year");--> statement-breakpoint
CREATE INDEX "resident_phone_idx" ON "resident" USING btree ("commune_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "training_session_op_key_uq" ON "training_session" USING btree ("commune_id","op_key") WHERE "training_session"."op_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "training_session_date_idx" ON "training_session" USING btree ("commune_id","date");--> statement-breakpoint
-- The basic digital skills framework (Decision 757/QĐ-BKHCN, 29/4/2025): its skill groups as modules,
-- for the four learner groups. The default basic set (a trained adult completed all three): using
-- devices and software, digital public services and VNeID, safety online.
INSERT INTO skill_module (code, group_name, name, learner_groups, basic_default, sort_order) VALUES
  ('KNS.THIET_BI', 'Sử dụng thiết bị số và phần mềm', 'Sử dụng điện thoại thông minh, máy tính và phần mềm thông dụng', ARRAY['pupils','residents','officials','workers'], true, 10),
  ('KNS.INTERNET', 'Khai thác Internet', 'Kết nối và sử dụng Internet, tìm kiếm trên mạng', ARRAY['pupils','residents','officials','workers'], false, 20),
  ('KNS.THONG_TIN', 'Thông tin và dữ liệu', 'Tìm, đánh giá và quản lý thông tin, dữ liệu số', ARRAY['pupils','residents','officials','workers'], false, 30),
  ('KNS.GIAO_TIEP', 'Giao tiếp và hợp tác', 'Giao tiếp, hợp tác trên môi trường số (tin nhắn, mạng xã hội, họp trực tuyến)', ARRAY['pupils','residents','officials','workers'], false, 40),
  ('KNS.AN_TOAN', 'An toàn và bảo vệ dữ liệu cá nhân', 'An toàn trên môi trường số: lừa đảo trực tuyến, bảo vệ dữ liệu cá nhân', ARRAY['pupils','residents','officials','workers'], true, 50),
  ('KNS.DVC_VNEID', 'Dịch vụ công trực tuyến và VNeID', 'Sử dụng ứng dụng VNeID và dịch vụ công trực tuyến', ARRAY['residents','officials','workers'], true, 60),
  ('KNS.THANH_TOAN', 'Thanh toán không dùng tiền mặt', 'Mở và dùng tài khoản thanh toán, ví điện tử, mã QR', ARRAY['residents','officials','workers'], false, 70),
  ('KNS.TMDT', 'Thương mại điện tử', 'Mua bán trên sàn thương mại điện tử, bán sản phẩm OCOP trực tuyến', ARRAY['residents','workers'], false, 80),
  ('KNS.Y_TE', 'Y tế số', 'Sổ sức khỏe điện tử, đặt lịch và khám chữa bệnh từ xa', ARRAY['residents','officials','workers'], false, 90),
  ('KNS.AI', 'Trí tuệ nhân tạo', 'Sử dụng trí tuệ nhân tạo cơ bản an toàn, có trách nhiệm', ARRAY['pupils','residents','officials','workers'], false, 100)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- These indicators were typed in reports; they are now computed from the training records.
UPDATE indicator SET source = 'derived', provider_key = 'training.coverage'
  WHERE code IN ('XH.KNS_CO_BAN', 'XH.VNEID_MUC_2', 'XH.BUOI_HUONG_DAN', 'XH.NGUOI_DAN_DUOC_HO_TRO', 'XH.THON_CO_TO_CNSCD');
