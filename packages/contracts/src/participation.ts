import { unitKindLabelsVi, type UnitKind } from './org.js';
import { searchKey } from './text.js';

/**
 * Who takes part in a plan and who owes each deadline, read from the words a plan uses. The parser
 * proposes a mapping of each participant group to unit kinds with its reason ("trường học" ->
 * Trường học); the officer confirms or edits it, and may add chosen units. Deadlines go to the
 * bodies their addressee line names, within the plan's participants.
 */

interface Rule {
  kinds: UnitKind[];
  /** Matched against the search key (no diacritics, lower case) of the text. */
  re: RegExp;
  /** The words shown as the reason, as a reader would write them. */
  words: string;
}

// "ban" alone is ambiguous: a department ("các phòng, ban"), "Ủy ban", "địa bàn" ... and a village in
// the mountains ("thôn, bản"). It counts as a village only next to "thôn".
const RULES: Rule[] = [
  { kinds: ['office'], re: /\b(co quan|phong chuyen mon|cac phong|phong,|ban nganh|ban, nganh|phong ban|cong chuc)\b/u, words: 'cơ quan, phòng, ban, ngành' },
  { kinds: ['public_service', 'school'], re: /\bdon vi su nghiep\b/u, words: 'đơn vị sự nghiệp' },
  { kinds: ['public_service'], re: /\b(trung tam|tram y te|vien chuc)\b/u, words: 'trung tâm, trạm' },
  {
    kinds: ['school'],
    re: /\b(truong hoc|cac truong|truong mam non|truong tieu hoc|truong trung hoc|co so giao duc|giao duc|hoc sinh)\b/u,
    words: 'trường học',
  },
  {
    kinds: ['mass_org'],
    re: /\b(mat tran|doan the|to chuc chinh tri|hoi cuu chien binh|hoi phu nu|hoi nong dan|doan thanh nien|cuu chien binh|lien hiep phu nu)/u,
    words: 'Mặt trận, đoàn thể',
  },
  { kinds: ['village'], re: /\b(thon|xom|to dan pho|khu pho|khom|ap|thon, ban|ban, thon)\b/u, words: 'thôn, xóm, tổ dân phố' },
  { kinds: ['digital_team'], re: /(to cong nghe so|cong nghe so cong dong|to cnscd|\bcnscd\b)/u, words: 'Tổ công nghệ số cộng đồng' },
  { kinds: ['enterprise'], re: /\b(doanh nghiep|hop tac xa|co so san xuat|ho kinh doanh)/u, words: 'doanh nghiệp, hợp tác xã' },
];

/** "các cơ quan, đơn vị": the commune's offices, public service units and schools. */
const BODIES = /\b(co quan, don vi|co quan don vi|cac don vi|don vi)\b/u;
const EVERYONE = /\b(tat ca|toan the|moi)( cac)? (don vi|to chuc|co quan, don vi)\b/u;
/** A group of people, not of units: individuals are commended, units report. */
const PEOPLE = /^(doi voi )?(ca nhan|can bo|cong dan|nguoi dan|doi tuong khac|tap the va ca nhan)\b/u;

const ALL_KINDS: UnitKind[] = ['office', 'public_service', 'school', 'mass_org', 'enterprise', 'village'];

export interface KindProposal {
  kinds: UnitKind[];
  /** Why, in Vietnamese ("“trường học” → Trường học"); empty when nothing was recognised. */
  reason: string;
}

function labelOf(kinds: UnitKind[]): string {
  return kinds.map((k) => unitKindLabelsVi[k]).join(', ');
}

