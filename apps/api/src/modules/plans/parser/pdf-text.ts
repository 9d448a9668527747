/** Text of a PDF's text layer, lines rebuilt from the positions of the text items (pdfjs-dist legacy build). */

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function isTextItem(v: unknown): v is { str: string; transform: number[]; width: number; height: number } {
  return typeof v === 'object' && v !== null && 'str' in v && 'transform' in v;
}

/** Group items into lines by their baseline, top to bottom, each line left to right. */
function linesOf(items: Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - it.y) <= Math.max(2, Math.min(ref.h, it.h) * 0.5)) line.push(it);
    else lines.push([it]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let end = -Infinity;
    for (const it of line) {
      const gap = it.x - end;
      if (out && gap > Math.max(1, it.h * 0.15) && !out.endsWith(' ') && !it.str.startsWith(' ')) out += gap > it.h * 3 ? ' | ' : ' ';
      out += it.str;
      end = it.x + it.w;
    }
    return out.trimEnd();
  });
}

/** Text of every page (pages separated by a blank line); empty when the PDF has no text layer. Stops after the page that passes `maxChars`. */
export async function pdfText(data: Uint8Array, maxChars = Infinity): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  let length = 0;
  try {
    for (let n = 1; n <= doc.numPages && length <= maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!isTextItem(raw) || raw.str === '') continue;
        items.push({ str: raw.str, x: raw.transform[4] ?? 0, y: raw.transform[5] ?? 0, w: raw.width, h: raw.height || Math.abs(raw.transform[3] ?? 10) });
      }
      pages.push(linesOf(items).join('\n'));
      length += pages[pages.length - 1]!.length + 2;
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\n\n');
}
