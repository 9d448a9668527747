import { Grid } from 'antd';

/** Width of the name labels of horizontal bar charts: narrower on a phone. */
export function useLabelWidth(): number {
  const screens = Grid.useBreakpoint();
  if (screens.lg) return 220;
  if (screens.sm) return 160;
  return 100;
}
