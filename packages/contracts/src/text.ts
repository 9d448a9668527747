/**
 * Vietnamese text rules shared by the server and the browser: NFC storage,
 * tone-placement folding ("hoá" = "hóa"), diacritic-free search keys and a sort key
 * that orders names the Vietnamese way.
 */

/** Normalise to NFC, trim and collapse inner white space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const COMBINING = /[\u0300-\u036f]/gu;

/** Lower-case, diacritic-free key for search: "Xã Gia Phúc" -> "xa gia phuc". */
export function searchKey(value: string): string {
  return value.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// Tone marks in NFD.
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // huyền, hỏi, ngã, sắc, nặng
const VOWEL = /[aăâeêioôơuưy]/iu;

/**
 * Move the tone mark of each syllable to the "new" placement on the main vowel (hoá, thuỷ, khoẻ);
 * the old style puts it on the first vowel of oa, oe, uy (hóa, thủy, khỏe). Returns NFC.
 */
export function newTonePlacement(value: string): string {
  return value.normalize('NFC').replace(/\p{L}+/gu, (word) => cached(syllables, word, fixSyllable));
}

/** Results of pure per-word and per-letter functions: names repeat the same few hundred syllables. */
const syllables = new Map<string, string>();
const letterKeys = new Map<string, [string, string]>();
function cached<V>(cache: Map<string, V>, key: string, compute: (key: string) => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 20_000) cache.clear();
    v = compute(key);
    cache.set(key, v);
  }
  return v;
}

function fixSyllable(word: string): string {
  const nfd = word.normalize('NFD');
  let tone = '';
  let bare = '';
  for (const ch of nfd) {
    if ((TONES as readonly string[]).includes(ch)) tone = ch;
    else bare += ch;
  }
  if (!tone) return word;
  const base = bare.normalize('NFC');
  const lower = base.toLowerCase();
  const target = toneIndex(lower);
  if (target < 0) return word;
  const chars = [...base];
  chars[target] = (chars[target]! + tone).normalize('NFC');
  return chars.join('').normalize('NFC');
}

function toneIndex(lower: string): number {
  const chars = [...lower];
  // Skip leading consonants; "gi" and "qu" count as consonants when a vowel follows.
  let start = 0;
  while (start < chars.length && !VOWEL.test(chars[start]!)) start++;
  if (start < chars.length && ((chars[start - 1] === 'g' && chars[start] === 'i') || (chars[start - 1] === 'q' && chars[start] === 'u'))) {
    if (start + 1 < chars.length && VOWEL.test(chars[start + 1]!)) start++;
  }
  let end = start;
  while (end < chars.length && VOWEL.test(chars[end]!)) end++;
  const vowels = chars.slice(start, end);
  if (vowels.length === 0) return -1;
  const hasFinal = end < chars.length;
  // A vowel with a hat or horn always takes the mark (ơ wins over ư in ươ).
  for (let i = vowels.length - 1; i >= 0; i--) {
    if ('ăâêôơư'.includes(vowels[i]!) && !(vowels[i] === 'ư' && vowels[i + 1] === 'ơ')) return start + i;
  }
  if (vowels.length === 1) return start;
  if (vowels.length >= 3 || hasFinal) return start + 1;
  const pair = vowels.join('');
  if (pair === 'oa' || pair === 'oe' || pair === 'uy') return start + 1;
  return start;
}

/** Key for equality of names and titles: NFC, new tone placement, case-folded, spaces collapsed. */
export function matchKey(value: string): string {
  return newTonePlacement(cleanText(value)).toLowerCase();
}

// Vietnamese alphabet order and tone order (ngang, huyền, hỏi, ngã, sắc, nặng).
const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const TONE_ORDER = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/**
 * A string that sorts in Vietnamese order under plain code-point comparison (SQL `COLLATE "C"`),
 * so PGlite and PostgreSQL agree. Letters first, tones break ties.
 */
