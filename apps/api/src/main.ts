import { loadConfig } from './config/env';
import { sql } from 'drizzle-orm';
import type { Config } from './config/env';
import { createDb, type Database } from './db/client';
import { rowsOf } from './db/security';
import { runMigrations } from './db/migrate';
import { buildApp } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { roleLabelsVi } from '@tds/contracts';
import { modules } from './modules';
import { auditPendingRecovery } from './db/recovery-audit';
import { listSnapshots, startSnapshots, type SnapshotTimer } from './db/snapshots';
import { installShutdown } from './platform/shutdown';

/**
 * loadConfig() -> createDb() (the embedded database repaired or restored after an unclean stop) ->
 * buildApp() -> listen -> migrate -> demo data on an empty database -> audit a recovery -> snapshots.
 */
async function main() {
  const config = loadConfig();
  const database = await createDb({ databaseUrl: config.DATABASE_URL, ownerUrl: config.DATABASE_OWNER_URL, dataDir: config.DATA_DIR });
  await checkRequestLogin(database, config);
  const { app, readiness } = await buildApp({ config, database });
  app.log.info(`Cơ sở dữ liệu: ${database.kind === 'pglite' ? `nhúng (PGlite) tại ${database.where}` : `PostgreSQL ${database.where}`}`);
  // Listen first so /healthz answers while migrations run; /readyz turns 200 when all is done.
  await app.listen({ port: config.PORT, host: config.HOST });
  const jobs: { stop(): Promise<void> }[] = [];
  let snapshots: SnapshotTimer | null = null;
  // SIGTERM/SIGINT: stop accepting and close the app (its onClose hooks end background work), take a
  // last snapshot, checkpoint and close the database; exit anyway after SHUTDOWN_TIMEOUT_SECONDS.
  const shutdown = installShutdown({
    deadlineMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    log: app.log,
    steps: [
      {
        name: 'readiness',
        run: async () => {
          readiness.ready = false;
        },
      },
      { name: 'jobs', run: async () => void (await Promise.all(jobs.map((j) => j.stop()))) },
      { name: 'snapshot timer', run: async () => snapshots?.stop() },
      { name: 'app', run: () => app.close() },
      { name: 'snapshot', run: async () => snapshots?.snapshotIfChanged() },
      { name: 'database', run: () => database.close() },
    ],
  });

  await runMigrations(database);
  if (config.DEMO_SEED === 'true' && (await isEmpty(database.db))) {
    const accounts = await seedDemo(database.db, { production: config.NODE_ENV === 'production' });
    const lines = accounts.map((a) => `  ${a.username.padEnd(20)} ${a.password}   ${roleLabelsVi[a.role]} – ${a.where}`);
    console.log(`\nĐã tạo dữ liệu mẫu (xã Gia Phúc, Hải Phòng). Tài khoản demo / demo accounts:\n${lines.join('\n')}\n`);
  }
  await auditPendingRecovery(database);
  if (database.embedded && !shutdown.stopping) {
    // Rolling snapshots of the embedded database; the first one as soon as there is none (or after a recovery).
    const { client, dataDir, recovery } = database.embedded;
    snapshots = startSnapshots({ client, dataDir, intervalMinutes: config.SNAPSHOT_INTERVAL_MINUTES, keep: config.SNAPSHOT_KEEP, log: app.log });
    if (recovery || !listSnapshots(dataDir).length) await snapshots.snapshotIfChanged();
  }
  // The modules' background jobs (reminders...), each off when its interval is 0; a lease lets one instance run at a time.
  for (const job of modules.flatMap((m) => m.jobs ?? [])) {
    if (shutdown.stopping || job.intervalSeconds(config) <= 0) continue;
    jobs.push(job.start({ db: database.db, config, log: app.log }));
    app.log.info(`Việc định kỳ "${job.name}": mỗi ${job.intervalSeconds(config)} giây`);
  }
  readiness.ready = true;
  console.log(`Thi Đua Số sẵn sàng tại http://localhost:${config.PORT}  (API: /api/docs)`);
}

/**
 * On PostgreSQL, request work must log in as a role that is neither superuser nor owner, or a
 * query could leave the application role (SET ROLE) and row-level security with it. Refused in
 * production, a warning elsewhere.
 */
async function checkRequestLogin(database: Database, config: Config) {
  if (database.kind !== 'postgres') return;
  const r = rowsOf<{ sup: boolean; owner: boolean }>(
    await database.db.execute(sql`select rolsuper as sup,
      (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user) > 0 or current_user = (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) as owner
    from pg_roles where rolname = current_user`),
  )[0];
  if (!r?.sup && !r?.owner && config.DATABASE_OWNER_URL) return;
  const msg =
    'DATABASE_URL đăng nhập bằng vai trò siêu người dùng hoặc chủ sở hữu CSDL: hãy tạo một vai trò đăng nhập riêng cho ứng dụng (DATABASE_URL) và đặt DATABASE_OWNER_URL cho vai trò chủ sở hữu (xem README).';
  if (config.NODE_ENV === 'production') throw new Error(msg);
  console.warn(`Cảnh báo: ${msg}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
