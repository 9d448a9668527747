import type { Database } from './client';
import { clearPendingRecovery, pendingRecovery } from './pglite-recovery';
import { writeAudit } from '../platform/audit';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';

/**
 * Record in the audit log (system chain) a recovery of the embedded database that has not been
 * recorded yet, whichever process did it (the server, or a CLI command that opened the directory
 * first), then forget it. Needs the migrated schema. Returns whether an entry was written.
 */
export async function auditPendingRecovery(database: Database): Promise<boolean> {
  if (!database.embedded) return false;
  const report = pendingRecovery(database.embedded.dataDir);
  if (!report) return false;
  const summary =
    report.kind === 'restored'
      ? `Khôi phục cơ sở dữ liệu nhúng từ bản chụp ${report.snapshot!.name} (dữ liệu đến ${report.snapshot!.createdAt}) sau khi không mở được (${report.error ?? 'lỗi'}); tệp hỏng giữ ở ${report.brokenDir}`
      : `Mở lại cơ sở dữ liệu nhúng sau khi dừng không đúng cách (${report.reasons.join('; ')}); PostgreSQL phục hồi từ WAL`;
  await inScope(database.db, SYSTEM_SCOPE, (tx) =>
    writeAudit(
      tx,
      null,
      {},
      {
        action: 'db_recover',
        entityType: 'database',
        entityId: report.snapshot?.name ?? null,
        summary,
        after: report,
      },
    ),
  );
  clearPendingRecovery(database.embedded.dataDir);
  return true;
}
