import { sql } from 'drizzle-orm';
import type { Db } from '@tds/api/src/db/client';
import { rowsOf } from '@tds/api/src/db/security';
import { exportUnits, type ExportUnit } from '@tds/api/src/modules/org/unit-excel';
import type { World } from './setup';

/** A signed-in client of the running server. */
export interface Http {
  url: string;
  cookie: string;
  csrf: string;
}

/** An answer, or `null` when the connection broke (the server was killed). */
type Answer = { status: number; body: string } | null;

async function send(h: Http, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { cookie: h.cookie, 'x-csrf-token': h.csrf };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const res = await fetch(`${h.url}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}

/** What the database shows after a crash: ids of records found half-written, duplicated, or lost although acknowledged. */
export interface CheckResult {
  partial: string[];
  duplicate: string[];
  lost: string[];
  /** Scenario-specific figures. */
  extra?: Record<string, number>;
}

/** One kind of multi-row write, driven over HTTP until the server is killed, then checked in the database. */
export interface Scenario {
  name: string;
  /** Send work until the server is gone. */
  drive(h: Http): Promise<void>;
  /** Milliseconds one unit of work takes (from what was observed), to choose when to kill. */
  estimateMs(): number;
  /** Inspect the database (the server is down). */
  check(db: Db): Promise<CheckResult>;
  /** Send again what had no answer when the server died, as a client retrying would. */
  retry(h: Http): Promise<void>;
  /** Answers of the retries, by status. */
  retries: Record<string, number>;
  /** Trials in which the prepared work ran out before the kill (the bench then waits for it idle). */
  idle: { n: number };
  /** Units of work acknowledged / sent without an answer. */
  acked(): number;
  unanswered(): number;
}

const median = (xs: number[], fallback: number) => {
  if (!xs.length) return fallback;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Out of prepared work: wait until the server is gone (counted in `idle`, so a figure shows it). */
async function untilGone(h: Http, idle: { n: number }): Promise<void> {
  idle.n++;
  for (;;) {
    try {
      await (await fetch(`${h.url}/healthz`)).arrayBuffer();
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function fail(what: string, a: Answer): never {
  throw new Error(`${what} answered ${a?.status}: ${a?.body.slice(0, 400)}`);
}

const count = (r: Record<string, number>, k: number | string) => {
  r[String(k)] = (r[String(k)] ?? 0) + 1;
};

/**
 * Units from Excel: the import is split in files of at most `perFile` rows (the import's limit),
 * uploaded one after the other into one commune, then the next commune. Codes F<file>-<row>.
 */
export async function unitImport(world: World, totalRows: number, perFile: number): Promise<Scenario> {
  const files: Buffer[] = [];
  const sizes: number[] = [];
  for (let f = 0, left = totalRows; left > 0; f++, left -= perFile) {
    const n = Math.min(perFile, left);
    const rows: ExportUnit[] = Array.from({ length: n }, (_, j) => ({
      code: `F${f}-${j + 1}`,
      name: `Đơn vị nhập thử ${f}-${j + 1}`,
      kind: 'office',
      parentCode: null,
      contactName: null,
      phone: null,
      email: null,
      address: `Thôn ${j % 17}, xã thử nghiệm`,
      activeFrom: null,
      activeTo: null,
    }));
    files.push(await exportUnits(rows));
    sizes.push(n);
  }
  let commune = 0;
  let next = 0;
  const acked = new Set<string>();
  const attempted = new Set<string>();
  let unanswered: { commune: number; file: number } | null = null;
  const durations: number[] = [];
  const retries: Record<string, number> = {};
  const idle = { n: 0 };
  const upload = (h: Http, c: number, f: number) => {
    const form = new FormData();
    form.append('file', new Blob([files[f]!]), `don-vi-${f}.xlsx`);
    return send(h, 'POST', `/api/communes/${world.importCommuneIds[c]}/units/import?dryRun=false`, form);
  };
  /** A 200 that wrote every row of file `f`. */
  const wrote = (a: Answer, f: number) => {
    const r = a?.status === 200 ? (JSON.parse(a.body) as { dryRun: boolean; created: number; updated: number }) : null;
    return !!r && !r.dryRun && r.created + r.updated === sizes[f];
  };
  return {
    name: 'unit_import',
    idle,
    retries,
    acked: () => acked.size,
    unanswered: () => (unanswered ? 1 : 0),
    estimateMs: () => median(durations, Math.max(1500, perFile * 0.8)),
    async drive(h) {
      for (;;) {
        if (commune >= world.importCommuneIds.length) return untilGone(h, idle);
        const key = `${commune}:${next}`;
        attempted.add(key);
        unanswered = { commune, file: next };
        const t = performance.now();
        const a = await upload(h, commune, next);
        if (!a) return;
        if (!wrote(a, next)) fail(`import of file ${next}`, a);
        unanswered = null;
        durations.push(performance.now() - t);
        acked.add(key);
        if (++next >= files.length) {
          next = 0;
          commune++;
        }
      }
    },
    async retry(h) {
      if (!unanswered) return;
      const { commune: c, file: f } = unanswered;
      const a = await upload(h, c, f);
      count(retries, a?.status ?? 'no answer');
      if (!wrote(a, f)) fail(`retried import of file ${f}`, a);
      unanswered = null;
      acked.add(`${c}:${f}`);
      if (c === commune && f === next && ++next >= files.length) {
        next = 0;
        commune++;
      }
    },
    async check(db) {
      const out: CheckResult = { partial: [], duplicate: [], lost: [] };
      for (const [c, id] of world.importCommuneIds.entries()) {
        if (![...attempted].some((k) => k.startsWith(`${c}:`))) continue;
        const r = rowsOf<{ file: number; n: number; codes: number }>(
          await db.execute(sql`
          select substring(split_part(code, '-', 1) from 2)::int as file, count(*)::int as n, count(distinct lower(code))::int as codes
          from unit where commune_id = ${id}::uuid and code like 'F%-%' group by 1`),
        );
        const byFile = new Map(r.map((x) => [x.file, x]));
        for (let f = 0; f < files.length; f++) {
          const key = `${c}:${f}`;
          const got = byFile.get(f);
          if (got && got.n !== got.codes) out.duplicate.push(key);
          if (got && got.codes > 0 && got.codes < sizes[f]!) out.partial.push(key);
          if (acked.has(key) && (got?.codes ?? 0) < sizes[f]!) out.lost.push(key);
        }
      }
      return out;
    },
  };
}

/** A burst of `batch` report submissions at once, batch after batch. */
export function reportBurst(world: World, batch: number): Scenario {
  let next = 0;
  const acked = new Set<string>();
  const attempted: string[] = [];
  let unanswered = new Set<string>();
  const durations: number[] = [];
  const retries: Record<string, number> = {};
  const idle = { n: 0 };
  const submit = (h: Http, id: string) => send(h, 'POST', `/api/communes/${world.reportCommuneId}/reports/${id}/submit`, { version: 1 });
  return {
    name: 'report_burst',
    idle,
    retries,
    acked: () => acked.size,
    unanswered: () => unanswered.size,
    estimateMs: () => median(durations, 1500),
    async drive(h) {
      for (;;) {
        const ids = world.draftIds.slice(next, next + batch);
        if (ids.length < batch) return untilGone(h, idle);
        next += batch;
        attempted.push(...ids);
        for (const id of ids) unanswered.add(id);
        const t = performance.now();
        const answers = await Promise.all(ids.map(async (id) => [id, await submit(h, id)] as const));
        let broken = false;
        for (const [id, a] of answers) {
          if (!a) {
            broken = true;
            continue;
          }
          if (a.status !== 200) fail(`submit of report ${id}`, a);
          unanswered.delete(id);
          acked.add(id);
        }
        if (broken) return;
        durations.push(performance.now() - t);
      }
    },
    async retry(h) {
      const ids = [...unanswered];
      unanswered = new Set();
      for (const id of ids) {
        const a = await submit(h, id);
        count(retries, a?.status ?? 'no answer');
        // 200: it had not been written; 409: it had (the version moved on), and nothing is written twice.
        if (a?.status !== 200 && a?.status !== 409) fail(`retried submit of report ${id}`, a);
        acked.add(id);
      }
    },
    async check(db) {
      const out: CheckResult = { partial: [], duplicate: [], lost: [] };
      if (!attempted.length) return out;
      const rows = rowsOf<{ id: string; status: string; version: number; submitted: boolean; versions: number; submits: number; audits: number }>(
        await db.execute(sql`
        select r.id::text as id, r.status, r.version, r.submitted_at is not null as submitted,
          (select count(*)::int from report_version v where v.commune_id = r.commune_id and v.report_id = r.id) as versions,
          (select count(*)::int from report_version v where v.commune_id = r.commune_id and v.report_id = r.id and v.action = 'submit') as submits,
          (select count(*)::int from audit_entry a where a.commune_id = r.commune_id and a.entity_type = 'report' and a.entity_id = r.id::text and a.action = 'submit') as audits
        from report r where r.commune_id = ${world.reportCommuneId}::uuid and r.id = any(${`{${attempted.join(',')}}`}::uuid[])`),
      );
      for (const r of rows) {
        const whole = r.status === 'submitted' && r.version === 2 && r.submitted && r.versions === 2 && r.submits === 1 && r.audits === 1;
        const none = r.status === 'draft' && r.version === 1 && !r.submitted && r.versions === 1 && r.submits === 0 && r.audits === 0;
        if (r.submits > 1 || r.audits > 1 || r.versions > 2) out.duplicate.push(r.id);
        else if (!whole && !none) out.partial.push(r.id);
        if (acked.has(r.id) && r.status !== 'submitted') out.lost.push(r.id);
      }
      return out;
    },
  };
}

/** Publishing a plan into a commune's calendar (thousands of due items in one transaction), plan after plan. */
export function planPublish(world: World): Scenario {
  let next = 0;
  const acked = new Set<string>();
  const attempted: string[] = [];
  let unanswered: string | null = null;
  const durations: number[] = [];
  const retries: Record<string, number> = {};
  const idle = { n: 0 };
  const publish = (h: Http, id: string) => send(h, 'POST', `/api/communes/${world.publishCommuneId}/plans/${id}/publish`, { version: 1, resolutions: {} });
  return {
    name: 'plan_publish',
    idle,
    retries,
    acked: () => acked.size,
    unanswered: () => (unanswered ? 1 : 0),
    estimateMs: () => median(durations, 2000),
    async drive(h) {
      for (;;) {
        const id = world.planIds[next];
        if (!id) return untilGone(h, idle);
        next++;
        attempted.push(id);
        unanswered = id;
        const t = performance.now();
        const a = await publish(h, id);
        if (!a) return;
        if (a.status !== 200) fail(`publish of plan ${id}`, a);
        unanswered = null;
        durations.push(performance.now() - t);
        acked.add(id);
      }
    },
    async retry(h) {
      if (!unanswered) return;
      const id = unanswered;
      unanswered = null;
      const a = await publish(h, id);
      count(retries, a?.status ?? 'no answer');
      // Publishing again is allowed and adds nothing that is already there.
      if (a?.status !== 200) fail(`retried publish of plan ${id}`, a);
      acked.add(id);
    },
    async check(db) {
      const out: CheckResult = { partial: [], duplicate: [], lost: [] };
      if (!attempted.length) return out;
      const rows = rowsOf<{ id: string; status: string; items: number; identities: number; audits: number }>(
        await db.execute(sql`
        select p.id::text as id, p.status,
          (select count(*)::int from due_item d where d.commune_id = p.commune_id and d.plan_id = p.id) as items,
          (select count(distinct (d.unit_id, d.deadline_key, d.year, d.period))::int from due_item d where d.commune_id = p.commune_id and d.plan_id = p.id) as identities,
          (select count(*)::int from audit_entry a where a.commune_id = p.commune_id and a.entity_type = 'plan' and a.entity_id = p.id::text and a.action = 'publish') as audits
        from plan p where p.commune_id = ${world.publishCommuneId}::uuid and p.id = any(${`{${attempted.join(',')}}`}::uuid[])`),
      );
      for (const r of rows) {
        if (r.items !== r.identities || r.items > world.dueItemsPerPlan) out.duplicate.push(r.id);
        const whole = r.status === 'published' && r.items === world.dueItemsPerPlan && r.audits >= 1;
        const none = r.status === 'draft' && r.items === 0 && r.audits === 0;
        if (!whole && !none) out.partial.push(r.id);
        if (acked.has(r.id) && r.status !== 'published') out.lost.push(r.id);
      }
      return out;
    },
  };
}

/**
 * A stream of unit creations while snapshots are taken every few seconds; after the kill the
 * newest WAL segment is overwritten (a power loss tearing the log), so the next start must restore
 * a snapshot. What was acknowledged before the newest snapshot at the kill began must be there.
 */
export function tornWal(world: World, snapshotCut: () => string | null): Scenario {
  let n = 0;
  const acks: { code: string; at: number }[] = [];
  let unanswered: string | null = null;
  const retries: Record<string, number> = {};
  const idle = { n: 0 };
  const extra = { lost_after_snapshot: 0 };
  const create = (h: Http, code: string) => send(h, 'POST', `/api/communes/${world.tornCommuneId}/units`, { code, name: `Đơn vị ${code}`, kind: 'office' });
  return {
    name: 'torn_wal',
    idle,
    retries,
    acked: () => acks.length,
    unanswered: () => (unanswered ? 1 : 0),
    estimateMs: () => 0,
    async drive(h) {
      for (;;) {
        const code = `TW-${++n}`;
        unanswered = code;
        const a = await create(h, code);
        if (!a) return;
        if (a.status !== 201) fail(`creation of unit ${code}`, a);
        unanswered = null;
        acks.push({ code, at: Date.now() });
      }
    },
    async retry(h) {
      if (!unanswered) return;
      const a = await create(h, unanswered);
      count(retries, a?.status ?? 'no answer');
      if (a?.status !== 201 && a?.status !== 409) fail(`retried creation of unit ${unanswered}`, a);
      unanswered = null;
    },
    async check(db) {
      const rows = rowsOf<{ code: string; n: number }>(
        await db.execute(sql`
        select lower(code) as code, count(*)::int as n from unit where commune_id = ${world.tornCommuneId}::uuid group by 1`),
      );
      const have = new Map(rows.map((r) => [r.code, r.n]));
      const cut = Date.parse(snapshotCut() ?? '') || Infinity;
      const out: CheckResult = { partial: [], duplicate: rows.filter((r) => r.n > 1).map((r) => r.code), lost: [] };
      const before = acks.filter((a) => a.at < cut);
      const missing = (a: { code: string }) => !have.has(a.code.toLowerCase());
      extra.lost_after_snapshot = acks.filter((a) => a.at >= cut && missing(a)).length;
      out.lost = before.filter(missing).map((a) => a.code);
      // Acknowledged after the snapshot and gone with the torn WAL: expected, counted apart. Forget them.
      for (let i = acks.length - 1; i >= 0; i--) if (missing(acks[i]!)) acks.splice(i, 1);
      return { ...out, extra: { ...extra } };
    },
  };
}
