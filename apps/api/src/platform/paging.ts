import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { searchKey } from '@tds/contracts';

/** LIMIT/OFFSET of a page. */
export function pageWindow(q: { page: number; pageSize: number }) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** Diacritic-insensitive "contains" on a stored search key; undefined when there is no query. */
export function matchSearch(column: AnyPgColumn, q: string | undefined): SQL | undefined {
  const key = q ? searchKey(q) : '';
  if (!key) return undefined;
  const escaped = key.replace(/[\\%_]/gu, (c) => `\\${c}`);
  return sql`${column} like ${'%' + escaped + '%'}`;
}
