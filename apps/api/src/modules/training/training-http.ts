import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/env';
import { attachmentHeader } from '../../platform/attachment';

/** What the training routes share: downloads with a Vietnamese name, and the key national IDs are hashed with. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendFile(reply: FastifyReply, filename: string, mime: string, content: Buffer) {
  return reply.header('content-type', mime).header('content-disposition', attachmentHeader(filename)).send(content);
}
export const sendXlsx = (reply: FastifyReply, filename: string, content: Buffer) => sendFile(reply, filename, XLSX_MIME, content);

/** The key national IDs are hashed with: the configured one; in development and tests a fixed one (never in production). */
export function residentIdKey(config: Config): string | undefined {
  return config.RESIDENT_ID_KEY ?? (config.NODE_ENV === 'production' ? undefined : 'thi-dua-so-development-only-resident-id-key');
}
