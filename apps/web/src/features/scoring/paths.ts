/** The feature's pages. */
export const SCORING_PATHS = {
  list: '/scoring',
  create: '/scoring/new',
  rubric: (id: string) => `/scoring/${id}`,
  edit: (id: string) => `/scoring/${id}/edit`,
  assessment: (id: string, unitId: string) => `/scoring/${id}/units/${unitId}`,
  score: (id: string, unitId: string) => `/scoring/${id}/scores/${unitId}`,
  result: (id: string, unitId: string) => `/scoring/${id}/results/${unitId}`,
};
