import { requestCertificate } from '../../src/server/modules/documents/certificates.service.js';
import { storeUpload } from '../../src/server/platform/files/files.service.js';
import type { SignedInUser } from '../../src/server/platform/http/auth-types.js';
import { samplePdf } from '../support/sample-files.js';
import type { Fixture, Row } from './access-matrix.table.js';

const OFFICE = ['organisation_admin', 'accountant'] as const;
const STAFF = ['organisation_admin', 'accountant', 'dispatcher', 'executor'] as const;
const uuid0 = '00000000-0000-4000-8000-000000000000';

async function ownerOf(f: Fixture): Promise<SignedInUser> {
  const [row] = await f.world.platform.ctx.db.query<{ id: string; personId: string }>(
    `SELECT id, person_id AS "personId" FROM users WHERE email = 'owner@mpdom.test'`,
  );

  return { ...row!, displayName: 'Собственник', platformRole: 'citizen', roles: [] };
}

/** A document with one stored version, filed directly (the matrix tests rights, not uploads). */
async function fileDocument(f: Fixture, scope: 'personal' | 'organisation', kind: string) {
  const ctx = f.world.platform.ctx;
  const owner = await ownerOf(f);
  const file = await storeUpload(ctx, {
    body: samplePdf(`matrix ${f.uniq()}`),
    originalName: 'matrix.pdf',
    uploadedBy: owner.id,
  });
  const [doc] = await ctx.db.query<{ id: string }>(
    `INSERT INTO documents (scope, person_id, organisation_id, kind, title, created_by)
     VALUES ($1, $2, $3, $4, 'Матрица', $5) RETURNING id`,
    [
      scope,
      scope === 'personal' ? owner.personId : null,
      scope === 'organisation' ? f.world.orgs.managing : null,
      kind,
      owner.id,
    ],
  );
  const [version] = await ctx.db.query<{ id: string }>(
    `INSERT INTO document_versions (document_id, number, file_id) VALUES ($1, 1, $2) RETURNING id`,
    [doc!.id, file.id],
  );

  return { documentId: doc!.id, versionId: version!.id, owner };
}

const personal = new Map<string, string>();

/** The owner's personal document, one per row so rows do not disturb each other. */
async function ownersDocument(f: Fixture, row: string) {
  if (!personal.has(row)) {
    personal.set(row, (await fileDocument(f, 'personal', 'personal')).documentId);
  }

  return personal.get(row)!;
}

const requests = new Map<string, string>();

