import fs from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

import type { Config } from '../../config.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

/** Raw SQL access that behaves the same on PGlite and on a PostgreSQL server. */
export type Queryable = {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
};

export type Database = Queryable & {
  kind: 'pglite' | 'postgres';
  /** The embedded client itself, for libraries that need raw access (the job queue); PGlite only. */
  pglite?: PGlite;
  /** The server's address, for libraries that open their own pool (the job queue); PostgreSQL only. */
  connectionString?: string;
  /** Typed query builder over the platform schema. */
  orm: Orm;
  /** Runs several statements without parameters (migrations, pg-boss DDL). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction; it is rolled back if `work` throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export class DataDirError extends Error {
  override name = 'DataDirError';
}

/**
 * Checks the embedded database directory before PGlite touches it: a directory that exists but
 * holds something other than a PostgreSQL cluster is reported, never initialised over.
 */
export function checkPgliteDir(dir: string): 'new' | 'existing' {
  if (!fs.existsSync(dir)) {
    return 'new';
  }

  if (!fs.statSync(dir).isDirectory()) {
    throw new DataDirError(`${dir} exists but is not a directory`);
  }

  const entries = fs.readdirSync(dir);

  if (entries.length === 0) {
    return 'new';
  }

  if (!entries.includes('PG_VERSION') || !entries.includes('base')) {
    throw new DataDirError(
      `${dir} is not an МП-дом database (no PG_VERSION or base/); ` +
        'move it away or set DATA_DIR to another directory',
    );
  }

  return 'existing';
}

export async function openDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  if (config.database.kind === 'postgres') {
    return openPostgres(config.database.url);
  }

  const dir = config.database.dir;

  checkPgliteDir(dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });

  let client: PGlite;

  try {
    client = await PGlite.create(dir);
  } catch (cause) {
    throw new DataDirError(`cannot open the embedded database at ${dir}: ${String(cause)}`);
  }

  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  const asQueryable = (runner: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(text: string, params?: unknown[]) {
      const result = await runner.query<Row>(text, params);

      return result.rows;
    },
  });

  return {
    kind: 'pglite',
    pglite: client,
    orm: drizzlePglite(client, { schema }),
    ...asQueryable(client),
    async exec(text) {
      await client.exec(text);
    },
    transaction(work) {
      return client.transaction((tx) => work(asQueryable(tx)));
    },
    async close() {
      if (!client.closed) {
        await client.close();
      }
    },
  };
}

// PGlite returns BIGINT as a JS number; the server driver is told to do the same so both
// databases hand the code identical values. Kopeck amounts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });

  pool.on('error', () => {
    // An idle client dropped by the server; the pool replaces it on next use.
  });

  return {
    kind: 'postgres',
    connectionString: url,
    orm: drizzlePg(pool, { schema }),
    async query<Row>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params);

      return result.rows as Row[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();

      try {
        await client.query('BEGIN');

        const result = await work({
          async query<Row>(text: string, params?: unknown[]) {
            return (await client.query(text, params)).rows as Row[];
          },
        });

        await client.query('COMMIT');

        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
