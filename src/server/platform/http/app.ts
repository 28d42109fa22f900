import { randomUUID } from 'node:crypto';

import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';

import type { AppContext } from '../context.js';
import { installNulGuard } from './nul-guard.js';
import { installProblemHandlers, sendProblem, toAppError } from './problem-handler.js';

export type ApiModule = (api: FastifyInstance, ctx: AppContext) => Promise<void> | void;

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Builds the HTTP app: platform plugins, the API modules under `/api/v1`, the OpenAPI document
 * and, when given, the static web UI. Listening is the caller's business, so tests use inject().
 */
export async function buildApp(
  ctx: AppContext,
  options: { modules: ApiModule[]; web?: (app: FastifyInstance) => Promise<boolean> },
): Promise<FastifyInstance> {
  // Typed as fastify's base logger so the instance type stays the default one modules expect.
  const loggerInstance: FastifyBaseLogger = ctx.logger;
  const app = Fastify({
    loggerInstance,
    // A proxy's id is kept when it looks sane, so one id follows a request across hops.
    genReqId: (req) => {
      const incoming = req.headers[REQUEST_ID_HEADER];

      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: ctx.config.env === 'production',
    bodyLimit: 1024 * 1024,
    // Errors the router raises before any hook (a broken or over-long path segment) would
    // otherwise leave as fastify's own JSON; they get the same problem document as the rest.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toAppError(error)),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let webServed = false;

  installProblemHandlers(app, { spaFallback: () => webServed });
  installNulGuard(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  await app.register(fastifyCookie, { secret: ctx.config.cookieSecret });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'МП-дом API',
        version: '1.0.0',
        description:
          'Open API of the МП-дом housing platform. Errors are RFC 9457 problem documents ' +
          'with a stable `code`; lists are paginated and report `total`.',
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      for (const register of options.modules) {
        await register(api, ctx);
      }
    },
    { prefix: '/api' },
  );

  if (options.web) {
    webServed = await options.web(app);
  }

  return app;
}
