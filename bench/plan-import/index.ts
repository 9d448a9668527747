import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchKey } from '@tds/contracts';
import { normalisePlanText, parsePlanText } from '../../apps/api/src/modules/plans/parser';
import { planDocument } from '../../apps/api/src/modules/documents/plan-document';
import { renderDocx } from '../../apps/api/src/modules/documents/render-docx';
import { dbKind, emit, envNumber, median, progress, round } from '../_lib/common';

/**
 * plan-import: parse the five seed plans repeated N times (default 200) and render each as .docx.
 * Baseline in the same run: one diacritic-folding pass over the same texts (a linear scan), so
 * `parse_ratio` = parse time ÷ baseline time (lower is better).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../apps/api/src/modules/plans/fixtures');
const seeds = fs
  .readdirSync(fixtures)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
const repeat = envNumber('BENCH_REPEAT', 200);

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

progress(`${seeds.length} seeds x ${repeat}: warming up`);
for (const s of seeds) parsePlanText(normalisePlanText(s));

const parsed = seeds.map((s) => parsePlanText(normalisePlanText(s)).plan!);
let count = 0;
const parseMs = time(() => {
  for (let r = 0; r < repeat; r++)
    for (const s of seeds) {
      parsePlanText(normalisePlanText(s));
      count++;
    }
});
progress(`parsed ${count} plans in ${round(parseMs)} ms`);
let sink = 0;
const baselineMs = time(() => {
  for (let r = 0; r < repeat; r++) for (const s of seeds) sink += searchKey(s).length;
});
progress(`baseline (diacritic folding) ${round(baselineMs)} ms (${sink} chars)`);

const docxRuns: number[] = [];
for (let r = 0; r < Math.max(4, Math.round(repeat / 20)); r++) {
  for (const p of parsed) {
    const t0 = performance.now();
    await renderDocx(planDocument(p));
    docxRuns.push(performance.now() - t0);
  }
}
progress(`rendered ${docxRuns.length} .docx files`);

emit({
  bench: 'plan-import',
  db: dbKind(),
  plans: count,
  ms_per_plan: round(parseMs / count, 3),
  plans_per_s: round((count / parseMs) * 1000, 1),
  docx_ms: round(median(docxRuns), 1),
  baseline_ms_per_plan: round(baselineMs / count, 3),
  parse_ratio: round(parseMs / baselineMs, 2),
});
