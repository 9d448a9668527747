import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { uuid } from '@tds/contracts';

/** The id a search param holds, or undefined when it is missing or not an id (a link typed by hand). */
export function idParam(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name);
  return v && uuid.safeParse(v).success ? v : undefined;
}

/** The search params with `name` set to `value`, or without it when the value is empty. */
export function withParam(params: URLSearchParams, name: string, value: string | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

/**
 * An id kept in the address bar (`/initiatives?unitId=…`, `?open=…`), so a link from another page
 * opens the same list or record; setting it replaces the history entry.
 */
export function useIdParam(name: string): [string | undefined, (id: string | null | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback((id: string | null | undefined) => setParams((p) => withParam(p, name, id), { replace: true }), [name, setParams]);
  return [idParam(params, name), set];
}
