import { z } from 'zod';

export const SignInSchema = z.object({
  /** E-mail address or Russian phone number. */
  login: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(128),
});

export type SignInInput = z.infer<typeof SignInSchema>;

export const SessionUserSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    roles: z.array(
      z.object({
        role: z.string(),
        organisationId: z.uuid().nullable(),
        organisationName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SessionUser' });

export const SessionSchema = z
  .object({
    user: SessionUserSchema,
    /** Send back as the `x-csrf-token` header on every write made with the session cookie. */
    csrfToken: z.string(),
    expiresAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Session' });
