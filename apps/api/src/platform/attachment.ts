/** A Vietnamese file name without diacritics, for the ASCII `filename=` of Content-Disposition. */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[đĐ]/gu, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9._-]+/gu, '-')
      .replace(/-{2,}/gu, '-')
      .replace(/^-|-$/gu, '');
  return `${plain(base) || 'tep'}${plain(ext)}`;
}

/** RFC 5987 encoding of a value (`encodeURIComponent` leaves ' ( ) * as they are). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Content-Disposition for a download with a Vietnamese name (RFC 6266): an ASCII fallback without
 * diacritics for old clients and `filename*=UTF-8''...` with the name as written. Characters a file
 * name cannot hold ("/" of "12/KH-UBND", quotes, control characters) become "-".
 */
export function attachmentHeader(name: string): string {
  // eslint-disable-next-line no-control-regex -- a file name holds no control characters
  const clean = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/gu, '-');
  return `attachment; filename="${asciiFileName(clean)}"; filename*=UTF-8''${rfc5987(clean)}`;
}
