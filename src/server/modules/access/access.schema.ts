import { z } from 'zod';

import { ASSURANCE_LEVELS, VERIFICATION_METHODS } from '../../../domain/access/assurance.js';
import { ORGANISATION_ROLES, ROLES } from '../../../domain/access/roles.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

const Level = z.enum(ASSURANCE_LEVELS);
const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const RoleGrantSchema = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  premiseId: z.uuid().nullable(),
  premiseLabel: z.string().nullable().describe('House address and premise number'),
});

export const MeSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  contacts: z.array(
    z.object({ kind: z.enum(['phone', 'email']), value: z.string(), confirmed: z.boolean() }),
  ),
  assurance: z.object({
    level: Level,
    missing: z.array(z.enum(['identity_documents', 'verification'])),
    pendingVerification: z
      .object({ id: z.uuid(), method: z.enum(VERIFICATION_METHODS), createdAt: z.iso.datetime() })
      .nullable(),
    lastRejection: z
      .object({ reason: z.string().nullable(), decidedAt: z.iso.datetime() })
      .nullable()
      .describe('The latest refused request, when no verification followed it'),
    verifiedBy: z.enum(VERIFICATION_METHODS).nullable(),
  }),
  identityDocuments: z
    .object({
      passport: z.string().describe('Masked: •••• 123456'),
      passportIssuedOn: IsoDate,
      departmentCode: z.string(),
      snils: z.string().describe('Masked: •••-•••-445 95'),
    })
    .nullable(),
  roles: z.array(RoleGrantSchema),
});

export const IdentityDocumentsSchema = z.object({
  passportSeriesNumber: z.string().max(20).describe('Series and number, e.g. «65 12 123456»'),
  passportIssuedOn: IsoDate,
  departmentCode: z.string().max(10).describe('«123-456»'),
  snils: z.string().max(20).describe('«112-233-445 95»'),
});

export const VerificationRequestBodySchema = z.object({
  fileId: z.uuid().describe('A passport scan uploaded with POST /api/v1/files'),
  method: z.literal('document_scan').default('document_scan'),
});

export const VerificationStatus = z.enum(['pending', 'approved', 'rejected', 'expired']);

export const VerificationRequestSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  method: z.enum(VERIFICATION_METHODS),
  status: VerificationStatus,
  fileId: z.uuid().nullable(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  identityDocuments: MeSchema.shape.identityDocuments,
});

export const VerificationQuerySchema = PageQuerySchema.extend({
  status: VerificationStatus.default('pending'),
});

export const IdParamsSchema = z.object({ id: z.uuid() });

export const DecisionSchema = z
  .object({
    approved: z.boolean(),
    reason: z.string().trim().max(1000).optional().describe('Required when refusing'),
  })
  .refine((d) => d.approved || (d.reason?.length ?? 0) > 0, {
    message: 'a reason is required when refusing',
    path: ['reason'],
  });

export const InPersonCodeIssueSchema = z.object({
  login: z.string().trim().min(1).max(254).describe('E-mail or phone of the person at the desk'),
});

export const InPersonCodeIssuedSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  code: z.string().describe('Shown once; hand it to the person'),
  expiresAt: z.iso.datetime(),
});

export const InPersonCodeRedeemSchema = z.object({
  code: z.string().trim().min(1).max(32),
});

export const OrganisationRoleEnum = z.enum(ORGANISATION_ROLES);

export const OrganisationParamsSchema = z.object({ id: z.uuid() });

export const EmployeeParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

export const EmployeeSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  roles: z.array(OrganisationRoleEnum),
  since: z.iso.datetime(),
});

export const InvitationBodySchema = z
  .object({
    email: z.string().trim().max(254).optional(),
    phone: z.string().trim().max(32).optional(),
    role: OrganisationRoleEnum,
  })
  .refine((b) => Boolean(b.email) !== Boolean(b.phone), {
    message: 'give exactly one of email or phone',
    path: ['email'],
  });

export const InvitationSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  sentTo: z.string().describe('Masked contact the invitation went to'),
  role: OrganisationRoleEnum,
  expiresAt: z.iso.datetime(),
});

export const InvitationTokenParamsSchema = z.object({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[\w-]+$/),
});

export const RolesBodySchema = z.object({
  roles: z.array(OrganisationRoleEnum).min(1).max(ORGANISATION_ROLES.length),
});

export const DepartmentBodySchema = z.object({
  name: z.string().trim().min(2).max(300),
});

export const DepartmentSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid(),
  name: z.string(),
  kind: z.string(),
});

export const PowerOfAttorneyBodySchema = z.object({
  premiseId: z.uuid(),
  representativeLogin: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .describe('E-mail or phone of the representative, who must have an account'),
  validFrom: IsoDate,
  validUntil: IsoDate.optional().describe(
    'Without a term, one year from validFrom (ГК РФ ст. 186)',
  ),
  documentReference: z.string().trim().max(200).optional(),
});

export const PowerOfAttorneySchema = z.object({
  id: z.uuid(),
  premiseId: z.uuid(),
  premiseLabel: z.string(),
  principalName: z.string(),
  representativeUserId: z.uuid(),
  representativeName: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  documentReference: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  inForce: z.boolean(),
});

export const PowersOfAttorneyListSchema = z.object({
  granted: z.array(PowerOfAttorneySchema),
  received: z.array(PowerOfAttorneySchema),
});

export const PremiseRightsSchema = z.object({
  premiseId: z.uuid(),
  roles: z.array(z.string()),
  onBehalfOfPersonId: z.uuid().nullable(),
  actions: z.array(z.string()).describe('Premise actions the caller may perform'),
});

export type IdentityDocumentsInput = z.infer<typeof IdentityDocumentsSchema>;
export type InvitationInput = z.infer<typeof InvitationBodySchema>;
export type PowerOfAttorneyInput = z.infer<typeof PowerOfAttorneyBodySchema>;
