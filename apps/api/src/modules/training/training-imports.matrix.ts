import { communeOf, type Fixture } from '../../testing/matrix-types';

/** A multipart body whose file is not a workbook: who may import gets 415, the others 403/404 before the file is read. */
const notExcel = (): [string, Record<string, string>] => {
  const b = 'matrixboundary';
  return [
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nnot excel\r\n--${b}--\r\n`,
    { 'content-type': `multipart/form-data; boundary=${b}` },
  ];
};

/** Authorization-matrix fixtures of the training imports (templates and uploads). */
export const trainingImportFixtures: Record<string, Fixture> = {
  'GET /api/communes/:communeId/training/sessions/template': { params: (c) => ({ communeId: communeOf(c) }) },
  'GET /api/communes/:communeId/training/completions/template': { params: (c) => ({ communeId: communeOf(c) }) },
  'GET /api/communes/:communeId/training/population/template': { params: (c) => ({ communeId: communeOf(c) }) },
  'POST /api/communes/:communeId/training/sessions/import': { params: (c) => ({ communeId: communeOf(c) }), raw: notExcel },
  'POST /api/communes/:communeId/training/completions/import': { params: (c) => ({ communeId: communeOf(c) }), raw: notExcel },
  'POST /api/communes/:communeId/training/population/import': { params: (c) => ({ communeId: communeOf(c) }), raw: notExcel },
};
