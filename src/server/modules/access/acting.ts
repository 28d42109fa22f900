import type { FastifyRequest } from 'fastify';

import '../../platform/http/auth-types.js';

/** Who acts in a request, as the services take it: the user (or nobody) and the request id. */
export function actingOf(request: FastifyRequest) {
  return { user: request.user, requestId: request.id };
}
