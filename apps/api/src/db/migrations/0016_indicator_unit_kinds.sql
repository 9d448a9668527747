-- Each unit kind reports the indicators that concern it: a national default per indicator (NULL: every
-- kind), and the commune's own choice per indicator (national or its own), which wins.
ALTER TABLE indicator ADD COLUMN unit_kinds text[];
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['office', 'public_service'] WHERE code IN ('CQ.HS_TRUC_TUYEN', 'CQ.HS_SO_HOA', 'CQ.THANH_TOAN_TRUC_TUYEN');
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['office'] WHERE code = 'CQ.HOP_BAN_CHI_DAO';
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['office', 'public_service', 'school', 'mass_org'] WHERE code = 'CQ.CBCC_HOAN_THANH_KHOA_HOC';
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['enterprise', 'village'] WHERE code = 'KT.BAN_HANG_TRUC_TUYEN';
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['village'] WHERE code IN ('KT.TAI_KHOAN_THANH_TOAN', 'XH.HO_CAP_QUANG', 'XH.KNS_CO_BAN', 'XH.VNEID_MUC_2', 'XH.THON_CO_TO_CNSCD');
--> statement-breakpoint
UPDATE indicator SET unit_kinds = ARRAY['digital_team'] WHERE code IN ('XH.BUOI_HUONG_DAN', 'XH.NGUOI_DAN_DUOC_HO_TRO');
--> statement-breakpoint
CREATE TABLE indicator_unit_kinds (
  commune_id uuid NOT NULL REFERENCES commune(id) ON DELETE RESTRICT,
  indicator_code text NOT NULL,
  unit_kinds text[] NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT indicator_unit_kinds_pk PRIMARY KEY (commune_id, indicator_code),
  CONSTRAINT indicator_unit_kinds_some CHECK (cardinality(unit_kinds) > 0)
);
