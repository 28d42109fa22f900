import path from 'node:path';

/**
 * Where the migrated PGlite template is dumped for test files to clone; TEST_RUN_TAG keeps two
 * runs on one machine (two checkouts, or two people in one tree) from overwriting each other's.
 */
const RUN_TAG = process.env.TEST_RUN_TAG ? `-${process.env.TEST_RUN_TAG}` : '';

export const PGLITE_TEMPLATE = path.resolve(
  import.meta.dirname,
  `../../.tmp/pglite-template${RUN_TAG}.tar`,
);

/** The PostgreSQL database every test database is created from. */
export const PG_TEMPLATE_DB = 'mpdom_test_template';

export function adminUrl(): string | undefined {
  // Tests are the one place besides config.ts that reads the environment: they decide which
  // database server to clone, before any platform config exists.
  return process.env.DATABASE_URL;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);

  parsed.pathname = `/${database}`;

  return parsed.toString();
}
