import { communeOf, type MatrixModule } from '../../testing/matrix-types';

/** Authorization-matrix fixtures for the home routes: any signed-in user, restricted to the side's commune. */
export const homeMatrix: MatrixModule = {
  fixtures: {
    'GET /api/me/todo': { query: (c) => `communeId=${communeOf(c)}` },
  },
};
