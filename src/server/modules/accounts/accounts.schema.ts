import { z } from 'zod';

// Names are stored as typed and always rendered escaped; only control characters (which no name
// has and which break logs and exports) are refused.
const NamePart = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'must not contain control characters');

export const ContactKindSchema = z.enum(['phone', 'email']);

export const StartRegistrationSchema = z
  .object({
    /** Russian phone number in any common notation. */
    phone: z.string().trim().min(1).max(32).optional(),
    email: z.string().trim().min(1).max(254).optional(),
    surname: NamePart,
    name: NamePart,
    patronymic: NamePart.optional(),
  })
  .refine((body) => body.phone !== undefined || body.email !== undefined, {
    message: 'a phone or an e-mail address is required',
    path: ['phone'],
  });

export type StartRegistrationInput = z.infer<typeof StartRegistrationSchema>;

export const ContactStateSchema = z
  .object({ kind: ContactKindSchema, value: z.string(), confirmed: z.boolean() })
  .meta({ id: 'RegistrationContact' });

export const NextStepSchema = z.enum(['confirm', 'consents', 'password', 'done']);

export const RegistrationSchema = z
  .object({
    registrationId: z.uuid(),
    contacts: z.array(ContactStateSchema),
    nextStep: NextStepSchema,
  })
  .meta({ id: 'Registration' });

export const RegistrationParamsSchema = z.object({ id: z.uuid() });

export const RequestCodeSchema = z.object({ kind: ContactKindSchema });

export const CodeSentSchema = z
  .object({
    /** The contact with most characters hidden. */
    sentTo: z.string(),
    expiresAt: z.iso.datetime(),
    /** The resend countdown ends here. */
    resendAvailableAt: z.iso.datetime(),
    attemptsLeft: z.number().int(),
  })
  .meta({ id: 'CodeSent' });

const Code = z
  .string()
  .trim()
  .regex(/^\d{4,8}$/, 'must be the digits of the code');

export const ConfirmCodeSchema = z.object({ kind: ContactKindSchema, code: Code });

export const ConsentsSchema = z.object({
  personalDataConsentVersion: z.string().min(1).max(64),
  userAgreementVersion: z.string().min(1).max(64),
});

export const PasswordSchema = z.object({
  // Longer than the policy's maximum so that the policy, not the schema, names the rule.
  password: z.string().max(1024),
});

const LegalTextSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  /** Markdown. */
  text: z.string(),
});

export const LegalTextsSchema = z
  .object({ personalDataConsent: LegalTextSchema, userAgreement: LegalTextSchema })
  .meta({ id: 'LegalTexts' });

export const StartRecoverySchema = z.object({
  /** The phone or e-mail address the account signs in with. */
  login: z.string().trim().min(3).max(254),
});

export const RecoverySchema = CodeSentSchema.extend({ recoveryId: z.uuid() }).meta({
  id: 'Recovery',
});

export const ConfirmRecoverySchema = z.object({ code: Code });

export const RecoveryStateSchema = z
  .object({ recoveryId: z.uuid(), nextStep: z.enum(['password']) })
  .meta({ id: 'RecoveryState' });
