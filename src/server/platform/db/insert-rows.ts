import type { Queryable } from './database.js';

/**
 * Inserts many rows with one parameterised statement per chunk and returns the requested columns
 * in input order. Column names come from code, never from input, so they are not escaped.
 */
export async function insertRows<Row = Record<string, unknown>>(
  db: Queryable,
  table: string,
  columns: string[],
  rows: unknown[][],
  options: { returning?: string; chunk?: number } = {},
): Promise<Row[]> {
  const chunk = options.chunk ?? Math.max(1, Math.floor(30_000 / columns.length));
  const out: Row[] = [];

  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const values = slice
      .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    const returning = options.returning ? ` RETURNING ${options.returning}` : '';
    const result = await db.query<Row>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${returning}`,
      slice.flat(),
    );

    out.push(...result);
  }

  return out;
}
