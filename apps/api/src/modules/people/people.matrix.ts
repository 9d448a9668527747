import { eq } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { person } from './people.table';

const personOf = (c: Ctx) => (c.side === 'own' ? c.w.aPerson.id : c.w.cPerson.id);
const versionOf = async (c: Ctx, id: string) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ v: person.version }).from(person).where(eq(person.id, id)));
  return r!.v;
};

/** Authorization-matrix fixtures for the people routes. */
export const peopleMatrix: MatrixModule = {
  fixtures: {
    'GET /api/communes/:communeId/people': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/people/:id': { params: (c) => ({ communeId: communeOf(c), id: personOf(c) }) },
    'POST /api/communes/:communeId/people': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ unitId: unitOf(c), fullName: `Nguyễn Văn Thử ${c.n}` }),
    },
    'PATCH /api/communes/:communeId/people/:id': {
      params: (c) => ({ communeId: communeOf(c), id: personOf(c) }),
      body: async (c) => ({ position: `Chức vụ ${c.n}`, version: await versionOf(c, personOf(c)) }),
    },
  },
};
