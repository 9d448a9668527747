import { AppError } from '../../platform/errors';
import { readFile } from '../files';
import { inInspections, type UseCase } from './inspection-context';
import { isInspectionFile, loadInspection } from './inspections.store';

/** An evidence file of an inspection, for download (anyone who reads inspections). */
export async function downloadInspectionFile(opts: UseCase & { id: string; fileId: string }) {
  return inInspections({ ...opts, permission: 'inspection.read' }, async (tx) => {
    await loadInspection(tx, opts.communeId, opts.id);
    if (!(await isInspectionFile(tx, opts.communeId, opts.id, opts.fileId))) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
    const f = await readFile(tx, opts.communeId, opts.fileId);
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
    return f;
  });
}
