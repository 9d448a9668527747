/**
 * import-residents: 100,000 residents from one .xlsx into the database at DATABASE_URL (else the
 * embedded one), through the real server (`POST .../training/residents/import?dryRun=false`):
 * `import_ratio` = that total ÷ (reading the same file alone + COPY of the same rows alone), lower is
 * better, goal ≤ 1.5. Each run imports into a commune of its own (the same file twice changes nothing).
 *
 *   npm run bench -- import-residents                   (PGlite)
 *   DATABASE_URL=postgres://… npm run bench -- import-residents
 *   BENCH_ROWS=20000 BENCH_RUNS=3 …                     (smaller, more runs)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { makeCommune, makeProvince, makeUnit, makeUser } from '@tds/api/src/testing/factories';
import { parseResidentsWorkbook } from '@tds/api/src/modules/training/residents-excel';
import { nationalIdHash, residentKeys } from '@tds/api/src/modules/training/training.store';
import '@tds/api/src/modules';
import { dbKind, emit, envNumber, median, progress, round, runMain } from '../_lib/common';
import { freshDatabase } from '../_lib/database';
import { login, startServer } from '../_lib/server';

const PASSWORD = 'MatKhau@2025';
const KEY = 'bench-resident-id-key-0123456789abcdef';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thu'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Sơn', 'Thảo', 'Tuấn'];
const VILLAGES = 20;

/** The file's rows: every one different (name, birth year, village, an ID on every other row). */
function rowsOf(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    fullName: `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 6]} ${GIVEN[(i >> 5) % 16]} ${Math.floor(i / 512)}`,
    birthYear: 1930 + (i % 90),
    gender: i % 2 ? 'Nam' : 'Nữ',
    village: `Thôn ${(i % VILLAGES) + 1}`,
    nationalId: i % 2 ? String(1_000_000_000_00 + i).padStart(12, '0') : '',
  }));
}

async function workbook(rows: ReturnType<typeof rowsOf>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Người dân');
  ws.addRow(['Họ và tên', 'Năm sinh', 'Giới tính', 'Thôn, tổ dân phố', 'Số điện thoại', 'Nhóm đối tượng', 'Số định danh cá nhân']);
  ws.getColumn(7).numFmt = '@';
  for (const r of rows) ws.addRow([r.fullName, r.birthYear, r.gender, r.village, '', '', r.nationalId]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const n = Math.round(envNumber('BENCH_ROWS', 100_000));
  const runs = Math.max(1, Math.round(envNumber('BENCH_RUNS', 2)));
  process.env.RESIDENT_ID_KEY = KEY;
  process.env.MAX_UPLOAD_BYTES ??= String(64 * 1024 * 1024);
  process.env.PARSE_TIMEOUT_MS ??= '300000';
  process.env.PARSE_MAX_MEMORY_MB ??= '4096';
  process.env.ZIP_MAX_INFLATED_MB ??= '1024';
  const database = await freshDatabase();
  const db = database.db;
  try {
    progress(`writing a workbook of ${n} residents`);
    const rows = rowsOf(n);
    const file = await workbook(rows);
    progress(`file: ${(file.length / 1024 / 1024).toFixed(1)} MB`);
    const province = await makeProvince(db, { code: 'BENCH', name: 'Tỉnh Bench' });
    // One commune per run (and one for the COPY baseline), each with the same villages.
    const communes: { id: string; villages: Map<string, string> }[] = [];
    for (let c = 0; c < runs * 2; c++) {
      const commune = await makeCommune(db, { provinceId: province.id, code: `BENCH-${c}`, name: `Xã Bench ${c}` });
      const villages = new Map<string, string>();
      for (let v = 1; v <= VILLAGES; v++)
        villages.set(`Thôn ${v}`, (await makeUnit(db, commune.id, { code: `THON-${v}`, name: `Thôn ${v}`, kind: 'village' })).id);
      communes.push({ id: commune.id, villages });
    }
    await makeUser(db, { username: 'bench.admin', password: PASSWORD, roles: communes.map((c) => ({ role: 'commune_admin' as const, communeId: c.id })) });
    const server = await startServer(database);
    const session = await login(server.address, 'bench.admin', PASSWORD);

    const parseMs: number[] = [];
    const copyMs: number[] = [];
    const totalMs: number[] = [];
    let created = 0;
    for (let r = 0; r < runs; r++) {
      // Reading the file alone (the same reader, in this thread).
      let t0 = performance.now();
      const parsed = await parseResidentsWorkbook(file, Infinity);
      parseMs.push(performance.now() - t0);
      if (parsed.rows.length !== n) throw new Error(`read ${parsed.rows.length} rows, expected ${n}`);
      // COPY of the same rows alone, into a commune of its own.
      const target = communes[runs + r]!;
      const csv = rows
        .map((row) => {
          const k = residentKeys(row.fullName);
          const idHash = row.nationalId ? nationalIdHash(KEY, row.nationalId) : '';
          return (
            [
              target.id,
              target.villages.get(row.village),
              k.fullName,
              k.nameKey,
              k.sortKey,
              row.birthYear,
              row.gender === 'Nam' ? 'male' : 'female',
              'residents',
              idHash,
              row.nationalId ? row.nationalId.slice(-4) : '',
            ]
              // An empty field unquoted: NULL (a quoted "" would be an empty string).
              .map((v) => (v === undefined || v === null || v === '' ? '' : `"${String(v).replace(/"/gu, '""')}"`))
              .join(',')
          );
        })
        .join('\n');
      const columns = 'commune_id, village_id, full_name, name_key, sort_key, birth_year, gender, learner_group, id_hash, id_last4';
      const copySql = `copy resident (${columns}) from %s with (format csv, null '')`;
      if (dbKind() === 'pglite') {
        const client = (db as unknown as { $client: PGlite }).$client;
        const blob = new Blob([csv]);
        t0 = performance.now();
        await client.query(copySql.replace('%s', `'/dev/blob'`).replace("null ''", "null ''"), [], { blob });
        copyMs.push(performance.now() - t0);
      } else {
        const tmp = path.join(os.tmpdir(), `tds-bench-residents-${process.pid}.csv`);
        fs.writeFileSync(tmp, csv);
        fs.chmodSync(tmp, 0o644);
        t0 = performance.now();
        await inScope(db, SYSTEM_SCOPE, (tx) => tx.execute(sql.raw(copySql.replace('%s', `'${tmp}'`))));
        copyMs.push(performance.now() - t0);
        fs.rmSync(tmp, { force: true });
      }
      // The whole import through the server.
      const url = `${server.address}/api/communes/${communes[r]!.id}/training/residents/import?dryRun=false`;
      const form = new FormData();
      form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'nguoi-dan.xlsx');
      t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
      const body = (await res.json()) as { created?: number; error?: unknown };
      totalMs.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      created = body.created ?? 0;
      progress(`run ${r + 1}: parse ${round(parseMs[r]!)} ms, copy ${round(copyMs[r]!)} ms, import ${round(totalMs[r]!)} ms (${created} created)`);
    }
    await server.close();
    const parse = median(parseMs);
    const copy = median(copyMs);
    const total = median(totalMs);
    emit({
      bench: 'import-residents',
      db: dbKind(),
      import_ratio: round(total / (parse + copy), 2),
      import_ms: round(total),
      parse_ms: round(parse),
      copy_ms: round(copy),
      rows: n,
      created,
      file_bytes: file.length,
      runs,
    });
  } finally {
    await database.close();
  }
}

runMain(main);
