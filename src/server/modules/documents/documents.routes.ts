import contentDisposition from 'content-disposition';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { asciiFallbackName } from '../../platform/files/file-names.js';
import type { StoredFile } from '../../platform/files/files.repo.js';
import { pageOf } from '../../platform/http/pagination.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { certificatesRoutes } from './certificates.routes.js';
import { completeDemoDocuments } from './demo-files.js';
import { ruleOf } from './document-upload.js';
import {
  CreateDocumentFieldsSchema,
  CreateFolderBodySchema,
  DocumentDetailSchema,
  DocumentSchema,
  DocumentsQuerySchema,
  DownloadQuerySchema,
  FolderSchema,
  IdParamsSchema,
  VersionFieldsSchema,
  VersionParamsSchema,
} from './documents.schema.js';
import {
  addVersion,
  createDocument,
  getDocument,
  listDocuments,
  openVersion,
  signedIn,
  supersedeDocument,
  writableDocument,
} from './documents.service.js';
import { createFolder, foldersOf } from './folders.service.js';
import { parseFields } from './form-fields.js';
import { acceptForms, readForm, requirePart } from './multipart.js';
import { signaturesRoutes } from './signatures.routes.js';
import { verificationRoutes } from './verification.routes.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = {
  400: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  422: ProblemSchema,
};
const tags = ['documents'];

/** Streams a stored file with its sniffed type and a safe name. */
export function sendFile(
  reply: FastifyReply,
  file: StoredFile,
  stream: NodeJS.ReadableStream,
  disposition: 'attachment' | 'inline',
) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', file.sizeBytes)
    .header(
      'content-disposition',
      contentDisposition(file.originalName, {
        type: disposition,
        fallback: asciiFallbackName(file.originalName),
      }),
    )
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(stream);
}

/** The documents API: storage, signatures and signing flows, certificates, public checks. */
export async function documentsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  // A mistyped DOCUMENT_UPLOAD_POLICY stops the start rather than the first upload.
  ruleOf(ctx.config, 'other');

  // The demo world files its documents' cards in the database; their PDFs are made here.
  await completeDemoDocuments(ctx);

  routes.get(
    '/v1/documents',
    {
      schema: {
        tags,
        summary:
          'Documents I may see: my own, my houses’, my organisation’s; search by name, kind, tag',
        querystring: DocumentsQuerySchema,
        response: { 200: pageOf(DocumentSchema), 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (request) => listDocuments(ctx, actingOf(request), request.query),
  );

  routes.get(
    '/v1/documents/:id',
    {
      schema: {
        tags,
        summary: 'A document with its versions, signatures and signature requests',
        params: IdParamsSchema,
        response: { 200: DocumentDetailSchema, ...DENIED },
      },
    },
    async (request) =>
      getDocument(ctx, actingOf(request), request.params.id, requestLocale(request)),
  );

  routes.get(
    '/v1/documents/:id/versions/:number/file',
    {
      schema: {
        tags,
        summary: 'Download a version (streamed); `copy=stamped` gives the signed copy',
        params: VersionParamsSchema,
        querystring: DownloadQuerySchema,
        response: { 200: z.unknown().describe('The file bytes'), ...DENIED },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openVersion(
        ctx,
        actingOf(request),
        request.params.id,
        request.params.number,
        request.query.copy,
      );

      return sendFile(reply, file, stream, request.query.disposition);
    },
  );

  routes.get(
    '/v1/document-folders',
    {
      schema: {
        tags,
        summary: 'Folders I may file into or read',
        response: { 200: z.array(FolderSchema), 401: ProblemSchema },
      },
    },
    async (request) => foldersOf(ctx, actingOf(request)),
  );

  routes.post(
    '/v1/document-folders',
    {
      schema: {
        tags,
        summary: 'Create a folder in my documents, a house’s or an organisation’s archive',
        body: CreateFolderBodySchema,
        response: { 201: FolderSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFolder(ctx, actingOf(request), request.body)),
  );

  await api.register(async (scope) => {
    await acceptForms(scope);

    const forms = scope.withTypeProvider<ZodTypeProvider>();

    forms.post(
      '/v1/documents',
      {
        schema: {
          tags,
          summary: 'File a document (multipart: the card fields first, then the `file` part)',
          description:
            'PDF, JPG or PNG up to 5 MB by default (per kind: DOCUMENT_UPLOAD_POLICY); the type ' +
            'is sniffed from content, encrypted PDFs are refused, images lose EXIF and GPS.',
          consumes: ['multipart/form-data'],
          response: { 201: DocumentDetailSchema, ...REFUSED, ...DENIED },
        },
      },
      async (request, reply) => {
        signedIn(actingOf(request));

        const { fields, files } = await readForm(request);
        const card = parseFields(CreateDocumentFieldsSchema, fields);
        const file = requirePart(files, 'file');
        const created = await createDocument(
          ctx,
          actingOf(request),
          card,
          { stream: file.bytes, filename: file.filename, mimetype: file.mimetype },
          requestLocale(request),
        );

        return reply.status(201).send(created);
      },
    );

    forms.post(
      '/v1/documents/:id/versions',
      {
        schema: {
          tags,
          summary: 'Add a version (multipart `file`, optional `note`); older versions stay',
          params: IdParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: DocumentDetailSchema, ...REFUSED, ...DENIED },
        },
      },
      async (request, reply) => {
        await writableDocument(ctx, actingOf(request), request.params.id);

        const { fields, files } = await readForm(request);
        const { note } = parseFields(VersionFieldsSchema, fields);
        const file = requirePart(files, 'file');
        const updated = await addVersion(
          ctx,
          actingOf(request),
          request.params.id,
          { stream: file.bytes, filename: file.filename, mimetype: file.mimetype },
          note,
          requestLocale(request),
        );

        return reply.status(201).send(updated);
      },
    );

    forms.post(
      '/v1/documents/:id/supersede',
      {
        schema: {
          tags,
          summary: 'Replace a (signed) document by a new one that names it (multipart `file`)',
          params: IdParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: DocumentDetailSchema, ...REFUSED, ...DENIED },
        },
      },
      async (request, reply) => {
        await writableDocument(ctx, actingOf(request), request.params.id);

        const { fields, files } = await readForm(request);
        const { title } = parseFields(
          z.object({ title: z.string().trim().min(1).max(300).optional() }),
          fields,
        );
        const file = requirePart(files, 'file');
        const created = await supersedeDocument(
          ctx,
          actingOf(request),
          request.params.id,
          { stream: file.bytes, filename: file.filename, mimetype: file.mimetype },
          title,
          requestLocale(request),
        );

        return reply.status(201).send(created);
      },
    );

    signaturesRoutes(forms, ctx);
    verificationRoutes(forms, ctx);
  });

  certificatesRoutes(routes, ctx);
}
