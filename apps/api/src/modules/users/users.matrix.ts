import { eq } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { appUser } from './users.table';

const userOf = (c: Ctx) => (c.side === 'own' ? c.w.users['a.target']!.id : c.w.users['c.admin']!.id);
const versionOf = async (c: Ctx, id: string) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ v: appUser.version }).from(appUser).where(eq(appUser.id, id)));
  return r!.v;
};

/** Authorization-matrix fixtures for the users routes. */
export const usersMatrix: MatrixModule = {
  globalLists: ['/api/users'],
  fixtures: {
    'GET /api/users': {},
    'GET /api/users/:id': { params: (c) => ({ id: userOf(c) }) },
    'POST /api/users': {
      body: (c) => ({ username: `matrix${c.n}`, fullName: 'Người thử', password: 'MatKhau2025abc', roles: [{ role: 'viewer', communeId: communeOf(c) }] }),
    },
    'PATCH /api/users/:id': { params: (c) => ({ id: userOf(c) }), body: async (c) => ({ fullName: `Tên mới ${c.n}`, version: await versionOf(c, userOf(c)) }) },
  },
};
