// Entry of every worker thread of the worker pool: register the TypeScript loader (the same tsx that
// `npm start`, `npm run dev` and the tests use), then load the job loop. Plain JavaScript, so that it
// loads before any loader is registered.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
