-- National catalogue of award forms (hình thức khen thưởng) and emulation titles (danh hiệu thi đua),
-- kept apart by kind, with stable codes (domain.md §7). Data, not code: provinces may add rows.
INSERT INTO award_kind (code, kind, name, level, rank, legal_basis, valid_from) VALUES
  ('HUAN_CHUONG_LAO_DONG', 'form', 'Huân chương Lao động', 'national', 10, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('CO_THI_DUA_CP', 'form', 'Cờ thi đua của Chính phủ', 'national', 20, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('BANG_KHEN_TTG', 'form', 'Bằng khen của Thủ tướng Chính phủ', 'national', 30, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('CO_THI_DUA_TINH', 'form', 'Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố', 'province', 40, 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP', '2025-07-01'),
  ('BANG_KHEN_CT_UBND_TINH', 'form', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh/thành phố', 'province', 50, 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP', '2025-07-01'),
  ('GIAY_KHEN_CT_UBND_XA', 'form', 'Giấy khen của Chủ tịch Ủy ban nhân dân xã/phường', 'commune', 60, 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP', '2025-07-01'),
  ('CHIEN_SI_THI_DUA_TINH', 'title', 'Chiến sĩ thi đua cấp tỉnh', 'province', 110, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('CHIEN_SI_THI_DUA_CO_SO', 'title', 'Chiến sĩ thi đua cơ sở', 'commune', 120, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('LAO_DONG_TIEN_TIEN', 'title', 'Lao động tiên tiến', 'commune', 130, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('TAP_THE_LAO_DONG_XUAT_SAC', 'title', 'Tập thể lao động xuất sắc', 'commune', 140, 'Luật Thi đua, khen thưởng 2022', '2024-01-01'),
  ('TAP_THE_LAO_DONG_TIEN_TIEN', 'title', 'Tập thể lao động tiên tiến', 'commune', 150, 'Luật Thi đua, khen thưởng 2022', '2024-01-01')
ON CONFLICT (code) DO NOTHING;
