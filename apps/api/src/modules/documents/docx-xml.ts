import { inflateRawSync } from 'node:zlib';

/** Reading a generated .docx back: a small unzip and a regex walk of WordprocessingML, for tests and checks. */

/** The text of one entry of a zip archive ("word/document.xml"), or null when absent. */
export function unzipEntry(zip: Buffer, name: string): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0, n = zip.readUInt16LE(eocd + 10); i < n; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const skip = nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return null;
}

/** Every element `tag` (not nested in itself) as its outer XML, in document order. */
export function elements(xml: string, tag: string): string[] {
  return xml.match(new RegExp(`<${tag}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g')) ?? [];
}

/** The value of `attr` on the first element `tag`, or null. */
export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?:\\s[^>]*)?/?>`).exec(xml)?.[0];
  return el ? (new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] ?? null) : null;
}

/** Decodes the five XML entities. */
function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);
}

/** The text of an element: its w:t contents joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

/** Whether a toggle property (w:b, w:i) is on in properties XML. */
function toggle(props: string, tag: string): boolean {
  const el = new RegExp(`<${tag}(?:\\s[^>]*)?/>`).exec(props)?.[0];
  return !!el && !/w:val="(false|0|off)"/.test(el);
}

/** What a run looks like: its text, font, size in half-points, bold and italic. */
export interface RunInfo {
  text: string;
  font: string | null;
  size: number | null;
  bold: boolean;
  italic: boolean;
}

/** The runs of a paragraph with their formatting. */
export function runsOf(paragraph: string): RunInfo[] {
  return elements(paragraph, 'w:r').map((r) => {
    const props = elements(r, 'w:rPr')[0] ?? '';
    const size = attr(props, 'w:sz', 'w:val');
    return {
      text: textOf(r),
      font: attr(props, 'w:rFonts', 'w:ascii'),
      size: size ? Number(size) : null,
      bold: toggle(props, 'w:b'),
      italic: toggle(props, 'w:i'),
    };
  });
}

/** The body paragraphs, each with its text, alignment and runs. */
export function paragraphsOf(xml: string): { xml: string; text: string; align: string | null; runs: RunInfo[] }[] {
  return elements(xml, 'w:p').map((p) => {
    const props = elements(p, 'w:pPr')[0] ?? '';
    return { xml: p, text: textOf(p), align: attr(props, 'w:jc', 'w:val'), runs: runsOf(p) };
  });
}
