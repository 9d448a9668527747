import { indicatorsMatrix } from './indicators';
import { notifyMatrix } from './notify';
import { progressMatrix } from './progress';
import { registrationMatrix } from './registration';
import { reportsMatrix } from './reports';
import type { MatrixModule } from './types';

/** Every module's share of the authorization matrix. */
export const matrixModules: readonly MatrixModule[] = [reportsMatrix, registrationMatrix, indicatorsMatrix, progressMatrix, notifyMatrix];
