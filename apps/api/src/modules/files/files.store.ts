import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { cleanText } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { storedFile } from './files.table';

/** What other modules keep of a file: its id and what to show. */
export interface FileMeta {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
}

/**
 * Keep an uploaded file in the database (so every app instance has it) in the caller's
 * transaction; its name cleaned for display, its hash for integrity. Returns its id.
 */
export async function storeFile(
  tx: Tx,
  f: { communeId: string; name: string; fallbackName: string; mime: string; content: Buffer; purpose: string; createdBy: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(storedFile).values({
    communeId: f.communeId,
    id,
    name: cleanText(f.name).slice(0, 200) || f.fallbackName,
    mime: f.mime,
    size: f.content.length,
    sha256: createHash('sha256').update(f.content).digest('hex'),
    purpose: f.purpose,
    content: f.content,
    createdBy: f.createdBy,
  });
  return id;
}

/** A file's name, type and size (not its content). */
export async function fileMeta(tx: Tx, communeId: string, id: string): Promise<FileMeta | undefined> {
  const [f] = await tx
    .select({ id: storedFile.id, name: storedFile.name, mime: storedFile.mime, size: storedFile.size, createdAt: storedFile.createdAt })
    .from(storedFile)
    .where(and(eq(storedFile.communeId, communeId), eq(storedFile.id, id)));
  return f;
}

/** A file with its content, for download. */
export async function readFile(tx: Tx, communeId: string, id: string): Promise<{ name: string; mime: string; content: Buffer } | undefined> {
  const [f] = await tx
    .select({ name: storedFile.name, mime: storedFile.mime, content: storedFile.content })
    .from(storedFile)
    .where(and(eq(storedFile.communeId, communeId), eq(storedFile.id, id)));
  return f;
}

/** Remove a file no record points at any more (a deleted photo), in the caller's transaction. */
export async function deleteFile(tx: Tx, communeId: string, id: string): Promise<void> {
  await tx.delete(storedFile).where(and(eq(storedFile.communeId, communeId), eq(storedFile.id, id)));
}
