import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  CreatePollSchema,
  PollAnswerSchema,
  PollParamsSchema,
  PollSchema,
} from './polls.schema.js';
import {
  answerPoll,
  createPoll,
  getPoll,
  listMyPolls,
  listOrganisationPolls,
} from './polls.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['polls'];

/** Non-binding polls of a house's owners: one answer per ownership, anonymous counts. */
export function pollsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/polls',
    {
      schema: {
        tags,
        summary: "Start a poll of a house's owners (its managing organisation)",
        body: CreatePollSchema,
        response: { 201: PollSchema, 400: ProblemSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPoll(ctx, actingOf(request), request.body)),
  );

  routes.get(
    '/v1/polls/mine',
    {
      schema: {
        tags,
        summary: 'Polls of the houses where I own',
        response: { 200: z.array(PollSchema), ...DENIED },
      },
    },
    async (request) => listMyPolls(ctx, actingOf(request)),
  );

  routes.get(
    '/v1/organisations/:orgId/polls',
    {
      schema: {
        tags,
        summary: 'The polls an organisation runs, with their counts',
        params: z.object({ orgId: z.uuid() }),
        response: { 200: z.array(PollSchema), 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listOrganisationPolls(ctx, actingOf(request), request.params.orgId),
  );

  routes.get(
    '/v1/polls/:id',
    {
      schema: {
        tags,
        summary: 'A poll with its counts per option',
        params: PollParamsSchema,
        response: { 200: PollSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getPoll(ctx, actingOf(request), request.params.id),
  );

  routes.post(
    '/v1/polls/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer a poll for each of my ownerships in the house',
        params: PollParamsSchema,
        body: PollAnswerSchema,
        response: {
          201: PollSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await answerPoll(ctx, actingOf(request), request.params.id, request.body.option)),
  );
}
