import { z } from 'zod';

import { CERTIFICATE_KINDS } from '../../../domain/documents/certificate-rules.js';
import { DOCUMENT_KINDS, DOCUMENT_SCOPES } from '../../../domain/documents/document-kinds.js';
import { SIGNATURE_VERDICTS } from '../../../domain/documents/signature-verdict.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

const Title = z.string().trim().min(1).max(300);
const Tags = z
  .string()
  .max(500)
  .transform((text) => text.split(','))
  .or(z.array(z.string().max(40)).max(10));

/** The card of a new document; sent as the text fields of the multipart upload. */
export const CreateDocumentFieldsSchema = z.object({
  /** personal (the signed-in person's own), house (visible to its owners) or organisation. */
  scope: z.enum(DOCUMENT_SCOPES),
  kind: z.enum(DOCUMENT_KINDS),
  title: Title,
  houseId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  folderId: z.uuid().optional(),
  /** Comma-separated tags. */
  tags: Tags.optional(),
});

export type CreateDocumentFields = z.infer<typeof CreateDocumentFieldsSchema>;

export const VersionFieldsSchema = z.object({ note: z.string().trim().max(500).optional() });

export const DocumentsQuerySchema = PageQuerySchema.extend({
  scope: z.enum(DOCUMENT_SCOPES).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  houseId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  folderId: z.uuid().optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  /** Words of the title. */
  q: z.string().trim().max(200).optional(),
});

export type DocumentsQuery = z.infer<typeof DocumentsQuerySchema>;

export const IdParamsSchema = z.object({ id: z.uuid() });
export const VersionParamsSchema = z.object({
  id: z.uuid(),
  number: z.coerce.number().int().min(1).max(100_000),
});

export const DownloadQuerySchema = z.object({
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
  /** `stamped`: the copy with the visible signature stamp, once signed. */
  copy: z.enum(['original', 'stamped']).default('original'),
});

export const VersionSchema = z.object({
  number: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const SignatureSchema = z.object({
  id: z.uuid(),
  method: z.enum(['simple', 'enhanced']),
  versionNumber: z.number().int(),
  sha256: z.string(),
  signerName: z.string(),
  signedAt: z.iso.datetime(),
  verdict: z.enum(SIGNATURE_VERDICTS),
  /** Readable verdict in the request's language. */
  verdictText: z.string(),
  algorithm: z.string().nullable(),
  certificate: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      serialNumber: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    })
    .nullable(),
  /** One-time code reference of a ПЭП (never the code). */
  codeReference: z.string().nullable(),
  hasStampedCopy: z.boolean(),
});

export const SignatureRequestSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  documentKind: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  signerName: z.string(),
  premiseLabel: z.string().nullable(),
  status: z.enum(['pending', 'signed', 'declined', 'cancelled']),
  message: z.string().nullable(),
  declineReason: z.string().nullable(),
  sentAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(DOCUMENT_SCOPES),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    tags: z.array(z.string()),
    status: z.enum(['active', 'awaiting_signature', 'signed', 'superseded']),
    houseId: z.uuid().nullable(),
    houseAddress: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    folderId: z.uuid().nullable(),
    supersedesId: z.uuid().nullable(),
    currentVersion: z.number().int(),
    updatedAt: z.iso.datetime(),
    /** Whether the caller may add versions or supersede it. */
    canWrite: z.boolean(),
  })
  .meta({ id: 'Document' });

export const DocumentDetailSchema = DocumentSchema.extend({
  versions: z.array(VersionSchema),
  signatures: z.array(SignatureSchema),
  signatureRequests: z.array(SignatureRequestSchema),
});

export const FolderSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(DOCUMENT_SCOPES),
});

export const CreateFolderBodySchema = z.object({
  scope: z.enum(DOCUMENT_SCOPES),
  name: z.string().trim().min(1).max(120),
  houseId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});

export const SendForSignatureBodySchema = z.object({
  /** The person asked to sign; must own a premise of the organisation's houses. */
  signerPersonId: z.uuid(),
  premiseId: z.uuid().optional(),
  message: z.string().trim().max(1000).optional(),
});

export const SignatureRequestsQuerySchema = PageQuerySchema.extend({
  /** `mine`: addressed to me; otherwise the organisation's outgoing requests. */
  organisationId: z.uuid().optional(),
  status: z.enum(['pending', 'signed', 'declined', 'cancelled']).optional(),
});

export const ConfirmCodeBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, 'digits only'),
});

export const CodeSentSchema = z.object({
  expiresAt: z.iso.datetime(),
  resendAvailableAt: z.iso.datetime(),
  attemptsLeft: z.number().int(),
  /** Where the code went, masked: `+7 900 ***-**-01`. */
  sentTo: z.string(),
});

export const DeclineBodySchema = z.object({ reason: z.string().trim().min(1).max(1000) });

export const CertificateRequestBodySchema = z.object({
  kind: z.enum(CERTIFICATE_KINDS),
  premiseId: z.uuid(),
});

export const RevokeBodySchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const CertificateSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  title: z.string(),
  number: z.string(),
  premiseLabel: z.string(),
  organisationName: z.string(),
  issuedAt: z.iso.datetime(),
  validUntil: z.iso.date(),
  state: z.enum(['current', 'expired', 'revoked']),
  revokeReason: z.string().nullable(),
  /** The public verification page the QR code leads to. */
  verificationUrl: z.string(),
  sha256: z.string(),
});

export const VerificationParamsSchema = z.object({ token: z.string().max(100) });

export const VerificationSchema = z.object({
  number: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  title: z.string(),
  state: z.enum(['current', 'expired', 'revoked']),
  issuedAt: z.iso.datetime(),
  validUntil: z.iso.date(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
  organisationName: z.string(),
  /** What the certificate states, as printed on it. */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  sha256: z.string(),
  signer: z.object({ subject: z.string(), serialNumber: z.string(), notAfter: z.string() }),
});

export const FileCheckSchema = z.object({
  /** True when the dropped file is byte for byte the issued certificate. */
  unchanged: z.boolean(),
  sha256: z.string(),
  expectedSha256: z.string(),
  state: z.enum(['current', 'expired', 'revoked']),
  message: z.string(),
});
