import { Worker } from 'node:worker_threads';

/** What a latency sampler measured: per URL, the latency of every request (ms) and the statuses that were not 200. */
export interface Sampled {
  ms: number[][];
  failures: string[];
}

// Plain JavaScript run in a worker thread: its clock keeps running while the server's event loop (in
// the test's thread) is blocked, so a request held by a blocked server shows its whole wait.
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { targets, intervalMs } = workerData;
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  const ms = targets.map(() => []);
  const failures = [];
  while (!stop) {
    for (let i = 0; i < targets.length && !stop; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(targets[i].url, { headers: targets[i].headers });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(targets[i].url + ' ' + res.status);
      } catch (err) {
        failures.push(targets[i].url + ' ' + err.message);
      }
      ms[i].push(performance.now() - t0);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  parentPort.postMessage({ ms, failures });
})();
`;

/** Request each target in turn, every `intervalMs`, from a worker thread, until `stop()`. */
export function startSampler(targets: { url: string; headers?: Record<string, string> }[], intervalMs = 20): { stop(): Promise<Sampled> } {
  const worker = new Worker(CODE, { eval: true, workerData: { targets, intervalMs } });
  const done = new Promise<Sampled>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const result = await done;
      await worker.terminate();
      return result;
    },
  };
}
