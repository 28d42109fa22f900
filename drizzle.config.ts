import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -- --name describe_the_change` writes a new SQL migration from the tables.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/platform/db/schema.ts',
  out: './migrations',
  migrations: { prefix: 'timestamp' },
});
