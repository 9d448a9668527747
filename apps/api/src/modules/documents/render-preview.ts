/**
 * Developer tool, not a test: renders the sample plan and its decision to .docx and HTML, converts
 * the .docx to PDF with LibreOffice and to PNG with pdftoppm, so you can look at the pages.
 *   npx tsx apps/api/src/modules/documents/render-preview.ts [outDir]
 * Needs `apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation2` (Liberation
 * Serif stands in for Times New Roman with the same metrics); the HTML view is printed with chromium if present.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decisionDocument, decisionForPlan } from './decision-document';
import type { AdminDocument } from './document-model';
import { planDocument } from './plan-document';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { samplePlan } from './sample-plan';

/** The documents the preview renders, by file name. */
function samples(): Record<string, AdminDocument> {
  return {
    plan: planDocument(samplePlan),
    'plan-draft': planDocument(samplePlan, { draft: true }),
    decision: decisionDocument(decisionForPlan(samplePlan, { number: '112/QĐ-UBND', date: '2025-08-21' })),
  };
}

/** Converts a .docx to PDF with a private LibreOffice profile, then every page to PNG. */
function toPngs(docx: string, dir: string, name: string): void {
  const profile = pathToFileURL(join(dir, '.lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', '100', '-png', join(dir, `${name}.pdf`), join(dir, name)]);
}

/** Prints the HTML view to PDF and PNG with Debian's chromium, when it is installed. */
function htmlToPngs(html: string, dir: string, name: string): void {
  const pdf = join(dir, `${name}.pdf`);
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-pdf-header-footer',
  ];
  try {
    execFileSync('chromium', [...flags, `--user-data-dir=${join(dir, '.chromium')}`, `--print-to-pdf=${pdf}`, pathToFileURL(html).href], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(dir, name)]);
  } catch {
    console.error(`${name}: chromium not available, HTML not printed`);
  }
}

/** Whether the motto sits on one line of the PDF's first page. */
function mottoOnOneLine(pdf: string): boolean {
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
}

/** Writes .docx, .html, .pdf and .png files of the samples and prints where they are. */
async function main(outDir?: string): Promise<void> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'tds-documents-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, doc] of Object.entries(samples())) {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, await renderDocx(doc));
    writeFileSync(join(dir, `${name}.html`), renderHtml(doc));
    toPngs(docx, dir, name);
    htmlToPngs(join(dir, `${name}.html`), dir, `${name}-html`);
    console.error(`${name}: motto on one line: ${mottoOnOneLine(join(dir, `${name}.pdf`)) ? 'yes' : 'NO'}`);
  }
  console.error(`previews written to ${dir} (open ${join(dir, 'plan-1.png')})`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
