import { z } from 'zod';

export const SessionIdParamsSchema = z.object({ id: z.uuid() });

export const DeviceSessionSchema = z
  .object({
    id: z.uuid(),
    /** The raw User-Agent header the session was opened with. */
    userAgent: z.string().nullable(),
    /** A readable browser · system · device line parsed from the user agent. */
    device: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    /** The session this request was made with. */
    current: z.boolean(),
  })
  .meta({ id: 'DeviceSession' });

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  /** Checked against the platform's password rules (8–128 characters, 4 distinct, not common). */
  newPassword: z.string().min(1).max(1024),
});

export const PasswordChangedSchema = z.object({
  /** How many other sessions were ended. */
  endedSessions: z.number().int(),
});

export const TotpEnrolmentSchema = z
  .object({
    /** Base32 secret, for typing into an app by hand. */
    secret: z.string(),
    otpauthUrl: z.string(),
    /** PNG QR code of `otpauthUrl` as a data: URL. */
    qrDataUrl: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });

export const TotpStatusSchema = z
  .object({
    enabled: z.boolean(),
    /** A secret was issued and waits for its first code. */
    enrolmentPending: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'TotpStatus' });

export const TotpCodeSchema = z.object({
  /** Six digits from the app. */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const TotpDisableSchema = z.object({
  /** Six digits from the app, or a recovery code. */
  code: z.string().trim().min(6).max(32),
});

export const RecoveryCodesSchema = z.object({
  /** Shown once: each code signs in a single time when the app is not at hand. */
  recoveryCodes: z.array(z.string()),
});

export const SecondFactorSchema = z
  .object({
    challengeId: z.uuid(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
    recoveryCode: z.string().trim().min(6).max(32).optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'give either code or recoveryCode',
    path: ['code'],
  });

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'base64url');

/** The JSON a browser's `startRegistration()` returns. */
export const RegistrationResponseSchema = z.looseObject({
  id: b64url.min(1).max(1_400),
  rawId: b64url.min(1).max(1_400),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

/** The JSON a browser's `startAuthentication()` returns. */
export const AuthenticationResponseSchema = z.looseObject({
  id: b64url.min(1).max(1_400),
  rawId: b64url.min(1).max(1_400),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

export const RegisterPasskeySchema = z.object({
  response: RegistrationResponseSchema,
  /** How the person calls this key, e.g. «Телефон»; defaults to the browser and system. */
  name: z.string().trim().min(1).max(100).optional(),
});

export const PasskeySignInSchema = z.object({ response: AuthenticationResponseSchema });

/** The whole body may be left out: the browser then offers its discoverable passkeys. */
export const PasskeyOptionsBodySchema = z
  .object({
    /** E-mail or phone, to list that account's keys. */
    login: z.string().trim().min(3).max(254).optional(),
  })
  // Fastify hands a missing body over as null.
  .nullish();

/** WebAuthn options JSON, handed to @simplewebauthn/browser as is. */
export const WebauthnOptionsSchema = z.looseObject({ challenge: z.string() });

export const PasskeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    transports: z.array(z.string()),
    /** Synced between the person's devices (a cloud passkey). */
    backedUp: z.boolean(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Passkey' });
