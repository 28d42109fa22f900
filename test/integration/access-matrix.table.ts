import { ROLE_LOGINS, type AccessWorld, type RoleName } from '../support/access-world.js';
import { CLAIM_ROWS } from './access-matrix.claims.js';
import { HOUSE_REGISTER_ROWS } from './access-matrix.house-register.js';
import { MY_PREMISES_ROWS } from './access-matrix.my-premises.js';
import { PREMISES_IMPORT_ROWS } from './access-matrix.premises-import.js';
import { REGISTRY_ROWS } from './access-matrix.registry.js';
import { METERS_ROWS } from './access-matrix.meters.js';
import { BILLING_ROWS } from './access-matrix.billing.js';
import { SERVICE_REQUESTS_ROWS } from './access-matrix.service-requests.js';
import { MEETINGS_ROWS } from './access-matrix.meetings.js';
import { DOCUMENTS_ROWS } from './access-matrix.documents.js';

/**
 * The expected rights of every API endpoint, for the role × action matrix test. Each row says
 * who may call the endpoint and how to build a valid call, so a denial means the rights check.
 */

export type Who = RoleName | 'anonymous';
export type Call = { url: string; payload?: unknown; fresh?: boolean };
export type Fixture = {
  world: AccessWorld;
  uniq: () => string;
  freshEmployee: () => Promise<string>;
  pendingRequest: () => Promise<string>;
  ownersPower: () => Promise<string>;
  invitationFor: (who: Who) => Promise<string>;
};
export type Row = {
  /** `public`: anyone, even anonymous; `signed_in`: any role; or the roles allowed. */
  allow: 'public' | 'signed_in' | readonly RoleName[];
  /** Resources of others answer 404 rather than 403, so their ids cannot be probed. */
  deniedAs?: 404;
  call: (f: Fixture, who: Who) => Call | Promise<Call>;
};

export const ROLES = Object.keys(ROLE_LOGINS) as RoleName[];
const ADMINS = ['platform_admin', 'organisation_admin'] as const;
const OPERATORS = ['platform_admin', 'identity_operator'] as const;
const AUDIT_READERS = ['platform_admin', 'inspector', 'organisation_admin'] as const;
const uuid0 = '00000000-0000-4000-8000-000000000000';
export const login = (who: Who) => (who === 'anonymous' ? 'nobody@mpdom.test' : ROLE_LOGINS[who]);

