import { use as registerECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';

// Only what the progress charts draw (tree-shaken; the renderer is registered by the EChart wrapper).
registerECharts([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent]);
