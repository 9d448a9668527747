import { describe, expect, it } from 'vitest';
import { addresseeReadable, namesEveryone, owedUpward, proposeKinds } from './participation.js';

const kinds = (t: string) => proposeKinds(t).kinds.slice().sort();

describe('participant groups to unit kinds', () => {
  it('reads the usual group names', () => {
    expect(kinds('Đối với các thôn, tổ dân phố')).toEqual(['village']);
    expect(kinds('Đối với doanh nghiệp, hợp tác xã')).toEqual(['enterprise']);
    expect(kinds('Đối với các cơ quan, đơn vị')).toEqual(['office', 'public_service', 'school']);
    expect(kinds('Đối với các trường học trên địa bàn')).toEqual(['school']);
    expect(kinds('Đối với các phòng, đơn vị sự nghiệp thuộc xã')).toEqual(['office', 'public_service', 'school']);
    expect(kinds('Đối với các phòng ban chuyên môn, các ban ngành, đoàn thể của xã')).toEqual(['mass_org', 'office']);
  });

  it('does not take "Ủy ban", "địa bàn" or the Front\'s own office for villages or offices', () => {
    expect(kinds('Đối với Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã, các tổ chức chính trị - xã hội')).toEqual(['mass_org']);
    expect(kinds('Đối với các doanh nghiệp trên địa bàn phường')).toEqual(['enterprise']);
    expect(kinds('Đối với các thôn, bản vùng cao')).toEqual(['village']);
  });

  it('reads digital teams named by where they work as teams only', () => {
    expect(kinds('Đối với Tổ công nghệ số cộng đồng các tổ dân phố')).toEqual(['digital_team']);
    expect(kinds('Các thôn và Tổ công nghệ số cộng đồng')).toEqual(['digital_team', 'village']);
  });

  it('gives groups of people no unit', () => {
    expect(kinds('Đối với cá nhân')).toEqual([]);
    expect(kinds('Đối với cán bộ, công chức, viên chức, người lao động')).toEqual([]);
    expect(kinds('Đối tượng khác (doanh nhân, trí thức)')).toEqual([]);
  });

  it('says why', () => {
    expect(proposeKinds('Đối với các trường học').reason).toBe('“trường học” → Trường học');
    expect(proposeKinds('Đối với ông bà').reason).toBe('');
  });

  it('reads addressee lines', () => {
    expect(kinds('Các cơ quan, đơn vị, ban, ngành')).toEqual(['office', 'public_service', 'school']);
    expect(kinds('tất cả các cơ quan, đơn vị và doanh nghiệp')).toEqual(['enterprise', 'office', 'public_service', 'school']);
    expect(namesEveryone('tất cả các đơn vị')).toBe(true);
    expect(namesEveryone('các đơn vị')).toBe(true);
    expect(namesEveryone('Các đơn vị có liên quan')).toBe(true);
    expect(namesEveryone('các cơ quan, đơn vị, xóm, doanh nghiệp')).toBe(false);
  });

  it('tells a line it can read from one it cannot (which publish flags instead of silently giving it to all)', () => {
    const line = (from: string | null, to: string | null = 'UBND xã') => addresseeReadable({ from, to });
    expect(line(null)).toBe(true);
    expect(line('Các đơn vị')).toBe(true);
    expect(line('Các trường học')).toBe(true);
    expect(line('Phòng Văn hóa - Xã hội')).toBe(true);
    expect(line('Ban quản lý chợ Gia Phúc')).toBe(false);
    expect(line('Ban quản lý chợ Gia Phúc', 'Sở Nội vụ')).toBe(true);
    expect(owedUpward({ from: 'Ban quản lý chợ', to: 'UBND tỉnh' })).toBe(true);
    expect(owedUpward({ from: 'Ủy ban nhân dân xã', to: null })).toBe(true);
    expect(owedUpward({ from: 'Các trường học', to: 'UBND xã' })).toBe(false);
  });
});
