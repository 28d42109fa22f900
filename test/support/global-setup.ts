import fs from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { openDatabase, wrapPglite } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, adminUrl, withDatabase } from './template.js';

/**
 * Migrates one template database per run; every test file then starts from a clone of it, so
 * files never see each other's rows and nobody pays for migrations twice.
 */
export default async function setup() {
  const url = adminUrl();

  if (url) {
    const admin = new pg.Client({ connectionString: url });

    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    await admin.end();

    const db = await openDatabase({
      database: { kind: 'postgres', url: withDatabase(url, PG_TEMPLATE_DB) },
    });

    await migrate(db);
    await db.close();

    return;
  }

  const client = await PGlite.create();
  const db = wrapPglite(client);

  await migrate(db);

  const dump = await client.dumpDataDir('none');

  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}