export function vietnameseSortKey(value: string): string {
  const words = newTonePlacement(cleanText(value)).toLowerCase().split(' ');
  let letters = '';
  let tones = '';
  for (const word of words) {
    for (const ch of word.normalize('NFC')) {
      const [letter, tone] = cached(letterKeys, ch, letterKey);
      letters += letter;
      tones += tone;
    }
    letters += ' ';
    tones += ' ';
  }
  return `${letters.trimEnd()}\u0001${tones.trimEnd()}`;
}

/** One letter's part of the sort key: its place in the alphabet, and its tone. */
function letterKey(ch: string): [string, string] {
  const nfd = ch.normalize('NFD');
  let base = '';
  let tone = 0;
  for (const part of nfd) {
    const t = TONE_ORDER.indexOf(part);
    if (t > 0) tone = t;
    else base += part;
  }
  const letter = base.normalize('NFC');
  const idx = ALPHABET.indexOf(letter);
  if (idx >= 0) return [String.fromCharCode(0x41 + idx), String(tone)];
  const code = letter.codePointAt(0) ?? 0;
  // Digits sort before letters, other symbols after.
  return [/\d/u.test(letter) ? String.fromCharCode(0x30 + Number(letter)) : String.fromCodePoint(0x80 + (code % 0xff00)), '0'];
}

/**
 * Split a Vietnamese full name: family name first, given name last.
 * "Nguyễn Thị Minh Khai" -> { family: "Nguyễn", middle: "Thị Minh", given: "Khai" }.
 */
export function splitFullName(fullName: string): { family: string; middle: string; given: string } {
  const parts = cleanText(fullName).split(' ').filter(Boolean);
  if (parts.length === 0) return { family: '', middle: '', given: '' };
  if (parts.length === 1) return { family: '', middle: '', given: parts[0]! };
  return { family: parts[0]!, middle: parts.slice(1, -1).join(' '), given: parts[parts.length - 1]! };
}

/** Sort key for a person: given name, then middle name, then family name. */
export function personSortKey(fullName: string): string {
  const { family, middle, given } = splitFullName(fullName);
  return [given, middle, family].map(vietnameseSortKey).join('\u0002');
}

/**
 * Nouns that name a kind of place or body and are written in lower case inside a phrase ("Tổ công
 * nghệ số cộng đồng thôn Bắc", "Ủy ban nhân dân xã Gia Phúc", "Trưởng phòng Văn hóa - Xã hội").
 * Longest first.
 */
const KIND_NOUNS = [
  'tổ dân phố',
  'thành phố',
  'thị trấn',
  'thị xã',
  'đặc khu',
  'khu phố',
  'phường',
  'huyện',
  'quận',
  'tỉnh',
  'thôn',
  'xóm',
  'xã',
  'ấp',
  'bản',
  'làng',
  'phòng',
];
/** Proper names that open a phrase with one capital only, and keep it. */
const PROPER_OPENINGS = ['bình dân học vụ số', 'mặt trận tổ quốc', 'đảng', 'nhà nước', 'chính phủ', 'quốc hội', 'hồ chí minh', 'việt nam'];

/**
 * A name or title as it reads inside a phrase: the first letter in lower case only when the name
 * opens with a common noun ("Thôn Bắc" -> "thôn Bắc", "Kế hoạch thi đua" -> "kế hoạch thi đua");
 * never a letter after the first, and never a proper name ("Hà Nội", "Bình dân học vụ số", "UBND").
 */
export function inPhrase(name: string): string {
  const text = name.trimStart();
  const lower = text.toLocaleLowerCase('vi-VN');
  const opensWith = (w: string) => lower.startsWith(w) && !/\p{L}/u.test(lower.charAt(w.length));
  const lowerFirst = () => text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1);
  if (KIND_NOUNS.some(opensWith)) return lowerFirst();
  if (PROPER_OPENINGS.some(opensWith)) return text;
  const isUpper = (c: string | undefined) => !!c && c === c.toLocaleUpperCase('vi-VN') && c !== c.toLocaleLowerCase('vi-VN');
  // An abbreviation ("UBND"), or a name of capitalised syllables ("Hải Phòng", "Gia Phúc").
  if (isUpper(text.charAt(1))) return text;
  if (isUpper(text.split(/\s+/u)[1]?.charAt(0))) return text;
  return lowerFirst();
}
