import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import type { Acting } from '../house-register/acting.js';
import { canWrite, visibilityOf } from './document-access.js';
import { presentRequest } from './documents.presenter.js';
import { findDocument, findVersions, setDocumentState } from './documents.repo.js';
import { readableDocument, signedIn } from './documents.service.js';
import { closeRequest, findRequest, insertRequest, searchRequests } from './signatures.repo.js';

/** Kinds an organisation sends to an owner for signature. */
const SIGNABLE = new Set(['act', 'contract', 'protocol', 'other']);

/**
 * The premise through which the person deals with the organisation: one they own in a house it
 * manages. Returns null when there is none — then the organisation has no business asking.
 */
async function signerPremise(
  ctx: AppContext,
  organisationId: string,
  personId: string,
  premiseId: string | undefined,
) {
  const [row] = await ctx.db.query<{ premiseId: string }>(
    `SELECT o.premise_id AS "premiseId" FROM ownerships o
     JOIN premises p ON p.id = o.premise_id JOIN houses h ON h.id = p.house_id
     WHERE o.person_id = $1 AND h.managing_organisation_id = $2
       AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE)
       AND ($3::uuid IS NULL OR o.premise_id = $3)
     ORDER BY p.number LIMIT 1`,
    [personId, organisationId, premiseId ?? null],
  );

  return row?.premiseId ?? null;
}

/** The organisation sends its act or contract (current version) to an owner for signature. */
export async function sendForSignature(
  ctx: AppContext,
  acting: Acting,
  documentId: string,
  input: { signerPersonId: string; premiseId?: string | undefined; message?: string | undefined },
) {
  const { document, who, user } = await readableDocument(ctx, acting, documentId);

  if (document.scope !== 'organisation' || !canWrite(document, who)) {
    throw new AppError('forbidden');
  }

  if (!SIGNABLE.has(document.kind)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'kind', rule: 'signable', message: 'only acts, contracts, protocols' }],
    });
  }

  if (document.status !== 'active') {
    throw new AppError('document_frozen', {
      detail: {
        ru: 'Документ уже отправлен на подпись или подписан',
        en: 'The document is already sent for signature or signed',
      },
    });
  }

  const premiseId = await signerPremise(
    ctx,
    document.organisationId!,
    input.signerPersonId,
    input.premiseId,
  );

  if (!premiseId) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field: 'signerPersonId',
          rule: 'owner',
          message: 'the person owns no premise in the houses the organisation manages',
        },
      ],
    });
  }

  const version = (await findVersions(ctx.db, documentId))[0]!;

  const id = await ctx.db.transaction(async (tx) => {
    const locked = await findDocument(tx, documentId, { lock: true });

    if (locked?.status !== 'active') {
      throw new AppError('document_frozen');
    }

    const requestId = await insertRequest(tx, {
      documentId,
      versionId: version.id,
      organisationId: document.organisationId!,
      signerPersonId: input.signerPersonId,
      premiseId,
      message: input.message ?? null,
      sentBy: user.id,
    });

    // The addressee reads the document from now on; the organisation still keeps it.
    await tx.query('UPDATE documents SET person_id = $2 WHERE id = $1', [
      documentId,
      input.signerPersonId,
    ]);
    await setDocumentState(tx, documentId, { status: 'awaiting_signature' });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'document.sent_for_signature',
      objectType: 'document',
      objectId: documentId,
      requestId: acting.requestId,
      after: { signatureRequestId: requestId, signerPersonId: input.signerPersonId, premiseId },
    });

    return requestId;
  });

  return presentRequest((await findRequest(ctx.db, id))!);
}

/** Requests addressed to me, or (with `organisationId`) those the organisation sent. */
export async function listRequests(
  ctx: AppContext,
  acting: Acting,
  query: PageQuery & { organisationId?: string | undefined; status?: string | undefined },
) {
  const user = signedIn(acting);

  if (query.organisationId) {
    const who = await visibilityOf(ctx.db, user);

    if (!who.organisationIds.includes(query.organisationId)) {
      throw new AppError('forbidden');
    }
  }

  const rows = await searchRequests(ctx.db, {
    ...(query.organisationId
      ? { organisationId: query.organisationId }
      : { signerPersonId: user.personId }),
    status: query.status,
    limit: query.limit,
    offset: offsetOf(query),
  });

  return {
    items: rows.map(presentRequest),
    total: rows[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}

/** The addressee declines with a reason, or the organisation withdraws its request. */
export async function closeWithoutSignature(
  ctx: AppContext,
  acting: Acting,
  requestId: string,
  outcome: 'declined' | 'cancelled',
  reason: string,
) {
  const user = signedIn(acting);
  const request = await findRequest(ctx.db, requestId);
  const who = await visibilityOf(ctx.db, user);
  const allowed =
    outcome === 'declined'
      ? request?.signerPersonId === user.personId
      : Boolean(request && who.officeOrganisationIds.includes(request.organisationId));

  if (!request || !allowed) {
    throw new AppError('not_found', {
      detail: { ru: 'Запрос подписи не найден', en: 'No such signature request' },
    });
  }

  await ctx.db.transaction(async (tx) => {
    const locked = await findRequest(tx, requestId, { lock: true });

    if (locked?.status !== 'pending') {
      throw new AppError('signature_request_closed');
    }

    await closeRequest(tx, requestId, { status: outcome, reason });
    // Unsigned, the document is the organisation's to correct and send again.
    await setDocumentState(tx, request.documentId, { status: 'active' });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: `signature_request.${outcome}`,
      objectType: 'signature_request',
      objectId: requestId,
      requestId: acting.requestId,
      after: { reason },
    });
  });

  return presentRequest((await findRequest(ctx.db, requestId))!);
}
