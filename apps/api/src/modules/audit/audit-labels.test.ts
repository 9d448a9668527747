import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabelsEn, auditActionLabelsVi, auditEntityTypeLabelsEn, auditEntityTypeLabelsVi, workflows } from '@tds/contracts';

const SRC = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' || f === 'fixtures' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.matrix.ts') ? [p] : [];
  });
}

/** Every action and entity type the server writes to the audit log, read from the code that writes them. */
function written(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/writeAudit\(|auditEntry\)\.values|recordAudit/u.test(text)) continue;
    for (const m of text.matchAll(/\baction(?: =|:) ([^,;\n]+)/gu)) for (const q of m[1]!.matchAll(/'([a-z_]+)'/gu)) actions.add(q[1]!);
    for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/gu)) entities.add(m[1]!);
  }
  for (const wf of Object.values(workflows)) {
    entities.add(wf.entity);
    for (const t of Object.keys(wf.transitions)) actions.add(t);
  }
  return { actions, entities };
}

describe('audit log labels', () => {
  it('name every action and entity type the server writes, in Vietnamese and in English', () => {
    const { actions, entities } = written();
    expect(actions.size).toBeGreaterThan(15);
    expect(entities.size).toBeGreaterThan(10);
    expect([...actions].filter((a) => !auditActionLabelsVi[a] || !auditActionLabelsEn[a])).toEqual([]);
    expect([...entities].filter((e) => !auditEntityTypeLabelsVi[e] || !auditEntityTypeLabelsEn[e])).toEqual([]);
  });
});
