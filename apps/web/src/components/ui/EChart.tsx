import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { init, use as registerECharts, type ECElementEvent, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The renderer is generic; each feature registers the charts and components it draws (tree-shaking).
registerECharts([CanvasRenderer]);

/** What a parent can ask of a chart through its ref. */
export interface EChartHandle {
  /** The chart as a PNG data URL (white background, doubled pixel ratio), or null before it is drawn. */
  getDataURL: () => string | null;
}

export interface EChartProps {
  /** A full ECharts option (set with notMerge: the option is the whole picture). */
  option: EChartsCoreOption;
  height?: number | string;
  /** Called with the clicked element (bar, point...). */
  onClick?: (e: ECElementEvent) => void;
  ref?: Ref<EChartHandle>;
  testId?: string;
  /** Accessible description of what the chart shows. */
  ariaLabel?: string;
}

/**
 * One ECharts instance bound to a div: created on mount, resized with its container (ResizeObserver),
 * updated when `option` changes, disposed on unmount. Register chart types with `use()` from
 * 'echarts/core' before rendering.
 */
export function EChart({ option, height = 320, onClick, ref, testId, ariaLabel }: EChartProps) {
  const elRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = elRef.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (e) => clickRef.current?.(e as ECElementEvent));
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useImperativeHandle(
    ref,
    () => ({
      getDataURL: () => chartRef.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
    }),
    [],
  );

  return <div ref={elRef} data-testid={testId} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}

/** Save a data URL (e.g. a chart's PNG) as a file. */
export function downloadDataUrl(dataUrl: string, filename: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
