import type { Readable } from 'node:stream';

import {
  acceptsNewVersion,
  normaliseTags,
  type DocumentKind,
} from '../../../domain/documents/document-kinds.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile } from '../../platform/files/files.service.js';
import type { StoredFile } from '../../platform/files/files.repo.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { Acting } from '../house-register/acting.js';
import { canRead, canWrite, documentNotFound, visibilityOf } from './document-access.js';
import { checkFolder, placement } from './document-placement.js';
import { storeDocumentFile, type IncomingFile } from './document-upload.js';
import {
  presentDocument,
  presentRequest,
  presentSignature,
  presentVersion,
  type Locale,
} from './documents.presenter.js';
import {
  findDocument,
  findVersions,
  insertDocument,
  insertVersion,
  searchDocuments,
  setDocumentState,
  type DocumentRow,
} from './documents.repo.js';
import type { CreateDocumentFields, DocumentsQuery } from './documents.schema.js';
import { findRequestsOfDocument, findSignatures } from './signatures.repo.js';

export function signedIn(acting: Acting) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  return acting.user;
}

/** Files a new document with its first version; all or nothing. */
export async function createDocument(
  ctx: AppContext,
  acting: Acting,
  fields: CreateDocumentFields,
  file: IncomingFile,
  locale: Locale,
  supersedes: DocumentRow | null = null,
) {
  const user = signedIn(acting);
  const who = await visibilityOf(ctx.db, user);
  const place = await placement(ctx, who, fields);
  const folderId = await checkFolder(ctx, fields.folderId, place);
  const stored = await storeDocumentFile(ctx, file, fields.kind, user.id);
  const tags = normaliseTags(typeof fields.tags === 'string' ? [fields.tags] : (fields.tags ?? []));

  const id = await ctx.db.transaction(async (tx) => {
    const documentId = await insertDocument(tx, {
      scope: fields.scope,
      ...place,
      folderId,
      kind: fields.kind,
      title: fields.title,
      tags,
      supersedesId: supersedes?.id ?? null,
      createdBy: user.id,
    });

    await insertVersion(tx, { documentId, number: 1, fileId: stored.id, note: null, by: user.id });

    if (supersedes) {
      await setDocumentState(tx, supersedes.id, { status: 'superseded' });
    }

    await recordAudit(tx, {
      actorUserId: user.id,
      action: supersedes ? 'document.superseded' : 'document.created',
      objectType: 'document',
      objectId: documentId,
      requestId: acting.requestId,
      after: { ...fields, tags, sha256: stored.sha256, supersedes: supersedes?.id ?? null },
    });

    return documentId;
  });

  return getDocument(ctx, acting, id, locale);
}

/** A readable document, or `not_found` (also when it exists but is not the user's to see). */
export async function readableDocument(ctx: AppContext, acting: Acting, id: string) {
  const user = signedIn(acting);
  const [document, who] = await Promise.all([findDocument(ctx.db, id), visibilityOf(ctx.db, user)]);

  if (!document || !canRead(document, who)) {
    throw documentNotFound();
  }

  return { document, who, user };
}

/**
 * Checks, before a form is read, that the user may write to the document, so a stranger is
 * turned away (`not_found`/`forbidden`) without the server reading their upload.
 */
export async function writableDocument(ctx: AppContext, acting: Acting, id: string) {
  const found = await readableDocument(ctx, acting, id);

  if (!canWrite(found.document, found.who)) {
    throw new AppError('forbidden');
  }

  return found;
}

export async function getDocument(ctx: AppContext, acting: Acting, id: string, locale: Locale) {
  const { document, who } = await readableDocument(ctx, acting, id);
  const [versions, signatures, requests] = await Promise.all([
    findVersions(ctx.db, id),
    findSignatures(ctx.db, id),
    findRequestsOfDocument(ctx.db, id),
  ]);

  return {
    ...presentDocument(document, canWrite(document, who)),
    versions: versions.map(presentVersion),
    signatures: signatures.map((s) => presentSignature(s, locale)),
    signatureRequests: requests.map(presentRequest),
  };
}

