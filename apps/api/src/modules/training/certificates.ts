import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { todayVn, type CertificateDto, type PublicCertificate, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { commune, unit } from '../org';
import { assertVillage } from './training.policy';
import { completedModules, modulesOf, residentFor } from './training.store';
import { resident, trainingCertificate } from './training.table';
import { inTraining } from './training-context';
import { certificatePdf } from './training-pdf';

/** Where a certificate is checked (the QR on the paper opens it). */
export const verifyPath = (code: string) => `/verify/${code}`;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A verification code: 10 characters of an alphabet without look-alikes (about 50 bits). */
function newCode(): string {
  return [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');
}

/**
 * Issue (or give again) a resident's certificate of the modules completed so far: the same set of
 * modules keeps its certificate and code; a longer set gets a new one.
 */
export async function issueCertificate(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  residentId: string;
  now?: Date;
}): Promise<CertificateDto> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const r = await residentFor(tx, communeId, opts.residentId, { follow: true });
    assertVillage(reach, r.villageId);
    const done = (await completedModules(tx, communeId, [r.id])).get(r.id) ?? [];
    if (!done.length) {
      const message = `${r.fullName} chưa hoàn thành học phần nào: chưa cấp được chứng nhận.`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'residentId', message }]);
    }
    const names = new Map((await modulesOf(tx, communeId)).map((m) => [m.code, m.name]));
    const [last] = await tx
      .select()
      .from(trainingCertificate)
      .where(and(eq(trainingCertificate.communeId, communeId), eq(trainingCertificate.residentId, r.id)))
      .orderBy(desc(trainingCertificate.createdAt))
      .limit(1);
    const same = last && last.modules.length === done.length && last.modules.every((m) => done.includes(m));
    const cert =
      same && last
        ? last
        : (
            await tx
              .insert(trainingCertificate)
              .values({ communeId, code: newCode(), residentId: r.id, modules: done, issuedOn: todayVn(now), createdBy: actor.userId, createdAt: now })
              .returning()
          )[0]!;
    if (!same)
      await writeAudit(tx, actor, opts.meta, {
        action: 'create',
        entityType: 'training_certificate',
        entityId: r.id,
        communeId,
        summary: `Cấp chứng nhận kỹ năng số ${cert.code} cho ${r.fullName} (${done.length} học phần)`,
      });
    return {
      code: cert.code,
      residentId: r.id,
      fullName: r.fullName,
      modules: cert.modules.map((c) => names.get(c) ?? c),
      issuedOn: cert.issuedOn,
      verifyPath: verifyPath(cert.code),
    };
  });
}

/** The certificate as a PDF (A4 landscape), for those who may see the resident. */
export async function certificateFile(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  code: string;
  baseUrl: string;
}): Promise<{ name: string; content: Buffer }> {
  const { communeId } = opts;
  const data = await inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const [c] = await tx
      .select({ c: trainingCertificate, r: resident, village: unit.name })
      .from(trainingCertificate)
      .innerJoin(resident, and(eq(resident.communeId, trainingCertificate.communeId), eq(resident.id, trainingCertificate.residentId)))
      .innerJoin(unit, and(eq(unit.communeId, resident.communeId), eq(unit.id, resident.villageId)))
      .where(and(eq(trainingCertificate.communeId, communeId), eq(trainingCertificate.code, opts.code)));
    if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy chứng nhận.');
    assertVillage(reach, c.r.villageId);
    const [cm] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.id, communeId));
    const names = new Map((await modulesOf(tx, communeId)).map((m) => [m.code, m.name]));
    return { ...c, communeName: cm!.name, modules: c.c.modules.map((m) => names.get(m) ?? m) };
  });
  return {
    name: `Chứng nhận ${data.c.code}.pdf`,
    content: await certificatePdf({
      communeName: data.communeName,
      fullName: data.r.fullName,
      birthYear: data.r.birthYear,
      villageName: data.village,
      modules: data.modules,
      issuedOn: data.c.issuedOn,
      code: data.c.code,
      link: `${opts.baseUrl}${verifyPath(data.c.code)}`,
    }),
  };
}

/** Initials of a name ("Nguyễn Thị Hoa" -> "N. T. H."): all the public page shows of the person. */
export const initialsOf = (fullName: string) =>
  fullName
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');

/** Check a code without signing in: the initials, the village, the commune and the modules only. */
export async function verifyCertificate(opts: { db: Db; code: string }): Promise<PublicCertificate> {
  const code = opts.code.trim().toUpperCase();
  return inScope(opts.db, SYSTEM_SCOPE, async (tx) => {
    const [c] = await tx
      .select({ c: trainingCertificate, fullName: resident.fullName, village: unit.name, communeName: commune.name })
      .from(trainingCertificate)
      .innerJoin(resident, and(eq(resident.communeId, trainingCertificate.communeId), eq(resident.id, trainingCertificate.residentId)))
      .innerJoin(unit, and(eq(unit.communeId, resident.communeId), eq(unit.id, resident.villageId)))
      .innerJoin(commune, eq(commune.id, trainingCertificate.communeId))
      .where(eq(sql`${trainingCertificate.code}`, code))
      .limit(1);
    if (!c) throw new AppError('NOT_FOUND', 'Không có chứng nhận nào mang mã này.');
    const names = new Map((await modulesOf(tx, c.c.communeId)).map((m) => [m.code, m.name]));
    return {
      code: c.c.code,
      initials: initialsOf(c.fullName),
      villageName: c.village,
      communeName: c.communeName,
      modules: c.c.modules.map((m) => names.get(m) ?? m),
      issuedOn: c.c.issuedOn,
    };
  });
}