/** A pending request of the managing organisation to the owner, one per row. */
async function pendingRequest(f: Fixture, row: string) {
  if (!requests.has(row)) {
    const { documentId, versionId, owner } = await fileDocument(f, 'organisation', 'act');
    const [request] = await f.world.platform.ctx.db.query<{ id: string }>(
      `INSERT INTO signature_requests (document_id, version_id, organisation_id, signer_person_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [documentId, versionId, f.world.orgs.managing, owner.personId],
    );

    await f.world.platform.ctx.db.query(
      `UPDATE documents SET person_id = $2, status = 'awaiting_signature' WHERE id = $1`,
      [documentId, owner.personId],
    );
    requests.set(row, request!.id);
  }

  return requests.get(row)!;
}

const organisationDocuments = new Map<string, string>();

async function organisationDocument(f: Fixture, row: string) {
  if (!organisationDocuments.has(row)) {
    organisationDocuments.set(row, (await fileDocument(f, 'organisation', 'act')).documentId);
  }

  return organisationDocuments.get(row)!;
}

let certificate: Promise<string> | undefined;

/** An ownership certificate the owner requested, issued as the platform would. */
function ownersCertificate(f: Fixture): Promise<string> {
  certificate ??= (async () => {
    const issued = await requestCertificate(
      f.world.platform.ctx,
      { user: await ownerOf(f), requestId: 'matrix' },
      { kind: 'ownership', premiseId: f.world.ownerFlat },
    );

    return issued.id;
  })();

  return certificate;
}

/** Rights of the documents endpoints. */
export const DOCUMENTS_ROWS: Record<string, Row> = {
  'GET /api/v1/documents': { allow: 'signed_in', call: () => ({ url: '/api/v1/documents' }) },
  'POST /api/v1/documents': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/documents', payload: {} }),
  },
  'GET /api/v1/documents/:id': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/documents/${await ownersDocument(f, 'get')}` }),
  },
  'GET /api/v1/documents/:id/versions/:number/file': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/documents/${await ownersDocument(f, 'file')}/versions/1/file`,
    }),
  },
  'POST /api/v1/documents/:id/versions': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/documents/${await ownersDocument(f, 'version')}/versions`,
      payload: {},
    }),
  },
  'POST /api/v1/documents/:id/supersede': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/documents/${await ownersDocument(f, 'supersede')}/supersede`,
      payload: {},
    }),
  },
  'POST /api/v1/documents/:id/signatures': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/documents/${await ownersDocument(f, 'signature')}/signatures`,
      payload: {},
    }),
  },
  'GET /api/v1/document-folders': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/document-folders' }),
  },
  'POST /api/v1/document-folders': {
    allow: 'signed_in',
    call: () => ({
      url: '/api/v1/document-folders',
      payload: { scope: 'personal', name: 'Матрица' },
    }),
  },
  'POST /api/v1/signature-checks': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/signature-checks', payload: {} }),
  },
  'POST /api/v1/documents/:id/signature-requests': {
    allow: OFFICE,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/documents/${await organisationDocument(f, 'send')}/signature-requests`,
      payload: { signerPersonId: uuid0 },
    }),
  },
  'GET /api/v1/signature-requests': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/signature-requests' }),
  },
  'POST /api/v1/signature-requests/:id/codes': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/signature-requests/${await pendingRequest(f, 'codes')}/codes`,
    }),
  },
  'POST /api/v1/signature-requests/:id/signatures': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/signature-requests/${await pendingRequest(f, 'sign')}/signatures`,
      payload: { code: '000000' },
    }),
  },
  'POST /api/v1/signature-requests/:id/decline': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/signature-requests/${await pendingRequest(f, 'decline')}/decline`,
      payload: { reason: 'Матрица' },
    }),
  },
  'POST /api/v1/signature-requests/:id/cancel': {
    allow: OFFICE,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/signature-requests/${await pendingRequest(f, 'cancel')}/cancel`,
      payload: { reason: 'Матрица' },
    }),
  },
  'GET /api/v1/organisations/:orgId/document-signers': {
    allow: OFFICE,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/document-signers` }),
  },
  'GET /api/v1/certificates': { allow: 'signed_in', call: () => ({ url: '/api/v1/certificates' }) },
  'POST /api/v1/certificates': {
    allow: 'signed_in',
    call: (f) => ({
      url: '/api/v1/certificates',
      payload: { kind: 'ownership', premiseId: f.world.ownerFlat },
    }),
  },
  'GET /api/v1/certificates/:id/file': {
    allow: ['owner', ...STAFF],
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/certificates/${await ownersCertificate(f)}/file` }),
  },
  'POST /api/v1/certificates/:id/revoke': {
    allow: OFFICE,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/certificates/${await ownersCertificate(f)}/revoke`,
      payload: { reason: 'Матрица' },
    }),
  },
  'GET /api/v1/organisations/:orgId/certificates': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/certificates` }),
  },
  'GET /api/v1/certificate-verifications/:token': {
    allow: 'public',
    call: () => ({ url: '/api/v1/certificate-verifications/0123456789abcdef0123.0123456789ab' }),
  },
  'POST /api/v1/certificate-verifications/:token/checks': {
    allow: 'public',
    call: () => ({
      url: '/api/v1/certificate-verifications/0123456789abcdef0123.0123456789ab/checks',
      payload: {},
    }),
  },
};
