import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf, PageQuerySchema } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  DepartmentBodySchema,
  DepartmentSchema,
  EmployeeParamsSchema,
  EmployeeSchema,
  InvitationBodySchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  OrganisationParamsSchema,
  OrganisationRoleEnum,
  RolesBodySchema,
} from './access.schema.js';
import { actingOf } from './acting.js';
import {
  acceptInvitation,
  createDepartment,
  getEmployees,
  invite,
  setRoles,
} from './employees.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const MembershipSchema = z.object({
  organisationId: z.uuid(),
  userId: z.uuid().optional(),
  roles: z.array(OrganisationRoleEnum),
});

/** An organisation's employees, invitations, roles and departments. */
export function employeesRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/organisations/:id/employees',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Employees of the organisation and its departments, with their roles',
        params: OrganisationParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: pageOf(EmployeeSchema),
          400: ProblemSchema,
          404: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) => getEmployees(ctx, actingOf(request), request.params.id, request.query),
  );

  routes.post(
    '/v1/organisations/:id/invitations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Invite a person by e-mail or phone to join in a role',
        params: OrganisationParamsSchema,
        body: InvitationBodySchema,
        response: { 201: InvitationSchema, 400: ProblemSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invite(ctx, actingOf(request), request.params.id, request.body)),
  );

  routes.post(
    '/v1/invitations/:token/acceptance',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Accept an invitation sent to one of your contacts',
        params: InvitationTokenParamsSchema,
        response: { 200: MembershipSchema, 400: ProblemSchema, 410: ProblemSchema, ...DENIED },
      },
    },
    async (request) => acceptInvitation(ctx, actingOf(request), request.params.token),
  );

  routes.put(
    '/v1/organisations/:id/employees/:userId/roles',
    {
      schema: {
        tags: ['organisations'],
        summary: "Replace an employee's roles",
        params: EmployeeParamsSchema,
        body: RolesBodySchema,
        response: {
          200: MembershipSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) =>
      setRoles(
        ctx,
        actingOf(request),
        { organisationId: request.params.id, userId: request.params.userId },
        request.body.roles,
      ),
  );

  routes.delete(
    '/v1/organisations/:id/employees/:userId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Remove an employee from the organisation',
        params: EmployeeParamsSchema,
        response: { 204: z.null(), 404: ProblemSchema, 409: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) => {
      await setRoles(
        ctx,
        actingOf(request),
        { organisationId: request.params.id, userId: request.params.userId },
        [],
      );

      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/v1/organisations/:id/departments',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create a sub-department (e.g. a department of a city administration)',
        params: OrganisationParamsSchema,
        body: DepartmentBodySchema,
        response: { 201: DepartmentSchema, 400: ProblemSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createDepartment(ctx, actingOf(request), request.params.id, request.body.name)),
  );
}