/** A new version of an active document; the older ones stay as they were. */
export async function addVersion(
  ctx: AppContext,
  acting: Acting,
  id: string,
  file: IncomingFile,
  note: string | undefined,
  locale: Locale,
) {
  const { document, who, user } = await readableDocument(ctx, acting, id);

  if (!canWrite(document, who)) {
    throw new AppError('forbidden');
  }

  if (!acceptsNewVersion(document.status)) {
    throw new AppError('document_frozen');
  }

  const stored = await storeDocumentFile(ctx, file, document.kind as DocumentKind, user.id);

  await ctx.db.transaction(async (tx) => {
    const locked = await findDocument(tx, id, { lock: true });

    // Sent for signature or signed while the file was uploading: refuse rather than slip in.
    if (!locked || !acceptsNewVersion(locked.status)) {
      throw new AppError('document_frozen');
    }

    const number = locked.currentVersion + 1;

    await insertVersion(tx, {
      documentId: id,
      number,
      fileId: stored.id,
      note: note ?? null,
      by: user.id,
    });
    await setDocumentState(tx, id, { currentVersion: number });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'document.version_added',
      objectType: 'document',
      objectId: id,
      requestId: acting.requestId,
      after: { number, sha256: stored.sha256, note: note ?? null },
    });
  });

  return getDocument(ctx, acting, id, locale);
}

/** Replaces a signed document by a new one that names it; the signed one stays as it was. */
export async function supersedeDocument(
  ctx: AppContext,
  acting: Acting,
  id: string,
  file: IncomingFile,
  title: string | undefined,
  locale: Locale,
) {
  const { document, who } = await readableDocument(ctx, acting, id);

  if (!canWrite(document, who)) {
    throw new AppError('forbidden');
  }

  if (document.status === 'superseded') {
    throw new AppError('document_frozen', {
      detail: { ru: 'Документ уже заменён', en: 'The document is already superseded' },
    });
  }

  return createDocument(
    ctx,
    acting,
    {
      scope: document.scope,
      kind: document.kind as DocumentKind,
      title: title ?? document.title,
      houseId: document.houseId ?? undefined,
      organisationId:
        document.scope === 'personal' ? undefined : (document.organisationId ?? undefined),
      folderId: document.folderId ?? undefined,
      tags: document.tags,
    },
    file,
    locale,
    document,
  );
}

export async function listDocuments(ctx: AppContext, acting: Acting, query: DocumentsQuery) {
  const user = signedIn(acting);
  const who = await visibilityOf(ctx.db, user);
  const rows = await searchDocuments(ctx.db, {
    personId: who.personId,
    houseIds: who.houseIds,
    organisationIds: who.organisationIds,
    ...query,
    offset: offsetOf(query),
  });

  return {
    items: rows.map((row) => presentDocument(row, canWrite(row, who))),
    total: rows[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}

/** The stored file of a version (the signed copy on request) for streaming. */
export async function openVersion(
  ctx: AppContext,
  acting: Acting,
  id: string,
  number: number,
  copy: 'original' | 'stamped',
): Promise<{ file: StoredFile; stream: Readable }> {
  await readableDocument(ctx, acting, id);

  const version = (await findVersions(ctx.db, id)).find((v) => v.number === number);

  if (!version) {
    throw new AppError('not_found', { detail: { ru: 'Нет такой версии', en: 'No such version' } });
  }

  let fileId = version.fileId;

  if (copy === 'stamped') {
    const signature = (await findSignatures(ctx.db, id))
      .filter((s) => s.versionId === version.id && s.stampedFileId)
      .at(-1);

    if (!signature) {
      throw new AppError('not_found', {
        detail: { ru: 'Эта версия не подписана', en: 'This version is not signed' },
      });
    }

    fileId = signature.stampedFileId!;
  }

  const file = await getStoredFile(ctx, fileId);

  return { file, stream: await openStoredFile(ctx, file) };
}
