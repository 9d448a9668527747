import { inPhrase, type PlanDoc } from '@tds/contracts';
import type { DocumentHeader, DocumentSigner } from './document-model';
import { upperVi } from './document-model';

/** Wording shared by the document types: numbering, dates, legal bases, header and signer. */

type LegalBasis = PlanDoc['legalBases'][number];
type Signer = PlanDoc['signer'];
type Issuer = PlanDoc['issuer'];

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const COMMITTEE = /^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/iu;
const LEVELS = /^(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\s+/iu;

/** The i-th Vietnamese list letter (a b c d đ e g h ...), 0-based. */
export function letter(i: number): string {
  return LETTERS[i % LETTERS.length] ?? 'a';
}

/** The i-th Roman numeral, 0-based. */
export function roman(i: number): string {
  return ROMANS[i] ?? String(i + 1);
}

/** The first letter in upper case. */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

/**
 * A name or title inside a phrase: the first letter in lower case when it opens with a common noun,
 * never a later letter and never a proper name ("UBND", "Hà Nội", "Bình dân học vụ số").
 */
export const lowerFirst = inPhrase;

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.;:!?…]$/u.test(t) ? t : `${t}.`;
}

/** A date as written in legal bases: "14/5/2025", "04/7/2025" (Decree 30 padding); "5/2025" without a day. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const parts = [d ? (d < 10 ? `0${d}` : String(d)) : null, m ? (m < 3 ? `0${m}` : String(m)) : null, y ? String(y) : null];
  return parts.filter((x): x is string => x !== null).join('/');
}

/** The title part of a legal basis after its issuer ("về việc ..."). */
function aboutText(title: string): string {
  return /^(về|v\/v)\s/iu.test(title) ? title : `về việc ${lowerFirst(title)}`;
}

/** One legal basis as a preamble line: "Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ ...;". */
export function legalBasisLine(basis: LegalBasis): string {
  const title = basis.title?.trim() || null;
  const parts = ['Căn cứ', basis.type?.trim() || 'văn bản'];
  if (basis.ref) parts.push(`số ${basis.ref}`);
  else if (title) parts.push(title);
  if (basis.date) parts.push(`ngày ${shortDate(basis.date)}`);
  if (basis.issuer) parts.push(`của ${basis.issuer}`);
  if (basis.ref && title) parts.push(aboutText(title));
  return `${parts.join(' ').replace(/[;.,\s]+$/u, '')};`;
}

/** The issuer's full name, "UBND" spelled out. */
export function issuerName(issuer: Issuer): string {
  const name = (issuer.name ?? 'Ủy ban nhân dân').normalize('NFC').trim();
  return name.replace(/^ubnd\s+/iu, 'Ủy ban nhân dân ');
}

/** The issuer as header lines: "Ủy ban nhân dân\nxã Gia Phúc". */
export function issuerLines(issuer: Issuer): string {
  const name = issuerName(issuer);
  const match = COMMITTEE.exec(name);
  return match ? `${name.slice(0, match[0].length).trim()}\n${name.slice(match[0].length)}` : name;
}

/** The place name of the date line, from the document or else from the issuer ("xã Gia Phúc" -> "Gia Phúc"). */
export function placeOf(place: string | null, issuer: Issuer): string {
  if (place?.trim()) return place.trim();
  return issuerName(issuer).replace(COMMITTEE, '').replace(LEVELS, '') || '......';
}

/** The header of a document: "27/KH-UBND" splits into number and symbol, `symbol` being the default. */
export function headerOf(doc: { issuer: Issuer; number: string | null; date: string | null; place: string | null }, symbol: string): DocumentHeader {
  const raw = doc.number?.replace(/^số[:\s]*/iu, '').trim() ?? '';
  const slash = raw.indexOf('/');
  const number = (slash >= 0 ? raw.slice(0, slash) : raw).trim();
  return {
    parent: doc.issuer.parent,
    issuer: issuerLines(doc.issuer),
    number: number || null,
    symbol: slash >= 0 && raw.slice(slash + 1).trim() ? raw.slice(slash + 1).trim() : symbol,
    place: placeOf(doc.place, doc.issuer),
    date: doc.date,
  };
}

/** The signature block: TM. signs for the committee, KT./TL./TUQ. for the chairman. */
export function signerOf(signer: Signer, issuer: Issuer): DocumentSigner {
  const committee = COMMITTEE.exec(issuerName(issuer))?.[0].trim() ?? 'Ủy ban nhân dân';
  const title = signer.title ? upperVi(signer.title) : null;
  switch (signer.capacity) {
    case 'TM.':
      return { capacity: `TM. ${upperVi(committee)}`, title: title ?? 'CHỦ TỊCH', name: signer.name };
    case 'KT.':
      return { capacity: 'KT. CHỦ TỊCH', title: title ?? 'PHÓ CHỦ TỊCH', name: signer.name };
    case 'TL.':
    case 'TUQ.':
      return { capacity: `${signer.capacity} CHỦ TỊCH`, title, name: signer.name };
    default:
      return { capacity: null, title: title ?? 'CHỦ TỊCH', name: signer.name };
  }
}
