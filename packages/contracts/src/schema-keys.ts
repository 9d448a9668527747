import type { z } from 'zod';

/** Every object key a schema accepts, however deep (objects, arrays, optionals, unions, pipes...). */
export function schemaKeys(schema: z.ZodType, seen = new Set<unknown>()): Set<string> {
  const out = new Set<string>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object' && def.shape) {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(k);
        walk(v);
      }
      if (def.catchall) walk(def.catchall);
      return;
    }
    for (const key of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType', 'keyType', 'rest']) walk(def[key]);
    for (const key of ['options', 'items']) if (Array.isArray(def[key])) for (const o of def[key] as unknown[]) walk(o);
    if (typeof def.getter === 'function') walk((def.getter as () => unknown)());
  };
  walk(schema);
  return out;
}
