// The bench's client, in a worker thread so that its own work does not share the server's event
// loop: sample /readyz and the list route in turn, and (in the "during" phase) keep imports of
// hostile documents running back to back. Plain JavaScript: a worker loads it without a loader.
import { parentPort, workerData } from 'node:worker_threads';

const { address, headers, listUrl, importUrl, seconds, imports } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function timed(url, init) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

const end = performance.now() + seconds * 1000;
const done = [];
let stop = false;
// Each import kind runs in its own loop, one request after the other, until the time is up.
const loops = (imports ?? []).map(async (kind) => {
  const body = kind.body instanceof Uint8Array ? Buffer.from(kind.body) : kind.body;
  while (!stop) {
    const r = await timed(importUrl, { method: 'POST', headers: { ...headers, 'content-type': kind.type }, body });
    done.push({ kind: kind.name, ...r });
  }
});
const readyz = [];
const list = [];
const failures = [];
while (performance.now() < end) {
  const a = await timed(`${address}/readyz`);
  const b = await timed(listUrl, { headers });
  if (a.status !== 200) failures.push(`/readyz ${a.status}`);
  if (b.status !== 200) failures.push(`list ${b.status}`);
  readyz.push(a.ms);
  list.push(b.ms);
  await sleep(25);
}
stop = true;
await Promise.all(loops);
parentPort.postMessage({ readyz, list, imports: done, failures });