const CORE: Record<string, Row> = {
  // Platform and public directory
  'GET /api/health': { allow: 'public', call: () => ({ url: '/api/health' }) },
  'GET /api/v1/demo': { allow: 'public', call: () => ({ url: '/api/v1/demo' }) },
  'GET /api/v1/buildings': { allow: 'public', call: () => ({ url: '/api/v1/buildings' }) },
  'GET /api/v1/buildings/:id': {
    allow: 'public',
    call: () => ({ url: `/api/v1/buildings/${uuid0}` }),
  },
  'GET /api/v1/organisations': { allow: 'public', call: () => ({ url: '/api/v1/organisations' }) },
  'GET /api/v1/organisations/:id': {
    allow: 'public',
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}` }),
  },
  'GET /api/v1/legal-texts/current': {
    allow: 'public',
    call: () => ({ url: '/api/v1/legal-texts/current' }),
  },

  // Accounts: registration and recovery are for people who are not signed in yet
  'POST /api/v1/registrations': {
    allow: 'public',
    call: (f) => ({
      url: '/api/v1/registrations',
      payload: { email: `reg-${f.uniq()}@mpdom.test`, surname: 'Петров', name: 'Пётр' },
    }),
  },
  'POST /api/v1/registrations/:id/codes': {
    allow: 'public',
    call: () => ({ url: `/api/v1/registrations/${uuid0}/codes`, payload: { kind: 'email' } }),
  },
  'POST /api/v1/registrations/:id/confirmations': {
    allow: 'public',
    call: () => ({
      url: `/api/v1/registrations/${uuid0}/confirmations`,
      payload: { kind: 'email', code: '0000' },
    }),
  },
  'POST /api/v1/registrations/:id/consents': {
    allow: 'public',
    call: () => ({
      url: `/api/v1/registrations/${uuid0}/consents`,
      payload: { personalDataConsentVersion: 'x', userAgreementVersion: 'x' },
    }),
  },
  'POST /api/v1/registrations/:id/password': {
    allow: 'public',
    call: () => ({ url: `/api/v1/registrations/${uuid0}/password`, payload: { password: 'x' } }),
  },
  'POST /api/v1/recoveries': {
    allow: 'public',
    call: () => ({ url: '/api/v1/recoveries', payload: { login: 'nobody@mpdom.test' } }),
  },
  'POST /api/v1/recoveries/:id/codes': {
    allow: 'public',
    call: () => ({ url: `/api/v1/recoveries/${uuid0}/codes`, payload: {} }),
  },
  'POST /api/v1/recoveries/:id/confirmations': {
    allow: 'public',
    call: () => ({ url: `/api/v1/recoveries/${uuid0}/confirmations`, payload: { code: '0000' } }),
  },
  'POST /api/v1/recoveries/:id/password': {
    allow: 'public',
    call: () => ({ url: `/api/v1/recoveries/${uuid0}/password`, payload: { password: 'x' } }),
  },
  'GET /api/v1/notifications': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/notifications' }),
  },
  'GET /api/v1/outbox-messages': {
    allow: OPERATORS,
    call: () => ({ url: '/api/v1/outbox-messages' }),
  },
  'DELETE /api/v1/otp-counters': {
    allow: OPERATORS,
    call: () => ({ url: '/api/v1/otp-counters?email=nobody%40mpdom.test' }),
  },

  // Sessions and security settings: one's own, so anyone signed in
  'POST /api/v1/sessions': {
    allow: 'public',
    call: (_f, who) => ({
      url: '/api/v1/sessions',
      payload: { login: login(who), password: 'demo-2026-mpdom' },
    }),
  },
  'GET /api/v1/sessions/current': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/sessions/current' }),
  },
  'DELETE /api/v1/sessions/current': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/sessions/current', fresh: true }),
  },
  'GET /api/v1/sessions': { allow: 'signed_in', call: () => ({ url: '/api/v1/sessions' }) },
  'DELETE /api/v1/sessions/:id': {
    allow: 'signed_in',
    call: () => ({ url: `/api/v1/sessions/${uuid0}` }),
  },
  'POST /api/v1/sessions/second-factor': {
    allow: 'public',
    call: () => ({
      url: '/api/v1/sessions/second-factor',
      payload: { challengeId: uuid0, code: '000000' },
    }),
  },
  'POST /api/v1/sessions/passkey/options': {
    allow: 'public',
    call: () => ({ url: '/api/v1/sessions/passkey/options', payload: {} }),
  },
  'POST /api/v1/sessions/passkey': {
    allow: 'public',
    call: () => ({ url: '/api/v1/sessions/passkey', payload: { response: {} } }),
  },
  'PUT /api/v1/users/me/password': {
    allow: 'signed_in',
    call: () => ({
      url: '/api/v1/users/me/password',
      payload: { currentPassword: 'not-the-password', newPassword: 'Another-pass-2026' },
      fresh: true,
    }),
  },
  'POST /api/v1/users/me/totp': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/totp', payload: {} }),
  },
  'POST /api/v1/users/me/totp/confirmations': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/totp/confirmations', payload: { code: '000000' } }),
  },
  'DELETE /api/v1/users/me/totp': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/totp', payload: { code: '000000' } }),
  },
  'POST /api/v1/users/me/passkeys/options': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/passkeys/options', payload: {} }),
  },
  'POST /api/v1/users/me/passkeys': {
    allow: 'signed_in',
    call: () => ({
      url: '/api/v1/users/me/passkeys',
      payload: {
        response: {
          id: 'AAAA',
          rawId: 'AAAA',
          type: 'public-key',
          response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
        },
      },
    }),
  },
  'GET /api/v1/users/me/totp': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/totp' }),
  },
  'GET /api/v1/users/me/passkeys': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/passkeys' }),
  },
  'DELETE /api/v1/users/me/passkeys/:id': {
    allow: 'signed_in',
    call: () => ({ url: `/api/v1/users/me/passkeys/${uuid0}` }),
  },

  // Files: the uploader (and platform admins) only
  'POST /api/v1/files': { allow: 'signed_in', call: () => ({ url: '/api/v1/files', payload: {} }) },
  'GET /api/v1/files/:id': {
    allow: ['owner', 'platform_admin'],
    deniedAs: 404,
    call: async (f) => {
      const [file] = await f.world.platform.ctx.db.query<{ id: string }>(
        `SELECT f.id FROM stored_files f JOIN users u ON u.id = f.uploaded_by
         WHERE u.email = 'owner@mpdom.test' LIMIT 1`,
      );

      return { url: `/api/v1/files/${file!.id}` };
    },
  },

  // Audit journal
  'GET /api/v1/audit-entries': {
    allow: AUDIT_READERS,
    call: () => ({ url: '/api/v1/audit-entries' }),
  },
  'GET /api/v1/audit-entries/verification': {
    allow: ['platform_admin', 'inspector'],
    call: () => ({ url: '/api/v1/audit-entries/verification' }),
  },

  // Assurance and verification
  'GET /api/v1/users/me': { allow: 'signed_in', call: () => ({ url: '/api/v1/users/me' }) },
  'PUT /api/v1/users/me/identity-documents': {
    allow: 'signed_in',
    // A valid shape with a wrong СНИЛС check digit: refused after the rights check, stores nothing.
    call: () => ({
      url: '/api/v1/users/me/identity-documents',
      payload: {
        passportSeriesNumber: '6512 123456',
        passportIssuedOn: '2015-04-20',
        departmentCode: '660-001',
        snils: '112-233-445 96',
      },
    }),
  },
  'POST /api/v1/users/me/in-person-code': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/users/me/in-person-code', payload: { code: '00000000' } }),
  },
  'POST /api/v1/verification-requests': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/verification-requests', payload: { fileId: uuid0 } }),
  },
  'GET /api/v1/verification-requests': {
    allow: OPERATORS,
    call: () => ({ url: '/api/v1/verification-requests?status=pending' }),
  },
  'GET /api/v1/verification-requests/:id': {
    allow: OPERATORS,
    call: async (f) => ({ url: `/api/v1/verification-requests/${await f.pendingRequest()}` }),
  },
  'GET /api/v1/verification-requests/:id/scan': {
    allow: OPERATORS,
    call: async (f) => ({ url: `/api/v1/verification-requests/${await f.pendingRequest()}/scan` }),
  },
  'POST /api/v1/verification-requests/:id/decision': {
    allow: OPERATORS,
    call: async (f) => ({
      url: `/api/v1/verification-requests/${await f.pendingRequest()}/decision`,
      payload: { approved: false, reason: 'Матрица прав' },
    }),
  },
  'POST /api/v1/verification-requests/in-person-codes': {
    allow: OPERATORS,
    call: () => ({
      url: '/api/v1/verification-requests/in-person-codes',
      payload: { login: 'matrix-person@mpdom.test' },
    }),
  },

  // Organisations: staff of the management company that manages the owner's house
  'GET /api/v1/organisations/:id/employees': {
    allow: ADMINS,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/employees` }),
  },
  'POST /api/v1/organisations/:id/invitations': {
    allow: ADMINS,
    call: (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/invitations`,
      payload: { email: `new-${f.uniq()}@mpdom.test`, role: 'dispatcher' },
    }),
  },
  'PUT /api/v1/organisations/:id/employees/:userId/roles': {
    allow: ADMINS,
    call: async (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/employees/${await f.freshEmployee()}/roles`,
      payload: { roles: ['dispatcher'] },
    }),
  },
  'DELETE /api/v1/organisations/:id/employees/:userId': {
    allow: ADMINS,
    call: async (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/employees/${await f.freshEmployee()}`,
    }),
  },
  'POST /api/v1/organisations/:id/departments': {
    allow: ADMINS,
    call: (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/departments`,
      payload: { name: `Участок ${f.uniq()}` },
    }),
  },
  'POST /api/v1/invitations/:token/acceptance': {
    allow: 'signed_in',
    call: async (f, who) => ({
      url: `/api/v1/invitations/${await f.invitationFor(who)}/acceptance`,
    }),
  },

  // Powers of attorney and rights on a premise
  'POST /api/v1/powers-of-attorney': {
    allow: ['owner'],
    call: (f) => ({
      url: '/api/v1/powers-of-attorney',
      payload: {
        premiseId: f.world.ownerFlat,
        representativeLogin: 'matrix-person@mpdom.test',
        validFrom: '2026-01-01',
      },
    }),
  },
  'GET /api/v1/powers-of-attorney': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/powers-of-attorney' }),
  },
  'DELETE /api/v1/powers-of-attorney/:id': {
    allow: ['owner', 'platform_admin'],
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/powers-of-attorney/${await f.ownersPower()}` }),
  },
  'GET /api/v1/premises/:id/rights': {
    allow: [
      'platform_admin',
      'organisation_admin',
      'accountant',
      'dispatcher',
      'executor',
      'inspector',
      'owner',
      'resident',
      'representative',
    ],
    call: (f) => ({ url: `/api/v1/premises/${f.world.ownerFlat}/rights` }),
  },
};

/** Every endpoint's row: the core table and one table per module that adds endpoints. */
export const MATRIX: Record<string, Row> = {
  ...CORE,
  ...REGISTRY_ROWS,
  ...CLAIM_ROWS,
  ...HOUSE_REGISTER_ROWS,
  ...PREMISES_IMPORT_ROWS,
  ...MY_PREMISES_ROWS,
  ...METERS_ROWS,
  ...BILLING_ROWS,
  ...SERVICE_REQUESTS_ROWS,
  ...MEETINGS_ROWS,
  ...DOCUMENTS_ROWS,
};
