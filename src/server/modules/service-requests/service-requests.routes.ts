import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { asciiFallbackName } from '../../platform/files/file-names.js';
import { pageOf, PageQuerySchema } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { acceptSingleFile, readSingleFile } from '../../platform/http/single-file-upload.js';
import { actingOf } from '../access/acting.js';
import { authorize } from '../access/authorize.js';
import { getAssistantForHouse } from './assistant.service.js';
import { registerDeadlineJobs } from './deadline-sweep.js';
import { dispatchRoutes } from './dispatch.routes.js';
import { fileRequest } from './file-request.js';
import { listMyWorks } from './planned-works.service.js';
import { getRequest, listMyRequests, listSimilar } from './request-lists.js';
import { openPhoto, uploadPhoto } from './request-photos.js';
import {
  addComment,
  assignExecutor,
  changeStatus,
  joinRequest,
  rateRequest,
} from './request-work.js';
import {
  AssignmentSchema,
  AssistantQuerySchema,
  CategoryParamsSchema,
  CommentInputSchema,
  CreatedRequestSchema,
  CreateRequestSchema,
  IdParamsSchema,
  PhotoParamsSchema,
  PhotoSchema,
  RatingInputSchema,
  RequestDetailSchema,
  RequestSchema,
  ScriptSchema,
  SimilarQuerySchema,
  SimilarSchema,
  StatusChangeSchema,
} from './service-requests.schema.js';
import { worksRoutes } from './works.routes.js';
import { PlannedWorkSchema, PlannedWorksQuerySchema } from './works.schema.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['service-requests'];

/** The service-requests API: filing, the resident's side, and each request's work. */
export async function serviceRequestsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  await api.register(async (scope) => {
    await acceptSingleFile(scope, ctx.config.serviceRequests.photoMaxBytes);

    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/service-requests/photos',
      {
        schema: {
          tags,
          summary: 'Upload a request photo (multipart, one file): sanitised before it is stored',
          description:
            'JPEG, PNG or HEIC, recognised by content. The EXIF orientation is applied, all ' +
            'metadata (GPS, device) removed, HEIC converted to JPEG (case C22). Too large: 413 ' +
            'with the limit in words; not a photo: 415; a damaged image: `image_unreadable`.',
          consumes: ['multipart/form-data'],
          response: {
            201: PhotoSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            ...REFUSED,
            ...DENIED,
          },
        },
      },
      async (request, reply) => {
        // Rights first: nobody learns the upload rules without being signed in.
        await authorize(ctx, request.user, 'service_request.file');

        const file = await readSingleFile(request, {
          maxBytes: ctx.config.serviceRequests.photoMaxBytes,
          defaultName: 'photo.jpg',
          sendAs: {
            ru: 'Отправьте фото как multipart/form-data',
            en: 'Send the photo as multipart/form-data',
          },
        });

        return reply.status(201).send(await uploadPhoto(ctx, actingOf(request), file));
      },
    );
  });

  routes.get(
    '/v1/service-requests/assistant/:category',
    {
      schema: {
        tags,
        summary: "The assistant's dialogue for a category, as the house's organisation set it",
        params: CategoryParamsSchema,
        querystring: AssistantQuerySchema,
        response: { 200: ScriptSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      getAssistantForHouse(ctx, actingOf(request), request.params.category, request.query.houseId),
  );

  routes.get(
    '/v1/service-requests/similar',
    {
      schema: {
        tags,
        summary: 'Open requests of the house in the category, to join instead of filing again',
        querystring: SimilarQuerySchema,
        response: { 200: z.array(SimilarSchema), ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      listSimilar(ctx, actingOf(request), request.query.houseId, request.query.category),
  );

  routes.post(
    '/v1/service-requests',
    {
      schema: {
        tags,
        summary: 'File a request about a premise or a common area of the house',
        description:
          'Emergencies are recognised from the description and the assistant answers; the ' +
          'regulated deadlines follow (ПП 416). The same text within minutes answers 409 ' +
          '`service_request_duplicate` with `existingId`; above the daily limit of identical ' +
          'requests, 429 `service_request_daily_limit` (case C24).',
        body: CreateRequestSchema,
        response: { 201: CreatedRequestSchema, 429: ProblemSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileRequest(ctx, actingOf(request), request.body)),
  );

  routes.get(
    '/v1/service-requests/mine',
    {
      schema: {
        tags,
        summary: 'My requests and the ones I joined, newest first',
        querystring: PageQuerySchema,
        response: { 200: pageOf(RequestSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listMyRequests(ctx, actingOf(request), request.query),
  );

  routes.get(
    '/v1/service-requests/planned-works',
    {
      schema: {
        tags,
        summary: 'Planned works of the houses where I own or live',
        querystring: PlannedWorksQuerySchema,
        response: { 200: z.array(PlannedWorkSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listMyWorks(ctx, actingOf(request), request.query),
  );

  routes.get(
    '/v1/service-requests/:id',
    {
      schema: {
        tags,
        summary: 'A request with deadlines, history and the comments the caller may read',
        params: IdParamsSchema,
        response: { 200: RequestDetailSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRequest(ctx, actingOf(request), request.params.id),
  );

  routes.post(
    '/v1/service-requests/:id/status',
    {
      schema: {
        tags,
        summary: 'Change the status: accept, start, wait, resume, complete, reject, reopen',
        params: IdParamsSchema,
        body: StatusChangeSchema,
        response: { 200: RequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => changeStatus(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.post(
    '/v1/service-requests/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Assign the request to an executor of the organisation',
        params: IdParamsSchema,
        body: AssignmentSchema,
        response: { 200: RequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      assignExecutor(ctx, actingOf(request), request.params.id, request.body.executorUserId),
  );

  routes.post(
    '/v1/service-requests/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment: public for the resident, internal for the organisation only',
        params: IdParamsSchema,
        body: CommentInputSchema,
        response: { 200: RequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => addComment(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.post(
    '/v1/service-requests/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate a completed request (1–5) with feedback, once',
        params: IdParamsSchema,
        body: RatingInputSchema,
        response: { 200: RequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => rateRequest(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.post(
    '/v1/service-requests/:id/join',
    {
      schema: {
        tags,
        summary: "Join a neighbour's open request of the same house («join this one»)",
        params: IdParamsSchema,
        response: { 200: RequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => joinRequest(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/service-requests/:id/photos/:fileId',
    {
      schema: {
        tags,
        summary: "A request's photo (sanitised), for whoever may see the request",
        params: PhotoParamsSchema,
        response: {
          200: z.unknown().describe('The image bytes'),
          404: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openPhoto(
        ctx,
        actingOf(request),
        request.params.id,
        request.params.fileId,
      );

      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header(
          'content-disposition',
          contentDisposition(file.originalName, {
            type: 'inline',
            fallback: asciiFallbackName(file.originalName),
          }),
        )
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  dispatchRoutes(api, ctx);
  worksRoutes(api, ctx);

  // The embedded default runs the worker in this process; API-only nodes leave the sweep to it.
  if (ctx.config.worker) {
    await registerDeadlineJobs(ctx, ctx.jobs);
  }
}
