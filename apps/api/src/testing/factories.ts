/** Test factories: the demo's builders (one place that writes the directory rows). */
export * from '../demo/builders';
