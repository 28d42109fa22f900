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
  /** Where property facts come from: `local`, the embedded copy of imported registry extracts. */
  REGISTRY_ADAPTER: z
    .enum(['local'], {
      error: (issue) =>
        `unknown registry adapter ${JSON.stringify(issue.input)}; known: local (the copy of extracts imported with \`mpdom import registry\`)`,
    })
    .default('local'),
  /**
   * Sign-in attempts one client address may make per minute, whatever the login; the per-login
   * lockout guards each account apart from this.
   */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Largest upload accepted, in bytes (documents are 5 MB by the product's default). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /**
   * How far a claimed area may differ from the registry's and still match: both limits apply
   * (0.5 m² and 1 % by default, whichever is tighter). See domain/property-claims/reconcile.ts.
   */
  CLAIM_AREA_TOLERANCE_M2: z.coerce.number().min(0).max(100).default(0.5),
  CLAIM_AREA_TOLERANCE_PERCENT: z.coerce.number().min(0).max(100).default(1),
  // Service requests (issue 7): photo size, the daily limit of identical requests (C24), reopening.
  /** Largest request photo before sanitising, in bytes (an iPhone HEIC is 2–4 MB). */
  SERVICE_REQUEST_PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Identical requests one person may send one organisation per day. */
  SERVICE_REQUEST_DAILY_SAME_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
  /** Days after completion within which the resident may reopen a request. */
  SERVICE_REQUEST_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Runs the background worker in the same process as the API (the embedded default). */
  WORKER: booleanFlag.default(true),
  /**
   * Sender of the platform's e-mail, an RFC 5322 mailbox (a display name is allowed). SMTP
   * settings arrive with real delivery; until then e-mail is written to the local outbox folder.
   */
  MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/,
      'must be an e-mail address, e.g. МП-дом <no-reply@example.ru>',
    )
    .default('МП-дом <no-reply@mpdom.local>'),
  /** Key material for encrypting passport and СНИЛС numbers at rest; required in production. */
  PERSONAL_DATA_KEY: z.string().min(32).optional(),
  /**
   * Per-action identity levels overriding the defaults of the access catalogue, as
   * `action=level` pairs separated by commas, e.g. `poa.create=standard`.
   */
  ACCESS_ASSURANCE: z.string().default(''),
  /** An external OpenID Connect provider that may vouch for a person's identity (optional). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** SMTP server for e-mail, e.g. smtps://user:pass@smtp.example.ru:465; unset: local outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** SMS gateway endpoint taking a JSON POST {to, text, sender}; unset: local outbox. */
  SMS_GATEWAY_URL: z.url().optional(),
  /** Bearer token for the SMS gateway. */
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** Sender name registered with the SMS gateway. */
  SMS_SENDER: z.string().min(1).max(11).default('MPDOM'),
  /** Text of a code SMS; `{code}` and `{minutes}` are filled in. */
  SMS_TEMPLATE: z
    .string()
    .includes('{code}', { message: 'must contain {code}' })
    .max(300)
    .default('МП-дом: код {code}. Никому его не сообщайте.'),
  /** Secret for signing cookies; required in production. */
  COOKIE_SECRET: z.string().min(32).optional(),
  /** Key material for encrypting TOTP secrets at rest (AES-256-GCM); required in production. */
  TOTP_ENCRYPTION_KEY: z.string().min(32).optional(),
  /** WebAuthn relying-party id (a host name); defaults to the host of PUBLIC_URL or localhost. */
  WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a host name, e.g. mpdom.ru')
    .optional(),
  /** Origin passkeys are used from; defaults to PUBLIC_URL or http://localhost:3000. */
  WEBAUTHN_ORIGIN: z.url().optional(),
  // Documents (issue 9): where file bytes live, and the key that seals organisations' signing keys.
  /** `local` (DATA_DIR/files) or `s3`, an S3-compatible store configured by the S3_* variables. */
  STORAGE_BACKEND: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('ru-central1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (`endpoint/bucket/key`), which most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  /** ≥ 32 characters; seals the organisations' certificate-signing keys; required in production. */
  CERTIFICATE_KEY: z.string().min(32).optional(),
  /** Upload rules per document kind, `kind=types:MB,…` (e.g. `technical=pdf:20`); default PDF/JPG/PNG ≤ 5 MB. */
  DOCUMENT_UPLOAD_POLICY: z.string().default(''),
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
  registry: { adapter: Env['REGISTRY_ADAPTER'] };
  uploads: { maxBytes: number; dir: string };
  /** Property claims: the area tolerance of the registry check, in hundredths and basis points. */
  claims: { areaTolerance: { absoluteCenti: number; relativeBasisPoints: number } };
  serviceRequests: { photoMaxBytes: number; dailySameLimit: number; reopenDays: number };
  outboxDir: string;
  mail: { from: string; smtpUrl: string | undefined };
  sms: {
    gatewayUrl: string | undefined;
    gatewayToken: string | undefined;
    sender: string;
    template: string;
  };
  worker: boolean;
  cookieSecret: string;
  security: {
    totpEncryptionKey: string;
    webauthn: { rpId: string; origin: string };
    signInAttemptsPerMinute: number;
  };
  storage:
    | { backend: 'local' }
    | {
        backend: 's3';
        endpoint: string | undefined;
        region: string;
        bucket: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      };
  documents: { certificateKey: string; uploadPolicy: string };
  access: {
    personalDataKey: string;
    assuranceOverrides: string;
    oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | null;
  };
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
// Personal data follows the same rule as cookies and TOTP: a fixed key only outside production.
const DEV_PERSONAL_DATA_KEY = 'mpdom-development-personal-data-key-not-for-production';

// The same reasoning for TOTP secrets: a local demo keeps working, production must bring its own.
const DEV_TOTP_ENCRYPTION_KEY = 'mpdom-development-totp-key-not-for-production';

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

  if (
    env.NODE_ENV === 'production' &&
    (!env.TOTP_ENCRYPTION_KEY || env.TOTP_ENCRYPTION_KEY === DEV_TOTP_ENCRYPTION_KEY)
  ) {
    throw new ConfigError(['TOTP_ENCRYPTION_KEY: required when NODE_ENV=production']);
  }

  if (
    env.NODE_ENV === 'production' &&
    (!env.PERSONAL_DATA_KEY || env.PERSONAL_DATA_KEY === DEV_PERSONAL_DATA_KEY)
  ) {
    throw new ConfigError(['PERSONAL_DATA_KEY: required when NODE_ENV=production']);
  }

  const webauthnOrigin = env.WEBAUTHN_ORIGIN ?? env.PUBLIC_URL ?? 'http://localhost:3000';

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
    registry: { adapter: env.REGISTRY_ADAPTER },
    uploads: { maxBytes: env.UPLOAD_MAX_BYTES, dir: path.join(dataDir, 'files') },
    claims: {
      areaTolerance: {
        absoluteCenti: Math.round(env.CLAIM_AREA_TOLERANCE_M2 * 100),
        relativeBasisPoints: Math.round(env.CLAIM_AREA_TOLERANCE_PERCENT * 100),
      },
    },
    serviceRequests: {
      photoMaxBytes: env.SERVICE_REQUEST_PHOTO_MAX_BYTES,
      dailySameLimit: env.SERVICE_REQUEST_DAILY_SAME_LIMIT,
      reopenDays: env.SERVICE_REQUEST_REOPEN_DAYS,
    },
    outboxDir: path.join(dataDir, 'outbox'),
    mail: { from: env.MAIL_FROM, smtpUrl: env.SMTP_URL },
    sms: {
      gatewayUrl: env.SMS_GATEWAY_URL,
      gatewayToken: env.SMS_GATEWAY_TOKEN,
      sender: env.SMS_SENDER,
      template: env.SMS_TEMPLATE,
    },
    storage: storageOf(env),
    documents: { certificateKey: certificateKeyOf(env), uploadPolicy: env.DOCUMENT_UPLOAD_POLICY },
    worker: env.WORKER,
    cookieSecret: env.COOKIE_SECRET ?? DEV_COOKIE_SECRET,
    access: {
      personalDataKey: env.PERSONAL_DATA_KEY ?? DEV_PERSONAL_DATA_KEY,
      assuranceOverrides: env.ACCESS_ASSURANCE,
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID
          ? {
              issuer: env.OIDC_ISSUER,
              clientId: env.OIDC_CLIENT_ID,
              clientSecret: env.OIDC_CLIENT_SECRET,
            }
          : null,
    },
    security: {
      totpEncryptionKey: env.TOTP_ENCRYPTION_KEY ?? DEV_TOTP_ENCRYPTION_KEY,
      signInAttemptsPerMinute: env.SIGN_IN_ATTEMPTS_PER_MINUTE,
      webauthn: {
        rpId: env.WEBAUTHN_RP_ID ?? new URL(webauthnOrigin).hostname,
        // An origin has no path; PUBLIC_URL may carry one (or a trailing slash).
        origin: new URL(webauthnOrigin).origin,
      },
    },
  };
}

// Same rule as the other keys: the fixed development value only outside production.
const DEV_CERTIFICATE_KEY = 'mpdom-development-certificate-key-not-for-production';

function storageOf(env: Env): Config['storage'] {
  if (env.STORAGE_BACKEND === 'local') {
    return { backend: 'local' };
  }

  if (!env.S3_BUCKET) {
    throw new ConfigError(['S3_BUCKET: required when STORAGE_BACKEND=s3']);
  }

  return {
    backend: 's3',
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

function certificateKeyOf(env: Env): string {
  if (env.NODE_ENV === 'production' && !env.CERTIFICATE_KEY) {
    throw new ConfigError(['CERTIFICATE_KEY: required when NODE_ENV=production']);
  }

  return env.CERTIFICATE_KEY ?? DEV_CERTIFICATE_KEY;
}
