/** Indicators (national catalogue and a commune's own), targets, official values and roll-ups: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as indicatorsTables from './indicators.table';
import { indicatorsRoutes } from './indicators.routes';

export { achievement, aggregateValue, elapsedShare, trackStatus, type IndicatorMeasure } from './achievement';
export { indicatorMap, loadIndicators, reportedBy, type IndicatorDef } from './catalogue';
export { recordSourceValues, withdrawSourceValues, type SourceValue } from './record-values';
export { writeRegistrationTargets } from './registered-targets';
export { refreshRollup, type RollupKey } from './rollup';
export { refreshDerived } from './derived';
/** Read models other modules join on (written only by this module). */
export { indicator, indicatorRollup, indicatorValue, target } from './indicators.table';

export { putTargets } from './put-targets';
export { splitTargets } from './split-targets';

export const manifest: ModuleManifest = {
  name: 'indicators',
  routes: indicatorsRoutes,
  tables: indicatorsTables,
  permissions: ['indicator.manage'],
  matrix: async () => [(await import('./indicators.matrix')).indicatorsMatrix],
};
