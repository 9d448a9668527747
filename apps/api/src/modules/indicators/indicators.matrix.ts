import type { Role } from '@tds/contracts';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeIndicator, provinceTarget, target } from './indicators.table';
import { communeOf, provinceOf, unitOf, type MatrixModule } from '../../testing/matrix-types';

/** Province figures are for province officers and system administrators: commune roles are refused. */
const COMMUNE_ROLES: readonly Role[] = ['commune_admin', 'chairman', 'council_member', 'unit_focal_point', 'digital_team_member', 'viewer'];
const OWN_CODE = 'MX.RIENG';

/** Authorization-matrix fixtures for the indicators routes. */
export const indicatorsMatrix: MatrixModule = {
  /** Each commune has its own indicator and a commune target to split; each province a target. */
  setup: async (t, w) => {
    await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
      for (const communeId of [w.a.id, w.c.id]) {
        await tx.insert(communeIndicator).values({
          communeId,
          code: OWN_CODE,
          pillar: 'society',
          name: 'Chỉ tiêu riêng',
          measure: 'lượt',
          direction: 'higher',
          aggregation: 'sum',
          integer: true,
        });
        await tx.insert(target).values({ communeId, unitId: null, indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, value: 12 });
      }
      for (const provinceId of [w.p1.id, w.p2.id])
        await tx.insert(provinceTarget).values({ provinceId, indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 80 });
    });
  },
  globalLists: ['/api/indicators'],
  fixtures: {
    'GET /api/indicators': {},
    'GET /api/communes/:communeId/indicators': { params: (c) => ({ communeId: communeOf(c) }) },
    'POST /api/communes/:communeId/indicators': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({
        code: `MX.N${c.n}`,
        pillar: 'gov',
        name: `Chỉ tiêu thử ${c.n}`,
        measure: 'cuộc',
        direction: 'higher',
        aggregation: 'sum',
        integer: true,
      }),
    },
    'PATCH /api/communes/:communeId/indicators/:code': {
      params: (c) => ({ communeId: communeOf(c), code: OWN_CODE }),
      body: (c) => ({ name: `Chỉ tiêu riêng ${c.n}` }),
    },
    'PUT /api/communes/:communeId/indicators/:code/unit-kinds': {
      params: (c) => ({ communeId: communeOf(c), code: 'XH.HO_CAP_QUANG' }),
      // Alternate so that no call is a repeat of the one before.
      body: (c) => ({ unitKinds: c.n % 2 ? ['village', 'school'] : null }),
    },
    'GET /api/communes/:communeId/targets': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'PUT /api/communes/:communeId/targets': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ items: [{ unitId: null, indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 50 + (c.n % 50) }] }),
    },
    'POST /api/communes/:communeId/targets/split': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, unitIds: [unitOf(c)] }),
    },
    'GET /api/provinces/:provinceId/targets': { params: (c) => ({ provinceId: provinceOf(c) }), query: () => 'year=2026', refuse: COMMUNE_ROLES },
    'PUT /api/provinces/:provinceId/targets': {
      params: (c) => ({ provinceId: provinceOf(c) }),
      body: (c) => ({ items: [{ indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 50 + (c.n % 50) }] }),
      refuse: COMMUNE_ROLES,
    },
    'POST /api/provinces/:provinceId/targets/split': {
      params: (c) => ({ provinceId: provinceOf(c) }),
      body: () => ({ indicatorCode: 'XH.KNS_CO_BAN', year: 2026 }),
      refuse: COMMUNE_ROLES,
    },
  },
};
