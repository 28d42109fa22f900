import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { CATALOGUE, editionOn } from '../../../domain/meetings/catalogue.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { ballotsRoutes } from './ballots.routes.js';
import { createMeeting } from './create-meeting.js';
import { meetingsClock } from './meetings.clock.js';
import {
  ClockSchema,
  CreateMeetingSchema,
  HouseParamsSchema,
  KindsQuerySchema,
  MeetingDetailSchema,
  MeetingParamsSchema,
  MeetingSchema,
  OrgParamsSchema,
} from './meetings.schema.js';
import {
  getMeeting,
  getRegister,
  listHouseMeetings,
  listInspectionProtocols,
  listMyMeetings,
  listOrganisationMeetings,
} from './meetings.service.js';
import { pollsRoutes } from './polls.routes.js';
import { protocolRoutes } from './protocol.routes.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['meetings'];

/** Owners' general meetings: announcement, frozen register, ballots, counting, protocol, polls. */
export function meetingsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/meetings/decision-kinds',
    {
      schema: {
        tags,
        summary: 'The catalogue of decision kinds in force on a date, each with its majority',
        querystring: KindsQuerySchema,
        response: { 200: z.unknown(), 404: ProblemSchema },
      },
    },
    async (request) => {
      const on = request.query.on ?? meetingsClock.now().toISOString().slice(0, 10);
      const edition = editionOn(on);

      if (!edition) {
        throw new AppError('not_found', {
          detail: {
            ru: `Нет редакции перечня на ${on}; самая ранняя — ${CATALOGUE[0]!.effectiveFrom}`,
            en: `No catalogue edition on ${on}; the earliest is ${CATALOGUE[0]!.effectiveFrom}`,
          },
        });
      }

      return edition;
    },
  );

  routes.post(
    '/v1/meetings',
    {
      schema: {
        tags,
        summary: 'Announce a meeting: dates checked, the notice sent to every owner',
        body: CreateMeetingSchema,
        response: {
          201: MeetingDetailSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) => {
      const id = await createMeeting(ctx, actingOf(request), request.body);

      return reply.status(201).send(await getMeeting(ctx, actingOf(request), id));
    },
  );

  routes.get(
    '/v1/meetings/mine',
    {
      schema: {
        tags,
        summary: 'Meetings of the houses where I own, represent an owner, or my organisation owns',
        response: { 200: z.array(MeetingSchema), ...DENIED },
      },
    },
    async (request) => listMyMeetings(ctx, actingOf(request)),
  );

  routes.get(
    '/v1/meetings/inspection',
    {
      schema: {
        tags,
        summary: 'Protocols forwarded to the housing inspection, with the times they arrived',
        response: { 200: z.array(MeetingSchema), ...DENIED },
      },
    },
    async (request) => listInspectionProtocols(ctx, actingOf(request)),
  );

  routes.get(
    '/v1/organisations/:orgId/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings of the houses an organisation manages or convened',
        params: OrgParamsSchema,
        response: { 200: z.array(MeetingSchema), 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listOrganisationMeetings(ctx, actingOf(request), request.params.orgId),
  );

  routes.get(
    '/v1/buildings/:houseId/meetings',
    {
      schema: {
        tags,
        summary: "A house's meeting notices and archive (public: agenda, dates, decisions)",
        params: HouseParamsSchema,
        response: { 200: z.array(z.unknown()) },
      },
    },
    async (request) => listHouseMeetings(ctx, request.params.houseId),
  );

  routes.get(
    '/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting with live figures, my votable shares and receipts, and the protocol',
        params: MeetingParamsSchema,
        response: { 200: MeetingDetailSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getMeeting(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/meetings/:id/register',
    {
      schema: {
        tags,
        summary: 'The frozen register of owners (administrator; journaled)',
        params: MeetingParamsSchema,
        response: { 200: z.unknown(), 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRegister(ctx, actingOf(request), request.params.id),
  );

  if (ctx.config.demo && ctx.config.env !== 'production') {
    routes.put(
      '/v1/meetings/demo-clock',
      {
        schema: {
          tags,
          summary: 'Demo only: move the meetings clock forward by whole days',
          description:
            'A meeting takes at least 17 days; on a demo outside production the platform ' +
            'administrator may shift the clock the meetings rules see. Absent in production.',
          body: ClockSchema,
          response: { 200: z.object({ days: z.number(), now: z.string() }), ...DENIED },
        },
      },
      async (request) => {
        if (!request.user) {
          throw new AppError('unauthenticated');
        }

        if (request.user.platformRole !== 'platform_admin') {
          throw new AppError('forbidden');
        }

        meetingsClock.offsetMs = request.body.days * 86_400_000;

        return { days: request.body.days, now: meetingsClock.now().toISOString() };
      },
    );
  }

  ballotsRoutes(api, ctx);
  protocolRoutes(api, ctx);
  pollsRoutes(api, ctx);
}
