import { Packer } from 'docx';
import { buildDecree30 } from './decree30';
import type { AdminDocument } from './document-model';

/** Renders an administrative document to the bytes of a .docx file in the Decree 30 layout. */
export async function renderDocx(doc: AdminDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDecree30(doc));
}
