import type { MatrixModule } from '../../testing/matrix-types';

/** Authorization-matrix fixtures for the audit log. */
export const auditMatrix: MatrixModule = {
  globalLists: ['/api/audit'],
  fixtures: {
    'GET /api/audit': {},
  },
};
