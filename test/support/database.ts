import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { openDatabase, wrapPglite, type Database } from '../../src/server/platform/db/database.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, adminUrl, withDatabase } from './template.js';

/**
 * A fresh, migrated database for one test file: a PGlite clone of the template, or a PostgreSQL
 * database created from the template when DATABASE_URL is set. `close()` removes it.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = adminUrl();

  if (!url) {
    const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
    const client = await PGlite.create({ loadDataDir: blob });

    return wrapPglite(client);
  }

  const name = `mpdom_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });

  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  await admin.end();

  const db = await openDatabase({ database: { kind: 'postgres', url: withDatabase(url, name) } });

  return {
    ...db,
    async close() {
      await db.close();

      const cleaner = new pg.Client({ connectionString: url });

      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