/** The search key of a text with the words that only look like a unit kind taken out. */
function cleaned(text: string): string {
  return (
    searchKey(text)
      // "Cơ quan Ủy ban Mặt trận" is the Front itself, not an office of the commune.
      .replace(/\bco quan (uy ban )?mat tran/gu, 'mat tran')
      .replace(/\b(uy ban|dia ban|ban chi dao|ban thi dua|ban xay dung|ban tuyen giao|ban chap hanh|ban hanh)\b/gu, ' ')
      // "Tổ công nghệ số cộng đồng các tổ dân phố": the teams, named by where they work.
      .replace(
        /(to cong nghe so cong dong|to cnscd|\bcnscd\b)( (cua|o|tai|thuoc))?( cac)? (thon|xom|to dan pho|khu pho|ap|ban)\b/gu,
        'to cong nghe so cong dong',
      )
      .replace(/\s+/gu, ' ')
  );
}

/** The unit kinds a participant group's name or a deadline's addressee line names, with the reason. */
export function proposeKinds(text: string): KindProposal {
  const k = cleaned(text);
  if (PEOPLE.test(k)) return { kinds: [], reason: 'Nhóm cá nhân: không có đơn vị nào phải báo cáo.' };
  const out = new Set<UnitKind>();
  const why: string[] = [];
  for (const r of RULES) {
    if (!r.re.test(k)) continue;
    r.kinds.forEach((x) => out.add(x));
    why.push(`“${r.words}” → ${labelOf(r.kinds)}`);
  }
  if (out.size === 0 && EVERYONE.test(k)) return { kinds: [...ALL_KINDS], reason: `“tất cả các đơn vị” → ${labelOf(ALL_KINDS)}` };
  if (BODIES.test(k)) {
    const bodies: UnitKind[] = ['office', 'public_service', 'school'];
    bodies.forEach((x) => out.add(x));
    why.push(`“cơ quan, đơn vị” → ${labelOf(bodies)}`);
  }
  const kinds = ALL_KINDS.concat('digital_team').filter((x) => out.has(x));
  return { kinds, reason: why.join('; ') };
}

/** Does an addressee line name every unit ("tất cả các đơn vị", "các đơn vị")? */
export function namesEveryone(text: string): boolean {
  const k = cleaned(text);
  if (RULES.some((r) => r.re.test(k))) return false;
  return EVERYONE.test(k) || /^(cac |tat ca )?don vi( co lien quan)?$/u.test(k.replace(/[.,;:]+$/u, ''));
}

/** The commune's own secretariat: what it is addressed is the commune's own work, owed upward. */
const SECRETARIAT = /^(phong van hoa\s*-?\s*xa hoi|uy ban nhan dan (xa|phuong|dac khu)|ubnd (xa|phuong)|hoi dong thi dua)/u;
/** A higher level a deadline may be owed to. */
const HIGHER = /\b(ubnd tinh|uy ban nhan dan tinh|so noi vu|ban thi dua - khen thuong tinh|cap tinh|cap tren|tinh uy|thanh pho truc thuoc)\b/u;

interface Addressed {
  /** Who does it, as the plan writes it ("Các cơ quan, đơn vị"); null when it says nobody. */
  from: string | null;
  /** To whom it goes ("UBND xã", "Sở Nội vụ"). */
  to: string | null;
}

/**
 * Is a deadline the commune's own work, owed upward: addressed to its culture office, people's
 * committee or emulation council, or reported to a higher level?
 */
export function owedUpward(d: Addressed): boolean {
  const from = d.from ? searchKey(d.from).replace(/^(cac|tat ca cac)\s+/u, '') : '';
  return (from !== '' && SECRETARIAT.test(from)) || (d.to !== null && HIGHER.test(searchKey(d.to)));
}

/**
 * Can the addressee line alone tell who owes a deadline: it names no one or everyone, a kind of
 * body, or the commune itself? A line that fails this may still name one unit in full, which only
 * publish (knowing the commune's units) can see; otherwise publish gives it to every participant
 * and flags it.
 */
export function addresseeReadable(d: Addressed): boolean {
  if (owedUpward(d) || !d.from || namesEveryone(d.from)) return true;
  return proposeKinds(d.from).kinds.length > 0;
}
