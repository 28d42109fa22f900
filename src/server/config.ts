import path from 'node:path';

import { z } from 'zod';

/**
 * The only reader of `process.env`. Everything is validated once at boot; a bad value stops the
 * process with a list of every offending variable rather than the first one found.
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  /** Environment name; `production` turns on Secure cookies and turns off pretty logs. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the app node. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 exposes the node to the network. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public URL the platform is reached at, used in links sent by e-mail. */
  PUBLIC_URL: z.url().optional(),
  /** Where the embedded database, uploaded files and the local outbox live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Builds a demo world on the first start of an empty database; turn off in production. */
  DEMO: booleanFlag.default(true),
  /** Registry extract imported on the first start of an empty database. */
  HOUSES_FILE: z.string().min(1).default('data/houses/ekaterinburg-2016-09.csv.gz'),
  /** Largest upload accepted, in bytes (documents are 5 MB by the product's default). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Runs the background worker in the same process as the API (the embedded default). */
  WORKER: booleanFlag.default(true),
  /** Secret for signing cookies; required in production. */
  COOKIE_SECRET: z.string().min(32).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export type Config = {
  env: Env['NODE_ENV'];
  http: { port: number; host: string; publicUrl: string | undefined };
  dataDir: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };
  logLevel: Env['LOG_LEVEL'];
  demo: boolean;
  housesFile: string;
  uploads: { maxBytes: number; dir: string };
  outboxDir: string;
  worker: boolean;
  cookieSecret: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// The fixed development secret is only acceptable because production refuses to start without
// its own; it keeps sessions stable across restarts of a local demo.
const DEV_COOKIE_SECRET = 'mpdom-development-cookie-secret-not-for-production';

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);

  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }

  const env = parsed.data;

  if (env.NODE_ENV === 'production' && !env.COOKIE_SECRET) {
    throw new ConfigError(['COOKIE_SECRET: required when NODE_ENV=production']);
  }

  const dataDir = path.resolve(env.DATA_DIR);

  return {
    env: env.NODE_ENV,
    http: { port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL },
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dir: path.join(dataDir, 'db') },
    logLevel: env.LOG_LEVEL,
    demo: env.DEMO,
    housesFile: path.resolve(env.HOUSES_FILE),
    uploads: { maxBytes: env.UPLOAD_MAX_BYTES, dir: path.join(dataDir, 'files') },
    outboxDir: path.join(dataDir, 'outbox'),
    worker: env.WORKER,
    cookieSecret: env.COOKIE_SECRET ?? DEV_COOKIE_SECRET,
  };
}
