/**
 * An error as it may be written to a log: name, code, message and stack, with a failed query's
 * parameters (argon2 hashes, names, ID numbers...) and the driver's detail (which repeats values)
 * left out. The query text itself has no values: every query is parameterised.
 */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) return { message: String(err) };
  const e = err as Error & { code?: unknown; constraint?: unknown; routine?: unknown; cause?: unknown; statusCode?: unknown };
  const out: Record<string, unknown> = {
    type: e.name ?? 'Error',
    message: String(e.message ?? '').replace(/\nparams: [\s\S]*$/u, '\nparams: [đã ẩn]'),
  };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (typeof e.constraint === 'string') out.constraint = e.constraint;
  if (typeof e.routine === 'string') out.routine = e.routine;
  if (typeof e.stack === 'string') out.stack = e.stack.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/u, '\nparams: [đã ẩn]');
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}
