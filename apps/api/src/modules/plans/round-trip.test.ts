import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDoc } from '@tds/contracts';
import { planDocument } from '../documents/plan-document';
import { renderDocx } from '../documents/render-docx';
import { buildPlanTemplate } from './plan-template';
import { normalisePlanText, parsePlanText } from './parser';
import { extractText } from './parser/read-file';

const SEEDS = fs.readdirSync(path.join(import.meta.dirname, 'fixtures')).filter((f) => f.endsWith('.txt'));

/** The parts of a plan that must survive printing and reading back. */
function shape(p: PlanDoc) {
  return {
    number: p.number,
    legalBases: p.legalBases.map((b) => b.ref).filter(Boolean),
    contents: p.contents.length,
    groups: p.participantGroups.map((g) => g.criteria.length),
    awardForms: p.awardForms.map((a) => a.code),
    phases: p.phases.map((x) => [x.fromYear, x.toYear]),
    milestones: p.milestones.map((m) => m.year),
    deadlines: p.deadlines.map((d) => [d.day, d.month, d.recurrence, d.qualifier]),
    signer: [p.signer.capacity, p.signer.name],
  };
}

async function roundTrip(doc: PlanDoc): Promise<PlanDoc> {
  const docx = await renderDocx(planDocument(doc));
  const text = await extractText(docx, 'ke-hoach.docx');
  if ('error' in text) throw new Error(text.message);
  const again = parsePlanText(normalisePlanText(text.text));
  if (!again.plan) throw new Error(JSON.stringify(again.warnings));
  return again.plan;
}

describe('round trip: generate the .docx, extract its text, import it', () => {
  it('keeps the structure of the national template', async () => {
    const doc = {
      ...buildPlanTemplate({ communeName: 'Xã Gia Phúc', provinceName: 'Thành phố Hải Phòng', year: 2025 }),
      number: '27/KH-UBND',
      date: '2025-08-21',
    };
    doc.signer = { ...doc.signer, name: 'Nguyễn Chính Thống' };
    expect(shape(await roundTrip(doc))).toEqual(shape(doc));
  });

  for (const seed of SEEDS) {
    it(`keeps the structure of seed ${seed.slice(0, 3)}`, async () => {
      const parsed = parsePlanText(normalisePlanText(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', seed), 'utf8')));
      const doc = parsed.plan!;
      expect(shape(await roundTrip(doc))).toEqual(shape(doc));
    });
  }
});
