import { parentPort, workerData } from 'node:worker_threads';

/**
 * The job loop of a pool worker: each message names a module (a file: URL) and one of its exported
 * functions; the function's result (or its error message) goes back with the job's id. Modules are
 * loaded once per worker.
 */
const port = parentPort;
if (!port) throw new Error('worker-main.ts runs only in a worker thread');

type Fn = (input: unknown) => unknown;
const modules = new Map<string, Promise<Record<string, unknown>>>();

async function load(module: string, name: string): Promise<Fn> {
  if (!module.startsWith('file:')) throw new Error(`not a local module: ${module}`);
  let mod = modules.get(module);
  if (!mod) {
    mod = import(module) as Promise<Record<string, unknown>>;
    modules.set(module, mod);
  }
  const fn = (await mod)[name];
  if (typeof fn !== 'function') throw new Error(`${module} exports no function ${name}`);
  return fn as Fn;
}

// Load what the jobs will need (heavy libraries) before saying ready; a preload that fails is left to the job that needs it.
for (const p of (workerData as { preload?: { module: string; name: string }[] } | null)?.preload ?? []) {
  await load(p.module, p.name)
    .then((fn) => fn(undefined))
    .catch(() => undefined);
}
// Jobs are taken once the preloads are done (messages wait in the port until then).
port.on('message', async (msg: { id: number; module: string; name: string; input: unknown }) => {
  try {
    const output = await (await load(msg.module, msg.name))(msg.input);
    const mem = process.memoryUsage();
    port.postMessage({ id: msg.id, ok: true, output, heapBytes: mem.heapUsed + mem.external });
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
