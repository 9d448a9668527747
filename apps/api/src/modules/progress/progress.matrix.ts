import type { Role } from '@tds/contracts';
import { communeOf, provinceOf, unitOf, type Fixture, type MatrixModule } from '../../testing/matrix-types';

/** Province-wide views are for province officers (and system admins): commune roles hold report.read but are refused. */
const COMMUNE_ROLES: readonly Role[] = ['commune_admin', 'chairman', 'council_member', 'unit_focal_point', 'digital_team_member', 'viewer'];

const commune = (query?: string): Fixture => ({ params: (c) => ({ communeId: communeOf(c) }), ...(query ? { query: () => query } : {}) });
const province = (query: string): Fixture => ({ params: (c) => ({ provinceId: provinceOf(c) }), query: () => query, refuse: COMMUNE_ROLES });

const C = 'GET /api/communes/:communeId/progress';
const P = 'GET /api/provinces/:provinceId/progress';
const LEAGUE = 'indicatorCode=CQ.HS_TRUC_TUYEN&year=2026';

/** Authorization-matrix fixtures for the progress routes. */
export const progressMatrix: MatrixModule = {
  fixtures: {
    [`${C}/cycles`]: commune('year=2026'),
    [`${C}/completeness`]: commune('year=2026'),
    [`${P}/completeness`]: province('year=2026'),
    [`${C}/indicators`]: commune('year=2026'),
    [`${P}/indicators`]: province('year=2026'),
    [`${C}/league`]: commune(LEAGUE),
    [`${P}/league`]: province(LEAGUE),
    [`${C}/rollup`]: commune('fromYear=2022&toYear=2026'),
    [`${P}/rollup`]: province('fromYear=2022&toYear=2026'),
    [`${C}/units/:unitId/history`]: { params: (c) => ({ communeId: communeOf(c), unitId: unitOf(c) }) },
    [`${C}/export.xlsx`]: commune('view=completeness&year=2026'),
    [`${P}/export.xlsx`]: province('view=completeness&year=2026'),
    [`${C}/consolidated-report.docx`]: commune('year=2026'),
    [`${C}/consolidated-report.xlsx`]: commune('year=2026'),
    [`${P}/consolidated-report.docx`]: province('year=2026'),
    [`${P}/consolidated-report.xlsx`]: province('year=2026'),
  },
};
